"""A second look at the null beads of a search: join one to its neighbour when a strict
word-for-word matching says the joined bead is cheaper.

The search (``dp``) counts matched tokens as bit sets: one Russian word lights every
English word offering one of its glosses, so a sentence whose words repeat in its
neighbour's translation (two near-identical Russian sentences merged into one English
sentence) has the whole English sentence matched by the neighbour alone, and is left
out as an omission. Here each null bead's sentence is tried in the pair bead before and
after it, with the bead costs (``score._Costs.costs``) recomputed from a one-to-one
matching: each token pairs with at most one token of the other side, the pair's own
sentences first (greedily, in reading order), so the null sentence gets only the
tokens they leave. It joins the neighbour where the joined bead costs less than the
neighbour alone plus its null bead, and only if the matches it brings (both sides
counted) weigh at least its own mass, i.e. about half its words found a partner: an
omitted sentence should not be absorbed on the strength of a word or two (``bench/recall.py``).
Only null beads are looked at (a few in a hundred), so this costs little.
"""

from __future__ import annotations

import numpy as np

from aligner.align.score import Scorer

Items = tuple[tuple[int, ...], tuple[int, ...]]


def rejoined(scorer: Scorer, beads: list[Items]) -> list[Items]:
    """``beads`` with each null bead joined to a neighbouring pair bead where that is cheaper."""
    out = list(beads)
    k = 0
    while k < len(out):
        ru_items, en_items = out[k]
        if ru_items and en_items:
            k += 1
            continue
        alone = float(scorer.ru.skips[ru_items[0]] if ru_items else scorer.en.skips[en_items[0]])
        own_mass = float(scorer.ru.mass[ru_items[0]] if ru_items else scorer.en.mass[en_items[0]])
        best, gain = None, 0.0
        for n in (k - 1, k + 1):
            if not 0 <= n < len(out) or not (out[n][0] and out[n][1]):
                continue
            if _most_it_could_bring(scorer, out[n], out[k]) < max(own_mass, 1e-9):
                continue  # not half its words could find a counterpart there: no need to count
            first, second = (out[n], out[k]) if n < k else (out[k], out[n])
            joined = (first[0] + second[0], first[1] + second[1])
            if _kind(joined) not in scorer.params.penalty:
                continue
            # The pair's own sentences match first: the null one gets only what they leave.
            priority = (out[n][0] + ru_items, out[n][1] + en_items)
            (pair_cost, pair_matched), (joined_cost, joined_matched) = _cost(scorer, out[n]), _cost(scorer, priority)
            saving = pair_cost + alone - joined_cost
            if joined_matched - pair_matched >= max(own_mass, 1e-9) and saving > gain:
                best, gain = (n, joined), saving
        if best is None:
            k += 1
            continue
        n, joined = best
        low = min(n, k)
        out[low:low + 2] = [joined]
        k = low + 1
    return out


def split(scorer: Scorer, beads: list[Items]) -> list[Items]:
    """``beads`` with each 2-2 bead split into two 1-1 beads where that is cheaper under the
    one-to-one matching: the search's bit sets let the words of two good 1-1 pairs match
    across them as well, so a 2-2 bead can look better matched than it is."""
    out = []
    for bead in beads:
        if len(bead[0]) == 2 and len(bead[1]) == 2:
            first, second = ((bead[0][0],), (bead[1][0],)), ((bead[0][1],), (bead[1][1],))
            if _cost(scorer, first)[0] + _cost(scorer, second)[0] < _cost(scorer, bead)[0]:
                out += [first, second]
                continue
        out.append(bead)
    return out


def _most_it_could_bring(scorer: Scorer, pair: Items, null: Items) -> float:
    """An upper bound of the matched tokens (both sides) that the null bead's sentence
    could add to ``pair``: its tokens offering a key the other side of the pair has,
    each with the heaviest partner."""
    weight = scorer.params.anchor_weight
    if null[0]:
        keys = set().union(*(scorer.en.tokens[j].keys() for j in pair[1]))
        return sum((weight if anchor else 1.0) + weight
                   for glosses, anchor in scorer.ru.tokens[null[0][0]] if not glosses.isdisjoint(keys))
    keys = {key for i in pair[0] for glosses, _ in scorer.ru.tokens[i] for key in glosses}
    word = anchor = 0
    for key, (word_bits, anchor_bits) in scorer.en.tokens[null[1][0]].items():
        if key in keys:
            word, anchor = word | word_bits, anchor | anchor_bits
    return (1.0 + weight) * word.bit_count() + 2.0 * weight * anchor.bit_count()


def _kind(bead: Items) -> str:
    return f"{len(bead[0])}-{len(bead[1])}"


def _cost(scorer: Scorer, bead: Items) -> tuple[float, float]:
    """The bead's cost with its matched tokens counted one to one, and that count."""
    ru_items, en_items = list(bead[0]), list(bead[1])
    a, b = len(ru_items), len(en_items)
    matched = _matched_one_to_one(scorer, ru_items, en_items)
    cost = scorer.costs(a, b, np.array([scorer.ru.lengths[ru_items].sum()]),
                        np.array([scorer.en.lengths[en_items].sum()]),
                        np.array([scorer.ru.mass[ru_items].sum()]), np.array([scorer.en.mass[en_items].sum()]),
                        np.array([matched]), scorer.ru.ends[ru_items].sum() - scorer.en.ends[en_items].sum())
    return float(cost[0]), matched


def _matched_one_to_one(scorer: Scorer, ru_items: list[int], en_items: list[int]) -> float:
    """Weighted matched tokens of both sides when each token pairs with at most one
    token of the other side: each Russian token, in reading order, takes the first free
    English token offering one of its glosses."""
    weight = scorer.params.anchor_weight
    offered: dict[str, list[tuple[int, int, bool]]] = {}
    for j in en_items:
        for key, (word_bits, anchor_bits) in scorer.en.tokens[j].items():
            for bits, anchor in ((word_bits, False), (anchor_bits, True)):
                while bits:
                    lowest = bits & -bits
                    offered.setdefault(key, []).append((j, lowest, anchor))
                    bits ^= lowest
    taken: set[tuple[int, int, bool]] = set()
    total = 0.0
    for i in ru_items:
        for keys, anchor in scorer.ru.tokens[i]:
            token = next((t for key in sorted(keys) for t in offered.get(key, ()) if t not in taken), None)
            if token is not None:
                taken.add(token)
                total += (weight if anchor else 1.0) + (weight if token[2] else 1.0)
    return total
