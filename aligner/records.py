"""Plain records passed between the pipeline stages.

``Document`` (a decoded file) -> ``Sentence`` (segmenter) -> ``Bead`` (aligner) ->
``Pair`` (one target document with its optional source, its sentences and beads: the
record every later stage reads) -> ``Finding`` (a rule's report, with an optional
structured ``Replacement``).

Offsets are 0-based indices into ``Document.text`` (the decoded file, BOM removed,
line ends kept as they are in the file); lines and columns are 1-based and count
Unicode code points, so they point into the original file.
"""

from __future__ import annotations

import bisect
import hashlib
import os
import re
from dataclasses import dataclass, field
from typing import Iterator

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
    """One alignment unit: source sentence indices, target sentence indices, score in [0, 1].

    ``source=()`` or ``target=()`` is a null bead (an addition or an omission).
    """

    source: tuple[int, ...]
    target: tuple[int, ...]
    score: float

    @property
    def kind(self) -> str:
        return f"{len(self.source)}-{len(self.target)}"


@dataclass(frozen=True)
class Evidence:
    """The source text a finding rests on, with its own position."""

    path: str
    line: int
    column: int
    text: str


@dataclass(frozen=True)
class Replacement:
    """The edit a rule proposes: ``text`` replaces ``document.text[start:end]`` (``""`` deletes)."""

    start: int
    end: int
    text: str


RELATED_LIMIT = 10  # other places listed with a finding (the message gives the count)


