"""The QA engine: pairing, rule runs, severities, ignores, baselines, signature.

A test-only rule (tests/data/engine/tst_rule.py, flags the word "garbled") is
registered in place of the real ones, so these tests do not move when rules change.
"""

import re
import sys
from collections import Counter
from pathlib import Path

import pytest

import aligner.checks as checks
from aligner.config import Config, IgnoreEntry
from aligner.engine import CheckResult, check_directory, check_files, check_texts
from aligner.errors import AlignerError, InputError, UsageError

DATA = Path(__file__).parent / "data" / "engine"
CORPUS = DATA / "corpus"
sys.path.insert(0, str(DATA))
import tst_rule  # noqa: E402


@pytest.fixture(autouse=True)
def only_the_test_rule(monkeypatch):
    _, rule = tst_rule.load()
    monkeypatch.setattr(checks, "_registry", {rule.code: rule})
    return rule


def positions(result: CheckResult):
    return [(Path(f.path).name, f.line, f.column, f.end_line, f.end_column, f.severity, f.text)
            for f in result.findings]


def test_directory_pairs_en_with_ru_and_runs_corpus_checks():
    result = check_directory(str(CORPUS))
    assert positions(result) == [
        ("002.txt", 1, 1, 1, 1, "error", ""),  # corpus-wide: two files say "garbled"
        ("002.txt", 3, 1, 3, 78, "info", "В Совбезе ООН обсудили роль ОДКБ, ШОС и СНГ в поддержании "
                                         "международного мира"),
        ("002.txt", 5, 90, 5, 97, "warning", "garbled"),
        ("no_source.txt", 1, 24, 1, 31, "warning", "garbled"),
    ]
    [paired, alone] = result.pairs
    assert paired.source.path == str(CORPUS / "ru" / "002.txt") and alone.source is None
    assert alone.beads == ()
    # the rule gave no evidence for line 3: the engine adds the source sentence aligned with it
    assert result.findings[1].evidence.text == "В Совбезе ООН обсудили роль ОДКБ, ШОС и СНГ в поддержании " \
        "международного мира"
    evidence = result.findings[2].evidence
    assert (Path(evidence.path).name, evidence.line, evidence.column) == ("002.txt", 3, 1)
    assert evidence.text.startswith("В пятницу Россия, которая в июле председательствует")
    assert [(Path(n.path).name, n.message.split(";")[1]) for n in result.notes] == [
        ("only_ru.txt", " not checked")]


def test_english_sentences_keep_their_language_and_every_sentence_is_aligned():
    result = check_directory(str(CORPUS))
    pair = result.pairs[0]
    assert [s.lang for s in pair.target_sentences] == ["en", "ru", "en", "en"]
    aligned = sorted(i for bead in pair.beads for i in bead.target)
    assert aligned == [0, 1, 2, 3]
    assert sorted(i for bead in pair.beads for i in bead.source) == list(range(len(pair.source_sentences)))


def test_summary_counts_by_rule_and_severity():
    assert check_directory(str(CORPUS)).summary() == {
        "files": 2, "with_source": 1, "sentences": 5, "findings": 4,
        "by_severity": {"error": 1, "warning": 2, "info": 1},
        "by_rule": {"TST001": 4}, "ignored": 0, "baselined": 0}


def test_check_files_with_source_and_path_normalisation():
    en = str(CORPUS / "en" / "002.txt")
    result = check_files(["./" + en if not en.startswith("/") else en], source=str(CORPUS / "ru" / "002.txt"))
    assert [f.path for f in result.findings] == [en, en]
    assert result.findings[1].evidence is not None


def test_source_needs_exactly_one_english_file():
    with pytest.raises(UsageError):
        check_files([str(CORPUS / "en" / "002.txt"), str(CORPUS / "en" / "no_source.txt")],
                    source=str(CORPUS / "ru" / "002.txt"))


def test_a_directory_without_en_folder_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="expected an en/ folder .*; or pass the English files themselves"):
        check_directory(str(tmp_path))
    with pytest.raises(InputError, match=r"; pass the folder above it, .*corpus$"):
        check_directory(str(CORPUS / "en"))


def test_check_texts_builds_documents_from_strings():
    result = check_texts("Это искажено.", "This is garbled.")
    assert positions(result) == [("en.txt", 1, 9, 1, 16, "warning", "garbled")]
    assert result.findings[0].evidence.path == "ru.txt"
    assert check_texts(None, "This is garbled.").findings[0].evidence is None
    assert check_texts("", "This is fine.").findings == []


def test_severity_override_select_and_ignore():
    config = Config(severity={"TST001": "error"})
    assert {f.severity for f in check_texts(None, "It is garbled.", config).findings} == {"error"}
    assert check_texts(None, "It is garbled.", Config(ignore=("TST",))).findings == []
    with pytest.raises(UsageError, match="no rule matches 'XYZ'"):
        check_texts(None, "It is garbled.", Config(select=("XYZ",)))


def test_rule_options_reach_the_rule():
    config = Config(rule_options={"TST001": {"word": "muddled"}})
    assert [f.text for f in check_texts(None, "Garbled, garbled and muddled.", config).findings] == ["muddled"]


def test_ignore_entries_suppress_and_unused_ones_are_noted():
    used = IgnoreEntry("TST001", "*/no_source.txt", "checked by hand", text="garbled", origin="setup.cfg:4")
    unused = IgnoreEntry("TST", "*/none.txt", "stale", origin="setup.cfg:5")
    result = check_directory(str(CORPUS), Config(ignore_findings=(used, unused)))
    assert [(Path(f.path).name, entry.reason) for f, entry in result.ignored] == [
        ("no_source.txt", "checked by hand")]
    assert "no_source.txt" not in {Path(f.path).name for f in result.findings}
    assert result.notes[-1].path == "setup.cfg:5"
    assert result.notes[-1].message == "ignore entry TST */none.txt matched no finding"
    assert result.summary()["ignored"] == 1
    # an entry for a rule that did not run is not called unused
    assert check_directory(str(CORPUS), Config(ignore_findings=(unused,), ignore=("TST",))).notes[1:] == []


