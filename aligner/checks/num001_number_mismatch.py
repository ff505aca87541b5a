"""Numbers and dates that differ between a source sentence and its translation.

What it does:
    Reads every number, date, clock time and number word of an aligned Russian
    sentence and its English rendering as values and reports an English number the
    source does not have, a source number the translation lost, and English numbers
    written with a Russian decimal comma. Values, not digit strings, are compared:
    "3,5 млн" = "3.5 million" = "3,500,000"; "1 066" = "1,066";
    "18 марта 2010" = "18 March 2010" = "March 18, 2010"; "тридцать лет" = "thirty years";
    "в 1990-х" = "in the 1990s"; "в 15:00" = "at 3 p.m."; "1 млн 200 тыс." = "1.2 million";
    "двое суток" = "48 hours". A number that appears in the
    neighbouring source sentence is not reported (the aligner may have split the pair
    differently). Soft mentions (twice, pair, Roman numerals) confirm a number but are
    never reported themselves; small number words (two, три, трехмерный) are reported
    only against an unmatched number on the other side. Letter-then-digit codes (R20,
    GI1265, A320) are copied, not translated: a source code replaced by another code is
    reported too. A source figure given as a multiple of another number of the
    translation ("up to three times that" for 24% after 8%) is not reported. Without a
    source only the decimal-comma check runs.

Severity: ``error`` where two firm numbers of one kind differ (figures, dates, months,
    number words from ten up); ``warning`` for a number on one side only, or a small
    number word or a time against a plain number (often a loose but correct rendering),
    as measured by ``bench/false_alarms.py`` (docs/precision.md); ``warning`` too for a
    bare fraction in the source against the same figure times a thousand, million or
    billion (1,5 тонн / 1,500 tonnes: a scale word lost on one side); nothing for a
    fraction of people (1,5 военнослужащих / 1,500 servicemen: the source lost it), for
    the document's own year left out of a date, for a figure both sides gave earlier,
    for a 0 opening a range whose end the source gives (0-100 km/h for «до 100 км/ч»), or
    for a cup stage named by a fraction (1/8 финала / round of 16)
    (named abstentions, docs/precision.md).

Why is this bad?
    A wrong figure, year or date in a translated document is the error readers are
    least likely to notice and most likely to act on.

Example:
    Source ``Товарооборот вырос на 3,5 млн долларов.``, translation ``Trade grew by
    $3.6 million.``: ``3.6 million`` is reported; the suggestion is ``3.5 million``.
"""

from __future__ import annotations

import re

from typing import Iterable

from aligner.morph import analyzer
from aligner.records import Pair
from aligner.number_match import combined, english, english_words, kind_class, unmatched
from aligner.number_mention import NumberMention
from aligner.numbers import codes, extract
from aligner.records import Finding, Sentence
from aligner.units import converted, imperial_dimensions

CODE = "NUM001"
NAME = "number-mismatch"
SEVERITY = "error"
SUMMARY = "A number, date or number word differs from the aligned source sentence."
EXAMPLES = [
    # the issue's own cases (1 066 = 1,066; dates; 3,5 млн), in sentences written for the examples
    ("Количество подтвержденных случаев выросло до 1 066.",
     "The number of confirmed cases rose to 1,066.", False),
    ("Количество подтвержденных случаев выросло до 1 066.",
     "The number of confirmed cases rose to 1,606.", True),
    ("Саммит прошел 18 марта 2010 года.", "The summit was held on March 18, 2010.", False),
    ("Бюджет составил 3,5 млн рублей.", "The budget was 3,500,000 roubles.", False),
    ("Бюджет составил 3,5 млн рублей.", "The budget was 3,5 million roubles.", True),
    ("За последние тридцать лет ничего не изменилось.", "Nothing has changed in the last thirty years.", False),
]


