"""Files in and out: reading (encodings, BOMs, clear errors for bad input), the guard
that keeps outputs off the inputs, and the atomic writer. Every command goes through
these three; nothing else opens a user's file for writing."""

from __future__ import annotations

import codecs
import os
import shutil
import tempfile
from typing import Iterable

from aligner.errors import AlignerError, InputError, UsageError
from aligner.profile import RU_EN
from aligner.records import Document

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


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
    for codec in RU_EN.legacy_encodings:  # single-byte encodings of the source language
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        high = sum(1 for byte in data if byte >= 0x80)
        cyrillic = len(RU_EN.letter.findall(text))
        if high and cyrillic < 0.8 * high:
            continue  # high bytes that are mostly not letters: not Russian text
        score = len(RU_EN.lower_letter.findall(text))
        if best is None or score > best[0]:
            best = (score, text, codec)
    if best is None:
        raise InputError(
            f"cannot decode: not UTF-8 (byte {utf8_error}) nor Russian cp1251/KOI8-R; "
            "use --encoding", name)
    return best[1], best[2]


def guard_outputs(outputs: Iterable[str | None], inputs: Iterable[str | None],
                  new_folders: bool = False) -> None:
    """UsageError, before any work, when an output cannot or must not be written.

    An output may not be an input file, nor lie in the ``en/`` or ``ru/`` folder of an
    input folder, nor be a folder, nor be another output; its folder must exist unless
    ``new_folders`` (the command creates it). ``None`` entries are skipped.
    """
    real_inputs = [os.path.realpath(path) for path in inputs if path]
    seen: set[str] = set()
    for path in filter(None, outputs):
        real = os.path.realpath(path)
        for source in real_inputs:
            inside = (os.path.isdir(source) and real.startswith(source + os.sep)
                      and os.path.relpath(real, source).split(os.sep)[0] in ("en", "ru"))
            if real == source or inside or (os.path.exists(path) and os.path.exists(source)
                                                   and os.path.samefile(path, source)):
                raise UsageError("refusing to overwrite an input file", path)
        if os.path.isdir(path):
            raise UsageError("is a folder, expected a file name", path)
        if real in seen:
            raise UsageError("given twice as an output", path)
        seen.add(real)
        folder = os.path.dirname(real)
        if not new_folders and not os.path.isdir(folder):
            raise UsageError(f"cannot write: no folder {folder}", path)


def write_text(path: str, text: str, encoding: str = "utf-8", backup: bool = False) -> str | None:
    """Write ``text`` atomically (temporary file + os.replace), line ends untouched.

    Missing parent folders are created. With ``backup`` the existing file is first
    copied to ``PATH.orig`` (or ``PATH.orig.1``, ``.orig.2``, … if that exists); returns
    the backup path.
    """
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError as error:
        raise AlignerError(f"cannot write as {encoding}: {error.object[error.start:error.end]!r} "
                           "has no encoding there", path) from None
    directory = os.path.dirname(os.path.abspath(path))
    saved = None
    try:
        os.makedirs(directory, exist_ok=True)
        if backup and os.path.exists(path):
            saved = path + ".orig"
            number = 0
            while os.path.exists(saved):
                number += 1
                saved = f"{path}.orig.{number}"
            shutil.copy2(path, saved)
        handle = tempfile.NamedTemporaryFile("wb", dir=directory, prefix=".aligner-", suffix=".tmp",
                                             delete=False)
    except OSError as error:
        raise AlignerError(f"cannot write: {error.strerror}", path) from None
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if os.path.exists(path):
            shutil.copymode(path, handle.name)
        os.replace(handle.name, path)
    except BaseException:
        if os.path.exists(handle.name):
            os.unlink(handle.name)
        raise
    return saved
