"""A dangling fragment: a sentence or line that stops in the middle.

What it does:
    Reports (1) an English sentence that ends on an article, a coordinating
    conjunction or a possessive determiner ("... and the."), (2) a sentence with no
    main clause: it opens with "Including", or with "Thereby"/"Thus" and an -ing form,
    and has no comma after which a main clause could stand ("Thereby contributing to
    the expansion of ..."), (3) a form of address run into the end of a paragraph
    ("... on the basis of international law. Dear Mr. Chairman,"; not where the aligned
    source sentence ends its line on a comma and the next source line goes on in lower
    case: one sentence cut across subtitle lines), and (4) a line that
    ends with no closing punctuation on a word that cannot end a sentence, such as a
    preposition ("held by IOM shortly after"), or whose sentence the next line
    continues in lower case. The word lists and their scopes are in
    ``aligner/data/dangling_words.tsv`` (not a capital letter or number closing a
    capitalised name: "Serie A", "Plan B"; not an acronym in capitals that spells one of
    them: "..., says WHO" is the World Health Organization). A hard-wrapped file (most lines continue on
    the next) is not checked for cut lines.

Why is this bad?
    A cut-off sentence is text lost in copying or conversion; the reader cannot tell
    what was meant.

Example:
    ``... at the UN Summit on Refugees and Migrants in New York, held by IOM shortly
    after`` at the end of a line: reported (corpus/en/003_d8baf50c479c5e8c.txt line 36).
"""

from __future__ import annotations

import functools
import re
from typing import Iterable

from aligner.checks._script import CYRILLIC, is_russian
from aligner.tables import read_table
from aligner.records import Finding, Pair

CODE = "FRG001"
NAME = "dangling-fragment"
SEVERITY = "warning"
SUMMARY = "A sentence or line stops mid-sentence (ends on 'the', 'and', a preposition...)."
EXAMPLES = [
    # corpus/en/003_d8baf50c479c5e8c.txt line 36 (end)
    ("", "The CSTO took part in the UN Summit on Refugees and Migrants in New York, held by IOM shortly after", True),
    ("", "The CSTO took part in the UN Summit on Refugees and Migrants in New York.", False),
    # written for the example: a stranded preposition is good English
    ("", "This is what we have been waiting for.", False),
    ("", "The ministers discussed security and the.", True),
    # corpus/en/001_471792af4a523792.txt line 19 (end)
    ("", "Thereby contributing to the expansion of the space of opportunities for states.", True),
    ("", "Thereby, they contributed to the expansion of the space of opportunities.", False),
    # corpus/en/004_137a9162f5dac4a1.txt line 58 (end)
    ("", "It must be settled on the basis of international law. Dear Mr. Chairman,", True),
]

# the last word, read from the end of the reversed text (one anchored match, no search)
_LAST_WORD_REVERSED = re.compile(r"\W*([^\W\d_]+)")
_TAIL = 80  # the end-anchored patterns only ever look at the end of a line
_WRAPPED_SHARE = 0.5
_FIRST_WORDS = re.compile(r"[\"'“«(]*([A-Za-z]+)\s+([a-z]+)")
# a complete sentence (4+ words, ending on a lowercase word or a number, so not "Mr.")
# then a short capitalised phrase and a comma at the end of the line
_RUN_IN_ADDRESS = re.compile(
    r"(?:\S+\s+){3}(?:[a-z]{2,}|\d+)[.!?…][\"'”»’)]*\s+"
    r"([A-Z](?:[^.!?…,;:]|(?:(?<=Mr)|(?<=Mrs)|(?<=Ms)|(?<=Dr))\.)*),\s*$")
_ADDRESS_WORDS = 6  # "Ladies and Gentlemen," "Dear Mr. Chairman," "Distinguished Colleagues,"
_NOT_PARTICIPLES = frozenset({"nothing", "something", "anything", "everything", "during"})


@functools.lru_cache(maxsize=1)
def dangling_words() -> dict[str, str]:
    """word -> scope ('sentence' or 'line')."""
    return {row["word"]: row["scope"] for row in read_table("dangling_words.tsv")}


def check(pair: Pair) -> Iterable[Finding]:
    words = dangling_words()
    english = [s for s in pair.target_sentences if not is_russian(s)]
    reported = set()
    for sentence in english:
        text = sentence.text.rstrip()
        if text.rstrip("\"'”»’)]")[-1:] not in (".", "!", "?", "…"):
            continue
        last, at = _last_word(text)
        if last and words.get(last.lower()) == "sentence" and len(text.split()) > 2 \
                and not _ends_a_name(text, at, last) and not _acronym(last):
            start = sentence.start + at
            reported.add(pair.target.position(start)[0])
            yield pair.finding(CODE, SEVERITY, start, start + len(last),
                               f"sentence ends on “{last}”: something is missing after it")
        opener = _clauseless_opener(sentence.text, words)
        if opener:
            start = sentence.start + len(sentence.text) - len(sentence.text.lstrip())
            yield pair.finding(CODE, SEVERITY, start, start + len(opener),
                               f"sentence opening with “{opener}” has no main clause: "
                               "it belongs to the sentence before it")
    yield from _run_in_addresses(pair)
    yield from _cut_lines(pair, words, reported)


def _clauseless_opener(text: str, words: dict[str, str]) -> str:
    """The opening word of a sentence that cannot have a main clause, or ""."""
    match = _FIRST_WORDS.match(text.lstrip())
    if not match or "," in text or not match.group(1)[0].isupper():
        return ""
    first, second = match.group(1), match.group(2)
    scope = words.get(first.lower())
    participle = (second.endswith("ing") and len(second) > 5
                  and second not in _NOT_PARTICIPLES)
    if scope == "opener" or (scope == "participle" and participle):
        return first
    return ""


