"""Meta-test over the real registry: every rule has its docs and both kinds of example,
fingerprints that do not depend on position, and valid documented configurations (the
examples' exact findings: tests/test_rule_examples.py)."""

import re
from pathlib import Path

import pytest

from aligner.checks import all_rules
from aligner.config import Config, parse_config
from aligner.engine import check_texts

HEADINGS = ("What it does", "Why is this bad?", "Example")
RULES = list(all_rules().values())
EXAMPLES = [(rule.code, number, example) for rule in RULES for number, example in enumerate(rule.examples)]


def test_rules_are_registered():
    assert RULES, "no rule module found in aligner/checks/"


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_rule_has_documentation_and_both_kinds_of_example(rule):
    assert rule.name and rule.name == rule.name.lower() and " " not in rule.name, rule.name
    assert rule.summary.strip() and "\n" not in rule.summary
    for heading in HEADINGS:
        assert heading in rule.doc, f"{rule.path}: docstring lacks the heading {heading!r}"
    flags = [example for example in rule.examples if example[2]]
    passes = [example for example in rule.examples if not example[2]]
    assert flags and passes, f"{rule.path}: needs at least one should-flag and one should-pass example"


FLAGGED = [(code, number, example) for code, number, example in EXAMPLES if example[2]]


@pytest.mark.parametrize("code, number, example", FLAGGED,
                         ids=[f"{code}-{number}" for code, number, _ in FLAGGED])
def test_fingerprints_do_not_depend_on_position(code, number, example):
    """Baselines match findings by fingerprint (rule, file, flagged text, message): a
    message must not carry a line or column, or moving text would revive the finding."""
    ru, en, _ = example
    config = Config(select=(code,))
    here = check_texts(ru, en, config).findings
    moved = check_texts("Заголовок.\n\n" + ru if ru else None, "Heading.\n\n" + en, config).findings
    assert [f.line + 2 for f in here] == [f.line for f in moved]
    assert [f.fingerprint for f in here] == [f.fingerprint for f in moved], \
        (f"{code}: the message changes when the text moves, so baselines stop matching; "
         f"keep line/column numbers out of messages: {[f.message for f in moved]}")


ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("document", ["README.md", "docs/check.md"])
def test_documented_configuration_examples_are_valid(tmp_path, document):
    """The [aligner] examples in the docs parse against the real rule registry."""
    text = (ROOT / document).read_text(encoding="utf-8")
    blocks = re.findall(r"```ini\n(.*?)```", text, re.S)
    assert blocks, f"{document} has no ini example"
    (tmp_path / "glossary.tsv").write_text("", encoding="utf-8")
    for block in blocks:
        config = parse_config(block, str(tmp_path / "setup.cfg"))
        assert config.ignore_findings and all(entry.reason for entry in config.ignore_findings)
