"""Russian terms in any inflected form: pymorphy3 lemmas with a guard for proper names.

A term matches a run of words when every term word shares a form with the text word:
its surface form or one of pymorphy3's normal forms ("Контртеррористическим
управлением" matches "Контртеррористическое управление").

Proper-name guard: pymorphy3 reads the name "Мин" as a form of the noun "мина". A
capitalised word that does not start a sentence is therefore matched to a term that
*starts* with a lowercase word only by its surface form, never by a lemma. Terms that
start with a capital (institution names: "Совет Безопасности") match inflected forms
as usual.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass
from typing import NamedTuple

_WORD_CHARACTER = "[А-Яа-яЁёA-Za-z0-9]"
_WORD = re.compile(_WORD_CHARACTER + "+")
_SPACED_WORD = re.compile(r"[ \t\u00a0]*([А-Яа-яЁёA-Za-z0-9]+)")  # a word with the blanks before it
_OPENERS = set(".!?…«\"“„(\n")
_BLANKS = " \t\u00a0"


@functools.lru_cache(maxsize=1)
def analyzer():
    """The process's one pymorphy3 analyser, safe on any string (see :func:`_safe_analyzer`)."""
    return _safe_analyzer()


def _safe_analyzer():
    """pymorphy3's analyser, answering "unknown word" where pymorphy3 itself raises.

    pymorphy3 asks ``unicodedata.name`` of every letter to test for Latin script; letters
    this Python's Unicode database has no name for (Tangut U+17000, Khitan) raise
    ValueError from deep inside it. Such a word gets the parse of an unknown symbol.
    """
    import pymorphy3

    class SafeMorphAnalyzer(pymorphy3.MorphAnalyzer):
        def parse(self, word):
            try:
                return super().parse(word)
            except ValueError:
                unknown = super().parse("\ufffd")[0]
                return [unknown._replace(word=word, normal_form=word,
                                         methods_stack=((unknown.methods_stack[0][0], word),))]

    return SafeMorphAnalyzer()


@functools.lru_cache(maxsize=200_000)
def forms(word: str) -> frozenset[str]:
    """The surface form (lowercase, ё as е) and every normal form pymorphy3 proposes."""
    lowered = word.lower().replace("ё", "е")
    if not re.search(r"[а-я]", lowered):
        return frozenset({lowered})
    return frozenset({lowered} | {p.normal_form.replace("ё", "е")
                                  for p in analyzer().parse(lowered)})


@functools.lru_cache(maxsize=50_000)
def is_place_genitive(word: str) -> bool:
    """Whether ``word`` can be a place name in the genitive ("Франции", "Великобритании")."""
    return word[:1].isupper() and any("Geox" in p.tag and "gent" in p.tag
                                      for p in analyzer().parse(word))


class RuToken(NamedTuple):
    """One Russian word (a NamedTuple: one is made for every word, so it must be cheap)."""

    start: int
    end: int
    text: str
    guarded: bool  # capitalised and not sentence-initial: a possible proper name

    @property
    def forms(self) -> frozenset[str]:
        """The word's forms (:func:`forms`), looked up only when a term needs them."""
        return forms(self.text)


def ru_tokens(text: str) -> list[RuToken]:
    """Every word of ``text``."""
    return _tokens(text, _SPACED_WORD.finditer(text))


def tokens_from(text: str, start: int, count: int) -> list[RuToken]:
    """The first ``count`` words of ``text`` that start at ``start`` (a word's start or end) or
    later, the same tokens as ``ru_tokens(text)`` has there."""
    blanks = start  # ru_tokens' match of this word begins at the blanks before it
    while blanks and text[blanks - 1] in _BLANKS:
        blanks -= 1
    return _tokens(text, itertools.islice(_SPACED_WORD.finditer(text, blanks), count))


def _tokens(text: str, matches, _make=tuple.__new__) -> list[RuToken]:
    # guarded: capitalised, not all capitals, and not after an opener (the character
    # before the blanks that precede the word) nor at the start of the text.
    # tuple.__new__(RuToken, ...) is RuToken(...) without the Python-level __new__ the
    # NamedTuple adds, which cost more than the rest of this function.
    return [_make(RuToken, (match.start(1), match.end(), word,
                            word[:1].isupper() and not word.isupper()
                            and not (match.start() == 0 or text[match.start() - 1] in _OPENERS)))
            for match in matches for word in (match.group(1),)]


@dataclass(frozen=True)
class Term:
    """A Russian name to look for, and what it stands for (any object, e.g. an Entry)."""

    text: str
    words: tuple[tuple[str, frozenset[str]], ...]  # (surface lowercase, forms) per word
    lowercase_start: bool
    exact_case: bool  # an acronym: match its capitals only
    target: object


