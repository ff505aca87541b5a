"""The decisions file and its application on the real corpus file 002 (Zhang Ming / Zhang Min)."""

import json
import shutil
from pathlib import Path

import pytest

from aligner.engine import check_files
from aligner.errors import ConfigError
from aligner.records import Document
from aligner.review.apply import apply_decisions
from aligner.review.decisions import Decision, Decisions, FreeEdit, finding_key, load_decisions, save_decisions
from aligner.review.session import Outputs, ReviewSession, default_decisions_path

CORPUS = Path(__file__).parents[1] / "corpus"
NAME = "002_63d1d6def9e2a9b0.txt"


@pytest.fixture(scope="module")
def checked():
    result = check_files([str(CORPUS / "en" / NAME)])
    findings = {f.rule: f for f in result.findings}
    assert {"NAM001", "UNT001"} <= set(findings)
    return result, findings


def decision(finding, action, replacement=None, reason=None):
    return Decision(finding.fingerprint, finding.rule, finding.path, finding.start, finding.end, action,
                    replacement, reason, finding.line, finding.column, finding.text)


def test_the_file_round_trips_and_rejected_findings_count_as_a_baseline(tmp_path, checked):
    _, findings = checked
    decisions = Decisions([decision(findings["NAM001"], "accept", "Ming"),
                           decision(findings["UNT001"], "reject", reason="deliberate")],
                          [FreeEdit(findings["NAM001"].path, 0, 3, "abc", "xyz")])
    path = tmp_path / "d.json"
    save_decisions(str(path), decisions)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "aligner-decisions" and data["version"] == 1
    assert data["findings"][1] == {"fingerprint": findings["UNT001"].fingerprint, "rule": "UNT001",
                                   "path": findings["UNT001"].path, "start": findings["UNT001"].start,
                                   "end": findings["UNT001"].end, "decision": "reject", "reason": "deliberate",
                                   "line": 3, "column": 1, "text": findings["UNT001"].text}
    again = load_decisions(str(path))
    assert again.to_dict() == decisions.to_dict()
    assert again.rejected() == {findings["UNT001"].fingerprint: 1}


@pytest.mark.parametrize("change, message", [
    ({"format": "something-else"}, "not an aligner decisions file"),
    ({"findings": {}}, "must be lists"),
    ({"findings": [{"decision": "maybe"}]}, "decision must be one of accept, reject, edit"),
    ({"findings": [{"decision": "edit", "fingerprint": "f", "rule": "R", "path": "p", "start": 1, "end": 2}]},
     "needs a 'replacement'"),
    ({"findings": [{"decision": "accept", "fingerprint": "f", "rule": "R", "path": "p", "start": 5, "end": 2}]},
     "needs 0 <= start <= end"),
    ({"edits": [{"path": "p", "start": "0", "end": 2, "before": "ab", "after": "c"}]}, "'start' must be an integer"),
])
def test_a_malformed_file_is_a_one_line_error_naming_the_entry(tmp_path, change, message):
    data = {"format": "aligner-decisions", "version": 1, "findings": [], "edits": []}
    data.update(change)
    path = tmp_path / "d.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_decisions(str(path))


def test_accept_reject_and_edit_apply_as_fix_would(checked):
    result, findings = checked
    document = result.pairs[0].target
    name, headline = findings["NAM001"], findings["UNT001"]
    accepted = apply_decisions(document, result.findings, Decisions([decision(name, "accept", "Ming"),
                                                                     decision(headline, "reject")]))
    assert accepted.result.text.count("Zhang Ming") == 2 and "Zhang Min." not in accepted.result.text
    assert [(e.rule, e.before, e.after) for e in accepted.result.applied] == [("NAM001", "Min", "Ming")]
    assert accepted.stale == [] and accepted.stale_edits == []
    edited = apply_decisions(document, result.findings, Decisions([decision(name, "edit", "Ming (张明)")]))
    assert "Zhang Ming (张明)." in edited.result.text


