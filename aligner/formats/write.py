"""Write findings and corrections back into a bilingual file by byte spans.

Every byte outside the inserted notes, the corrected target text and the state
attribute of a corrected segment stays as it was: nothing is re-serialised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from aligner.errors import UsageError
from aligner.formats import po
from aligner.formats.records import Bilingual, NoteSlot, Segment, Unit

PRIORITY = {"error": 1, "warning": 5, "info": 9}  # XLIFF note priority: 1 (high) .. 10
# "needs review" as each format says it: (attribute, value) pairs set on the state tag.
NEEDS_REVIEW = {
    "xliff12": (("state", "needs-review-translation"),),
    "xliff20": (("state", "translated"), ("subState", "aligner:needs-review")),
    "trados": (("conf", "Draft"),),
    "unapproved": (("approved", "no"),),  # XLIFF 1.2 <trans-unit approved="yes">
}
ANNOTATABLE = ("xliff-1.2", "xliff-2.0", "tmx", "po")
FIXABLE = ("xliff-1.2", "xliff-2.0", "tmx", "tsv", "po")


@dataclass(frozen=True)
class Note:
    """A note for a unit: severity and text."""

    unit: Unit
    severity: str
    text: str


@dataclass(frozen=True)
class Edit:
    """Replace ``unit.target.text[start:end]`` with ``text``."""

    unit: Unit
    start: int
    end: int
    text: str


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, "xmlcharrefreplace")


def _note_element(note: Note, slot: NoteSlot) -> str:
    name = f"{slot.prefix}note"
    if slot.style == "xliff12":
        attributes = f' from="aligner" priority="{PRIORITY[note.severity]}" annotates="target"'
    elif slot.style == "xliff20":
        attributes = f' category="aligner" priority="{PRIORITY[note.severity]}" appliesTo="target"'
    else:
        attributes = ""
    return f"<{name}{attributes}>{escape(note.text)}</{name}>"


def annotate(bilingual: Bilingual, notes: list[Note]) -> bytes:
    """The file with each note added to its unit (XLIFF 1.2 ``<note>``, 2.0 ``<notes>``,
    TMX ``<note>``)."""
    if bilingual.format not in ANNOTATABLE:
        raise UsageError(f"--annotate writes XLIFF, TMX or PO, not {bilingual.format}", bilingual.path)
    if bilingual.format == "po":
        return _splice(bilingual.data, po.note_inserts(notes, bilingual.encoding))
    by_slot: dict[int, tuple[NoteSlot, list[Note]]] = {}
    for note in notes:
        slot = note.unit.notes
        by_slot.setdefault(slot.at, (slot, []))[1].append(note)
    inserts, nl = [], "\r\n" if b"\r\n" in bilingual.data else "\n"  # the file's own line ends
    for at, (slot, group) in by_slot.items():
        elements = [_note_element(note, slot) for note in group]
        if slot.wrap:
            inner = "".join(f"{nl}{slot.indent}  {element}" for element in elements)
            text = f"<{slot.prefix}notes>{inner}{nl}{slot.indent}</{slot.prefix}notes>{nl}{slot.indent}"
        elif slot.before:
            text = "".join(f"{element}{nl}{slot.indent}" for element in elements)
        else:
            text = "".join(f"{nl}{slot.indent}{element}" for element in elements)
        inserts.append((at, at, _encode(text, bilingual.encoding)))
    return _splice(bilingual.data, inserts)


def correct(bilingual: Bilingual, edits: list[Edit]) -> tuple[bytes, list[Edit], list[tuple[Edit, str]]]:
    """The file with the edits applied to the targets and each edited segment marked
    "needs review"; returns (bytes, applied edits, [(refused edit, reason)])."""
    if bilingual.format not in FIXABLE:
        raise UsageError(f"fix writes XLIFF, TMX, PO or TSV, not {bilingual.format}", bilingual.path)
    if bilingual.format == "po":
        return _correct_po(bilingual, edits)
    applied, refused, spans, states = [], [], [], {}
    for edit in sorted(edits, key=lambda e: (e.unit.notes.at if e.unit.notes else e.unit.line, e.start)):
        span = edit.unit.target.byte_span(edit.start, edit.end)
        segment = _segment_of(edit.unit, edit.start)
        reason = None
        if segment is not None and segment.locked:
            reason = "the segment is locked in the CAT tool"
        elif span is None:
            reason = "it would cross an inline tag"
        elif bilingual.format == "tsv" and re.search(r"[\t\r\n]", edit.text):
            reason = "a TSV cell cannot hold a tab or line break"
        elif any(span[0] < end and start < span[1] or span == (start, end) for start, end in spans):
            reason = "it overlaps another correction"
        if reason:
            refused.append((edit, reason))
            continue
        spans.append(span)
        text = escape(edit.text) if bilingual.format != "tsv" else edit.text
        applied.append((edit, span, _encode(text, bilingual.encoding)))
        if segment is not None and segment.state_kind:
            states[segment.state_tag] = segment.state_kind
        if edit.unit.approval_tag != (-1, -1):
            states[edit.unit.approval_tag] = "unapproved"
    changes = [(start, end, text) for _, (start, end), text in applied]
    for (start, end), kind in states.items():
        tag = bilingual.data[start:end].decode(bilingual.encoding)
        for name, value in NEEDS_REVIEW[kind]:
            tag = _set_attribute(tag, name, value)
        changes.append((start, end, _encode(tag, bilingual.encoding)))
    return _splice(bilingual.data, changes), [edit for edit, _, _ in applied], refused


def _correct_po(bilingual: Bilingual, edits: list[Edit]):
    """PO strings are escaped and wrapped: each corrected entry's msgstr is rewritten whole."""
    by_unit: dict[int, list[Edit]] = {}
    refused = []
    for edit in edits:
        if edit.unit.po is None or edit.unit.po.plural:
            refused.append((edit, "a plural or unusually laid out PO entry is not rewritten"))
        else:
            by_unit.setdefault(id(edit.unit), []).append(edit)
    applied, changes = [], []
    for group in by_unit.values():
        group.sort(key=lambda e: (e.start, e.end))
        text, position, kept = group[0].unit.target.text, 0, []
        pieces = []
        for edit in group:
            if edit.start < position:
                refused.append((edit, "it overlaps another correction"))
                continue
            pieces += [text[position:edit.start], edit.text]
            position = edit.end
            kept.append(edit)
        pieces.append(text[position:])
        changes += po.entry_changes(group[0].unit, "".join(pieces), bilingual.data, bilingual.encoding)
        applied += kept
    return _splice(bilingual.data, changes), applied, refused


