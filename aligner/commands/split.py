"""`aligner split`: write the Russian and the English parts of mixed files apart."""

from __future__ import annotations

import json
import os

import click

from aligner.detect import SPLIT_LANGUAGES, split_languages
from aligner.errors import UsageError
from aligner.read import read_document


@click.command("split")
@click.argument("sources", nargs=-1, required=True, type=click.Path())
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Output directory; gets ru/NAME and en/NAME for each SOURCE.")
@click.option("--encoding", default=None, help="Input encoding (default: detect).")
@click.pass_obj
def command(settings, sources: tuple[str, ...], out_dir: str, encoding: str | None) -> None:
    """Write the Russian and the English segments of each SOURCE to OUT/ru/NAME and
    OUT/en/NAME (UTF-8, one segment per line), each with a sidecar NAME.map.jsonl
    giving every written line's origin: {"line", "path", "source_line",
    "source_column", "start", "end"}. Lines with no letters (und) or in another
    language are left out. Sources are never modified.

    \b
    Example:
      aligner split corpus/en/002_63d1d6def9e2a9b0.txt --out split/
      # split/ru/002_63d1d6def9e2a9b0.txt line 1 comes from line 3, column 1
    """
    names = [os.path.basename(source) for source in sources]
    if len(set(names)) != len(names):
        raise UsageError("two sources have the same file name; split them in separate runs")
    outputs = [os.path.join(out_dir, lang, name + suffix)
               for name in names for lang in SPLIT_LANGUAGES for suffix in ("", ".map.jsonl")]
    inputs = {os.path.realpath(source) for source in sources}
    for output in outputs:
        if os.path.realpath(output) in inputs or (os.path.exists(output) and any(
                os.path.exists(source) and os.path.samefile(output, source) for source in sources)):
            raise UsageError("refusing to overwrite an input file", output)
    documents = [read_document(source, encoding) for source in sources]
    for name, document in zip(names, documents):
        for lang, (text, rows) in split_languages(document).items():
            os.makedirs(os.path.join(out_dir, lang), exist_ok=True)
            target = os.path.join(out_dir, lang, name)
            with open(target, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            with open(target + ".map.jsonl", "w", encoding="utf-8", newline="\n") as handle:
                for row in rows:
                    handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            settings.log(f"{target}: {len(rows)} {lang} segment(s)")
