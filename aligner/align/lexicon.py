"""What a sentence offers for matching: glosses, numbers, Latin words and transliterated names.

Both languages are mapped into one key space of English keys:

- an English word gives its stem (lower case, first ``STEM`` letters);
- a Russian word gives the English stems that the lexicon lists for the stem of its
  lemma (pymorphy3; learned from the WMT22 bitext, see ``aligner/data/align_lexicon.md``);
- a Latin word inside Russian text gives its own English stem;
- a run of digits gives ``#digits`` on either side (``1,5`` and ``1.5`` both give
  ``#1 #5``);
- a capitalised word gives a name key ``@skeleton``: the word transliterated to
  Latin (iuliia's Wikipedia scheme for Cyrillic), then its first letter and the
  consonants that follow (``Тасмагамбетов`` and ``Tasmagambetov`` both give ``@tsmgm``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

import iuliia

from aligner.morph import analyzer

STEM = 5  # letters kept of a word as its stem, in both languages
NAME_KEY = 5  # letters kept of a name's consonant skeleton
NAME_KEY_MIN = 4  # shorter skeletons ("Ivan" -> "ivn") match too much to count
LEXICON_FILE = "align_lexicon.tsv"

_WORD = re.compile(r"[^\W\d_]+|\d+|[?!(%$€]", re.UNICODE)
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_LATIN = re.compile(r"^[a-z]+$", re.IGNORECASE)
_NOT_CONSONANT = re.compile(r"[aeiouyj]")
_DOUBLED = re.compile(r"(.)\1+")
_PUNCTUATION_KEYS = {"?": "%?", "!": "%!", "(": "%(", "%": "%%", "$": "%$", "€": "%€"}


def words(text: str) -> list[str]:
    """Word, digit-run and anchor-punctuation tokens of ``text``."""
    return _WORD.findall(text)


def english_stem(word: str) -> str:
    return word.lower()[:STEM]


@functools.lru_cache(maxsize=200_000)
def russian_stem(word: str) -> str:
    """The first letters of the word's lemma (pymorphy3's most likely parse)."""
    lemma = analyzer().parse(word.lower())[0].normal_form
    return lemma.replace("ё", "е")[:STEM]


@functools.lru_cache(maxsize=100_000)
def name_key(word: str) -> str | None:
    """``@`` + first letter + following consonants of the Latin form, or None if too short."""
    latin = iuliia.WIKIPEDIA.translate(word) if _CYRILLIC.search(word) else word
    latin = latin.lower().replace("kh", "h").replace("ck", "k")
    if not latin or not latin.isascii():
        return None
    skeleton = latin[0] + _NOT_CONSONANT.sub("", latin[1:])
    skeleton = _DOUBLED.sub(r"\1", skeleton)[:NAME_KEY]
    return "@" + skeleton if len(skeleton) >= NAME_KEY_MIN else None


@dataclass(frozen=True)
class Lexicon:
    """Russian stem -> English stems it is rendered by."""

    entries: dict[str, tuple[str, ...]]
    targets: frozenset[str]

    @classmethod
    def empty(cls) -> Lexicon:
        return cls({}, frozenset())

    @classmethod
    def from_lines(cls, lines) -> Lexicon:
        """Read ``ru_stem<TAB>en_stem en_stem ...`` lines; ``#`` starts a comment line."""
        entries = {}
        for line in lines:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            ru, _, en = line.partition("\t")
            entries[ru] = tuple(en.split())
        targets = frozenset(stem for stems in entries.values() for stem in stems)
        return cls(entries, targets)


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon shipped in ``aligner/data`` (empty if the file is absent)."""
    path = resources.files("aligner.data").joinpath(LEXICON_FILE)
    if not path.is_file():
        return Lexicon.empty()
    with path.open(encoding="utf-8") as handle:
        return Lexicon.from_lines(handle)


def russian_glosses(sentence: str, lexicon: Lexicon) -> list[tuple[frozenset[str], bool]]:
    """For each matchable Russian token: the English keys it may appear as, and whether it
    is an anchor (number, Latin word, name, anchor punctuation) rather than a glossed word."""
    glosses = []
    for token in words(sentence):
        keys = set()
        anchor = True
        if token.isdigit():
            keys.add("#" + token)
        elif token in _PUNCTUATION_KEYS:
            keys.add(_PUNCTUATION_KEYS[token])
        elif _LATIN.match(token):
            keys.add(english_stem(token))
            if token[0].isupper():
                _add(keys, name_key(token))
        else:
            name = name_key(token) if token[0].isupper() else None
            _add(keys, name)
            anchor = bool(name)
            keys.update(lexicon.entries.get(russian_stem(token), ()))
        if keys:
            glosses.append((frozenset(keys), anchor))
    return glosses


def english_tokens(sentence: str, lexicon: Lexicon) -> tuple[list[tuple[frozenset[str], bool]], float, int]:
    """Every English token's keys and whether it counts as an anchor (number, name,
    anchor punctuation, or a word the lexicon never renders, so only an identical Latin
    word can match it); and how many tokens are matchable: (tokens, glossable words, anchors)."""
    tokens = []
    glossable = anchors = 0
    for token in words(sentence):
        if token.isdigit():
            keys, anchor = {"#" + token}, True
            anchors += 1
        elif token in _PUNCTUATION_KEYS:
            keys, anchor = {_PUNCTUATION_KEYS[token]}, True
            anchors += 1
        else:
            stem = english_stem(token)
            keys = {stem}
            name = name_key(token) if token[0].isupper() else None
            _add(keys, name)
            anchor = bool(name) or stem not in lexicon.targets
            if name:
                anchors += 1
            elif not anchor:
                glossable += 1
        tokens.append((frozenset(keys), anchor))
    return tokens, glossable, anchors


def _add(keys: set[str], key: str | None) -> None:
    if key:
        keys.add(key)
