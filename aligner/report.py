"""The side-by-side review report: one self-contained HTML file for editors.

``render_report(pairs, findings)`` lays every aligned bead out as a Russian | English
row (omissions and additions keep an empty cell on the missing side), highlights each
finding on its character span, and lists the finding's rule, severity, message and
suggestion under the row. The page carries its own CSS and JavaScript (filters by
rule, severity and file, applied from the URL hash too; ``j``/``n`` and ``k``/``p``
move between findings) and loads nothing from the network. Each finding has Accept /
Reject / Edit buttons (``aligner/templates/review.js``): kept in the browser and
exported as a decisions file, or saved by ``aligner review``'s server (``review="server"``).

All input text reaches the page only through the Jinja2 template with autoescaping
on: the layout is computed here as plain records and nothing is marked safe.
"""

from __future__ import annotations

import unicodedata

from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from typing import Iterable

import jinja2

from aligner import __version__
from aligner.records import Pair
from aligner.fix import replacement
from aligner.records import Bead, Document, Finding, Sentence, severity_rank


@dataclass
class Piece:
    """A run of cell text covered by the same set of findings (``ids`` empty: plain text)."""

    text: str
    ids: tuple[int, ...] = ()
    severity: str = ""
    rules: str = ""  # the covering findings' rule codes, for a tooltip


@dataclass
class Cell:
    """One side of a row; ``pieces`` empty means the side has no sentence (omission/addition)."""

    pieces: list[Piece]
    start: int = -1
    end: int = -1
    line: int = 0


@dataclass
class Note:
    """One finding as shown under its row."""

    id: int
    finding: Finding
    file: int
    side: str  # "en" or "ru"

    @property
    def fix(self) -> str | None:
        """What ``aligner fix`` would put in place of the flagged text (None: advice only)."""
        return replacement(self.finding)


@dataclass
class Row:
    number: int
    kind: str  # bead kind: "1-1", "0-1" (addition), "1-0" (omission), ...
    score: float | None
    ru: Cell
    en: Cell
    aligned: bool = True  # False: the file has no source or no alignment; nothing is missing
    notes: list[Note] = field(default_factory=list)

    @property
    def label(self) -> str:
        if not self.aligned:
            return ""
        if not self.ru.pieces and self.en.pieces:
            return "addition"
        if self.ru.pieces and not self.en.pieces:
            return "omission"
        return ""


@dataclass
class FileSection:
    index: int
    en_path: str
    ru_path: str | None
    aligned: bool
    rows: list[Row]
    loose: list[Note]  # findings that sit on no row (whole-file or corpus findings)

    @property
    def notes(self) -> list[Note]:
        return [note for row in self.rows for note in row.notes] + self.loose


@dataclass
class Summary:
    by_rule: list[tuple[str, str, int]]  # (rule, severity, count), most severe first
    by_severity: list[tuple[str, int]]
    by_file: list[tuple[int, str, int]]
    total: int


def render_report(pairs: list[Pair], findings: Iterable[Finding], title: str = "aligner report",
                  rules: Iterable = (), signature: str = "", review: str = "static") -> str:
    """The HTML report for ``pairs`` and the ``findings`` made on them.

    ``rules`` (objects with ``code`` and ``name``, e.g. ``CheckResult.rules``) name the
    rules in the summary; ``signature`` (e.g. ``CheckResult.signature``) goes in the footer.
    ``review`` is where the decision buttons keep decisions: ``"static"`` (the browser's
    storage, exported as a file) or ``"server"`` (``aligner review``'s local server).
    """
    sections, other = layout(pairs, list(findings))
    names = {rule.code: rule.name for rule in rules}
    template = _environment().get_template("report.html")
    return template.render(title=title, sections=sections, other=other,
                           summary=summarize(sections, other), names=names, version=__version__,
                           signature=signature, review=review)


def layout(pairs: list[Pair], findings: list[Finding]) -> tuple[list[FileSection], list[Note]]:
    """Rows per file with each finding placed on its row; findings on no known file go last."""
    ordered = sorted(findings, key=lambda f: (f.path, f.start, f.end, -severity_rank(f.severity), f.rule))
    by_path: dict[str, list[Finding]] = {}
    for finding in ordered:
        by_path.setdefault(_norm(finding.path), []).append(finding)
    sections: list[FileSection] = []
    next_id = 0
    for index, pair in enumerate(pairs):
        en_findings = by_path.pop(_norm(pair.target.path), [])
        ru_findings = by_path.pop(_norm(pair.source.path), []) if pair.source is not None else []
        rows = _rows(pair)
        notes_en = [Note(next_id + i, f, index, "en") for i, f in enumerate(en_findings)]
        next_id += len(notes_en)
        notes_ru = [Note(next_id + i, f, index, "ru") for i, f in enumerate(ru_findings)]
        next_id += len(notes_ru)
        loose = _place(rows, notes_en, "en") + _place(rows, notes_ru, "ru")
        for row in rows:
            row.notes.sort(key=lambda note: note.id)
        sections.append(FileSection(index, pair.target.path, pair.source.path if pair.source else None,
                                    bool(pair.beads), rows, loose))
    other = []
    for path_findings in by_path.values():
        for finding in path_findings:
            other.append(Note(next_id, finding, -1, "en"))
            next_id += 1
    return sections, other


