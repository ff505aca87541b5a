"""Banded, coarse-to-fine dynamic programme over beads (vecalign's search, our costs).

The grid has a row per Russian sentence boundary (0..n) and a column per English
boundary (0..m). Texts small enough are searched whole; longer ones are first
aligned in blocks of ``BLOCK`` sentences, recursively, and the fine search then
stays within ``BAND`` sentences of the path found there, so time and memory grow
linearly with the length of the texts.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from aligner.align.score import Scorer  # or BlockScorer: the same interface

MOVES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3))
FULL_SEARCH_CELLS = 400_000  # grids up to this size are searched whole
BLOCK = 8  # sentences per block in the coarse pass
BAND = 3 * BLOCK  # half-width of the fine search around the coarse path
MAX_A = max(a for a, _ in MOVES)
MAX_B = max(b for _, b in MOVES)
CHUNK_CELLS = 1 << 15  # grid cells whose bead costs are computed in one vectorised batch

Progress = Callable[[int, int], None]


def align(scorer: Scorer, progress: Progress | None = None) -> list[tuple[int, int]]:
    """The cheapest path through the grid as a list of moves (Russian count, English count)."""
    n, m = len(scorer.ru), len(scorer.en)
    if (n + 1) * (m + 1) <= FULL_SEARCH_CELLS or min(n, m) < 2 * BLOCK:
        low = np.zeros(n + 1, dtype=np.int64)
        high = np.full(n + 1, m, dtype=np.int64)
    else:
        coarse_moves = align(scorer.coarse(BLOCK))
        low, high = _band_around(coarse_moves, n, m)
    return _search(scorer, low, high, progress)


def _band_around(coarse_moves: list[tuple[int, int]], n: int, m: int) -> tuple[np.ndarray, np.ndarray]:
    """Column range per row: ``BAND`` either side of the coarse path, scaled to sentences."""
    corners_ru, corners_en = [0], [0]
    for a, b in coarse_moves:
        corners_ru.append(min(corners_ru[-1] + a * BLOCK, n))
        corners_en.append(min(corners_en[-1] + b * BLOCK, m))
    corners_ru, corners_en = np.array(corners_ru), np.array(corners_en)
    rows = np.arange(n + 1)
    # Lowest and highest English boundary the coarse path holds at each Russian boundary.
    firsts = np.flatnonzero(np.r_[True, np.diff(corners_ru) > 0])
    at_row = corners_ru[firsts]
    lowest = np.minimum.reduceat(corners_en, firsts)
    highest = np.maximum.reduceat(corners_en, firsts)
    low = np.floor(np.interp(rows, at_row, lowest)) - BAND
    high = np.ceil(np.interp(rows, at_row, highest)) + BAND
    low = np.clip(low, 0, m).astype(np.int64)
    high = np.clip(high, 0, m).astype(np.int64)
    low[0], high[n] = 0, m
    low = np.minimum.accumulate(low[::-1])[::-1]  # non-decreasing from the end
    high = np.maximum.accumulate(high)
    low[1:] = np.minimum(low[1:], high[:-1])  # rows overlap, so a path always exists
    return low, high


def _search(scorer: Scorer, low: np.ndarray, high: np.ndarray, progress: Progress | None):
    """The cheapest path through columns ``low[i]..high[i]`` of each row ``i``. Bead costs
    come in batches of rows (``_bead_costs``); the rows are then filled one by one, the
    first move in ``MOVES`` order winning a tie. The last ``MAX_A + 1`` rows of costs are
    kept in a ring of full-length rows, infinite outside their bands, and the ring
    positions each row reads are worked out per batch, so that filling a row takes a
    dozen array operations: one gather of its candidates, the bead costs added, the
    cheapest taken, and the 0-1 moves chained along the row."""
    n, m = len(scorer.ru), len(scorer.en)
    en_skip_prefix = np.concatenate([[0.0], np.cumsum(scorer.en.skips)])  # columns 0..m
    widths = high - low + 1
    lows, highs, widths_ = low.tolist(), high.tolist(), widths.tolist()
    skip_english = MOVES.index((0, 1))
    slots = MAX_A + 1
    length = MAX_B + m + 1 + int(widths.max())  # row i at ring[i % slots], column j at MAX_B + j
    ring = np.full(slots * length, np.inf)
    back = np.array([a for a, _ in MOVES])[None, :, None]
    shift = np.array([MAX_B - b for _, b in MOVES])[None, :, None]
    move_rows: list[np.ndarray] = []
    i0 = 0
    while i0 <= n:
        i1 = i0 + 1
        widest = widths_[i0]
        while i1 <= n and max(widest, widths_[i1]) * (i1 - i0 + 1) <= CHUNK_CELLS:
            widest = max(widest, widths_[i1])
            i1 += 1
        costs = _move_costs(scorer, low, high, i0, i1, widest)
        rows = np.arange(i0, i1)[:, None, None]
        columns = low[i0:i1, None, None] + np.arange(widest)[None, None, :]
        gather = (rows - back) % slots * length + shift + columns  # (rows, moves, width) ring positions
        starts = en_skip_prefix[low[i0:i1]][:, None]
        steps = en_skip_prefix[np.minimum(columns[:, 0], m)] - starts  # skips of the English left out so far
        for i in range(i0, i1):
            lo, width = lows[i], widths_[i]
            if i == 0:
                best = np.full(width, np.inf)
                best[0] = 0.0
                move = np.full(width, -1, dtype=np.intp)
            else:
                candidates = ring.take(gather[i - i0, :, :width])
                candidates += costs[i - i0, :, :width]
                move = candidates.argmin(axis=0)
                best = np.minimum.reduce(candidates, axis=0)
            # English sentences left out (0-1 moves) chain along the row.
            step = steps[i - i0, :width]
            chained = np.minimum.accumulate(best - step) + step
            skipped = chained < best - 1e-9
            np.copyto(best, chained, where=skipped)
            move[skipped] = skip_english
            base = i % slots * length + MAX_B
            if i >= slots and (lows[i - slots] < lo or highs[i - slots] > highs[i]):
                ring[base + lows[i - slots]:base + highs[i - slots] + 1] = np.inf  # the row it replaces
            ring[base + lo:base + lo + width] = best
            move_rows.append(move)
            if progress and i % 256 == 0:
                progress(i, n)
        i0 = i1
    if progress:
        progress(n, n)
    return _backtrack(move_rows, low, n, m)


def _move_costs(scorer: Scorer, low: np.ndarray, high: np.ndarray, i0: int, i1: int,
                width: int) -> np.ndarray:
    """Every move's bead costs for rows ``i0:i1`` as one (rows, moves, width) array: a
    Russian sentence left out costs its skip; an English one is chained along the row by
    ``_search`` (infinite here)."""
    grids = _bead_costs(scorer, low, high, i0, i1, width)
    costs = np.empty((i1 - i0, len(MOVES), width))
    for index, (a, b) in enumerate(MOVES):
        if b == 0:
            costs[:, index] = np.concatenate([[np.inf], scorer.ru.skips])[i0:i1, None]  # row i skips sentence i - 1
        else:  # no grid for a 0-1 move, nor for any move when there is no Russian sentence
            costs[:, index] = grids.get(index, np.inf)
    return costs


def _bead_costs(scorer: Scorer, low: np.ndarray, high: np.ndarray, i0: int, i1: int,
                width: int) -> dict[int, np.ndarray]:
    """Cost of every bead ending in rows ``i0:i1`` (columns ``low[i]`` onwards, ``width``
    of them), per move with a Russian and an English side: move index -> (rows, width)
    array, infinite where the bead does not fit."""
    n, m = len(scorer.ru), len(scorer.en)
    rows = np.arange(i0, i1)
    columns = low[i0:i1, None] + np.arange(width)[None, :]
    outside = columns > high[i0:i1, None]
    clipped = np.minimum(columns, m)
    # Features of every Russian item a bead ending in these rows may hold.
    first_item = max(i0 - MAX_A, 0)
    items = range(first_item, min(i1, n))
    starts = np.array([max(int(low[r + 1]) - MAX_B, 0) for r in items], dtype=np.int64)
    stops = [int(high[min(r + MAX_A, n)]) for r in items]
    if not items:
        return {}
    stacked = scorer.band_features(first_item, starts, np.array(stops, dtype=np.int64))
    feature_width = stacked.shape[2]
    ru_len, ru_mass = scorer.ru.lengths, scorer.ru.mass
    prefixes = np.stack([np.concatenate([[0.0], np.cumsum(values)])
                         for values in (scorer.en.lengths, scorer.en.mass, scorer.en.ends)])
    # English lengths, masses and sentence ends of the b items ending at each cell, per b.
    ending = prefixes[:, clipped]
    en_sums = {b: ending - prefixes[:, np.maximum(clipped - b, 0)] for b in range(1, MAX_B + 1)}
    grids = {}
    features: dict[tuple[int, int], np.ndarray] = {}  # (r, t) -> features of Russian item i - r with English j - t

    by_cell = stacked.transpose(0, 2, 1).reshape(-1, stacked.shape[1])  # (item, English item) -> features

    def pair_features(back: int, t: int) -> np.ndarray:
        if (back, t) not in features:  # moves share them: 9 distinct gathers instead of 15
            item = np.maximum(rows - back, first_item) - first_item
            position = np.minimum(np.maximum(columns - t - starts[item][:, None], 0), feature_width - 1)
            features[back, t] = by_cell.take(item[:, None] * feature_width + position, axis=0)
        return features[back, t]

    counts: dict[tuple[int, int], tuple[np.ndarray, np.ndarray]] = {}  # (r, t) -> scorer.pair_counts

    def pair_counts(back: int, t: int) -> tuple[np.ndarray, np.ndarray]:
        if (back, t) not in counts:  # the one-item side of 1-1, 1-n and n-1 beads: counted once
            counts[back, t] = scorer.pair_counts(pair_features(back, t))
        return counts[back, t]

    for index, (a, b) in enumerate(MOVES):
        if a == 0 or b == 0:
            continue
        gathered = [[pair_features(a - s, t) for t in range(1, b + 1)] for s in range(a)]
        counted = [[pair_counts(a - s, t) for t in range(1, b + 1)] for s in range(a)] if min(a, b) == 1 else None
        matched = scorer.matched(gathered, counted)
        ru_len_sum, ru_mass_sum = _window_sums(ru_len, rows, a), _window_sums(ru_mass, rows, a)
        en_len_sum, en_mass_sum, en_ends_sum = en_sums[b]
        ends_gap = _window_sums(scorer.ru.ends, rows, a)[:, None] - en_ends_sum
        grid = scorer.costs(a, b, ru_len_sum[:, None], en_len_sum, ru_mass_sum[:, None], en_mass_sum,
                            matched, ends_gap)
        grid[(columns < b) | outside | (rows < a)[:, None]] = np.inf
        grids[index] = grid
    return grids


def _window_sums(values: np.ndarray, rows: np.ndarray, a: int) -> np.ndarray:
    """``values[i - a:i].sum()`` for each row ``i`` (0 where ``i < a``), added in order."""
    total = np.zeros(len(rows))
    for s in range(a):
        total = total + values[np.clip(rows - a + s, 0, None)]
    return np.where(rows >= a, total, 0.0)


def _backtrack(move_rows: list[np.ndarray], low: np.ndarray, n: int, m: int) -> list[tuple[int, int]]:
    i, j = n, m
    path = []
    lows = low.tolist()
    while i > 0 or j > 0:
        a, b = MOVES[move_rows[i][j - lows[i]]]
        path.append((a, b))
        i, j = i - a, j - b
    path.reverse()
    return path
