"""LEN001's corroboration on the general classes of issue 16's held-out false alarms (real
text from tests/data/rules/length_loose.tsv), each beside a variant where the rule must
still fire: units abbreviated on one side and spelt out on the other, words of closed
grammatical classes, a line between two pairs drawn a sentence off, a one-word explanation,
and a rendering cut off mid-sentence."""

from __future__ import annotations

import dataclasses

import pytest
from rule_pairs import findings, make_pair
from test_length_corroboration import case

from aligner.checks import len001_length_mismatch as length
from aligner.checks._unmatched import is_content, is_grammar_word, matched_count, stretches, unit_key


@pytest.mark.parametrize("russian, english", [("км", "kilometers"), ("километров", "km"), ("млн", "million"),
                                              ("кг", "kilograms"), ("руб", "roubles"), ("тыс", "thousand")])
def test_a_unit_is_one_word_abbreviated_or_spelt_out(russian, english):
    assert unit_key(russian, "ru") and unit_key(russian, "ru") == unit_key(english, "en")


def test_different_units_do_not_match():
    assert unit_key("км", "ru") != unit_key("miles", "en")
    assert unit_key("сапог", "ru") == frozenset()


@pytest.mark.parametrize("word, language", [("going", "en"), ("down", "en"), ("being", "en"), ("whose", "en"),
                                            ("который", "ru"), ("этом", "ru"), ("чтобы", "ru")])
def test_closed_class_words_are_not_content(word, language):
    assert is_grammar_word(word, language) and not is_content(word, language)


@pytest.mark.parametrize("word, language", [("crush", "en"), ("kilometers", "en"), ("диаметре", "ru"),
                                            ("сожмем", "ru")])
def test_open_class_words_stay_content(word, language):
    assert is_content(word, language) and not is_grammar_word(word, language)


def test_a_unit_spelt_out_with_a_phrasal_verb_is_no_addition():
    """«Сожмем их до 60 км в диаметре.» / "So now we're going to crush them down to 60 kilometers
    across.": км is kilometers, "going" and "down" are grammar, so one word is left on each side."""
    ru, en = case("ted_km")
    assert stretches(ru, en) == (1, 1)
    assert findings(length, ru, en) == []


def test_the_same_sentence_with_an_added_clause_is_an_addition():
    ru, en = case("ted_km")
    en = en[:-1] + ", while the astronomers in Chile keep measuring their brightness every night."
    assert [f[:2] for f in findings(length, ru, en)] == [("LEN001", "warning")]


def misaligned() -> tuple[str, str]:
    """Two segments of a TED talk: «Изначально это массажное кресло.» | «Его разобрали ...
    элементы. Вибрация используется ...» against "So this is a chair ..." | "We gut it out,
    and we rearrange the vibrating elements ..."."""
    chair_ru, chair_en = case("ted_chair")
    vibration_ru, vibration_en = case("ted_vibration")
    return f"{chair_ru} {vibration_ru}", f"{chair_en} {vibration_en}"


def test_a_pair_whose_line_is_drawn_a_sentence_off_is_no_addition():
    """Aligned as the aligner did (2-1, 1-1), "We gut it out ..." is too long for «Вибрация ...»
    alone; «Его разобрали и переставили в нем вибрирующие элементы.» belongs with it."""
    ru, en = misaligned()
    assert findings(length, ru, en, beads=[((0, 1), (0,)), ((2,), (1,))]) == []


def test_the_same_pair_is_too_long_when_the_neighbour_does_not_hold_its_words():
    ru, en = misaligned()
    ru = ru.replace("Его разобрали и переставили в нем вибрирующие элементы.", "Его купили в магазине в Вирджинии.")
    assert [f[:2] for f in findings(length, ru, en, beads=[((0, 1), (0,)), ((2,), (1,))])] == [("LEN001", "warning")]


def test_one_unmatched_word_more_than_the_source_is_no_added_clause():
    """«... страны разные буквально во всём.» / "... very different countries in all sorts of
    ways.": two English words without a counterpart against one in the source."""
    ru, en = case("ted_graph")
    assert stretches(ru, en) == (1, 2)
    assert length.reworded_longer(ru, en)


def schedule() -> tuple[str, str]:
    """Three sentences of a WMT21 MT output (AFRL, mk.224365): the middle one, the schedule,
    stops after "at 339"; the last round table is lost, though its words (июля, 18:30,
    округе, улица) are matched by the earlier items."""
    rows = [case(name) for name in ("mt_schedule_before", "mt_schedule_cut", "mt_schedule_after")]
    return "\n".join(ru for ru, _ in rows), "\n".join(en for _, en in rows)  # a line each


def test_a_rendering_cut_off_mid_sentence_is_reported():
    ru, en = case("mt_schedule_cut")
    assert length.cut_off(ru, en)
    assert [f[:2] for f in findings(length, *schedule())] == [("LEN001", "warning")]


def test_the_same_rendering_closed_is_not_cut_off():
    ru, en = case("mt_schedule_cut")
    assert not length.cut_off(ru, en + " Kalinina Street.")


def test_a_translation_without_full_stops_says_nothing_by_leaving_one_out():
    """The same three renderings with every full stop left out (subtitles, lists): the missing
    one is no sign of a cut, and the schedule's words alone do not show the lost item."""
    ru, en = schedule()
    assert findings(length, ru, en.replace("reported.", "reported").replace("stages.", "stages")) == []


def test_a_loanword_the_lexicon_never_saw_matches_its_cognate():
    """подиум / podium: the aligner's cognates (aligner.align.cognates) count as counterparts."""
    ru, _ = case("sport_podium")
    assert matched_count(ru, "the podium", "en") == 1
    assert matched_count(ru, "the rostrum", "en") == 0


def widened(tmp_path, ru: str, en: str):
    """The pair checked with LEN001's thresholds at -2 / +2 (the shipped model otherwise)."""
    from aligner.checks._beads import length_model
    model = {**length_model(), "too_short": -2.0, "too_long": 2.0}
    path = tmp_path / "model.tsv"
    path.write_text("name\tvalue\n" + "".join(f"{k}\t{v}\n" for k, v in model.items()), encoding="utf-8")
    pair = dataclasses.replace(make_pair(ru, en), options={"LEN001": {"model": str(path)}})
    return [f.rule for f in length.check(pair)]


def test_a_headline_is_not_judged_by_the_length_of_running_text(tmp_path):
    """A WMT22 en-ru headline, reversed: the Russian spells out what English headlinese drops."""
    ru, en = case("enru_headline")
    assert widened(tmp_path, ru, en) == []


def test_the_same_words_as_running_text_are_judged(tmp_path):
    ru, en = case("enru_headline")
    assert widened(tmp_path, ru + ".", en + ".") == ["LEN001"]
    assert widened(tmp_path, f"Вчера. {ru}", f"Yesterday. {en}") == ["LEN001"]  # not on a line of its own


def test_an_abbreviation_spelt_out_is_no_added_clause(tmp_path):
    """«лучшие вузы страны» / "the best institute of higher education in the country": вуз
    stands for three words (высшее учебное заведение), so three English words are no addition."""
    ru, en = case("vuz")
    assert stretches(ru, en) == (1, 3)
    assert stretches(ru, en, spelt_out=True) == (3, 3)
    assert widened(tmp_path, ru, en) == []
    assert widened(tmp_path, ru.replace("вузы", "школы"), en) == ["LEN001"]
