"""Every rule's EXAMPLES give exactly the findings recorded in ``data/rule_examples.json``:
span (line:column-end_line:end_column), flagged text, message and replacement, not only
"something fired". A should-pass example is recorded with no finding.

When a rule's wording or spans change on purpose, rewrite the record by running this
module as a script (``python tests/test_rule_examples.py``) and review its diff.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from aligner.checks import all_rules
from aligner.config import Config
from aligner.engine import check_texts

RECORD = Path(__file__).parent / "data" / "rule_examples.json"


def findings_of(code: str, example: tuple) -> list[str]:
    """Each finding of the rule on the example as ``line:col-end_line:end_col 'text': message
    -> 'replacement'``, after checking that its positions agree with its offsets."""
    source, target, _ = example
    result = check_texts(source, target, Config(select=(code,)))
    documents = result.documents()
    for finding in result.findings:
        document = documents[finding.path]
        assert document.text[finding.start:finding.end] == finding.text
        assert document.position(finding.start) == (finding.line, finding.column)
        assert document.position(finding.end) == (finding.end_line, finding.end_column)
        assert finding.message.strip() and finding.severity in ("error", "warning", "info")
    return [f"{f.line}:{f.column}-{f.end_line}:{f.end_column} {f.text!r}: {f.message}"
            + (f" -> {f.replacement.text!r}" if f.replacement else "") for f in result.findings]


def key(example: tuple) -> str:
    source, target, flagged = example
    return f"{'flag' if flagged else 'pass'}: {source} => {target}"


def current() -> dict:
    return {code: {key(example): findings_of(code, example) for example in rule.examples}
            for code, rule in all_rules().items()}


EXAMPLES = [(code, example) for code, rule in all_rules().items() for example in rule.examples]


@pytest.fixture(scope="module")
def record() -> dict:
    return json.loads(RECORD.read_text(encoding="utf-8"))


@pytest.mark.parametrize("code, example", EXAMPLES, ids=[f"{code}-{n}" for n, (code, _) in enumerate(EXAMPLES)])
def test_example_gives_its_recorded_findings(record, code, example):
    recorded = record.get(code, {}).get(key(example))
    assert recorded is not None, f"{code}: example not recorded; run python tests/test_rule_examples.py"
    assert findings_of(code, example) == recorded
    assert bool(recorded) == example[2]


def test_the_record_holds_no_example_that_is_gone(record):
    examples = {code: {key(example) for example in rule.examples} for code, rule in all_rules().items()}
    stale = [(code, k) for code, entries in record.items() for k in entries if k not in examples.get(code, ())]
    assert not stale, "run python tests/test_rule_examples.py to drop them"


if __name__ == "__main__":  # record the findings (only when they are meant to change)
    RECORD.write_text(json.dumps(current(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    sys.exit(0)
