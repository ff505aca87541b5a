"""Names compared by sound across scripts (aligner.entities.sounds) and NAM002 on foreign names in
their own spelling; sentences after WMT21/WMT22 human translations (bench/false_alarms.py)."""

import pytest
from rule_pairs import findings

from aligner.checks import nam002_name_contradicts_source as rule
from aligner.entities.romanise import lemmas
from aligner.entities.sounds import russian_stems, sound_alike


@pytest.mark.parametrize("english, russian", [
    ("Schröder", "Шрёдер"), ("Kaczyński", "Качиньский"), ("Macron", "Макрон"), ("Petrova", "Петровой"),
    ("Natalia", "Наталья"), ("Stephen", "Стивен"), ("Mateusz", "Матеушем"), ("Ochsner", "Окснер"),
    ("Michael", "Майкла"), ("Jones", "Джонс"), ("Scholz", "Шольц"),
])
def test_same_name_sounds_alike(english, russian):
    assert sound_alike(english, russian_stems(russian, lemmas(russian)[1:]))


@pytest.mark.parametrize("english, russian", [("Toidze", "Мишустин"), ("Lavarev", "Лазарева"), ("Bogolepova", "Пирогова")])
def test_other_names_do_not(english, russian):
    assert not sound_alike(english, russian_stems(russian, lemmas(russian)[1:]))


@pytest.mark.parametrize("ru, en", [
    ("Об этом сообщил Стивен Окснер.", "This was reported by Stephen Ochsner."),
    ("Премьер Польши Матеуш Моравецкий встретился с Шольцем.", "Polish Prime Minister Mateusz Morawiecki met Scholz."),
    ("Франция пригрозила судебным иском.", "Paris threatened legal action."),
    ("В Московском регионе ожидаются дожди.", "Rain is expected in the Moscow region."),
    ("Актер сериала «Чики» ответил на претензии.", "An actor from the serial \"Chicks\" responded."),
])
def test_foreign_names_in_their_own_spelling_pass(ru, en):
    assert findings(rule, ru, en) == []


@pytest.mark.parametrize("ru, en, flagged", [
    ("Об этом сообщил вирусолог Сергей Нетесов.", "This was reported by virologist Sergi Netesov.", "Sergi"),
    ("Экономист Антон Покатович не исключает этого.", "Economist Anton Poktaovich does not rule it out.",
     "Poktaovich"),
    ("Об этом сообщил Карл Фаберже.", "This was reported by Crl Faberge.", "Crl"),
])
def test_slips_are_still_flagged(ru, en, flagged):
    assert flagged in [f[5].split("'")[1] for f in findings(rule, ru, en)]
