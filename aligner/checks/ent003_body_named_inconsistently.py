"""One body named several ways across a document or the whole corpus.

What it does:
    Collects every English name of every termbase body (not of whole organisations,
    which are often described rather than named: "the World Organization", "the
    Commonwealth") in all the documents checked
    together: its canonical name, accepted variants, former names and non-canonical
    near misses (spans that ENT001 would attribute to it, such as "UN Office for
    Counter-Terrorism"). Names are compared without their organisation qualifier, so
    "UN Office of Counter-Terrorism" and "United Nations Office of Counter-Terrorism"
    are the same form, and acronyms are not counted as a different form. A body named
    in three or more forms, or in two when one is a former name or not a real name,
    gets one finding that lists every form and the files it is used in (with counts;
    no line numbers, so that a baseline still matches when text moves), suggesting the
    canonical name. The finding points at the first occurrence of a non-canonical form.
    When every form is an accepted name, only a document that uses two of them is
    inconsistent (separate articles may each keep to one): the finding points there.
    Not counted: a near miss where the aligned source names other bodies (a unit of
    one: "Central Board" for «главка МВД»), a body the source names with another
    country after it («МЧС РА»).
    A body of the UN system written with a spelling its own names never use ("UN
    Environment Program": the name is United Nations Environment Programme) is reported
    at each occurrence: UN names are proper names with one, British, spelling. The US
    spellings of national bodies ("Ministry of Defense") are accepted usage and pass.

Why is this bad?
    Readers (and search, and translation memories) take different names for
    different bodies; an institutional text should name each body one way.

Example:
    ``UN Office of Counter-Terrorism`` (000, twice), ``UN Office for Counter-Terrorism``
    (000), ``UN Counter-Terrorism Office`` (001): one office, three names.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from aligner.entities.bodies import named_as_another_countrys, names_other_bodies
from aligner.entities.terms import spelling
from aligner.records import Finding, Pair, Spot, path_from

CODE = "ENT003"
NAME = "body-named-inconsistently"
SEVERITY = "warning"
SUMMARY = "One body named in several ways across the documents checked together."
OPTIONS = {"attribution_threshold": 85.0, "attribution_margin": 8.0}
EXAMPLES = [
    # phrases of corpus/en/000_eee432a0b58034d3.txt lines 13 and 19, joined
    ("", "the CIS Anti-Terrorism Center is maintaining contacts with the UN Office of "
         "Counter-Terrorism. We also believe that it is very promising to have cooperation "
         "with the UN Office for Counter-Terrorism.", True),
    ("", "contacts with the UN Office of Counter-Terrorism. Cooperation between RATS and the "
         "United Nations Office of Counter-Terrorism (UNOCT).", False),
    # corpus/en/000_eee432a0b58034d3.txt line 19, last sentence; then constructed
    ("", "In February, another Memorandum of Understanding was signed in Nairobi between the "
         "SCO and the UN Environment Program.", True),
    ("", "The Russian Ministry of Defense and the UN Environment Programme.", False),
]


@dataclass(frozen=True)
class Place:
    """One name of a body in one document."""

    entry: str  # the termbase id of the body
    form: str  # the name without its organisation qualifier
    kind: str  # canonical, variant, former or near miss
    spot: Spot
    qualified: bool  # the organisation stands in front ("UN ..."), so the bare name will do


@dataclass(frozen=True)
class DocumentNames:
    """What check_corpus needs of one document: its body names and how to write them."""

    respelled: tuple[Finding, ...]  # UN names written in another spelling, at each occurrence
    places: tuple[Place, ...]
    entries: dict  # termbase id -> (display name, bare name, English name)


def check(pair: Pair) -> Iterable[Finding]:
    return ()  # this rule looks at all documents together: see summarize and check_corpus


def summarize(pair: Pair) -> DocumentNames:
    """The document's respelled UN names, and every single-body mention and near miss."""
    analysis = pair.facts.bodies
    termbase = analysis.termbase
    options = {**OPTIONS, **pair.options.get(CODE, {})}
    respelled_findings, places = [], []
    for item in analysis.sentences:
        base = item.sentence.start
        bead = analysis.bead_of.get(item.index)
        for mention in item.mentions:
            if len(mention.entries) != 1 or mention.form == "acronym":
                continue
            entry = mention.entries[0]
            respelled = _respelled(termbase, entry, mention.text)
            if respelled is not None:
                written, own = respelled
                respelled_findings.append(pair.finding(
                    CODE, SEVERITY, base + mention.start, base + mention.end,
                    f"'{mention.text}' spells '{own}' as '{written}', which no name of "
                    f"{termbase.display(entry)} does (UN names have one spelling)",
                    replacement=mention.text.replace(written, own)))
            if entry.kind in ("country", "org"):
                continue  # "the Commonwealth", "the World Organization": descriptions
            if bead is not None and named_as_another_countrys(bead, entry):
                continue  # «Министерства по чрезвычайным ситуациям РА»: Armenia's ministry, not ours
            places.append((entry, mention.bare, base + mention.start, base + mention.end,
                           _kind(termbase, entry, mention.bare)))
        for span in item.unknown:
            near = termbase.nearest(span.text, span.scope, limit=2)
            if not near or near[0][1] < options["attribution_threshold"]:
                continue
            if len(near) > 1 and near[0][1] - near[1][1] < options["attribution_margin"]:
                continue
            if bead is not None and names_other_bodies(bead, near[0][0]):
                continue  # "Central Board" for «главка МВД»: a unit of the body the source names
            places.append((near[0][0], span.norm, base + span.start, base + span.end, "near miss"))
    text = pair.target.text
    return DocumentNames(
        tuple(respelled_findings),
        tuple(Place(entry.id, form, kind, pair.spot(start, end),
                    text[start:end] != entry.en and _qualified(text, start, termbase, entry))
              for entry, form, start, end, kind in places),
        {entry.id: (termbase.display(entry), termbase.bare_name(entry), entry.en)
         for entry, *_ in places})


