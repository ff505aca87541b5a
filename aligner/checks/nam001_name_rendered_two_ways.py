"""NAM001 name-rendered-two-ways: one person or place spelled two ways.

What it does
    Collects the capitalised Latin words of the English text and finds pairs that are
    one name spelled two ways: the same name under two romanisation schemes
    (Sergei/Sergey, Yevgeny/Evgeny, Tokayev/Tokaev) or a one-letter slip (Zhang Ming ...
    Zhang Min). Across documents, two accepted romanisations are reported only with the
    option ``house_style = true`` (each document is consistent on its own); a spelling
    the aligned source itself writes in Latin letters is never a slip.
    Every occurrence of the minority spelling is flagged, suggesting the
    majority one; with a Russian source, the spelling that matches the Russian word in
    the aligned sentence (romanised with iuliia, or with Palladius for Chinese names)
    wins, and a pair whose Russian shows two different names is left alone. Works
    within a document (``check``) and across the corpus (``check_corpus``).

Why is this bad?
    A reader cannot tell whether "Zhang Min" is the "Zhang Ming" of the previous
    paragraph or somebody else, and search, indexing and terminology tools treat the
    two as different people.

Example
    "SCO Secretary-General Zhang Ming said ... emphasized Zhang Min." is flagged at
    "Min", suggesting "Zhang Ming" (Чжан Мин in the source).
"""

from __future__ import annotations

import functools
import pickle
import re
import sys
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz.distance import Levenshtein

from aligner.entities.names import best_spelling, is_given_name, supports
from aligner.entities.romanise import english_frequency, in_dictionary, name_key, parses
from aligner.records import RELATED_LIMIT, Evidence, Pair, Spot, path_from

CODE = "NAM001"
NAME = "name-rendered-two-ways"
SEVERITY = "warning"
SUMMARY = "One person or place is spelled two ways (romanisation scheme or slip)."

EXAMPLES = [
    ("Генеральный секретарь ШОС Чжан Мин заявил. «Справедливый миропорядок», – подчеркнул Чжан Мин.",
     "SCO Secretary-General Zhang Ming said so. \"A fair world order,\" emphasized Zhang Min.", True),
    ("Заседание провел Сергей Вершинин. Сергей Вершинин напомнил об инициативе.",
     "The meeting was chaired by Sergei Vershinin. Sergey Vershinin recalled the initiative.", True),
    ("Заседание провел Сергей Вершинин. Сергей Вершинин напомнил об инициативе.",
     "The meeting was chaired by Sergei Vershinin. Sergei Vershinin recalled the initiative.", False),
    ("Россия и Беларусь. Российская делегация.", "Russia and Belarus. The Russian delegation.", False),
    ("Иванов и Иванова пришли.", "Ivanov and Ivanova came.", False),
]

# house_style: across documents, also report a name written under two accepted romanisation
# schemes (Shoigu in one file, Shoygu in another). Off by default: each document is
# consistent and either spelling is right; a publication with one house style turns it on.
OPTIONS = {"house_style": False}

# Endings that make another word from a name (Russia/Russian, Nation/Nations, Ivanov/Ivanova).
DERIVED_ENDINGS = ("s", "'s", "’s", "n", "an", "ian", "ese", "i", "ic", "ns", "a", "ya", "aya", "ite", "ites", "y")


class Occurrence(NamedTuple):
    """One capitalised word in one English document, with what judging it needs.

    A tuple of plain values (a run holds one per capitalised word of the corpus until the
    reduce); ``spot`` and ``place`` are built from them when a finding needs them.
    """

    document: int  # the document's place in the run (the order documents were given in)
    word: str
    neighbours: frozenset[str]
    initial: bool
    path: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    evidence: Evidence | None  # the source sentences aligned with its sentence
    sentence: str  # the text of its sentence
    source_names: tuple  # the Russian names aligned with its sentence
    house_style: bool = False  # the run's house_style option (see OPTIONS)

    @property
    def spot(self) -> Spot:
        """Where it stands, with the source sentences aligned with its sentence."""
        return Spot(self.path, self.start, self.end, self.line, self.column, self.end_line,
                    self.end_column, self.word, self.evidence)

    @property
    def place(self) -> Evidence:
        """The same, as another place of a name, shown with its sentence."""
        return Evidence(self.path, self.line, self.column, self.sentence)


