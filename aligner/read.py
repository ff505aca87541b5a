"""Reading input files: encodings, BOMs, line ends, and clear errors for bad input."""

from __future__ import annotations

import codecs
import os
import re

from aligner.errors import InputError
from aligner.records import Document

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Single-byte Russian encodings tried when the bytes are not UTF-8.
_RUSSIAN_8BIT = ("cp1251", "koi8-r")
_LOWER_CYRILLIC = re.compile(r"[а-яё]")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def read_document(path: str | os.PathLike, encoding: str | None = None) -> Document:
    """Read and decode ``path``; ``encoding=None`` detects it.

    Raises InputError (one line, naming the file) for a missing file, a directory,
    a binary file or bytes that do not decode.
    """
    name = os.fspath(path)
    if os.path.isdir(name):
        raise InputError("is a directory, expected a text file", name)
    try:
        with open(name, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise InputError("no such file", name) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", name) from None
    text, used = decode(data, name, encoding)
    return Document(name, text, used)


def decode(data: bytes, name: str = "<bytes>", encoding: str | None = None) -> tuple[str, str]:
    """Decode bytes to text; returns (text, encoding used)."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}", name) from None
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            raise InputError(f"cannot decode as {encoding} (byte {error.start})", name) from None
        return text.lstrip("\ufeff"), encoding
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec).lstrip("\ufeff"), codec
            except UnicodeDecodeError as error:
                raise InputError(f"cannot decode as {codec} (byte {error.start})", name) from None
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes), expected text", name)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = error.start
    best = None
    for codec in _RUSSIAN_8BIT:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        high = sum(1 for byte in data if byte >= 0x80)
        cyrillic = len(_CYRILLIC.findall(text))
        if high and cyrillic < 0.8 * high:
            continue  # high bytes that are mostly not letters: not Russian text
        score = len(_LOWER_CYRILLIC.findall(text))
        if best is None or score > best[0]:
            best = (score, text, codec)
    if best is None:
        raise InputError(
            f"cannot decode: not UTF-8 (byte {utf8_error}) nor Russian cp1251/KOI8-R; "
            "use --encoding", name)
    return best[1], best[2]
