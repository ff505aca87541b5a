"""`aligner score`: sacrebleu BLEU, chrF and TER of a hypothesis against a reference."""

from __future__ import annotations

import json

import click

from aligner.io import read_document
from aligner.score import parse_metrics, score_documents


@click.command("score")
@click.argument("hypothesis", type=click.Path())
@click.argument("reference", type=click.Path())
@click.option("--metrics", default="bleu,chrf,ter", show_default=True,
              help="Comma-separated: bleu, chrf, ter.")
@click.option("--sentences", is_flag=True, help="Also score every line on its own.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--encoding", default=None, help="Input encoding (default: detect).")
def command(hypothesis: str, reference: str, metrics: str, sentences: bool, output_format: str,
            encoding: str | None) -> None:
    """Score HYPOTHESIS against REFERENCE line by line (lines blank in both are left out):
    corpus scores with sacrebleu's signature strings, and per-line scores with
    --sentences. Use it to compare a corrected transcript with the original, or an MT
    output with a human reference.

    \b
    Example:
      aligner score corrected.txt corpus/en/002_63d1d6def9e2a9b0.txt
      aligner score mt.txt ref.txt --metrics chrf --sentences
    """
    names = parse_metrics(metrics)
    report = score_documents(read_document(hypothesis, encoding), read_document(reference, encoding),
                             names, sentences)
    if output_format == "json":
        click.echo(json.dumps({
            "hypothesis": hypothesis, "reference": reference, "segments": report.segments,
            "corpus": [{"metric": s.metric, "name": s.name, "score": round(s.score, 4),
                        "signature": s.signature} for s in report.corpus],
            "sentences": [{"line": s.index, "scores": {k: round(v, 4) for k, v in s.scores.items()}}
                          for s in report.sentences],
            "sentence_signatures": report.sentence_signatures}, ensure_ascii=False, indent=2))
        return
    click.echo(f"{report.segments} segments")
    for item in report.corpus:
        click.echo(f"{item.text}\n  signature: {item.signature}")
    if sentences:
        header = "line  " + "  ".join(f"{name:>7}" for name in names)
        click.echo("\n" + header)
        for row in report.sentences:
            click.echo(f"{row.index:>4}  " + "  ".join(f"{row.scores[name]:7.2f}" for name in names))
        for name, signature in report.sentence_signatures.items():
            click.echo(f"sentence {name} signature: {signature}")
