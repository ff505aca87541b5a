"""Plain records for bilingual files: units of source and target text with their inline tags.

A unit's text is *masked*: inline tags are left out (the text inside a paired tag such as
``<g>`` or ``<pc>`` stays, the native code inside ``<ph>``, ``<bpt>``, ``<x/>`` … does
not), so the checks see the words a reader sees. Each :class:`Inline` keeps the tags it
left out and, for every stretch of text between two tags, the byte offsets of its
characters in the file, so that a correction can be written back without touching a tag.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tag:
    """An inline tag left out of the masked text.

    ``key`` identifies it across source and target (element name and id, or its native
    code when it has no id); ``label`` is how it reads in the file; ``offset`` is where
    it stood in the masked text.
    """

    key: tuple
    label: str
    offset: int
    start: int = -1  # byte span of the tag in the file (-1: not in the file)
    end: int = -1


@dataclass(frozen=True)
class Run:
    """A stretch ``text[start:end]`` of the masked text that lies between two tags.

    ``offsets[i]`` is the byte offset in the file of the character boundary ``start + i``
    (``len(offsets) == end - start + 1``); None when the text is not editable in place
    (it is not in the file as such, e.g. a source copied for display).
    """

    start: int
    end: int
    offsets: tuple[int, ...] | None


@dataclass(frozen=True)
class Inline:
    """Masked text with the tags taken out of it and the runs that map it to bytes."""

    text: str = ""
    runs: tuple[Run, ...] = ()
    tags: tuple[Tag, ...] = ()

    def byte_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The bytes of ``text[start:end]``, or None when the span crosses a tag or a
        boundary between separately stored pieces (it cannot be replaced in place)."""
        for run in self.runs:
            if run.start <= start and end <= run.end and run.offsets is not None:
                return run.offsets[start - run.start], run.offsets[end - run.start]
        return None


@dataclass(frozen=True)
class Segment:
    """One aligned pair inside a unit: ranges of the unit's masked source and target.

    A unit that is not split into segments has one Segment covering all of it.
    ``state_tag`` is the byte span of the start tag that carries the segment's state
    (XLIFF 1.2 ``<target>``, 2.0 ``<segment>``); ``(-1, -1)`` when there is none.
    """

    id: str
    source: tuple[int, int]
    target: tuple[int, int]
    state_tag: tuple[int, int] = (-1, -1)
    state_kind: str = ""  # which attribute convention: "xliff12", "xliff20", "trados", "" (none)
    locked: bool = False  # locked in the CAT tool (Trados sdl:seg locked="true"): never corrected


@dataclass(frozen=True)
class NoteSlot:
    """Where notes for a unit go: at byte ``at``, after the element that ends there (or
    ``before`` the one that starts there); ``wrap`` in a ``<notes>`` element (XLIFF 2.0
    unit without one); ``indent`` is the blanks before that element on its line."""

    at: int
    style: str  # "xliff12", "xliff20", "tmx"
    before: bool = False
    wrap: bool = False
    indent: str = ""
    prefix: str = ""  # namespace prefix of the unit's element ("" or "xliff:")


@dataclass(frozen=True)
class Unit:
    """One translation unit: id, masked source and target, segments, where it is."""

    id: str
    source: Inline
    target: Inline
    segments: tuple[Segment, ...]
    file: str = ""  # the <file> (document) it belongs to, "" when the format has none
    line: int = 0  # line of the unit in the bilingual file
    has_target: bool = True
    notes: NoteSlot | None = None
    po: object = None  # PO: the entry's byte spans (aligner.formats.po.PoEntry)
    approval_tag: tuple[int, int] = (-1, -1)  # XLIFF 1.2 <trans-unit approved="yes">: reset when corrected


@dataclass(frozen=True)
class Bilingual:
    """A bilingual file read into units."""

    path: str
    format: str  # "xliff-1.2", "xliff-2.0", "tmx", "po", "tsv"
    flavour: str  # "memoq", "trados" or "" (XLIFF 1.2 only)
    data: bytes
    encoding: str
    source_language: str
    target_language: str
    units: tuple[Unit, ...]
    file_encoding: str = ""  # the file's own codec when ``data`` is a UTF-8 copy of it (UTF-16 XML)

    def file_text(self, data: bytes) -> tuple[str, str]:
        """(text, codec) that write ``data`` (this file's bytes, or an edited copy of them)
        back in the file's own encoding, byte for byte where unchanged."""
        text = data.decode(self.encoding)
        if self.file_encoding:
            return "\ufeff" + text, self.file_encoding
        return text, self.encoding

    @property
    def files(self) -> list[str]:
        """The documents in the file, in order (one "" for formats without documents)."""
        return list(dict.fromkeys(unit.file for unit in self.units))
