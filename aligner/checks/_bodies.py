"""Shared analysis for the body-name rules (ENT001-ENT003, TRM001, ACR001-ACR002).

For one Pair it finds, once, per English sentence: the known names
(:class:`aligner.termbase.Mention`) and the unknown body-like spans; per bead: the
termbase and glossary terms of the aligned Russian sentences (any inflected form,
:mod:`aligner.morph`) and whether each is rendered in the aligned English.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from aligner.checks.base import Pair
from aligner.morph import TermIndex, TermMatch, make_term, ru_tokens
from aligner.records import Sentence
from aligner.termbase import HEADS, Entry, Mention, Span, Termbase, normalise, termbase_for, tokens

# Bodies of these organisations have distinctive Russian names of their own; the bare
# Russian name of any other organisation's body ("Секретариат", "Парламентская
# ассамблея") counts only when the organisation is named in the same bead.
SELF_EVIDENT_ROOTS = frozenset({"un"})
# Kinds that are never terms to render (a country is named in too many ways).
NOT_TERMS = frozenset({"country"})


@dataclass
class EnSentence:
    index: int
    sentence: Sentence
    mentions: list[Mention]
    unknown: list[Span]


@dataclass
class BeadTerms:
    """The aligned Russian and English sentences of one bead, with their bodies."""

    ru: list[Sentence]
    en: list[EnSentence]
    matches: list[tuple[TermMatch, tuple[Entry, ...]]] = field(default_factory=list)
    ru_entries: dict[str, Entry] = field(default_factory=dict)  # every body the source names
    en_entries: dict[str, Entry] = field(default_factory=dict)  # every body the target names
    en_norm: str = ""

    def rendered(self, entry: Entry) -> bool:
        """Whether the English of the bead names ``entry`` in an accepted way."""
        if entry.id in self.en_entries:
            return True
        padded = f" {self.en_norm} "
        return any(f" {normalise(name)} " in padded for name in entry.renderings if normalise(name))


@dataclass
class Analysis:
    termbase: Termbase
    sentences: list[EnSentence]
    beads: list[BeadTerms]
    bead_of: dict[int, BeadTerms]  # English sentence index -> its bead


_CACHE: dict[int, tuple[Pair, Analysis]] = {}


def analyse(pair: Pair) -> Analysis:
    """The analysis of ``pair`` (computed once and shared by the rules)."""
    cached = _CACHE.get(id(pair))
    if cached is not None and cached[0] is pair:
        return cached[1]
    result = _analyse(pair)
    if len(_CACHE) > 32:
        _CACHE.clear()
    _CACHE[id(pair)] = (pair, result)
    return result


def _analyse(pair: Pair) -> Analysis:
    termbase = termbase_for(pair.options)
    sentences = []
    for index, sentence in enumerate(pair.en_sentences):
        if sentence.lang not in ("en", ""):
            continue
        toks = tokens(sentence.text)
        mentions = termbase.mentions(sentence.text, toks)
        unknown = termbase.unknown_bodies(sentence.text, toks, mentions)
        sentences.append(EnSentence(index, sentence, mentions, unknown))
    by_index = {s.index: s for s in sentences}
    beads, bead_of = [], {}
    if pair.ru is not None:
        index = term_index(termbase)
        for ru, en, bead in pair.aligned():
            en_items = [by_index[i] for i in bead.en if i in by_index]
            terms = BeadTerms(ru, en_items)
            for item in en_items:
                for mention in item.mentions:
                    for entry in mention.entries:
                        terms.en_entries[entry.id] = entry
            terms.en_norm = " ".join(normalise(item.sentence.text) for item in en_items)
            ru_text = " ".join(s.text for s in ru)
            found = [(m, m.term.target) for m in index.find(ru_text, ru_tokens(ru_text))]
            for match, entries in found:
                for entry in entries:
                    terms.ru_entries[entry.id] = entry
            for match, entries in found:
                kept = tuple(e for e in entries if _in_scope(termbase, e, terms))
                if kept:
                    terms.matches.append((match, kept))
            beads.append(terms)
            for item in en_items:
                bead_of[item.index] = terms
    return Analysis(termbase, sentences, beads, bead_of)


def _in_scope(termbase: Termbase, entry: Entry, terms: BeadTerms) -> bool:
    root = termbase.root(entry)
    if root is entry or root.id in SELF_EVIDENT_ROOTS or root.kind != "org":
        return True
    return any(a.id in terms.ru_entries or a.id in terms.en_entries
               for a in termbase.ancestors(entry))


@functools.lru_cache(maxsize=8)
def term_index(termbase: Termbase) -> TermIndex:
    """Every Russian name and acronym of the termbase, mapped to the bodies it names."""
    by_text: dict[str, list[Entry]] = {}
    for entry in termbase.entries.values():
        if entry.kind in NOT_TERMS:
            continue
        for name in entry.ru + entry.ru_acronyms:
            bucket = by_text.setdefault(name, [])
            if entry not in bucket:
                bucket.append(entry)
    terms = [make_term(text, tuple(entries)) for text, entries in by_text.items()]
    insertable = frozenset(acronym for entry in termbase.entries.values()
                           if entry.kind == "org" for acronym in entry.ru_acronyms)
    return TermIndex([t for t in terms if t is not None], insertable)


def head(entry: Entry) -> str:
    """The head noun of a body's canonical name ("ministry" for "Ministry of Finance")."""
    for word in normalise(entry.en).split():
        if word in HEADS:
            return word
    return ""


def head_of(text: str) -> str:
    for word in normalise(text).split():
        if word in HEADS:
            return word
    return ""


def english_sentences(pair: Pair) -> list[EnSentence]:
    return analyse(pair).sentences


def listing(termbase: Termbase, entries: list[Entry]) -> str:
    return " or ".join(termbase.display(e) for e in entries)
