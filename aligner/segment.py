"""Sentence splitting for Russian and English with exact offsets.

razdel proposes the boundaries; rules whose word lists live in
``aligner/data/abbreviations.tsv`` then join what it splits wrongly (titles such as
"Mr.", numbered references such as "No. 59/50", "т.е.", initials) and split what it
joins wrongly (a year abbreviation ending a sentence: "в 2002 г. В 2004 г.").
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from razdel import sentenize

from aligner.errors import ConfigError
from aligner.records import Document, Sentence

_KINDS = ("title", "number", "year", "inner")

# The abbreviation (or initial) that ends the text left of a candidate boundary.
_LAST_WORD = re.compile(r"(?:^|[^\w.\-])([\w][\w.\-]*)\.$")
_INITIAL = re.compile(r"(?:^|[^\w])(?:[A-ZА-ЯЁ]\.\s?)*[A-ZА-ЯЁ]\.$")
_NUMBER_BEFORE = re.compile(r"(?:\d|\b[IVXLC]+)[\s\u00a0]*(?:-|–)?[\s\u00a0]*[\w.\-]*\.$")
_STARTS_NUMBER = re.compile(r"[\s\u00a0]*[(\[]?[\dIVXLC]")
_STARTS_UPPER = re.compile(r"\s*[«“\"'(\[]*[A-ZА-ЯЁ]")
# A place inside a razdel sentence where a sentence may end: a dot and a space before a capital.
_INNER_CANDIDATE = re.compile(r"\.(?=\s+[«“\"'(\[]*[A-ZА-ЯЁ])")


@functools.lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    """Lower-cased abbreviation (no final dot) -> kind, from ``data/abbreviations.tsv``."""
    table = {}
    text = resources.files("aligner").joinpath("data/abbreviations.tsv").read_text("utf-8")
    for number, row in enumerate(text.splitlines(), 1):
        if not row.strip() or row.startswith("#"):
            continue
        fields = row.split("\t")
        if len(fields) != 3 or fields[1] not in _KINDS:
            raise ConfigError(f"expected 'abbreviation<TAB>{'|'.join(_KINDS)}<TAB>source'",
                              "aligner/data/abbreviations.tsv", number)
        table[fields[0].lower()] = fields[1]
    return table


def split_sentences(text: str, lang: str | None = None, offset: int = 0) -> list[Sentence]:
    """Sentences of ``text`` (one paragraph or line); offsets shifted by ``offset``.

    ``lang`` labels the sentences; when None each is labelled by detect_language.
    """
    bounds = []
    for part in sentenize(text):
        if bounds and _joins(text, bounds[-1][0], part.start):
            bounds[-1] = (bounds[-1][0], part.stop)
        else:
            bounds.append((part.start, part.stop))
    pieces = []
    for start, stop in bounds:
        pieces.extend(_inner_splits(text, start, stop))
    if lang is None:
        from aligner.detect import detect_language
        return [Sentence(offset + s, offset + e, text[s:e], detect_language(text[s:e]))
                for s, e in pieces]
    return [Sentence(offset + s, offset + e, text[s:e], lang) for s, e in pieces]


def _joins(text: str, left_start: int, right_start: int) -> bool:
    """True when razdel's boundary before ``right_start`` is wrong: keep one sentence."""
    left = text[left_start:right_start].rstrip()
    right = text[right_start:]
    if not left.endswith("."):
        return False
    if _INITIAL.search(left) and _STARTS_UPPER.match(right):
        return True
    word = _LAST_WORD.search(left)
    kind = abbreviations().get(word.group(1).lower()) if word else None
    if kind in ("title", "inner"):
        return True
    if kind == "number" and _STARTS_NUMBER.match(right):
        return True
    if kind == "year":
        return not _NUMBER_BEFORE.search(left)
    return False


def _inner_splits(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """Split one razdel sentence after a year abbreviation that ends a sentence."""
    pieces = []
    for match in _INNER_CANDIDATE.finditer(text, start, stop):
        left = text[start:match.end()]
        word = _LAST_WORD.search(left)
        if (word and abbreviations().get(word.group(1).lower()) == "year"
                and _NUMBER_BEFORE.search(left)):
            pieces.append((start, match.end()))
            start = match.end() + len(text[match.end():stop]) - len(text[match.end():stop].lstrip())
    pieces.append((start, stop))
    return pieces


def document_sentences(document: Document, lang: str | None = None) -> list[Sentence]:
    """Sentences of a whole document: lines first (headlines end there), then inside lines.

    Blank lines are skipped. Each line is first cut where the language changes (a short
    quotation in another script stays inside its sentence); every sentence carries the
    language of its piece. With ``lang`` ('ru' or 'en') only sentences in that language
    are returned, e.g. the English sentences of a mixed file.
    """
    from aligner.detect import language_blocks

    found = []
    for block in language_blocks(document):
        if lang is not None and block.lang != lang:
            continue
        found.extend(split_sentences(block.text, block.lang, block.start))
    return found
