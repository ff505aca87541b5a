"""`aligner report`: the side-by-side HTML review report."""

from __future__ import annotations


import click

from aligner.config import load_config
from aligner.engine import check_paths
from aligner.io import guard_outputs, write_text
from aligner.report import render_report
from aligner.commands.run_options import run_options


@click.command("report")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--source", type=click.Path(), default=None,
              help="Russian original of a single English file.")
@click.option("-o", "--output", required=True, type=click.Path(),
              help="HTML file to write ('-' for stdout).")
@click.option("--title", default=None, help="Page title (default: the inputs).")
@click.option("--config", "config_path", type=click.Path(), default=None,
              help="Settings file (default: the [aligner] section of ./setup.cfg).")
@click.option("--encoding", default=None, help="Input encoding (default: detect).")
@run_options
@click.pass_obj
def command(settings, paths: tuple[str, ...], source: str | None, output: str, title: str | None,
            config_path: str | None, encoding: str | None, jobs: int | None, dask: str | None) -> None:
    """Write one self-contained HTML page for reviewing PATHS: aligned Russian | English
    rows, every finding highlighted on its text with rule, message and suggestion, a
    summary by rule and severity, filters by rule/severity/file (also from the URL,
    e.g. report.html#rule=NAM001&severity=error), and j/n, k/p to move between findings.

    PATHS are English files (with --source for one of them) or one corpus folder
    holding en/ and ru/.

    \b
    Example:
      aligner report corpus/ -o report.html
      aligner report --source ru.txt en.txt -o review.html
    """
    config = load_config(config_path)
    if output != "-":
        guard_outputs([output], [*paths, source])  # before the check runs
    with settings.progress("checking") as progress:
        result = check_paths(paths, source, config, encoding, jobs=jobs, dask=dask, progress=progress)
    if output != "-":
        guard_outputs([output], result.documents())  # the sources found as DIR/ru/X too
    html = render_report(result.pairs, result.findings, title=title or "aligner report: " + " ".join(paths),
                         rules=result.rules, signature=result.signature)
    if output == "-":
        click.echo(html, nl=False)
        settings.problems(result)
        return 2 if result.problems else 0
    write_text(output, html)
    settings.log(f"aligner: wrote {output}: {len(result.findings)} findings in {len(result.pairs)} files")
    settings.problems(result)
    return 2 if result.problems else 0
