"""Sentence splitting for Russian and English with exact offsets.

razdel proposes the boundaries; rules whose word lists live in
``aligner/data/abbreviations.tsv`` then join what it splits wrongly (titles such as
"Mr.", numbered references such as "No. 59/50", "т.е.", initials) and split what it
joins wrongly (a year or unit abbreviation ending a sentence: "в 2002 г. В 2004 г.").
"""

from __future__ import annotations

import functools
import re

from aligner.errors import ConfigError
from aligner.profile import RU_EN
from aligner.records import Document, Sentence
from aligner.sentenize import sentence_bounds
from aligner.tables import read_rows

_KINDS = ("title", "number", "year", "unit", "inner", "word")

# The abbreviation (or initial) that ends the text left of a candidate boundary:
# r"(?:^|[^\w.\-])(\w[\w.\-]*)\.$", matched on the reversed text from its start (a search
# for the pattern tries every position of the text); see _last_word.
_LAST_WORD_REVERSED = re.compile(r"\.([\w.\-]*)")
_WORD_CHARACTER = re.compile(r"\w")
# One or more initials, each a capital and a dot, after a space or the start: "Н.Н.", "K. K."
_INITIALS = re.compile(r"(?:^|[\s(«“\"'])(?:[A-ZА-ЯЁ]\.\s?)*[A-ZА-ЯЁ]\.$")
# How every _INITIALS match ends: looked for in the last three characters first (a search
# for the whole pattern tries every position of the text).
_INITIAL_END = re.compile(r"[A-ZА-ЯЁ]\.$")
# A number (optionally "1990-х", or a Roman century) then up to two abbreviations: "6 тыс. руб."
_NUMBER_BEFORE = re.compile(
    r"(?:\d(?:-[^\W\d_]{1,3})?|\b[IVXLCDM]+)\s*(?:[^\W\d_]+\.\s*)?[^\W\d_]+\.$")
# A year or century before a year abbreviation: "2002 г.", "1990-х гг.", "2000-2002 гг.", "XX в."
_YEAR_BEFORE = re.compile(r"(?:\b1\d{3}|\b20\d{2})(?:-[^\W\d_]{1,3})?\s*[^\W\d_]+\.$"
                          r"|\b[IVXLC]+\s*[^\W\d_]+\.$")
_STARTS_NUMBER = re.compile(r"\s*[(\[]?(?:\d|[IVXLCDM]+\b)")
_STARTS_UPPER = re.compile(r"\s*[«“\"'(\[]*[A-ZА-ЯЁ]")
# The first word of the text after a boundary, when it is a capitalised Russian word and
# not an initial ("Н.Н.").
_FIRST_WORD = re.compile(r"\s*[«“\"'(\[]*([А-ЯЁ][а-яёА-ЯЁ]*)(?![.\w])")
# OpenCorpora parts of speech of words that open sentences but not names: prepositions,
# conjunctions, particles, pronouns, adverbs, predicatives, interjections, comparatives.
_FUNCTION_POS = {"PREP", "CONJ", "PRCL", "NPRO", "ADVB", "PRED", "INTJ", "COMP"}
# A temperature ending the text: "от -50 до 50 °С."
_TEMPERATURE = re.compile(r"\d\s*°\s?[CСFК]\.$")
_TEMPERATURE_END = re.compile(r"[CСFК]\.$")  # how every _TEMPERATURE match ends
# Inside a razdel sentence, a place where a sentence may still end: a dot, space, capital.
_INNER_CANDIDATE = re.compile(r"\.(?=\s+[«“\"'(\[]*[A-ZА-ЯЁ])")


@functools.lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    """Lower-cased abbreviation (no final dot) -> kind, from ``data/abbreviations.tsv``."""
    expected = f"'abbreviation<TAB>{'|'.join(_KINDS)}<TAB>source'"
    table = {}
    for number, (abbreviation, kind, _source) in read_rows(RU_EN.data["abbreviations"], 3, expected):
        if kind not in _KINDS:
            raise ConfigError(f"expected {expected}", "aligner/data/abbreviations.tsv", number)
        table[abbreviation.lower()] = kind
    return table


def split_sentences(text: str, lang: str | None = None, offset: int = 0) -> list[Sentence]:
    """Sentences of ``text`` (one paragraph or line); offsets shifted by ``offset``.

    ``lang`` labels the sentences; when None each is labelled by detect_language.
    """
    bounds = _sentence_bounds(text)
    if lang is None:
        from aligner.detect import detect_language

        return [Sentence(offset + s, offset + e, text[s:e], detect_language(text[s:e]))
                for s, e in bounds]
    return [Sentence(offset + s, offset + e, text[s:e], lang) for s, e in bounds]


def explain_sentences(text: str, offset: int = 0) -> list[tuple[int, bool, str]]:
    """Every candidate boundary in ``text``: (offset of the text after it, whether a
    sentence ends there, the rule that decided; "razdel" when none of RULES applied)."""
    decisions: list[tuple[int, bool, str]] = []
    _sentence_bounds(text, decisions)
    return [(offset + position, verdict, rule) for position, verdict, rule in decisions]


