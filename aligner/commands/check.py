"""`aligner check`: the translation QA linter (findings, exit codes, baselines)."""

from __future__ import annotations

import dataclasses
import os
from collections import Counter

import click

from aligner.baseline import write_baseline
from aligner.checks import match_codes
from aligner.config import FAIL_ON, load_config
from aligner.engine import check_directory, check_files
from aligner.errors import InputError, UsageError
from aligner.output import FINDINGS_FORMATS, render
from aligner.output.text import summary_line


def _codes(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    codes = tuple(code.strip().upper() for code in value.split(",") if code.strip())
    match_codes(list(codes))
    return codes


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
@click.pass_obj
def command(settings, paths, source, output_format, fail_on, select, ignore, config_path, glossaries,
            baseline, write_baseline, output, encoding) -> int:
    """Check English translations (with their Russian sources where given) and report
    findings as `file:line:col: CODE message (suggestion: ...)`.

    PATHS is one directory laid out like corpus/ (DIR/en/X is checked against DIR/ru/X
    where that exists, alone otherwise) or one or more English files (a file DIR/en/X
    finds its source DIR/ru/X the same way unless --source is given). Columns count
    Unicode code points (SARIF: UTF-16 code units). Exit status: 0 no finding at or above
    --fail-on, 1 findings, 2 usage or input error. `aligner rules` lists the rules.

    \b
    Example:
      aligner check corpus/
      aligner check en/report.txt --source ru/report.txt --format sarif -o aligner.sarif
      aligner check corpus/ --write-baseline .aligner-baseline.json   # accept today's findings
      aligner check corpus/ --baseline .aligner-baseline.json         # fail only on new ones
    """
    directories = [path for path in paths if os.path.isdir(path)]
    if directories and len(paths) > 1:
        raise UsageError("give one directory, or English files, not both")
    if directories and source:
        raise UsageError("--source goes with an English file; a directory pairs DIR/en/X with DIR/ru/X")
    config = load_config(config_path)
    extra_glossaries = []
    for glossary in glossaries:
        if not os.path.isfile(glossary):
            raise InputError("no such glossary file", glossary)
        extra_glossaries.append(glossary)
    ignored = _codes(ignore)
    config = config.override(
        select=_codes(select),
        ignore=config.ignore + ignored if ignored else None,
        fail_on=fail_on, baseline=baseline,
        glossaries=config.glossaries + tuple(extra_glossaries) if extra_glossaries else None)
    if write_baseline:
        config = dataclasses.replace(config, baseline=None)
    _refuse_overwriting(paths, source, [output, write_baseline])

    if directories:
        result = check_directory(directories[0], config, encoding)
    else:
        result = check_files(list(paths), source, config, encoding)

    for note in result.notes:
        click.echo(f"aligner: note: {note.path}: {note.message}", err=True)
    if settings is not None and settings.debug:
        for stage, seconds in result.timings.items():
            settings.log(f"aligner: time: {stage}: {seconds:.3f} s")
        settings.log(f"aligner: signature: {result.signature}")
    if write_baseline:
        count = write_baseline_file(write_baseline, result)
        click.echo(f"aligner: wrote {count} finding(s) to baseline {write_baseline}", err=True)
    text = render(result, output_format)
    if output:
        try:
            with open(output, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        except OSError as error:
            raise InputError(f"cannot write: {error.strerror}", output) from None
    else:
        click.echo(text, nl=False)
    if output_format == "text" or output:
        click.echo(summary_line(result), err=True)
    return 1 if result.fails() else 0


def write_baseline_file(path: str, result) -> int:
    """Record every current finding (then none is left to fail the run)."""
    findings = result.findings + result.baselined
    count = write_baseline(path, findings)
    result.accept(Counter(finding.fingerprint for finding in result.findings))
    return count


def _refuse_overwriting(paths, source, outputs) -> None:
    inputs = [os.path.realpath(path) for path in (*paths, source) if path]
    for target in filter(None, outputs):
        real = os.path.realpath(target)
        for path in inputs:
            if real == path or (os.path.isdir(path) and real.startswith(path + os.sep)
                                and os.path.relpath(real, path).split(os.sep)[0] in ("en", "ru")):
                raise UsageError("refusing to write over or among the input files", target)
