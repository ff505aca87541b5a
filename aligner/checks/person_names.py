"""NAM001 name-rendered-two-ways: one person or place spelled two ways.

What it does
    Collects the capitalised Latin words of the English text and finds pairs that are
    one name spelled two ways: the same name under two romanisation schemes
    (Sergei/Sergey, Yevgeny/Evgeny, Tokayev/Tokaev) or a one-letter slip (Zhang Ming ...
    Zhang Min). Every occurrence of the minority spelling is flagged, suggesting the
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

from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from aligner.checks.base import Pair
from aligner.names import best_spelling, name_key, name_mentions, russian_names, supports

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

# Endings that make another word from a name (Russia/Russian, Nation/Nations, Ivanov/Ivanova).
DERIVED_ENDINGS = ("s", "'s", "’s", "n", "an", "ian", "ese", "i", "ic", "ns", "a", "ya", "aya", "ite", "ites", "y")


@dataclass(frozen=True)
class Occurrence:
    """One capitalised word in one English document."""

    pair_index: int
    start: int
    end: int
    word: str
    neighbours: frozenset[str]
    sentence_index: int
    initial: bool


def _derived(a: str, b: str) -> bool:
    short, long = sorted((a.lower(), b.lower()), key=len)
    if long.startswith(short) and long[len(short):] in DERIVED_ENDINGS:
        return True
    # Ivanov/Ivanova-type and adjective pairs: same stem, different ending vowel.
    return short[:-1] == long[:-1] and {short[-1], long[-1]} <= set("aeiouy") and len(short) < 6


def _occurrences(pairs: list[Pair]) -> list[Occurrence]:
    found = []
    for index, pair in enumerate(pairs):
        for number, sentence in enumerate(pair.en_sentences):
            if sentence.lang not in ("", "en"):
                continue
            for mention in name_mentions(sentence.text):
                words = mention.words
                for position, (start, end, word) in enumerate(words):
                    neighbours = frozenset(w for i, (_, _, w) in enumerate(words) if i != position)
                    found.append(Occurrence(index, sentence.start + start, sentence.start + end,
                                            word, neighbours, number,
                                            mention.sentence_initial and position == 0))
    return found


def _same_name(a: str, b: str, shared_context: bool, source_backed: bool) -> bool:
    """Are ``a`` and ``b`` (different spellings) one name?

    Two romanisations of one Russian spelling always are. A one-letter slip is taken
    for one name only when both spellings stand beside the same other name (Zhang Ming
    / Zhang Min) or when the Russian source names one of them (so ordinary words such
    as Chapter/Charter are left alone).
    """
    if a.lower() == b.lower() or _derived(a, b):
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


def _source_support(pairs: list[Pair], occurrence: Occurrence) -> tuple[list, list]:
    """Russian name words aligned to the occurrence's sentence, and those sentences."""
    pair = pairs[occurrence.pair_index]
    if pair.ru is None:
        return [], []
    for ru_sentences, en_sentences, bead in pair.aligned():
        if occurrence.sentence_index in bead.en:
            names = [n for s in ru_sentences for n in russian_names(s.text)]
            return names, ru_sentences
    return [], []


def find_variants(pairs: list[Pair], across_documents: bool) -> list:
    """Findings for every minority spelling of a name in ``pairs``."""
    occurrences = _occurrences(pairs)
    # A sentence-initial word alone is often an ordinary word: keep it only when the
    # same word is also capitalised inside a sentence.
    inside = {o.word for o in occurrences if not o.initial}
    occurrences = [o for o in occurrences if not o.initial or o.neighbours or o.word in inside]
    by_word: dict[str, list[Occurrence]] = defaultdict(list)
    for occurrence in occurrences:
        by_word[occurrence.word].append(occurrence)
    words = sorted(by_word)
    by_initial: dict[str, list[str]] = defaultdict(list)
    for word in words:
        key = name_key(word)
        if key:
            by_initial[key[0]].append(word)
    findings = []
    for group in by_initial.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                findings.extend(_judge(pairs, a, b, by_word, across_documents))
    return findings


def _judge(pairs, a, b, by_word, across_documents):
    occ_a, occ_b = by_word[a], by_word[b]
    docs_a = {o.pair_index for o in occ_a}
    docs_b = {o.pair_index for o in occ_b}
    if across_documents:
        if docs_a & docs_b:
            return []  # the document-level check reports these
    elif not docs_a & docs_b:
        return []
    context_a = set().union(*(o.neighbours for o in occ_a))
    context_b = set().union(*(o.neighbours for o in occ_b))
    if a.lower() == b.lower() or _derived(a, b) or name_key(a)[:1] != name_key(b)[:1]:
        return []
    votes = Counter({a: len(occ_a), b: len(occ_b)})
    attested = set()
    for word, occs in ((a, occ_a), (b, occ_b)):
        other = b if word == a else a
        for occurrence in occs:
            ru_names, _ = _source_support(pairs, occurrence)
            own = [n for n in ru_names if supports(word, n)]
            rival = any(supports(other, n) for n in ru_names)
            if own and not rival:
                votes[word] += 10
                attested.add(word)
            elif rival and not own:
                votes[other] += 10
            elif own and best_spelling(own[0]) in (a, b):
                votes[best_spelling(own[0])] += 0.5  # both fit: the house scheme (Wikipedia) decides
    if attested == {a, b} and name_key(a) != name_key(b):
        return []  # the source names both spellings: two different names
    if not _same_name(a, b, bool(context_a & context_b), bool(attested)):
        return []
    if votes[a] == votes[b]:
        first_a = min((o.pair_index, o.start) for o in occ_a)
        first_b = min((o.pair_index, o.start) for o in occ_b)
        right = a if first_a <= first_b else b
    else:
        right = a if votes[a] > votes[b] else b
    wrong = b if right == a else a
    findings = []
    right_files = sorted({pairs[o.pair_index].en.path for o in (occ_a if right == a else occ_b)})
    where = "" if not across_documents else f" in {', '.join(right_files)}"
    for occurrence in (occ_b if wrong == b else occ_a):
        pair = pairs[occurrence.pair_index]
        _, evidence = _source_support(pairs, occurrence)
        kind = "romanisation" if name_key(a) == name_key(b) else "spelling"
        message = (f"'{wrong}' and '{right}' look like one name in two {kind}s "
                   f"('{right}' is used {len(by_word[right])} time(s){where})")
        findings.append(pair.finding(CODE, SEVERITY, occurrence.start, occurrence.end, message,
                                     suggestion=right, evidence=evidence or None))
    return findings


def check(pair: Pair):
    return find_variants([pair], across_documents=False)


def check_corpus(pairs: list[Pair]):
    return find_variants(pairs, across_documents=True)
