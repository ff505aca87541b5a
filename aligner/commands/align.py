"""`aligner align`: pair Russian sentences with their English renderings."""

from __future__ import annotations

import contextlib
import os

import click

from aligner.align.inputs import alignment_warnings, input_warnings, pair_files
from aligner.errors import UsageError
from aligner.io import guard_outputs, read_document, write_text
from aligner.output.alignment import ALIGNMENT_FORMATS, EXTENSIONS, render
from aligner.pipeline import build_pair

PROGRESS_MIN_SENTENCES = 2000  # show a progress bar (on a terminal) from this size on


@click.command("align")
@click.argument("ru_path", metavar="RU", type=click.Path())
@click.argument("en_path", metavar="EN", type=click.Path())
@click.option("--presegmented", is_flag=True,
              help="Both files have one sentence per line (as hunalign and vecalign take); "
                   "do not split them.")
@click.option("--format", "output_format", type=click.Choice(ALIGNMENT_FORMATS), default="ladder",
              show_default=True,
              help="ladder: vecalign's [ru]:[en]:score lines (0-based); tsv: ru, en, score; "
                   "jsonl: indices, texts, positions in both files, score; tmx: TMX 1.4b.")
@click.option("-o", "--output", type=click.Path(),
              help="Write to this file (default: stdout). In corpus mode: the output folder.")
@click.option("--encoding", default=None, help="Input encoding (default: detect).")
@click.pass_obj
def command(settings, ru_path: str, en_path: str, presegmented: bool, output_format: str,
            output: str | None, encoding: str | None) -> None:
    """Align the Russian file RU with its English translation EN, sentence by sentence.

    Beads are 1-1, 1-2, 2-1, 2-2, 1-3, 3-1, and 1-0 / 0-1 for a sentence left
    untranslated or added. Each has a score in [0, 1]: the estimated probability
    that the bead is right.
    With two folders, files are paired by name and each pair is written to
    OUTPUT/NAME.<format>; a file without a partner is reported on stderr.

    \b
    Example:
      aligner align corpus/ru/003_d8baf50c479c5e8c.txt corpus/en/003_d8baf50c479c5e8c.txt
      [0]:[0]:1.000
      ...
      [19, 20]:[19]:0.954       # two Russian sentences rendered as one
      aligner align --presegmented --format tmx ru.txt en.txt -o pairs.tmx
      aligner align corpus/ru corpus/en -o aligned/ --format jsonl
    """
    if os.path.isdir(ru_path) or os.path.isdir(en_path):
        _align_corpus(settings, ru_path, en_path, presegmented, output_format, output, encoding)
        return
    guard_outputs([output], [ru_path, en_path])
    text = _align_pair(settings, ru_path, en_path, presegmented, output_format, encoding)
    if output:
        write_text(output, text)
    else:
        click.echo(text, nl=False)


def _align_corpus(settings, ru_dir, en_dir, presegmented, output_format, out_dir, encoding):
    if not (os.path.isdir(ru_dir) and os.path.isdir(en_dir)):
        raise UsageError("give two files or two folders, not a file and a folder")
    if not out_dir:
        raise UsageError("corpus mode needs -o OUTDIR for the aligned files")
    if os.path.exists(out_dir) and not os.path.isdir(out_dir):
        raise UsageError("-o must be a folder in corpus mode", out_dir)
    pairs, ru_only, en_only = pair_files(ru_dir, en_dir)
    for path in ru_only:
        settings.log(f"aligner: warning: {path}: no file of that name in {en_dir}; not aligned")
    for path in en_only:
        settings.log(f"aligner: warning: {path}: no file of that name in {ru_dir}; not aligned")
    if not pairs:
        raise UsageError(f"no file names in common between {ru_dir} and {en_dir}")
    targets = [os.path.join(out_dir, name + EXTENSIONS[output_format]) for name, _, _ in pairs]
    guard_outputs(targets, [path for _, ru_path, en_path in pairs for path in (ru_path, en_path)],
                  new_folders=True)
    for target, (name, ru_path, en_path) in zip(targets, pairs):
        write_text(target, _align_pair(settings, ru_path, en_path, presegmented, output_format, encoding))
    settings.log(f"aligned {len(pairs)} pair(s) into {out_dir}")


def _align_pair(settings, ru_path, en_path, presegmented, output_format, encoding) -> str:
    ru, en = read_document(ru_path, encoding), read_document(en_path, encoding)
    with _progress(settings, ru, en) as progress:
        pair = build_pair(en, ru, presegmented=presegmented, progress=progress)
    notes = (input_warnings(ru, en, pair.source_sentences, pair.target_sentences)
             + alignment_warnings(ru, en, pair.beads))
    for note in notes:
        settings.log(f"aligner: warning: {note}")
    nulls = sum(1 for bead in pair.beads if not (bead.source and bead.target))
    settings.log(f"{ru_path} + {en_path}: {len(pair.source_sentences)} + {len(pair.target_sentences)} "
                 f"sentences, {len(pair.beads)} beads ({nulls} 1-0/0-1)")
    return render(pair, output_format)


def _progress(settings, ru, en):
    """``settings.progress`` for texts long enough to want a progress bar, else none."""
    lines = ru.text.count("\n") + en.text.count("\n")
    if settings is None or lines < PROGRESS_MIN_SENTENCES:
        return contextlib.nullcontext(None)
    return settings.progress("aligning")