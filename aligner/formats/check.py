"""Bilingual files in the QA pipeline: pairs from units, findings placed on units.

:func:`bilingual_pairs` turns a bilingual file into one :class:`aligner.records.Pair`
per document (``pair.bilingual`` keeps the :class:`UnitDocument`); the file is already
aligned, so nothing is re-aligned. :func:`place_on_units` gives every finding on such a
pair its unit id and the line/column inside the unit's target text (evidence likewise
inside the unit's source), which every output format then shows as ``FILE#UNIT:LINE:COL``.
"""

from __future__ import annotations

import time
from dataclasses import replace

from aligner.formats import read_bilingual
from aligner.formats.document import UnitDocument, unit_documents
from aligner.records import Document, Evidence, Finding, Pair

SOURCE_SUFFIX = " (source)"


def bilingual_pairs(path: str, options: dict | None = None, timings: dict | None = None) -> list[Pair]:
    """One Pair per document of the bilingual file at ``path``.

    The pair's target path is ``path`` for a file with one document, ``path/NAME`` for
    each ``<file original="NAME">`` of a file with several (so that the rules, which
    compare documents, see them apart).
    """
    start = time.perf_counter()
    bilingual = read_bilingual(path)
    documents = unit_documents(bilingual)
    pairs = []
    for document in documents:
        name = path if len(documents) == 1 else f"{path}/{document.name or len(pairs) + 1}"
        target = Document(name, document.en_text, bilingual.encoding)
        source = Document(name + SOURCE_SUFFIX, document.ru_text, bilingual.encoding)
        pairs.append(Pair(target, document.en_sentences, source, document.ru_sentences,
                          document.beads, dict(options or {}), bilingual=document))
    if timings is not None:
        timings["read"] = timings.get("read", 0.0) + time.perf_counter() - start
    return pairs


def place_on_units(pairs: list[Pair], findings: list[Finding]) -> list[Finding]:
    """Findings on bilingual pairs with ``unit`` set and positions inside the unit."""
    documents = {pair.target.path: pair.bilingual for pair in pairs if pair.bilingual is not None}
    if not documents:
        return findings
    placed = []
    for finding in findings:
        document = documents.get(finding.path)
        if document is not None and not finding.unit:
            start = document.locate(finding.start)
            end = document.locate(max(finding.end, finding.start))
            if end.unit is not start.unit:
                end = start.__class__(start.unit, start.line, start.column + len(finding.text))
            finding = replace(finding, unit=start.unit.id, line=start.line, column=start.column,
                              end_line=end.line, end_column=end.column,
                              evidence=_evidence(document, finding.path, finding.evidence),
                              related=tuple(_related(documents, place) for place in finding.related))
        placed.append(finding)
    return placed


def _evidence(document: UnitDocument, path: str, evidence: Evidence | None) -> Evidence | None:
    """Evidence in the pair's source, placed inside its unit's source text."""
    if evidence is None or evidence.path != path + SOURCE_SUFFIX:
        return evidence
    starts = [0]
    for line in document.ru_text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    offset = starts[evidence.line - 1] + evidence.column - 1
    place = document.locate(offset, "ru")
    return Evidence(f"{path}#{place.unit.id}", place.line, place.column, evidence.text)


def _related(documents: dict, place: Evidence) -> Evidence:
    """Another place of a corpus-wide finding, shown as ``FILE#UNIT`` when it is in a unit."""
    document = documents.get(place.path)
    if document is None:
        return place
    offset = sum(len(line) + 1 for line in document.en_text.split("\n")[:place.line - 1]) + place.column - 1
    where = document.locate(offset)
    return Evidence(f"{place.path}#{where.unit.id}", where.line, where.column, place.text)


def unit_order(pairs: list[Pair]) -> dict[tuple[str, str], int]:
    """(path, unit id) -> the unit's place in its file, to sort findings in file order."""
    order = {}
    for pair in pairs:
        if pair.bilingual is not None:
            for index, unit in enumerate(pair.bilingual.units):
                order.setdefault((pair.target.path, unit.id), index)
    return order


def location(finding: Finding) -> str:
    """``FILE:LINE:COL``, or ``FILE#UNIT:LINE:COL`` for a finding in a bilingual file."""
    unit = f"#{finding.unit}" if finding.unit else ""
    return f"{finding.path}{unit}:{finding.line}:{finding.column}"


def file_position(pairs: list[Pair], finding: Finding) -> tuple[str, int, int, int, int] | None:
    """(real file, line, column, end line, end column) of a bilingual finding in the file
    itself (code points, 1-based), for formats that point into files (SARIF, GitHub)."""
    for pair in pairs:
        if pair.bilingual is not None and pair.target.path == finding.path:
            document = pair.bilingual
            index = next((i for i, unit in enumerate(document.units) if unit.id == finding.unit), None)
            if index is None:
                return None
            unit = document.units[index]
            start = finding.start - document.en_starts[index]
            end = max(start, min(finding.end - document.en_starts[index], len(unit.target.text)))
            span = unit.target.byte_span(start, end) or unit.target.byte_span(start, start)
            if span is None:
                return None
            data, encoding = document.bilingual.data, document.bilingual.encoding
            return (document.bilingual.path, *_line_column(data, span[0], encoding),
                    *_line_column(data, span[1], encoding))
    return None


def _line_column(data: bytes, offset: int, encoding: str) -> tuple[int, int]:
    newline = "\n".encode(encoding)
    line_start = data.rfind(newline, 0, offset) + len(newline) if data.rfind(newline, 0, offset) >= 0 else 0
    text = data[line_start:offset].decode(encoding, "replace")
    return data.count(newline, 0, offset) + 1, len(text) + 1
