"""Reading the rules' TSV tables from ``aligner/data`` (``#`` lines are comments). Not a rule."""

from __future__ import annotations

import csv
import functools
import io
from importlib import resources


@functools.lru_cache(maxsize=None)
def read_table(name: str) -> tuple[dict, ...]:
    """The rows of ``aligner/data/<name>`` as dicts keyed by the header line."""
    raw = resources.files("aligner.data").joinpath(name).read_text("utf-8")
    body = "".join(line for line in raw.splitlines(True) if not line.startswith("#"))
    return tuple(csv.DictReader(io.StringIO(body), delimiter="\t"))
