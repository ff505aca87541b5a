"""Russian names of bodies that English spells out, as LEN001 measures "too long". Not a rule.

Russian names a body by one short word: an abbreviation of initials (МЧС, ЛДПР) or a
compound of word stumps (Роскомнадзор, Росгидромет, Минобороны, Генпрокуратура). A
translator often writes the full English name instead ("the Federal Service for
Supervision of Communications, Information Technology and Mass Media"), which is an
explanation, not added text.

Which words are such names is not listed here: the Russian dictionary of pymorphy3
(OpenCorpora) tags organisation names ``Orgn`` and abbreviations ``Abbr``; unknown
words get its guesses by analogy (Россельхознадзор like Роспотребнадзор). A capitalised
word of the source with such a parse that the English does not write in Latin letters
(neither its name skeleton, ``aligner.align.lexicon.name_key``, nor its transliteration
is in the English) faces a capitalised English name of two or more words ("of", "for",
"and", "the" may join them) most of whose words have no counterpart in the source: the
two are taken as one name and left out of the length comparison on both sides. Any other
all-capital abbreviation is counted as spelt out at ``ACRONYM_LETTER_CHARS`` characters
a letter (each letter stands for a word).
"""

from __future__ import annotations

import functools
import re

import iuliia

from aligner.align.lexicon import english_stem, name_key
from aligner.checks._unmatched import english_keys, russian_keys
from aligner.morph import analyzer

# A Cyrillic abbreviation (МЧС, ЕГЭ, ЛДПР) is usually spelt out in English ("Ministry of
# Emergency Situations"): each letter stands for a word, about this many characters with
# its space (mean English word length 4.7 letters + a space + a function word now and then).
ACRONYM_LETTER_CHARS = 7
# Each pattern matches its first capital before looking behind it (not after a letter or
# hyphen): the search then skips in C from capital to capital.
_ACRONYM = re.compile(r"[А-ЯЁ](?<!\w[А-ЯЁ])[А-ЯЁ]{1,5}(?![\w])")
_RUSSIAN_NAME = re.compile(r"[А-ЯЁ](?<![\w-][А-ЯЁ])[а-яёА-ЯЁ]+(?![\w-])")
_CAPITAL = r"[A-Z][A-Za-z'’]*(?:-[A-Za-z]+)*"
_JOINER = r"(?:(?:of|for|on|in)(?:\s+the)?|and)\s+"
_ENGLISH_NAME = re.compile(rf"[A-Z](?<![\w-][A-Z])[A-Za-z'’]*(?:-[A-Za-z]+)*(?:,?\s+(?:{_JOINER})?{_CAPITAL})+(?![\w-])")
_ENGLISH_CAPITAL = re.compile(_CAPITAL)
ORGANISATION_TAGS = ("Orgn", "Abbr")


@functools.lru_cache(maxsize=50_000)
def names_body(word: str) -> bool:
    """The Russian dictionary's likeliest parse of the word is an organisation's name or an
    abbreviation (not "По", a preposition first); for a word it does not know, any guess."""
    parses = analyzer().parse(word)
    if not parses[0].is_known:
        return any(tag in parse.tag for parse in parses for tag in ORGANISATION_TAGS)
    return any(tag in parses[0].tag for tag in ORGANISATION_TAGS)


def _written_in_latin(word: str, english: set[str]) -> bool:
    """The English writes the word in Latin letters (Roskomnadzor, MVD)."""
    latin = iuliia.WIKIPEDIA.translate(word)
    return name_key(word) in english or english_stem(latin) in english


def spelt_out_names(ru_text: str, en_text: str) -> list[tuple[str, str]]:
    """(Russian word, English name) pairs: a body the source names by one word and the
    translation spells out (see the module docstring)."""
    bodies = [m.group() for m in _RUSSIAN_NAME.finditer(ru_text) if names_body(m.group())]
    if not bodies:
        return []  # most pairs: the English is not searched for names
    runs = [m.group() for m in _ENGLISH_NAME.finditer(en_text)]
    if not runs:
        return []
    english = english_keys(en_text)
    bodies = [word for word in bodies if not _written_in_latin(word, english)]
    if not bodies:
        return []  # the source's keys (the dearer side) only where a body is left to pair
    russian = russian_keys(ru_text)
    runs = [run for run in runs if _unmatched_share(run, russian) > 0.5]
    return list(zip(bodies, runs))


def _unmatched_share(run: str, russian: set[str]) -> float:
    """Share of the run's capitalised words that share no key with the source."""
    capitals = _ENGLISH_CAPITAL.findall(run)
    return sum(1 for word in capitals if not _word_keys(word) & russian) / len(capitals)


@functools.lru_cache(maxsize=50_000)
def _word_keys(word: str) -> frozenset[str]:
    """:func:`english_keys` of one word, kept per spelling (the same names come back)."""
    return frozenset(english_keys(word))


def without_spelt_out_names(ru_text: str, en_text: str) -> tuple[str, str]:
    """Both texts with each spelt-out body name (:func:`spelt_out_names`) taken out of both."""
    for word, run in spelt_out_names(ru_text, en_text):
        ru_text = ru_text.replace(word, "", 1)
        en_text = en_text.replace(run, "", 1)
    return ru_text, en_text


def long_lengths(ru_text: str, en_text: str) -> tuple[int, int]:
    """(Russian characters, English characters) as "too long" is judged: spelt-out body
    names left out of both sides, other abbreviations counted as spelt out."""
    ru_text, en_text = without_spelt_out_names(ru_text, en_text)
    extra = sum(len(m.group()) * (ACRONYM_LETTER_CHARS - 1) for m in _ACRONYM.finditer(ru_text))
    return max(len(ru_text) + extra, 1), len(en_text)
