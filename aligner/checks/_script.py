"""Helpers shared by the untranslated-text rules (UNT001, UNT002): scripts, headlines, copies.

Not a rule (the registry skips modules whose name starts with ``_``).
"""

from __future__ import annotations

import re

from aligner.records import Document, Pair, Sentence
from aligner.profile import RU_EN

CYRILLIC = RU_EN.script_letter
LATIN = re.compile(r"[A-Za-z]")
LETTER = re.compile(r"[^\W\d_]")
_TERMINAL = re.compile(r"[.!?…:;][\"»”’)]*\s*$")
_NORMALIZE = re.compile(r"[\W_]+")
# Cyrillic, and the letters whose case folding is Cyrillic (U+1C80-U+1C88, old Cyrillic forms)
_CYRILLIC_WHEN_FOLDED = re.compile(r"[\u0400-\u04ff\u1c80-\u1c88]")
# A headline is short; its translation is within a factor of this of its length.
HEADLINE_WORDS = 25
HEADLINE_LENGTH_FACTOR = 2.5


def cyrillic_share(text: str) -> float:
    """Share of letters that are Cyrillic (0 when there are no letters)."""
    if text.isascii() or not CYRILLIC.search(text):
        return 0.0  # most English sentences, decided without counting (isascii: in constant time)
    letters = len(LETTER.findall(text))
    return len(CYRILLIC.findall(text)) / letters if letters else 0.0


def is_russian(sentence: Sentence) -> bool:
    """A sentence written in Russian, wherever it stands."""
    return sentence.lang == "ru" or cyrillic_share(sentence.text) > 0.5


def mirrored_headline(document: Document, sentence: Sentence) -> int | None:
    """Line number of the English headline a Russian headline stands beside, else None.

    A deliberate bilingual headline (``corpus/en/002_…`` line 3) is a Russian line of
    its own, short, without closing sentence punctuation, next to (only blank lines
    between) an English line that is also a headline of comparable length.
    """
    lines = document.lines()
    line_number, _ = document.position(sentence.start)
    line = lines[line_number - 1]
    if line.text.strip() != sentence.text.strip() or not _headline(line.text):
        return None
    for step in (-1, 1):
        index = line_number - 1 + step
        while 0 <= index < len(lines) and not lines[index].text.strip():
            index += step
        if not 0 <= index < len(lines):
            continue
        other = lines[index].text.strip()
        if (cyrillic_share(other) == 0 and LATIN.search(other) and _headline(other)
                and 1 / HEADLINE_LENGTH_FACTOR <= len(other) / len(line.text.strip()) <= HEADLINE_LENGTH_FACTOR):
            return index + 1
    return None


def _headline(text: str) -> bool:
    return len(text.split()) <= HEADLINE_WORDS and not _TERMINAL.search(text)


def normalized(text: str) -> str:
    """Letters and digits only, case-folded: what 'the same text' means for a copy."""
    return _NORMALIZE.sub(" ", text.casefold()).strip()


def copied_sentences(pair: Pair) -> dict[int, list[Sentence]]:
    """English sentence index -> its Russian source, for English text that is a copy of its source."""
    copies: dict[int, list[Sentence]] = {}
    for bead in pair.beads:
        if not bead.source or not bead.target:
            continue
        en_raw = " ".join(pair.target_sentences[i].text for i in bead.target)
        if not _CYRILLIC_WHEN_FOLDED.search(en_raw):
            continue  # a copy of Russian text has Cyrillic letters (the usual English bead)
        ru = [pair.source_sentences[i] for i in bead.source]
        ru_text = normalized(" ".join(s.text for s in ru))
        if not CYRILLIC.search(ru_text):
            continue  # names, numbers and codes are rightly left as they are
        en_text = normalized(en_raw)
        if en_text == ru_text:
            for i in bead.target:
                copies[i] = ru
        else:
            for i in bead.target:  # one copied sentence inside a 2-1 or 1-2 bead
                text = normalized(pair.target_sentences[i].text)
                if text and CYRILLIC.search(text) and any(normalized(s.text) == text for s in ru):
                    copies[i] = [s for s in ru if normalized(s.text) == text]
    return copies
