"""Bead costs: sentence length ratio plus lexical and anchor overlap.

A bead joining Russian sentences ``I`` and English sentences ``J`` costs

    (|I| + |J|) / 2 * (w_len * length_cost + w_lex * (1 - similarity)) + penalty[kind]

where ``length_cost`` is the squared z-score of log(English chars / Russian chars),
whose variance shrinks as the bead gets longer (as in Gale & Church), and
``similarity`` is a Dice coefficient over matched tokens (see ``lexicon``), anchors
(numbers, names, Latin words) weighing ``anchor_weight``. Null beads (omissions,
additions) cost ``skip`` each. The weights live in ``aligner/data/align_params.json``.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import json
from dataclasses import dataclass
from importlib import resources

import numpy as np

from aligner.align.lexicon import Lexicon, default_lexicon, english_keys, russian_glosses

PARAMS_FILE = "align_params.json"
LENGTH_SMOOTHING = 10.0  # characters added to both sides before the log ratio


@dataclass(frozen=True)
class Params:
    """Scorer weights; ``aligner/data/align_params.md`` says how they were chosen."""

    length_log_ratio_mean: float  # expected log(English chars / Russian chars)
    length_var_floor: float  # variance of that log ratio for very long beads ...
    length_var_per_char: float  # ... plus this over the bead's mean length in characters
    w_len: float
    w_lex: float
    anchor_weight: float  # weight of a number, name or Latin word against a glossed word
    skip: float  # cost of a null bead
    penalty: dict  # extra cost per bead kind ("2-1", ...); 1-1 has none

    @classmethod
    def from_json(cls, text: str) -> Params:
        data = json.loads(text)
        return cls(**{key: value for key, value in data.items() if not key.startswith("_")})

    def replace(self, **changes) -> Params:
        return dataclasses.replace(self, **changes)


@functools.lru_cache(maxsize=1)
def default_params() -> Params:
    path = resources.files("aligner.data").joinpath(PARAMS_FILE)
    return Params.from_json(path.read_text(encoding="utf-8"))


@dataclass
class Side:
    """Per-item arrays for one language; an item is a sentence or a block of sentences."""

    lengths: np.ndarray  # characters
    mass: np.ndarray  # matchable tokens
    tokens: list  # ru: list of gloss sets per item; en: set of keys per item

    def __len__(self) -> int:
        return len(self.lengths)

    def blocks(self, size: int, russian: bool) -> Side:
        """Consecutive groups of ``size`` items merged into one item each."""
        starts = range(0, len(self), size)
        lengths = np.add.reduceat(self.lengths, list(starts)) if len(self) else self.lengths
        mass = np.add.reduceat(self.mass, list(starts)) if len(self) else self.mass
        tokens = []
        for start in starts:
            group = self.tokens[start:start + size]
            if russian:
                tokens.append([gloss for item in group for gloss in item])
            else:
                tokens.append(set().union(*group))
        return Side(lengths, mass, tokens)


class Scorer:
    """Features of both texts, and the cost of any bead between them."""

    def __init__(self, ru: Side, en: Side, params: Params):
        self.ru = ru
        self.en = en
        self.params = params
        self._postings: dict[str, list[int]] = {}
        for index, keys in enumerate(en.tokens):
            for key in keys:
                self._postings.setdefault(key, []).append(index)

    @classmethod
    def for_sentences(cls, ru: list[str], en: list[str], lexicon: Lexicon | None = None,
                      params: Params | None = None) -> Scorer:
        lexicon = lexicon or default_lexicon()
        params = params or default_params()
        weight = {False: 1.0, True: params.anchor_weight}
        glosses = [[(keys, weight[anchor]) for keys, anchor in russian_glosses(sentence, lexicon)]
                   for sentence in ru]
        en_features = [english_keys(sentence, lexicon) for sentence in en]
        ru_side = Side(np.array([len(s) for s in ru], dtype=float),
                       np.array([sum(w for _, w in g) for g in glosses], dtype=float), glosses)
        en_side = Side(np.array([len(s) for s in en], dtype=float),
                       np.array([words + params.anchor_weight * anchors
                                 for _, words, anchors in en_features], dtype=float),
                       [keys for keys, _, _ in en_features])
        return cls(ru_side, en_side, params)

    def coarse(self, size: int) -> Scorer:
        """The same texts in blocks of ``size`` sentences, for a first rough pass."""
        return Scorer(self.ru.blocks(size, True), self.en.blocks(size, False), self.params)

    def overlap_row(self, ru_index: int, start: int, stop: int) -> np.ndarray:
        """Matched tokens between Russian item ``ru_index`` and English items ``start:stop``.

        Each Russian token found in an English item counts twice its weight (once for
        each side of the Dice numerator); anchors weigh ``anchor_weight``, words 1.
        """
        row = np.zeros(max(stop - start, 0))
        for gloss, weight in self.ru.tokens[ru_index]:
            hits = set()
            for key in gloss:
                postings = self._postings.get(key)
                if postings:
                    low = bisect.bisect_left(postings, start)
                    high = bisect.bisect_left(postings, stop, low)
                    hits.update(postings[low:high])
            for index in hits:
                row[index - start] += 2.0 * weight
        return row

    def costs(self, a: int, b: int, ru_len: np.ndarray, en_len: np.ndarray,
              ru_mass: np.ndarray, en_mass: np.ndarray, overlap: np.ndarray) -> np.ndarray:
        """Cost of ``a``-``b`` beads (a, b >= 1) given their summed features (vectors)."""
        p = self.params
        ratio = np.log((en_len + LENGTH_SMOOTHING) / (ru_len + LENGTH_SMOOTHING))
        variance = p.length_var_floor + p.length_var_per_char / ((ru_len + en_len) / 2 + LENGTH_SMOOTHING)
        length_cost = np.minimum((ratio - p.length_log_ratio_mean) ** 2 / variance, 25.0)
        total_mass = ru_mass + en_mass
        similarity = np.where(total_mass > 0, np.minimum(overlap / np.maximum(total_mass, 1.0), 1.0), 0.5)
        base = p.w_len * length_cost + p.w_lex * (1.0 - similarity)
        return (a + b) / 2.0 * base + p.penalty.get(f"{a}-{b}", 0.0)

    def score(self, ru_items: tuple[int, ...], en_items: tuple[int, ...]) -> float:
        """A bead's score in [0, 1]: high for a confident match, 0 for null beads."""
        if not ru_items or not en_items:
            return 0.0
        overlap = sum(self.overlap_row(i, en_items[0], en_items[-1] + 1).sum() for i in ru_items)
        ru_len, en_len = self.ru.lengths[list(ru_items)].sum(), self.en.lengths[list(en_items)].sum()
        ru_mass, en_mass = self.ru.mass[list(ru_items)].sum(), self.en.mass[list(en_items)].sum()
        cost = self.costs(1, 1, *(np.array([v]) for v in (ru_len, en_len, ru_mass, en_mass, overlap)))
        return float(np.exp(-cost[0] / 2.0))
