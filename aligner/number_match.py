"""Comparing the number mentions of a source and its translation, and writing a mention in English.

The mentions come from :func:`aligner.numbers.extract`; NUM001 reports what
:func:`unmatched` leaves and suggests :func:`english` (or :func:`english_words`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import replace

from aligner.number_mention import NumberMention, is_whole
from aligner.number_words import number_words
from aligner.numbers import _EN_MONTHS, _SPACE_SEPARATORS


def unmatched(ru: list[NumberMention], en: list[NumberMention]) -> tuple[list[NumberMention], list[NumberMention]]:
    """Mentions of each side whose value the other side never mentions: (ru, en).

    Hard mentions always count; weak ones (two, три) only when the other side has an
    unmatched hard or weak mention too ("два года" rendered "three years").
    """
    ru_keys = frozenset().union(*(m.keys for m in ru))
    en_keys = frozenset().union(*(m.keys for m in en))
    ru_left = [m for m in ru if (m.hard or m.weak) and not m.keys & en_keys]
    en_left = [m for m in en if (m.hard or m.weak) and not m.keys & ru_keys]
    if ru_left and not en_left:  # "два-три раза" rendered "three or three times"
        en_left = _surplus(ru, en)
    if not any(m.hard for m in ru_left) and not en_left:
        ru_left = []
    if not any(m.hard for m in en_left) and not ru_left:
        en_left = []
    # a small number word counts only against a left number of its own kind ("в первую очередь" is
    # not "the first two"; "The two parties" is not the month the source has and the translation lost)
    ru_left = [m for m in ru_left if not m.weak or kind_class(m) in {kind_class(e) for e in en_left}]
    en_left = [m for m in en_left if not m.weak or kind_class(m) in {kind_class(r) for r in ru_left}]
    return _one_per_time(ru_left), _one_per_time(en_left)


def combined(mentions: list[NumberMention], text: str) -> list[NumberMention]:
    """Mentions that make one number together, read as one (``text`` is what they were
    found in): a figure and a smaller scaled figure after it ("1 млн 200 тыс." = 1.2
    million), and a number with a unit word after it (двое суток = 48 hours, два
    десятилетия = twenty years, three quarters = 0.75); the parts' own values still count."""
    result: list[NumberMention] = []
    for mention in mentions:
        last = result[-1] if result else None
        if last is not None and not text[last.end:mention.start].strip():
            value = None
            if last.scale > mention.scale >= 1000 and mention.value < last.scale:
                value = last.value + mention.value  # 1 млн 200 тыс.
            elif last.scale == 1.0 and last.kind in ("cardinal", "word") and not mention.hard \
                    and not mention.weak and mention.kind == "word" and mention.value != 1:
                value = last.value * mention.value  # двое суток, два десятилетия
            if value is not None and math.isfinite(value):
                result[-1] = replace(last, end=mention.end, text=text[last.start:mention.end],
                                     keys=last.keys | mention.keys | {("n", round(value, 6))},
                                     hard=last.hard or mention.hard)
                continue
        result.append(mention)
    return result


def _one_per_time(mentions: list[NumberMention]) -> list[NumberMention]:
    """"17 часов 47 минут" is two spans of one time: report it once."""
    seen: set = set()
    kept = []
    for mention in mentions:
        if mention.kind == "time":
            readings = frozenset(key for key in mention.keys if key[0] == "t")
            if readings in seen:
                continue
            seen.add(readings)
        kept.append(mention)
    return kept


def kind_class(mention: NumberMention) -> str:
    """ordinal, month, time or number: what a mention can be confused with."""
    return mention.kind if mention.kind in ("ordinal", "month", "time") else "number"


def _surplus(ru: list[NumberMention], en: list[NumberMention]) -> list[NumberMention]:
    """English mentions of a value the English names more often than the Russian does."""
    ru_count = Counter(m.value for m in ru)
    en_count = Counter(m.value for m in en if m.hard or m.weak)
    found, seen = [], Counter()
    for mention in en:
        if not (mention.hard or mention.weak):
            continue
        seen[mention.value] += 1
        if en_count[mention.value] > ru_count[mention.value] and seen[mention.value] > ru_count[mention.value]:
            found.append(mention)
    return found


def english(mention: NumberMention) -> str:
    """How a (Russian) mention is written in English: 3,5 млн -> 3.5 million, марта -> March."""
    if mention.kind == "month":
        return _EN_MONTHS[int(mention.value) - 1]
    if mention.kind == "time":
        return f"{int(mention.value) // 60:02d}:{int(mention.value) % 60:02d}"
    scale_words = {1e3: "thousand", 1e6: "million", 1e9: "billion", 1e12: "trillion"}
    mantissa = mention.value / mention.scale
    if not math.isfinite(mantissa):
        return mention.text  # too large for a float: quoted as written
    if mantissa == int(mantissa):
        digits = re.sub(r"\D", "", mention.text.split("-")[0])
        grouped = any(c in mention.text for c in _SPACE_SEPARATORS + ",")
        plain = int(mantissa)
        grouped = grouped or mention.kind == "word"
        written = f"{plain:,}" if plain >= 10000 or (plain >= 1000 and grouped) else str(plain)
        if digits.startswith("0") and len(digits) > 1:
            written = digits
    else:
        written = f"{mantissa:.6f}".rstrip("0").rstrip(".")
    if mention.scale in scale_words:
        written += " " + scale_words[mention.scale]
    if mention.kind == "decade":
        return f"{int(mantissa)}s"
    if mention.kind == "ordinal" and mention.scale == 1.0 and is_whole(mantissa):
        written += _ordinal_suffix(int(mantissa))
    return written


def english_words(mention: NumberMention, ordinal: bool = False) -> str | None:
    """An English number word for a mention's value (3 -> three, third), when one exists."""
    wanted = "ordinal" if ordinal else "cardinal"
    for word, entry in number_words("en").items():
        if entry.kind == wanted and entry.value == mention.value:
            return word
    return None


def _ordinal_suffix(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
