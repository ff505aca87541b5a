"""aligner: Russian/English sentence alignment and translation QA.

``aligner.check(paths, source=None, config=None)`` returns what ``aligner check`` prints
(:class:`aligner.engine.CheckResult`: findings, notes, the pairs read).
"""

__version__ = "0.1.0"


def check(paths, source=None, config=None, encoding=None, jobs=1, dask=None):
    """Check a corpus folder or English files on ``jobs`` processes or a Dask cluster;
    see :func:`aligner.engine.check_paths`."""
    from aligner.engine import check_paths

    return check_paths(paths, source, config, encoding, jobs=jobs, dask=dask)
