"""Shared analysis for the body-name rules (ENT001-ENT003, TRM001, ACR001-ACR002).

For one Pair it finds, once, per English sentence: the known names
(:class:`aligner.entities.termbase.Mention`) and the unknown body-like spans; per bead: the
termbase and glossary terms of the aligned Russian sentences (any inflected form,
:mod:`aligner.morph`) and whether each is rendered in the aligned English.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import iuliia

from aligner.entities.glossary import termbase_for
from aligner.entities.places import russian_places
from aligner.entities.termbase import SELF_EVIDENT_ROOTS, Termbase
from aligner.entities.terms import CONNECTORS, HEADS, Entry, Mention, Span, normalise, tokens, word_norms
from aligner.morph import TermIndex, TermMatch, analyzer, forms, is_place_genitive, make_term, tokens_from
from aligner.profile import RU_EN
from aligner.records import Pair, Sentence
from aligner.tables import read_table

# The bare Russian name of a body of an organisation outside SELF_EVIDENT_ROOTS
# ("Секретариат", "Парламентская ассамблея") counts only when the organisation is named
# in the same bead.
# Kinds that are never terms to render (a country is named in too many ways).
NOT_TERMS = frozenset({"country"})


@dataclass
class EnSentence:
    index: int
    sentence: Sentence
    mentions: list[Mention]
    unknown: list[Span]
    text: str = ""  # the sentence as read: Cyrillic look-alikes inside Latin words made Latin
    norm: str = ""  # its normalised words (termbase.normalise)


_CYRILLIC = RU_EN.letter
_MIXED_WORD = re.compile(r"[^\W\d_]*[A-Za-z][^\W\d_]*")


@functools.lru_cache(maxsize=1)
def _look_alikes() -> dict[int, str]:
    """Cyrillic letter -> the Latin letter it looks like (``data/homoglyphs.tsv``)."""
    return str.maketrans({row["cyrillic"]: row["latin"] for row in read_table("homoglyphs.tsv")})


def latin_look_alikes(text: str) -> str:
    """``text`` with the Cyrillic look-alikes inside Latin words made Latin ("WНO" -> "WHO"),
    letter for letter, so offsets stay; UNT001 reports the mixed word itself."""
    if not _CYRILLIC.search(text):
        return text
    return _MIXED_WORD.sub(lambda m: m.group().translate(_look_alikes()), text)


@dataclass
class BeadTerms:
    """The aligned Russian and English sentences of one bead, with their bodies."""

    source: list[Sentence]
    target: list[EnSentence]
    matches: list[tuple[TermMatch, tuple[Entry, ...]]] = field(default_factory=list)
    # matches of a national body followed by another country ("Министерство обороны
    # Франции"): the English may name that country's own ministry its own way
    foreign: set[int] = field(default_factory=set)
    ru_entries: dict[str, Entry] = field(default_factory=dict)  # every body the source names
    en_entries: dict[str, Entry] = field(default_factory=dict)  # every body the target names
    en_norm: str = ""

    def rendered_loosely(self, entry: Entry) -> bool:
        """For another country's body ("МИД Великобритании"): its own name is unknown, so
        any English that keeps its subject ("Foreign Office", "Foreign Secretary") will do."""
        words = set(_loose(self.en_norm).split())
        return self.rendered(entry) or bool(subject_words(entry) & words)

    def rendered(self, entry: Entry) -> bool:
        """Whether the English of the bead names ``entry`` in an accepted way (a plural
        counts: "the CSTO and UN Secretariats")."""
        if entry.id in self.en_entries:
            return True
        padded = f" {_loose(self.en_norm)} "
        return any(key in padded for key in _rendering_keys(entry))


def subject_words(entry: Entry) -> set[str]:
    """What a body's names are about: "foreign", "affairs" for a Ministry of Foreign Affairs."""
    ignored = HEADS | CONNECTORS | {"russian", "federation", "russia", "united", "nations", "un",
                                    "minister", "ministry", "affairs"}
    return {w for name in entry.names for w in _loose(normalise(name)).split()
            if w.islower() and w not in ignored}