def _segment_of(unit: Unit, offset: int) -> Segment | None:
    for segment in unit.segments:
        if segment.target[0] <= offset <= segment.target[1]:
            return segment
    return None


def _set_attribute(tag: str, name: str, value: str) -> str:
    """A start tag with attribute ``name`` set to ``value`` (replaced in place, or added
    before the closing ``>``), every other character kept."""
    pattern = re.compile(rf"(\s{re.escape(name)}\s*=\s*)(\"[^\"]*\"|'[^']*')")
    if pattern.search(tag):
        return pattern.sub(lambda m: m.group(1) + quoteattr(value), tag, count=1)
    close = len(tag) - (2 if tag.endswith("/>") else 1)
    return f"{tag[:close].rstrip()} {name}={quoteattr(value)}{tag[close:]}" \
        if tag[:close] == tag[:close].rstrip() else f"{tag[:close]}{name}={quoteattr(value)} {tag[close:]}"


def _splice(data: bytes, changes: list[tuple[int, int, bytes]]) -> bytes:
    """Apply non-overlapping (start, end, bytes) replacements."""
    pieces, position = [], 0
    for start, end, text in sorted(changes, key=lambda change: (change[0], change[1])):
        pieces.append(data[position:start])
        pieces.append(text)
        position = end
    pieces.append(data[position:])
    return b"".join(pieces)
