"""A real body named where the Russian source names a different one.

What it does:
    Compares, bead by bead, the bodies named in the aligned Russian sentences
    (termbase and glossary names, any inflected form) with the bodies named in the
    English. Reports an English name of a real body that the source does not name
    when the source names, instead, a body of the same kind (same head noun:
    Ministry, Office, Committee, …) that the English leaves out.

Why is this bad?
    The name is real, so no spell checker or reviewer skimming for odd names will
    catch it, yet the text now attributes a statement or an agreement to the wrong
    institution.

Example:
    Source ``Министерство обороны сообщило …``; translation ``The Ministry of Finance
    reported …``: the source names the Ministry of Defence.
"""

from __future__ import annotations

from typing import Iterable

from aligner.entities.bodies import swapped_bodies
from aligner.records import Finding, Pair

CODE = "ENT002"
NAME = "body-contradicts-source"
SEVERITY = "error"
SUMMARY = "An English body name that the Russian source contradicts."
EXAMPLES = [
    # constructed for this rule
    ("Министерство обороны России сообщило об учениях.",
     "The Russian Ministry of Finance reported on the exercises.", True),
    ("Министерство обороны России сообщило об учениях.",
     "The Russian Defence Ministry reported on the exercises.", False),
    # corpus/ru/000 line 17 (a reconstruction) with a corrected rendering of corpus/en/000
    ("Поддерживаем развитие сотрудничества между Региональной антитеррористической структурой "
     "ШОС и Контртеррористическим управлением Организации Объединенных Наций.",
     "We support the development of co-operation between the SCO Regional Anti-Terrorist "
     "Structure and the United Nations Office of Counter-Terrorism.", False),
]


def check(pair: Pair) -> Iterable[Finding]:
    analysis = pair.facts.bodies
    termbase = analysis.termbase
    for bead in analysis.beads:
        for item, mention, meant, words in swapped_bodies(termbase, bead):
            entry = mention.entries[0]
            yield pair.finding(
                CODE, SEVERITY, item.sentence.start + mention.start,
                item.sentence.start + mention.end,
                f"'{mention.text}' is {termbase.display(entry)}, but the source names "
                f"«{words}»: {termbase.display(meant)}",
                replacement=_replacement(termbase, mention, meant), evidence=bead.source)


def _replacement(termbase, mention, meant) -> str:
    """The mention rewritten with the meant body's name in the same shape.

    "Russian Ministry of Finance" -> "Russian Ministry of Defence", "Finance Ministry"
    -> "Defence Ministry": the longest name of the wrong body found in the mention is
    replaced by the meant body's name with the most similar word order.
    """
    if mention.form == "acronym":
        return meant.acronyms[0] if meant.acronyms else meant.en
    wrong = mention.entries[0]
    names = sorted({n for e in (wrong,) for n in e.names} | {termbase.bare_name(wrong)},
                   key=len, reverse=True)
    found = next((n for n in names if n in mention.text), None)
    if found is None:
        return meant.en
    options = set(meant.names) | {termbase.bare_name(meant)}
    shape = _shape(found)
    best = min(options, key=lambda n: (_shape(n) != shape, abs(len(n.split()) - len(found.split())),
                                       len(n)))
    return mention.text.replace(found, best)


def _shape(name: str) -> tuple[int, bool]:
    """Where the head noun stands: ("Ministry of X") vs ("X Ministry")."""
    words = name.split()
    return (len(words) > 1 and words[0].lower() in ("ministry", "office", "department", "committee",
                                                    "council", "commission", "agency"),
            len(words) > 1 and words[-1].lower() in ("ministry", "office", "committee", "council"))
