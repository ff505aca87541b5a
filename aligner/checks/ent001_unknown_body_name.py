"""A name that reads like a body's name but is the name of no real body.

What it does:
    Finds runs of capitalised words built like an institution's name (a head noun such
    as Office, Department, Directorate, Committee, Ministry, Council, Centre, Structure)
    that match none of the names, variants or former names in the termbase or the
    user's glossaries, and reports those that claim to belong to a known organisation
    ("UN Office for …", "SCO … Body") or come very close to a real name. The nearest
    real bodies are ranked with rapidfuzz (shape of the name and its subject words).
    With a Russian source, the body the aligned Russian sentence names decides which
    one was meant. A name that claims no organisation and that the source does not
    decide is only close in spelling to a listed body (the termbase cannot list every
    country's bodies): reported as a ``warning``.
    Not reported: a short name in the body's own words where the source gives only its
    acronym ("Ministry of Emergencies" for «МЧС»), another country's namesake body
    («МЧС РА»), a unit of the body named the English way.

Why is this bad?
    A garbled or invented body name sends the reader to an institution that does not
    exist; in diplomatic text it is a factual error that discredits the whole document.

Example:
    ``cooperation with … the UN Office for the Coordination of Terrorism`` — no such
    office; the nearest real bodies are the Office for the Coordination of
    Humanitarian Affairs (OCHA) and the Office of Counter-Terrorism (UNOCT).
"""

from __future__ import annotations

from typing import Iterable

from aligner.entities.bodies import (head, head_of, loose_words, named_as_another_countrys, names_a_unit_of,
                                    source_decisions)
from aligner.entities.termbase import Termbase
from aligner.entities.terms import CONNECTORS, GENERIC, HEADS, Entry
from aligner.records import Finding, Pair

CODE = "ENT001"
NAME = "unknown-body-name"
SEVERITY = "error"
SUMMARY = "A body's name that matches no real body in the termbase."
OPTIONS = {"scoped_threshold": 60.0, "unscoped_threshold": 88.0, "suggestion_margin": 10.0}
EXAMPLES = [
    # excerpts of corpus/en/000_eee432a0b58034d3.txt lines 19 and 13 (founding sources)
    ("", "We also believe that it is very promising to have cooperation between the SCO "
         "Secretariat and ESCAP, UNESCO, FAO, the World Tourism Organization, the UN Office "
         "for the Coordination of Terrorism.", True),
    ("", "the CIS Anti-Terrorism Center is maintaining contacts with the UN Office of "
         "Counter-Terrorism, the Counter-Terrorism Committee Executive Directorate (CTED).",
     False),
    # constructed for this rule
    ("Сотрудничество с Управлением ООН по координации гуманитарных вопросов.",
     "Cooperation with the UN Office for the Coordination of Terrorism.", True),
    # constructed: an unknown body of no organisation in the termbase is not reported
    ("", "The Ministry of Tourism of Crimea reported on Monday.", False),
]


def check(pair: Pair) -> Iterable[Finding]:
    options = {**OPTIONS, **pair.options.get(CODE, {})}
    analysis = pair.facts.bodies
    termbase = analysis.termbase
    for item in analysis.sentences:
        if not item.unknown:
            continue  # no unknown body name: most sentences
        bead = analysis.bead_of.get(item.index)
        decided = source_decisions(termbase, bead) if bead is not None else {}
        for span in item.unknown:
            scope = span.scope
            where = f"any {scope.acronyms[0] if scope.acronyms else scope.en} body" if scope \
                else "any body in the termbase"
            if span in decided:
                entry, words = decided[span]
                if named_as_another_countrys(bead, entry):
                    continue  # «МЧС РА»: Armenia's ministry, named its own way, not the termbase's EMERCOM
                if names_a_unit_of(bead, entry) and head_of(span.text) != head(entry):
                    continue  # «ГУ МЧС России по ... области» as "Emergency Situations Department of ...": the unit
                if spells_out_an_acronym(termbase, span.text, entry, words):
                    continue  # "Ministry of Emergencies" for «МЧС»: a short name in the body's own words
                replacement = termbase.bare_name(entry) if scope else entry.en
                message = (f"'{span.text}' is not the name of {where}; the source names "
                           f"«{words}»: {termbase.display(entry)}")
                # "Ministry of Economics" for «Министерства экономического развития»: a loose short name
                severity = "warning" if shortened_name(termbase, span.text, entry) else SEVERITY
                yield pair.finding(CODE, severity, item.sentence.start + span.start,
                                   item.sentence.start + span.end, message,
                                   replacement, evidence=bead.source)
                continue
            near = termbase.nearest(span.text, scope, limit=3)
            if not near:
                continue
            best = near[0][1]
            claimed = scope is not None and scope.kind == "org"  # a country has bodies untold
            if not claimed and bead is not None and bead.source:
                continue  # the aligned source names no termbase body: a body the termbase lacks
            threshold = options["scoped_threshold"] if claimed else options["unscoped_threshold"]
            if best < threshold:
                continue
            root = termbase.root(near[0][0])
            if root.kind != "org" and (scope is None or scope.id != root.id):
                continue  # "Ministry of Economics" of some country: not ours to judge
            chosen = [e for e, score in near if score >= best - options["suggestion_margin"]]
            message = (f"'{span.text}' is not the name of {where}; nearest real: "
                       + "; ".join(termbase.display(e) for e in chosen))
            replacement = advice = None
            if len(chosen) == 1:
                replacement = termbase.bare_name(chosen[0]) if scope else chosen[0].en
            else:
                advice = "check which body is meant: " + " or ".join(
                    termbase.bare_name(e) if scope else e.en for e in chosen)
            # a name that claims no organisation may be a body the termbase does not list
            # ("Joint Forces Staff" of Ukraine's forces): only close in spelling, worth a look
            severity = SEVERITY if claimed else "warning"
            yield pair.finding(CODE, severity, item.sentence.start + span.start,
                               item.sentence.start + span.end, message, replacement, advice=advice,
                               evidence=bead.source if bead is not None else None)


def _subject(text: str) -> set[str]:
    """The words of a body's name that say what it is about (singular: Economics -> economic)."""
    return {w for w in loose_words(text) if w not in HEADS | CONNECTORS | GENERIC}


def shortened_name(termbase: Termbase, text: str, entry: Entry) -> bool:
    """The English names the body the source names by a part of its name: the same head
    noun and fewer subject words, none of them new ("Ministry of Economics" for the
    Ministry of Economic Development, «Министерства экономического развития»). A writer's
    short name for a known body is loose, not wrong: worth a look, not an error. A garble
    keeps every word (Office for / of Counter-Terrorism; Council of Collective Security)
    or brings another body's word. The organisation a name carries (CSTO Collective
    Security Council) is no word of the body's own."""
    words = _subject(text)
    return bool(words) and head_of(text) == head(entry) and any(
        words < _subject(termbase.bare_key(entry, name)) for name in entry.names)


def spells_out_an_acronym(termbase: Termbase, text: str, entry: Entry, words: str) -> bool:
    """Does the source name the body by its acronym alone («МЧС»), and the English by a short
    name in the body's own words (``shortened_name``: "Ministry of Emergencies", from the
    Ministry for Civil Defence, Emergencies and ...)? An acronym names no long form for the
    English to keep: spelling it out short is a rendering, not a slip."""
    return words in entry.ru_acronyms and shortened_name(termbase, text, entry)
