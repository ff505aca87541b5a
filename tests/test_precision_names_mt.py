"""Named abstentions of the entity and number rules found by judging the [held-out-2] sample
of findings on MT output (bench/mt_precision.py, docs/precision.md), on the real text
(tests/data/names/mt_held_out_2.json), each beside the same text with the condition removed,
so the rule still fires where it should."""

from __future__ import annotations

import json
from pathlib import Path

from rule_pairs import found

from aligner.config import Config
from aligner.engine import check_texts

CASES = json.loads((Path(__file__).parent / "data" / "names" / "mt_held_out_2.json").read_text(encoding="utf-8"))


def test_a_loanword_written_in_lowercase_elsewhere_is_no_misspelt_name():
    case = CASES["spunbond"]  # спанбонд / spunbond: the English word the Russian borrowed
    assert found("NAM002", case["ru"], case["en"]) == []
    alone = (case["ru"].split(". ")[1], case["en"].split(". ")[1])  # capitalised only, nowhere in lowercase
    assert found("NAM002", *alone) == [("warning", "Spunbond")]


def test_an_adjective_opening_a_sentence_is_no_person():
    case = CASES["cast_aluminium"]  # «Литой алюминиевый корпус»: the analyser also reads Лита
    assert found("NAM002", case["ru"], case["en"]) == []
    assert found("NAM002", case["ru"].replace("Литой алюминиевый", "Литой Ивановой"),
                 case["en"].replace("Casted aluminum", "Casted Ivanova's")) != []


def test_a_foreign_names_own_h_for_russian_g_is_no_slip():
    case = CASES["melik_huseynov"]  # Мелик-Гусейнов: Huseynov, the Azerbaijani spelling
    assert found("NAM002", case["ru"], case["en"]) == []
    slipped = check_texts(case["ru"], case["en"].replace("Melik-Huseynov", "Melik-Gusenov"),
                          Config(select=("NAM002",))).findings  # a letter dropped: a slip
    assert [(f.text, f.suggestion) for f in slipped] == [("Melik-Gusenov", "Melik-Guseynov")]  # both capitals


def test_a_cup_stage_named_by_a_fraction_is_its_number_of_teams():
    case = CASES["round_of_16"]  # «1/8 финала»: the round of 16
    assert found("NUM001", case["ru"], case["en"]) == []
    assert found("NUM001", case["ru"], case["en"].replace("round of 16", "round of 18")) == [("warning", "18")]


def test_one_given_name_of_two_people_spelt_two_ways_is_house_style():
    case = CASES["artem_artyom"]  # Artyom Sverd and Artem Suvorov: two surnames, two people
    assert found("NAM001", case["ru"], case["en"]) == []
    one_person = case["en"].replace("Artyom Sverd", "Artyom Suvorov")
    assert found("NAM001", case["ru"], one_person) == [("warning", "Artem")]
    case = CASES["bramell"]  # a surname beside two different words is still one name spelt two ways
    assert found("NAM001", case["ru"], case["en"]) != []


def test_a_message_names_other_documents_from_the_findings_own(tmp_path):
    from aligner.records import path_from  # ENT003 and NAM001 name places so, not by a temporary path

    own, other = tmp_path / "en" / "a.txt", tmp_path / "en" / "b.txt"
    assert path_from(str(own), str(own)) == "this document"
    assert path_from(str(other), str(own)) == "b.txt"
    assert str(tmp_path) not in path_from(str(tmp_path / "ru" / "b.txt"), str(own))
