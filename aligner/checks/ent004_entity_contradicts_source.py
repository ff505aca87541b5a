"""A country, city, organisation, news outlet or company the source does not name, where it names another.

What it does:
    Finds the gazetteer entities (``aligner/data/gazetteer.tsv``: countries with their
    adjectives and demonyms, cities, international organisations, news outlets,
    companies and banks) in each aligned pair of sentences, in any Russian case form.
    Reports an English entity that the Russian of its bead and of the beads next to
    it does not name, when the Russian of the bead names exactly one entity of the
    same kind that the English of the bead lacks, or, when it lacks none, exactly one
    that the source names more times than the English ("Президент России … ВМФ России"
    rendered "Italian President … the Russian Navy"); the replacement puts that one in,
    in the same shape ("Kazakh" -> "Russian", "Turkey" -> "Egypt").

    It abstains, for these reasons:

    - *another valid form*: an adjective or demonym names its country ("Egyptian" for
      «Египет»); a former or variant name, or a state a part belongs to, names the
      related one (the Soviet Union for «Россия», England for «Великобритания»,
      "Korea" for either Korea) — the ``related`` column;
    - *metonymy*: a capital for its state ("Moscow" for «Россия», "Washington said"):
      a city and a country are different kinds, never compared;
    - *a list*: two or more unmatched entities of one kind on either side (the pairing
      is ambiguous);
    - *unaligned*: sentences the aligner paired with nothing (additions, omissions);
    - *moved*: the English entity named by a neighbouring Russian sentence
      (alignment is not perfect, translators move phrases).

Why is this bad?
    The name is real and spelt right, so nothing in the English looks wrong, yet the
    text now places the event in the wrong country or credits the wrong agency.

Example:
    Source ``Рейсы в Египет возобновятся, сообщил ТАСС.``; translation ``Flights to
    Turkey will resume, TASS reported.``: "Turkey" is reported, replacement "Egypt".
"""

from __future__ import annotations

import functools
from typing import Iterable

from aligner.entities.gazetteer import Mention, english_mentions, gazetteer, russian_mentions
from aligner.records import Finding, Pair

CODE = "ENT004"
NAME = "entity-contradicts-source"
SEVERITY = "error"
SUMMARY = "A country, city, organisation, outlet or company the aligned source replaces with another."
EXAMPLES = [
    # constructed for this rule (the examples)
    ("Рейсы в Египет возобновятся, сообщил ТАСС.", "Flights to Turkey will resume, TASS reported.", True),
    ("Рейсы в Египет возобновятся, сообщил ТАСС.", "Flights to Egypt will resume, TASS reported.", False),
    ("Контракт получила российская компания.", "The contract went to a Kazakh company.", True),
    ("Контракт получила российская компания.", "The contract went to a Russian company.", False),
    ("Об этом сообщило агентство «Интерфакс».", "This was reported by TASS.", True),
    # metonymy and lists: abstentions
    ("Россия заявила протест.", "Moscow lodged a protest.", False),
    ("В СССР и в Китае это запрещали.", "It was banned in Russia and China.", False),
]
NEIGHBOURS = 1  # beads on each side whose names count as "named nearby"


def check(pair: Pair) -> Iterable[Finding]:
    if pair.source is None or not pair.beads:
        return
    table = gazetteer()
    beads = list(pair.aligned())
    english = [[(s, m) for s in en for m in english_mentions(s.text)] for _, en, _ in beads]
    # Russian mentions only of the beads near an English mention (looked up once each).
    russian = _Lazy(lambda k: [(s, m) for s in beads[k][0] for m in russian_mentions(s.text)])
    for index, (ru, en, bead) in enumerate(beads):
        if not ru or not en or not english[index]:
            continue  # unaligned, or no English mention here to be wrong (the common case)
        window = range(max(0, index - NEIGHBOURS), min(len(beads), index + NEIGHBOURS + 1))
        ru_near = _related({i for k in window for _, m in russian[k] for i in m.ids})
        en_here = _related({i for _, m in english[index] for i in m.ids})
        for kind in ("country", "city", "org", "outlet", "company"):
            wrong = [(s, m) for s, m in english[index]
                     if _kind(m, table) == kind and not m.ids & ru_near]
            meant = [(s, m) for s, m in russian[index]
                     if _kind(m, table) == kind and not m.ids & en_here]
            if not meant and len({m.ids for _, m in wrong}) == 1:
                meant = _fewer(kind, table, russian[index], english[index])
            if len({m.ids for _, m in wrong}) != 1 or len({m.ids for _, m in meant}) != 1:
                continue  # nothing to compare, or a list
            right = table.entities[min(meant[0][1].ids)]
            for sentence, mention in wrong:
                start = sentence.start + mention.start
                yield pair.finding(
                    CODE, SEVERITY, start, start + len(mention.text),
                    f"the source does not name “{mention.text}” here; it names "
                    f"«{meant[0][1].text}» ({right.name_like(False)})",
                    right.name_like(mention.adjective), evidence=ru)


class _Lazy(dict):
    """index -> ``make(index)``, made when first read."""

    def __init__(self, make):
        super().__init__()
        self._make = make

    def __missing__(self, index):
        value = self[index] = self._make(index)
        return value


def _fewer(kind: str, table, russian: list, english: list) -> list:
    """Russian mentions of the one entity of ``kind`` the English names fewer times than the source.

    "Президент России ... ВМФ России" rendered "Italian President ... the Russian Navy":
    Russia is named twice in the source, once in the English, so the English entity the
    source does not name replaced one of them.
    """
    def counts(mentions):
        found: dict = {}
        for _, m in mentions:
            if _kind(m, table) == kind:
                found.setdefault(m.ids, []).append(m)
        return found

    source, target = counts(russian), counts(english)
    short = [ids for ids, mentions in source.items()
             if len(mentions) > sum(len(v) for k, v in target.items() if k & _related(set(ids)))]
    return [(None, source[short[0]][0])] if len(short) == 1 else []


def _kind(mention: Mention, table) -> str:
    return table.entities[min(mention.ids)].kind


def _related(ids: set[str]) -> set[str]:
    """The ids and every id related to one of them (both directions)."""
    return ids | {r for i in ids for r in _links().get(i, ())}


@functools.lru_cache(maxsize=1)
def _links() -> dict:
    links: dict[str, set] = {}
    for entity in gazetteer().entities.values():
        for other in entity.related:
            links.setdefault(entity.id, set()).add(other)
            links.setdefault(other, set()).add(entity.id)
    return links