def _renderings(entry: Entry) -> tuple[str, ...]:
    """Accepted renderings, plus the minister's title for a ministry: "глава МИД" is
    rendered "Foreign Minister" ("Ministry of Defence" -> "Minister of Defence")."""
    if entry.kind != "ministry":
        return entry.renderings
    titles = [n.replace("Ministry", "Minister") for n in entry.names if "Ministry" in n]
    titles += [t.replace("Minister of ", "Minister for ") for t in titles]
    return entry.renderings + tuple(titles)


def loose_words(text: str) -> list[str]:
    """The normalised, singular words of an English name ("Ministry of Economics" ->
    ministry, of, economic)."""
    return _loose(normalise(text)).split()


@functools.lru_cache(maxsize=4096)
def _rendering_keys(entry: Entry) -> tuple[str, ...]:
    """`` name `` (loose, normalised, padded) for each rendering of ``entry``: termbase data,
    tokenised once per entry instead of once per bead that asks."""
    return tuple(f" {_loose(normalise(name))} " for name in _renderings(entry) if normalise(name))


def _loose(norm: str) -> str:
    """Singular words: "the CSTO and UN Secretariats" renders "Secretariat", "the defence
    ministries" renders "Ministry of Defence" only through its words, not its order."""
    words = []
    for w in norm.split():
        if len(w) > 4 and w.endswith("ies") and w.islower():
            w = w[:-3] + "y"
        elif len(w) > 3 and w.endswith("s") and w.islower():
            w = w[:-1]
        words.append(w)
    return " ".join(words)


@dataclass
class Analysis:
    termbase: Termbase
    sentences: list[EnSentence]
    beads: list[BeadTerms]
    bead_of: dict[int, BeadTerms]  # English sentence index -> its bead


def analyse_bodies(pair: Pair) -> Analysis:
    """Bodies, terms and acronyms of ``pair``; read it as ``pair.facts.bodies`` (computed once)."""
    termbase = termbase_for(pair.options)
    sentences = []
    for index, sentence in enumerate(pair.target_sentences):
        if sentence.lang not in ("en", ""):
            continue
        text = latin_look_alikes(sentence.text)
        norms = word_norms(text)
        mentions, unknown = [], []
        if termbase.may_name(norms):  # about one sentence in four
            toks = tokens(text)
            mentions = termbase.mentions(text, toks)
            unknown = termbase.unknown_bodies(text, toks, mentions)
        norm = " ".join(filter(None, norms))
        sentences.append(EnSentence(index, sentence, mentions, unknown, text, norm))
    by_index = {s.index: s for s in sentences}
    beads, bead_of = [], {}
    if pair.source is not None:
        index = term_index(termbase)
        for ru, en, bead in pair.aligned():
            en_items = [by_index[i] for i in bead.target if i in by_index]
            terms = BeadTerms(ru, en_items)
            for item in en_items:
                for mention in item.mentions:
                    for entry in mention.entries:
                        terms.en_entries[entry.id] = entry
            terms.en_norm = " ".join(item.norm for item in en_items)
            ru_text = " ".join(s.text for s in ru)
            found = [(m, m.term.target) for m in index.find(ru_text)]
            for match, entries in found:
                for entry in entries:  # "КТУ ООН" names the UN as well as its office
                    for named in [entry] + termbase.ancestors(entry):
                        terms.ru_entries[named.id] = named
            for match, entries in found:
                kept = tuple(e for e in entries if _in_scope(termbase, e, terms))
                if kept:
                    if _of_another_country(termbase, kept, match, ru_text):
                        terms.foreign.add(len(terms.matches))
                    terms.matches.append((match, kept))
            beads.append(terms)
            for item in en_items:
                bead_of[item.index] = terms
    return Analysis(termbase, sentences, beads, bead_of)


