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
glosses, numbers, name skeletons, sentencepiece pieces), and a number word through its
figure (three / 3, три / 3: ``aligner/data/number_words.tsv``), "percent" through "%".
Content words are numbers and words rarer than function words (wordfreq Zipf below 6,
in either language: the 7.7, about 6.3, что 7.1, может 6.2); the ending of an English
contraction ('re, 'll, 's) is no word. A stretch is a run of content words none of
which is matched, function words between them not breaking it.
"""

from __future__ import annotations

import functools
import re

from aligner.align.lexicon import (
    default_lexicon,
    english_tokens,
    russian_glosses,
    words,
)
from aligner.common_words import zipf_at_least
from aligner.numbers import number_words

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
    """A number, or a word of two letters or more rarer than a function word."""
    if word.isdigit():
        return True
    if not word.isalpha() or len(word) < 2:
        return False
    return not zipf_at_least(word.lower(), language, FUNCTION_WORD_ZIPF)


def russian_words(text: str) -> list[tuple[str, frozenset[str]]]:
    """(word, English keys) of each Russian content word the lexicon offers keys for."""
    lexicon = default_lexicon()
    found = []
    for word in words(text):
        if not is_content(word, "ru"):
            continue
        glosses = russian_glosses(word, lexicon)
        keys = (glosses[0][0] if glosses else frozenset()) | _figure(word, "ru")
        if keys:
            found.append((word, keys))
    return found


def english_words(text: str) -> list[tuple[str, frozenset[str]]]:
    """(word, keys) of each English content word."""
    text = _CONTRACTION.sub("", text)
    tokens, _, _ = english_tokens(text, default_lexicon())
    return [(word, keys | _figure(word, "en") | _percent(word))
            for word, (keys, _) in zip(words(text), tokens) if is_content(word, "en")]


def _percent(word: str) -> frozenset[str]:
    key = _PERCENT.get(word.lower())
    return frozenset({key}) if key else frozenset()


def english_keys(text: str) -> set[str]:
    """Every key any English token of ``text`` offers (function words too: they may render a
    Russian content word)."""
    return {key for _, keys in english_words(text) for key in keys} | {
        key for keys, _ in english_tokens(text, default_lexicon())[0] for key in keys}


def russian_keys(text: str) -> set[str]:
    """Every key any Russian token of ``text`` offers."""
    return {key for _, keys in russian_words(text) for key in keys} | {
        key for keys, _ in russian_glosses(text, default_lexicon()) for key in keys}


def longest_stretch(found: list[tuple[str, frozenset[str]]], other_keys: set[str]) -> int:
    """Most content words in a row that share no key with the other side."""
    best = run = 0
    for _, keys in found:
        run = 0 if keys & other_keys else run + 1
        best = max(best, run)
    return best


def stretches(ru_text: str, en_text: str) -> tuple[int, int]:
    """(longest stretch of unmatched Russian content words, of unmatched English ones)."""
    return (longest_stretch(russian_words(ru_text), english_keys(en_text)),
            longest_stretch(english_words(en_text), russian_keys(ru_text)))
