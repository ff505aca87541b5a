"""Applying accepted replacements: structured replacements, conflicts, changelog."""

import json
from dataclasses import replace
from pathlib import Path

import pytest

from aligner.fix import (accept_rules, changelog, corrected_pairs, fix_document, map_offset, replacement,
                         unified_diff)
from aligner.io import read_document
from aligner.records import Bead, Pair, Replacement, Sentence

DATA = Path(__file__).parent / "data" / "editor"


def line_pair(en_path, ru_path=None, beads=()):
    """A Pair with one sentence per non-blank line (the test files are written that way)."""
    en = read_document(en_path)
    ru = read_document(ru_path) if ru_path else None

    def sentences(document):
        return [Sentence(s.start, s.end, s.text) for s in document.lines() if s.text.strip()]

    return Pair(en, sentences(en), ru, sentences(ru) if ru else [], list(beads))


def finding_on(pair, text, fix, rule="NAM001", occurrence=0, severity="warning", advice=None):
    start = -1
    for _ in range(occurrence + 1):
        start = pair.target.text.index(text, start + 1)
    return pair.finding(rule, severity, start, start + len(text), f"flagged {text!r}", fix, advice=advice)


@pytest.fixture
def sco():
    return line_pair(DATA / "sco_en.txt")


@pytest.fixture
def zhang_min(sco):
    """'Zhang Min' where the same paragraph has 'Zhang Ming' (the second occurrence of 'Zhang Min')."""
    return finding_on(sco, "Zhang Min", "Zhang Ming", occurrence=1)


def test_a_rule_sets_the_replacement_of_its_span(sco, zhang_min):
    assert zhang_min.replacement == Replacement(zhang_min.start, zhang_min.end, "Zhang Ming")
    assert sco.target.text[zhang_min.replacement.start:zhang_min.replacement.end] == "Zhang Min"
    assert zhang_min.suggestion == replacement(zhang_min) == "Zhang Ming"


def test_advice_is_shown_but_never_applied(sco):
    advice = finding_on(sco, "Zhang Min", None, advice="check the name against the source")
    assert advice.suggestion == "check the name against the source"
    assert advice.replacement is None and replacement(advice) is None


def test_an_empty_replacement_deletes_and_a_finding_without_span_has_none(sco):
    assert replacement(finding_on(sco, "Zhang Min", "")) == ""
    start = sco.target.text.index("Zhang Min")
    assert sco.finding("NAM001", "warning", start, start, "no span", "Zhang Ming").replacement is None


def test_accepting_the_name_fix_leaves_one_rendering(sco, zhang_min):
    result = fix_document(sco.target, [zhang_min], accept_rules("NAM001"))
    assert result.text.count("Zhang Ming") == 2
    assert "Zhang Min." in sco.target.text and "Zhang Min." not in result.text
    assert result.text == sco.target.text.replace("emphasized Zhang Min.", "emphasized Zhang Ming.")
    [edit] = result.applied
    assert (edit.rule, edit.line, edit.column, edit.before, edit.after) == ("NAM001", 5, 444, "Zhang Min", "Zhang Ming")
    assert result.conflicts == [] and result.skipped == []


def test_changelog_has_diff_and_edits_with_original_positions(sco, zhang_min):
    result = fix_document(sco.target, [zhang_min], accept_rules("all"))
    diff = unified_diff(result, "sco_en.txt", "corrected.txt").splitlines()
    assert diff[:3] == ["--- sco_en.txt", "+++ corrected.txt", "@@ -2,6 +2,6 @@"]
    assert [line[:1] for line in diff[3:]] == [" ", " ", " ", "-", "+", " ", " "]
    assert diff[6].endswith("emphasized Zhang Min.\xa0") and diff[7].endswith("emphasized Zhang Ming.\xa0")
    log = json.loads(json.dumps(changelog(result)))
    assert log["edits"] == [{
        "rule": "NAM001", "path": sco.target.path, "start": 884, "end": 893, "line": 5, "column": 444,
        "end_line": 5, "end_column": 453, "before": "Zhang Min", "after": "Zhang Ming",
        "message": "flagged 'Zhang Min'"}]


