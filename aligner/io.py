"""Files in and out: reading (encodings, BOMs, clear errors for bad input), the guard
that keeps outputs off the inputs, and the atomic writer. Every command goes through
these three; nothing else opens a user's file for writing."""

from __future__ import annotations

import codecs
import json
import os
import shutil
import tempfile
from collections import Counter
from typing import Iterable

from aligner.errors import AlignerError, ConfigError, InputError, UsageError
from aligner.profile import RU_EN
from aligner.records import Document

# A BOM names the exact byte order; "+bom" tells write_text to write the BOM back.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32-le+bom"),
    (codecs.BOM_UTF32_BE, "utf-32-be+bom"),
    (codecs.BOM_UTF16_LE, "utf-16-le+bom"),
    (codecs.BOM_UTF16_BE, "utf-16-be+bom"),
)
BOM_MARK = "+bom"


def read_document(path: str | os.PathLike, encoding: str | None = None) -> Document:
    """Read and decode ``path``; ``encoding=None`` detects it.

    Raises InputError (one line, naming the file) for a missing file, a directory,
    a binary file or bytes that do not decode.
    """
    name = os.fspath(path)
    text, used = decode(read_bytes(name), name, encoding)
    return Document(name, text, used)


def read_bytes(path: str, expected: str = "a text file", limit: int | None = None) -> bytes:
    """The bytes of a file; InputError (one line, naming the file) for a missing file, a
    directory, an unreadable file or one larger than ``limit`` bytes."""
    if os.path.isdir(path):
        raise InputError(f"is a directory, expected {expected}", path)
    try:
        if limit is not None and os.path.getsize(path) > limit:
            raise InputError(f"file too large ({os.path.getsize(path)} bytes; limit {limit})", path)
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise InputError("no such file", path) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", path) from None


def read_json(path: str, name: str, missing: str) -> object:
    """A JSON file's data; a missing, unreadable or malformed file is a one-line error
    (``missing``; "cannot read NAME: ..."; "NAME is not JSON: ..." at its line and column)."""
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError:
        raise InputError(missing, path) from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read {name}: {error}", path) from None
    except json.JSONDecodeError as error:
        raise ConfigError(f"{name} is not JSON: {error.msg}", path, error.lineno, error.colno) from None


def decode(data: bytes, name: str = "<bytes>", encoding: str | None = None) -> tuple[str, str]:
    """Decode bytes to text; returns (text, encoding used)."""
    if encoding:
        check_encoding(encoding, name)
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            raise InputError(f"cannot decode as {encoding} (byte {error.start})", name) from None
        except (UnicodeError, ValueError, LookupError) as error:
            raise InputError(f"cannot decode as {encoding}: {error}", name) from None
        return text.lstrip("\ufeff"), encoding
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec.removesuffix(BOM_MARK)), codec
            except UnicodeDecodeError as error:
                raise InputError(f"cannot decode as {codec.removesuffix(BOM_MARK)} after its byte-order mark "
                                 f"(byte {error.start + len(bom)})", name) from None
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
        score = _russian_likeness(text)
        if best is None or score > best[0]:
            best = (score, text, codec)
    if best is None:
        raise InputError(
            f"cannot decode: not UTF-8 (byte {utf8_error}) nor Russian cp1251/KOI8-R; "
            "use --encoding", name)
    return best[1], best[2]


def check_encoding(encoding: str, name: str = "--encoding") -> None:
    """InputError unless ``encoding`` names a text encoding (rot13, base64 and hex are
    codecs too, but bytes-to-bytes or str-to-str ones)."""
    try:
        info = codecs.lookup(encoding)
    except (LookupError, ValueError):
        raise InputError(f"unknown encoding {encoding!r}", name) from None
    if not getattr(info, "_is_text_encoding", True):
        raise InputError(f"{encoding!r} is not a text encoding (it maps bytes to bytes or text to text)",
                         name)


# Russian letters, most frequent first (letter frequencies of the Russian National Corpus,
# Lyashevskaya & Sharov 2009): a wrong single-byte code page maps them to rare ones.
_RUSSIAN_BY_FREQUENCY = "оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё"
_LETTER_WEIGHT = {letter: len(_RUSSIAN_BY_FREQUENCY) - rank
                  for rank, letter in enumerate(_RUSSIAN_BY_FREQUENCY)}


def _russian_likeness(text: str) -> int:
    """How Russian the letters of ``text`` are, whatever their case (an all-capitals cp1251
    line read as KOI8-R is lowercase but made of rare letters)."""
    counts = Counter(text.lower())
    return sum(_LETTER_WEIGHT.get(letter, 0) * count for letter, count in counts.items())


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
        data = encode(text, encoding)
    except UnicodeEncodeError as error:
        raise AlignerError(f"cannot write as {encoding}: {error.object[error.start:error.end]!r} "
                           "has no encoding there", path) from None
    if os.path.islink(path):
        path = os.path.realpath(path)  # rewrite the file the link points to; the link stays
    if os.path.exists(path) and not os.path.isfile(path) and not os.path.isdir(path):
        _write_special(path, data)  # /dev/null, /dev/stdout, a FIFO: written to, never replaced
        return None
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
        else:  # as open() would create it: 0666 less the umask (the temporary file is 0600)
            os.chmod(handle.name, 0o666 & ~_umask())
        os.replace(handle.name, path)
    except BaseException as error:
        if os.path.exists(handle.name):
            os.unlink(handle.name)
        if isinstance(error, OSError):
            raise AlignerError(f"cannot write: {error.strerror or error}", path) from None
        raise
    return saved


def encode(text: str, encoding: str) -> bytes:
    """``text`` in ``encoding`` as :func:`decode` named it (with the BOM the file had)."""
    if encoding.endswith(BOM_MARK):
        codec = encoding.removesuffix(BOM_MARK)
        return "\ufeff".encode(codec) + text.encode(codec)
    return text.encode(encoding)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _write_special(path: str, data: bytes) -> None:
    """Write to a device or FIFO in place (an atomic rename would replace the device)."""
    try:
        with open(path, "wb") as handle:
            handle.write(data)
    except OSError as error:
        raise AlignerError(f"cannot write: {error.strerror or error}", path) from None
