"""PO files: entries read by translate-toolkit's ``po.pofile``; notes and corrections
written back into the original bytes, one entry at a time.

translate-toolkit parses the strings (escapes, continuation lines, plural forms); the
byte spans of each entry's keyword line, ``#,`` flags and ``msgstr`` block come from a
scan of the lines, matched to translate-toolkit's entries in order. A note becomes a
translator comment (``# aligner: …``) before the entry's ``msgctxt``/``msgid``; a
corrected entry gets its ``msgstr`` rewritten and the ``fuzzy`` flag (gettext's "needs
review"); nothing else in the file changes.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from aligner.errors import InputError
from aligner.formats.inline import InlineBuilder
from aligner.formats.records import Bilingual, Segment, Unit

_KEYWORD = re.compile(r"^(msgctxt|msgid)\b")


@dataclass(frozen=True)
class PoEntry:
    """Byte spans of one entry: where its keyword line starts, its ``#,`` line (or
    (-1, -1)), its ``msgstr`` block; ``plural`` entries are not rewritten."""

    keyword: int
    flags: tuple[int, int]
    msgstr: tuple[int, int]
    plural: bool
    newline: str


def _entries(text: str, encoding: str, start: int) -> list[tuple[int, PoEntry]]:
    """(line number of msgid, PoEntry) of every entry that is not obsolete, in order."""
    lines = text.splitlines(keepends=True)
    offsets = [start]
    for line in lines:
        offsets.append(offsets[-1] + len(line.encode(encoding)))
    found, index = [], 0
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        end = index
        while end < len(lines) and lines[end].strip():
            end += 1
        block = range(index, end)
        keyword = next((i for i in block if _KEYWORD.match(lines[i])), None)
        if keyword is not None:
            flags = next(((offsets[i], offsets[i] + len(lines[i].rstrip("\r\n").encode(encoding)))
                          for i in block if lines[i].startswith("#,")), (-1, -1))
            first = next((i for i in block if lines[i].startswith("msgstr")), end)
            last = first + 1
            while last < end and lines[last].lstrip().startswith('"'):
                last += 1
            msgstr_end = offsets[last] - len(lines[last - 1][len(lines[last - 1].rstrip("\r\n")):].encode(encoding))
            plural = any(lines[i].startswith(("msgid_plural", "msgstr[")) for i in block)
            newline = lines[keyword][len(lines[keyword].rstrip("\r\n")):] or "\n"
            msgid = next(i for i in block if lines[i].startswith("msgid"))
            found.append((msgid + 1, PoEntry(offsets[keyword], flags, (offsets[first], msgstr_end),
                                             plural, newline)))
        index = end
    return found


def read_po(data: bytes, path: str) -> Bilingual:
    """Entries of a PO file (header and obsolete entries skipped); the id is the entry's
    msgctxt when it has one, else its number; ``line`` is the line of its ``msgid``."""
    from translate.storage import po

    try:
        store = po.pofile.parsestring(data)
    except Exception as error:  # the PO parser raises several kinds for malformed files
        raise InputError(f"cannot read PO: {error}", path) from None
    encoding = store.encoding or "utf-8"
    try:
        encoding = codecs.lookup(encoding).name
    except LookupError:  # "CHARSET" in a template's header
        encoding = "utf-8"
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        scanned = _entries(data[bom:].decode(encoding), encoding, bom)
    except (UnicodeDecodeError, LookupError) as error:
        raise InputError(f"cannot read PO: {error}", path) from None
    entries = [unit for unit in store.units if not unit.isobsolete()]
    if len(scanned) != len(entries):
        scanned = [(0, None)] * len(entries)  # an unusual layout: read, but write nothing back
    units, number = [], 0
    for entry, (line, spans) in zip(entries, scanned):
        if entry.isheader():
            continue
        number += 1
        source, target = InlineBuilder({}, b"", encoding), InlineBuilder({}, b"", encoding)
        source_range = source.add_plain(str(entry.source or ""))
        target_range = target.add_plain(str(entry.target or ""))
        units.append(Unit(entry.getcontext() or str(number), source.build(), target.build(),
                          (Segment("", source_range, target_range),), "", line,
                          bool(entry.target), po=spans))
    header = store.parseheader()
    return Bilingual(path, "po", "", data, encoding, str(getattr(store, "sourcelanguage", "") or ""),
                     str(header.get("Language", "") or ""), tuple(units))


def quote(text: str, newline: str) -> str:
    """``msgstr`` lines for ``text``: one line, or ``msgstr ""`` and a line per ``\\n``."""
    def escaped(part: str) -> str:
        return part.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\n", "\\n")

    parts = text.splitlines(keepends=True)
    if len(parts) <= 1:
        return f'msgstr "{escaped(text)}"'
    return "msgstr \"\"" + "".join(f'{newline}"{escaped(part)}"' for part in parts)


def note_inserts(notes, encoding: str) -> list[tuple[int, int, bytes]]:
    """Translator comments before each noted entry's keyword line."""
    by_entry: dict[int, tuple] = {}
    for note in notes:
        entry = note.unit.po
        if entry is not None:
            by_entry.setdefault(entry.keyword, (entry, []))[1].append(note)
    inserts = []
    for at, (entry, group) in by_entry.items():
        text = "".join(f"# {' '.join(note.text.split())}{entry.newline}" for note in group)
        inserts.append((at, at, text.encode(encoding, "replace")))
    return inserts


def entry_changes(unit: Unit, new_target: str, data: bytes, encoding: str) -> list[tuple[int, int, bytes]]:
    """The msgstr block rewritten for ``new_target`` and the entry flagged fuzzy."""
    entry = unit.po
    changes = [(*entry.msgstr, quote(new_target, entry.newline).encode(encoding))]
    if entry.flags != (-1, -1):
        flags = data[entry.flags[0]:entry.flags[1]].decode(encoding)
        if "fuzzy" not in flags:
            changes.append((entry.flags[1], entry.flags[1], b", fuzzy"))
    else:
        changes.append((entry.keyword, entry.keyword, f"#, fuzzy{entry.newline}".encode(encoding)))
    return changes
