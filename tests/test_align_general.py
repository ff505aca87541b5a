"""The general dictionary: everyday words the WMT bitext never showed the lexicon, glossed
as guesses that may add matches but never cost them (aligner/data/align_general.md)."""

from aligner.align import align_sentences
from aligner.align.lexicon import GUESS, Lexicon, default_lexicon, general_dictionary, load_lexicon, russian_stem
from aligner.align.rejoin import _matched_one_to_one
from aligner.align.score import Scorer

# Hand-written: words of home and fairy tales, none of them in the learned table.
RUSSIAN = ["Котенок спит под одеялом.", "Русалка поет поэму.", "Салфетки лежат в шкафу.",
           "Бабушка испекла кексы со сливками."]
ENGLISH = ["The kitten sleeps under a blanket.", "The napkins are in the cupboard.",
           "Grandma baked cupcakes with cream."]


def test_words_the_bitext_lacks_get_the_general_glosses_marked_as_guesses():
    lexicon = default_lexicon()
    for word, english in (("котенок", "kitte"), ("одеялом", "blank"), ("салфетки", "napki"), ("сливками", "cream")):
        assert russian_stem(word) not in lexicon.entries
        keys = lexicon.russian_keys(word)
        assert english in keys and GUESS in keys
    assert GUESS not in lexicon.russian_keys("бабушка")  # a learned stem's glosses are no guesses


def test_a_learned_stem_also_takes_the_general_glosses_after_its_own():
    learned = Lexicon.from_lines(["гаран\tguara", "и\t"]).with_general(general_dictionary())
    assert learned.russian_keys("гарантии")[:2] == ("guara", "warra")  # news taught "guarantee" alone
    assert learned.russian_keys("и") == ()  # a stem too common to count stays so
    pair = (["Гарантия не покрывает повреждения."], ["The warranty does not cover damage."])
    matched = [sum(_matched_one_to_one(Scorer.for_sentences(*pair, lexicon), [0], [0]))
               for lexicon in (learned, learned.with_general({}))]
    assert matched[0] > matched[1]


def test_a_guessed_gloss_adds_matches_but_no_mass():
    with_general = default_lexicon()
    without = with_general.with_general({})
    scorers = [Scorer.for_sentences(RUSSIAN[:1], ENGLISH[:1], lexicon) for lexicon in (with_general, without)]
    assert list(scorers[0].ru.mass) == list(scorers[1].ru.mass)
    matched = [sum(_matched_one_to_one(scorer, [0], [0])) for scorer in scorers]
    assert matched[0] >= matched[1] + 4  # kitten and blanket, both sides


def test_the_omitted_sentence_is_found_by_its_words():
    beads = [(b.source, b.target) for b in align_sentences(RUSSIAN, ENGLISH)]
    assert beads == [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,))]
    guessed_blind = [(b.source, b.target) for b in
                     align_sentences(RUSSIAN, ENGLISH, lexicon=default_lexicon().with_general({}))]
    assert ((1,), ()) not in guessed_blind  # without it the wrong sentence is left out


def test_a_lexicon_learned_elsewhere_shares_the_shipped_general_dictionary(tmp_path):
    (tmp_path / "align_lexicon.tsv").write_text("кот\tcat\n", encoding="utf-8")
    lexicon = load_lexicon(tmp_path)
    assert lexicon.general == general_dictionary() and len(lexicon.general) > 5000
    assert "kitte" in lexicon.russian_keys("котенок")
