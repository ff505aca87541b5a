"""One huge line with no sentence break is checked in time linear in its length.

The budget is a ratio, not seconds, so it holds on any machine: a line 8 times longer
may take at most 20 times longer (linear is 8, quadratic 64). The line mixes what made
rules quadratic before (number groups, names, acronyms, stray letters, brackets, mixed
scripts); bench/longline.py prints the same growth per kind of line and per stage, and
times a 50 MB line.
"""

from __future__ import annotations

import time

from aligner.engine import check_texts

RUSSIAN = ("12 345, 6,7 млн, в 15:15, 5 марта 2010 года, двадцать пять, Чжан Мин встретился с Чжан Мином, "
           "ОДКБ, КТУ ООН, ШОС (Шанхайская организация сотрудничества) «кавычки» [и] Привет WHO ВОЗ 中文 \U00017000 ")
ENGLISH = ("12,345, 6.7 million, at 3:15 p.m., March 5, 2010, twenty-five, Zhang Ming met Zhang Min, "
           "ODKB, UN KTU, SCO a apple x x-ray (Shanghai “quotes” [and] ( ] Hello WНO ВОЗ 中文 \U00017000 ")


def _line(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _seconds(size: int, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):  # CPU seconds of this process, the best run: other processes do not count
        start = time.process_time()
        result = check_texts(_line(RUSSIAN, size), _line(ENGLISH, size))
        best = min(best, time.process_time() - start)
        assert result.problems == []
    return best


def test_a_line_eight_times_longer_takes_at_most_twenty_times_longer():
    check_texts("Привет 1", "Hello 1")  # tables and models loaded once, outside the timing
    short, long = _seconds(6_000, 3), _seconds(48_000, 1)
    assert long / short < 20, f"{short:.2f} s -> {long:.2f} s: superlinear"
