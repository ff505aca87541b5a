"""The rules read as a catalogue: each file named after its rule, the README's rule table
equal to what the registry prints."""

import re
from pathlib import Path

import pytest

from aligner.checks import all_rules
from aligner.checks.base import module_name
from aligner.commands.rules import markdown_table

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("rule", list(all_rules().values()), ids=lambda rule: rule.code)
def test_each_rule_file_is_named_after_its_code_and_name(rule):
    assert rule.module == f"aligner.checks.{module_name(rule.code, rule.name)}"


def test_the_readme_rule_table_is_the_registry():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = re.search(r"<!-- rules table:[^\n]*-->\n(.*?)<!-- end of rules table -->", readme, re.S)
    assert table, "README.md lacks the rules table markers"
    assert table.group(1) == markdown_table(), "run `aligner rules --format markdown` and paste it into README.md"
