"""Bilingual formats without XML: PO (translate-toolkit's ``po.pofile``) and two-column TSV."""

from __future__ import annotations

import codecs
import re

from aligner.errors import InputError
from aligner.formats.inline import InlineBuilder
from aligner.formats.records import Bilingual, Segment, Unit
from aligner.io import decode

_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})?$", re.IGNORECASE)
_HEADER_WORDS = {"source", "target", "russian", "english", "original", "translation"}
_MSGID_LINE = re.compile(r"^msgid\s", re.MULTILINE)


def read_po(data: bytes, path: str) -> Bilingual:
    """Entries of a PO file (header and obsolete entries skipped); the id is the entry's
    msgctxt when it has one, else its number; ``line`` is the line of its ``msgid``."""
    from translate.storage import po

    try:
        store = po.pofile.parsestring(data)
    except Exception as error:  # the PO parser raises several kinds for malformed files
        raise InputError(f"cannot read PO: {error}", path) from None
    text, _ = decode(data, path)
    lines = [text.count("\n", 0, match.start()) + 1 for match in _MSGID_LINE.finditer(text)]
    units, number = [], 0
    entries = [unit for unit in store.units if not unit.isobsolete()]
    for index, entry in enumerate(entries):
        if entry.isheader():
            continue
        number += 1
        source, target = InlineBuilder({}, b"", "utf-8"), InlineBuilder({}, b"", "utf-8")
        source_range = source.add_plain(str(entry.source or ""))
        target_range = target.add_plain(str(entry.target or ""))
        context = entry.getcontext()
        units.append(Unit(context or str(number), source.build(), target.build(),
                          (Segment("", source_range, target_range),), "",
                          lines[index] if index < len(lines) else 0, bool(entry.target)))
    header = store.parseheader()
    return Bilingual(path, "po", "", data, store.encoding or "utf-8",
                     str(getattr(store, "sourcelanguage", "") or ""),
                     str(header.get("Language", "") or ""), tuple(units))


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
