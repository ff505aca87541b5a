"""``--jobs`` and ``--dask``: where `aligner check` and `aligner report` do their work."""

from __future__ import annotations

import click

from aligner.parallel import default_jobs


def run_options(command):
    """Add ``--jobs N`` and ``--dask ADDRESS`` to a click command (as ``jobs``, ``dask``)."""
    command = click.option(
        "--dask", default=None, metavar="ADDRESS",
        help="Check the documents on a Dask cluster: its scheduler (tcp://host:8786), or "
             "'local' for a LocalCluster of --jobs worker processes. Same findings as without.")(command)
    return click.option(
        "--jobs", "-j", type=click.IntRange(min=1), default=None,
        help=f"Documents checked at once, each in its own process [default: the cores, {default_jobs()}].")(command)
