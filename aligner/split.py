"""Splitting a mixed document into one text per language (``aligner split``), and the way back."""

from __future__ import annotations

import json

from aligner.detect import language_blocks
from aligner.errors import InputError
from aligner.records import Document

# Languages `aligner split` writes, each to its own directory.
SPLIT_LANGUAGES = ("ru", "en")


def split_languages(document: Document) -> dict[str, tuple[str, list[dict]]]:
    """For each of SPLIT_LANGUAGES: the text of its pieces of ``document``, one per line,
    and a map row per written line giving its origin.

    Map row: ``{"line": n, "path", "source_line", "source_column", "start", "end"}``;
    column c of written line n is column ``source_column + c - 1`` of ``source_line``.
    """
    result = {}
    for lang in SPLIT_LANGUAGES:
        pieces = [block for block in language_blocks(document) if block.lang == lang]
        rows = []
        for number, piece in enumerate(pieces, 1):
            line, column = document.position(piece.start)
            rows.append({"line": number, "path": document.path, "source_line": line,
                         "source_column": column, "start": piece.start, "end": piece.end})
        result[lang] = ("".join(piece.text + "\n" for piece in pieces), rows)
    return result


def read_split_map(path: str) -> list[dict]:
    """The rows of a ``.map.jsonl`` sidecar written by ``aligner split``."""
    try:
        with open(path, encoding="utf-8") as handle:
            return [json.loads(row) for row in handle if row.strip()]
    except FileNotFoundError:
        raise InputError("no such split map", path) from None
    except (OSError, ValueError) as error:
        raise InputError(f"not a split map: {error}", path) from None


def source_position(rows: list[dict], line: int, column: int) -> tuple[str, int, int]:
    """(path, line, column) in the original file of ``line``:``column`` in a split file."""
    for row in rows:
        if row["line"] == line:
            return row["path"], row["source_line"], row["source_column"] + column - 1
    raise ValueError(f"line {line} is not in the split map")