def derived_form(a: str, b: str) -> bool:
    """Is one word made from the other (Russia/Russian, Ivanov/Ivanova), not a spelling of it?"""
    short, long = sorted((a.lower(), b.lower()), key=len)
    if long.startswith(short) and long[len(short):] in DERIVED_ENDINGS:
        return True
    # Ivanov/Ivanova-type and adjective pairs: same stem, different ending vowel.
    return short[:-1] == long[:-1] and {short[-1], long[-1]} <= set("aeiouy") and len(short) < 6


_ALONE = frozenset()  # the neighbours of a name word standing alone, shared by all of them


@dataclass(frozen=True)
class Summary:
    """NAM001's record of one document for the corpus-wide check: a word-level index the
    candidate pairs are filtered on, and the occurrences themselves, packed (a corpus
    holds one per capitalised word; only the few words of pairs that pass the filter are
    read back)."""

    words: dict  # word -> (occurrences kept on their own, sentence-initial ones kept only
    #              if the word is capitalised inside a sentence somewhere, whether it is here,
    #              the union of its neighbours)
    packed: bytes  # zlib-compressed pickle of the document's Occurrence tuples


def summarize(pair: Pair) -> Summary:
    """The document's name words, indexed and packed (see :class:`Summary`)."""
    found = pair.facts.once(CODE, _occurrences)
    words: dict[str, tuple] = {}
    for o in found:
        kept, alone, inside, neighbours = words.get(o.word, (0, 0, False, _ALONE))
        here = _kept_alone(o)
        words[o.word] = (kept + here, alone + (not here), inside or not o.initial, neighbours | o.neighbours)
    # level 1: a third of the default level's CPU (~0.08 s per MB), 15 % more bytes
    return Summary(words, zlib.compress(pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL), 1))


def _occurrences(pair: Pair) -> list[Occurrence]:
    """Every capitalised name word of the English document."""
    aligned: dict[int, tuple] = {}
    for bead in pair.beads:
        names = tuple(n for i in bead.source for n in pair.facts.source_names[i])
        for index in bead.target:
            aligned.setdefault(index, names)
    found = []
    house_style = bool({**OPTIONS, **pair.options.get(CODE, {})}["house_style"])
    document, facts = pair.target, pair.facts
    for number, sentence in enumerate(pair.target_sentences):
        if sentence.lang not in ("", "en"):
            continue
        for mention in facts.target_names[number]:
            words = mention.words
            for position, (start, end, word) in enumerate(words):
                neighbours = _ALONE if len(words) == 1 else (
                    frozenset(w for i, (_, _, w) in enumerate(words) if i != position) or _ALONE)
                start, end = sentence.start + start, sentence.start + end  # pair.spot's fields, no Spot
                found.append(Occurrence(
                    0, sys.intern(word), neighbours, mention.sentence_initial and position == 0, document.path,
                    start, end, *document.position(start), *document.position(end),
                    facts.evidence_at(start), sentence.text, aligned.get(number, ()), house_style))
    return found


def _same_name(a: str, b: str, shared_context: bool, source_backed: bool) -> bool:
    """Are ``a`` and ``b`` (different spellings) one name?

    Two romanisations of one Russian spelling always are. A one-letter slip is taken
    for one name only when both spellings stand beside the same other name (Zhang Ming
    / Zhang Min) or when the Russian source names one of them (so ordinary words such
    as Chapter/Charter are left alone).
    """
    if a.lower() == b.lower() or derived_form(a, b):
        return False
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb or ka[0] != kb[0]:
        return False
    if ka == kb:
        return min(len(a), len(b)) >= 4
    if Levenshtein.distance(ka, kb) != 1:
        return False
    if shared_context:
        return min(len(ka), len(kb)) >= 3
    return source_backed and min(len(ka), len(kb)) >= 4


