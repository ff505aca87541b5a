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

import weakref
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from aligner.checks._bodies import analyse
from aligner.termbase import spelling
from aligner.records import Pair
from aligner.records import Finding

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


# Each document's names, gathered by check() while the shared body analysis of that
# document is at hand (_bodies caches only the last few), and read by check_corpus.
_NAMES: dict[int, tuple[weakref.ref, "_DocumentNames"]] = {}


@dataclass
class _DocumentNames:
    """What check_corpus needs of one document."""

    termbase: object
    respelled: list[Finding]  # findings on UN names written in another spelling
    places: list[tuple[str, str, int, int, str]]  # (entry id, form, start, end, kind)


def check(pair: Pair) -> Iterable[Finding]:
    _names(pair)  # this rule looks at all documents together: see check_corpus
    return ()


def _names(pair: Pair) -> _DocumentNames:
    """The names of bodies in one document (computed once per pair)."""
    cached = _NAMES.get(id(pair))
    if cached is not None and cached[0]() is pair:
        return cached[1]
    names = _collect(pair)
    key = id(pair)
    _NAMES[key] = (weakref.ref(pair, lambda _, key=key: _NAMES.pop(key, None)), names)
    return names


def _collect(pair: Pair) -> _DocumentNames:
    """Every single-body mention and near miss of the document, and its respelled UN names."""
    analysis = analyse(pair)
    termbase = analysis.termbase
    options = {**OPTIONS, **pair.options.get(CODE, {})}
    respelled_findings, places = [], []
    for item in analysis.sentences:
        base = item.sentence.start
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
            places.append((entry.id, mention.bare, base + mention.start, base + mention.end,
                           _kind(termbase, entry, mention.bare)))
        for span in item.unknown:
            near = termbase.nearest(span.text, span.scope, limit=2)
            if not near or near[0][1] < options["attribution_threshold"]:
                continue
            if len(near) > 1 and near[0][1] - near[1][1] < options["attribution_margin"]:
                continue
            places.append((near[0][0].id, span.norm, base + span.start, base + span.end, "near miss"))
    return _DocumentNames(termbase, respelled_findings, places)


def check_corpus(pairs: list[Pair]) -> Iterable[Finding]:
    places: dict[str, list[tuple[str, Pair, int, int, str]]] = {}
    termbase = None
    for pair in pairs:
        names = _names(pair)
        termbase = names.termbase
        yield from names.respelled
        for entry_id, form, start, end, kind in names.places:
            places.setdefault(entry_id, []).append((form, pair, start, end, kind))
    for entry_id, seen in places.items():
        forms = list(dict.fromkeys(form for form, *_ in seen))
        kinds = {kind for *_, kind in seen}
        if len(forms) < 2 or not (kinds & {"near miss", "former"} or len(forms) >= 3):
            continue  # the canonical name and one accepted variant: ordinary usage
        entry = termbase.entries[entry_id]
        listing = []
        for form in forms:
            where = [(p, s, e, k) for f, p, s, e, k in seen if f == form]
            texts = where[0][0].target.text[where[0][1]:where[0][2]]
            files = Counter(p.target.path for p, _, _, _ in where)
            spots = ", ".join(f"{path} ×{n}" if n > 1 else path for path, n in files.items())
            label = {"canonical": "canonical", "variant": "variant", "former": "former name",
                     "near miss": "not a real name"}[where[0][3]]
            listing.append(f"'{texts}' ({label}; {spots})")
        anchor = next((x for x in seen if x[4] != "canonical"), seen[0])
        _, pair, start, end, _ = anchor
        related = tuple(other.place(s, f"'{other.target.text[s:e]}' ({kind})")
                        for _, other, s, e, kind in seen if not (other is pair and s == start))
        yield pair.finding(
            CODE, SEVERITY, start, end,
            f"{termbase.display(entry)} is named {len(forms)} ways: " + "; ".join(listing),
            replacement=termbase.bare_name(entry) if pair.target.text[start:end] != entry.en
            and _qualified(pair.target.text, start, termbase, entry) else entry.en,
            related=related)


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
