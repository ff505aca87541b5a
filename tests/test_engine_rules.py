"""Meta-test over the real registry: every rule has its docs and examples, and its
examples behave as declared when run through the engine on an in-memory pair."""

import pytest

from aligner.checks import all_rules
from aligner.config import Config
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


@pytest.mark.parametrize("code, number, example", EXAMPLES,
                         ids=[f"{code}-{number}" for code, number, _ in EXAMPLES])
def test_examples_behave_as_declared(code, number, example):
    ru, en, flagged = example
    result = check_texts(ru, en, Config(select=(code,)))
    found = [f"{f.line}:{f.column} {f.message}" for f in result.findings]
    assert bool(found) == flagged, f"{code} example {number}: {'expected a finding' if flagged else found}"
