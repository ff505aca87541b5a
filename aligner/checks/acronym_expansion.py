"""An acronym that contradicts its own expansion or the organisation written beside it.

What it does:
    Checks every termbase acronym written in parentheses next to a body's name,
    "Name (ACR)": reports it when the acronym belongs to another body
    ("Counter-Terrorism Committee Executive Directorate (CTC)": CTC is the Committee,
    the Directorate is CTED) or when the words before it are a garbled form of the
    acronym's own expansion ("radios of Peacekeeping Operations (DPKO)"). Also reports
    an organisation's acronym put in front of another organisation's body ("CSTO
    RATS": RATS is a body of the SCO).

Why is this bad?
    The reader cannot tell which of two bodies is meant, and a later "the CTC" in the
    text now points at the wrong one.

Example:
    ``the Counter-Terrorism Committee Executive Directorate (CTC) of the UN Security
    Council`` — the acronym of the Executive Directorate is CTED.
"""

from __future__ import annotations

import re
from typing import Iterable

from rapidfuzz import fuzz

from aligner.checks._bodies import analyse
from aligner.checks.base import Pair
from aligner.records import Finding
from aligner.termbase import normalise, tokens

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
]

_PARENTHESIS = re.compile(r"\(\s*([A-Z][A-Za-z\-]*[A-Z][A-Za-z\-]*)\s*\)")


def check(pair: Pair) -> Iterable[Finding]:
    options = {**OPTIONS, **pair.options.get(CODE, {})}
    analysis = analyse(pair)
    termbase = analysis.termbase
    for item in analysis.sentences:
        text, base = item.sentence.text, item.sentence.start
        for found in _parenthesised(termbase, item, options["garbled_threshold"]):
            start, end, message, suggestion = found
            yield pair.finding(CODE, SEVERITY, base + start, base + end, message,
                               suggestion=suggestion)
        for before, after in zip(item.mentions, item.mentions[1:]):
            if after.start - before.end != 1 or text[before.end] != " ":
                continue
            if len(before.entries) != 1 or len(after.entries) != 1:
                continue
            org, body = before.entries[0], after.entries[0]
            if org.kind != "org" or before.form != "acronym" or body.kind in ("org", "country"):
                continue
            owner = termbase.root(body)
            if owner.id == org.id or owner.kind != "org":
                continue
            yield pair.finding(
                CODE, SEVERITY, base + before.start, base + after.end,
                f"'{after.text}' is {termbase.display(body)}, a body of the "
                f"{owner.acronyms[0] if owner.acronyms else owner.en}, not of the {before.text}",
                suggestion=f"{owner.acronyms[0] if owner.acronyms else owner.en} {after.text}")


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
