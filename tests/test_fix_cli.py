"""`aligner fix` and `aligner report` end to end: outputs, changelog, safety, interactive walk.

Most tests register two small test rules in place of the real ones (so they do not move
when the real rules change); the Zhang Ming test runs the real NAM001 on the corpus.
"""

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import aligner.checks as checks
from aligner.checks import Rule
from aligner.cli import cli, main

ROOT = Path(__file__).parents[1]
CORPUS = ROOT / "corpus"
NAME = "002_63d1d6def9e2a9b0.txt"
DATA = Path(__file__).parent / "data" / "editor"


def _flag(pair, rule, severity, pattern, message, fix=None, advice=None):
    for match in re.finditer(pattern, pair.target.text):
        yield pair.finding(rule, severity, match.start(), match.end(), message, fix, advice=advice)


def _name_rule(pair):
    yield from _flag(pair, "EDT001", "warning", r"Zhang Min\b", "one name, two renderings", "Zhang Ming")
    yield from _flag(pair, "EDT001", "warning", r"Popović", "one name, two renderings", "Popovich",
                     advice="use “Popovich”")


def _number_rule(pair):
    yield from _flag(pair, "EDT002", "error", r"3\.5 billion", "check the figure",
                     advice="check the number against the source")
    yield from _flag(pair, "EDT002", "error", r"in 2001", "year", "in 2002")


def _rule(code, check):
    return Rule(code=code, name="test", severity="warning", summary="test rule", doc="test",
                check=check, module="tests.test_fix_cli")


@pytest.fixture
def test_rules(monkeypatch):
    monkeypatch.setattr(checks, "_registry", {"EDT001": _rule("EDT001", _name_rule),
                                              "EDT002": _rule("EDT002", _number_rule)})


@pytest.fixture
def sco(tmp_path):
    path = tmp_path / "sco_en.txt"
    shutil.copy(DATA / "sco_en.txt", path)
    return path


def test_accepting_a_rule_writes_corrected_text_diff_and_edits(test_rules, sco, tmp_path, capsys):
    original = sco.read_bytes()
    out = tmp_path / "corrected.txt"
    assert main(["fix", str(sco), "--accept", "EDT001", "-o", str(out)]) == 0
    assert sco.read_bytes() == original
    corrected = out.read_text(encoding="utf-8")
    assert corrected == original.decode().replace("emphasized Zhang Min.", "emphasized Zhang Ming.")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "applied 1 edit (EDT001 1); 0 in conflict, not applied; 0 skipped"
    assert lines[1] == f"  {sco}:5:444 EDT001 'Zhang Min' -> 'Zhang Ming'"
    assert re.fullmatch(r"original -> corrected: chrF2 = 99\.\d\d, TER = 0\.\d\d", lines[2])
    assert lines[3] == f"wrote {out}, {out}.diff, {out}.json"
    diff = (tmp_path / "corrected.txt.diff").read_text(encoding="utf-8").splitlines()
    assert diff[:3] == [f"--- {sco}", f"+++ {out}", "@@ -2,6 +2,6 @@"]
    edits = json.loads((tmp_path / "corrected.txt.json").read_text(encoding="utf-8"))["edits"]
    assert [(e["rule"], e["line"], e["column"], e["before"], e["after"]) for e in edits] == [
        ("EDT001", 5, 444, "Zhang Min", "Zhang Ming")]


def test_accept_all_applies_replacements_and_skips_advice(test_rules, sco, tmp_path, capsys):
    out = tmp_path / "corrected.txt"
    assert main(["fix", str(sco), "--accept", "all", "-o", str(out), "--changelog", str(tmp_path / "log")]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        "applied 2 edits (EDT001 1, EDT002 1); 0 in conflict, not applied; 1 skipped")
    log = json.loads((tmp_path / "log.json").read_text(encoding="utf-8"))
    assert [(e["before"], e["after"]) for e in log["edits"]] == [("in 2001", "in 2002"), ("Zhang Min", "Zhang Ming")]
    assert log["skipped"] == [{"rule": "EDT002", "line": 3, "column": 96, "text": "3.5 billion",
                               "suggestion": "check the number against the source",
                               "reason": "advice only, no replacement text"}]
    assert (tmp_path / "log.diff").exists()


def test_interactive_walk_accepts_edits_and_quits(test_rules, sco, tmp_path):
    out = tmp_path / "corrected.txt"
    result = CliRunner().invoke(cli, ["fix", str(sco), "--interactive", "-o", str(out)],
                                input="e\n3.6 billion\nq\n")
    assert result.exit_code == 0, result.output
    assert "[1/3] " + str(sco) + ":3:96 EDT002 error: check the figure" in result.output
    assert "skip, edit, quit? (nothing to accept) (s, e, q) [s]: " in result.output
    assert "[2/3]" in result.output and "[3/3]" not in result.output
    corrected = out.read_text(encoding="utf-8")
    assert "approximately 3.6 billion people" in corrected
    assert "in 2001" in corrected and "emphasized Zhang Min." in corrected


def test_interactive_accept_uses_the_suggestion(test_rules, sco, tmp_path):
    out = tmp_path / "corrected.txt"
    result = CliRunner().invoke(cli, ["fix", str(sco), "--interactive", "-o", str(out)], input="s\ns\na\n")
    assert result.exit_code == 0, result.output
    assert "  suggestion: Zhang Ming" in result.output
    assert out.read_text(encoding="utf-8").count("Zhang Ming") == 2
    assert result.output.splitlines()[-4].startswith("applied 1 edit (EDT001 1)")