def make_term(text: str, target: object) -> Term | None:
    words = tuple((m.group().lower().replace("ё", "е"), forms(m.group()))
                  for m in _WORD.finditer(text))
    if not words:
        return None
    stripped = text.strip()
    return Term(stripped, words, stripped[:1].islower(),
                all(w.isupper() or not w.isalpha() for w in _WORD.findall(text)), target)


def _start(word: str) -> str:
    return word[:START]


START = 3  # letters a word shares with its dictionary forms


@dataclass(frozen=True)
class TermMatch:
    start: int
    end: int
    text: str
    term: Term


_LETTER_CASES = {"е": "еЕёЁ"}  # a word's start is compared lowercase, with ё as е


def _words_starting(starts: frozenset[str]) -> re.Pattern:
    """Where a word (a token of :func:`ru_tokens`) begins whose first ``START`` letters,
    lowercase and with ё as е, are one of ``starts`` (a shorter word: all of it); the
    starts as a trie, so that the search tries few alternatives at a position. A start with
    a character no word has is left out (no word begins with it)."""
    kept = [start for start in starts if _WORD.fullmatch(start) and start == start.lower() and "ё" not in start]
    return re.compile(f"(?<!{_WORD_CHARACTER})" + (_trie(kept, 0) if kept else "(?!)"))


def _trie(starts: list[str], depth: int) -> str:
    by_letter: dict[str, list[str]] = {}
    for start in starts:
        by_letter.setdefault(start[:1], []).append(start[1:])
    alternatives = []
    for letter, rests in sorted(by_letter.items()):
        if not letter:  # a whole start: a short one must be the whole word
            alternatives.append("" if depth == START else f"(?!{_WORD_CHARACTER})")
        else:
            cases = _LETTER_CASES.get(letter, letter + letter.upper())
            alternatives.append(f"[{re.escape(cases)}]" + _trie(rests, depth + 1))
    return alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"


class TermIndex:
    """Find many Russian terms in text; the longest match wins where they overlap."""

    def __init__(self, terms: list[Term], insertable: frozenset[str] = frozenset()):
        """``insertable``: acronyms that may stand inside a term without breaking it
        ("Управление ООН по координации гуманитарных вопросов")."""
        self._insertable = insertable
        self._by_first: dict[str, list[Term]] = {}
        for term in terms:
            for form in term.words[0][1]:
                self._by_first.setdefault(form, []).append(term)
        # A word's dictionary forms begin as it does (Министерству, министерство), so a
        # word whose beginning starts no term's first word is not looked up at all.
        self._starts = frozenset(_start(form) for form in self._by_first)
        self._first_words = _words_starting(self._starts)
        for bucket in self._by_first.values():
            bucket.sort(key=lambda t: -len(t.words))

    def find(self, text: str) -> list[TermMatch]:
        found: list[TermMatch] = []
        taken_until = 0
        # only the words that may start a term are read into tokens, with the few after them
        for first in self._first_words.finditer(text):
            if first.start() < taken_until:
                continue
            candidates = {id(t): t for form in forms(_WORD.match(text, first.start()).group())
                          for t in self._by_first.get(form, ())}
            if not candidates:
                continue
            # _matches reads at most two tokens a term word (one may be an insertable acronym)
            toks = tokens_from(text, first.start(), 2 * max(len(t.words) for t in candidates.values()))
            token = toks[0]
            best = None
            for term in sorted(candidates.values(), key=lambda t: -len(t.words)):
                end = self._matches(term, toks, 0)
                if end is not None:
                    best = (term, end)
                    break
            if best is not None:
                term, end = best
                last = toks[end - 1]
                found.append(TermMatch(token.start, last.end, text[token.start:last.end], term))
                taken_until = last.end
        return found

    def _matches(self, term: Term, toks: list[RuToken], i: int) -> int | None:
        """The index after the last matched token, or None."""
        j = i
        for k, (surface, term_forms) in enumerate(term.words):
            if k and j < len(toks) and toks[j].text in self._insertable \
                    and toks[j].text.lower() != surface:
                j += 1  # "Управление ООН по …": the organisation written inside the name
            if j >= len(toks):
                return None
            token = toks[j]
            if k and token.start - toks[j - 1].end > 3:
                return None  # words of a term stand together (a dash or space between)
            if term.exact_case and not token.text[:len(surface)].isupper():
                return None  # an acronym is written in capitals ("МИДа", not "мид")
            if token.guarded and term.lowercase_start and k == 0:
                if token.text.lower().replace("ё", "е") != surface:
                    return None  # "Мин" (a name) is not the noun "мина"
            elif not token.forms & term_forms:
                return None
            j += 1
        return j


__all__ = ["RuToken", "Term", "TermIndex", "TermMatch", "forms", "is_place_genitive", "make_term",
           "ru_tokens", "tokens_from"]
