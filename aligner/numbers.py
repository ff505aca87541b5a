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
Number words and Roman numerals are read by :mod:`aligner.number_words`; the record and
its keys are :mod:`aligner.number_mention`; comparing the mentions of two sides and writing
one in English is :mod:`aligner.number_match`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from aligner.clock import clock_times
from aligner.number_mention import NumberMention, number_keys, value_key
from aligner.number_words import number_words, word_mentions

_SPACE_SEPARATORS = " \u00a0\u202f\u2009"
_CURRENCY = "$€£¥₽"
# _NUMBER and _DATE open with a digit and look behind it after it, so a search skips in C from
# digit to digit (a pattern that opens with a look-behind is tried at every character).
_NUMBER = re.compile(
    r"(?P<int>\d(?:(?<![\w.,]\d)|(?<=\d[xх×]\d))"
    r"(?:\d{0,2}(?P<sep>[ \u00a0\u202f\u2009,])\d{3}(?:(?P=sep)\d{3})*(?!\d)|\d*))"
    r"(?:(?P<dsep>[.,])(?P<frac>\d+))?(?![\d])")
_DATE = re.compile(r"(?P<d>\d(?<![\w.]\d)\d?)\.(?P<m>\d{1,2})\.(?P<y>\d{4}|\d{2})(?![\w]|\.\d)")
_DIGIT = re.compile(r"\d")
_CODE = re.compile(r"(?<![\w-])(?=[A-Za-z\d-]*\d)[A-Za-z][A-Za-z\d]*(?:-[A-Za-z\d]+)*"
                   r"(?!\w|-[A-Za-z\d])")
# A digit after a Latin letter or a hyphen: _CODE's look-ahead needs a Latin letter, maybe
# hyphens, then a digit (the search skips in C from digit to digit).
_LETTER_DIGIT = re.compile(r"\d(?<=[A-Za-z-]\d)")
_EN_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b")
_RU_SUFFIX = re.compile(r"[-‑][а-яё]+", re.IGNORECASE)
_DECADE_SUFFIX_EN = re.compile(r"['’]?s\b")
_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")



def extract(text: str, lang: str) -> list[NumberMention]:
    """Every number mention in ``text`` (``lang`` 'ru' or 'en'), in text order."""
    has_digit = _DIGIT.search(text) is not None
    noon = _NOON_HINT.search(text) is not None
    if not (has_digit or noon or (lang == "ru" and _LATIN_MONTH.search(text))):
        # most sentences: nothing but number words can be here, and nothing is taken before them
        mentions = word_mentions(text, lang, _free_everywhere)
        if len(mentions) > 1:  # most sentences: none
            mentions.sort(key=_start)
            _link_year_ranges(text, mentions)
        return mentions
    mentions: list[NumberMention] = []
    taken = bytearray(len(text) + 1)  # 1 where a mention already covers the character

    def free(start: int, end: int) -> bool:  # linear in the mention, not in the mentions so far
        return taken.find(1, start, end) == -1

    def add(mention: NumberMention) -> None:
        mentions.append(mention)
        taken[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)

    def digit_matches(pattern: re.Pattern):
        """Dates, times and figures all need a digit, and most sentences have none."""
        return pattern.finditer(text) if has_digit else ()

    for match in digit_matches(_DATE):
        day, month, year = int(match["d"]), int(match["m"]), match["y"]
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        full_year = int(year) if len(year) == 4 else 2000 + int(year)
        add(NumberMention(match.start("d"), match.end("d"), match["d"], day,
                          frozenset(number_keys(day)), True))
        add(NumberMention(match.start("m"), match.end("m"), match["m"], month,
                          frozenset({("m", month), value_key(month)}), True, "month"))
        add(NumberMention(match.start("y"), match.end("y"), year, full_year,
                          frozenset({value_key(full_year), value_key(int(year))}), True))
    for start, end, readings, numbers in (clock_times(text) if has_digit else ()):
        if not free(start, end):
            continue
        keys = {("t", minutes) for minutes in readings} | {value_key(n) for n in numbers}
        add(NumberMention(start, end, text[start:end], min(readings), frozenset(keys), True, "time"))
    for match in _NOON_OR_MIDNIGHT.finditer(text) if noon else ():  # soft: "at noon" confirms «в 12:00»
        if free(match.start(), match.end()):
            minutes = 0 if "ноч" in match.group().lower() or "night" in match.group().lower() else 720
            add(NumberMention(match.start(), match.end(), match.group(), minutes,
                              frozenset({("t", minutes)}), False, "time"))
    for match in digit_matches(_FRACTION) if "/" in text else ():
        add(_fraction(text, match, lang))
    for match in digit_matches(_NUMBER):
        if not free(match.start(), match.end()):
            continue
        mention = _digits(text, match, lang)
        if _IN_NAME.search(text, max(0, match.start() - 3), match.start()):  # COVID-19, Су-35, F-16: part of a name
            mention = replace(mention, hard=False, weak=True)
        add(mention)
    words = word_mentions(text, lang, free)
    for mention in words:
        add(mention)
    for start, end, code in codes(text) if has_digit else ():  # Watch4 confirms "Watch 4"
        digits = _TRAILING_DIGITS.search(code)
        if digits and free(start, end):
            value = float(digits.group())
            add(NumberMention(start, end, code, value, frozenset({value_key(value)}), False, "code"))
    if lang == "ru" and _LATIN_MONTH.search(text):  # "обновление May 2020 Update"
        for match in _LATIN_MONTH.finditer(text):
            month = _EN_MONTHS.index(match.group()) + 1
            if free(match.start(), match.end()):
                add(NumberMention(match.start(), match.end(), match.group(), month,
                                  frozenset({("m", month)}), False, "month"))
    if len(mentions) > 1:
        mentions.sort(key=_start)
        _link_year_ranges(text, mentions)
    return mentions