def check(pair: Pair) -> Iterable[Finding]:
    sentence_mentions = {id(s): _mentions(pair, s) for s in pair.target_sentences}
    for sentence in pair.target_sentences:
        for mention in sentence_mentions[id(sentence)]:
            if mention.problem:
                yield pair.finding(CODE, SEVERITY, mention.start, mention.end, mention.problem,
                                   replacement=_respell(mention))
    if pair.source is None or not pair.beads:
        return
    beads = list(pair.aligned())
    sentence_codes: dict[int, list] = {}

    def codes_of(sentence: Sentence) -> list[tuple[int, int, str]]:
        """A sentence's codes, read once (neighbours are looked at again)."""
        found = sentence_codes.get(id(sentence))
        if found is None:
            found = sentence_codes[id(sentence)] = codes(sentence.text)
        return found

    ru_side = [[m for s in ru for m in _mentions(pair, s, pair.source)] for ru, _, _ in beads]
    en_side = [[m for s in en for m in sentence_mentions[id(s)]] for _, en, _ in beads]
    for index, (ru, en, _) in enumerate(beads):
        if not ru or not en:
            continue  # omissions and additions are the length rules' business
        if ru_side[index] or en_side[index]:  # most beads have no number on either side
            yield from _mismatches(pair, beads, ru_side, en_side, index)
        if any(map(codes_of, ru)) and any(map(codes_of, en)):  # a finding pairs a code of each side
            yield from _codes(pair, ru, en, [beads[i] for i in (index - 1, index + 1) if 0 <= i < len(beads)],
                              codes_of)


def _mismatches(pair: Pair, beads: list, ru_side: list[list[NumberMention]],
                en_side: list[list[NumberMention]], index: int) -> Iterable[Finding]:
    """The numbers of bead ``index`` that the other side lacks or gives otherwise."""
    ru, en, _ = beads[index]
    lost, added = unmatched(ru_side[index], en_side[index])
    near = [i for i in (index - 1, index + 1) if 0 <= i < len(beads)]
    near_ru = frozenset().union(*(m.keys for i in near for m in ru_side[i]))
    near_en = frozenset().union(*(m.keys for i in near for m in en_side[i]))
    added = [m for m in added if not m.keys & near_ru]
    lost = [m for m in lost if not m.keys & near_en]
    if lost:
        lost, added = _unit_conversions(pair, en, lost, added)
    if lost and added:
        lost, added = _multiples(pair, en_side[index], lost, added)
    lost, added = _people_counted_in_fractions(pair, lost, added)
    lost, added = _stages_named_by_fraction(pair, lost, added)
    added = [m for m in added if not _zero_opening_a_range(pair, m, en_side[index], ru_side[index])]
    if len(lost) > len(added):
        lost = [m for m in lost if not _year_of_the_document(pair, m, en_side[index], ru_side)]
    if len(added) > len(lost):
        earlier = range(index - 1)  # the beads before the neighbour already looked at
        added = [m for m in added if not _said_before(m, [ru_side[i] for i in earlier], [en_side[i] for i in earlier])]
    yield from _report(pair, ru, en, lost, added)


_TIMES = re.compile(r"\s*(?:-\s*fold\b|\s+times\b)", re.IGNORECASE)


def _multiples(pair: Pair, english: list[NumberMention], lost: list[NumberMention],
               added: list[NumberMention]) -> tuple[list[NumberMention], list[NumberMention]]:
    """Abstain on a source figure the translation gives as a multiple of another of its
    numbers ("from eight percent up to three times that" for «от 8% до 24%»): same value."""
    for mention in [m for m in added if _TIMES.match(pair.target.text, m.end)]:
        for source in lost:
            if any(other is not mention and abs(other.value * mention.value - source.value) < 1e-9
                   for other in english):
                lost = [m for m in lost if m is not source]
                added = [m for m in added if m is not mention]
                break
    return lost, added


def _unit_conversions(pair: Pair, en: list[Sentence], lost: list[NumberMention],
                      added: list[NumberMention]) -> tuple[list[NumberMention], list[NumberMention]]:
    """Abstain on a metric source figure converted to imperial units ("4,5 метра" / "15 feet")."""
    english_text = " ".join(s.text for s in en)
    kept = [m for m in lost if not converted(pair.source.text, m.end, english_text)]
    if len(kept) == len(lost):
        return lost, added
    return kept, [m for m in added if not imperial_dimensions(pair.target.text[m.end:m.end + 16])]


# A figure on one side only, or a number word against a figure, is often a loose but correct
# rendering (a year left out of a date range, "three times that" for 24%): worth a look.
UNSURE = "warning"


def _figures(mention: NumberMention, source: NumberMention) -> bool:
    """Two firm numbers of one kind that differ (7 / 17, May / марта, fourteen thousand /
    сорока тысяч): an error an editor fixes. A small number word, or a time against a plain
    number, is not sure enough."""
    return (mention.hard and source.hard and kind_class(mention) == kind_class(source)
            and not _scale_word_dropped(mention, source))


