"""Baselines: accept today's findings so that a CI job fails only on new ones.

A baseline is a JSON file listing the fingerprint (:attr:`Finding.fingerprint`: rule,
file, flagged text and message, not the position) of each known finding with how many
times it occurs; a finding is suppressed while its fingerprint has occurrences left.
So moving text around does not revive a finding, while a second copy of the same
error does::

    {"version": 1, "findings": [
      {"fingerprint": "0f3c...", "rule": "NUM001", "path": "corpus/en/x.txt",
       "line": 7, "text": "1 066", "count": 1}]}

``line`` and ``text`` are for readers; only ``fingerprint`` and ``count`` are used.
"""

from __future__ import annotations

import json
from collections import Counter

from aligner.errors import ConfigError
from aligner.records import Finding

VERSION = 1


def baseline_json(findings: list[Finding]) -> str:
    """The baseline file text for these findings."""
    counts = Counter(finding.fingerprint for finding in findings)
    first: dict[str, Finding] = {}
    for finding in findings:
        first.setdefault(finding.fingerprint, finding)
    entries = [{"fingerprint": fingerprint, "rule": finding.rule, "path": finding.path,
                "line": finding.line, "text": finding.text, "count": counts[fingerprint]}
               for fingerprint, finding in first.items()]
    entries.sort(key=lambda e: (e["path"], e["line"], e["rule"], e["fingerprint"]))
    return json.dumps({"version": VERSION, "findings": entries}, ensure_ascii=False, indent=1) + "\n"


def write_baseline(path: str, findings: list[Finding]) -> int:
    """Write the baseline; returns how many findings it holds."""
    from aligner.io import write_text

    write_text(path, baseline_json(findings))
    return len(findings)


def load_baseline(path: str) -> Counter:
    """fingerprint -> number of accepted occurrences (of a decisions file: the rejected ones)."""
    from aligner.io import read_json

    data = read_json(path, "baseline", "no such baseline file (create it with --write-baseline)")
    from aligner.review.decisions import Decisions, is_decisions

    if is_decisions(data):  # an `aligner review` decisions file: its rejected findings
        return Decisions.from_dict(data, path).rejected()
    if not isinstance(data, dict) or data.get("version") != VERSION or \
            not isinstance(data.get("findings"), list):
        raise ConfigError(f"not an aligner baseline (expected version {VERSION} with a findings list)",
                          path)
    counts: Counter = Counter()
    for number, entry in enumerate(data["findings"], 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise ConfigError(f"baseline entry {number} has no fingerprint", path)
        count = entry.get("count", 1)
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            raise ConfigError(f"baseline entry {number}: count must be a whole number, got {count!r}", path)
        counts[entry["fingerprint"]] += count
    return counts


def apply_baseline(findings: list[Finding], accepted: Counter) -> tuple[list[Finding], list[Finding]]:
    """(new findings, suppressed findings); each accepted occurrence suppresses one finding."""
    left = Counter(accepted)
    new, suppressed = [], []
    for finding in findings:
        if left[finding.fingerprint] > 0:
            left[finding.fingerprint] -= 1
            suppressed.append(finding)
        else:
            new.append(finding)
    return new, suppressed