def _of_another_country(termbase: Termbase, entries, match: TermMatch, text: str) -> bool:
    """A national body's name followed in ``text`` by a place other than its country."""
    countries = [termbase.root(e) for e in entries]
    if not countries or any(c.kind != "country" for c in countries):
        return False
    after = next(iter(tokens_from(text, match.end, 1)), None)
    if after is None or after.start - match.end > 2 or not (is_place_genitive(after.text)
                                                           or (after.text.isupper() and russian_places(after.text))):
        return False  # a genitive place (Франции) or a country's abbreviation (РА, ФРГ, США)
    own = {form for c in countries for name in c.ru + c.ru_acronyms for form in forms(name)}
    return not (after.forms & own)


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
    return head_of(entry.en)


def head_of(text: str) -> str:
    """The last head noun before the first preposition, else the first after it:
    "Counter-Terrorism Committee Executive Directorate" -> "directorate",
    "Executive Committee of the Regional Anti-Terrorist Structure" -> "committee"."""
    words = normalise(text).split()
    cut = next((i for i, w in enumerate(words) if w in ("of", "for", "on", "in")), len(words))
    before = [w for w in words[:cut] if w in HEADS]
    if before:
        return before[-1]
    return next((w for w in words[cut:] if w in HEADS), "")




# Romanisation schemes a careless translator may have used for a Russian acronym.
TRANSLITERATION_SCHEMES = tuple(getattr(iuliia, name) for name in RU_EN.acronym_schemes)


def romanisations(acronym: str) -> set[str]:
    """ASCII capital romanisations of a Russian acronym: ШОС -> {SHOS}, ЦБ -> {TSB, CB}."""
    result = set()
    for scheme in TRANSLITERATION_SCHEMES:
        latin = scheme.translate(acronym).upper()
        if re.fullmatch(r"[A-Z0-9]+", latin):
            result.add(latin)
    return result


@functools.lru_cache(maxsize=8)
def transliterated_acronyms(termbase: Termbase) -> dict[str, tuple[Entry, ...]]:
    """Romanised Russian acronyms that are not an English acronym of any body, with the
    bodies they stand for: {"ODKB": (CSTO,), "KTU": (UNOCT,), …}."""
    english = {a.upper() for e in termbase.entries.values() for a in e.acronyms}
    english |= {w.upper() for e in termbase.entries.values() for a in e.acronyms
                for w in a.split()}
    found: dict[str, list[Entry]] = {}
    for entry in termbase.entries.values():
        for acronym in entry.ru_acronyms:
            for word in acronym.split():
                for latin in romanisations(word):
                    if latin in english:
                        continue  # RATS, FSB, NATO: the romanisation is the English acronym
                    bucket = found.setdefault(latin, [])
                    owner = termbase.entries.get(entry.id)
                    if word != acronym:  # "КТУ ООН": ООН names the UN, КТУ the office
                        owner = _owner_of_word(termbase, word) or entry
                    if owner not in bucket:
                        bucket.append(owner)
    return {latin: tuple(entries) for latin, entries in found.items()}


def _owner_of_word(termbase: Termbase, word: str) -> Entry | None:
    owners = [e for e in termbase.entries.values() if word in e.ru_acronyms]
    return owners[0] if len(owners) == 1 else None


_PREVIOUS_WORD = re.compile(r"(\w+)\W*$")


def follows_a_unit(source: str, start: int) -> bool:
    """Does a noun that names a unit of a body stand right before ``source[start:]``
    («регионального главка МВД», «ГУ МЧС России»; ``data/body_units.tsv``)? The body's
    name then says whose unit the sentence names."""
    before = _PREVIOUS_WORD.search(source[max(0, start - 40):start])
    if before is None:
        return False
    units = {row["word"] for row in read_table("body_units.tsv")}
    return any(parse.normal_form in units for parse in analyzer().parse(before.group(1).lower())[:2])


