"""Model codes and list markers are not garbles (REP001, FRG001, FRG002; docs/precision.md):
each beside the same sentence with the condition removed, so the rule still fires."""

from __future__ import annotations

from rule_pairs import found


def test_an_article_before_an_aircraft_model_code_is_no_repeat():
    ru = "В Новосибирск прилетел Ан-124 с гуманитарным грузом."
    assert found("REP001", ru, "An An-124 with humanitarian cargo arrived in Novosibirsk.") == []
    assert found("REP001", ru, "An an aircraft with humanitarian cargo arrived in Novosibirsk.") == [
        ("error", "An an")]


def test_a_list_items_letter_is_no_dangling_article():
    ru = "Решение принято по двум вопросам: а) о бюджете; б) о выборах."
    assert found("FRG002", ru, "The decision covers two questions: a) the budget; b) the elections.") == []
    assert found("FRG002", ru, "The decision covers two questions about a) the budget.") == [("warning", "a)")]


def test_a_sentence_may_end_on_a_model_code():
    ru = "На параде показали тяжелую огнеметную систему ТОС-1А."
    assert found("FRG001", ru, "The parade showed the heavy flamethrower system TOS-1A.") == []
    assert found("FRG001", ru, "The parade showed the heavy flamethrower system of a.") == [("warning", "a")]
