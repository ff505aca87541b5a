"""The bitext the alignment lexicon is learned from: three collections of WMT test data
in ``../shared/data`` (public; published by the WMT conference), read as groups of
sentence pairs.

A group is the renderings of one source segment: ``(russian, english)`` pairs with
the human reference(s) and, if asked, every MT system's output. Collections:

- ``wmt22-dev``: ``wmt22-ruen-dev.jsonl``, 114 Russian-original documents, English
  reference and ten systems' English outputs;
- ``wmt22-enru``: ``wmt22-enru.jsonl``, 2,037 English-original segments, Russian
  reference and eleven systems' Russian outputs;
- ``wmt21``: ``wmt21-ruen.jsonl``, 116 Russian-original documents, English references
  A and B (B for the 107 news documents) and ten systems' English outputs.

The two document collections (``wmt22-dev``, ``wmt21``) are also what the alignment
bench scores (``documents``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

Group = list[tuple[str, str]]

DOCUMENT_FILES = {"wmt22-dev": "wmt22-ruen-dev.jsonl", "wmt21": "wmt21-ruen.jsonl"}
SEGMENT_FILES = {"wmt22-enru": "wmt22-enru.jsonl"}
COLLECTIONS = (*DOCUMENT_FILES, *SEGMENT_FILES)
REFERENCES = ("ref", "ref_b")  # human English translations of a document, when present


def default_data(start: Path) -> Path:
    """``shared/data`` in the nearest folder above ``start`` that has one (the repository's
    neighbour, also from a worktree one level further down)."""
    for folder in start.resolve().parents:
        if (folder / "shared" / "data").is_dir():
            return folder / "shared" / "data"
    return start.resolve().parents[1] / "shared" / "data"


def flat(paragraphs: list[list[str]]) -> list[str]:
    return [sentence for paragraph in paragraphs for sentence in paragraph]


def documents(data: Path, collection: str) -> list[dict]:
    """The documents of a document collection (``wmt22-dev`` or ``wmt21``)."""
    with open(data / DOCUMENT_FILES[collection], encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def document_groups(docs: list[dict], systems: bool = True) -> Iterator[Group]:
    """Per Russian source sentence: its pairs with each reference and (``systems``) every
    system's output."""
    for doc in docs:
        renderings = [doc[key] for key in REFERENCES if doc.get(key)]
        if systems:
            renderings += list(doc["hyp"].values())
        renderings = [flat(en) for en in renderings]
        for index, ru in enumerate(flat(doc["src"])):
            yield [(ru, en[index]) for en in renderings if index < len(en)]


def segment_groups(data: Path, collection: str = "wmt22-enru", systems: bool = True) -> Iterator[Group]:
    """Per segment of ``wmt22-enru.jsonl``: its English source with the Russian reference
    and (``systems``) with every system's Russian output."""
    with open(data / SEGMENT_FILES[collection], encoding="utf-8") as handle:
        for line in handle:
            segment = json.loads(line)
            russian = [segment["ru"], *(segment["hyp"].values() if systems else ())]
            yield [(ru, segment["en"]) for ru in russian]


def collection_groups(data: Path, collection: str, systems: bool = True) -> list[Group]:
    """Every group of one collection."""
    if collection in DOCUMENT_FILES:
        return list(document_groups(documents(data, collection), systems))
    return list(segment_groups(data, collection, systems))


def groups_without(data: Path, excluded: tuple[str, ...] = (), systems: bool = True) -> list[Group]:
    """The groups of every collection but ``excluded``, in ``COLLECTIONS`` order."""
    unknown = set(excluded) - set(COLLECTIONS)
    if unknown:
        raise ValueError(f"unknown collection {min(unknown)!r}; known: {', '.join(COLLECTIONS)}")
    return [group for collection in COLLECTIONS if collection not in excluded
            for group in collection_groups(data, collection, systems)]
