"""LEN001's named abstentions of issue 16 on the real sentences that needed them
(tests/data/rules/length_loose.tsv, WMT21 ru-en references A and B), each beside the same
text with the condition removed, so the rule still fires where it should: a body the source
names by one word (Роскомнадзор, Росгидромет) and the translation spells out, and a
condensed rendering whose unmatched words are scattered over both sides."""

from __future__ import annotations

import csv

import pytest
from rule_pairs import DATA, findings

from aligner.checks import len001_length_mismatch as length
from aligner.checks._spelt_out import names_body, spelt_out_names

ROSKOMNADZOR = "the Federal Service for Supervision of Communications, Information Technology and Mass Media"


def case(name: str) -> tuple[str, str]:
    with open(DATA / "length_loose.tsv", encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        row = next(row for row in rows if row["case"] == name)
    return row["ru"], row["en"]


def test_a_stump_compound_spelt_out_is_no_addition():
    ru, en = case("roskomnadzor")
    assert spelt_out_names(ru, en) == [("Роскомнадзор", ROSKOMNADZOR[4:])]
    assert findings(length, ru, en) == []


def test_the_same_length_of_unrelated_text_is_an_addition():
    ru, en = case("roskomnadzor")
    en = en.replace(ROSKOMNADZOR, "Roskomnadzor, a service whose violent scenes have angered viewers and critics for months,")
    assert [f[:2] for f in findings(length, ru, en)] == [("LEN001", "warning")]


def test_an_inflected_body_name_spelt_out_is_no_addition():
    ru, en = case("rosgidromet")  # Росгидромета, genitive
    assert findings(length, ru, en) == []


def test_the_spelt_out_name_without_its_body_in_the_source_is_an_addition():
    ru, en = case("rosgidromet")
    assert [f[:2] for f in findings(length, ru.replace("Росгидромета", "службы"), en)] == [("LEN001", "warning")]


@pytest.mark.parametrize("word, body", [("Минобороны", True), ("МЧС", True), ("Генпрокуратуры", True),
                                        ("Россельхознадзор", True), ("По", False), ("Москва", False)])
def test_bodies_come_from_the_dictionary_tags(word, body):
    """OpenCorpora's Orgn/Abbr grammemes (pymorphy3), a guess by analogy for an unknown word."""
    assert names_body(word) is body


def test_a_condensed_rendering_is_not_cut():
    """The subtitle's list is rendered item by item in other words: the lexicon leaves
    scattered words unmatched on both sides (longest stretch 2 in the Russian, 4 in the English)."""
    ru, en = case("ted_condensed")
    assert length.reworded_shorter(ru, en)


def test_the_same_rendering_with_its_list_cut_is_too_short():
    ru, _ = case("ted_condensed")
    en = "Internationally comparable data on life expectancy, on kids' maths and literacy scores, and social mobility."
    assert not length.reworded_shorter(ru, en)
    assert [f[:2] for f in findings(length, ru, en)] == [("LEN001", "warning")]
