"""Mask inline markup: the text a reader sees, the tags taken out, the bytes behind the text.

Each markup vocabulary (XLIFF 1.2, XLIFF 2.0, TMX) says of every inline element whether
its content is translatable text (``<g>``, ``<pc>``, ``<mrk>``, ``<hi>``) or native code
(``<ph>``, ``<bpt>``, ``<ept>``, ``<it>``, ``<x/>``, ``<sc/>`` …). Code elements and the
tags of ``<g>``/``<pc>`` are *tags*: they are counted (a target that loses or adds one is
a finding) and the text around them is never edited across them. Markers (``<mrk>``,
``<hi>``, XLIFF 2.0 ``<sm/>``/``<em/>``) are neither text nor counted.
"""

from __future__ import annotations

import re

from aligner.formats.records import Inline, Run, Tag
from aligner.formats.xmlspans import Element, Other, Text

PAIRED, CODE, MARKER, CHAR = "paired", "code", "marker", "char"

# local name -> role, per vocabulary. Unknown elements are markers (content kept, not counted).
XLIFF12 = {"g": PAIRED, "x": CODE, "bx": CODE, "ex": CODE, "ph": CODE, "bpt": CODE,
           "ept": CODE, "it": CODE, "mrk": MARKER}
XLIFF20 = {"pc": PAIRED, "ph": CODE, "sc": CODE, "ec": CODE, "mrk": MARKER, "sm": MARKER,
           "em": MARKER, "cp": CHAR}
TMX = {"bpt": CODE, "ept": CODE, "ph": CODE, "it": CODE, "ut": CODE, "hi": MARKER}
_SPACE = re.compile(r"\s+")
_ID_ATTRIBUTES = ("id", "rid", "startRef", "x")  # TMX <bpt i> is local to its <tuv>: content instead


class InlineBuilder:
    """Appends the masked content of elements; :meth:`build` returns the Inline."""

    def __init__(self, vocabulary: dict, data: bytes, encoding: str):
        self.vocabulary = vocabulary
        self.data = data
        self.encoding = encoding
        self.pieces: list[str] = []
        self.length = 0
        self.runs: list[Run] = []
        self.tags: list[Tag] = []
        self.marks: list[tuple[Element, int, int]] = []  # every marker with its masked range
        self._open: list[int] | None = None  # offsets of the run being built
        self._open_start = 0

    def add_content(self, element: Element) -> tuple[int, int]:
        """Append the content of ``element``; returns its (start, end) in the masked text."""
        start = self.length
        for child in element.children:
            if isinstance(child, Text):
                self._text(child)
            elif isinstance(child, Other):
                self._close()
            else:
                self._element(child)
        self._close()
        return start, self.length

    def add_plain(self, text: str) -> tuple[int, int]:
        """Append text that is not editable in place (e.g. copied from elsewhere)."""
        self._close()
        start = self.length
        if text:
            self.pieces.append(text)
            self.length += len(text)
            self.runs.append(Run(start, self.length, None))
        return start, self.length

    def add_raw(self, text: str, byte_start: int) -> tuple[int, int]:
        """Append unescaped text stored as is from ``byte_start`` (TSV cells)."""
        self._close()
        start = self.length
        offsets = [byte_start]
        for char in text:
            offsets.append(offsets[-1] + len(char.encode(self.encoding)))
        self.pieces.append(text)
        self.length += len(text)
        self.runs.append(Run(start, self.length, tuple(offsets)))
        return start, self.length

    def build(self) -> Inline:
        self._close()
        return Inline("".join(self.pieces), tuple(self.runs), tuple(self.tags))

    def _text(self, chunk: Text) -> None:
        if chunk.offsets is None and len(chunk.data) != 1:
            self.add_plain(chunk.data)  # cannot map characters to bytes: keep, never edit
            return
        offsets = chunk.offsets or (chunk.start, chunk.end)
        if self._open is None:
            self._open, self._open_start = [offsets[0]], self.length
        elif self._open[-1] != offsets[0]:
            self._close()
            self._open, self._open_start = [offsets[0]], self.length
        self._open.extend(offsets[1:])
        self.pieces.append(chunk.data)
        self.length += len(chunk.data)

    def _close(self) -> None:
        if self._open is not None:
            self.runs.append(Run(self._open_start, self.length, tuple(self._open)))
            self._open = None

    def _element(self, element: Element) -> None:
        role = self.vocabulary.get(element.local, MARKER)
        self._close()
        if role == CHAR:
            self.add_plain(_code_point(element.get("hex", "")))
            return
        if role == MARKER:
            start, end = self.add_content(element)
            self.marks.append((element, start, end))
            return
        self.tags.append(Tag(self._key(element, role), self._label(element), self.length,
                             element.start, element.end))
        if role == PAIRED:
            self.add_content(element)

    def _key(self, element: Element, role: str) -> tuple:
        for name in _ID_ATTRIBUTES:
            value = element.get(name)
            if value is not None:
                return element.local, value
        if role == PAIRED:
            return element.local, ""
        return element.local, _SPACE.sub(" ", element.text()).strip()

    def _label(self, element: Element) -> str:
        tag = self.data[element.start:element.tag_end].decode(self.encoding, "replace")
        tag = _SPACE.sub(" ", tag)
        content = _SPACE.sub(" ", element.text()).strip()
        if self.vocabulary.get(element.local) == CODE and content:
            return f"{tag}{content[:30]}</{tag[1:].split(' ')[0].rstrip('>')}>"
        return tag


def _code_point(hex_value: str) -> str:
    try:
        return chr(int(hex_value, 16))
    except (ValueError, OverflowError):
        return ""
