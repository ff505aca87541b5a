"""A Russian acronym romanised in English text instead of the body's English acronym.

What it does:
    Romanises every Russian acronym of the termbase under several schemes (iuliia:
    Wikipedia, ICAO, Moscow Metro, BGN/PCGN, …) — ОДКБ as ODKB, ШОС as SHOS/ShOS, СНГ
    as SNG, КТУ as KTU — and reports those romanisations in English text, with the
    body's English acronym as the suggestion. Romanisations that *are* the English
    acronym (RATS, FSB, NATO) are never reported. Two-letter romanisations (SB, MO)
    are reported only when the aligned Russian sentence has the acronym. Letters standing
    alone in quotation marks, in the English or the aligned source ("SE" for «"СЭ"»,
    Sport-Express), name a title or an outlet, not a body: no finding.

Why is this bad?
    "UN KTU" or "ODKB" means nothing to an English reader; the body has an
    established English acronym (UNOCT, CSTO).

Example:
    ``the Memorandum … between the CSTO Secretariat and the UN KTU`` — КТУ ООН is the
    United Nations Office of Counter-Terrorism, UNOCT in English.
"""

from __future__ import annotations

import re
from typing import Iterable

from aligner.entities.bodies import transliterated_acronyms
from aligner.entities.romanise import romanisations
from aligner.records import Finding, Pair

CODE = "ACR001"
NAME = "romanised-russian-acronym"
SEVERITY = "error"
SUMMARY = "A Russian acronym romanised (ODKB, SHOS, UN KTU) instead of the English acronym."
EXAMPLES = [
    # excerpt of corpus/en/003_d8baf50c479c5e8c.txt line 36; the other two constructed
    ("", "the Memorandum of Cooperation and the interaction between the CSTO Secretariat and "
         "the UN KTU - November 9, 2018.", True),
    ("", "The ODKB and the SHOS held consultations.", True),
    ("", "The CSTO and the SCO held consultations with RATS.", False),
]

# \b[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b, the capital matched before the look-behind: a search skips in C
_ACRONYM = re.compile(r"[A-Z](?<!\w[A-Z])[A-Za-z]*[A-Z][A-Za-z]*\b")


def check(pair: Pair) -> Iterable[Finding]:
    analysis = pair.facts.bodies
    termbase = analysis.termbase
    table = transliterated_acronyms(termbase)
    for item in analysis.sentences:
        text = item.sentence.text
        if text.isupper():
            continue  # a headline in capitals
        matches = [match for match in _ACRONYM.finditer(text) if match.group().upper() in table
                   and sum(c.isupper() for c in match.group()) >= 2]
        if not matches:
            continue  # most sentences: the source's acronyms are not read
        bead = analysis.bead_of.get(item.index)
        in_source, quoted = set(), set()
        if bead is not None:
            for sentence in bead.source:
                for word in re.findall(r"[А-ЯЁ]{2,}", sentence.text):
                    in_source |= romanisations(word)
                for word in _QUOTED_LETTERS.findall(sentence.text):
                    quoted |= romanisations(word)
        by_end: dict[int, list] = {}  # mentions by where they end, for the qualifier before an acronym
        for mention in item.mentions:
            by_end.setdefault(mention.end, []).append(mention)
        named = None
        for match in matches:
            token = match.group()
            latin = token.upper()
            if len(latin) < 3 and latin not in in_source:
                continue
            if latin in quoted or _quoted(text, match.start(), match.end()):
                continue  # «по данным "СЭ"» / 'according to "SE"': a quoted title (an outlet), not a body
            if _in_a_code(text, match.start(), match.end()):
                continue  # "KTU-7", "MS-21": letters of a model or product code, not a body
            if named is None and len(table[latin]) > 1:
                named = {e.id for m in item.mentions for e in m.entries}
            entries = _resolve(termbase, table[latin], named)
            start, end = match.start(), match.end()
            entry = entries[0]
            english = entry.acronyms[0] if entry.acronyms else entry.en
            qualifier = _qualifier_before(termbase, by_end, text, start, entry)
            if qualifier is not None and english.startswith(qualifier.entries[0].acronyms[0]):
                start = qualifier.start  # "UN KTU" -> "UNOCT"
            russian = _russian(entry, latin)
            others = "" if len(entries) == 1 else " (or " + "; ".join(
                termbase.display(e) for e in entries[1:]) + ")"
            yield pair.finding(
                CODE, SEVERITY, item.sentence.start + start, item.sentence.start + end,
                f"'{token}' is the Russian acronym «{russian}» romanised; in English: "
                f"{termbase.display(entry)}{others}",
                replacement=english if len(entries) == 1 else None,
                evidence=bead.source if bead is not None else None)


_QUOTES = "\"'«»“”„‘’"
_QUOTED_LETTERS = re.compile(r"[\"«“„]([А-ЯЁ]{2,})[\"»”]")


def _quoted(text: str, start: int, end: int) -> bool:
    """The letters stand alone between quotation marks: the name of a title or an outlet."""
    return start > 0 and end < len(text) and text[start - 1] in _QUOTES and text[end] in _QUOTES


_CODE_AFTER = re.compile(r"[-‐‑]?\d")
_CODE_BEFORE = re.compile(r"\d[-‐‑]?$")


def _in_a_code(text: str, start: int, end: int) -> bool:
    """The letters are joined to a number (KTU-7, MS-21, 3-SK, Су-35 romanised): a model or
    product code, whose letters stand for no body."""
    return bool(_CODE_AFTER.match(text, end)) or bool(_CODE_BEFORE.search(text[max(0, start - 2):start]))


def _resolve(termbase, entries, named):
    """Prefer the body whose organisation is named in the sentence (SMID: CSTO, CIS or SCO);
    ``named`` holds the ids of the bodies the sentence mentions."""
    if len(entries) == 1:
        return list(entries)
    preferred = [e for e in entries if any(a.id in named for a in termbase.ancestors(e))]
    if len(preferred) == 1:
        return preferred
    return preferred + [e for e in entries if e not in preferred] if preferred else list(entries)


def _qualifier_before(termbase, by_end, text, start, entry):
    """The mention of the body's organisation written just before it ("UN" in "UN KTU");
    ``by_end`` maps an offset to the mentions that end there."""
    for mention in by_end.get(start - 1, []) + by_end.get(start, []):
        if mention.end <= start and not text[mention.end:start].strip() \
                and start - mention.end <= 1 and len(mention.entries) == 1:
            candidate = mention.entries[0]
            if candidate.acronyms and any(a.id == candidate.id for a in termbase.ancestors(entry)):
                return mention
    return None


def _russian(entry, latin: str) -> str:
    for acronym in entry.ru_acronyms:
        for word in acronym.split():
            if latin in romanisations(word):
                return word
    return entry.ru_acronyms[0] if entry.ru_acronyms else latin
