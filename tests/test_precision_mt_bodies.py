"""Named abstentions of the entity rules on WMT21 machine translations (issue 16, item 5;
docs/precision.md): each on the sentence judged false in bench/reviewed_findings.tsv
(shortened), beside the same sentence with the condition removed, so the rule still fires."""

from __future__ import annotations

from rule_pairs import found
from test_rule_body_variants import corpus
from test_termbase import make_pair

from aligner.entities.gazetteer import russian_mentions

ARMENPRESS = ("Как сообщили Арменпресс в Министерстве по чрезвычайным ситуациям РА, столкнулись "
              "автомобиль и грузовик (водитель Ахад, гражданин Исламской Республики Иран).")


def test_ra_written_in_capitals_names_armenia():
    en = ("As reported by Armenpress in the Ministry of Emergency Situations of the Republic of Armenia, "
          "a car and a truck (driver Ahad, citizen of the Islamic Republic of Iran) collided.")
    assert found("ENT004", ARMENPRESS, en) == []  # armenpress-ru.8501 (AFRL)
    assert found("ENT004", ARMENPRESS, en.replace("Armenia", "Azerbaijan")) == [("error", "Republic of Azerbaijan")]
    assert [m.text for m in russian_mentions("Египетский бог Ра правил небом.")] == ["Египетский"]


def test_another_countrys_body_by_its_own_acronym():
    ru = "25 июля в Национальный центр Спасательной службы МЧС РА поступил сигнал о ДТП."
    en = "On July 25 the National Crisis Management Center of RA MES received a signal about an accident."
    assert found("TRM001", ru, en) == []  # armenpress-ru.8501 (Online-W)
    assert found("TRM001", ru, en.replace(" of RA MES", "")) != []


def test_an_acronym_spelt_out_short_in_the_bodys_own_words():
    ru = "Как сообщили в МЧС, мужчина скончался на месте."
    assert found("ENT001", ru, "As reported by the Ministry of Emergencies, the man died on the spot.") == []
    assert found("ENT001", ru, "As reported by the Ministry of Emergency Affairs, the man died on the spot.") != []


def test_a_unit_of_one_body_is_not_another_bodys_near_miss():
    ru = ["Банк России сохранил ставку.", "Центральный банк ожидает роста.",
          "Девочка пострадала, рассказали в пресс-службе регионального главка МВД."]
    en = ["The Bank of Russia kept the rate.", "The Central Bank expects growth.",
          "A girl was injured, the press service of the regional Central Board of the Ministry of Internal Affairs said."]
    assert found("ENT003", "\n".join(ru), "\n".join(en)) == []  # mk.224316 (Online-A)
    ru[2] = "Девочка пострадала, рассказали в пресс-службе регулятора."
    assert found("ENT003", "\n".join(ru), "\n".join(en)) == [("warning", "Central Bank")]  # three names


def test_accepted_names_one_in_each_document_are_consistent():
    names = ["the Emergency Situations Ministry said.", "the Emergencies Ministry said.",
             "the Ministry of Emergency Situations said."]  # rt-russian.73306, vesti.ru.343822, mk.224327
    pairs = [make_pair(None, ["The fire was put out, " + name], path=f"{n}.en.txt") for n, name in enumerate(names)]
    assert corpus(pairs) == []
    pairs[0] = make_pair(None, ["The fire was put out, " + names[0], "No one was hurt, " + names[1]], path="0.en.txt")
    assert [(f.path, f.text) for f in corpus(pairs)] == [("0.en.txt", "Emergency Situations Ministry")]
