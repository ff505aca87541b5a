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
from aligner.align.rejoin import detached, paired, rejoined
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


# WMT22 dev (a product page), WMT22 en->ru (a speech reported, a course's support chat) and
# WMT21 ref A (two sentences of one report that do not translate each other):
# public WMT22 test data, sentences as the bench perturbs them (bench/align_gold.py).
PENCILS_RU = ["Не крошатся, не пачкают ручки, абсолютно безопасны. Не требуют заточки."]
PENCILS_EN = ["They do not crumble, do not make your hands dirty, and they are absolutely safe.",
              "Do not need sharpening."]
CRAP_RU = ["Мы относимся к людям с ограниченными возможностями как к отбросам.",
           "Мы относимся к бедным как к отбросам."]
CRAP_EN = ["We treat the disabled like crap. We treat the poor like crap."]
WEAPONS_RU = [("Оружие — это не тот путь, которому нужно следовать. Пусть Рождество принесет мир на Украину», "
               "—сказал Папа Римский тысячам людей на площади Святого Петра, собравшимся, чтобы получить его "
               "благословление и послушать обращение.")]
WEAPONS_EN = ["Weapons are not the path to take."]
UNRELATED_RU = ["Но только сейчас ситуацию удалось сдвинуть с мертвой точки."]
UNRELATED_EN = ["The President of the Russian Federation gave the order for this site fourteen years ago."]
COURSE_RU = [("Если у вас есть вопрос, касающийся определенной темы модуля или курса в целом, по которым вам нужны "
              "разъяснения, пожалуйста, спрашивайте и я постараюсь помочь вам, чем могу, если буду онлайн."),
             "Это введение в курс"]
COURSE_EN = [("If you have a question about a specific topic in a module or the course in general that you would "
              "like more clarity on, please feel free to ask and I will try to assist you where I can if I'm online.")]


def test_a_sentence_the_other_side_shows_joins_on_the_cost_alone():
    # The English pair shows a second sentence the Russian lacks: the null one completes it.
    scorer = Scorer.for_sentences(PENCILS_RU, PENCILS_EN)
    assert rejoined(scorer, [((0,), (0,)), ((), (1,))]) == [((0,), (0, 1))]
    assert beads(PENCILS_RU, PENCILS_EN) == [((0,), (0, 1))]


def test_an_omission_beside_an_addition_pairs_when_one_renders_part_of_the_other():
    scorer = Scorer.for_sentences(WEAPONS_RU, WEAPONS_EN)
    assert paired(scorer, [((0,), ()), ((), (0,))]) == [((0,), (0,))]
    unrelated = Scorer.for_sentences(UNRELATED_RU, UNRELATED_EN)
    assert paired(unrelated, [((0,), ()), ((), (0,))]) == [((0,), ()), ((), (0,))]


def test_a_sentence_let_into_a_merged_bead_on_its_neighbours_words_is_left_out():
    scorer = Scorer.for_sentences(COURSE_RU, COURSE_EN)
    assert detached(scorer, [((0, 1), (0,))]) == [((0,), (0,)), ((1,), ())]
    assert beads(COURSE_RU, COURSE_EN) == [((0,), (0,)), ((1,), ())]
    # A merged pair whose English shows both sentences stays whole.
    assert detached(Scorer.for_sentences(CRAP_RU, CRAP_EN), [((0, 1), (0,))]) == [((0, 1), (0,))]
