"""Helpers for the rule tests: real pairs from tests/data/rules and hand-aligned Pairs.

The pairs are aligned by hand (bead by bead), so a rule test checks the rule, not the aligner.
"""

from __future__ import annotations

import csv
from pathlib import Path

from aligner.config import Config
from aligner.engine import check_texts
from aligner.records import Bead, Document, Pair
from aligner.segment import document_sentences

DATA = Path(__file__).parent / "data" / "rules"


def wmt(key: str) -> tuple[str, str]:
    """(ru, en) of a WMT22 dev pair in wmt22_dev_pairs.tsv."""
    with open(DATA / "wmt22_dev_pairs.tsv", encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        for row in rows:
            if row["key"] == key:
                return row["ru"], row["en"]
    raise KeyError(key)


def make_pair(ru: str | None, en: str, beads: list[tuple] | None = None) -> Pair:
    """A Pair; ``beads`` as [(ru indices, en indices), ...], default one-to-one."""
    en_doc = Document("en.txt", en)
    en_sentences = document_sentences(en_doc)
    if ru is None:
        return Pair(target=en_doc, target_sentences=en_sentences)
    ru_doc = Document("ru.txt", ru)
    ru_sentences = document_sentences(ru_doc)
    if beads is None:
        assert len(ru_sentences) == len(en_sentences), (ru_sentences, en_sentences)
        beads = [((i,), (i,)) for i in range(len(ru_sentences))]
    return Pair(target=en_doc, target_sentences=en_sentences, source=ru_doc, source_sentences=ru_sentences,
                beads=[Bead(tuple(r), tuple(e), 1.0) for r, e in beads])


def findings(module, ru: str | None, en: str, beads: list[tuple] | None = None) -> list[tuple]:
    """(code, severity, line, column, end_column, message, suggestion) of each finding."""
    return [(f.rule, f.severity, f.line, f.column, f.end_column, f.message, f.suggestion)
            for f in module.check(make_pair(ru, en, beads))]


def found(code: str, source: str, target: str) -> list[tuple[str, str]]:
    """(severity, flagged text) of every ``code`` finding of the whole check, aligner included."""
    result = check_texts(source, target, Config(select=(code,)))
    return [(f.severity, f.text) for f in result.findings]
