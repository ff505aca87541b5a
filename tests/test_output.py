"""Findings writers: text, json, sarif (validated against the OASIS schema), junit, github."""

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

import aligner.checks as checks
from aligner.records import Pair
from aligner.engine import CheckResult, Note
from aligner.output import render
from aligner.output.github import escape_data, escape_property
from aligner.output.text import summary_line
from aligner.records import Document, Sentence

DATA = Path(__file__).parent / "data" / "engine"
sys.path.insert(0, str(DATA))
import tst_rule  # noqa: E402

# "Мир" is Cyrillic (1 UTF-16 unit each), "😀" is astral (2 UTF-16 units).
EN = "Title\nМир 😀 garbled text; 100% ok\n"
RU = "Заголовок\nМир искажён.\n"


@pytest.fixture(autouse=True)
def only_the_test_rule(monkeypatch):
    _, rule = tst_rule.load()
    monkeypatch.setattr(checks, "_registry", {rule.code: rule})


@pytest.fixture
def result():
    en, ru = Document("docs/en/a b.txt", EN), Document("docs/ru/a b.txt", RU)
    pair = Pair(target=en, target_sentences=[Sentence(6, 33, EN[6:33], "en")], source=ru,
                source_sentences=[Sentence(10, 22, RU[10:22], "ru")])
    start = EN.index("garbled")
    findings = [
        pair.finding("TST001", "warning", start, start + 7, "the word 'garbled'", replacement="clear",
                     evidence=pair.source_sentences),
        pair.finding("TST001", "info", 0, 5, "a title, 100%: kept\nas is"),
    ]
    findings.sort(key=lambda f: (f.line, f.column))
    return CheckResult(pairs=[pair], findings=findings, notes=[Note("docs/ru/b.txt", "no English partner")],
                       signature="aligner:0.1.0|rules:TST001")


def test_text_is_file_line_col_code_message_with_evidence(result):
    assert render(result, "text") == (
        "docs/en/a b.txt:1:1: TST001 a title, 100%: kept as is\n"
        "docs/en/a b.txt:2:7: TST001 the word 'garbled' (suggestion: clear)\n"
        "    source docs/ru/a b.txt:2:1: Мир искажён.\n")
    assert summary_line(result) == "Found 2 findings (1 warning, 1 info) in 1 file (1 with a source), 1 sentence."


def test_json_holds_findings_summary_signature_and_notes(result):
    data = json.loads(render(result, "json"))
    assert data["version"] == 1 and data["signature"] == "aligner:0.1.0|rules:TST001"
    assert data["findings"][1] == {
        "rule": "TST001", "name": "garbled-word", "severity": "warning", "file": "docs/en/a b.txt",
        "line": 2, "column": 7, "end_line": 2, "end_column": 14, "message": "the word 'garbled'",
        "suggestion": "clear", "text": "garbled", "replacement": "clear",
        "fingerprint": result.findings[1].fingerprint,
        "evidence": {"file": "docs/ru/a b.txt", "line": 2, "column": 1, "text": "Мир искажён."},
        "related": []}
    assert data["summary"]["by_severity"] == {"error": 0, "warning": 1, "info": 1}
    assert data["notes"] == [{"path": "docs/ru/b.txt", "message": "no English partner"}]


