"""Two-column TSV: ``source<TAB>target`` per line."""

from __future__ import annotations

import codecs
import re

from aligner.errors import InputError
from aligner.formats.inline import InlineBuilder
from aligner.formats.records import Bilingual, Segment, Unit
from aligner.io import decode

_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})?$", re.IGNORECASE)
_HEADER_WORDS = {"source", "target", "russian", "english", "original", "translation"}


def _byte_codec(data: bytes, codec: str) -> tuple[str, int]:
    """The codec that encodes one character at a time, and the BOM length."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8", 3
    if data.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le", 2
    if data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be", 2
    return codec, 0


def is_header(cells: list[str]) -> bool:
    return all(_LANGUAGE_CODE.match(cell.strip()) or cell.strip().lower() in _HEADER_WORDS
               for cell in cells)


def read_tsv(data: bytes, path: str) -> Bilingual:
    """``source<TAB>target`` per line; an optional first row of language codes (``ru<TAB>en``)
    or column names. The id is the line number."""
    text, codec = decode(data, path)
    codec, offset = _byte_codec(data, codec)
    units, languages = [], ("", "")
    for number, line in enumerate(text.splitlines(keepends=True), 1):
        content = line.rstrip("\r\n")
        cells = content.split("\t")
        start, offset = offset, offset + len(line.encode(codec))
        if not content.strip():
            continue
        if len(cells) != 2:
            raise InputError(f"expected two tab-separated columns, found {len(cells)}", path, number)
        if number == 1 and is_header(cells):
            if all(_LANGUAGE_CODE.match(cell.strip()) for cell in cells):
                languages = (cells[0].strip(), cells[1].strip())
            continue
        source, target = InlineBuilder({}, data, codec), InlineBuilder({}, data, codec)
        source_range = source.add_raw(cells[0], start)
        target_range = target.add_raw(cells[1], start + len((cells[0] + "\t").encode(codec)))
        units.append(Unit(str(number), source.build(), target.build(),
                          (Segment("", source_range, target_range),), "", number, True))
    return Bilingual(path, "tsv", "", data, codec, languages[0], languages[1], tuple(units))