SLIP = 2.0  # wordfreq Zipf: a spelling this common in English is a real word or name, no slip
EVERYDAY = 3.0  # a flagged spelling (not another romanisation) this common is a word of its own
COMMON_WORD = 4.0  # a spelling this common is an everyday English word (Hard, Media, Test)


def _plausible_variant(wrong: str, right: str, corrected: bool) -> bool:
    """Is ``wrong`` plausibly the name ``right`` spelled another way, not another word?

    Yes for another romanisation of one spelling (Sergey/Sergei; not Major/Mayor, both
    everyday words) and for the Palladius n/ng confusion (Zhang Min/Zhang Ming). Any
    other one-letter difference is never taken for a slip when either spelling is an
    everyday English word (Meta/Media, Hare/Hard, Justin/Jastin) unless the flagged one is
    unattested and its own source names the other (Puten/Putin), and otherwise only when
    the flagged spelling is unattested in English (Sakashvili/Saakashvili, not Sena/Senka)
    or the Russian aligned with it names the right one (``corrected``).
    """
    wrong_key, right_key = name_key(wrong), name_key(right)
    if wrong_key == right_key:
        return min(english_frequency(wrong), english_frequency(right)) < COMMON_WORD  # not Major/Mayor
    if _n_ng(wrong_key, right_key):
        return True
    if max(english_frequency(wrong), english_frequency(right)) >= COMMON_WORD \
            and not (corrected and english_frequency(wrong) < SLIP):
        return False  # Meta/Media; but Puten beside Putin, where the source says Путин, is a slip
    if english_frequency(wrong) >= EVERYDAY:
        return False  # Baltic beside Baltiysk, Touring beside Turing: a word of its own, not a slip
    return corrected or english_frequency(wrong) < SLIP


def _n_ng(a: str, b: str) -> bool:
    """Do two keys differ only by a g after an n (Palladius -н / -н(ь) read as -ng)?"""
    short, long = sorted((a, b), key=len)
    return any(long[:i] == short[:i] and long[i] == "g" and long[i + 1:] == short[i:]
               for i in range(1, len(long)) if long[i - 1] == "n")


def find_variants(occurrences: list[Occurrence], across_documents: bool) -> list:
    """Findings for every minority spelling of a name among ``occurrences``."""
    # A sentence-initial word alone is often an ordinary word: keep it only when the
    # same word is also capitalised inside a sentence, or the aligned source names a
    # person so spelt ("Putin announced ..." with «Путин» in the source).
    inside = {o.word for o in occurrences if not o.initial}
    occurrences = [o for o in occurrences if _kept_alone(o) or o.word in inside]
    by_word: dict[str, list[Occurrence]] = defaultdict(list)
    for occurrence in occurrences:
        by_word[occurrence.word].append(occurrence)
    findings = []
    for a, b in _candidates(sorted(by_word)):
        findings.extend(_judge(a, b, by_word, across_documents))
    return findings


def _kept_alone(o: Occurrence) -> bool:
    """Kept whatever the other occurrences of its word: not sentence-initial, beside other
    name words, or a person the aligned source names so."""
    return (not o.initial or bool(o.neighbours)
            or any(n.kind in ("person", "chinese") and supports(o.word, n) for n in o.source_names))


