"""Content words of an aligned pair that have no counterpart on the other side. Not a rule.

A length difference alone is weak evidence: a condensed subtitle, a translator's
explanation or a terse rewording is as long or short as a lost or added clause. The
words tell them apart. A lost clause takes a stretch of the source's content words with
it, all without a counterpart in the translation and standing together; a rewording
leaves words the lexicon cannot match scattered over both sides alike (a paraphrase is
missed either way). So the longest stretch of unmatched content words on the side with
more text is compared with the longest on the other side, which measures how much of
this very pair's wording the lexicon misses.

Words are matched through the aligner's own keys (``aligner.align.lexicon``: lexicon
glosses, numbers, name skeletons, sentencepiece pieces; and the aligner's cognates,
``aligner.align.cognates``: подиум / podium, for Russian words the lexicon never saw), a
number word through its figure (three / 3, три / 3: ``aligner/data/number_words.tsv``),
"percent" through "%", and a unit or counting word through its unit, abbreviated or
spelt out (км / kilometers, млн / million: ``aligner/data/unit_words.tsv``).
Content words are numbers and words rarer than function words (wordfreq Zipf below 6,
in either language: the 7.7, about 6.3, что 7.1, может 6.2) and not of a closed
grammatical class (:func:`is_grammar_word`: "going", "down", "being", «который»); the
ending of an English contraction ('re, 'll, 's) is no word. A stretch is a run of content
words none of which is matched, function words between them not breaking it.
"""

from __future__ import annotations

import functools
import re

from aligner.align.cognates import cognate_keys
from aligner.align.lexicon import (
    default_lexicon,
    english_tokens,
    russian_glosses,
    words,
)
from aligner.common_words import zipf_at_least
from aligner.morph import analyzer
from aligner.number_words import number_words
from aligner.tables import read_table

# wordfreq Zipf frequency from which a word is a function word (for this module and _rendered.py)
FUNCTION_WORD_ZIPF = 6.0
_CONTRACTION = re.compile(r"['’](?:re|ve|ll|s|t|d|m)\b", re.IGNORECASE)
_PERCENT = {"percent": "%%", "per": "%%"}  # "%" gives the key %% (aligner.align.lexicon)


def _figure(word: str, language: str) -> frozenset[str]:
    """The key of the figure a number word stands for (three -> #3), if it names a whole number."""
    entry = number_words(language).get(word.lower())
    if entry is None or entry.kind not in ("cardinal", "ordinal") or entry.value != int(entry.value):
        return frozenset()
    return frozenset({f"#{int(entry.value)}"})


@functools.lru_cache(maxsize=100_000)
def is_content(word: str, language: str) -> bool:
    """A number, or a word of two letters or more rarer than a function word and not of a
    closed grammatical class (:func:`is_grammar_word`)."""
    if word.isdigit():
        return True
    if not word.isalpha() or len(word) < 2:
        return False
    return not zipf_at_least(word.lower(), language, FUNCTION_WORD_ZIPF) and not is_grammar_word(word, language)


# pymorphy3 (OpenCorpora) parts of speech of the closed classes: prepositions, conjunctions,
# particles, interjections, pronouns-nouns; and the pronominal adjectives (tag Apro: который,
# этот, такой, свой, весь)
RUSSIAN_CLOSED_CLASSES = frozenset({"PREP", "CONJ", "PRCL", "INTJ", "NPRO"})


@functools.lru_cache(maxsize=100_000)
def is_grammar_word(word: str, language: str) -> bool:
    """A word of a closed grammatical class, however rare: an auxiliary, a modal, a preposition
    or the particle of a phrasal verb, a pronoun, a determinative, a conjunction or a discourse
    marker of speech (English: ``aligner/data/grammar_words.tsv``; Russian: the likeliest
    parse's part of speech in pymorphy3, :data:`RUSSIAN_CLOSED_CLASSES` or ``Apro``). The other
    language says these inside a word ("crush down" / сожмём, "is being" / an ending) or
    leaves them out, so one without a counterpart is no evidence of a lost or added clause."""
    if language == "en":
        return word.lower() in _english_grammar_words()
    tag = analyzer().parse(word.lower())[0].tag
    return tag.POS in RUSSIAN_CLOSED_CLASSES or "Apro" in tag


@functools.cache
def _english_grammar_words() -> frozenset[str]:
    return frozenset(row["word"] for row in read_table("grammar_words.tsv"))


@functools.cache
def _unit_forms() -> dict[tuple[str, str], str]:
    """(language, form) -> the unit's key, for every form of ``aligner/data/unit_words.tsv``."""
    return {(language, form): "unit:" + row["unit"] for row in read_table("unit_words.tsv")
            for language in ("russian", "english") for form in row[language].split()}


@functools.lru_cache(maxsize=100_000)
def unit_key(word: str, language: str) -> frozenset[str]:
    """The key of the unit or counting word ``word`` names, abbreviated or spelt out (км and
    kilometers alike), if any: a Russian word by itself or its lemma, an English one by itself
    or without a plural -s / -es."""
    forms, lower = _unit_forms(), word.lower()
    if language == "ru":
        candidates = (lower, analyzer().parse(lower)[0].normal_form) if lower.isalpha() else ()
        side = "russian"
    else:
        candidates = (lower, lower[:-1] if lower.endswith("s") else "", lower[:-2] if lower.endswith("es") else "")
        side = "english"
    for candidate in candidates:
        if (side, candidate) in forms:
            return frozenset({forms[side, candidate]})
    return frozenset()


