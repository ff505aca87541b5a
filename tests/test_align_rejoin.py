"""A null bead whose sentence finds its partner in a neighbour's translation under a
one-to-one word matching is joined to it (``aligner.align.rejoin``); an omitted
sentence with a word or two in common with its neighbour's translation is not.

The sentences are real: WMT22 en->ru (``data/wmt22-enru.jsonl``, a support chat; two
consecutive segments' English references joined as one sentence, as the bench merges
them) and WMT22 dev (document social_ru_82, its third English sentence removed as
``bench/recall.py`` injects an omission). Both are public WMT22 test data. The English
sentences of the last test are made up around the first.
"""

from __future__ import annotations

from aligner.align import align_sentences
from aligner.align.rejoin import rejoined
from aligner.align.score import Scorer

RECEIPT_RU = [
    "Если вам нужен чек, пожалуйста, отправьте нам сообщение и мы отправим его по электронной почте.",
    ("Если вам нужен чек с указанием номера плательщика НДС, пожалуйста, свяжитесь с нами и мы отправим его "
     "по электронной почте."),
]
RECEIPT_EN = [
    ("If you require a receipt, please send us a message and we can have one emailed over. "
     "If you require a VAT receipt, please contact us and we can email one over."),
]
APPLES_RU = ["А какие сорта яблок нужно класть по этому рецепту?", "Это действительно вкусно."]
APPLES_EN = ["What varieties of apples should I use according to this recipe?"]


def beads(ru: list[str], en: list[str]) -> list[tuple]:
    return [(bead.source, bead.target) for bead in align_sentences(ru, en)]


def test_a_near_repeat_merged_in_the_translation_joins_its_neighbour():
    scorer = Scorer.for_sentences(RECEIPT_RU, RECEIPT_EN)
    # The search alone leaves the first sentence out: the second matched the whole English.
    assert rejoined(scorer, [((0,), ()), ((1,), (0,))]) == [((0, 1), (0,))]
    assert beads(RECEIPT_RU, RECEIPT_EN) == [((0, 1), (0,))]


def test_an_omitted_sentence_is_not_absorbed_by_a_word_in_common():
    scorer = Scorer.for_sentences(APPLES_RU, APPLES_EN)
    assert rejoined(scorer, [((0,), (0,)), ((1,), ())]) == [((0,), (0,)), ((1,), ())]
    assert beads(APPLES_RU, APPLES_EN) == [((0,), (0,)), ((1,), ())]


def test_an_english_null_bead_joins_when_the_words_it_renders_are_left_over():
    pair = "If you require a receipt, please send us a message."
    rest = Scorer.for_sentences(RECEIPT_RU[:1], [pair, "We will send it by electronic mail."])
    assert rejoined(rest, [((0,), (0,)), ((), (1,))]) == [((0,), (0, 1))]
    unrelated = Scorer.for_sentences(RECEIPT_RU[:1], [pair, "Tap Settings."])
    assert rejoined(unrelated, [((0,), (0,)), ((), (1,))]) == [((0,), (0,)), ((), (1,))]
