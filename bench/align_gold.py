"""Test cases for the alignment bench: real document pairs perturbed into known beads, the
Gale-Church baseline, and the scores (see ``bench/align.py``).

A document pair (Russian sentences aligned 1:1 with English ones) is perturbed
reproducibly on each side: about 5% of sentences deleted, then about 10% of adjacent
sentences merged. The gold beads follow from what was done.
"""

from __future__ import annotations

import math
import random

DELETE_RATE = 0.05
MERGE_RATE = 0.10
SEED = 2022
ENRU_DOCUMENT = 12  # consecutive wmt22-enru segments taken as one document

Bead = tuple[tuple[int, ...], tuple[int, ...]]


def perturb_side(count: int, rng: random.Random) -> list[tuple[int, ...]]:
    """Units of original sentence indices: some deleted, then some neighbours merged in pairs."""
    kept = [i for i in range(count) if rng.random() >= DELETE_RATE]
    units: list[tuple[int, ...]] = []
    for i in kept:
        adjacent = units and units[-1] == (i - 1,)  # never merge across a deleted sentence
        if adjacent and rng.random() < MERGE_RATE:
            units[-1] = units[-1] + (i,)
        else:
            units.append((i,))
    return units


def gold_beads(ru_units, en_units) -> list[Bead]:
    """Beads implied by the units: units sharing an original pair are one bead."""
    ru_of = {p: k for k, unit in enumerate(ru_units) for p in unit}
    en_of = {p: k for k, unit in enumerate(en_units) for p in unit}
    parent: dict = {}

    def find(node):
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    for k in range(len(ru_units)):
        find(("ru", k))
    for k in range(len(en_units)):
        find(("en", k))
    for p in set(ru_of) & set(en_of):
        parent[find(("ru", ru_of[p]))] = find(("en", en_of[p]))
    groups: dict = {}
    for node in list(parent):
        groups.setdefault(find(node), []).append(node)
    beads = []
    for members in groups.values():
        ru = tuple(sorted(k for side, k in members if side == "ru"))
        en = tuple(sorted(k for side, k in members if side == "en"))
        beads.append((ru, en))
    beads.sort(key=lambda bead: (bead[0][:1] or bead[1][:1], bead[1][:1] or bead[0][:1]))
    return beads


def perturbed(pairs: list[tuple[list[str], list[str]]], seed: int = SEED):
    """(ru sentences, en sentences, gold beads) per document pair, the same on every run."""
    cases = []
    for number, (ru, en) in enumerate(pairs):
        rng = random.Random(f"{seed}-{number}")
        ru_units, en_units = perturb_side(len(ru), rng), perturb_side(len(en), rng)
        cases.append(([" ".join(ru[i] for i in unit) for unit in ru_units],
                      [" ".join(en[i] for i in unit) for unit in en_units],
                      gold_beads(ru_units, en_units)))
    return cases


def concatenated(cases, size: int):
    """Cases laid end to end (repeating them as often as needed) until a side has ``size``
    sentences: one long pair of repeated content, with its gold beads."""
    ru, en, gold = [], [], []
    while True:
        for ru_part, en_part, gold_part in cases:
            if len(ru) + len(ru_part) > size or len(en) + len(en_part) > size:
                return ru, en, gold
            gold += [(tuple(i + len(ru) for i in r), tuple(j + len(en) for j in e)) for r, e in gold_part]
            ru += ru_part
            en += en_part


# --- Gale-Church baseline --------------------------------------------------------------

GC_PRIORS = {(1, 1): 0.89, (1, 0): 0.0099 / 2, (0, 1): 0.0099 / 2, (2, 1): 0.089 / 2,
             (1, 2): 0.089 / 2, (2, 2): 0.011}
GC_VARIANCE = 6.8


def gale_church(ru: list[str], en: list[str]) -> list[Bead]:
    """Gale & Church (1993): length-only DP; mean English/Russian ratio from the data."""
    ratio = (sum(map(len, en)) or 1) / (sum(map(len, ru)) or 1)

    def step(i: int, a: int, j: int, b: int) -> float:
        length_ru = sum(len(s) for s in ru[i:i + a])
        length_en = sum(len(s) for s in en[j:j + b])
        return gc_cost(length_ru, length_en, ratio) - math.log(GC_PRIORS[a, b])

    return cheapest_beads(len(ru), len(en), list(GC_PRIORS), step)


