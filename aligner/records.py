"""Plain records passed between the pipeline stages.

Offsets are 0-based indices into ``Document.text`` (the decoded file, BOM removed,
line ends kept as they are in the file); lines and columns are 1-based and count
Unicode code points, so they point into the original file.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Document:
    """A decoded input file."""

    path: str
    text: str
    encoding: str = "utf-8"
    line_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self):
        if not self.line_starts:
            starts = [0] + [m.end() for m in _LINE_BREAK.finditer(self.text)]
            object.__setattr__(self, "line_starts", tuple(starts))

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a 0-based character offset."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def lines(self) -> list[Span]:
        """Every line as a Span, without its line terminator."""
        spans = []
        for number, start in enumerate(self.line_starts):
            end = self.line_starts[number + 1] if number + 1 < len(self.line_starts) else len(self.text)
            text = self.text[start:end].rstrip("\r\n")
            if number + 1 == len(self.line_starts) and not text and start == len(self.text) and number:
                break  # no phantom line after a final line break
            spans.append(Span(start, start + len(text), text))
        return spans


@dataclass(frozen=True)
class Span:
    """A piece of a document: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Segment:
    """A run of text in one language: ``ru``, ``en``, ``other`` or ``und``."""

    start: int
    end: int
    text: str
    lang: str


@dataclass(frozen=True)
class Sentence:
    """One sentence with its offsets into the document it came from."""

    start: int
    end: int
    text: str
    lang: str = ""


@dataclass(frozen=True)
class Bead:
    """One alignment unit: Russian sentence indices, English sentence indices, score in [0, 1].

    ``ru=()`` or ``en=()`` is a null bead (an addition or an omission).
    """

    ru: tuple[int, ...]
    en: tuple[int, ...]
    score: float

    @property
    def kind(self) -> str:
        return f"{len(self.ru)}-{len(self.en)}"


@dataclass(frozen=True)
class Evidence:
    """The source text a finding rests on, with its own position."""

    path: str
    line: int
    column: int
    text: str


@dataclass(frozen=True)
class Finding:
    """One problem found by a check rule. Positions are 1-based, in the original file.

    ``end_column`` is exclusive (points just after the span).
    """

    rule: str
    severity: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    suggestion: str | None = None
    evidence: Evidence | None = None
    start: int = 0  # character offsets of the flagged span in the document
    end: int = 0
    text: str = ""  # the flagged text itself
    related: tuple[Evidence, ...] = ()  # other places of the same problem (corpus-wide rules)

    @property
    def fingerprint(self) -> str:
        """Stable identity for baselines: rule, file name and flagged text, not position."""
        key = "\x1f".join([self.rule, self.path.replace("\\", "/"), self.text, self.message])
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


SEVERITIES = ("info", "warning", "error")


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)
