"""`aligner split`: write the Russian and the English parts of mixed files apart."""

from __future__ import annotations

import json
import os

import click

from aligner.errors import UsageError
from aligner.io import guard_outputs, read_document, write_text
from aligner.split import SPLIT_LANGUAGES, split_languages


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
    guard_outputs(outputs, sources, new_folders=True)
    documents = [read_document(source, encoding) for source in sources]
    for name, document in zip(names, documents):
        for lang, (text, rows) in split_languages(document).items():
            target = os.path.join(out_dir, lang, name)
            write_text(target, text)
            write_text(target + ".map.jsonl", "".join(json.dumps(row, ensure_ascii=False) + "\n"
                                                      for row in rows))
            settings.log(f"{target}: {len(rows)} {lang} segment(s)")