def _scale_word_dropped(mention: NumberMention, source: NumberMention) -> bool:
    """A bare fraction in the source and the same figure times a thousand, million or
    billion in the translation (1,5 тонн / 1,500 tonnes): the source lost a
    scale word that the translator restored, or the translator added one; not sure which.
    (A fraction in the translation, 1.066 for 1 066, is a format error and stays one.)"""
    if source.scale != 1.0 or source.value <= 0 or float(source.value).is_integer():
        return False
    return any(abs(mention.value - source.value * factor) < 1e-6 * factor for factor in (1e3, 1e6, 1e9))


def _people_counted_in_fractions(pair: Pair, lost: list[NumberMention],
                                 added: list[NumberMention]) -> tuple[list[NumberMention], list[NumberMention]]:
    """Abstain on a bare fraction of people in the source rendered as that figure times a
    thousand, million or billion (больше 1,5 военнослужащих / over 1,500 servicemen): no
    one counts people in fractions, so the source lost its scale word (тыс.) and the
    translation restored it."""
    for mention, source in zip(added, lost):
        if _scale_word_dropped(mention, source) and _counts_people(pair.source.text, source.end):
            return [m for m in lost if m is not source], [m for m in added if m is not mention]
    return lost, added


_STAGE = re.compile(r"1\s*/\s*(\d+)$")
_FINAL = re.compile(r"[\s-]*финал", re.IGNORECASE)


def _stages_named_by_fraction(pair: Pair, lost: list[NumberMention],
                              added: list[NumberMention]) -> tuple[list[NumberMention], list[NumberMention]]:
    """Abstain on a stage of a knockout competition that Russian names by a fraction of the
    final: «1/8 финала» is the round of 16 (last 16), «1/4 финала» the quarter-final,
    «1/2 финала» the semi-final. The English names the stage by its number of teams (2N
    for 1/N) or by a word, so neither the fraction nor that number is a mismatch."""
    stages = [m for m in lost if _STAGE.search(m.text) and _FINAL.match(pair.source.text, m.end)]
    if not stages:
        return lost, added
    teams = {2 * int(_STAGE.search(m.text)[1]) for m in stages}
    return ([m for m in lost if m not in stages],
            [m for m in added if not (m.value in teams and m.scale == 1.0)])


_NEXT_RUSSIAN_WORD = re.compile(r"\s*([а-яё]+)", re.IGNORECASE)


def _counts_people(text: str, end: int) -> bool:
    """Is the number at ``end`` followed by a plural animate noun (военнослужащих, человек, туристов)?"""
    word = _NEXT_RUSSIAN_WORD.match(text, end)
    if word is None:
        return False
    tag = analyzer().parse(word.group(1).lower())[0].tag
    return "NOUN" in tag and "anim" in tag and ("plur" in tag or word.group(1).lower() == "человек")


_RANGE_TO = re.compile(r"\s*(?:to|-|–|—)\s*")


def _zero_opening_a_range(pair: Pair, mention: NumberMention, english: list[NumberMention],
                          source: list[NumberMention]) -> bool:
    """A 0 that opens a range whose end the source gives ("from 0 to 100 km/h", "0-100 km/h"
    for «разгон до 100 км/ч», «с места до сотни»): Russian often names only the end of a
    range that starts at zero, or says с места; the zero adds no figure."""
    if mention.value != 0:
        return False
    joint = _RANGE_TO.match(pair.target.text, mention.end)
    return joint is not None and any(
        m.start == joint.end() and m.keys & frozenset().union(*(r.keys for r in source)) for m in english)


_YEAR_WORD = re.compile(r"\s*(?:г\.|год)", re.IGNORECASE)


def _year_of_the_document(pair: Pair, source: NumberMention, english: list[NumberMention],
                          ru_side: list[list[NumberMention]]) -> bool:
    """A year left out of a date whose month the translation keeps («27 июля - 2 августа 2020
    года» / "July 27–August 2"), when no later year is named anywhere in the source
    document: the date is of the document's own time, and English news writes a date of
    the current year without the year. A year of the past or future (the document names
    a later one) stays reported."""
    if not _is_year(pair.source.text, source, ru_side):
        return False
    month = next((m for side in ru_side for m in side if m.kind == "month" and m.end < source.start
                  and source.start - m.end <= 2), None)
    if month is None or not month.keys & frozenset().union(*(m.keys for m in english)):
        return False
    years = [m.value for side in ru_side for m in side if _is_year(pair.source.text, m, ru_side)]
    return source.value >= max(years)