def _sentence_bounds(text: str, decisions: list | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence: razdel's, then joined or split by RULES."""
    bounds: list[tuple[int, int]] = []
    for part_start, part_stop in sentence_bounds(text):
        pieces = _split_inside(text, part_start, part_stop, decisions)
        if bounds:
            verdict, rule = _decide(text[bounds[-1][0]:part_start].rstrip(), text[part_start:])
            if decisions is not None:
                decisions.append((part_start, verdict is not False, rule))
            if verdict is False:
                bounds[-1] = (bounds[-1][0], pieces.pop(0)[1])
        bounds.extend(pieces)
    return bounds


def _split_inside(text: str, start: int, stop: int, decisions: list | None) -> list[tuple[int, int]]:
    """Split one razdel sentence where a rule says a sentence ends inside it."""
    pieces = []
    for match in _INNER_CANDIDATE.finditer(text, start, stop):
        after = match.end() + len(text[match.end():stop]) - len(text[match.end():stop].lstrip())
        verdict, rule = _decide(text[start:match.end()], text[match.end():stop])
        if decisions is not None:
            decisions.append((after, bool(verdict), rule))
        if verdict:
            pieces.append((start, match.end()))
            start = after
    pieces.append((start, stop))
    return pieces


def _decide(left: str, right: str) -> tuple[bool | None, str]:
    """(True: a sentence ends between ``left`` and ``right``, False: it does not, None: no
    rule applies; the deciding rule's name or "razdel")."""
    for rule in RULES:
        verdict = rule(left, right)
        if verdict is not None:
            return verdict, rule.__name__
    return None, "razdel"


def semicolon_left(left: str, right: str) -> bool | None:
    """A semicolon joins clauses of one sentence ("tasty snacks; I bake very often")."""
    return False if left.endswith(";") else None


def initials_left(left: str, right: str) -> bool | None:
    """Initials before a name: "N.N. Bordyuzha", "С.В.Лаврова"."""
    if _ends_with(_INITIAL_END, left) and _INITIALS.search(left) and _STARTS_UPPER.match(right):
        return False
    return None


def _ends_with(end: re.Pattern, left: str) -> bool:
    """Whether the two-character pattern ``end`` (ending in ``$``: the end, or before a
    final line break) matches at the end of ``left``; searched from the last three
    characters only."""
    return end.search(left, max(0, len(left) - 3)) is not None


def abbreviation_left(left: str, right: str) -> bool | None:
    """Abbreviations from data/abbreviations.tsv, by kind (see the file's header)."""
    word = _last_word(left)
    kind = abbreviations().get(word.lower()) if word else None
    if kind in ("title", "inner"):
        return False
    if kind == "number" and _STARTS_NUMBER.match(right):
        return False
    if kind == "year" and _YEAR_BEFORE.search(left):
        return _function_word_follows(right)
    if kind in ("year", "unit"):
        return bool(_NUMBER_BEFORE.search(left) and _STARTS_UPPER.match(right))
    if kind == "word" and _STARTS_UPPER.match(right):
        return True
    return None


def _last_word(left: str) -> str | None:
    """The word (letters, digits, dots, hyphens; starting with a letter or digit) that ends
    ``left`` before its final dot: "Mr" of "said Mr.", "т.е" of "т.е."; None if none."""
    match = _LAST_WORD_REVERSED.match(left[::-1])
    if match is None:
        return None
    word = match.group(1)[::-1]  # the whole run before the dot, as the pattern's context demands
    return word if word and _WORD_CHARACTER.match(word) else None


def _function_word_follows(right: str) -> bool:
    """True when ``right`` starts with a capitalised Russian function word ("В", "Это",
    "Однако", "Тогда"): after "2002 г." that opens a sentence, while a capitalised noun
    may be a name inside it ("в 2004 г. Генеральная Ассамблея", "г. Н.Н. Бордюжа")."""
    match = _FIRST_WORD.match(right)
    if not match or (len(match.group(1)) > 1 and match.group(1).isupper()):
        return False  # no capitalised Russian word, or an acronym: США, ООН
    parse = _morphology().parse(match.group(1).lower())[0]
    return parse.tag.POS in _FUNCTION_POS or "Apro" in parse.tag


def _morphology():
    from aligner.morph import analyzer

    return analyzer()


def temperature_left(left: str, right: str) -> bool | None:
    """A temperature is not an initial: "до 50 °С. Коврики неприхотливы"."""
    if _ends_with(_TEMPERATURE_END, left) and _TEMPERATURE.search(left) and _STARTS_UPPER.match(right):
        return True
    return None


# Applied in order to every candidate boundary; the first verdict wins, else razdel's.
RULES = (semicolon_left, temperature_left, initials_left, abbreviation_left)


def explain_document(document: Document) -> list[tuple[int, bool, str]]:
    """explain_sentences() for every language piece of ``document`` (offsets into it)."""
    from aligner.detect import language_blocks

    found = []
    for block in language_blocks(document):
        found.extend(explain_sentences(block.text, block.start))
    return found


def document_sentences(document: Document, lang: str | None = None) -> list[Sentence]:
    """Sentences of a whole document: lines first (headlines end there), then inside lines.

    Blank lines are skipped. Each line is first cut where the language changes (a short
    quotation in another script stays inside its sentence); every sentence carries the
    language of its piece. With ``lang`` ('ru' or 'en') only sentences in that language
    are returned, e.g. the English sentences of a mixed file.
    """
    from aligner.detect import language_blocks

    found = []
    for block in language_blocks(document):
        if lang is not None and block.lang != lang:
            continue
        found.extend(split_sentences(block.text, block.lang, block.start))
    return found