def names_a_unit_of(bead: BeadTerms, entry: Entry) -> bool:
    """Does the source of the bead name ``entry`` only as the owner of one of its units?"""
    source = " ".join(s.text for s in bead.source)
    found = [match for match, entries in bead.matches if any(e.id == entry.id for e in entries)]
    return bool(found) and all(follows_a_unit(source, match.start) for match in found)


def named_as_another_countrys(bead: BeadTerms, entry: Entry) -> bool:
    """Does the source of the bead name ``entry`` only with another country after it
    («Министерства по чрезвычайным ситуациям РА», «МИД Великобритании»)? Then it is that
    country's body, which the termbase does not hold, and any English name of it may be right."""
    found = [number for number, (_, entries) in enumerate(bead.matches) if any(e.id == entry.id for e in entries)]
    return bool(found) and all(number in bead.foreign for number in found)


def names_other_bodies(bead: BeadTerms, entry: Entry) -> bool:
    """Does the source of the bead name bodies of the termbase, none of them ``entry`` or a
    body above or below it («пресс-службе регионального главка МВД» for a name that looks
    like the Bank of Russia's "Central Bank")? An English name there renders what the
    source names (a unit of one of those bodies), however close it is to ``entry``'s name."""
    named = {e.id for _, entries in bead.matches for e in entries if e.kind != "country"}
    return bool(named) and not any(other == entry.id or other.startswith(entry.id + ".")
                                   or entry.id.startswith(other + ".") for other in named)


def source_decisions(termbase: Termbase, bead: BeadTerms) -> dict:
    """Pair unknown spans with the bodies the source names but the English lacks.

    A body is a candidate for a span when it has the same head noun or is among the
    span's nearest bodies; pairs are taken best score first, each body used once.
    """
    named = {}
    for match, entries in bead.matches:
        for entry in entries:
            if head(entry) and not bead.rendered(entry):
                named.setdefault(entry.id, (entry, match.text))
    candidates = []
    for span in (span for item in bead.target for span in item.unknown):
        near = {e.id for e, _ in termbase.nearest(span.text, span.scope, limit=3)}
        for entry, words in named.values():
            if head(entry) == head_of(span.text) or entry.id in near:
                candidates.append((termbase.score(span.text, entry), span, entry, words))
    decided, used = {}, set()
    for score, span, entry, words in sorted(candidates, key=lambda c: -c[0]):
        if span in decided or entry.id in used:
            continue
        decided[span] = (entry, words)
        used.add(entry.id)
    return decided


def swapped_bodies(termbase: Termbase, bead: BeadTerms) -> list:
    """(English sentence, mention, meant body, Russian words) for every English name of a
    real body that the source does not name while it names, unrendered, a body with the
    same head noun (Ministry of Finance where the source has Министерство обороны); and
    for every organisation the English names that the source does not, while the source
    names another one (the CSTO where the source has ООН)."""
    missing, organisations = {}, []
    for match, entries in bead.matches:
        for entry in entries:
            if entry.kind == "org":
                organisations.append((entry, match.text))
        if not any(bead.rendered(e) for e in entries):
            for entry in entries:
                if head(entry):
                    missing.setdefault(head(entry), (entry, match.text))
    found = []
    for item in bead.target:
        for mention in item.mentions:
            if len(mention.entries) != 1 or mention.entries[0].id in bead.ru_entries:
                continue
            entry = mention.entries[0]
            if entry.kind == "org" and organisations and mention.qualifier is None:
                unrendered = [o for o in organisations if not bead.rendered(o[0])]
                meant, words = (unrendered or organisations)[0]
                found.append((item, mention, meant, words))
                continue
            if head(entry) not in missing:
                continue
            meant, words = missing[head(entry)]
            if entry.id == meant.id or entry.id in {a.id for a in termbase.ancestors(meant)}:
                continue
            found.append((item, mention, meant, words))
    return found