def test_rules_not_accepted_are_left_alone(sco, zhang_min):
    number = finding_on(sco, "3.5 billion", "3.5 billion people", rule="NUM001")
    result = fix_document(sco.target, [zhang_min, number], accept_rules("num001"))
    assert [edit.rule for edit in result.applied] == ["NUM001"]
    assert "Zhang Min." in result.text


def test_overlapping_fixes_are_reported_not_applied(sco, zhang_min):
    other = finding_on(sco, "emphasized Zhang Min", "stressed Zhang Min", rule="STY001", severity="info")
    result = fix_document(sco.target, [zhang_min, other], accept_rules("all"))
    assert result.text == sco.target.text
    assert result.applied == []
    assert sorted((e.rule, e.after) for e in result.conflicts) == [
        ("NAM001", "Zhang Ming"), ("STY001", "stressed Zhang Min")]


def test_the_same_fix_from_two_rules_is_applied_once(sco, zhang_min):
    twin = replace(zhang_min, rule="TRL001")
    result = fix_document(sco.target, [zhang_min, twin], accept_rules("all"))
    assert result.text.count("Zhang Ming") == 2 and result.conflicts == []
    assert len(result.applied) == 1


def test_advice_and_stale_findings_are_skipped_with_a_reason(sco, zhang_min):
    advice = replace(zhang_min, suggestion="check the name against the source", replacement=None)
    stale = replace(zhang_min, start=zhang_min.start + 1, end=zhang_min.end + 1)
    result = fix_document(sco.target, [advice, stale], accept_rules("all"))
    assert result.text == sco.target.text
    assert sorted(s.reason for s in result.skipped) == [
        "advice only, no replacement text", "the flagged text is not at its offsets (stale finding)"]


def test_an_editor_replacement_wins_over_the_suggestion(sco, zhang_min):
    result = fix_document(sco.target, [zhang_min], lambda finding: "Zhang Ming (SCO)")
    assert "emphasized Zhang Ming (SCO)." in result.text


def test_offsets_map_into_the_corrected_text(sco, zhang_min):
    result = fix_document(sco.target, [zhang_min], accept_rules("all"))
    end = sco.target.text.index("Russia Proposes")
    assert result.text[map_offset(result.applied, end):].startswith("Russia Proposes")
    assert map_offset(result.applied, 10) == 10


def test_corrected_pairs_carry_the_fixed_english():
    pair = line_pair(DATA / "sputnik_en.txt", DATA / "sputnik_ru.txt",
                     [Bead((i,), (i,), 1.0) for i in range(5)] + [Bead((5,), (), 0.0)]
                     + [Bead((6, 7), (5, 6, 7), 0.5)])
    fix = finding_on(pair, "Popović", "Popovich", occurrence=1)
    result = fix_document(pair.target, [fix], accept_rules("all"))
    units = corrected_pairs(pair, result)
    assert len(units) == 6  # the omission (Russian only) is no translation unit
    assert units[3][2] == {"x-file": pair.target.path, "x-edits": "NAM001"}
    assert units[3][:2] == (
        "\"В государственном институте Торлак до сих пор произведено около 2 миллионов доз вакцины "
        "\"Спутник V\", ожидаем, что в предстоящий период их будет произведено минимум 4 миллиона\", "
        "- констатировал Попович.",
        "\"So far, Torlak State Institute has produced approximately 2 million doses of the Sputnik V "
        "vaccine; we expect that at least 4 million will be produced in the upcoming period,\" "
        "Popovich stated.")
    assert units[5][1].startswith("In this regard, the Republic plans")
    assert units[0][2] == {"x-file": pair.target.path}


def test_untranslated_english_sides_stay_out_of_the_pairs():
    pair = line_pair(DATA / "sputnik_en.txt", DATA / "sputnik_ru.txt", [Bead((i,), (i,), 1.0) for i in range(8)])
    sentences = list(pair.target_sentences)
    sentences[1] = replace(sentences[1], lang="ru")
    pair = replace(pair, target_sentences=sentences)
    result = fix_document(pair.target, [], accept_rules("all"))
    assert [unit[0][:20] for unit in corrected_pairs(pair, result)] == [
        s.text[:20] for i, s in enumerate(pair.source_sentences) if i != 1]
