"""`aligner sentences`: split a Russian or English text file into sentences."""

from __future__ import annotations

import json

import click

from aligner.io import read_document
from aligner.segment import document_sentences, explain_document


@click.command("sentences")
@click.argument("path", type=click.Path())
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text: one sentence per line; json: with positions.")
@click.option("--lang", type=click.Choice(["ru", "en"]), default=None,
              help="Only the sentences in this language (e.g. the English of a mixed file).")
@click.option("--encoding", default=None, help="Input encoding (default: detect).")
@click.pass_obj
def command(settings, path: str, output_format: str, lang: str | None,
            encoding: str | None) -> None:
    """Split PATH into sentences: at line breaks first (headlines end there), then
    inside lines, keeping exact positions.

    \b
    Example:
      aligner sentences corpus/en/002_63d1d6def9e2a9b0.txt
      aligner sentences --format json --lang ru mixed.txt
      aligner --debug sentences notes.txt   # which rule split or joined where (stderr)
    """
    document = read_document(path, encoding)
    if settings.debug:
        for offset, ends, rule in explain_document(document):
            line, column = document.position(offset)
            settings.log(f"{path}:{line}:{column}: {'split' if ends else 'join'} ({rule})")
    found = document_sentences(document, lang)
    if output_format == "text":
        for sentence in found:
            click.echo(sentence.text)
        return
    rows = []
    for sentence in found:
        line, column = document.position(sentence.start)
        end_line, end_column = document.position(sentence.end)
        rows.append({"line": line, "column": column, "end_line": end_line,
                     "end_column": end_column, "start": sentence.start, "end": sentence.end,
                     "lang": sentence.lang, "text": sentence.text})
    click.echo(json.dumps({"path": path, "encoding": document.encoding, "sentences": rows},
                          ensure_ascii=False, indent=2))