def test_baseline_suppresses_known_findings_by_count(tmp_path):
    from aligner.baseline import apply_baseline, load_baseline, write_baseline

    first = check_texts(None, "It is garbled.").findings
    path = tmp_path / "baseline.json"
    assert write_baseline(str(path), first) == 1
    assert load_baseline(str(path)) == Counter({first[0].fingerprint: 1})
    # the same finding moved to another line is still known; a second copy is new
    again = check_texts(None, "Title\n\nIt is garbled. It is garbled.\n", Config(baseline=str(path)))
    assert [(f.line, f.column) for f in again.findings] == [(3, 22)]
    assert [(f.line, f.column) for f in again.baselined] == [(3, 7)]
    assert apply_baseline(first, Counter()) == (first, [])


@pytest.mark.parametrize("content, message", [
    ("{", "baseline is not JSON"),
    ('{"version": 7, "findings": []}', "not an aligner baseline"),
    ('{"version": 1, "findings": [{"rule": "X"}]}', "baseline entry 1 has no fingerprint"),
])
def test_bad_baseline_is_a_clear_error(tmp_path, content, message):
    path = tmp_path / "baseline.json"
    path.write_text(content)
    with pytest.raises(AlignerError, match=message):
        check_texts(None, "garbled", Config(baseline=str(path)))


def test_fail_on_levels():
    result = check_texts(None, "It is garbled.")  # one warning
    assert not result.fails("error")
    assert result.fails("warning") and result.fails("info")
    assert not result.fails("never")


def test_a_crashing_rule_is_reported_not_swallowed(monkeypatch, only_the_test_rule):
    import dataclasses

    def broken(pair):
        raise KeyError("boom")

    monkeypatch.setattr(checks, "_registry", {"TST001": dataclasses.replace(only_the_test_rule, check=broken)})
    result = check_texts(None, "text")  # recorded, not raised: the other rules and files go on
    [problem] = result.problems
    assert re.match(r"en\.txt: rule TST001 failed: KeyError: 'boom'", str(problem))
    assert "Traceback" in problem.detail and result.exit_code() == 2


def test_signature_names_rules_settings_and_data_version():
    signature = check_texts(None, "x", Config(severity={"TST001": "info"})).signature
    fields = dict(part.split(":", 1) for part in signature.split("|"))
    assert list(fields) == ["aligner", "rules", "severity", "options", "glossary", "ignores",
                            "baseline", "data"]
    assert fields["rules"] == "TST001" and fields["severity"] == "TST001=info"
    assert len(fields["data"]) == 8


def test_an_english_file_in_an_en_folder_finds_its_source_in_ru():
    [paired, alone] = check_files([str(CORPUS / "en" / "002.txt"), str(CORPUS / "en" / "no_source.txt")]).pairs
    assert paired.source.path == str(CORPUS / "ru" / "002.txt") and paired.beads
    assert alone.source is None


def test_a_file_given_twice_is_checked_once():
    path = str(CORPUS / "en" / "no_source.txt")
    result = check_files([path, "./" + path if not path.startswith("/") else path + "/../no_source.txt"])
    assert len(result.pairs) == 1 and len(result.findings) == 1


def test_a_finding_without_evidence_gets_the_bead_of_the_sentence_it_starts_in():
    from aligner.records import Bead, Document, Pair, Sentence

    en = Document("en.txt", "One garbled. Two garbled.\n")
    ru = Document("ru.txt", "Один.\n")
    pair = Pair(target=en, target_sentences=[Sentence(0, 12, "One garbled.", "en"), Sentence(13, 25, "Two garbled.", "en")],
                source=ru, source_sentences=[Sentence(0, 5, "Один.", "ru")],
                beads=[Bead((0,), (0,), 0.9), Bead((), (1,), 0.0)])
    completed = [pair.finding("TST001", "warning", s, s + 7, "m") for s in (4, 17)]
    assert (completed[0].evidence.path, completed[0].evidence.text) == ("ru.txt", "Один.")
    assert completed[1].evidence is None  # an English sentence without a source


@pytest.mark.parametrize("drop, message", [
    ("EXAMPLES", "rule module lacks EXAMPLES"),
    ("__doc__", "rule module lacks module docstring"),
])
def test_a_rule_module_that_breaks_the_contract_is_named(drop, message):
    module, _ = tst_rule.load("tst_rule_broken")
    setattr(module, drop, None) if drop == "__doc__" else delattr(module, drop)
    with pytest.raises(AlignerError, match=message) as raised:
        checks.rule_from_module(module)
    assert raised.value.path.endswith("tst_rule.py")


@pytest.mark.parametrize("name, value, message", [
    ("CODE", "num1", "CODE 'num1' is not 1-4 capitals and 3 digits"),
    ("SEVERITY", "fatal", "SEVERITY 'fatal' is not one of info, warning, error"),
    ("EXAMPLES", [("ru", "en")], "EXAMPLES entry ('ru', 'en') is not (ru, en, flagged)"),
])
def test_rule_attributes_are_validated(name, value, message):
    module, _ = tst_rule.load("tst_rule_bad")
    setattr(module, name, value)
    with pytest.raises(AlignerError, match=re.escape(message)):
        checks.rule_from_module(module)
