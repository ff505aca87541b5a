"""Reading the bundled TSV tables in ``aligner/data`` (``#`` lines are comments)."""

from __future__ import annotations

import csv
import functools
import io
from importlib import resources
from typing import Iterator

from aligner.errors import ConfigError


def data_lines(name: str) -> list[str]:
    """The lines of ``aligner/data/<name>``, comments included (line numbers stay true)."""
    return resources.files("aligner.data").joinpath(name).read_text("utf-8").splitlines()


@functools.lru_cache(maxsize=None)
def read_table(name: str) -> tuple[dict, ...]:
    """The rows of a table whose first non-comment line is its header, as dicts."""
    body = "".join(line + "\n" for line in data_lines(name) if not line.startswith("#"))
    return tuple(csv.DictReader(io.StringIO(body), delimiter="\t"))


def read_rows(name: str, columns: int, expected: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) for every data row of a table without a header line.

    A row with another number of columns is a ConfigError at ``file:line`` that says
    what was ``expected``.
    """
    for number, line in enumerate(data_lines(name), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != columns:
            raise ConfigError(f"expected {expected}", f"aligner/data/{name}", number)
        yield number, fields