def summarize(sections: list[FileSection], other: list[Note]) -> Summary:
    notes = [note for section in sections for note in section.notes] + other
    rules = Counter((note.finding.rule, note.finding.severity) for note in notes)
    severities = Counter(note.finding.severity for note in notes)
    return Summary(
        by_rule=sorted(((rule, sev, n) for (rule, sev), n in rules.items()),
                       key=lambda item: (-_rank(item[1]), -item[2], item[0])),
        by_severity=sorted(severities.items(), key=lambda item: -_rank(item[0])),
        by_file=[(s.index, s.en_path, len(s.notes)) for s in sections],
        total=len(notes))


def _rows(pair: Pair) -> list[Row]:
    beads = pair.beads
    if not beads:  # no alignment: English rows, then any Russian sentences on their own
        beads = ([Bead((), (i,), 0.0) for i in range(len(pair.target_sentences))]
                 + [Bead((i,), (), 0.0) for i in range(len(pair.source_sentences))])
    rows = []
    for number, bead in enumerate(beads, 1):
        ru = _cell(pair.source, [pair.source_sentences[i] for i in bead.source])
        en = _cell(pair.target, [pair.target_sentences[i] for i in bead.target])
        rows.append(Row(number, bead.kind, bead.score if pair.beads else None, ru, en, bool(pair.beads)))
    return rows


def _cell(document: Document | None, sentences: list[Sentence]) -> Cell:
    if document is None or not sentences:
        return Cell([])
    start = min(s.start for s in sentences)
    end = max(s.end for s in sentences)
    return Cell([Piece(document.text[start:end])], start, end, document.position(start)[0])


def _place(rows: list[Row], notes: list[Note], side: str) -> list[Note]:
    """Attach each note to the row whose ``side`` cell holds its span and split the text of
    every cell it covers. A note on no sentence goes to the next row (or the last one).

    Returns the notes left over: all of them when that side has no text at all.
    """
    cells = [(row, getattr(row, side)) for row in rows if getattr(row, side).pieces]
    if not cells:
        return notes
    spans: dict[int, list[Note]] = {}
    for note in notes:
        f = note.finding
        hits = [i for i, (_, cell) in enumerate(cells) if max(f.start, cell.start) < min(f.end, cell.end)]
        if not hits:  # zero-length or between sentences: the cell holding or following it
            hits = [next((i for i, (_, cell) in enumerate(cells) if cell.end >= f.start), len(cells) - 1)]
        cells[hits[0]][0].notes.append(note)
        for i in hits:
            spans.setdefault(i, []).append(note)
    for i, cell_notes in spans.items():
        cell = cells[i][1]
        cell.pieces = _split(cell, cell_notes)
    return []


def _split(cell: Cell, notes: list[Note]) -> list[Piece]:
    """Cut the cell text at every finding boundary; each piece knows which findings cover it."""
    text = "".join(piece.text for piece in cell.pieces)
    bounds = {cell.start, cell.end}
    for note in notes:
        for offset in (note.finding.start, note.finding.end):
            if cell.start < offset < cell.end:
                bounds.add(offset)
    points = sorted(bounds)
    pieces = []
    for a, b in zip(points, points[1:]):
        covering = [n for n in notes if n.finding.start <= a and b <= n.finding.end
                    and n.finding.start < n.finding.end]
        severity = max((n.finding.severity for n in covering), key=_rank, default="")
        rules = ", ".join(dict.fromkeys(n.finding.rule for n in covering))
        pieces.append(Piece(text[a - cell.start:b - cell.start], tuple(n.id for n in covering), severity, rules))
    return pieces


def _rank(severity: str) -> int:
    try:
        return severity_rank(severity)
    except ValueError:
        return -1


def _norm(path: str) -> str:
    return path.replace("\\", "/")


def visible(name: str) -> str:
    """A file name with its control and format characters shown as ``<U+202E>``: a bidi
    override in a name would otherwise show the name (and what follows it) reversed."""
    return "".join(f"<U+{ord(c):04X}>" if unicodedata.category(c) in ("Cc", "Cf") else c for c in name)


def _environment() -> jinja2.Environment:
    folder = resources.files("aligner").joinpath("templates")
    sources = {name: folder.joinpath(name).read_text("utf-8") for name in ("report.html", "review.js", "review.css")}
    environment = jinja2.Environment(loader=jinja2.DictLoader(sources),
                                     autoescape=True, undefined=jinja2.StrictUndefined,
                                     trim_blocks=True, lstrip_blocks=True)
    environment.filters["visible"] = visible
    return environment
