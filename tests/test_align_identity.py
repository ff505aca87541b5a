"""The aligner's output, bead for bead and score for score, on real text: a guard for
speed work, which must not change a single bead. The expected ladders in
``data/align/identity-expected.json`` were written by running this module as a script
when the bead scores became probabilities (issue 11)."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

from aligner.align import align_sentences, dp

DATA = Path(__file__).parent / "data" / "align"
EXPECTED = DATA / "identity-expected.json"


def lines(name: str) -> list[str]:
    return (DATA / name).read_text(encoding="utf-8").splitlines()


def perturbed(copies: int, seed: int) -> tuple[list[str], list[str]]:
    """``copies`` of the dev excerpt, each side with sentences deleted (5%) and
    neighbours merged (10%), reproducibly."""
    rng = random.Random(seed)
    sides = []
    for name in ("dev-20-39.ru.txt", "dev-20-39.en.txt"):
        out = []
        for sentence in lines(name) * copies:
            draw = rng.random()
            if draw < 0.05:
                continue
            if draw < 0.15 and out:
                out[-1] += " " + sentence
            else:
                out.append(sentence)
        sides.append(out)
    return sides[0], sides[1]


CASES = {"whole search": (1, 1), "coarse to fine": (5, 2)}


def ladder(ru: list[str], en: list[str]) -> list[list]:
    return [[list(bead.source), list(bead.target), bead.score] for bead in align_sentences(ru, en)]


@pytest.mark.parametrize("case", CASES)
def test_beads_and_scores_are_unchanged(case):
    ru, en = perturbed(*CASES[case])
    if case == "coarse to fine":
        assert (len(ru) + 1) * (len(en) + 1) > dp.FULL_SEARCH_CELLS
    assert ladder(ru, en) == json.loads(EXPECTED.read_text(encoding="utf-8"))[case]


if __name__ == "__main__":  # write the expected ladders (only when the output is meant to change)
    EXPECTED.write_text(json.dumps({case: ladder(*perturbed(*CASES[case])) for case in CASES}) + "\n",
                        encoding="utf-8")
    sys.exit(0)