def _candidates(words: list[str]) -> list[tuple[str, str]]:
    """Pairs of words whose name keys are equal or one edit apart, with the same first letter.

    Words are bucketed by their key and by the key with one letter (not the first) left
    out: two keys one edit apart share a bucket, so only those pairs are compared.
    """
    buckets: dict[str, list[str]] = defaultdict(list)
    for word in words:
        key = name_key(word)
        if len(key) < 2:
            continue
        for variant in _variants(key):
            buckets[variant].append(word)
    found = set()
    for bucket in buckets.values():
        for i, a in enumerate(bucket):
            for b in bucket[i + 1:]:
                if a != b and name_key(a)[0] == name_key(b)[0] \
                        and Levenshtein.distance(name_key(a), name_key(b)) <= 1:
                    found.add((a, b) if a < b else (b, a))
    return sorted(found)


@functools.lru_cache(maxsize=100_000)
def _variants(key: str) -> frozenset[str]:
    """The key and the key with one letter (not the first) left out."""
    return frozenset({key} | {key[:i] + key[i + 1:] for i in range(1, len(key))})


def _judge(a, b, by_word, across_documents):
    occ_a, occ_b = by_word[a], by_word[b]
    docs_a = {o.document for o in occ_a}
    docs_b = {o.document for o in occ_b}
    if across_documents:
        if docs_a & docs_b:
            return []  # the document-level check reports these
    elif not docs_a & docs_b:
        return []
    if a.lower() == b.lower() or derived_form(a, b):
        return []
    context_a = set().union(*(o.neighbours for o in occ_a))
    context_b = set().union(*(o.neighbours for o in occ_b))
    shared_context = bool(context_a & context_b)
    if across_documents and not shared_context:
        return []  # Sergey in one story and Sergei in another are usually two people
    if across_documents and name_key(a) == name_key(b) and not any(o.house_style for o in occ_a + occ_b):
        return []  # two accepted romanisations in two documents: each is consistent; house style, not a slip
    if not _same_name(a, b, shared_context, source_backed=True):
        return []  # not one name whatever the source says
    if _two_people(a, b, context_a, context_b, occ_a + occ_b):
        return []  # Artem Suvorov and Artyom Sverd: one given name of two people, house style
    votes = Counter({a: len(occ_a), b: len(occ_b)})
    attested = set()
    corrected = set()  # spellings whose own source names the other one
    for word, occs in ((a, occ_a), (b, occ_b)):
        other = b if word == a else a
        for occurrence in occs:
            ru_names = occurrence.source_names
            own = [n for n in ru_names if supports(word, n)]
            rival = any(supports(other, n) for n in ru_names)
            if own and not rival:
                votes[word] += 10
                attested.add(word)
            elif rival and not own:
                votes[other] += 10
                corrected.add(word)
            elif own and best_spelling(own[0]) in (a, b):
                votes[best_spelling(own[0])] += 0.5  # both fit: the house scheme (Wikipedia) decides
    if attested == {a, b} and name_key(a) != name_key(b):
        return []  # the source names both spellings: two different names
    if _two_russian_names(a, b, occ_a + occ_b):
        return []  # Наталья and Наталия in the source: Natalya and Natalia are two names
    if not _same_name(a, b, shared_context, bool(attested)):
        return []
    if votes[a] == votes[b]:
        first_a = min((o.document, o.spot.start) for o in occ_a)
        first_b = min((o.document, o.spot.start) for o in occ_b)
        right = a if first_a <= first_b else b
    else:
        right = a if votes[a] > votes[b] else b
    wrong = b if right == a else a
    if not _plausible_variant(wrong, right, wrong in corrected):
        return []
    findings = []
    right_occurrences = occ_a if right == a else occ_b
    right_files = sorted({o.spot.path for o in right_occurrences})
    right_places = tuple(o.place for o in right_occurrences)[:RELATED_LIMIT]
    right_context = context_a if right == a else context_b
    for occurrence in (occ_b if wrong == b else occ_a):
        if across_documents and not occurrence.neighbours & right_context:
            continue  # Sergey Burgazliev is not the Sergei Tokarev of another story
        source = occurrence.spot.evidence.text if occurrence.spot.evidence else ""
        if re.search(r"\b" + re.escape(wrong) + r"\b", source):
            continue  # the source itself writes it so, in Latin letters (Groote Kerk beside de Klerk)
        kind = "romanisation" if name_key(a) == name_key(b) else "spelling"
        shown = ", ".join(path_from(f, occurrence.spot.path) for f in right_files[:3]) + \
            (f" and {len(right_files) - 3} more" if len(right_files) > 3 else "")
        where = "" if not across_documents else f" in {shown}"
        message = (f"'{wrong}' and '{right}' look like one name in two {kind}s "
                   f"('{right}' is used {len(by_word[right])} time(s){where})")
        findings.append(occurrence.spot.finding(CODE, SEVERITY, message, replacement=right,
                                                related=right_places))
    return findings


