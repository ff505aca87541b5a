"""Writers for ``aligner align``: ladder, tsv, jsonl and tmx; and a ladder parser.

``ladder`` is vecalign's format, one bead per line with 0-based sentence indices and
the score: ``[3, 4]:[3]:0.812``, ``[5]:[]:0.000``. ``tsv`` has the Russian text, the
English text and the score per bead (tabs and line breaks inside a text become
spaces; no header). ``jsonl`` has one object per bead::

    {"ru": [3, 4], "en": [3], "kind": "2-1", "score": 0.812,
     "ru_text": "...", "en_text": "...",
     "ru_span": {"path": "ru.txt", "start": 120, "end": 260, "line": 4, "column": 1,
                 "end_line": 5, "end_column": 31} | null,
     "en_span": {...} | null}

``start``/``end`` are 0-based character offsets into the decoded file; lines and
columns are 1-based (``end_column`` exclusive), as everywhere in aligner.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from aligner.errors import InputError
from aligner.output.tmx import render_tmx
from aligner.records import Bead, Document, Sentence

ALIGNMENT_FORMATS = ("ladder", "tsv", "jsonl", "tmx")
EXTENSIONS = {"ladder": ".ladder", "tsv": ".tsv", "jsonl": ".jsonl", "tmx": ".tmx"}

_LADDER = re.compile(r"^\[([\d, ]*)\]:\[([\d, ]*)\]:(\d+(?:\.\d+)?)$")
_BLANKS = re.compile(r"[\t\r\n]+")


@dataclass
class Alignment:
    """Two documents, their sentences and the beads between them."""

    ru: Document
    en: Document
    ru_sentences: list[Sentence]
    en_sentences: list[Sentence]
    beads: list[Bead]

    def texts(self, bead: Bead) -> tuple[str, str]:
        return (" ".join(self.ru_sentences[i].text for i in bead.ru),
                " ".join(self.en_sentences[i].text for i in bead.en))


def render(alignment: Alignment, format: str) -> str:
    """The alignment in one of ``ALIGNMENT_FORMATS``."""
    return _RENDERERS[format](alignment)


def ladder_line(bead: Bead) -> str:
    return f"[{', '.join(map(str, bead.ru))}]:[{', '.join(map(str, bead.en))}]:{bead.score:.3f}"


def render_ladder(alignment: Alignment) -> str:
    return "".join(ladder_line(bead) + "\n" for bead in alignment.beads)


def parse_ladder(text: str, path: str = "<ladder>") -> list[Bead]:
    """Beads from ladder lines; a malformed line raises InputError naming it."""
    beads = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        match = _LADDER.match(line.strip())
        if not match:
            raise InputError(f"not a ladder line (expected like [3, 4]:[3]:0.812): {line!r}",
                             path, number)
        ru, en, score = match.groups()
        beads.append(Bead(_indices(ru), _indices(en), float(score)))
    return beads


def _indices(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(",") if part.strip())


def render_tsv(alignment: Alignment) -> str:
    lines = []
    for bead in alignment.beads:
        ru, en = alignment.texts(bead)
        lines.append(f"{_BLANKS.sub(' ', ru)}\t{_BLANKS.sub(' ', en)}\t{bead.score:.3f}\n")
    return "".join(lines)


def render_jsonl(alignment: Alignment) -> str:
    lines = []
    for bead in alignment.beads:
        ru, en = alignment.texts(bead)
        record = {"ru": list(bead.ru), "en": list(bead.en), "kind": bead.kind,
                  "score": bead.score, "ru_text": ru, "en_text": en,
                  "ru_span": _span(alignment.ru, [alignment.ru_sentences[i] for i in bead.ru]),
                  "en_span": _span(alignment.en, [alignment.en_sentences[i] for i in bead.en])}
        lines.append(json.dumps(record, ensure_ascii=False) + "\n")
    return "".join(lines)


def _span(document: Document, sentences: list[Sentence]) -> dict | None:
    if not sentences:
        return None
    start, end = sentences[0].start, sentences[-1].end
    line, column = document.position(start)
    end_line, end_column = document.position(end)
    return {"path": document.path, "start": start, "end": end, "line": line, "column": column,
            "end_line": end_line, "end_column": end_column}


def render_alignment_tmx(alignment: Alignment) -> str:
    units = []
    for bead in alignment.beads:
        ru, en = alignment.texts(bead)
        units.append((ru, en, {"x-score": f"{bead.score:.3f}", "x-kind": bead.kind,
                               "x-ru-sentences": ",".join(map(str, bead.ru)),
                               "x-en-sentences": ",".join(map(str, bead.en))}))
    return render_tmx(units)


_RENDERERS = {"ladder": render_ladder, "tsv": render_tsv, "jsonl": render_jsonl,
              "tmx": render_alignment_tmx}
