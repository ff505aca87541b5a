"""`aligner check` and `aligner rules` end to end: output, exit codes, baselines, config."""

import json
import shutil
import sys
from pathlib import Path

import pytest

import aligner.checks as checks
from aligner.cli import main

DATA = Path(__file__).parent / "data" / "engine"
sys.path.insert(0, str(DATA))
import tst_rule  # noqa: E402


@pytest.fixture(autouse=True)
def only_the_test_rule(monkeypatch, tmp_path):
    _, rule = tst_rule.load()
    monkeypatch.setattr(checks, "_registry", {rule.code: rule})
    monkeypatch.chdir(tmp_path)  # no setup.cfg around unless a test writes one


@pytest.fixture
def corpus(tmp_path):
    shutil.copytree(DATA / "corpus", tmp_path / "corpus")
    return "corpus"


def test_directory_text_output_and_exit_1_on_error(corpus, capsys):
    assert main(["check", corpus]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "corpus/en/002.txt:1:1: TST001 2 files say 'garbled'",
        "corpus/en/002.txt:3:1: TST001 Russian sentence in the English text",
        "    source corpus/ru/002.txt:1:1: В Совбезе ООН обсудили роль ОДКБ, ШОС и СНГ в поддержании международного мира",
        "corpus/en/002.txt:5:90: TST001 the word 'garbled' (suggestion: clear)",
        "    source corpus/ru/002.txt:3:1: В пятницу Россия, которая в июле председательствует в Совете "
        "Безопасности ООН, провела в Совете дебаты на тему сотрудничества ООН с региональными организациями.",
        "corpus/en/no_source.txt:1:24: TST001 the word 'garbled' (suggestion: clear)",
    ]
    assert err.splitlines() == [
        "aligner: note: corpus/ru/only_ru.txt: no English partner corpus/en/only_ru.txt; not checked",
        "Found 4 findings (1 error, 2 warnings, 1 info) in 2 files (1 with a source), 5 sentences.",
    ]


@pytest.mark.parametrize("options, code", [
    (["--fail-on", "never"], 0),
    (["--fail-on", "warning", "--ignore", "TST"], 2),  # no rule left to run: not a clean result
    (["--fail-on", "error", "--select", "TST001"], 1),
    (["--select", "NOPE"], 2),
])
def test_fail_on_select_and_ignore(corpus, capsys, options, code):
    assert main(["check", corpus, *options]) == code


