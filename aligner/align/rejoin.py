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
omitted sentence should not be absorbed on the strength of a word or two (``bench/recall.py``),
or if the neighbour's other side shows it: holds one more sentence end than the side
it would join, and as many once joined (``_shows``; «Нажмите «Настройки».» beside
"Tap Settings. Under …, tap Sign out." when the lexicon knows no word of it: its
silence is no evidence, and the cost alone decides).

Then an omission next to an addition is paired as one 1-1 bead where the lighter
sentence is rendered in the other in part at least (``paired``).
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
            shows = _shows(scorer, out[n], out[k])
            if not shows and _most_it_could_bring(scorer, out[n], out[k]) < max(own_mass, 1e-9):
                continue  # not half its words could find a counterpart there: no need to count
            first, second = (out[n], out[k]) if n < k else (out[k], out[n])
            joined = (first[0] + second[0], first[1] + second[1])
            if _kind(joined) not in scorer.params.penalty:
                continue
            # The pair's own sentences match first: the null one gets only what they leave.
            priority = (out[n][0] + ru_items, out[n][1] + en_items)
            (pair_cost, pair_matched), (joined_cost, joined_matched) = _cost(scorer, out[n]), _cost(scorer, priority)
            saving = pair_cost + alone - joined_cost
            if (shows or joined_matched - pair_matched >= max(own_mass, 1e-9)) and saving > gain:
                best, gain = (n, joined), saving
        if best is None:
            k += 1
            continue
        n, joined = best
        low = min(n, k)
        out[low:low + 2] = [joined]
        k = low + 1
    return paired(scorer, detached(scorer, out))


def detached(scorer: Scorer, beads: list[Items]) -> list[Items]:
    """``beads`` with an edge sentence of a merged bead's side with several left out as a
    null bead where the one-to-one matching says that is cheaper, the sentence brings less
    than its own mass in matches (not half its words found a partner) and the other side
    does not show it (``_shows``): the converse of the join above, for a sentence the
    search's bit sets let in on words its neighbours had matched. A sentence with nothing
    the lexicon glosses stays (its silence is no evidence)."""
    out = []
    for bead in beads:
        ru_items, en_items = bead
        options = []
        if len(ru_items) > 1:
            options += [((ru_items[0],), ()), ((ru_items[-1],), ())]
        if len(en_items) > 1:
            options += [((), (en_items[0],)), ((), (en_items[-1],))]
        best = None
        for null in options:
            rest = (tuple(i for i in ru_items if i not in null[0]), tuple(j for j in en_items if j not in null[1]))
            own_mass = float(scorer.ru.mass[null[0][0]] if null[0] else scorer.en.mass[null[1][0]])
            if _shows(scorer, rest, null):
                continue
            alone = float(scorer.ru.skips[null[0][0]] if null[0] else scorer.en.skips[null[1][0]])
            (rest_cost, rest_matched), (whole_cost, whole_matched) = _cost(scorer, rest), _cost(
                scorer, (rest[0] + null[0], rest[1] + null[1]))
            brings = whole_matched - rest_matched
            if brings >= max(own_mass, 1e-9) or own_mass <= 0:
                continue
            saving = whole_cost - rest_cost - alone
            if saving < 0:
                continue
            if best is None or saving > best[0]:
                best = (saving, null, rest)
        if best is None:
            out.append(bead)
            continue
        _, null, rest = best
        first = (null[0] and null[0][0] < rest[0][0]) or (null[1] and null[1][0] < rest[1][0])
        out += [null, rest] if first else [rest, null]
    return out


def _shows(scorer: Scorer, pair: Items, null: Items) -> bool:
    """Whether the other side of ``pair`` shows the null bead's sentence: it holds more
    sentence ends (``score._ends``) than the pair's side of the null sentence's language,
    and exactly as many once the null sentence joins."""
    ru_ends = float(scorer.ru.ends[list(pair[0])].sum())
    en_ends = float(scorer.en.ends[list(pair[1])].sum())
    if null[0]:
        gap, own = en_ends - ru_ends, float(scorer.ru.ends[null[0][0]])
    else:
        gap, own = ru_ends - en_ends, float(scorer.en.ends[null[1][0]])
    return gap > 0 and gap == own


def paired(scorer: Scorer, beads: list[Items]) -> list[Items]:
    """``beads`` with each omission next to an addition (1-0 beside 0-1) paired as one 1-1
    bead where the lighter of the two sentences (by mass) finds partners in the other for
    at least ``partial_share`` of its mass (``Params``) under the one-to-one matching: a sentence
    rendered in part (the rest of the other sentence having no counterpart, or a partial
    rendering) is a pair, though the heavier side's unmatched words and the length ratio
    made the search leave both out."""
    out = list(beads)
    k = 0
    while k + 1 < len(out):
        (ru_a, en_a), (ru_b, en_b) = out[k], out[k + 1]
        if (ru_a and not en_a and en_b and not ru_b) or (en_a and not ru_a and ru_b and not en_b):
            i, j = (ru_a or ru_b)[0], (en_a or en_b)[0]
            ru_matched, en_matched = _matched_one_to_one(scorer, [i], [j])
            ru_mass, en_mass = float(scorer.ru.mass[i]), float(scorer.en.mass[j])
            lighter, lighter_matched = (ru_mass, ru_matched) if ru_mass <= en_mass else (en_mass, en_matched)
            if lighter > 0 and lighter_matched >= scorer.params.partial_share * lighter:
                out[k:k + 2] = [((i,), (j,))]
        k += 1
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
    matched = sum(_matched_one_to_one(scorer, ru_items, en_items))
    cost = scorer.costs(a, b, np.array([scorer.ru.lengths[ru_items].sum()]),
                        np.array([scorer.en.lengths[en_items].sum()]),
                        np.array([scorer.ru.mass[ru_items].sum()]), np.array([scorer.en.mass[en_items].sum()]),
                        np.array([matched]), scorer.ru.ends[ru_items].sum() - scorer.en.ends[en_items].sum())
    return float(cost[0]), matched


def _matched_one_to_one(scorer: Scorer, ru_items: list[int], en_items: list[int]) -> tuple[float, float]:
    """Weighted matched tokens of each side (Russian, English) when each token pairs with
    at most one token of the other side: each Russian token, in reading order, takes the
    first free English token offering one of its glosses."""
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
    ru_total = en_total = 0.0
    for i in ru_items:
        for keys, anchor in scorer.ru.tokens[i]:
            token = next((t for key in sorted(keys) for t in offered.get(key, ()) if t not in taken), None)
            if token is not None:
                taken.add(token)
                ru_total += weight if anchor else 1.0
                en_total += weight if token[2] else 1.0
    return ru_total, en_total
