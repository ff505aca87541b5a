"""NUM001: numbers compared by value between source and translation (real WMT22 pairs)."""

import pytest
from rule_pairs import findings, make_pair, wmt

from aligner.checks import num001_number_mismatch as rule
from aligner.number_match import english
from aligner.numbers import extract


@pytest.mark.parametrize("key", ["paper", "tenge", "who", "thousand", "times", "price", "lit2"])
def test_clean_human_translations_pass(key):
    ru, en = wmt(key)
    assert findings(rule, ru, en) == []


def test_changed_figure_is_reported_with_the_source_value():
    ru, en = wmt("tenge")
    en = en.replace("105.8 million", "108.5 million")
    assert findings(rule, ru, en) == [
        ("NUM001", "error", 1, 102, 115,
         "“108.5 million” does not match the source, which has “105,8 млн”", "105.8 million")]


def test_russian_decimal_comma_in_english_is_reported():
    ru, en = wmt("paper")
    en = en.replace("353.8 million", "353,8 million")
    assert findings(rule, ru, en) == [
        ("NUM001", "error", 1, 124, 137, "“353,8” uses a decimal comma; English writes a decimal point",
         "353.8 million")]


def test_thousands_separator_read_as_decimal_point_is_a_different_value():
    ru = "Количество подтвержденных случаев выросло до 1 066."
    assert findings(rule, ru, "The number of confirmed cases rose to 1.066.") == [
        ("NUM001", "error", 1, 39, 44, "“1.066” does not match the source, which has “1 066”", "1,066")]


def test_dropped_number_is_reported_on_the_sentence():
    ru, en = wmt("who")
    en = en.replace("more than 55 million people", "many people")
    assert findings(rule, ru, en) == [
        ("NUM001", "warning", 1, 1, 61,
         "the source number “55 млн” (55 million) is missing from the translation", None)]


def test_number_words_match_digits_and_words():
    ru, en = wmt("thousand")
    assert findings(rule, ru, en.replace("forty thousand", "40,000")) == []
    assert findings(rule, ru, en.replace("forty", "fourteen")) == [
        ("NUM001", "error", 1, 11, 28,
         "“fourteen thousand” does not match the source, which has “сорока тысяч”", "40,000")]


def test_dates_compare_by_day_month_and_year():
    ru = "Саммит прошел 18 марта 2010 года."
    assert findings(rule, ru, "The summit was held on 18 March 2010.") == []
    assert findings(rule, ru, "The summit was held on March 18, 2010.") == []
    assert findings(rule, ru, "The summit was held on May 18, 2010.") == [
        ("NUM001", "error", 1, 24, 27, "“May” does not match the source, which has “марта”", "March")]


def test_six_dozen_is_not_six_tens():
    """A real mistranslation left in the WMT reference: шесть десятков = 60, six dozen = 72."""
    ru, en = wmt("dozen")
    assert findings(rule, ru, en) == [
        ("NUM001", "error", 1, 26, 35, "“six dozen” does not match the source, which has “шести десятках”",
         "sixty")]


def test_number_in_the_neighbouring_sentence_is_not_reported():
    ru = wmt("lit1")[0] + " " + wmt("lit2")[0]
    en = wmt("lit1")[1] + " 19th century Russian literature: we preferred Danilevsky and Volkonsky."
    assert findings(rule, ru, en) == []


def test_without_source_only_the_format_is_checked():
    pair = make_pair(None, "The toy works on 3 AA batteries of 1,5 V.")
    assert [(f.column, f.message) for f in rule.check(pair)] == [
        (36, "“1,5” uses a decimal comma; English writes a decimal point")]


@pytest.mark.parametrize("text, lang, values", [
    ("3,5 млн", "ru", [3_500_000]),
    ("3.5 million", "en", [3_500_000]),
    ("3,500,000", "en", [3_500_000]),
    ("1 066", "ru", [1066]),
    ("двадцать пять", "ru", [25]),
    ("twenty-five", "en", [25]),
    ("в 1990-х", "ru", [1990]),
    ("в 15:00", "ru", [900]),
    ("at 3 p.m.", "en", [900]),
    ("2020-21", "en", [2020, 21]),
    ("seventies-eighties", "en", [70, 80]),
])
def test_values(text, lang, values):
    assert [m.value for m in extract(text, lang)] == values


def test_english_rendering_of_russian_numbers():
    assert [english(m) for m in extract("3,5 млн, 1 066, 19-го, 1990-х, марта", "ru")] == [
        "3.5 million", "1,066", "19th", "1990s", "March"]


def test_changed_product_code():
    """WMT22 dev ecommerce_ru_12, with the load index or the rim code changed as a careless copy would."""
    ru = "Шина Pirelli (Пирелли) Scorpion Winter 265/45 R20 108V"
    en = "Pirelli Scorpion Winter Tire 265/45 R20 105V"
    assert findings(rule, ru, en, [((0, 1), (0,))]) == [
        ("NUM001", "error", 1, 41, 44, "“105” does not match the source, which has “108”", "108")]
    assert findings(rule, ru, en.replace("105V", "108V"), [((0, 1), (0,))]) == []
    assert findings(rule, ru, en.replace("105V", "108V").replace("R20", "R19"), [((0, 1), (0,))]) == [
        ("NUM001", "error", 1, 37, 40, "“R19” does not match the source, which has “R20”", "R20")]


def test_number_repeated_instead_of_changed():
    """WMT22 dev social_ru_41, its source reworded with "два-три раза" (the original has "пару-тройку")."""
    ru = "Съездить раза два-три, посмотреть и понять, что делать тут нечего."
    en = "To visit three or three times, have a look and realize that there is nothing to do here."
    assert findings(rule, ru, en) == [
        ("NUM001", "warning", 1, 19, 24, "“three” does not match the source, which has “два”", "two")]


def test_a_couple_of_thousand_is_two_thousand():
    # WMT21 ru-en MT (NiuTrans, tsuite-tedtalks-enru-rev-enru-talk-5): «пара тысяч лет»
    ru = "Иногда лед в айсбергах, которые я фотографирую, очень молод — ему всего пара тысяч лет."
    en = "Sometimes the ice in the icebergs I photograph is very young - it's only a couple of thousand years old."
    assert findings(rule, ru, en) == []
    assert [f[0] for f in findings(rule, ru, en.replace("thousand", "hundred"))] == ["NUM001"]
    assert [m.value for m in extract("a couple of million dollars", "en")] == [2_000_000]
    assert [m.value for m in extract("a couple of days", "en")] == [2]
