"""`aligner detect`: the language of every line and script run of text files."""

from __future__ import annotations

import json

import click

from aligner.detect import detect_document
from aligner.io import read_document


@click.command("detect")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text: PATH:LINE:COL<TAB>LANG<TAB>TEXT; json: one object.")
@click.option("--encoding", default=None, help="Input encoding (default: detect).")
def command(paths: tuple[str, ...], output_format: str, encoding: str | None) -> None:
    """Label every line of PATH..., and every run where the script changes, with its
    language: ru, en, other (another language) or und (no letters: numbers, dates,
    document symbols, URLs).

    \b
    Example:
      aligner detect corpus/en/002_63d1d6def9e2a9b0.txt
      aligner detect --format json notes.txt
    """
    files = []
    for path in paths:
        document = read_document(path, encoding)
        found = detect_document(document)
        if output_format == "text":
            for line, column, segment in found:
                click.echo(f"{path}:{line}:{column}\t{segment.lang}\t{segment.text}")
        else:
            files.append({"path": path, "encoding": document.encoding, "segments": [
                _segment_json(document, line, column, segment) for line, column, segment in found]})
    if output_format == "json":
        click.echo(json.dumps({"files": files}, ensure_ascii=False, indent=2))


def _segment_json(document, line, column, segment) -> dict:
    end_line, end_column = document.position(segment.end)
    return {"line": line, "column": column, "end_line": end_line, "end_column": end_column,
            "start": segment.start, "end": segment.end, "lang": segment.lang, "text": segment.text}