def check_corpus(documents: list[DocumentNames]) -> Iterable[Finding]:
    """A body named three ways, or two when one is a former name or no real name; when
    every form is an accepted name, only if one document uses two of them."""
    places: dict[str, list[Place]] = {}
    entries: dict[str, tuple] = {}
    for document in documents:
        yield from document.respelled
        entries.update(document.entries)
        for place in document.places:
            places.setdefault(place.entry, []).append(place)
    for entry_id, seen in places.items():
        forms = list(dict.fromkeys(place.form for place in seen))
        kinds = {place.kind for place in seen}
        if len(forms) < 2 or not (kinds & {"near miss", "former"} or len(forms) >= 3):
            continue  # the canonical name and one accepted variant: ordinary usage
        mixed = _documents_naming_it_two_ways(seen)
        if kinds <= {"canonical", "variant"} and not mixed:
            continue  # accepted names, one in each document: each document is consistent
        display, bare_name, english = entries[entry_id]
        candidates = [place for place in seen if place.spot.path in mixed] \
            if kinds <= {"canonical", "variant"} else seen  # point where one document mixes them
        anchor = next((place for place in candidates if place.kind != "canonical"), candidates[0])
        listing = []
        for form in forms:
            where = [place for place in seen if place.form == form]
            files = Counter(path_from(place.spot.path, anchor.spot.path) for place in where)
            spots = ", ".join(f"{path} ×{n}" if n > 1 else path for path, n in files.items())
            label = {"canonical": "canonical", "variant": "variant", "former": "former name",
                     "near miss": "not a real name"}[where[0].kind]
            listing.append(f"'{where[0].spot.text}' ({label}; {spots})")
        related = tuple(place.spot.place(f"'{place.spot.text}' ({place.kind})") for place in seen
                        if not (place.spot.path == anchor.spot.path and place.spot.start == anchor.spot.start))
        yield anchor.spot.finding(
            CODE, SEVERITY, f"{display} is named {len(forms)} ways: " + "; ".join(listing),
            replacement=bare_name if anchor.qualified else english, related=related)


def _documents_naming_it_two_ways(seen: list[Place]) -> set[str]:
    """The documents that name the body in two or more forms. Separate documents that each
    keep to one accepted name (news articles by different hands) are each consistent."""
    forms: dict[str, set[str]] = {}
    for place in seen:
        forms.setdefault(place.spot.path, set()).add(place.form)
    return {path for path, used in forms.items() if len(used) > 1}


def _qualified(text: str, start: int, termbase, entry) -> bool:
    """Whether the flagged name already has its organisation in front ("UN …")."""
    before = text[max(0, start - 40):start].rstrip()
    root = termbase.root(entry)
    return any(before.endswith(q) for q in root.renderings)


def _kind(termbase, entry, bare: str) -> str:
    """How a form names the body, judged without its qualifier."""
    if bare == termbase.bare_key(entry, entry.en):
        return "canonical"
    if any(bare == termbase.bare_key(entry, name) for name in entry.former):
        return "former"
    return "variant"


def _respelled(termbase, entry, text: str) -> tuple[str, str] | None:
    """(written word, the body's own spelling) when a UN-system body's name is written
    with a spelling variant ("Program") that none of its names uses ("Programme")."""
    if termbase.root(entry).id != "un":
        return None
    own = {w.lower() for name in entry.names for w in name.replace("-", " ").split()}
    for word in text.replace("-", " ").split():
        unified = spelling().get(word.lower())
        if unified and unified in own and word.lower() not in own:
            return word, unified if word.islower() else unified.capitalize()
    return None