def _is_year(text: str, mention: NumberMention, ru_side: list[list[NumberMention]]) -> bool:
    """A four-digit whole number followed by год/г. or standing after a month name."""
    if mention.kind != "cardinal" or mention.scale != 1.0 or not re.fullmatch(r"\d{4}", mention.text):
        return False
    return bool(_YEAR_WORD.match(text, mention.end)) or any(
        m.kind == "month" and 0 < mention.start - m.end <= 2 for side in ru_side for m in side)


def _said_before(mention: NumberMention, ru_before: list[list[NumberMention]],
                 en_before: list[list[NumberMention]]) -> bool:
    """A figure the translation adds that both sides of the document gave earlier ("the 50
    states" again, where the source says «в нашем исследовании» after «на 50 американских
    штатах»): a reference back to a number already rendered, not a new one."""
    return any(mention.keys & m.keys for side in ru_before for m in side if m.hard) and \
        any(mention.keys & m.keys for side in en_before for m in side if m.hard)


def _report(pair: Pair, ru: list[Sentence], en: list[Sentence], lost: list[NumberMention],
            added: list[NumberMention]) -> Iterable[Finding]:
    for index, mention in enumerate(added):
        if index < len(lost):
            source = lost[index]
            yield pair.finding(
                CODE, SEVERITY if _figures(mention, source) else UNSURE, mention.start, mention.end,
                f"“{mention.text}” does not match the source, which has “{source.text}”",
                replacement=_suggestion(mention, source), evidence=ru)
        else:
            yield pair.finding(CODE, UNSURE, mention.start, mention.end,
                               f"“{mention.text}” is not in the source sentence", evidence=ru)
    for source in lost[len(added):]:
        yield pair.finding(
            CODE, UNSURE, en[0].start, en[-1].end,
            f"the source number “{source.text}” ({english(source)}) is missing from the translation",
            evidence=ru)


def _codes(pair: Pair, ru: list[Sentence], en: list[Sentence], near: list,
           codes_of) -> Iterable[Finding]:
    """A letter-and-digit code (R20, 108V) of the source replaced by another one in the translation
    (``codes_of(sentence)`` gives a sentence's codes)."""
    ru_codes = {code.upper(): code for s in ru for _, _, code in codes_of(s)}  # Covid-19 is COVID-19
    en_codes = [(s.start + a, s.start + b, code) for s in en for a, b, code in codes_of(s)]
    nearby = {code.upper() for r, e, _ in near for s in r + e for _, _, code in codes_of(s)}
    seen = {code.upper() for _, _, code in en_codes} | nearby
    lost = [ru_codes[code] for code in sorted(ru_codes) if code not in seen]
    added = [item for item in en_codes if item[2].upper() not in ru_codes and item[2].upper() not in nearby]
    for (start, end, code), source in zip(added, lost):
        yield pair.finding(CODE, SEVERITY, start, end,
                           f"“{code}” does not match the source, which has “{source}”",
                           replacement=source, evidence=ru)


def _suggestion(mention: NumberMention, source: NumberMention) -> str:
    """The source value written the way the translation wrote its number (words or digits)."""
    if mention.kind in ("word", "ordinal") and not any(c.isdigit() for c in mention.text):
        word = english_words(source, ordinal=mention.kind == "ordinal")
        if word is not None:
            return word.capitalize() if mention.text[0].isupper() else word
    return english(source)


def _mentions(pair: Pair, sentence: Sentence, document=None) -> list[NumberMention]:
    """Mentions with offsets into the document; a Russian sentence in the English file is read as Russian."""
    document = document or pair.target
    lang = "ru" if document is pair.source or sentence.lang == "ru" else "en"
    text = document.text[sentence.start:sentence.end]
    return [_shift(m, sentence.start) for m in combined(extract(text, lang), text)]


def _shift(mention: NumberMention, offset: int) -> NumberMention:
    """``replace(mention, start=..., end=...)``, made as a copy of its fields: dataclasses.replace
    and a frozen dataclass's __init__ cost six times more, on every number of both sides."""
    shifted = object.__new__(NumberMention)
    fields = mention.__dict__.copy()
    fields["start"], fields["end"] = mention.start + offset, mention.end + offset
    object.__setattr__(shifted, "__dict__", fields)
    return shifted


def _respell(mention: NumberMention) -> str:
    """The English spelling of a number written with a decimal comma (3,5 million -> 3.5 million)."""
    rest = mention.text[len(mention.text.split()[0]):] if " " in mention.text else ""
    return (mention.fix or mention.text) + rest
