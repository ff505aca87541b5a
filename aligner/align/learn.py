"""Learning the Russian->English lexicon from sentence pairs (used by the build script and bench).

The pairs come in groups: the renderings of one segment (a reference and several MT
outputs). Every group counts once, each of its pairs with weight 1/len(group), so that
ten near-identical outputs of one sentence do not pass for ten sightings. For every
Russian stem and English stem the Dice coefficient of their co-occurrence is counted; a Russian stem keeps the English stems with
the highest Dice (at least ``min_dice``, seen together at least ``min_count`` times).
Stems found in more than ``max_share`` of the sentences (function words) are left out
on both sides: they match everywhere and tell nothing about which sentences belong together.
"""

from __future__ import annotations

from typing import Iterable

import numpy as np

from aligner.align.lexicon import Lexicon, english_stem, russian_stem, words


def learn_lexicon(groups: Iterable[list[tuple[str, str]]], *, keep: int = 3, min_dice: float = 0.1,
                  min_count: int = 2, max_share: float = 0.02) -> Lexicon:
    """A lexicon learned from groups of ``(russian, english)`` sentence pairs."""
    ru_vocab: dict[str, int] = {}
    en_vocab: dict[str, int] = {}
    ru_rows, en_rows, weights = [], [], []
    for group in groups:
        for ru, en in group:
            weights.append(1.0 / len(group))
            ru_rows.append(np.array(sorted({ru_vocab.setdefault(russian_stem(w), len(ru_vocab))
                                            for w in words(ru) if w.isalpha() and not w.isascii()}),
                                    dtype=np.int64))
            en_rows.append(np.array(sorted({en_vocab.setdefault(english_stem(w), len(en_vocab))
                                            for w in words(en) if w.isalpha()}), dtype=np.int64))
    if not ru_rows:
        return Lexicon.empty()
    total = sum(weights)
    ru_freq = _weighted_counts(ru_rows, weights, len(ru_vocab))
    en_freq = _weighted_counts(en_rows, weights, len(en_vocab))
    width = len(en_vocab)
    keys = [np.add.outer(r * width, e).ravel() for r, e in zip(ru_rows, en_rows)]
    pair_keys, where = np.unique(np.concatenate(keys), return_inverse=True)
    counts = np.bincount(where, weights=np.repeat(weights, [len(k) for k in keys]))
    ru_ids, en_ids = pair_keys // width, pair_keys % width
    dice = 2.0 * counts / (ru_freq[ru_ids] + en_freq[en_ids])
    common = max_share * total
    good = ((counts >= min_count) & (dice >= min_dice)
            & (ru_freq[ru_ids] <= common) & (en_freq[en_ids] <= common))
    ru_ids, en_ids, dice = ru_ids[good], en_ids[good], dice[good]
    order = np.lexsort((-dice, ru_ids))
    ru_names = np.array(list(ru_vocab), dtype=object)
    en_names = np.array(list(en_vocab), dtype=object)
    entries: dict[str, tuple[str, ...]] = {}
    for ru_id, en_id in zip(ru_ids[order], en_ids[order]):
        stems = entries.setdefault(ru_names[ru_id], ())
        if len(stems) < keep:
            entries[ru_names[ru_id]] = stems + (en_names[en_id],)
    return Lexicon(entries, frozenset(s for stems in entries.values() for s in stems))


def _weighted_counts(rows: list[np.ndarray], weights: list[float], size: int) -> np.ndarray:
    return np.bincount(np.concatenate(rows), weights=np.repeat(weights, [len(r) for r in rows]),
                       minlength=size)


def lexicon_lines(lexicon: Lexicon) -> list[str]:
    """The lexicon as sorted ``ru<TAB>en en`` lines, as ``Lexicon.from_lines`` reads them."""
    return [f"{ru}\t{' '.join(en)}\n" for ru, en in sorted(lexicon.entries.items())]