def cheapest_beads(n: int, m: int, kinds: list[tuple[int, int]], step) -> list[Bead]:
    """The cheapest path of beads from (0, 0) to (n, m): ``kinds`` the bead shapes (Russian,
    English sentence counts), ``step(i, a, j, b)`` the cost of the bead ru[i:i+a], en[j:j+b]
    (the first kind listed wins a tie)."""
    cost = [[math.inf] * (m + 1) for _ in range(n + 1)]
    back = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            for a, b in kinds:
                if i < a or j < b or cost[i - a][j - b] == math.inf:
                    continue
                c = cost[i - a][j - b] + step(i - a, a, j - b, b)
                if c < cost[i][j]:
                    cost[i][j], back[i][j] = c, (a, b)
    beads, i, j = [], n, m
    while i or j:
        a, b = back[i][j]
        beads.append((tuple(range(i - a, i)), tuple(range(j - b, j))))
        i, j = i - a, j - b
    return beads[::-1]


def gc_cost(length_ru: int, length_en: int, ratio: float) -> float:
    """Gale & Church's length cost: minus the log of the two-tailed probability of the
    lengths' difference, English expected at ``ratio`` times the Russian."""
    if length_ru == 0 and length_en == 0:
        return 0.0
    mean = (length_ru + length_en / ratio) / 2
    delta = (ratio * length_ru - length_en) / math.sqrt(GC_VARIANCE * max(mean, 1))
    tail = 2 * (1 - 0.5 * (1 + math.erf(abs(delta) / math.sqrt(2))))
    return -math.log(max(tail, 1e-12))


# --- scoring ---------------------------------------------------------------------------

def score(gold_list, test_list) -> dict[str, float]:
    """Strict P/R/F1 over non-null beads, strict F1 over all beads, vecalign's lax F1,
    and precision and recall of null beads (1-0 / 0-1)."""
    counts = dict.fromkeys(["tp", "test", "gold", "tp_all", "test_all", "gold_all",
                            "lax_p", "lax_r", "null_gold", "null_test", "null_tp"], 0)
    for gold, test in zip(gold_list, test_list):
        gold, test = set(gold), set(test)
        gold_full = {b for b in gold if b[0] and b[1]}
        test_full = {b for b in test if b[0] and b[1]}
        counts["tp"] += len(gold_full & test_full)
        counts["test"] += len(test_full)
        counts["gold"] += len(gold_full)
        counts["tp_all"] += len(gold & test)
        counts["test_all"] += len(test)
        counts["gold_all"] += len(gold)
        counts["lax_p"] += _lax_hits(gold_full, test_full)
        counts["lax_r"] += _lax_hits(test_full, gold_full)
        gold_null, test_null = gold - gold_full, test - test_full
        counts["null_gold"] += len(gold_null)
        counts["null_test"] += len(test_null)
        counts["null_tp"] += len(gold_null & test_null)
    p = counts["tp"] / max(counts["test"], 1)
    r = counts["tp"] / max(counts["gold"], 1)
    p_all = counts["tp_all"] / max(counts["test_all"], 1)
    r_all = counts["tp_all"] / max(counts["gold_all"], 1)
    lax_p = counts["lax_p"] / max(counts["test"], 1)
    lax_r = counts["lax_r"] / max(counts["gold"], 1)
    return {"P": p, "R": r, "F1": _f1(p, r), "F1 all": _f1(p_all, r_all),
            "lax F1": _f1(lax_p, lax_r),
            "null P": counts["null_tp"] / max(counts["null_test"], 1),
            "null R": counts["null_tp"] / max(counts["null_gold"], 1),
            "nulls": counts["null_gold"], "null test": counts["null_test"]}


def missed_nulls(gold: list[Bead], predicted: list[Bead]) -> list[tuple[Bead, str, Bead]]:
    """The gold null beads not predicted, each with how it was missed and the predicted bead
    holding its sentence: "paired with an unrelated sentence" (a 1-1 bead of two gold null
    sentences: an omission and an addition at one place taken for a pair) or "in a
    predicted a-b bead" (absorbed by a neighbour, or displacing a pair)."""
    found = set(predicted)
    gold_of = {(side, k): bead for bead in gold for side, items in zip("re", bead) for k in items}
    holder = {(side, k): bead for bead in predicted for side, items in zip("re", bead) for k in items}
    out = []
    for bead in gold:
        if (bead[0] and bead[1]) or bead in found:
            continue
        held = holder[("r", bead[0][0]) if bead[0] else ("e", bead[1][0])]
        partners = [gold_of[("r", i)] for i in held[0]] + [gold_of[("e", j)] for j in held[1]]
        if len(held[0]) == len(held[1]) == 1 and not any(p[0] and p[1] for p in partners):
            out.append((bead, "paired with an unrelated sentence", held))
        else:
            out.append((bead, f"in a predicted {len(held[0])}-{len(held[1])} bead", held))
    return out


def _lax_hits(reference, predicted) -> int:
    """Predicted beads overlapping some reference bead on both sides (vecalign's lax match)."""
    linked: dict[int, set[int]] = {}
    for ru, en in reference:
        for i in ru:
            linked.setdefault(i, set()).update(en)
    return sum(1 for ru, en in predicted
               if set(en) & set().union(*(linked.get(i, set()) for i in ru)))


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0
