"""Bilingual files from CAT tools: XLIFF 1.2 (memoQ, Trados flavours), XLIFF 2.0, TMX, PO, TSV.

:func:`sniff` recognises the format by content; :func:`read_bilingual` reads a file into
units (:mod:`aligner.formats.records`) with masked text, inline tags and the byte
offsets that :mod:`aligner.formats.write` needs to put notes and corrections back.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace

from aligner.errors import InputError
from aligner.io import read_bytes
from aligner.formats.records import Bilingual, Inline, Segment, Tag, Unit

FORMATS = ("xliff-1.2", "xliff-2.0", "tmx", "po", "tsv")
_HEAD = 8192
_PROLOG = re.compile(r"^(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*", re.DOTALL)
_ROOT = re.compile(r"<(?:[\w.-]+:)?([\w.-]+)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_VERSION = re.compile(r"""\bversion\s*=\s*["']([\d.]+)["']""")
_XLIFF2_NS = "urn:oasis:names:tc:xliff:document:2"
_PO_ENTRY = re.compile(r'^msgid\s+"', re.MULTILINE)
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_PO_TARGET = re.compile(r'^msgstr(?:\[\d+\])?\s+"', re.MULTILINE)


def _head_text(head: bytes) -> str:
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[len(bom):].decode(codec, "ignore")
    if head[:2] in (b"<\x00", b"\x00<"):
        return head.decode("utf-16-le" if head[0] else "utf-16-be", "ignore")
    return head.decode("utf-8", "ignore")


def sniff(data: bytes) -> tuple[str, str] | None:
    """(format, flavour) of a bilingual file from its first bytes, or None for other text."""
    text = _head_text(data[:_HEAD])
    if text.lstrip().startswith("<"):
        root = _ROOT.match(text, _PROLOG.match(text).end())
        if root is None:
            return None
        name, attributes = root.group(1).lower(), root.group(2)
        if name == "tmx":
            return "tmx", ""
        if name != "xliff":
            return None
        version = _VERSION.search(attributes)
        if (version and version.group(1).startswith("2")) or _XLIFF2_NS in attributes:
            return "xliff-2.0", ""
        if "sdl.com/FileTypes/SdlXliff" in attributes:
            return "xliff-1.2", "trados"
        if "MQXliff" in attributes:
            return "xliff-1.2", "memoq"
        return "xliff-1.2", ""
    if _PO_ENTRY.search(text) and _PO_TARGET.search(text):
        return "po", ""
    lines = text.splitlines()
    if len(data) > _HEAD:
        lines = lines[:-1]  # the last line read may be cut off
    lines = [line for line in lines[:50] if line.strip()]
    if lines and all(line.count("\t") == 1 for line in lines) and _two_languages(lines):
        return "tsv", ""
    return None


def _two_languages(lines: list[str]) -> bool:
    """A bilingual TSV: a header row of language codes or column names, or most rows with
    Cyrillic in one column and none in the other (a tab-separated English text is not one)."""
    from aligner.formats.plain import is_header

    if is_header(lines[0].split("\t")):
        return True
    split = [line.split("\t") for line in lines]
    differ = sum(1 for left, right in split if bool(_CYRILLIC.search(left)) != bool(_CYRILLIC.search(right)))
    return differ * 2 > len(split)


def sniff_file(path: str) -> tuple[str, str] | None:
    """:func:`sniff` on the start of a file; None when it is not a bilingual file or unreadable."""
    try:
        with open(path, "rb") as handle:
            return sniff(handle.read(_HEAD + 1))  # one byte more: sniff knows the head was cut
    except OSError:
        return None


def read_bilingual(path: str | os.PathLike) -> Bilingual:
    """Read a bilingual file; raises InputError (one line) for a missing, malformed,
    hostile or unrecognised file."""
    from aligner.formats import plain, po, tmx, xliff, xmlspans

    name = os.fspath(path)
    data = read_bytes(name, "a bilingual file", xmlspans.MAX_BYTES)
    found = sniff(data)
    if found is None:
        raise InputError("not a bilingual file (XLIFF, TMX, PO or two-column TSV)", name)
    kind, flavour = found
    if kind == "po":
        return po.read_po(data, name)
    if kind == "tsv":
        return plain.read_tsv(data, name)
    original = xmlspans.encoding_of(data)
    if original.startswith("utf-16"):  # expat's byte offsets, and so the writers, work on UTF-8
        try:
            data = data.decode(original).lstrip("\ufeff").encode("utf-8")
        except UnicodeDecodeError as error:
            raise InputError(f"cannot decode as {original} (byte {error.start})", name) from None
    tree = xmlspans.parse(data, name, "utf-8" if original.startswith("utf-16") else None)
    if kind == "tmx":
        bilingual = tmx.read_tmx(tree, data, name)
    elif kind == "xliff-2.0":
        bilingual = xliff.read_xliff20(tree, data, name)
    else:
        bilingual = xliff.read_xliff12(tree, data, name, flavour)
    if original.startswith("utf-16"):
        bilingual = replace(bilingual, file_encoding=original)
    return bilingual


__all__ = ["Bilingual", "FORMATS", "Inline", "Segment", "Tag", "Unit", "read_bilingual", "sniff",
           "sniff_file"]
