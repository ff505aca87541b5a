"""A bead's score: the estimated probability that the bead is exactly right.

Each bead gets evidence from the bead costs (``aligner.align.score``), read from one
pairing: a bead that pairs sentences is read as a 1-1 bead (no kind penalty); a null
bead (1-0 / 0-1) through the cheapest 1-1 pairing of its sentence with a sentence of the
other language nearby (in the beads up to ``NEAR`` either side). The evidence is that
pairing's margin (``2 * skip`` minus its cost: how much it beats leaving both sides
unaligned), its similarity (share of matched tokens), its length cost (squared z-score
of the length ratio) and the log of its tokens that could match.

The evidence goes through a logistic curve per kind ("pair", "null"),
``1 / (1 + exp(-(c0 + c · evidence)))``, fitted on WMT22 dev documents (perturbed as in ``bench/align.py``, lexicon learned
without them) against whether each bead is exactly a gold bead; the coefficients are
``confidence`` in ``aligner/data/align_params.json`` and ``align_params.md`` gives the
fit and its check on the other collections (held out). So a score of 0.9 means that
about 9 beads in 10 with that score were right on that news data (pair beads held to
that on WMT21 and WMT22 en->ru; null beads held to within .04 of it on WMT21, and
were right up to .09 less often than their score said on en->ru). A null bead whose
sentence has no partner within reach, or only a hopeless one (margin at
``-MARGIN_LIMIT``), scores 1.
"""

from __future__ import annotations

import math

import numpy as np

from aligner.align.score import Scorer

NEAR = 2  # beads either side whose sentences a null bead's sentence is compared with
MARGIN_LIMIT = 10.0  # margins are clipped to this (a null bead with no neighbour at all)
FEATURES = 4  # margin, similarity, length cost, log(1 + tokens that could match)


Items = tuple[tuple[int, ...], tuple[int, ...]]


def evidence(scorer: Scorer, beads: list[Items]) -> np.ndarray:
    """Each bead's evidence (see the module docstring): an array (beads, FEATURES)."""
    n, m = len(scorer.ru), len(scorer.en)
    out = np.zeros((len(beads), FEATURES))
    # The evidence of a sentence with no partner near: the worst margin and length, no match.
    nothing_near = np.array([-MARGIN_LIMIT, 0.0, scorer.params.length_cost_cap, 0.0])
    if not beads or n == 0 or m == 0:
        out[:] = nothing_near
        return out
    en_before = np.cumsum([0] + [len(en) for _, en in beads])
    ru_bead = np.zeros(n, dtype=np.int64)
    for k, (ru_items, _) in enumerate(beads):
        ru_bead[list(ru_items)] = k
    last = len(beads) - 1
    starts = en_before[np.maximum(ru_bead - NEAR, 0)].astype(np.int64)
    stops = en_before[np.minimum(ru_bead + NEAR, last) + 1].astype(np.int64)
    features = scorer.band_features(0, starts, stops)
    # Every Russian sentence against every English sentence of its neighbourhood, as 1-1.
    columns = starts[:, None] + np.arange(features.shape[2])[None, :]
    inside = columns < stops[:, None]
    en_index = np.minimum(columns, m - 1)
    counts = np.bitwise_count(features)
    weight = scorer.params.anchor_weight
    matched = counts[:, 0] + weight * counts[:, 1] + counts[:, 2] + weight * counts[:, 3]
    pair = _features(scorer, scorer.ru.lengths[:, None], scorer.en.lengths[en_index],
                     scorer.ru.mass[:, None], scorer.en.mass[en_index], matched)
    pair[..., 0] = np.where(inside, pair[..., 0], -np.inf)
    best_ru = pair[np.arange(n), pair[..., 0].argmax(axis=1)]
    best_ru[np.isinf(best_ru[:, 0])] = nothing_near
    best_en = np.tile(nothing_near, (m, 1))
    order = np.argsort(pair[..., 0][inside])  # ascending margins: the best is written last
    best_en[en_index[inside][order]] = pair[inside][order]
    for k, (ru_items, en_items) in enumerate(beads):
        if not ru_items:
            out[k] = best_en[en_items[0]]
        elif not en_items:
            out[k] = best_ru[ru_items[0]]
    by_kind: dict[tuple[int, int], list[int]] = {}
    for k, (ru_items, en_items) in enumerate(beads):
        if ru_items and en_items:
            by_kind.setdefault((len(ru_items), len(en_items)), []).append(k)
    for (a, b), indices in by_kind.items():
        first_ru = np.array([beads[k][0][0] for k in indices])
        first_en = np.array([beads[k][1][0] for k in indices])
        gathered = [[features[first_ru + s, :, first_en + t - starts[first_ru + s]] for t in range(b)]
                    for s in range(a)]
        ru_items = np.array([beads[k][0] for k in indices])  # (beads, a): all of one kind
        en_items = np.array([beads[k][1] for k in indices])  # (beads, b)
        out[indices] = _features(scorer, scorer.ru.lengths[ru_items].sum(axis=1),
                                 scorer.en.lengths[en_items].sum(axis=1),
                                 scorer.ru.mass[ru_items].sum(axis=1),
                                 scorer.en.mass[en_items].sum(axis=1),
                                 scorer.matched(gathered))
    out[:, 0] = np.clip(out[:, 0], -MARGIN_LIMIT, MARGIN_LIMIT)
    return out


def _features(scorer: Scorer, ru_len, en_len, ru_mass, en_mass, matched) -> np.ndarray:
    """(margin, similarity, length cost, log(1 + mass)) of 1-1 pairings, last axis."""
    cost = scorer.costs(1, 1, ru_len, en_len, ru_mass, en_mass, matched)
    length_cost, similarity = scorer.terms(ru_len, en_len, ru_mass, en_mass, matched)
    mass = np.broadcast_to(np.log1p(ru_mass + en_mass), cost.shape)
    return np.stack([2.0 * scorer.params.skip - cost, similarity, length_cost, mass], axis=-1)


def scores(scorer: Scorer, beads: list[Items]) -> list[float]:
    """Each bead's probability of being right (see the module docstring), in [0, 1]."""
    curves = scorer.params.confidence
    out = []
    for values, (ru_items, en_items) in zip(evidence(scorer, beads), beads):
        if not (ru_items and en_items) and values[0] <= -MARGIN_LIMIT:
            out.append(1.0)  # no partner within reach (or only a hopeless one): surely unaligned
            continue
        c0, *c = curves["pair" if ru_items and en_items else "null"]
        out.append(1.0 / (1.0 + math.exp(-(c0 + float(np.dot(c, values))))))
    return out