def _start(mention: NumberMention) -> int:
    return mention.start


_FRACTION = re.compile(r"(?<![\w./,])(?:(?P<whole>\d{1,3})[ \u00a0])?(?P<num>[1-9]) ?/ ?(?P<den>[2-9]|10)(?![\d/])")
# Noon and midnight named by a word: a clock time that confirms 12:00 / 0:00 on the other side.
_NOON_OR_MIDNIGHT = re.compile(r"(?<!\w)(?:noon|mid-?day|midnight|полдень|полудн[яюе]|полднем|полночь|"
                               r"полуночи|полночью)(?!\w)", re.IGNORECASE)
# What every match of _NOON_OR_MIDNIGHT holds (noon, mid, пол), each letter's re.IGNORECASE variants
# spelt out (İ and ı for i, ᲂ for о): it opens with a character set, so the search skips in C.
_NOON_HINT = re.compile(r"[NnMmПп](?:(?<=[Nn])[Oo][Oo][Nn]|(?<=[Mm])[Iiİı][Dd]|(?<=[Пп])[Ооᲂ][Лл])")
_IN_NAME = re.compile(r"[^\W\d_]{2}[-‑]$")  # searched in the 3 characters before a number
_TRAILING_DIGITS = re.compile(r"\d+$")
# \b(?:January|...|December)\b, each name's first letter matched before the look-behind, so the search
# skips in C to a capital that may start one
_LATIN_MONTH = re.compile("(?:" + "|".join(f"{m[0]}(?<!\\w{m[0]}){m[1:]}" for m in _EN_MONTHS) + r")\b")
_COMMA_DIGIT = re.compile(r",\d")
_NOT_DIGIT = re.compile(r"\D")
_SHORT_DECADE = re.compile(r"['’]\d\ds\b")  # the '90s
_SCALE_WORD = re.compile(r"[ \u00a0\u202f\u2009]?([^\W\d_]+)\.?")
_RANGE_DASH = re.compile(r"\s?[-–/]\s?")


def _free_everywhere(start: int, end: int) -> bool:
    return True


def _fraction(text: str, match: re.Match, lang: str) -> NumberMention:
    """1/2, 3/4, 2 1/2 (million): a common fraction, with the scale word after it."""
    value = int(match["whole"] or 0) + int(match["num"]) / int(match["den"])
    scale, end = _scale_after(text, match.end(), lang, "")
    value *= scale
    return NumberMention(match.start(), end, text[match.start():end], value,
                         frozenset({value_key(value)}), True, "cardinal", scale)


def _digits(text: str, match: re.Match, lang: str) -> NumberMention:
    whole, sep, dsep, frac = match["int"], match["sep"], match["dsep"], match["frac"]
    start, end = match.start(), match.end()
    problem = fix = None
    if dsep == "," and _COMMA_DIGIT.match(text, end):
        # a list such as 1,2,3: take the first item only
        dsep = frac = None
        end = match.end("int")
    digits = whole if sep is None else _NOT_DIGIT.sub("", whole)
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
        keys |= number_keys(value * scale)
    if lang == "en" and start and _SHORT_DECADE.match(text[start - 1:end + 1]):
        keys |= _decade_keys(int(digits))
    # digits glued to a letter before them (A320, G20) are not matched at all: codes()
    return NumberMention(start, suffix_end, text[start:suffix_end], values[0] * scale,
                         frozenset(keys), True, kind, scale, problem, fix)


def _bracketed_pair(text: str, start: int, end: int) -> bool:
    """A pair of numbers in brackets, "[1,1]" or "(0,0)": coordinates or an input, not a decimal."""
    return start > 0 and text[start - 1] in "[(" and text[end:end + 1] in ("]", ")")


def _decade_keys(number: int) -> set:
    if number < 100:
        return {value_key(number), value_key(1900 + number), value_key(2000 + number)}
    return {value_key(number), value_key(number % 100)}


def _scale_after(text: str, end: int, lang: str, before: str) -> tuple[float, int]:
    """The scale word right after a number (3,5 млн; 3.5 million; $3.5m) and where it ends."""
    match = _SCALE_WORD.match(text[end:end + 20])
    if not match:
        return 1.0, end
    word = match.group(1).lower()
    entry = number_words(lang).get(word)
    if entry and entry.kind == "scale" and entry.value >= 1000:
        return entry.value, end + match.end(1)
    if lang == "en" and before and before in _CURRENCY and match.start(1) == 0 and word in ("m", "k", "b"):
        return {"k": 1e3, "m": 1e6, "b": 1e9}[word], end + match.end(1)
    return 1.0, end


def _link_year_ranges(text: str, mentions: list[NumberMention]) -> None:
    """2020-21 means 2020-2021: give the short end the full year as a key too."""
    for index in range(1, len(mentions)):
        first, second = mentions[index - 1], mentions[index]
        if (len(second.text) == 2 and second.text.isdigit() and len(first.text) == 4
                and first.text.isdigit() and _RANGE_DASH.fullmatch(text, first.end, second.start)):
            full = int(first.text[:2] + second.text)
            mentions[index] = replace(second, keys=second.keys | {value_key(full)})


def codes(text: str) -> list[tuple[int, int, str]]:
    """Codes of a Latin letter then digits (R20, GI1265, A320, F-16): copied, never translated.

    Digits first (108V, 3D) are read as numbers by ``extract``.
    """
    if not _LETTER_DIGIT.search(text):
        return []  # most sentences: no digit after a letter or a hyphen, decided in C
    return [(m.start(), m.end(), m.group()) for m in _CODE.finditer(text)]
