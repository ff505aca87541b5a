"""Configuration: [aligner] in setup.cfg or --config FILE; every error names file:line."""

import os
import sys
from pathlib import Path

import pytest

import aligner.checks as checks
from aligner.config import Config, IgnoreEntry, load_config, parse_config
from aligner.errors import ConfigError
from aligner.records import Finding

DATA = Path(__file__).parent / "data" / "engine"
sys.path.insert(0, str(DATA))
import tst_rule  # noqa: E402

FULL = """\
[metadata]
name = example

[aligner]
# all rules but the test prefix's second family
select = ALL
ignore = TST001
severity =
    TST001 = error
glossary = glossary.tsv
ignore-findings =
    TST001 corpus/en/002_*.txt "1 066" -- the source writes it with a space; checked by hand
    TST  */*.txt -- whole family accepted for now
fail-on = warning
baseline = .aligner-baseline.json

[aligner.TST001]
word = muddled
report-russian = no
"""


@pytest.fixture(autouse=True)
def only_the_test_rule(monkeypatch):
    _, rule = tst_rule.load()
    monkeypatch.setattr(checks, "_registry", {rule.code: rule})


def write(tmp_path, text, name="setup.cfg"):
    (tmp_path / "glossary.tsv").write_text("ООН\tUN\n", encoding="utf-8")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_every_key_is_read(tmp_path):
    path = write(tmp_path, FULL)
    config = load_config(path)
    assert config.select == ("ALL",) and config.ignore == ("TST001",)
    assert config.severity == {"TST001": "error"}
    assert config.glossaries == (os.path.join(str(tmp_path), "glossary.tsv"),)
    assert config.ignore_findings == (
        IgnoreEntry("TST001", "corpus/en/002_*.txt", "the source writes it with a space; checked by hand",
                    text="1 066", origin=f"{path}:12"),
        IgnoreEntry("TST", "*/*.txt", "whole family accepted for now", origin=f"{path}:13"))
    assert config.fail_on == "warning"
    assert config.baseline == os.path.join(str(tmp_path), ".aligner-baseline.json")
    assert config.rule_options == {"TST001": {"word": "muddled", "report_russian": False}}
    assert config.options_for("TST001") == {"word": "muddled", "report_russian": False}
    assert config.enabled_codes() == []


def test_setup_cfg_in_the_directory_is_found_only_with_an_aligner_section(tmp_path):
    assert load_config(directory=str(tmp_path)) == Config()
    write(tmp_path, "[metadata]\nname = x\n")
    assert load_config(directory=str(tmp_path)) == Config()
    write(tmp_path, "[aligner]\nfail-on = info\n")
    assert load_config(directory=str(tmp_path)).fail_on == "info"


def test_ignore_entry_matching():
    entry = IgnoreEntry("TST", "corpus/en/*.txt", "reason", text="1 066")
    finding = Finding("TST001", "error", "corpus/en/x.txt", 1, 1, 1, 6, "m", text="1 066 people")
    assert entry.matches(finding)
    assert not entry.matches(Finding("TST001", "error", "corpus/en/x.txt", 1, 1, 1, 6, "m", text="1,066"))
    assert not entry.matches(Finding("NUM001", "error", "corpus/en/x.txt", 1, 1, 1, 6, "m", text="1 066"))
    assert not entry.matches(Finding("TST001", "error", "other/x.txt", 1, 1, 1, 6, "m", text="1 066"))


@pytest.mark.parametrize("text, line, message", [
    ("[aligner]\nselect = XYZ\n", 2, "no rule matches 'XYZ'"),
    ("[aligner]\nfail-on = sometimes\n", 2, "fail-on must be one of error, warning, info, never"),
    ("[aligner]\n# c\nfail-on: sometimes\n", 3, "fail-on must be one of error, warning, info, never"),
    ("[aligner]\nseverity = TST001 = info,\n  # comment\n  TST001 = bad\n", 4, "severity must be one of"),
    ("[aligner]\nseverity =\n    TST001 = fatal\n", 3, "severity must be one of info, warning, error"),
    ("[aligner]\nseverity =\n    TST001\n", 3, "expected CODE = severity"),
    ("[aligner]\nignore-findings =\n    TST001 *.txt\n", 3, "each entry needs a reason"),
    ("[aligner]\nignore-findings =\n    TST001 -- why\n", 3, "expected RULE PATH-GLOB"),
    ("[aligner]\nignore-findings =\n    TST001 'a.txt -- why\n", 3, "bad quoting"),
    ("[aligner]\nglossary = missing.tsv\n", 2, "no such file"),
    ("[aligner]\nselct = ALL\n", 2, "unknown key 'selct'"),
    ("[aligner]\nselect = ALL\nselect = TST\n", 3, "option 'select' in section 'aligner' already exists"),
    ("[aligner]\n  indented first line\n", 2, "not a valid INI line"),
    ("[aligner]\n\n[aligner.XYZ001]\nx = 1\n", 3, "unknown rule code 'XYZ001'"),
    ("[aligner]\n\n[aligner.TST001]\nwords = x\n", 4, "rule TST001 has no option 'words'"),
    ("[aligner]\n\n[aligner.TST001]\nreport-russian = maybe\n", 4, "report-russian expects bool"),
])
def test_errors_point_at_file_and_line(tmp_path, text, line, message):
    path = write(tmp_path, text, "aligner.ini")
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert (raised.value.path, raised.value.line) == (path, line)
    assert message in raised.value.message


def test_a_named_config_must_exist_and_have_the_section(tmp_path):
    with pytest.raises(ConfigError, match="no such configuration file"):
        load_config(str(tmp_path / "none.ini"))
    with pytest.raises(ConfigError, match=r"no \[aligner\] section"):
        parse_config("[other]\nx = 1\n", "other.ini")
