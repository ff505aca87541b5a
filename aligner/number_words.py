"""Number words (двадцать пять, twenty-five, a couple of thousand, трехмерный) and Roman numerals read as values.

The word table is ``aligner/data/number_words.tsv``; :func:`aligner.numbers.extract` calls
:func:`word_mentions` after it has taken the figures, dates and times.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from aligner.number_mention import NumberMention, is_whole, number_keys, value_key
from aligner.profile import RU_EN
from aligner.tables import read_table

_WORD = re.compile(r"[^\W\d_]+")
_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_GAP = re.compile(r"[ \u00a0\u202f\u2009]*[-‑–]?[ \u00a0\u202f\u2009]*")


@dataclass(frozen=True)
class _Word:
    value: float
    kind: str


@functools.lru_cache(maxsize=None)
def number_words(lang: str) -> dict[str, _Word]:
    """Word form -> value and kind, for ``lang`` ('ru' or 'en'), from number_words.tsv."""
    rows = read_table(RU_EN.data["number_words"])
    table: dict[str, _Word] = {}
    morph = None
    for row in rows:
        if row["lang"] != lang:
            continue
        entry = _Word(float(row["value"]), row["kind"])
        word = row["word"]
        table[word] = entry
        if lang == "ru":
            morph = morph or _morph()
            for parse in morph.parse(word):
                if parse.normal_form.replace("ё", "е") != word.replace("ё", "е"):
                    continue
                for form in parse.lexeme:
                    if form.word[:2] == word[:2]:
                        table.setdefault(form.word, entry)
            table.setdefault(word.replace("ё", "е"), entry)
    if lang == "ru":  # ё is usually written as е
        for form, entry in list(table.items()):
            table.setdefault(form.replace("ё", "е"), entry)
    return table


def _morph():
    from aligner.morph import analyzer

    return analyzer()

def word_mentions(text: str, lang: str, free) -> list[NumberMention]:
    """Runs of number words ("двадцать пять", "twenty-five", "three hundred"), months, Roman numerals."""
    table = number_words(lang)
    mentions: list[NumberMention] = []
    lowered = text.lower()
    if table.keys().isdisjoint(_WORD.findall(lowered)) and not _ROMAN_TOKEN.search(text) and (
            lang != "ru" or not _ANY_PREFIX.search(lowered)  # a plain search, before the look-behind regex
            or not _PREFIX_START.search(text)):
        return mentions  # most sentences: no number word at all, decided in C
    run: list[tuple[re.Match, _Word]] = []

    def flush() -> None:
        if run:
            mentions.append(_combine(text, run))
            run.clear()

    previous_end = None
    for match in _WORD.finditer(text):
        word = match.group()
        lowered = word.lower()
        entry = table.get(lowered)
        if entry is None and lang == "ru" and len(word) >= 7 and lowered[:3] in _PREFIX_HEADS and word[0].islower():
            prefix = _prefix_value(lowered)
            if prefix is not None and free(match.start(), match.end()):
                mentions.append(NumberMention(match.start(), match.end(), word, prefix,
                                              frozenset(number_keys(prefix)), False, "word", weak=True))
        if entry is None and not (run or word.isupper()):
            continue  # the common case, kept cheap
        if entry is None and run and lowered in _CONNECTORS:
            continue  # двух [с] половиной, two [and a] half, a quarter [of a] million: _joins decides
        if entry is not None and entry.kind == "month":
            if lang == "en" and not word[0].isupper():
                entry = None  # march, may: verbs
        if entry is not None and entry.kind == "month":
            flush()
            near_digit = bool(re.search(r"\d[.,]?\s*$", text[max(0, match.start() - 6):match.start()])
                              or re.match(r"\s*\d", text[match.end():match.end() + 4]))
            if free(match.start(), match.end()):
                mentions.append(NumberMention(match.start(), match.end(), word, entry.value,
                                              frozenset({("m", int(entry.value))}),
                                              near_digit, "month"))
            previous_end = None
            continue
        if entry is not None and free(match.start(), match.end()):
            gap = text[previous_end:match.start()] if previous_end is not None else None
            joined = gap is not None and run and _joins(gap, run[-1][1], entry, lang)
            if run and not joined:
                flush()
            run.append((match, entry))
            previous_end = match.end()
            continue
        flush()
        previous_end = None
        if entry is None and _ROMAN.fullmatch(word) and free(match.start(), match.end()):
            value = _roman(word)
            mentions.append(NumberMention(match.start(), match.end(), word, value,
                                          frozenset({value_key(value)}), False, "ordinal"))
    flush()
    return mentions


# Two or more Roman numeral letters, not inside a word; the first letter is matched before the
# look-behind, so the search skips ahead in C to the next candidate.
_ROMAN_TOKEN = re.compile(r"[IVXLCDM](?<![^\W\d_][IVXLCDM])[IVXLCDM]+(?![^\W\d_])")
# the numeral stems of compound words (двухэтажный, двусторонний, восемнадцатилетний), longest first
_PREFIXES = dict(sorted({
    "двух": 2, "дву": 2, "трех": 3, "трёх": 3, "четырех": 4, "четырёх": 4, "пяти": 5, "шести": 6,
    "семи": 7, "восьми": 8, "девяти": 9, "десяти": 10, "одиннадцати": 11, "двенадцати": 12,
    "тринадцати": 13, "четырнадцати": 14, "пятнадцати": 15, "шестнадцати": 16, "семнадцати": 17,
    "восемнадцати": 18, "девятнадцати": 19, "двадцати": 20, "тридцати": 30, "сорока": 40,
    "пятидесяти": 50, "шестидесяти": 60, "семидесяти": 70, "восьмидесяти": 80, "девяноста": 90,
    "столетн": 100}.items(), key=lambda item: -len(item[0])))
_PREFIX_START = re.compile(r"(?<![^\W\d_])(?:" + "|".join(_PREFIXES) + r")[а-яё]{4}", re.IGNORECASE)
_PREFIX_HEADS = frozenset(prefix[:3] for prefix in _PREFIXES)  # a cheap first test per word
_ANY_PREFIX = re.compile("|".join(map(re.escape, _PREFIXES)))  # some stem anywhere in lowercased text


_CONNECTORS = frozenset({"с", "and", "a", "an", "of"})
_HALF_GAP = re.compile(r"\s+(?:с|and\s+an?)\s+", re.IGNORECASE)  # двух с половиной, two and a half
_OF_GAP = re.compile(r"\s+of\s+", re.IGNORECASE)  # a couple of thousand
_FRACTION_GAP = re.compile(r"\s+(?:of\s+)?an?\s+", re.IGNORECASE)  # half a million, a quarter of a million


def _joins(gap: str, previous: _Word, entry: _Word, lang: str) -> bool:
    """Whether a number word continues the run before it (twenty-five, две тысячи,
    двух с половиной, a quarter of a million) rather than starting a new number
    (семидесятые-восьмидесятые is 70 and 80; двух первых is 2 and 1st)."""
    if entry.kind == "soft" and entry.value == 0.5 and previous.kind != "ordinal" and _HALF_GAP.fullmatch(gap):
        return True
    if entry.kind == "scale" and previous.value < 1 and _FRACTION_GAP.fullmatch(gap):
        return True
    if _couple_of_scale(gap, previous, entry):
        return True
    if not (_GAP.fullmatch(gap) or (lang == "en" and gap.strip() == "and" and previous.value == 100)):
        return False
    if previous.kind == "ordinal":
        return False
    if entry.kind == "scale" or previous.kind == "scale":
        return True
    # a smaller number fills the empty places of a round one: 20 + 5, 100 + 20, not 2 + 1
    return previous.value > entry.value and previous.value % 10 ** len(str(int(entry.value))) == 0


def _couple_of_scale(gap: str, previous: _Word, entry: _Word) -> bool:
    """"a couple of thousand/hundred/million" is 2 of the scale word, as «пара тысяч» is:
    the soft word for two (couple, pair) joined to a scale word by "of"."""
    return entry.kind == "scale" and previous.kind == "soft" and previous.value == 2 and bool(_OF_GAP.fullmatch(gap))


def _prefix_value(word: str) -> float | None:
    """The number a compound word starts with: трехмерный 3, семизонный 7 (a weak mention)."""
    for prefix, value in _PREFIXES.items():
        if word.startswith(prefix) and len(word) >= len(prefix) + 4:
            return float(value)
    return None


def _combine(text: str, run: list[tuple[re.Match, _Word]]) -> NumberMention:
    total = current = 0.0
    kinds = {entry.kind for _, entry in run}
    for _, entry in run:
        if entry.kind == "scale":
            if entry.value < 1000:  # hundred, dozen, десяток multiply what precedes them
                current = (current or 1) * entry.value
            else:
                total += (current or 1) * entry.value
                current = 0
        else:
            current += entry.value
    value = total + current
    start, end = run[0][0].start(), run[-1][0].end()
    soft_only = kinds <= {"soft"} or (kinds == {"scale"})
    hard = not soft_only and value >= 10 and is_whole(value)
    weak = not soft_only and not hard and is_whole(value)
    kind = "ordinal" if "ordinal" in kinds else "word"
    return NumberMention(start, end, text[start:end], value, frozenset(number_keys(value)),
                         hard, kind, weak=weak)


def _roman(word: str) -> int:
    numerals = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for index, char in enumerate(word):
        value = numerals[char]
        if index + 1 < len(word) and numerals[word[index + 1]] > value:
            total -= value
        else:
            total += value
    return total

