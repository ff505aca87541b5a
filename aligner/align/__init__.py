"""Sentence alignment: Russian sentences paired with their English renderings.

``align_sentences`` takes two lists of sentences and returns beads (1-1, 1-2, 2-1,
2-2, 1-3, 3-1, and 1-0 / 0-1 for omissions and additions) covering every sentence
exactly once, in order. ``align_documents`` splits two documents first.
"""

from __future__ import annotations

from aligner.align import dp
from aligner.align.inputs import presegmented_sentences
from aligner.align.lexicon import Lexicon
from aligner.align.score import Params, Scorer
from aligner.records import Bead, Document, Sentence
from aligner.segment import document_sentences

__all__ = ["align_sentences", "align_documents", "Lexicon", "Params", "Progress"]

Progress = dp.Progress
UNDETERMINED = "und"  # aligner.detect's language of text without letters


def align_sentences(ru: list[str], en: list[str], *, lexicon: Lexicon | None = None,
                    params: Params | None = None, progress: Progress | None = None) -> list[Bead]:
    """Align Russian sentences ``ru`` with English sentences ``en``.

    ``progress(done, total)`` is called now and then during long runs.
    """
    scorer = Scorer.for_sentences(ru, en, lexicon, params)
    items = []
    i = j = 0
    for a, b in dp.align(scorer, progress):
        items.append((tuple(range(i, i + a)), tuple(range(j, j + b))))
        i, j = i + a, j + b
    return [Bead(ru_items, en_items, round(score, 3))
            for (ru_items, en_items), score in zip(items, scorer.scores(items))]


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