def test_a_free_edit_supersedes_the_decisions_inside_it_and_a_stale_one_is_reported(checked):
    result, findings = checked
    document = result.pairs[0].target
    name = findings["NAM001"]
    sentence = next(s for s in result.pairs[0].target_sentences if s.start <= name.start < s.end)
    typed = sentence.text.replace("emphasized Zhang Min", "Zhang Ming stressed")
    edits = [FreeEdit(document.path, sentence.start, sentence.end, sentence.text, typed),
             FreeEdit(document.path, 0, 4, "XXXX", "gone")]  # the text under it is not "XXXX"
    applied = apply_decisions(document, result.findings, Decisions([decision(name, "accept", "Ming")], edits))
    assert [(e.rule, e.after) for e in applied.result.applied] == [("EDIT", typed)]
    assert "Zhang Ming stressed" in applied.result.text
    assert applied.stale_edits == [edits[1]]


def test_a_free_edit_from_the_browser_keeps_the_files_crlf_line_breaks():
    document = Document("en.txt", "Title\r\nFirst line\r\nsecond line.\r\n")
    start, end = document.text.index("First"), document.text.index(".") + 1
    typed = FreeEdit("en.txt", start, end, "First line\nsecond line.", "First line,\nthe second one.")
    applied = apply_decisions(document, [], Decisions(edits=[typed]))
    assert applied.result.text == "Title\r\nFirst line,\r\nthe second one.\r\n"
    assert apply_decisions(document, [], Decisions(edits=[FreeEdit("en.txt", 0, 5, "Tidle", "X")])).stale_edits


def test_a_decision_on_a_finding_that_is_gone_is_stale(checked):
    result, findings = checked
    name = findings["NAM001"]
    moved = Decision(name.fingerprint, name.rule, name.path, name.start + 1, name.end + 1, "accept", "Ming")
    applied = apply_decisions(result.pairs[0].target, result.findings, Decisions([moved]))
    assert applied.result.applied == [] and applied.stale == [moved]


def test_the_session_refuses_unknown_findings_and_files_and_finish_never_touches_the_input(tmp_path):
    for side in ("en", "ru"):
        (tmp_path / side).mkdir()
        shutil.copy(CORPUS / side / NAME, tmp_path / side / NAME)
    en = tmp_path / "en" / NAME
    original = en.read_bytes()
    result = check_files([str(en)])
    path = default_decisions_path(str(en))
    assert path == str(tmp_path / "en" / f".{NAME}.decisions.json")
    session = ReviewSession(result, path, Outputs(str(tmp_path / "out")))
    name = next(f for f in result.findings if f.rule == "NAM001")
    entry = {"fingerprint": name.fingerprint, "rule": "NAM001", "path": name.path, "start": name.start,
             "end": name.end, "decision": "accept", "replacement": "Ming"}
    with pytest.raises(ConfigError, match="no such finding"):
        session.decide(dict(entry, start=name.start + 1, end=name.end + 1))
    with pytest.raises(ConfigError, match="not a file of this review"):
        session.edit({"path": "/etc/passwd", "start": 0, "end": 4, "before": "root", "after": "toor"})
    with pytest.raises(ConfigError, match="not at its offsets"):
        session.edit({"path": name.path, "start": 0, "end": 4, "before": "XXXX", "after": "toor"})
    session.decide(entry)
    assert json.loads(Path(path).read_text(encoding="utf-8"))["findings"][0]["decision"] == "accept"
    summary = session.finish()
    assert summary["files"][0]["corrected"] == str(tmp_path / "out" / NAME)
    assert (tmp_path / "out" / NAME).read_text(encoding="utf-8").count("Zhang Ming") == 2
    assert en.read_bytes() == original
    assert finding_key(name) in ReviewSession(result, path, Outputs(str(tmp_path / "out"))).decisions.findings


def test_finish_in_place_corrects_the_input_and_keeps_the_original(tmp_path):
    en = tmp_path / NAME
    shutil.copy(CORPUS / "en" / NAME, en)
    mine = check_files([str(en)])
    name = next(f for f in mine.findings if f.rule == "NAM001")
    session = ReviewSession(mine, str(tmp_path / "d.json"), Outputs(in_place=True))
    session.decide({"fingerprint": name.fingerprint, "rule": "NAM001", "path": name.path, "start": name.start,
                    "end": name.end, "decision": "accept", "replacement": "Ming"})
    summary = session.finish()
    assert summary["files"][0]["corrected"] == str(en)
    assert en.read_text(encoding="utf-8").count("Zhang Ming") == 2
    assert (tmp_path / (NAME + ".orig")).read_bytes() == (CORPUS / "en" / NAME).read_bytes()
    assert json.loads((tmp_path / (NAME + ".json")).read_text(encoding="utf-8"))["edits"][0]["after"] == "Ming"
