"""CLQ001: calques and false friends of Russian diplomatic wording, on real sentence pairs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from aligner.checks import clq001_russian_calque as calques
from aligner.tables import read_table
from rule_pairs import make_pair

DATA = Path(__file__).parent / "data" / "calques" / "pairs.tsv"


def pairs() -> dict[str, tuple[str, str]]:
    lines = [line for line in DATA.read_text("utf-8").splitlines() if not line.startswith("#")]
    header = lines[0].split("\t")
    rows = [dict(zip(header, line.split("\t"))) for line in lines[1:]]
    return {row["key"]: (row["ru"], row["en"]) for row in rows}


PAIRS = pairs()


def found(ru: str | None, en: str) -> list[tuple[int, str, str]]:
    """(column, flagged text, suggestion) of every CLQ001 finding."""
    pair = make_pair(ru, en)
    return [(f.column, f.text, f.suggestion) for f in calques.check(pair)]


@pytest.mark.parametrize("key, expected", [
    ("please-draw", [(1, "Please draw your attention", "I would like to draw your attention")]),
    ("global-peace", [(124, "global peace and international security", "international peace and security")]),
    ("conjugation", [(183, "conjugation of", "alignment of")]),
    ("non-alternative", [(243, "non-alternative", "indispensable")]),
    ("un-site", [(5, "UN site", "UN platform")]),
    ("its-project", [(109, "Its project", "Its draft")]),
    ("reconciliation", [(1, "Reconciliation of", "Approval of")]),
    ("deputy", [(236, "Deputy of the", "Member of the")]),
    ("charter-preamble", [(39, "future generations from the scourge of war",
                          "succeeding generations from the scourge of war"),
                         (86, "establish faith in human rights", "reaffirm faith in fundamental human rights")]),
    ("metropolitan", [(122, "former metropolitan countries", "former colonial powers")]),
])
def test_corpus_calques_are_reported_with_the_official_wording(key, expected):
    ru, en = PAIRS[key]
    assert found(ru, en) == expected


def test_multi_vector_is_left_alone_when_the_source_says_многовекторный():
    ru, en = PAIRS["multi-vector"]
    assert found(ru, en) == []


def test_multi_vector_is_reported_when_the_source_says_многопрофильный():
    ru, en = PAIRS["multi-vector"]
    ru = ru.replace("многовекторную", "многопрофильную")
    assert found(ru, en) == [(79, "multi-vector", "multifunctional")]


@pytest.mark.parametrize("key", ["its-project", "un-site", "reconciliation", "multi-vector"])
def test_ambiguous_wording_is_silent_without_a_source(key):
    _, en = PAIRS[key]
    assert found(None, en) == []


@pytest.mark.parametrize("key", ["please-draw", "global-peace", "non-alternative", "deputy", "metropolitan"])
def test_unambiguous_wording_is_reported_without_a_source(key):
    ru, en = PAIRS[key]
    assert found(None, en) == found(ru, en) != []


@pytest.mark.parametrize("key", ["wmt-complex-of", "wmt-dynamics", "wmt-project", "wmt-deputy"])
def test_clean_references_with_look_alike_words_pass(key):
    ru, en = PAIRS[key]
    assert found(ru, en) == []


def test_gate_needs_the_russian_word_in_the_aligned_sentence():
    en = "The meeting discussed actual problems of regional security."
    assert found("На встрече обсуждались реальные проблемы региональной безопасности.", en) == []
    assert found("На встрече обсуждались актуальные проблемы региональной безопасности.", en) == [
        (23, "actual", "pressing")]


def test_replacement_keeps_the_sentence_grammatical():
    en = "The Council adopted the project of the resolution by consensus."
    (column, text, suggestion), = found(None, en)
    assert (column, text, suggestion) == (25, "project of the", "draft")
    start = column - 1
    assert en[:start] + suggestion + en[start + len(text):] == "The Council adopted the draft resolution by consensus."


def test_message_names_the_source_word_and_the_reference():
    ru, en = PAIRS["un-site"]
    finding, = calques.check(make_pair(ru, en))
    assert finding.message == (
        "“UN site” is a calque: use “UN platform” (or “UN venue”); площадка (ООН) is a platform or venue; "
        "'the UN site' reads as the UN's website or premises (the source has «Площадка») "
        "[source: Oxford Learner's Dictionaries: site, platform (sense 'opportunity to express views'); "
        "UN usage 'the United Nations platform']")
    assert finding.evidence.text == ru


def test_every_table_row_is_complete_and_compiles():
    rows = read_table("calques.tsv")
    assert 40 <= len(rows) <= 120
    for row in rows:
        assert row["en"] and row["suggestion"] and row["note"] and row["source"] and row["example"], row
        re.compile(row["en"])
        for group in filter(None, row["ru"].split(" & ")):
            for alternative in group.split("|"):  # one word: the Russian tokens split at hyphens
                assert re.fullmatch(r"[а-яё]+\*?", alternative), (row["en"], alternative)


def _gate_sentence(gate: str) -> str:
    """A Russian 'sentence' holding the first alternative of every gate group."""
    return " ".join(group.split("|")[0].rstrip("*") for group in gate.split(" & ")) + "."


@pytest.mark.parametrize("row", read_table("calques.tsv"), ids=lambda row: row["example"][:40])
def test_every_row_flags_its_example_and_only_with_its_gate(row):
    en = row["example"]
    en_count = len(make_pair(None, en).target_sentences)
    notes = lambda pair: [f for f in calques.check(pair) if row["note"] in f.message]
    if row["ru"]:
        opened = make_pair(_gate_sentence(row["ru"]), en, beads=[((0,), tuple(range(en_count)))])
        shut = make_pair("Это другое предложение.", en, beads=[((0,), tuple(range(en_count)))])
        assert notes(opened) and not notes(shut) and not notes(make_pair(None, en))
    else:
        assert notes(make_pair(None, en))


def _starts(pattern: str) -> list[str]:
    starts, _ = calques._literal_starts(calques.regex_parser.parse(pattern, re.IGNORECASE))
    return sorted(starts)


def test_literal_starts_run_through_groups_optional_parts_and_lookarounds():
    assert _starts(r"\b(?:(?:parliamentary |party )?fractions?\b)\b") == [
        "fraction", "fractions", "parliamentary fraction", "parliamentary fractions",
        "party fraction", "party fractions"]
    assert _starts(r"\b(?:(UN|OSCE) site)\b") == ["osce site", "un site"]
    assert _starts(r"regulation of (?=the )|(?<=\bcrisis )regulation") == ["regulation", "regulation of "]
    assert _starts(r"non-?alternative") == ["non-alternative", "nonalternative"]
    assert _starts(r"[Ss]tate|states") == ["", "states"]  # a class: no literal start


def test_every_row_has_a_literal_start_to_search_for():
    assert [row.line for row in calques.calques() if row.trigger is None] == []


def test_folding_keeps_offsets_and_the_letters_that_match_ascii_ignoring_case():
    assert calques._folded("NON-Alternative İſ\u212a Ä") == "non-alternative isk Ä"


def test_rows_are_found_in_capitals_and_in_the_right_sentence():
    en = "This is fine. It plays a NON-ALTERNATIVE role. Nothing here; again a non-alternative role."
    found = list(calques.check(make_pair(None, en)))
    assert [(f.column, f.end_column, f.text) for f in found] == [
        (26, 41, "NON-ALTERNATIVE"), (70, 85, "non-alternative")]
