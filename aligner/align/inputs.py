"""What ``aligner align`` needs around the aligner: presegmented input, pairing corpus
files by name, and warnings about inputs that cannot align well."""

from __future__ import annotations

import os
import statistics

from aligner.detect import detect_language
from aligner.records import Bead, Document, Sentence

LANGUAGE_SAMPLE = 5000  # characters of a document looked at to name its language
LENGTH_RATIO_WARNING = 3.0  # one side this many times longer than the other: warn
LANGUAGE_NAMES = {"ru": "Russian", "en": "English"}
# Median bead score (null beads counting 0) below which two texts are probably not
# translations of each other. On the perturbed documents of bench/align.py (seed 2022,
# lexicons learned without the collection, documents of 5 beads or more), real pairs have
# medians of 0.949 and up (WMT22 dev) and 0.968 and up (WMT21); a document with the next
# document's English 0.745 and below but one (0.93) on WMT22 dev, 0 on WMT21: it warns
# for 0 of 181 real pairs and 142 of 143 mismatched ones.
POOR_MATCH_MEDIAN = 0.8
POOR_MATCH_MIN_BEADS = 5


def presegmented_sentences(document: Document, lang: str) -> list[Sentence]:
    """One sentence per line, as hunalign and vecalign take them (index = line number - 1)."""
    if not document.text:
        return []
    return [Sentence(span.start, span.end, span.text, lang) for span in document.lines()]


def input_warnings(ru: Document, en: Document, ru_sentences: list[Sentence],
                   en_sentences: list[Sentence]) -> list[str]:
    """Plain-language warnings: a side in the wrong language, an empty side, very unequal sides."""
    notes = []
    for document, sentences, expected, other in ((ru, ru_sentences, "ru", en_sentences),
                                                 (en, en_sentences, "en", ru_sentences)):
        if not any(s.text.strip() for s in sentences):
            notes.append(f"{document.path}: no sentences; every sentence of the other file is "
                         f"left unaligned ({'0-1' if expected == 'ru' else '1-0'} beads)")
            continue
        found = detect_language(document.text[:LANGUAGE_SAMPLE])
        if found != expected:
            name = LANGUAGE_NAMES.get(found, f"not {LANGUAGE_NAMES[expected]}")
            notes.append(f"{document.path}: expected {LANGUAGE_NAMES[expected]} but the text looks "
                         f"{name}; are the files given in the order RU EN? The alignment rests "
                         "on length and shared words only")
    ru_chars = sum(len(s.text) for s in ru_sentences)
    en_chars = sum(len(s.text) for s in en_sentences)
    if ru_chars and en_chars and max(ru_chars, en_chars) > LENGTH_RATIO_WARNING * min(ru_chars, en_chars):
        notes.append(f"{ru.path} and {en.path} differ wildly in length ({len(ru_sentences)} vs "
                     f"{len(en_sentences)} sentences, {ru_chars} vs {en_chars} characters); "
                     "is one a translation of the other? Expect many unaligned sentences")
    return notes


def alignment_warnings(ru: Document, en: Document, beads: list[Bead]) -> list[str]:
    """A warning when the sentences match poorly overall (files mismatched?)."""
    scores = [bead.score if bead.source and bead.target else 0.0 for bead in beads]
    if len(scores) < POOR_MATCH_MIN_BEADS:
        return []
    median = statistics.median(scores)
    if median >= POOR_MATCH_MEDIAN:
        return []
    return [(f"{ru.path} and {en.path} match poorly (median bead score {median:.2f}); "
             "is one a translation of the other?")]


def pair_files(ru_dir: str, en_dir: str) -> tuple[list[tuple[str, str, str]], list[str], list[str]]:
    """Files of two folders paired by name: ([(name, ru path, en path)], ru only, en only)."""
    ru_names = _files(ru_dir)
    en_names = _files(en_dir)
    pairs = [(name, os.path.join(ru_dir, name), os.path.join(en_dir, name))
             for name in sorted(ru_names & en_names)]
    return (pairs, [os.path.join(ru_dir, name) for name in sorted(ru_names - en_names)],
            [os.path.join(en_dir, name) for name in sorted(en_names - ru_names)])


def _files(folder: str) -> set[str]:
    return {name for name in os.listdir(folder)
            if not name.startswith(".") and os.path.isfile(os.path.join(folder, name))}