def test_in_place_is_atomic_and_keeps_a_backup(test_rules, sco, capsys):
    original = sco.read_bytes()
    assert main(["fix", str(sco), "--accept", "EDT001", "--in-place"]) == 0
    assert Path(str(sco) + ".orig").read_bytes() == original
    assert sco.read_text(encoding="utf-8").count("Zhang Ming") == 2
    assert capsys.readouterr().out.splitlines()[-1] == f"wrote {sco}, {sco}.diff, {sco}.json, {sco}.orig"


@pytest.mark.parametrize("args, message", [
    (["--accept", "all"], "give either -o FILE or --in-place"),
    (["--accept", "all", "--interactive", "-o", "x.txt"], "give one of --accept all|RULE,..., --interactive or --decisions FILE"),
    (["-o", "x.txt"], "give one of --accept all|RULE,..., --interactive or --decisions FILE"),
    (["--accept", "all", "--decisions", "d.json", "-o", "x.txt"], "give one of --accept all|RULE,..., --interactive or --decisions FILE"),
    (["--accept", "all", "-o", "x.txt", "--tmx", "x.tmx"], "--tmx needs --source: the pairs come from the alignment"),
    (["--accept", "EDT001,NAM01", "-o", "x.txt"], "--accept: no rule NAM01 (see `aligner rules`)"),
])
def test_bad_option_combinations_are_usage_errors(test_rules, sco, args, message, capsys):
    assert main(["fix", str(sco), *args]) == 2
    assert capsys.readouterr().err == f"aligner: error: {message}\n"


def test_output_may_not_overwrite_the_input(test_rules, sco, capsys):
    original = sco.read_bytes()
    assert main(["fix", str(sco), "--accept", "all", "-o", str(sco)]) == 2
    assert capsys.readouterr().err == f"aligner: error: {sco}: refusing to overwrite an input file\n"
    assert sco.read_bytes() == original


def test_report_command_writes_one_html_file(test_rules, tmp_path, capsys):
    out = tmp_path / "report.html"
    assert main(["report", str(CORPUS), "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert html.count('<section class="file"') == 5
    assert re.findall(r'<mark class="hl sev-(\w+)" data-ids="\d+" title="EDT00\d">([^<]*)</mark>', html) == [
        ("error", "3.5 billion"), ("error", "in 2001"), ("warning", "Zhang Min")]
    assert capsys.readouterr().err == f"aligner: wrote {out}: 3 findings in 5 files\n"
    assert main(["report", str(CORPUS / "en" / NAME), "-o", str(CORPUS / "en" / NAME)]) == 2


def test_accepting_the_name_fix_leaves_one_rendering_of_zhang_ming(tmp_path, capsys):
    """The real NAM001 on the corpus: 'Zhang Ming' and 'Zhang Min' become one rendering."""
    en, ru = CORPUS / "en" / NAME, CORPUS / "ru" / NAME
    assert re.findall(r"Zhang Ming?\b", en.read_text(encoding="utf-8")) == ["Zhang Ming", "Zhang Min"]
    out = tmp_path / "corrected.txt"
    assert main(["fix", str(en), "--source", str(ru), "--accept", "NAM001", "-o", str(out)]) == 0
    assert re.findall(r"Zhang Ming?\b", out.read_text(encoding="utf-8")) == ["Zhang Ming", "Zhang Ming"]
    edits = json.loads(Path(str(out) + ".json").read_text(encoding="utf-8"))["edits"]
    assert [(e["rule"], e["line"], e["after"]) for e in edits if "Min" in e["before"]] == [("NAM001", 37, "Ming")]


def test_corrected_pairs_go_out_as_tmx_xliff_and_tsv(test_rules, tmp_path, capsys):
    en, ru = DATA / "sputnik_en.txt", DATA / "sputnik_ru.txt"
    out = tmp_path / "corrected.txt"
    tm = {ext: tmp_path / f"pairs.{ext}" for ext in ("tmx", "xlf", "tsv")}
    assert main(["fix", str(en), "--source", str(ru), "--accept", "EDT001", "-o", str(out),
                 "--tmx", str(tm["tmx"]), "--xliff", str(tm["xlf"]), "--tsv", str(tm["tsv"])]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        "applied 2 edits (EDT001 2); 0 in conflict, not applied; 0 skipped")
    rows = tm["tsv"].read_text(encoding="utf-8").splitlines()
    assert len(rows) == 9 and rows[0] == "ru\ten"
    assert rows[3] == ("Сербия произвела около 2 миллионов доз российской вакцины \"Спутник V\", рассказал ТАСС "
                       "министр инноваций и технологического развития страны Ненад Попович.\t"
                       "Serbia produced approximately 2 million doses of the Russian Sputnik V vaccine, according "
                       "to the Minister for Innovations and Technological Development Nenad Popovich in his "
                       "interview with TASS.")
    tmx = tm["tmx"].read_text(encoding="utf-8")
    assert tmx.count("<tu>") == 8 and tmx.count('<prop type="x-edits">EDT001</prop>') == 2
    assert "Nenad Popovich in his interview" in tmx and "Popović" not in tmx
    xlf = tm["xlf"].read_text(encoding="utf-8")
    assert 'version="2.0" srcLang="ru" trgLang="en"' in xlf and xlf.count("<unit ") == 8
    assert "<target>\"So far, Torlak State Institute" in xlf and "Popović" not in xlf


def test_an_output_in_a_missing_folder_is_a_clean_error(test_rules, sco, tmp_path, capsys):
    out = tmp_path / "no" / "such" / "corrected.txt"
    assert main(["fix", str(sco), "--accept", "all", "-o", str(out)]) == 2
    assert capsys.readouterr().err == f"aligner: error: {out}: cannot write: no folder {out.parent}\n"
