"""A source term from the termbase or a glossary that the translation does not render.

What it does:
    Finds every termbase and glossary term in the Russian source, in any inflected
    form (pymorphy3 lemmas; a capitalised word inside a sentence is matched to a
    lowercase term only by its surface form, so the name "Мин" is not the noun
    "мина"), and reports the aligned English sentence when it contains none of the
    term's accepted renderings: canonical name, variants, former names or acronym.
    Bodies of the CSTO, CIS and SCO whose Russian names are generic ("Секретариат",
    "Парламентская ассамблея") count only when their organisation is named beside them.
    When ENT001, ENT002 or ACR001 already reports the wrong or garbled rendering of the
    body, this rule stays silent; so it does when the word before the term names another
    country than the body's («американского минфина» is the US Treasury).

Why is this bad?
    A body or term of art that disappears or is paraphrased in translation breaks
    terminology consistency and may hide an omission.

Example:
    Source ``… с Контртеррористическим управлением ООН``; translation ``… with the UN
    Counter-Terrorism Committee``: the Office of Counter-Terrorism (UNOCT) is missing.
"""

from __future__ import annotations

import re
from typing import Iterable

from aligner.entities.bodies import (follows_a_unit, source_decisions, subject_words, swapped_bodies,
                                    transliterated_acronyms)
from aligner.records import Pair
from aligner.entities.places import place_table, russian_places
from aligner.entities.romanise import latin_words, name_key, romanisations, russian_keys
from aligner.records import Finding
from aligner.tables import read_table

CODE = "TRM001"
NAME = "source-term-not-rendered"
SEVERITY = "warning"
SUMMARY = "A termbase or glossary term in the source has no accepted rendering in the translation."
EXAMPLES = [
    # constructed for this rule
    ("Мы сотрудничаем с Контртеррористическим управлением ООН.",
     "We cooperate with the UN Counter-Terrorism Committee.", True),
    ("Мы сотрудничаем с Контртеррористическим управлением ООН.",
     "We cooperate with the UN Office of Counter-Terrorism.", False),
    # the name Мин is not a form of the noun мина: no term here
    ("Генеральный секретарь ШОС Чжан Мин выступил в Совбезе.",
     "SCO Secretary-General Zhang Ming spoke at the Security Council.", False),
]


def check(pair: Pair) -> Iterable[Finding]:
    analysis = pair.facts.bodies
    termbase = analysis.termbase
    misses: dict[tuple[str, ...], list] = {}  # one finding per term and document
    for bead in analysis.beads:
        for match, entries in _unrendered(termbase, bead):
            misses.setdefault(tuple(sorted(e.id for e in entries)), []).append(
                (bead, match, entries))
    for found in misses.values():
        bead, match, entries = found[0]
        accepted = list(dict.fromkeys(r for e in entries for r in e.renderings))
        first, last = bead.target[0].sentence, bead.target[-1].sentence
        shown = ", ".join(accepted[:4]) + (", …" if len(accepted) > 4 else "")
        later = len(found) - 1
        also = f" (also in {later} later sentence{'s' if later > 1 else ''})" if later else ""
        yield pair.finding(
            CODE, SEVERITY, first.start, last.end,
            f"the source names «{match.text}» ({termbase.display(entries[0])}), but the "
            f"translation has none of its renderings: {shown}{also}",
            advice=f"check the rendering of «{match.text}»: use {entries[0].en}",
            evidence=bead.source)


def _kept_romanised(russian: str, bead) -> bool:
    """Does the English of the bead write the one-word Russian term in Latin letters
    (any romanisation scheme, any case form: «Минцифры» as "Mintsifry", "MinTsifry")?"""
    if " " in russian.strip() or russian.isupper():
        return False  # an acronym romanised is ACR001's to report
    keys = russian_keys(russian)
    return any(name_key(word.group()) in keys for item in bead.target for word in latin_words(item.text))


_NEXT_WORD = re.compile(r"\s*(\w+)")


def _another_countrys(match, entries, bead) -> bool:
    """Is a ministry named bare in the source («МИДе», no country) rendered as the same
    ministry of another country ("the Foreign Office")? Every country has a «МИД»."""
    after = _NEXT_WORD.match(" ".join(s.text for s in bead.source), match.end)
    if russian_places(match.term.text) or (after and russian_places(after.group(1))):
        return False  # «МИД России» says whose
    return any(entry.kind == "ministry" and other.kind == "ministry" and other.id != entry.id
               and subject_words(entry) & subject_words(other)
               for entry in entries for other in bead.en_entries.values())


