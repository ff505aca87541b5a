"""Sentences of one stretch of a unit's text, split as a plain-text file's lines are."""

from __future__ import annotations

from aligner.detect import QUOTE_WORDS, line_segments
from aligner.records import Sentence
from aligner.segment import split_sentences


def sentences_in(text: str, start: int, end: int, offset: int = 0) -> list[Sentence]:
    """Sentences of ``text[start:end]`` with offsets into ``text`` shifted by ``offset``:
    line by line, cut where the language changes, then split inside (as
    :func:`aligner.segment.document_sentences` does for a whole file), so that a
    sentence never crosses a segment boundary."""
    found = []
    position = start
    for line in text[start:end].splitlines(keepends=True):
        body = line.rstrip("\r\n")
        for block in line_segments(body, offset + position, embedded_words=QUOTE_WORDS):
            found.extend(split_sentences(block.text, block.lang, block.start))
        position += len(line)
    return found