def cognates(ru_text: str, en_text: str) -> dict[str, str]:
    """Russian word -> English stem of its cognate in ``en_text``, for the Russian words the
    lexicon never saw (the aligner's own cognates, ``aligner.align.cognates``)."""
    return cognate_keys([ru_text], [en_text], default_lexicon())


def russian_words(text: str, cognate: dict[str, str] | None = None) -> list[tuple[str, frozenset[str]]]:
    """(word, English keys) of each Russian content word the lexicon (or ``cognate``) offers
    keys for."""
    lexicon = default_lexicon()
    found = []
    for word in words(text):
        if not is_content(word, "ru"):
            continue
        glosses = russian_glosses(word, lexicon, cognate)
        keys = (glosses[0][0] if glosses else frozenset()) | _figure(word, "ru") | unit_key(word, "ru")
        if keys:
            found.append((word, keys))
    return found


def english_words(text: str) -> list[tuple[str, frozenset[str]]]:
    """(word, keys) of each English content word."""
    return _content_words(_CONTRACTION.sub("", text))[0]


def _content_words(text: str) -> tuple[list[tuple[str, frozenset[str]]], list, list[str]]:
    """:func:`english_words` of a text without contractions, with its tokens' keys and its words."""
    tokens_of_text = words(text)
    tokens, _, _ = english_tokens(text, default_lexicon(), tokens_of_text)
    return ([(word, keys | _figure(word, "en") | _percent(word) | unit_key(word, "en"))
             for word, (keys, _) in zip(tokens_of_text, tokens) if is_content(word, "en")],
            tokens, tokens_of_text)


def _percent(word: str) -> frozenset[str]:
    key = _PERCENT.get(word.lower())
    return frozenset({key}) if key else frozenset()


def english_keys(text: str) -> set[str]:
    """Every key any English token of ``text`` offers (function words too: they may render a
    Russian content word)."""
    stripped = _CONTRACTION.sub("", text)
    found, tokens, tokens_of_text = _content_words(stripped)
    if stripped != text:  # most texts have no contraction: their tokens are read once
        tokens_of_text = words(text)
        tokens = english_tokens(text, default_lexicon(), tokens_of_text)[0]
    return {key for _, keys in found for key in keys} | {
        key for keys, _ in tokens for key in keys} | {
        key for word in tokens_of_text for key in unit_key(word, "en")}


def russian_keys(text: str, cognate: dict[str, str] | None = None) -> set[str]:
    """Every key any Russian token of ``text`` offers (with ``cognate``'s keys)."""
    tokens_of_text = words(text)
    return {key for _, keys in russian_words(text, cognate) for key in keys} | {
        key for keys, _ in russian_glosses(text, default_lexicon(), cognate, tokens_of_text) for key in keys} | {
        key for word in tokens_of_text for key in unit_key(word, "ru")}


def longest_stretch(found: list[tuple[str, frozenset[str]]], other_keys: set[str], weight=None) -> int:
    """Most content words in a row that share no key with the other side (a word counting as
    ``weight(word)`` words, one by default)."""
    best = run = 0
    for word, keys in found:
        run = 0 if keys & other_keys else run + (weight(word) if weight else 1)
        best = max(best, run)
    return best


# Letters of the longest abbreviation read as one word a letter (МЧС, вуз, врио; СССР)
ABBREVIATION_LETTERS = 6


@functools.lru_cache(maxsize=100_000)
def spelt_out_words(word: str) -> int:
    """How many words English may spell a Russian word out in: an abbreviation of initials (its
    likeliest pymorphy3 parse tagged ``Abbr``, not a unit: вуз "institute of higher education",
    врио "acting governor") one a letter; any other word one."""
    if not word.isalpha() or unit_key(word, "ru"):
        return 1
    parse = analyzer().parse(word)[0]
    letters = len(parse.normal_form)  # вузы: вуз
    return letters if "Abbr" in parse.tag and letters <= ABBREVIATION_LETTERS else 1


def stretches(ru_text: str, en_text: str, spelt_out: bool = False) -> tuple[int, int]:
    """(longest stretch of unmatched Russian content words, of unmatched English ones); with
    ``spelt_out``, a Russian abbreviation counts as the words English spells it out in
    (:func:`spelt_out_words`), as when judging whether a rendering is too long."""
    cognate = cognates(ru_text, en_text)
    weight = spelt_out_words if spelt_out else None
    return (longest_stretch(russian_words(ru_text, cognate), english_keys(en_text), weight),
            longest_stretch(english_words(en_text), russian_keys(ru_text, cognate)))


def matched_count(ru_text: str, en_text: str, side: str) -> int:
    """How many content words of one side (``side``: "ru" or "en") have a counterpart on the other."""
    cognate = cognates(ru_text, en_text)
    if side == "ru":
        other = english_keys(en_text)
        return sum(1 for _, keys in russian_words(ru_text, cognate) if keys & other)
    other = russian_keys(ru_text, cognate)
    return sum(1 for _, keys in english_words(en_text) if keys & other)
