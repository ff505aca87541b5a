"""NAM002 on real WMT22 ru->en sentence pairs: clean references pass, changed names flag."""

import pytest

from aligner.engine import check_texts

SOBYANIN = ("Ранее мэр Москвы Сергей Собянин заявил, что электронные услуги экономят гражданам 2 дня в году.",
            "Moscow Mayor Sergei Sobyanin said earlier that electronic services save citizens 2 days a year.")
SCHOLZ = ("Между тем FT отмечает, что позиция нового немецкого правительства под руководством канцлера "
          "Олафа Шольца по поводу разрешения поставок вооружений на Украину пока остается неясной.",
          "However, as FT points out, the position of the new German government headed by Chancellor "
          "Olaf Scholz on permitting weapons supplies to Ukraine remains unclear.")
OSTEEN = ("Инцидент произошел в крупной евангелической церкви Лейквуд, где проповедует пастор Джоэл Остин, "
          "обещающий, что набожных христиан ждет богатство и процветание.",
          "The incident took place at the large Lakewood evangelical church where pastor Joel Osteen "
          "preaches, promising wealth and prosperity for devout Christians.")
HOU = ("Основные технологии, разработанные компанией CRRC Zhuzhou Locomotive Co. Ltd., позволяют поездам "
       "автоматически выявлять и диагностировать технические неисправности, отметил представитель "
       "компании Хоу Чжаовэнь.",
       "The core technologies developed by CRRC Zhuzhou Locomotive Co. Ltd. allow for automatic "
       "troubleshooting of train faults, according to company representative Hou Zhaowen.")


def nam002(ru, en):
    return [(f.column, f.text, f.suggestion) for f in check_texts(ru, en).findings if f.rule == "NAM002"]


@pytest.mark.parametrize("pair", [SOBYANIN, SCHOLZ, OSTEEN, HOU])
def test_clean_references_pass(pair):
    assert nam002(*pair) == []


def test_dropped_letter_in_a_russian_surname():
    ru, en = SOBYANIN
    assert nam002(ru, en.replace("Sobyanin", "Sobyani")) == [(21, "Sobyani", "Sobyanin")]


def test_palladius_slip_in_a_chinese_name():
    ru, en = HOU
    assert nam002(ru, en.replace("Zhaowen", "Zhaowan")) == [(162, "Zhaowan", "Zhaowen")]


def test_foreign_name_in_a_real_english_spelling_passes():
    ru, en = OSTEEN
    assert nam002(ru, en.replace("Osteen", "Austin")) == []  # Остин heard as Austin: a real name


def test_wrong_person_named_in_the_source():
    ru, en = SOBYANIN
    assert nam002(ru, en.replace("Sobyanin", "Lukashenko")) == [(21, "Lukashenko", "Sobyanin")]


def test_wrong_country():
    ru, en = SCHOLZ
    assert nam002(ru, en.replace("Ukraine", "Belarus")) == [(137, "Belarus", "Ukraine")]
