"""`aligner check`: the translation QA linter (findings, exit codes, baselines)."""

from __future__ import annotations

import contextlib

import click

from aligner.config import FAIL_ON, load_config
from aligner.engine import check_paths
from aligner.errors import one_line
from aligner.formats.writeback import annotatable, annotated
from aligner.io import guard_outputs, write_text
from aligner.output import FINDINGS_FORMATS, render
from aligner.output.text import summary_line
from aligner.commands.run_options import run_options


@click.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--source", "-s", type=click.Path(dir_okay=False),
              help="Russian original of the (single) English FILE.")
@click.option("--format", "output_format", type=click.Choice(FINDINGS_FORMATS), default="text",
              show_default=True, help="Output format for the findings.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
              help="Exit 1 when a finding is at or above this severity [default: error].")
@click.option("--select", default=None, metavar="CODES",
              help="Comma-separated rule codes or prefixes to run (default: all).")
@click.option("--ignore", default=None, metavar="CODES",
              help="Comma-separated rule codes or prefixes to skip (added to the configuration's).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="INI file with an [aligner] section (default: ./setup.cfg if it has one).")
@click.option("--glossary", "glossaries", multiple=True, type=click.Path(dir_okay=False),
              help="Glossary file for the terminology rules (repeatable; added to the configuration's).")
@click.option("--baseline", type=click.Path(dir_okay=False),
              help="Suppress the findings recorded in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False),
              help="Record every current finding in this file and exit 0.")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write the findings to this file instead of standard output.")
@click.option("--encoding", default=None, help="Input encoding (default: detect).")
@click.option("--annotate", type=click.Path(dir_okay=False), metavar="OUT",
              help="Bilingual input (XLIFF, TMX, PO): write a copy with each finding as a note on its unit.")
@run_options
@click.pass_obj
def command(settings, paths, source, output_format, fail_on, select, ignore, config_path, glossaries,
            baseline, write_baseline, output, encoding, annotate, jobs, dask) -> int:
    """Check English translations (with their Russian sources where given) and report
    findings as `file:line:col: CODE message (suggestion: ...)`.

    PATHS is one directory laid out like corpus/ (DIR/en/X is checked against DIR/ru/X
    where that exists, alone otherwise) or one or more English files (a file DIR/en/X
    finds its source DIR/ru/X the same way unless --source is given), or bilingual files
    from CAT tools (XLIFF 1.2/2.0, memoQ, Trados, TMX, PO, two-column TSV; recognised by
    content), whose findings are placed as FILE#UNIT:LINE:COL. Columns count
    Unicode code points (SARIF: UTF-16 code units). Exit status: 0 no finding at or above
    --fail-on, 1 findings, 2 usage, configuration or input error, or a file or rule that
    could not be checked (the others are still checked and reported). `aligner rules` lists the rules.

    \b
    Example:
      aligner check corpus/
      aligner check en/report.txt --source ru/report.txt --format sarif -o aligner.sarif
      aligner check corpus/ --write-baseline .aligner-baseline.json   # accept today's findings
      aligner check corpus/ --baseline .aligner-baseline.json         # fail only on new ones
      aligner check project.mqxliff --annotate project.checked.mqxliff  # notes for the CAT tool
      aligner check archive/ --dask tcp://scheduler:8786              # on a Dask cluster
    """
    config = load_config(config_path).with_options(select, ignore, glossaries, fail_on,
                                                   None if write_baseline else baseline)
    guard_outputs([output, write_baseline, annotate], [*paths, source])
    if annotate:
        annotatable(paths)

    with (settings.progress("checking") if settings is not None else contextlib.nullcontext()) as progress:
        result = check_paths(paths, source, config, encoding, jobs=jobs, dask=dask, keep_pair=False,
                             progress=progress)

    for note in result.notes:
        click.echo(one_line(f"aligner: note: {note.path}: {note.message}"), err=True)
    if settings is not None:
        settings.problems(result)
    if settings is not None and settings.debug:
        for stage, seconds in result.timings.items():
            settings.log(f"aligner: time: {stage}: {seconds:.3f} s")
        settings.log(f"aligner: signature: {result.signature}")
    if write_baseline:
        count = result.write_baseline(write_baseline)
        click.echo(f"aligner: wrote {count} finding(s) to baseline {write_baseline}", err=True)
    text = render(result, output_format)
    if output:
        write_text(output, text)
    else:
        click.echo(text, nl=False)
    if annotate:
        data, bilingual, count = annotated(result)
        write_text(annotate, *bilingual.file_text(data))
        click.echo(f"aligner: wrote {annotate}: {count} note(s)", err=True)
    if output_format == "text" or output:
        click.echo(summary_line(result), err=True)
    if result.problems:
        click.echo(f"aligner: {len(result.problems)} file or rule could not be checked "
                   "(the errors above; exit 2)", err=True)
    return result.exit_code()