@dataclass(frozen=True)
class Finding:
    """One problem found by a check rule. Positions are 1-based, in the original file.

    ``end_column`` is exclusive (points just after the span). ``suggestion`` is what a
    person reads (the replacement text, or advice such as "check which body is meant");
    ``replacement`` is the edit ``aligner fix`` applies, set by the rule (None: advice only).
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
    replacement: Replacement | None = None
    unit: str = ""  # bilingual files: the unit's id; line/column then count inside its target

    def __post_init__(self):
        if len(self.related) > RELATED_LIMIT:  # a name used 10,000 times: ten places, not all
            object.__setattr__(self, "related", tuple(self.related[:RELATED_LIMIT]))

    @property
    def fingerprint(self) -> str:
        """Stable identity for baselines: rule, file name and flagged text, not position.

        The file name counts relative to the working folder when it lies below it, so
        ``corpus/en/x.txt``, ``./corpus/en/x.txt`` and ``/abs/corpus/en/x.txt`` are one file.
        """
        key = "\x1f".join([self.rule, stable_path(self.path), self.text, self.message])
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def stable_path(path: str) -> str:
    """``path`` relative to the working folder when below it (else absolute), with ``/``."""
    if not path or "#" in path and not os.path.exists(path):
        return path.replace("\\", "/")  # a bilingual unit (FILE#UNIT) keeps its form
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute)
    chosen = absolute if relative == os.pardir or relative.startswith(os.pardir + os.sep) else relative
    return chosen.replace("\\", "/")


def path_from(path: str, anchor: str) -> str:
    """How a finding's message names the document ``path``: "this document" for the
    finding's own (``anchor``), else the path from the anchor's folder (``b.txt``,
    ``../ru/b.txt``), the same wherever the folder checked lies (not a temporary folder's
    absolute path)."""
    if os.path.abspath(path) == os.path.abspath(anchor):
        return "this document"
    return os.path.relpath(os.path.abspath(path), os.path.dirname(os.path.abspath(anchor))).replace("\\", "/")


@dataclass(frozen=True)
class Spot:
    """A span of one document with its position and evidence: enough to report on it
    without the document (corpus-wide rules keep spots in their per-document summaries)."""

    path: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    evidence: Evidence | None = None

    def finding(self, rule: str, severity: str, message: str, replacement: str | None = None, *,
                advice: str | None = None, related: tuple[Evidence, ...] = ()) -> Finding:
        """A Finding on this span; see :meth:`Pair.finding` for ``replacement`` and ``advice``."""
        edit = Replacement(self.start, self.end, replacement) \
            if replacement is not None and self.end > self.start else None
        return Finding(rule=rule, severity=severity, path=self.path, line=self.line,
                       column=self.column, end_line=self.end_line, end_column=self.end_column,
                       message=message, suggestion=replacement if advice is None else advice,
                       evidence=self.evidence, start=self.start, end=self.end, text=self.text,
                       related=related, replacement=edit)

    def place(self, text: str) -> Evidence:
        """This spot as another place of a problem (``Finding.related``), shown with ``text``."""
        return Evidence(self.path, self.line, self.column, text)


@dataclass(frozen=True)
class Pair:
    """One target document with its optional source: both sides' sentences and the beads.

    Built once by :func:`aligner.pipeline.build_pair` and read by every stage after it
    (analysis, rules, fix, report, alignment writers). ``target_sentences`` hold *every*
    sentence of the target file, each with the language the segmenter gave it; likewise
    ``source_sentences``. Without a source, ``source`` is None and ``beads`` empty.
    ``options`` are the per-run rule settings (glossaries, each rule's OPTIONS).
    ``bilingual`` is the :class:`aligner.formats.document.UnitDocument` of a pair read
    from a bilingual file (XLIFF, TMX, PO, TSV), None for plain text.
    ``facts`` (:class:`aligner.analysis.Facts`) are what several rules need of the pair,
    each computed once, when first asked for.
    """

    target: Document
    target_sentences: tuple[Sentence, ...] = ()
    source: Document | None = None
    source_sentences: tuple[Sentence, ...] = ()
    beads: tuple[Bead, ...] = ()
    options: dict = field(default_factory=dict, compare=False, hash=False)
    bilingual: object = field(default=None, compare=False, hash=False, repr=False)

    def __post_init__(self):
        for name in ("target_sentences", "source_sentences", "beads"):
            object.__setattr__(self, name, tuple(getattr(self, name)))

    @property
    def facts(self):
        """The pair's analysis (:class:`aligner.analysis.Facts`), made on first use."""
        facts = self.__dict__.get("_facts")
        if facts is None:
            from aligner.analysis import Facts

            facts = Facts(self)
            object.__setattr__(self, "_facts", facts)
        return facts

    def __getstate__(self) -> dict:
        return {name: value for name, value in self.__dict__.items() if name not in ("_facts", "_aligned")}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)

    def aligned(self) -> Iterator[tuple[list[Sentence], list[Sentence], Bead]]:
        """(source sentences, target sentences, bead) for every bead, in order (fresh lists:
        a dozen rules walk the beads, so their sentences are looked up once per pair)."""
        found = self.__dict__.get("_aligned")
        if found is None:
            source, target = self.source_sentences, self.target_sentences
            found = tuple((tuple(source[i] for i in bead.source), tuple(target[i] for i in bead.target), bead)
                          for bead in self.beads)
            object.__setattr__(self, "_aligned", found)
        for ru, en, bead in found:
            yield list(ru), list(en), bead

    def texts(self, bead: Bead) -> tuple[str, str]:
        """The source and target text of a bead, sentences joined by a space."""
        return (" ".join(self.source_sentences[i].text for i in bead.source),
                " ".join(self.target_sentences[i].text for i in bead.target))

    def evidence(self, sentences: list[Sentence]) -> Evidence | None:
        """The source sentences a finding rests on, positioned in the source file."""
        if not sentences or self.source is None:
            return None
        line, column = self.source.position(sentences[0].start)
        return Evidence(self.source.path, line, column, " ".join(s.text for s in sentences))

    def place(self, start: int, text: str) -> Evidence:
        """Another place of the same problem in the target document (``Finding.related``)."""
        line, column = self.target.position(start)
        return Evidence(self.target.path, line, column, text)

    def spot(self, start: int, end: int, evidence: list[Sentence] | None = None,
             document: Document | None = None) -> Spot:
        """``document.text[start:end]`` (the target by default), positioned, with evidence:
        the given source sentences or, on the target, those aligned with its sentence."""
        document = document or self.target
        line, column = document.position(start)
        end_line, end_column = document.position(end)
        found = self.evidence(evidence or [])
        if found is None and document is self.target:
            found = self.facts.evidence_at(start)
        return Spot(document.path, start, end, line, column, end_line, end_column,
                    document.text[start:end], found)

    def finding(self, rule: str, severity: str, start: int, end: int, message: str,
                replacement: str | None = None, *, advice: str | None = None,
                evidence: list[Sentence] | None = None, document: Document | None = None,
                related: tuple[Evidence, ...] = ()) -> Finding:
        """A Finding on ``document.text[start:end]`` (the target document by default).

        ``replacement`` is the text that should stand in place of the span (shown as the
        suggestion, applied by ``aligner fix``); ``advice`` is a suggestion for a person
        that no program can apply ("check which body is meant: A or B"). ``evidence``
        are the source sentences the finding rests on (default: those aligned with the
        target sentence it starts in).
        """
        return self.spot(start, end, evidence, document).finding(
            rule, severity, message, replacement, advice=advice, related=related)


SEVERITIES = ("info", "warning", "error")


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)