def _two_people(a: str, b: str, context_a: set, context_b: set, occurrences: list[Occurrence]) -> bool:
    """Two romanisations of one given name (the aligned source reads it as a given name
    the dictionary knows: Артем), each always beside other names and never beside the
    same one (Artem Suvorov ... Artyom Sverd): people who share a given name, told apart
    by their surnames. No surname is spelt two ways, so, as across documents, the two
    schemes are a house-style matter, reported only with ``house_style = true``; a given
    name that also stands alone may be either person and stays reported, and so does a
    surname (Beauty Bramell ... Krasavchik Bramel)."""
    if name_key(a) != name_key(b) or any(o.house_style for o in occurrences):
        return False
    if not (context_a and context_b and not context_a & context_b and all(o.neighbours for o in occurrences)):
        return False
    return any(supports(o.word, n) and is_given_name(n) for o in occurrences for n in o.source_names)


def _two_russian_names(a: str, b: str, occurrences: list[Occurrence]) -> bool:
    """Does the aligned source name two different Russian names the dictionary knows, one
    for each spelling (Наталья Петрова and Наталия Смирнова as Natalya and Natalia)? The
    translation keeps two names apart, as the source does: not one name spelt two ways."""
    ru = {n.word: n for o in occurrences for n in o.source_names if n.kind == "person" and in_dictionary(n.word)}
    lemmas_a = {parses(w)[0].normal_form for w, n in ru.items() if supports(a, n)}
    lemmas_b = {parses(w)[0].normal_form for w, n in ru.items() if supports(b, n)}
    return len(lemmas_a | lemmas_b) > 1


def check(pair: Pair):
    return find_variants(pair.facts.once(CODE, _occurrences), across_documents=False)


def check_corpus(documents: list[Summary]):
    """Spellings of one name in different documents (the summaries in document order).

    Candidate pairs are first filtered on the word index with the tests ``_judge`` starts
    with (never in one document together, not a derived form, a shared neighbour, one
    name by its spelling); only the occurrences of the words left are unpacked.
    """
    inside = {word for summary in documents for word, (_, _, here, _) in summary.words.items() if here}
    found_in: dict[str, set] = defaultdict(set)
    context: dict[str, set] = defaultdict(set)
    for number, summary in enumerate(documents):
        for word, (kept, alone, _, neighbours) in summary.words.items():
            if kept or (alone and word in inside):
                found_in[word].add(number)
                context[word] |= neighbours
    wanted = set()
    for a, b in _candidates(sorted(found_in)):
        if found_in[a] & found_in[b] or a.lower() == b.lower() or derived_form(a, b):
            continue
        if context[a] & context[b] and _same_name(a, b, True, source_backed=True):
            wanted |= {a, b}
    occurrences = [o._replace(document=number) for number, summary in enumerate(documents)
                   if not wanted.isdisjoint(summary.words)
                   for o in pickle.loads(zlib.decompress(summary.packed)) if o.word in wanted]
    return find_variants(occurrences, across_documents=True)
