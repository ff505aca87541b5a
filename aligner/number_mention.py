"""The NumberMention record and its comparison keys: two mentions mean the same when they share a key."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class NumberMention:
    """One number, date part, time or number word found in a text."""

    start: int
    end: int
    text: str
    value: float
    keys: frozenset
    hard: bool
    kind: str = "cardinal"  # cardinal, ordinal, month, time, word
    scale: float = 1.0  # the scale word applied (1000 for "тыс."), for rendering
    problem: str | None = None  # a format error in an English number, in plain words
    fix: str | None = None  # the English spelling of this number, when it has a problem
    weak: bool = False  # a small number word: reported only when the other side has an unmatched number


def is_whole(value: float) -> bool:
    """A finite whole number (a hundred "000" groups overflow a float to infinity)."""
    return math.isfinite(value) and value == int(value)


def value_key(value: float) -> tuple[str, float]:
    return ("n", round(value, 6))


def number_keys(value: float) -> set:
    keys = {value_key(value)}
    if is_whole(value) and 1 <= value <= 12:
        keys.add(("m", int(value)))  # 03 in 2010-03-18 is a month
    return keys
