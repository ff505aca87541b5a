"""Cognates: Russian words the lexicon does not know, matched to English words of the same
texts by their transliterated spelling (меню ~ menu, шаттла ~ shuttle, брексита ~ Brexit,
Ковбойс ~ Cowboys).

The lexicon was learned from news; off that domain many words are loans or names it
never saw, and their spelling is the one evidence left. A Russian word whose stem the
lexicon does not list is transliterated (its lemma, iuliia's Wikipedia scheme), both
spellings are brought to a rough common phonetic form (``c``/``k``/``q`` alike, ``w`` as
``v``, ``y``/``j`` as ``i``, doubled letters once), and the English word of the texts
with the same first letter that is closest by normalised edit similarity (rapidfuzz),
at least ``MIN_SIMILARITY``, is taken as its cognate: the Russian word then offers
that word's English stem as a key.
"""

from __future__ import annotations

import functools
import itertools
import re

import iuliia
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from aligner.align.lexicon import (
    Lexicon,
    english_stem,
    russian_lemma,
    russian_stem,
    words,
)

MIN_LETTERS = 4  # shorter words match too much by chance
MIN_SIMILARITY = 0.75  # normalised edit similarity of the two phonetic forms

_CYRILLIC_WORD = re.compile(r"^[а-яё]+$", re.IGNORECASE)
_LATIN_WORD = re.compile(r"^[a-z]+$")
_SOUNDS = (("kh", "h"), ("ph", "f"), ("ck", "k"), ("x", "ks"), ("c", "k"), ("q", "k"), ("w", "v"),
           ("y", "i"), ("j", "i"))
_DOUBLED = re.compile(r"(.)\1+")


def phonetic(latin: str) -> str:
    """A rough phonetic form of a lower-case Latin spelling, alike for both languages."""
    for old, new in _SOUNDS:
        latin = latin.replace(old, new)
    return _DOUBLED.sub(r"\1", latin)


@functools.lru_cache(maxsize=100_000)
def russian_form(word: str) -> str:
    """The phonetic form of a Russian word's lemma."""
    return phonetic(iuliia.WIKIPEDIA.translate(russian_lemma(word.lower())).lower())


def cognate_keys(ru: list[str], en: list[str], lexicon: Lexicon, ru_words: list[list[str]] | None = None,
                 en_words: list[list[str]] | None = None) -> dict[str, str]:
    """Russian word (as written in ``ru``) -> English stem of its cognate in ``en``, for the
    Russian words whose stem the lexicon does not list. ``ru_words``, ``en_words``: the
    ``words`` of each sentence, if the caller has them already."""
    ru_words = map(words, ru) if ru_words is None else ru_words
    en_words = map(words, en) if en_words is None else en_words
    forms = lexicon.token_cache["cognate"]
    distinct = dict.fromkeys(itertools.chain.from_iterable(ru_words))  # each once, in order
    for word in distinct.keys() - forms.keys():
        forms[word] = _candidate_form(word, lexicon)
    candidates = [word for word in distinct if forms[word]]
    letters = {forms[word][0] for word in candidates}  # only English forms opening so are compared
    english = set(map(str.lower, set(itertools.chain.from_iterable(en_words))))  # distinct first: fewer to lower
    stems: dict[str, str] = {}  # phonetic form -> English stem
    for form in [form for form in filter(None, map(_english_form, sorted(english))) if form[0][0] in letters]:
        stems.setdefault(*form)
    by_letter: dict[str, list[str]] = {}  # first letter -> phonetic forms
    for form in stems:
        by_letter.setdefault(form[0], []).append(form)
    found: dict[str, str] = {}
    for word in candidates:
        form = forms[word]
        choices = by_letter.get(form[:1])
        if not choices:
            continue
        best = process.extractOne(form, choices, scorer=Levenshtein.normalized_similarity,
                                  score_cutoff=MIN_SIMILARITY)
        if best is not None:
            found[word] = stems[best[0]]
    return found


def _candidate_form(word: str, lexicon: Lexicon) -> str:
    """The phonetic form of a Russian word that may be a cognate (long enough, Cyrillic,
    its stem not in the lexicon), else ""."""
    if len(word) < MIN_LETTERS or not _CYRILLIC_WORD.match(word) or russian_stem(word) in lexicon.entries:
        return ""
    return russian_form(word)


@functools.lru_cache(maxsize=100_000)
def _english_form(lower: str) -> tuple[str, str] | None:
    """(phonetic form, English stem) of a lower-case English word long enough to be a cognate."""
    if len(lower) >= MIN_LETTERS and _LATIN_WORD.match(lower):
        return phonetic(lower), english_stem(lower)
    return None
