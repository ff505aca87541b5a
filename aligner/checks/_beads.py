"""The aligned pairs the length and omission rules judge. Not a rule.

The aligner may split one poor rendering into an omission plus an addition (a 1-0
bead next to a 0-1 bead). The rules read such a neighbouring pair as one pair whose
lengths disagree, which is what it is for a reader.
"""

from __future__ import annotations

from aligner.checks.base import Pair
from aligner.records import Sentence


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
