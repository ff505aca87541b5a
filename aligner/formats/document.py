"""A bilingual file as documents the rules can read: the units' texts as lines, beads 1:1.

Each document of the file (an XLIFF ``<file>``; the whole file for other formats) becomes
one Russian and one English text, each unit's source and target on its own line, so that
the rules that look at lines see paragraphs as in a plain-text pair. Sentences are split
inside each segment (never across one) and every segment is one bead: the file is
already aligned, so nothing is re-aligned. :meth:`UnitDocument.locate` maps an offset in
the English text back to its unit and the line/column inside the unit's target.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from aligner.formats.records import Bilingual, Unit
from aligner.formats.sentences import sentences_in
from aligner.records import Bead, Sentence

SEPARATOR = "\n"


@dataclass(frozen=True)
class Place:
    """A position inside a unit: its id and 1-based line/column in the unit's text."""

    unit: Unit
    line: int
    column: int


@dataclass(frozen=True)
class UnitDocument:
    """One document of a bilingual file, laid out for the rules."""

    name: str  # the <file> it came from ("" when the format has none)
    bilingual: Bilingual = field(repr=False, compare=False)
    units: tuple[Unit, ...]
    en_text: str
    ru_text: str
    en_starts: tuple[int, ...]  # offset of each unit's target in en_text
    ru_starts: tuple[int, ...]
    en_sentences: tuple[Sentence, ...]
    ru_sentences: tuple[Sentence, ...]
    beads: tuple[Bead, ...]

    def locate(self, offset: int, side: str = "en") -> Place:
        """The unit an offset of the English (or ``side="ru"`` Russian) text falls in."""
        starts = self.en_starts if side == "en" else self.ru_starts
        index = max(bisect.bisect_right(starts, offset) - 1, 0)
        unit = self.units[index]
        text = unit.target.text if side == "en" else unit.source.text
        inside = min(max(offset - starts[index], 0), len(text))
        line = text.count("\n", 0, inside) + 1
        column = inside - (text.rfind("\n", 0, inside) + 1) + 1
        return Place(unit, line, column)


def unit_documents(bilingual: Bilingual) -> list[UnitDocument]:
    """One UnitDocument per document of the file, in file order."""
    found = []
    for name in bilingual.files:
        units = tuple(unit for unit in bilingual.units if unit.file == name)
        en_starts, ru_starts, en_sentences, ru_sentences, beads = [], [], [], [], []
        en_at = ru_at = 0
        for unit in units:
            en_starts.append(en_at)
            ru_starts.append(ru_at)
            for segment in unit.segments:
                ru = sentences_in(unit.source.text, *segment.source, offset=ru_at)
                en = sentences_in(unit.target.text, *segment.target, offset=en_at)
                if ru or en:
                    beads.append(Bead(tuple(range(len(ru_sentences), len(ru_sentences) + len(ru))),
                                      tuple(range(len(en_sentences), len(en_sentences) + len(en))), 1.0))
                ru_sentences.extend(ru)
                en_sentences.extend(en)
            en_at += len(unit.target.text) + len(SEPARATOR)
            ru_at += len(unit.source.text) + len(SEPARATOR)
        found.append(UnitDocument(
            name, bilingual, units,
            "".join(unit.target.text + SEPARATOR for unit in units),
            "".join(unit.source.text + SEPARATOR for unit in units),
            tuple(en_starts), tuple(ru_starts), tuple(en_sentences), tuple(ru_sentences), tuple(beads)))
    return found
