"""Banded, coarse-to-fine dynamic programme over beads (vecalign's search, our costs).

The grid has a row per Russian sentence boundary (0..n) and a column per English
boundary (0..m). Texts small enough are searched whole; longer ones are first
aligned in blocks of ``BLOCK`` sentences, recursively, and the fine search then
stays within ``BAND`` sentences of the path found there, so time and memory grow
linearly with the length of the texts.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from aligner.align.score import Scorer  # or BlockScorer: the same interface

MOVES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3))
FULL_SEARCH_CELLS = 400_000  # grids up to this size are searched whole
BLOCK = 8  # sentences per block in the coarse pass
BAND = 3 * BLOCK  # half-width of the fine search around the coarse path

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
    n, m = len(scorer.ru), len(scorer.en)
    skip = scorer.params.skip
    ru_len, ru_mass = scorer.ru.lengths, scorer.ru.mass
    en_len_prefix = np.concatenate([[0.0], np.cumsum(scorer.en.lengths)])
    en_mass_prefix = np.concatenate([[0.0], np.cumsum(scorer.en.mass)])
    max_a = max(a for a, _ in MOVES)
    max_b = max(b for _, b in MOVES)

    feature_rows: dict[int, tuple[int, np.ndarray]] = {}  # ru item -> (first column, features)

    def row_features(r: int) -> tuple[int, np.ndarray]:
        if r not in feature_rows:
            start = max(int(low[r + 1]) - max_b, 0)
            stop = int(high[min(r + max_a, n)])
            feature_rows[r] = (start, scorer.row_features(r, start, stop))
            feature_rows.pop(r - max_a - 1, None)
        return feature_rows[r]

    cost_rows: list[np.ndarray] = []
    move_rows: list[np.ndarray] = []
    inf = np.inf
    for i in range(n + 1):
        lo, hi = int(low[i]), int(high[i])
        columns = np.arange(lo, hi + 1)
        best = np.full(len(columns), inf)
        move = np.full(len(columns), -1, dtype=np.int8)
        if i == 0:
            best[columns == 0] = 0.0
        for index, (a, b) in enumerate(MOVES):
            if a == 0 or a > i or b > hi:
                continue
            previous = _values(cost_rows[i - a], int(low[i - a]), columns - b)
            if b == 0:
                candidate = previous + skip
            else:
                candidate = previous + scorer.costs(
                    a, b,
                    np.full(len(columns), ru_len[i - a:i].sum()),
                    en_len_prefix[columns] - en_len_prefix[np.maximum(columns - b, 0)],
                    np.full(len(columns), ru_mass[i - a:i].sum()),
                    en_mass_prefix[columns] - en_mass_prefix[np.maximum(columns - b, 0)],
                    scorer.matched([row_features(r) for r in range(i - a, i)], columns, b))
                candidate[columns < b] = inf
            better = candidate < best
            best[better] = candidate[better]
            move[better] = index
        # English sentences left out (0-1 moves) chain along the row.
        steps = np.arange(len(columns)) * skip
        chained = np.minimum.accumulate(best - steps) + steps
        skipped = chained < best - 1e-9
        best = np.where(skipped, chained, best)
        move[skipped] = MOVES.index((0, 1))
        cost_rows.append(best)
        move_rows.append(move)
        if i >= max_a + 1:
            cost_rows[i - max_a - 1] = None  # only the last few rows are needed
        if progress and i % 256 == 0:
            progress(i, n)
    if progress:
        progress(n, n)
    return _backtrack(move_rows, low, n, m)


def _values(row: np.ndarray, row_low: int, columns: np.ndarray) -> np.ndarray:
    """``row`` looked up at absolute ``columns``; infinite outside the row's band."""
    index = columns - row_low
    inside = (index >= 0) & (index < len(row))
    out = np.full(len(columns), np.inf)
    out[inside] = row[index[inside]]
    return out


def _backtrack(move_rows: list[np.ndarray], low: np.ndarray, n: int, m: int) -> list[tuple[int, int]]:
    i, j = n, m
    path = []
    while i > 0 or j > 0:
        a, b = MOVES[move_rows[i][j - int(low[i])]]
        path.append((a, b))
        i, j = i - a, j - b
    path.reverse()
    return path
