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
    """The rows of a table whose first non-comment line is its header, as dicts.

    A row with more or fewer columns than the header is a ConfigError at ``file:line``.
    """
    lines = data_lines(name)
    numbers = [number for number, line in enumerate(lines, 1) if not line.startswith("#")]
    body = "".join(line + "\n" for line in lines if not line.startswith("#"))
    reader = csv.DictReader(io.StringIO(body), delimiter="\t")
    rows = []
    for row in reader:
        if None in row or None in row.values():
            raise ConfigError(f"expected the columns {', '.join(reader.fieldnames)}",
                              f"aligner/data/{name}", numbers[reader.line_num - 1])
        rows.append(row)
    return tuple(rows)


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