def _by_its_countrys_acronym(match, bead) -> bool:
    """Is another country's body («МЧС РА») named in the English by an acronym next to that
    country's name or abbreviation ("the RA MES", "the MES of Armenia")? That is the body's
    own English acronym, which the termbase (holding only the Russian namesake) does not know."""
    after = _NEXT_WORD.match(" ".join(s.text for s in bead.source), match.end)
    places = russian_places(after.group(1)) if after else frozenset()
    if not places:
        return False
    names = {name for i in places for name in place_table()[i].english}
    if after.group(1).isupper():
        names |= romanisations(after.group(1))  # РА -> RA, ФРГ -> FRG
    country = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    english = " ".join(item.sentence.text for item in bead.target)
    return re.search(rf"\b(?:{country})\s+[A-Z]{{2,}}\b|\b[A-Z]{{2,}}\s+of\s+(?:the\s+)?(?:{country})\b",
                     english) is not None


_PREVIOUS_WORD = re.compile(r"(\w+)\W*$")


def _foreign_adjective_before(termbase, match, entries, bead) -> bool:
    """Does the word before the term name a country other than the one its body belongs
    to («американского минфина», «британского МИДа»)? Then the body is that country's
    namesake, which the termbase does not hold."""
    source = " ".join(s.text for s in bead.source)
    before = _PREVIOUS_WORD.search(source[max(0, match.start - 40):match.start])
    if before is None:
        return False
    table = place_table()
    countries = [table[i] for i in russian_places(before.group(1))
                 if not table[i].capital_of and not table[i].continent]
    if not countries:
        return False
    for entry in entries:
        root = termbase.root(entry)
        own = {root.en, *root.acronyms, *root.variants}
        if root.kind != "country" or any(own & set(country.english) for country in countries):
            return False
    return True


def _named_without_its_country(termbase, entries, bead) -> bool:
    """Does the English name the body by one of its names without its country or
    organisation, in two words or more ("the central bank" for «ЦБ», the Central Bank of
    Russia)? English names a body so once the country is clear."""
    padded = f" {bead.en_norm} "
    return any(len(key.split()) >= 2 and f" {key} " in padded
               for entry in entries for key in {termbase.bare_key(entry, name) for name in entry.names})


def _owner_of_a_unit(match, entries, bead) -> bool:
    """Does the term follow a noun that names a unit of a body («пресс-службе регионального
    главка МВД»; ``data/body_units.tsv``), and does the English name that unit by what
    English calls the body's units ("the regional police directorate";
    ``data/unit_renderings.tsv``)? The term then says whose unit the sentence names. A
    unit left without any trace of its body ("the Russian Federation Regional Office"
    for «регионального управления СК РФ») is still reported."""
    if not follows_a_unit(" ".join(s.text for s in bead.source), match.start):
        return False
    ids = {e.id for e in entries}
    words = {row["english"] for row in read_table("unit_renderings.tsv") if row["body"] in ids}
    english = {w.lower() for item in bead.target for w in re.findall(r"[A-Za-z]+", item.sentence.text)}
    return bool(words & english)


def _unrendered(termbase, bead):
    """(match, bodies) for source terms of the bead that its English does not render and
    that no other rule explains."""
    if not bead.target:
        return  # an omitted sentence is reported by the alignment rules
    if not bead.matches:
        return  # no source term: most beads
    named = {e.id for e, _ in source_decisions(termbase, bead).values()}
    named |= {meant.id for _, _, meant, _ in swapped_bodies(termbase, bead)}
    romanised = {e.id for item in bead.target for word in item.sentence.text.split()
                 for e in transliterated_acronyms(termbase).get(word.strip(",.;:()"), ())}
    seen = set()
    for number, (match, entries) in enumerate(bead.matches):
        if number in bead.foreign and any(bead.rendered_loosely(e) for e in entries):
            continue  # "МИД Великобритании": the Foreign Office, named the British way
        if number in bead.foreign and _by_its_countrys_acronym(match, bead):
            continue  # «МЧС РА» as "RA MES": Armenia's ministry by its own acronym
        if any(bead.rendered(e) for e in entries):
            continue
        if any(e.id in named or e.id in romanised for e in entries):
            continue  # ENT001, ENT002 or ACR001 reports the wrong or garbled rendering
        if _kept_romanised(match.text, bead):
            continue  # "MinTsifry" for «Минцифры»: the Russian name kept, romanised
        if _another_countrys(match, entries, bead):
            continue  # «МИДе» rendered "the Foreign Office": the Russian does not say whose
        if _foreign_adjective_before(termbase, match, entries, bead):
            continue  # «американского минфина»: the US Treasury, not Russia's ministry
        if _named_without_its_country(termbase, entries, bead):
            continue  # "the central bank" for «ЦБ»: the body's name without "of Russia"
        if _owner_of_a_unit(match, entries, bead):
            continue  # «регионального главка МВД»: "the regional police directorate" names the unit
        key = tuple(sorted(e.id for e in entries))
        if key not in seen:
            seen.add(key)
            yield match, entries
