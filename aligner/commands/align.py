"""`aligner align`: pair Russian sentences with their English renderings."""

from __future__ import annotations

import os
import sys

import click

from aligner.align import align_documents
from aligner.align.inputs import alignment_warnings, input_warnings, pair_files
from aligner.errors import UsageError
from aligner.output.alignment import ALIGNMENT_FORMATS, EXTENSIONS, Alignment, render
from aligner.read import read_document

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
    untranslated or added. Each has a score in [0, 1]: 1 for a sure match, 0 for a
    pair no better than leaving both sides unaligned (and for 1-0 / 0-1).
    With two folders, files are paired by name and each pair is written to
    OUTPUT/NAME.<format>; a file without a partner is reported on stderr.

    \b
    Example:
      aligner align corpus/ru/003_d8baf50c479c5e8c.txt corpus/en/003_d8baf50c479c5e8c.txt
      [0]:[0]:0.794
      ...
      [19, 20]:[19]:0.828       # two Russian sentences rendered as one
      aligner align --presegmented --format tmx ru.txt en.txt -o pairs.tmx
      aligner align corpus/ru corpus/en -o aligned/ --format jsonl
    """
    if os.path.isdir(ru_path) or os.path.isdir(en_path):
        _align_corpus(settings, ru_path, en_path, presegmented, output_format, output, encoding)
        return
    if output:
        _check_output_file(output, ru_path, en_path)
    text = _align_pair(settings, ru_path, en_path, presegmented, output_format, encoding)
    if output:
        _write(output, text)
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
    os.makedirs(out_dir, exist_ok=True)
    for name, ru_path, en_path in pairs:
        target = os.path.join(out_dir, name + EXTENSIONS[output_format])
        if os.path.realpath(target) in (os.path.realpath(ru_path), os.path.realpath(en_path)):
            raise UsageError("refusing to overwrite an input file", target)
        _write(target, _align_pair(settings, ru_path, en_path, presegmented, output_format, encoding))
    settings.log(f"aligned {len(pairs)} pair(s) into {out_dir}")


def _align_pair(settings, ru_path, en_path, presegmented, output_format, encoding) -> str:
    ru, en = read_document(ru_path, encoding), read_document(en_path, encoding)
    with _progress(ru, en) as progress:
        ru_sentences, en_sentences, beads = align_documents(
            ru, en, presegmented=presegmented, progress=progress)
    for note in input_warnings(ru, en, ru_sentences, en_sentences) + alignment_warnings(ru, en, beads):
        settings.log(f"aligner: warning: {note}")
    nulls = sum(1 for bead in beads if not (bead.ru and bead.en))
    settings.log(f"{ru_path} + {en_path}: {len(ru_sentences)} + {len(en_sentences)} sentences, "
                 f"{len(beads)} beads ({nulls} 1-0/0-1)")
    return render(Alignment(ru, en, ru_sentences, en_sentences, beads), output_format)


class _progress:
    """A progress bar on stderr for long texts, only when stderr is a terminal."""

    def __init__(self, ru, en):
        lines = ru.text.count("\n") + en.text.count("\n")
        self.bar = None
        if sys.stderr.isatty() and lines >= PROGRESS_MIN_SENTENCES:
            self.bar = click.progressbar(length=1, label="aligning", file=sys.stderr)

    def __enter__(self):
        if self.bar is None:
            return None
        self.bar.__enter__()
        return self.update

    def update(self, done: int, total: int) -> None:
        self.bar.length = max(total, 1)
        self.bar.update(done - self.bar.pos)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.__exit__(*exc)


def _check_output_file(output: str, ru_path: str, en_path: str) -> None:
    """Fail before aligning if the output cannot be written or is an input."""
    if os.path.isdir(output):
        raise UsageError("is a folder; -o takes a file name when aligning two files", output)
    folder = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(folder):
        raise UsageError(f"cannot write: no folder {folder}", output)
    if os.path.exists(output) and any(os.path.exists(p) and os.path.samefile(output, p)
                                      for p in (ru_path, en_path)):
        raise UsageError("refusing to overwrite an input file", output)


def _write(path: str, text: str) -> None:
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except OSError as error:
        raise UsageError(f"cannot write: {error.strerror}", path) from None
