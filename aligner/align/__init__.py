"""Sentence alignment: Russian sentences paired with their English renderings.

``align_sentences`` takes two lists of sentences and returns beads (1-1, 1-2, 2-1,
2-2, 1-3, 3-1, and 1-0 / 0-1 for omissions and additions) covering every sentence
exactly once, in order. ``align_documents`` splits two documents first.
"""

from __future__ import annotations

import math

from aligner.align import confidence, dp, rejoin
from aligner.align.inputs import presegmented_sentences
from aligner.align.lexicon import Lexicon
from aligner.align.params import Params
from aligner.align.score import Scorer
from aligner.records import Bead, Document, Sentence
from aligner.segment import document_sentences

__all__ = ["Lexicon", "Params", "Progress", "align_documents", "align_sentences"]

Progress = dp.Progress
UNDETERMINED = "und"  # aligner.detect's language of text without letters
WINDOW = 10_000  # sentences a side aligned at once, at most
KEEP = 0.75  # share of a window (not the last) whose beads are kept


def align_sentences(ru: list[str], en: list[str], *, lexicon: Lexicon | None = None,
                    params: Params | None = None, progress: Progress | None = None) -> list[Bead]:
    """Align Russian sentences ``ru`` with English sentences ``en``.

    Texts longer than ``WINDOW`` sentences a side are aligned window by window: each
    window is aligned whole, its beads up to ``KEEP`` of the way through are kept, and
    the next window starts where they end. Memory is bounded by the window, time grows
    linearly, and a search cannot drift far from where the previous window ended.
    ``progress(done, total)`` is called now and then during long runs.
    """
    n, m = len(ru), len(en)
    beads: list[Bead] = []
    i0 = j0 = 0
    while True:
        share = min(1.0, WINDOW / max(n - i0, m - j0, 1))
        last = share == 1.0
        i1 = n if last else i0 + math.ceil(share * (n - i0))
        j1 = m if last else j0 + math.ceil(share * (m - j0))
        window = _align_window(ru[i0:i1], en[j0:j1], lexicon, params, _shifted(progress, i0, n))
        if not last:
            window = _kept(window, KEEP * (i1 - i0), KEEP * (j1 - j0))
        beads += [Bead(tuple(i + i0 for i in b.source), tuple(j + j0 for j in b.target), b.score) for b in window]
        if last:
            return beads
        i0 += sum(len(b.source) for b in window)
        j0 += sum(len(b.target) for b in window)


def _align_window(ru: list[str], en: list[str], lexicon, params, progress) -> list[Bead]:
    scorer = Scorer.for_sentences(ru, en, lexicon, params)
    items = []
    i = j = 0
    for a, b in dp.align(scorer, progress):
        items.append((tuple(range(i, i + a)), tuple(range(j, j + b))))
        i, j = i + a, j + b
    items = rejoin.rejoined(scorer, rejoin.split(scorer, items))
    return [Bead(ru_items, en_items, round(score, 3))
            for (ru_items, en_items), score in zip(items, confidence.scores(scorer, items))]


def _kept(beads: list[Bead], ru_limit: float, en_limit: float) -> list[Bead]:
    """The leading beads that end within ``ru_limit`` and ``en_limit`` sentences (at least one)."""
    kept, i, j = [], 0, 0
    for bead in beads:
        i, j = i + len(bead.source), j + len(bead.target)
        if kept and (i > ru_limit or j > en_limit):
            break
        kept.append(bead)
    return kept


def _shifted(progress: Progress | None, offset: int, total: int) -> Progress | None:
    """``progress`` for a window starting at Russian sentence ``offset`` of ``total``."""
    if progress is None:
        return None
    return lambda done, _: progress(min(offset + done, total), total)


def align_documents(ru_doc: Document, en_doc: Document, *, presegmented: bool = False,
                    **options) -> tuple[list[Sentence], list[Sentence], list[Bead]]:
    """Split both documents into sentences (or take their lines, if ``presegmented``) and
    align them; other options as ``align_sentences``.

    Only the Russian sentences of ``ru_doc`` and the English ones of ``en_doc`` are
    aligned (a Russian headline above an English text is no translation of it), with
    the sentences of either that have no language (a line of figures, a document
    symbol); a document with none in its language is aligned whole (see ``input_warnings``).
    """
    split = presegmented_sentences if presegmented else _sentences_in
    ru_sentences = split(ru_doc, lang="ru")
    en_sentences = split(en_doc, lang="en")
    beads = align_sentences([s.text for s in ru_sentences], [s.text for s in en_sentences], **options)
    return ru_sentences, en_sentences, beads


def _sentences_in(document: Document, lang: str) -> list[Sentence]:
    """Sentences in ``lang`` or in no language (numbers, dates, document symbols), which
    both sides share; a document with none in ``lang`` is taken whole."""
    sentences = document_sentences(document)
    if not any(s.lang == lang for s in sentences):
        return sentences
    return [s for s in sentences if s.lang in (lang, UNDETERMINED)]
