"""Numbers, dates and number words in Russian and English text, read as values.

``extract(text, lang)`` finds every number-like mention and gives it comparison
``keys``: ``("n", value)`` for a quantity, ``("m", month)`` for a month and
``("t", minutes)`` for a clock time. Two mentions mean the same thing when they share
a key, so "3,5 млн" = "3.5 million" = "3,500,000", "1 066" = "1,066",
"18 марта 2010" = "March 18, 2010" and "тридцать" = "thirty".

A mention is *hard* when a translator must carry it over (digits, dates next to
digits, number words of ten and above); *weak* when it is a small number word (two,
три), which counts only against an unmatched number on the other side; *soft*
mentions (twice, pair, Roman numerals, months away from digits) only confirm a number
on the other side. Letter-then-digit codes (A320, R20, G20) are not numbers here;
``codes()`` finds them.
The word tables live in ``aligner/data/number_words.tsv``; comparing the mentions of two
sides and writing one in English is :mod:`aligner.number_match`.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, replace

from aligner.clock import clock_times
from aligner.profile import RU_EN
from aligner.tables import read_table

_SPACE_SEPARATORS = " \u00a0\u202f\u2009"
_CURRENCY = "$€£¥₽"
_NUMBER = re.compile(
    r"(?:(?<![\w.,])|(?<=\d[xх×]))(?P<int>\d{1,3}(?:(?P<sep>[ \u00a0\u202f\u2009,])\d{3})(?:(?P=sep)\d{3})*(?!\d)|\d+)"
    r"(?:(?P<dsep>[.,])(?P<frac>\d+))?(?![\d])")
_DATE = re.compile(r"(?<![\w.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4}|\d{2})(?![\w]|\.\d)")
_WORD = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
_CODE = re.compile(r"(?<![\w-])(?=[A-Za-z\d-]*\d)[A-Za-z][A-Za-z\d]*(?:-[A-Za-z\d]+)*"
                   r"(?!\w|-[A-Za-z\d])")
# A digit after a Latin letter or a hyphen: _CODE's look-ahead needs a Latin letter, maybe
# hyphens, then a digit (the search skips in C from digit to digit).
_LETTER_DIGIT = re.compile(r"\d(?<=[A-Za-z-]\d)")
_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_EN_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b")
_RU_SUFFIX = re.compile(r"[-‑][а-яё]+", re.IGNORECASE)
_DECADE_SUFFIX_EN = re.compile(r"['’]?s\b")
_GAP = re.compile(r"[ \u00a0\u202f\u2009]*[-‑–]?[ \u00a0\u202f\u2009]*")
_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")


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


def _whole(value: float) -> bool:
    """A finite whole number (a hundred "000" groups overflow a float to infinity)."""
    return math.isfinite(value) and value == int(value)


def _key(value: float) -> tuple[str, float]:
    return ("n", round(value, 6))


def _number_keys(value: float) -> set:
    keys = {_key(value)}
    if _whole(value) and 1 <= value <= 12:
        keys.add(("m", int(value)))  # 03 in 2010-03-18 is a month
    return keys


def extract(text: str, lang: str) -> list[NumberMention]:
    """Every number mention in ``text`` (``lang`` 'ru' or 'en'), in text order."""
    mentions: list[NumberMention] = []
    taken = bytearray(len(text) + 1)  # 1 where a mention already covers the character

    def free(start: int, end: int) -> bool:  # linear in the mention, not in the mentions so far
        return taken.find(1, start, end) == -1

    def add(mention: NumberMention) -> None:
        mentions.append(mention)
        taken[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)

    has_digit = _DIGIT.search(text) is not None

    def digit_matches(pattern: re.Pattern):
        """Dates, times and figures all need a digit, and most sentences have none."""
        return pattern.finditer(text) if has_digit else ()

    for match in digit_matches(_DATE):
        day, month, year = int(match["d"]), int(match["m"]), match["y"]
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        full_year = int(year) if len(year) == 4 else 2000 + int(year)
        add(NumberMention(match.start("d"), match.end("d"), match["d"], day,
                          frozenset(_number_keys(day)), True))
        add(NumberMention(match.start("m"), match.end("m"), match["m"], month,
                          frozenset({("m", month), _key(month)}), True, "month"))
        add(NumberMention(match.start("y"), match.end("y"), year, full_year,
                          frozenset({_key(full_year), _key(int(year))}), True))
    for start, end, readings, numbers in (clock_times(text) if has_digit else ()):
        if not free(start, end):
            continue
        keys = {("t", minutes) for minutes in readings} | {_key(n) for n in numbers}
        add(NumberMention(start, end, text[start:end], min(readings), frozenset(keys), True, "time"))
    for match in _NOON_OR_MIDNIGHT.finditer(text):  # soft: "at noon" confirms «в 12:00»
        if free(match.start(), match.end()):
            minutes = 0 if "ноч" in match.group().lower() or "night" in match.group().lower() else 720
            add(NumberMention(match.start(), match.end(), match.group(), minutes,
                              frozenset({("t", minutes)}), False, "time"))
    for match in digit_matches(_FRACTION):
        add(_fraction(text, match, lang))
    for match in digit_matches(_NUMBER):
        if not free(match.start(), match.end()):
            continue
        mention = _digits(text, match, lang)
        if _IN_NAME.search(text, max(0, match.start() - 3), match.start()):  # COVID-19, Су-35, F-16: part of a name
            mention = replace(mention, hard=False, weak=True)
        add(mention)
    words = _word_mentions(text, lang, free)
    for mention in words:
        add(mention)
    for start, end, code in codes(text) if has_digit else ():  # Watch4 confirms "Watch 4"
        digits = _TRAILING_DIGITS.search(code)
        if digits and free(start, end):
            value = float(digits.group())
            add(NumberMention(start, end, code, value, frozenset({_key(value)}), False, "code"))
    if lang == "ru" and _LATIN_MONTH.search(text):  # "обновление May 2020 Update"
        for match in _LATIN_MONTH.finditer(text):
            month = _EN_MONTHS.index(match.group()) + 1
            if free(match.start(), match.end()):
                add(NumberMention(match.start(), match.end(), match.group(), month,
                                  frozenset({("m", month)}), False, "month"))
    mentions.sort(key=lambda m: m.start)
    _link_year_ranges(text, mentions)
    return mentions


_FRACTION = re.compile(r"(?<![\w./,])(?:(?P<whole>\d{1,3})[ \u00a0])?(?P<num>[1-9]) ?/ ?(?P<den>[2-9]|10)(?![\d/])")
# Noon and midnight named by a word: a clock time that confirms 12:00 / 0:00 on the other side.
_NOON_OR_MIDNIGHT = re.compile(r"(?<!\w)(?:noon|mid-?day|midnight|полдень|полудн[яюе]|полднем|полночь|"
                               r"полуночи|полночью)(?!\w)", re.IGNORECASE)
_IN_NAME = re.compile(r"[^\W\d_]{2}[-‑]$")  # searched in the 3 characters before a number
_TRAILING_DIGITS = re.compile(r"\d+$")
_LATIN_MONTH = re.compile(r"\b(?:" + "|".join(_EN_MONTHS) + r")\b")


def _fraction(text: str, match: re.Match, lang: str) -> NumberMention:
    """1/2, 3/4, 2 1/2 (million): a common fraction, with the scale word after it."""
    value = int(match["whole"] or 0) + int(match["num"]) / int(match["den"])
    scale, end = _scale_after(text, match.end(), lang, "")
    value *= scale
    return NumberMention(match.start(), end, text[match.start():end], value,
                         frozenset({_key(value)}), True, "cardinal", scale)


def _digits(text: str, match: re.Match, lang: str) -> NumberMention:
    whole, sep, dsep, frac = match["int"], match["sep"], match["dsep"], match["frac"]
    start, end = match.start(), match.end()
    problem = fix = None
    if dsep == "," and re.match(r",\d", text[end:end + 2]):
        # a list such as 1,2,3: take the first item only
        dsep = frac = None
        end = match.end("int")
    digits = re.sub(r"\D", "", whole)
    if sep == "," and whole.count(",") == 1 and lang == "ru" and not dsep:
        values = [float(whole.replace(",", ".")), float(digits)]  # 1,066: decimal in Russian
    else:
        values = [float(digits)]
    if dsep and frac:
        values = [float(f"{digits}.{frac}")]
        if lang == "en" and dsep == "," and not _bracketed_pair(text, start, end):
            problem = f"“{text[start:end]}” uses a decimal comma; English writes a decimal point"
            fix = f"{digits}.{frac}"
    kind = "cardinal"
    after = text[end:end + 12]
    before = text[max(0, start - 1):start]
    scale = 1.0
    extra: set = set()
    suffix_end = end
    if lang == "en":
        suffix = _EN_ORDINAL_SUFFIX.match(after)
        decade = _DECADE_SUFFIX_EN.match(after)
        if suffix:
            kind, suffix_end = "ordinal", end + suffix.end()
        elif decade and digits.endswith("0") and len(digits) in (2, 4):
            suffix_end = end + decade.end()
            extra |= _decade_keys(int(digits))
            kind = "decade"
    else:
        suffix = _RU_SUFFIX.match(after)
        if suffix:
            suffix_end = end + suffix.end()
            kind = "ordinal"
            if digits.endswith("0") and len(digits) in (2, 4) and suffix.group()[1:].lower() in (
                    "х", "е", "ые", "ых", "ми", "м"):
                extra |= _decade_keys(int(digits))
                kind = "decade"
    if kind == "cardinal":
        scale, scale_end = _scale_after(text, suffix_end, lang, before)
        if scale != 1.0:
            suffix_end = scale_end
    keys: set = set(extra)
    for value in values:
        keys |= _number_keys(value * scale)
    if lang == "en" and re.match(r"['’]\d\ds\b", text[start - 1:end + 1] if start else ""):
        keys |= _decade_keys(int(digits))
    # digits glued to a letter before them (A320, G20) are not matched at all: codes()
    return NumberMention(start, suffix_end, text[start:suffix_end], values[0] * scale,
                         frozenset(keys), True, kind, scale, problem, fix)


def _bracketed_pair(text: str, start: int, end: int) -> bool:
    """A pair of numbers in brackets, "[1,1]" or "(0,0)": coordinates or an input, not a decimal."""
    return start > 0 and text[start - 1] in "[(" and text[end:end + 1] in ("]", ")")


def _decade_keys(number: int) -> set:
    if number < 100:
        return {_key(number), _key(1900 + number), _key(2000 + number)}
    return {_key(number), _key(number % 100)}


def _scale_after(text: str, end: int, lang: str, before: str) -> tuple[float, int]:
    """The scale word right after a number (3,5 млн; 3.5 million; $3.5m) and where it ends."""
    match = re.match(r"[ \u00a0\u202f\u2009]?([^\W\d_]+)\.?", text[end:end + 20])
    if not match:
        return 1.0, end
    word = match.group(1).lower()
    entry = number_words(lang).get(word)
    if entry and entry.kind == "scale" and entry.value >= 1000:
        return entry.value, end + match.end(1)
    if lang == "en" and before and before in _CURRENCY and match.start(1) == 0 and word in ("m", "k", "b"):
        return {"k": 1e3, "m": 1e6, "b": 1e9}[word], end + match.end(1)
    return 1.0, end


def _word_mentions(text: str, lang: str, free) -> list[NumberMention]:
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
                                              frozenset(_number_keys(prefix)), False, "word", weak=True))
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
                                          frozenset({_key(value)}), False, "ordinal"))
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
    hard = not soft_only and value >= 10 and _whole(value)
    weak = not soft_only and not hard and _whole(value)
    kind = "ordinal" if "ordinal" in kinds else "word"
    return NumberMention(start, end, text[start:end], value, frozenset(_number_keys(value)),
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


def _link_year_ranges(text: str, mentions: list[NumberMention]) -> None:
    """2020-21 means 2020-2021: give the short end the full year as a key too."""
    for index in range(1, len(mentions)):
        first, second = mentions[index - 1], mentions[index]
        if (len(second.text) == 2 and second.text.isdigit() and len(first.text) == 4
                and first.text.isdigit() and re.fullmatch(r"\s?[-–/]\s?", text[first.end:second.start])):
            full = int(first.text[:2] + second.text)
            mentions[index] = replace(second, keys=second.keys | {_key(full)})


def codes(text: str) -> list[tuple[int, int, str]]:
    """Codes of a Latin letter then digits (R20, GI1265, A320, F-16): copied, never translated.

    Digits first (108V, 3D) are read as numbers by ``extract``.
    """
    if not _LETTER_DIGIT.search(text):
        return []  # most sentences: no digit after a letter or a hyphen, decided in C
    return [(m.start(), m.end(), m.group()) for m in _CODE.finditer(text)]
