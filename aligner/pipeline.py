"""The one builder of the pipeline record: segment and align a target document with its source.

``aligner check``, ``align``, ``fix``, ``report`` and the exports all get their
:class:`aligner.records.Pair` from :func:`build_pair`, so they see the same sentences
and the same beads. Every sentence of both files is aligned, whatever its language: a
Russian headline left untranslated in the target is aligned with its source (and
reported by the untranslated-text rule), not left as an omission plus an addition.
"""

from __future__ import annotations

import time

from aligner.records import Document, Pair, Sentence
from aligner.profile import RU_EN

SOURCE_LANGUAGE, TARGET_LANGUAGE = RU_EN.source, RU_EN.target


def build_pair(target: Document, source: Document | None = None, *, options: dict | None = None,
               presegmented: bool = False, progress=None, timings: dict | None = None) -> Pair:
    """Split both documents into sentences (each line one sentence if ``presegmented``)
    and align them when there is a source.

    ``progress(done, total)`` is called now and then while aligning long texts;
    ``timings``, when given, gets the seconds spent under "segment" and "align" added.
    """
    timings = {} if timings is None else timings
    start = time.perf_counter()
    target_sentences = sentences_of(target, TARGET_LANGUAGE, presegmented)
    source_sentences = sentences_of(source, SOURCE_LANGUAGE, presegmented) if source is not None else []
    add_time(timings, "segment", start)
    if source is None:
        return Pair(target, target_sentences, options=dict(options or {}))
    from aligner.align import align_sentences

    start = time.perf_counter()
    beads = align_sentences([s.text for s in source_sentences], [s.text for s in target_sentences],
                            progress=progress)
    add_time(timings, "align", start)
    return Pair(target, target_sentences, source, source_sentences, beads, dict(options or {}))


def sentences_of(document: Document, lang: str, presegmented: bool = False) -> list[Sentence]:
    """Every sentence of a document; with ``presegmented`` its lines, all in ``lang``."""
    if presegmented:
        from aligner.align.inputs import presegmented_sentences

        return presegmented_sentences(document, lang)
    from aligner.segment import document_sentences

    return document_sentences(document)


def add_time(timings: dict, stage: str, start: float) -> None:
    """Add the seconds since ``start`` to ``timings[stage]``."""
    timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - start
