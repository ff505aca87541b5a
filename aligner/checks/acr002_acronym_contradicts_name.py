"""An acronym that contradicts its own expansion or the organisation written beside it.

What it does:
    Checks every termbase acronym written in parentheses next to a body's name,
    "Name (ACR)": reports it when the acronym belongs to another body
    ("Counter-Terrorism Committee Executive Directorate (CTC)": CTC is the Committee,
    the Directorate is CTED) or when the words before it are a garbled form of the
    acronym's own expansion ("radios of Peacekeeping Operations (DPKO)"). An acronym
    the termbase does not know, in brackets or after "hereinafter (referred to as)",
    is reported when it cannot be read as the initials of the words before it
    ("counter-terrorist control (CTS)": the initials make CTC; a leading or trailing
    organisation acronym such as UN or CSTO, dropped function words, several letters
    from the start of a word, the parts of a compound ("nongovernmental"), and the
    Russian word order of the last words ("Council of Heads of State (HSC)") are allowed; a
    romanised Russian acronym of the aligned source is accepted). Also reports an
    organisation's acronym put in front of another organisation's body ("CSTO RATS":
    RATS is a body of the SCO), and the acronyms of two unrelated bodies glued
    together ("UNCCD CTC": the Convention to Combat Desertification has no CTC).

Why is this bad?
    The reader cannot tell which of two bodies is meant, and a later "the CTC" in the
    text now points at the wrong one.

Example:
    ``the Counter-Terrorism Committee Executive Directorate (CTC) of the UN Security
    Council`` — the acronym of the Executive Directorate is CTED.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Iterable

from rapidfuzz import fuzz

from aligner.entities.romanise import romanisations
from aligner.records import Finding, Pair
from aligner.entities.terms import CONNECTORS, normalise, tokens

CODE = "ACR002"
NAME = "acronym-contradicts-name"
SEVERITY = "error"
SUMMARY = "An acronym that belongs to another body than the name it stands beside."
OPTIONS = {"garbled_threshold": 70.0}
EXAMPLES = [
    # excerpts of corpus/en/003_d8baf50c479c5e8c.txt line 34 (the second corrected);
    # the last two constructed
    ("", "such as the Counter-Terrorism Committee Executive Directorate (CTC) of the UN "
         "Security Council", True),
    ("", "such as the Counter-Terrorism Committee Executive Directorate (CTED) of the UN "
         "Security Council", False),
    ("", "radios of Peacekeeping Operations (DPKO), the Office on Drugs and Crime (UNODC)",
     True),
    ("", "The CSTO RATS held a meeting in Tashkent.", True),
    ("", "The SCO RATS held a meeting in Tashkent.", False),
    ("", "the Office on Drugs and Crime (UNODC) and counter-terrorist control (CTS) of the "
         "UN Secretariat", True),
    ("", "the Eurasian Group on Combating Money Laundering and Financing of Terrorism (EAG)",
     False),
    ("", "the Memorandum of Understanding with the UNCCD CTC was signed", True),
    ("", "the Memorandum of Understanding with the UNSC CTC was signed", False),
]

_PARENTHESIS = re.compile(r"\(\s*([A-Z][A-Za-z\-]*[A-Z][A-Za-z\-]*)\s*\)")
# "(CTS)", "(hereinafter referred to as the CSTO CCBCD)": an acronym defined for the
# words before the bracket.
_DEFINITION = re.compile(
    r"\(\s*(?:hereinafter(?:\s+referred\s+to\s+as)?\s*[-\u2013\u2014:,]?\s*)?(?:the\s+)?"
    r"((?:[A-Z][A-Za-z&\-]*[A-Z][A-Za-z\-]*\s+)*[A-Z][A-Za-z&\-]*[A-Z][A-Za-z\-]*)\s*\)")
_PHRASE_END = re.compile(r"[,;:.!?()\[\]\"“”«»]")
_WORD = re.compile(r"[A-Za-z]+")
_CYRILLIC_ACRONYM = re.compile(r"[А-ЯЁ]{2,}")
# Prefixes whose second part keeps its own initial in acronyms (NGO, ASEAN, PBC, EAEU).
_COMPOUND_PREFIXES = ("non", "anti", "counter", "inter", "multi", "trans", "cyber",
                      "north", "south", "east", "west", "self", "peace", "eur")


def check(pair: Pair) -> Iterable[Finding]:
    options = {**OPTIONS, **pair.options.get(CODE, {})}
    analysis = pair.facts.bodies
    termbase = analysis.termbase
    for item in analysis.sentences:
        text, base = item.sentence.text, item.sentence.start
        for found in _parenthesised(termbase, item, options["garbled_threshold"]):
            start, end, message, suggestion = found
            yield pair.finding(CODE, SEVERITY, base + start, base + end, message,
                               replacement=suggestion)
        source = _source_acronyms(analysis.bead_of.get(item.index))
        for start, end, message, suggestion in _undefined(termbase, item, source):
            yield pair.finding(CODE, SEVERITY, base + start, base + end, message,
                               replacement=suggestion)
        for before, after in zip(item.mentions, item.mentions[1:]):
            if after.start - before.end != 1 or text[before.end] != " ":
                continue
            if len(before.entries) != 1 or len(after.entries) != 1:
                continue
            org, body = before.entries[0], after.entries[0]
            if _glued(termbase, before, after):
                yield pair.finding(
                    CODE, SEVERITY, base + before.start, base + after.end,
                    f"'{before.text} {after.text}' glues the acronyms of two unrelated "
                    f"bodies: {termbase.display(org)} and {termbase.display(body)}",
                    replacement=after.text)
                continue
            if org.kind != "org" or before.form != "acronym" or body.kind in ("org", "country"):
                continue
            owner = termbase.root(body)
            if owner.id == org.id or owner.kind != "org":
                continue
            yield pair.finding(
                CODE, SEVERITY, base + before.start, base + after.end,
                f"'{after.text}' is {termbase.display(body)}, a body of the "
                f"{owner.acronyms[0] if owner.acronyms else owner.en}, not of the {before.text}",
                replacement=f"{owner.acronyms[0] if owner.acronyms else owner.en} {after.text}")


def _parenthesised(termbase, item, threshold):
    text = item.sentence.text
    for match in _PARENTHESIS.finditer(text):
        acronym = match.group(1)
        owners = termbase.by_acronym(acronym)
        if not owners:
            continue
        before = [m for m in item.mentions if m.end <= match.start()
                  and not text[m.end:match.start()].strip()]
        named = before[-1] if before else None
        if named is not None and named.form != "acronym":
            if set(e.id for e in named.entries) & {e.id for e in owners}:
                continue
            right = [a for e in named.entries for a in e.acronyms]
            yield (match.start(1), match.end(1),
                   f"'{acronym}' is the acronym of {termbase.display(owners[0])}, but it follows "
                   f"'{named.text}', which is {termbase.display(named.entries[0])}",
                   right[0] if right else None)
            continue
        if named is None:
            garbled = _garbled_expansion(termbase, text, match.start(), owners, threshold)
            if garbled is not None:
                start, owner, name = garbled
                written = text[start:match.start()].rstrip()
                now = "" if name in (owner.en, termbase.bare_name(owner)) else \
                    f" (now {termbase.display(owner)})"
                yield (start, start + len(written),
                       f"'{written}' does not spell out '{acronym}', which stands for "
                       f"{name}{now}", name)


def _garbled_expansion(termbase, text, paren, owners, threshold):
    """The start of the words before "(ACR)" when they are a near miss of its expansion."""
    words = tokens(text[:paren])
    best = None
    for owner in owners:
        for name in owner.names + (termbase.bare_name(owner),):
            if name.isupper():
                continue  # an acronym listed among the former names
            size = len(name.split())
            if size < 2 or len(words) < size:
                continue
            window = words[-size:]
            start = window[0].start
            candidate = normalise(text[start:paren])
            if candidate.split()[-1:] != normalise(name).split()[-1:]:
                continue  # "… Office said (FCDO)": the acronym does not follow the name
            score = fuzz.ratio(candidate, normalise(name))
            if score >= 100 or termbase.is_known(text[start:paren]):
                return None
            if score >= threshold and (best is None or score > best[3]):
                best = (start, owner, name, score)
    return best[:3] if best else None


def _glued(termbase, before, after) -> bool:
    """"UNCCD CTC": two acronyms of bodies neither of which belongs to the other."""
    if before.form != "acronym" or after.form != "acronym":
        return False
    first, second = before.entries[0], after.entries[0]
    if first.id == second.id or {first.kind, second.kind} & {"org", "country"}:
        return False
    return first not in termbase.ancestors(second) and second not in termbase.ancestors(first)


def _source_acronyms(bead) -> set[str]:
    """The Latin acronyms and the romanised Russian acronyms of the aligned source."""
    if bead is None:
        return set()
    text = " ".join(s.text for s in bead.source)
    found = set(re.findall(r"[A-Z][A-Za-z]*[A-Z]", text))
    for acronym in _CYRILLIC_ACRONYM.findall(text):
        found |= romanisations(acronym)
    return found


def _undefined(termbase, item, source: set[str]):
    """Acronyms the termbase does not know that cannot abbreviate the words before them."""
    text = item.text or item.sentence.text
    org_acronyms = None  # built at the first definition: most sentences have none
    for match in _DEFINITION.finditer(text):
        if org_acronyms is None:
            org_acronyms = {a for e in termbase.entries.values() if e.kind in ("org", "country")
                            for a in e.acronyms}
        parts = match.group(1).split()
        while len(parts) > 1 and parts[0] in org_acronyms:
            parts.pop(0)
        while len(parts) > 1 and parts[-1] in org_acronyms:
            parts.pop()
        if len(parts) != 1:
            continue
        acronym = parts[0]
        if acronym.endswith("s") and acronym[:-1].isupper():
            acronym = acronym[:-1]
        letters = [c for c in acronym if c.isalpha()]
        upper = sum(c.isupper() for c in letters)
        if not 2 <= len(letters) <= 8 or upper < 2 or upper < len(letters) - upper \
                or termbase.by_acronym(acronym) or acronym.upper() in source:
            continue
        phrase_start = max((m.end() for m in _PHRASE_END.finditer(text, 0, match.start())),
                           default=0)
        words = _WORD.findall(text[phrase_start:match.start()])[-(3 * len(letters) + 3):]
        if not words or acronym in words:
            continue
        if _spelled(acronym, words, org_acronyms):
            continue
        named = [m for m in item.mentions if m.end <= match.start()
                 and not text[m.end:match.start()].strip()
                 and m.entries[0].kind not in ("org", "country") and m.entries[0].acronyms]
        start = match.start(1) + match.group(1).rindex(parts[0])
        if named:
            entry = named[-1].entries[0]
            yield (start, start + len(parts[0]),
                   f"'{parts[0]}' is not an acronym of '{named[-1].text}', which is "
                   f"{termbase.display(entry)}", entry.acronyms[0])
            continue
        shown = _name_before(text, phrase_start, match.start(), letters[0])
        initials = "".join(w[0].upper() for w in _WORD.findall(shown)
                           if w.lower() not in CONNECTORS)
        yield (start, start + len(parts[0]),
               f"'{parts[0]}' does not abbreviate the words before it ('{shown}')",
               initials if len(initials) == len(letters) else None)


def _name_before(text: str, start: int, end: int, first: str) -> str:
    """The words of ``text[start:end]`` from the first one that starts with the letter
    ``first`` (the name the acronym should abbreviate), as written."""
    words = list(re.finditer(r"[A-Za-z]+(?:[-'’][A-Za-z]+)*", text[start:end]))[-30:]
    begin = next((w for w in words if w.group()[0].lower() == first.lower()), None)
    if begin is None:
        return ""
    return text[start + begin.start():start + words[-1].end()]


def _spelled(acronym: str, words: list[str], org_acronyms: set[str]) -> bool:
    """Whether ``acronym`` reads as the initials of ``words``, or does not look like an
    abbreviation of them at all (its first letter is no initial, or fewer than two of its
    letters are initials, in order). The initials of a capitalised name, or of as many
    last content words as the acronym has letters, may also come in another order
    ("Council of Heads of State (HSC)", "Treaty on the Non-Proliferation of Nuclear
    Weapons (NPT)")."""
    letters = "".join(c for c in acronym.lower() if c.isalpha())
    initials = "".join(w[0].lower() for w in words)
    candidates = {letters}
    if letters.endswith("tm") and len(letters) > 3:
        candidates.add(letters[:-2])  # "FTB™" read as "FTBTM"
    for org in org_acronyms:
        org = org.lower()
        if letters.startswith(org) and len(letters) - len(org) >= 2:
            candidates.add(letters[len(org):])
        if letters.endswith(org) and len(letters) - len(org) >= 2:
            candidates.add(letters[:-len(org)])
    attempts = [c for c in candidates
                if c[0] in initials and _common_subsequence(c, initials) >= 2]
    if not attempts:
        return True
    name = _capitalised_tail(words)
    content = [w[0].lower() for w in (name or words) if w.lower() not in CONNECTORS]
    return any(_reads(c, words)
               or not Counter(c) - Counter(content if name else content[-len(c):])
               for c in attempts)


def _capitalised_tail(words: list[str]) -> list[str]:
    """The trailing run of capitalised words (function words inside it kept): the
    name, "Treaty on the Non-Proliferation of Nuclear Weapons"."""
    start = len(words)
    while start > 0 and (words[start - 1][0].isupper()
                         or (words[start - 1].lower() in CONNECTORS and start < len(words))):
        start -= 1
    while start < len(words) and words[start].lower() in CONNECTORS:
        start += 1
    return words[start:]


def _reads(letters: str, words: list[str]) -> bool:
    """``letters`` as chunks, in order, each the start of a word or of a compound's part
    ("nongovernmental": non + governmental), words between them skipped."""
    parts = [part for word in words for part in _compound_parts(word.lower())]

    @functools.lru_cache(maxsize=None)
    def reads(i: int, k: int) -> bool:
        if i == len(letters):
            return True
        for j in range(k, len(parts)):
            size = 1
            while i + size <= len(letters) and parts[j][:size] == letters[i:i + size]:
                if reads(i + size, j + 1):
                    return True
                size += 1
        return False

    return reads(0, 0)


def _compound_parts(word: str) -> list[str]:
    for prefix in _COMPOUND_PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix) + 3:
            return [prefix, word[len(prefix):]]
    return [word]


def _common_subsequence(a: str, b: str) -> int:
    row = [0] * (len(b) + 1)
    for x in a:
        previous = 0
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], previous + 1 if x == y else max(row[j], row[j - 1])
    return row[-1]