def _run_in_addresses(pair: Pair) -> Iterable[Finding]:
    """A short capitalised phrase ending in a comma after a complete sentence, at line end."""
    for line in pair.target.lines():
        text = line.text.rstrip()
        if not text.endswith(","):
            continue
        tail = text[-_TAIL:]
        match = _RUN_IN_ADDRESS.search(tail)
        if not match or len(match.group(1).split()) > _ADDRESS_WORDS:
            continue
        if CYRILLIC.search(line.text):
            continue
        start = line.start + len(text) - len(tail) + match.start(1)
        if _source_sentence_continues(pair, start):
            continue  # the source's sentence goes on on its next line (a subtitle cut): not an address
        yield pair.finding(CODE, SEVERITY, start, start + len(match.group(1)) + 1,
                           f"“{match.group(1)},” ends a paragraph: a form of address or "
                           "heading has lost its line break")


def _source_open_too(pair: Pair, end: int) -> bool:
    """Whether the source sentences aligned with the English sentence ending at ``end`` end
    without a full stop as well (the translation follows its source's cut)."""
    if pair.source is None:
        return False
    for bead in pair.beads:
        if bead.target and bead.source and any(
                pair.target_sentences[i].start < end <= pair.target_sentences[i].end + 1 for i in bead.target):
            last = pair.source_sentences[bead.source[-1]].text.rstrip().rstrip("\"”»’')]")
            return last[-1:] not in (".", "!", "?", "…")
    return False


def _source_sentence_continues(pair: Pair, start: int) -> bool:
    """Whether the source sentence aligned with the English fragment at ``start`` ends its
    line without a full stop and the next source line goes on in lower case («Наибольшая
    разница на низших уровнях,» / «но даже ...»): one sentence cut across lines (subtitles)
    that the English follows; an address that lost its line break is followed by a new
    sentence."""
    if pair.source is None:
        return False
    for bead in pair.beads:
        if bead.target and bead.source and any(
                pair.target_sentences[i].start <= start < pair.target_sentences[i].end for i in bead.target):
            last = pair.source_sentences[bead.source[-1]]
            if last.text.rstrip().rstrip("\"”»’')]")[-1:] in (".", "!", "?", "…"):
                return False
            line = pair.source.position(last.start)[0]  # 1-based: lines()[line] is the next line
            lines = pair.source.lines()
            if line >= len(lines) or lines[line - 1].text[last.end - lines[line - 1].start:].strip():
                return False
            return lines[line].text.lstrip()[:1].islower()
    return False


def _cut_lines(pair: Pair, words: dict[str, str], reported: set) -> Iterable[Finding]:
    lines = [line for line in pair.target.lines() if line.text.strip()]
    english = [line for line in lines if not CYRILLIC.search(line.text)]
    open_lines = [i for i, line in enumerate(lines[:-1])
                  if not _terminated(line.text) and lines[i + 1].text.lstrip()[:1].islower()]
    if lines and len(open_lines) > _WRAPPED_SHARE * len(lines):
        return  # a hard-wrapped file: lines are not sentences
    following = {id(line): lines[i + 1] for i, line in enumerate(lines[:-1])}
    for line in english:
        text = line.text.rstrip()
        if _terminated(text) or len(text.split()) < 4:
            continue
        word, at = _last_word(text)
        if not word:
            continue
        number = pair.target.position(line.start)[0]
        nxt = following.get(id(line))
        continued = nxt is not None and nxt.text.lstrip()[:1].islower()
        cuts = (words.get(word.lower()) in ("sentence", "line") and not _ends_a_name(text, at, word)
                and not _acronym(word))
        if number in reported or not (cuts or continued):
            continue
        if not cuts and _source_open_too(pair, line.start + len(text)):
            continue  # the source's sentence stops there too (a subtitle or segment cut): mirrored, not lost
        start = line.start + at
        message = (f"line ends mid-sentence on “{word}”" if cuts
                   else "line ends mid-sentence: the next line continues it in lower case")
        yield pair.finding(CODE, SEVERITY, start, start + len(word), message)


_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'’-]*[ \t]+$")


def _ends_a_name(text: str, at: int, word: str) -> bool:
    """A single capital letter or a number closing a capitalised name (Serie A, Plan B,
    Formula 1), or a word joined to the letter or digit before it (TOS-1A): part of the
    name or code, not a dangling article."""
    if at > 0 and text[at - 1].isalnum():
        return True  # "TOS-1A": the last letter of a model code, joined to its number
    return (len(word) == 1 and word.isupper() or word.isdigit()) and bool(_CAPITALISED_BEFORE.search(text[:at]))


def _acronym(word: str) -> bool:
    """A word of two letters or more in capitals (WHO, US, OR): an acronym, which names a
    body and may end a headline ("..., says WHO" for «..., заявили в ВОЗ»), not the
    pronoun, preposition or conjunction of the same letters."""
    return len(word) > 1 and word.isupper()


def _terminated(text: str) -> bool:
    """The line ends with closing punctuation (or a quote or bracket after it)."""
    return text.rstrip()[-1:] in set(".!?…:;,\"”»’')]")


def _last_word(text: str) -> tuple[str, int]:
    """The last word of ``text`` and its offset, or ("", -1)."""
    tail = text[-_TAIL:]
    match = _LAST_WORD_REVERSED.match(tail[::-1])
    if not match:
        return "", -1
    return match.group(1)[::-1], len(text) - match.end(1)
