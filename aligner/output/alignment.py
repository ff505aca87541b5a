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

from aligner.errors import InputError
from aligner.output.tmx import render_tmx
from aligner.records import Bead, Document, Pair, Sentence

ALIGNMENT_FORMATS = ("ladder", "tsv", "jsonl", "tmx")
EXTENSIONS = {"ladder": ".ladder", "tsv": ".tsv", "jsonl": ".jsonl", "tmx": ".tmx"}

_LADDER = re.compile(r"^\[([\d, ]*)\]:\[([\d, ]*)\]:(\d+(?:\.\d+)?)$")
_BLANKS = re.compile(r"[\t\r\n]+")


def render(pair: Pair, format: str) -> str:
    """The alignment in one of ``ALIGNMENT_FORMATS``."""
    return _RENDERERS[format](pair)


def ladder_line(bead: Bead) -> str:
    return f"[{', '.join(map(str, bead.source))}]:[{', '.join(map(str, bead.target))}]:{bead.score:.3f}"


def render_ladder(pair: Pair) -> str:
    return "".join(ladder_line(bead) + "\n" for bead in pair.beads)


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


def render_tsv(pair: Pair) -> str:
    lines = []
    for bead in pair.beads:
        ru, en = pair.texts(bead)
        lines.append(f"{_BLANKS.sub(' ', ru)}\t{_BLANKS.sub(' ', en)}\t{bead.score:.3f}\n")
    return "".join(lines)


def render_jsonl(pair: Pair) -> str:
    lines = []
    for bead in pair.beads:
        ru, en = pair.texts(bead)
        record = {"ru": list(bead.source), "en": list(bead.target), "kind": bead.kind,
                  "score": bead.score, "ru_text": ru, "en_text": en,
                  "ru_span": _span(pair.source, [pair.source_sentences[i] for i in bead.source]),
                  "en_span": _span(pair.target, [pair.target_sentences[i] for i in bead.target])}
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


def render_alignment_tmx(pair: Pair) -> str:
    units = []
    for bead in pair.beads:
        ru, en = pair.texts(bead)
        units.append((ru, en, {"x-score": f"{bead.score:.3f}", "x-kind": bead.kind,
                               "x-ru-sentences": ",".join(map(str, bead.source)),
                               "x-en-sentences": ",".join(map(str, bead.target))}))
    return render_tmx(units)


_RENDERERS = {"ladder": render_ladder, "tsv": render_tsv, "jsonl": render_jsonl,
              "tmx": render_alignment_tmx}