def test_file_with_source_warning_only_exits_0_unless_fail_on_warning(corpus, capsys):
    args = ["check", "corpus/en/002.txt", "--source", "corpus/ru/002.txt", "--format", "github"]
    assert main(args) == 0
    assert main(args + ["--fail-on", "warning"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith("::warning file=corpus/en/002.txt,line=5,col=90,endLine=5,endColumn=97,"
                               "title=TST001::the word 'garbled' (suggestion: clear)%0Asource corpus/ru/002.txt:3:1:")


def test_json_to_an_output_file(corpus, capsys):
    assert main(["check", corpus, "--format", "json", "-o", "report.json", "--fail-on", "never"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines()[-1] == "Found 4 findings (1 error, 2 warnings, 1 info) in 2 files (1 with a source), 5 sentences."
    data = json.loads(Path("report.json").read_text(encoding="utf-8"))
    assert [f["line"] for f in data["findings"]] == [1, 3, 5, 1]
    assert data["summary"]["by_rule"] == {"TST001": 4}


def test_write_baseline_then_fail_only_on_new_findings(corpus, capsys):
    assert main(["check", corpus, "--write-baseline", "baseline.json"]) == 0
    assert capsys.readouterr().err.splitlines()[-2:] == [
        "aligner: wrote 4 finding(s) to baseline baseline.json",
        "No findings in 2 files (1 with a source), 5 sentences; 4 in the baseline."]
    assert main(["check", corpus, "--baseline", "baseline.json", "--fail-on", "info"]) == 0
    capsys.readouterr()
    Path("corpus/en/no_source.txt").write_text("Participants discussed garbled cooperation.\n\n"
                                               "A new garbled line.\n", encoding="utf-8")
    assert main(["check", corpus, "--baseline", "baseline.json", "--fail-on", "warning"]) == 1
    out, err = capsys.readouterr()
    assert out == "corpus/en/no_source.txt:3:7: TST001 the word 'garbled' (suggestion: clear)\n"
    assert err.splitlines()[-1] == "Found 1 finding (1 warning) in 2 files (1 with a source), 6 sentences; 4 in the baseline."


def test_setup_cfg_and_config_file(corpus, capsys):
    Path("setup.cfg").write_text("[aligner]\nseverity = TST001 = info\nfail-on = info\n", encoding="utf-8")
    assert main(["check", "corpus/en/no_source.txt"]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == "Found 1 finding (1 info) in 1 file (0 with a source), 1 sentence."
    Path("other.ini").write_text("[aligner]\nignore-findings =\n"
                                 "    TST001 corpus/en/*.txt garbled -- house style\n", encoding="utf-8")
    assert main(["check", "corpus/en/no_source.txt", "--config", "other.ini", "--fail-on", "info"]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == \
        "No findings in 1 file (0 with a source), 1 sentence; 1 ignored by configuration."


@pytest.mark.parametrize("args, message", [
    (["check", "missing.txt"], "aligner: error: missing.txt: no such file"),
    (["check", "corpus", "corpus/en/002.txt"], "aligner: error: give one directory, or English files, not both"),
    (["check", "corpus/en/002.txt", "-o", "corpus/en/002.txt"],
     "aligner: error: corpus/en/002.txt: refusing to overwrite an input file"),
    (["check", "corpus", "-o", "corpus/en/report.txt"],
     "aligner: error: corpus/en/report.txt: refusing to overwrite an input file"),
    (["check", "corpus", "--baseline", "none.json"],
     "aligner: error: none.json: no such baseline file (create it with --write-baseline)"),
    (["check", "corpus", "--config", "bad.ini"], "aligner: error: bad.ini:3: unknown key 'colour' "
     "(known: select, ignore, severity, glossary, ignore-findings, fail-on, baseline, include)"),
])
def test_usage_and_input_errors_exit_2_with_one_line(corpus, capsys, args, message):
    Path("bad.ini").write_text("[aligner]\nfail-on = info\ncolour = red\n", encoding="utf-8")
    assert main(args) == 2
    assert capsys.readouterr().err.splitlines() == [message]


def test_rules_lists_every_rule_and_documents_one(capsys):
    assert main(["rules"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "TST001  warning  garbled-word: The English text says 'garbled'.",
        "         e.g. Это искажено. → This is garbled.",
        "",
        "`aligner rules CODE` shows a rule's documentation.",
    ]
    assert main(["rules", "tst001"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("TST001 garbled-word (warning by default)\n\nThe English text says 'garbled'.\n\n"
                          "A rule that exists only for the engine's tests")
    assert "  [flag] Это искажено. → This is garbled.\n  [pass] Это хорошо. → This is fine.\n" in out
    assert out.endswith("Options ([aligner.TST001] section of the configuration):\n"
                        "  word = garbled\n  report_russian = True\n")
    assert main(["rules", "XYZ001"]) == 2
    assert capsys.readouterr().err == "aligner: error: unknown rule code 'XYZ001' (known: TST001)\n"


def test_write_baseline_over_the_baseline_in_use_keeps_old_and_new(corpus, capsys):
    assert main(["check", "corpus/en/no_source.txt", "--write-baseline", "b.json"]) == 0
    Path("corpus/en/no_source.txt").write_text("It is garbled.\n\nStill garbled.\n", encoding="utf-8")
    assert main(["check", "corpus/en/no_source.txt", "--baseline", "b.json", "--write-baseline", "b.json"]) == 0
    data = json.loads(Path("b.json").read_text(encoding="utf-8"))
    assert [(e["line"], e["text"], e["count"]) for e in data["findings"]] == [(1, "garbled", 2)]
    capsys.readouterr()
    assert main(["check", "corpus/en/no_source.txt", "--baseline", "b.json", "--fail-on", "info"]) == 0


def test_debug_shows_time_by_stage_and_the_signature(corpus, capsys):
    assert main(["--debug", "check", corpus, "--fail-on", "never"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert [line.rsplit(":", 1)[0] for line in err if line.startswith("aligner: time:")] == [
        "aligner: time: read", "aligner: time: segment", "aligner: time: align", "aligner: time: rule TST001"]
    assert "aligner: signature: aligner:0.1.0|rules:TST001|" in "\n".join(err)


def test_rules_as_json(capsys):
    assert main(["rules", "--format", "json"]) == 0
    [rule] = json.loads(capsys.readouterr().out)
    assert (rule["code"], rule["name"], rule["severity"]) == ("TST001", "garbled-word", "warning")
    assert rule["examples"][0] == {"ru": "Это искажено.", "en": "This is garbled.", "flagged": True}
    assert rule["options"] == {"word": "garbled", "report_russian": True}
