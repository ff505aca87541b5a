"""aligner.entities.names: romanisation keys, Palladius, Russian names and places."""

import pytest

from aligner.entities.names import russian_names, supports
from aligner.entities.places import english_places, place_table, russian_places
from aligner.entities.romanise import (matches_russian, name_key, palladius_table,
                                       palladius_to_pinyin, pinyin_to_palladius)


@pytest.mark.parametrize("a, b", [("Sergei", "Sergey"), ("Sergei", "Sergej"), ("Yevgeny", "Evgeny"),
                                  ("Tokayev", "Tokaev"), ("Fyodor", "Fedor"), ("Shchukin", "Schukin")])
def test_scheme_variants_share_a_key(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("a, b", [("Ming", "Min"), ("Lavrov", "Lebedev"), ("Iran", "Iraq")])
def test_different_names_keep_different_keys(a, b):
    assert name_key(a) != name_key(b)


def test_palladius_table_is_one_to_one():
    table = palladius_table()
    assert len(table) == 406
    assert len(set(table.values())) == len(table)
    assert (table["zhang"], table["ming"], table["min"], table["hui"], table["ju"]) == \
        ("чжан", "мин", "минь", "хуэй", "цзюй")


@pytest.mark.parametrize("cyrillic, pinyin", [("Чжан", "Zhang"), ("Мин", "Ming"), ("Минь", "Min"),
                                              ("Си", "Xi"), ("Цзиньпин", "Jinping")])
def test_palladius_both_ways(cyrillic, pinyin):
    assert palladius_to_pinyin(cyrillic) == {pinyin}
    assert cyrillic in pinyin_to_palladius(pinyin)


def test_chinese_names_are_held_to_palladius():
    names = russian_names("подчеркнул Чжан Мин.")
    assert [(n.word, n.kind) for n in names] == [("Чжан", "chinese"), ("Мин", "chinese")]
    assert supports("Ming", names[1]) and not supports("Min", names[1])


@pytest.mark.parametrize("english, russian, expected", [
    ("Vershinin", "Вершинина", True), ("Tokayev", "Токаева", True), ("Nebenzia", "Небензя", True),
    ("Alexander", "Александр", True), ("Sobyani", "Собянин", False), ("Belarus", "Украины", False)])
def test_matches_russian(english, russian, expected):
    assert matches_russian(english, russian) is expected


def test_places_in_both_languages():
    ukraine = [p.english[0] for p in place_table()].index("Ukraine")
    assert [i for _, _, i in english_places("the Foreign Minister of Ukraine")] == [ukraine]
    assert ukraine in russian_places("Министр иностранных дел Украины")
