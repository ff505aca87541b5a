"""The aligned pairs the length and omission rules judge, and the length model. Not a rule.

The aligner may split one poor rendering into an omission plus an addition (a 1-0
bead next to a 0-1 bead). The rules read such a neighbouring pair as one pair whose
lengths disagree, which is what it is for a reader.
"""

from __future__ import annotations

import functools
import math

from aligner.tables import read_table
from aligner.records import Pair, Sentence


def units(pair: Pair) -> list[tuple[list[Sentence], list[Sentence]]]:
    """(Russian sentences, English sentences) per bead, with 1-0 + 0-1 neighbours joined."""
    found: list[tuple[list[Sentence], list[Sentence]]] = []
    for ru, en, _ in pair.aligned():
        if found:
            last_ru, last_en = found[-1]
            if (not last_en and last_ru and not ru and en) or (not last_ru and last_en and ru and not en):
                found[-1] = (last_ru + ru, last_en + en)
                continue
        found.append((list(ru), list(en)))
    return found


@functools.lru_cache(maxsize=1)
def length_model() -> dict[str, float]:
    """name -> value from aligner/data/length_model.tsv (scripts/calibrate_lengths.py)."""
    return {row["name"]: float(row["value"]) for row in read_table("length_model.tsv")}


def delta(ru_chars: int, en_chars: int) -> float:
    """How many standard deviations the English length is from what the Russian predicts."""
    model = length_model()
    return (en_chars - model["ratio"] * ru_chars) / math.sqrt(model["variance"] * ru_chars)


def chars(sentences: list[Sentence]) -> int:
    """Characters of sentences joined by single spaces."""
    return sum(len(s.text) for s in sentences) + max(len(sentences) - 1, 0)