def test_sarif_is_valid_2_1_0_and_counts_utf16_code_units(result):
    log = json.loads(render(result, "sarif"))
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema, format_checker=jsonschema.FormatChecker())
    run = log["runs"][0]
    assert run["columnKind"] == "utf16CodeUnits"
    [rule] = run["tool"]["driver"]["rules"]
    assert rule["id"] == "TST001" and rule["name"] == "garbled-word"
    assert rule["shortDescription"]["text"] == "The English text says 'garbled'."
    assert rule["fullDescription"]["text"] == 'A rule that exists only for the engine\'s tests: flags the word "garbled".'
    assert rule["defaultConfiguration"] == {"level": "warning"}
    warning = run["results"][1]
    location = warning["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "docs/en/a%20b.txt", "uriBaseId": "%SRCROOT%"}
    # code points: column 7..14; UTF-16: the emoji counts twice -> 8..15
    assert location["region"] == {"startLine": 2, "startColumn": 8, "endLine": 2, "endColumn": 15,
                                  "snippet": {"text": "garbled"}}
    assert warning["partialFingerprints"] == {"alignerFingerprint/v1": result.findings[1].fingerprint}
    assert warning["level"] == "warning" and warning["ruleIndex"] == 0
    assert warning["message"]["text"] == "the word 'garbled' (suggestion: clear)"
    assert warning["relatedLocations"][0]["physicalLocation"]["region"] == {"startLine": 2, "startColumn": 1}
    assert warning["fixes"] == [{
        "description": {"text": "Replace 'garbled' with 'clear'"},
        "artifactChanges": [{"artifactLocation": {"uri": "docs/en/a%20b.txt", "uriBaseId": "%SRCROOT%"},
                             "replacements": [{"deletedRegion": {"startLine": 2, "startColumn": 8,
                                                                 "endLine": 2, "endColumn": 15},
                                               "insertedContent": {"text": "clear"}}]}]}]
    assert run["results"][0]["level"] == "note" and "fixes" not in run["results"][0]
    assert run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"] == \
        "docs/ru/b.txt: no English partner"


def test_sarif_fingerprints_do_not_depend_on_position(result):
    moved = Document("docs/en/a b.txt", "\n\n" + EN)
    pair = Pair(target=moved, target_sentences=[])
    start = moved.text.index("garbled")
    finding = pair.finding("TST001", "warning", start, start + 7, "the word 'garbled'", replacement="clear")
    assert finding.line == 4 and finding.fingerprint == result.findings[1].fingerprint


def test_junit_has_a_suite_per_file_and_a_passing_case_for_clean_files(result):
    clean = Pair(target=Document("docs/en/clean.txt", "Fine.\n"), target_sentences=[])
    result.pairs.append(clean)
    root = ET.fromstring(render(result, "junit"))
    assert (root.tag, root.get("tests"), root.get("failures")) == ("testsuites", "3", "2")
    suites = root.findall("testsuite")
    assert [(s.get("name"), s.get("tests"), s.get("failures")) for s in suites] == [
        ("docs/en/a b.txt", "2", "2"), ("docs/en/clean.txt", "1", "0")]
    failure = suites[0].findall("testcase")[1].find("failure")
    assert failure.get("type") == "TST001"
    assert failure.get("message") == "the word 'garbled' (suggestion: clear)"
    assert failure.text.splitlines()[1] == "source docs/ru/a b.txt:2:1: Мир искажён."
    [passing] = suites[1].findall("testcase")
    assert passing.get("name") == "no findings" and list(passing) == []


def test_junit_replaces_characters_xml_cannot_carry():
    pair = Pair(target=Document("en.txt", "a\x0cb\n"), target_sentences=[])
    bad = pair.finding("TST001", "warning", 0, 3, "form feed \x0c here")
    xml = render(CheckResult(pairs=[pair], findings=[bad]), "junit")
    assert ET.fromstring(xml).find("testsuite/testcase/failure").get("message") == "form feed \ufffd here"


def test_github_workflow_commands_are_escaped(result):
    assert render(result, "github").splitlines() == [
        "::notice file=docs/en/a b.txt,line=1,col=1,endLine=1,endColumn=6,title=TST001::"
        "a title, 100%25: kept%0Aas is",
        "::warning file=docs/en/a b.txt,line=2,col=7,endLine=2,endColumn=14,title=TST001::"
        "the word 'garbled' (suggestion: clear)%0Asource docs/ru/a b.txt:2:1: Мир искажён.",
    ]
    assert escape_property("a,b:c%\r\n") == "a%2Cb%3Ac%25%0D%0A"
    assert escape_data("a,b:c") == "a,b:c"


def test_empty_result_in_every_format():
    empty = CheckResult(pairs=[], findings=[])
    assert render(empty, "text") == "" and render(empty, "github") == ""
    assert json.loads(render(empty, "json"))["findings"] == []
    assert json.loads(render(empty, "sarif"))["runs"][0]["results"] == []
    assert ET.fromstring(render(empty, "junit")).get("tests") == "0"


def test_utf16_columns_count_astral_characters_twice_and_cyrillic_once():
    from aligner.output.sarif import utf16_column

    document = Document("en.txt", "Мир 😀 garbled\n𝐀𝐁 x\n")
    # line 1: "Мир " (4) + "😀" (1 code point, 2 units) + " " -> "garbled" at code point 7
    assert [utf16_column(document, 1, column) for column in (1, 5, 6, 7, 14)] == [1, 5, 7, 8, 15]
    assert [utf16_column(document, 2, column) for column in (1, 2, 3, 4)] == [1, 3, 5, 6]
    assert utf16_column(None, 3, 9) == 9


@pytest.fixture
def result_with_related_places(result):
    """A corpus-wide finding that names its other places (as ENT003 does)."""
    from dataclasses import replace

    from aligner.records import Evidence

    other = Evidence("docs/en/b.txt", 4, 9, "UN Counter-Terrorism Office")
    first = replace(result.findings[1], related=(other,))
    return CheckResult(pairs=result.pairs, findings=[result.findings[0], first],
                       signature=result.signature)


def test_other_places_of_a_finding_are_listed_in_every_format(result_with_related_places):
    text = render(result_with_related_places, "text")
    assert text.endswith("    source docs/ru/a b.txt:2:1: Мир искажён.\n"
                         "    also at docs/en/b.txt:4:9: UN Counter-Terrorism Office\n")
    data = json.loads(render(result_with_related_places, "json"))
    assert data["findings"][1]["related"] == [
        {"file": "docs/en/b.txt", "line": 4, "column": 9, "text": "UN Counter-Terrorism Office"}]
    assert data["findings"][0]["related"] == []
    log = json.loads(render(result_with_related_places, "sarif"))
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema, format_checker=jsonschema.FormatChecker())
    related = log["runs"][0]["results"][1]["relatedLocations"]
    assert [place["id"] for place in related] == [1, 2]
    assert related[1]["physicalLocation"]["region"] == {"startLine": 4, "startColumn": 9}
    assert related[1]["message"]["text"] == "also here: UN Counter-Terrorism Office"
