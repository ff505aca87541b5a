"""JSON: one object per run (schema version 1, documented in docs/check.md)::

    {"version": 1,
     "tool": {"name": "aligner", "version": "0.1.0"},
     "signature": "aligner:0.1.0|rules:...|data:1a2b3c4d",
     "columns": "unicode code points, 1-based, end_column exclusive",
     "findings": [{"rule": "NUM001", "name": "number-mismatch", "severity": "error",
                   "file": "en/x.txt", "line": 3, "column": 5, "end_line": 3, "end_column": 9,
                   "message": "...", "suggestion": "..." | null, "text": "flagged text",
                   "replacement": "text that replaces the flagged text" | null,
                   "fingerprint": "16 hex digits",
                   "evidence": {"file": "ru/x.txt", "line": 3, "column": 1, "text": "..."} | null,
                   "related": [{"file": "en/y.txt", "line": 7, "column": 12, "text": "..."}]}],
     "summary": {"files": 1, "with_source": 1, "sentences": 12, "findings": 1,
                 "by_severity": {"error": 1, "warning": 0, "info": 0},
                 "by_rule": {"NUM001": 1}, "ignored": 0, "baselined": 0},
     "notes": [{"path": "ru/y.txt", "message": "..."}],
     "errors": [{"path": "en/z.txt", "message": "binary file ..."}]}  # files or rules not checked (exit 2)
"""

from __future__ import annotations

import json

from aligner import __version__
from aligner.checks import all_rules
from aligner.fix import replacement

VERSION = 1


def finding_dict(finding) -> dict:
    rule = all_rules().get(finding.rule)
    evidence = finding.evidence
    return {"rule": finding.rule, "name": rule.name if rule else None,
            "severity": finding.severity, "file": finding.path,
            **({"unit": finding.unit} if finding.unit else {}),  # bilingual files: line/column in the unit
            "line": finding.line, "column": finding.column,
            "end_line": finding.end_line, "end_column": finding.end_column,
            "message": finding.message, "suggestion": finding.suggestion,
            "text": finding.text, "replacement": replacement(finding),
            "fingerprint": finding.fingerprint,
            "evidence": None if evidence is None else _place(evidence),
            "related": [_place(place) for place in finding.related]}


def _place(place) -> dict:
    return {"file": place.path, "line": place.line, "column": place.column, "text": place.text}


def render(result) -> str:
    document = {"version": VERSION,
                "tool": {"name": "aligner", "version": __version__},
                "signature": result.signature,
                "columns": "unicode code points, 1-based, end_column exclusive",
                "findings": [finding_dict(finding) for finding in result.findings],
                "summary": result.summary(),
                "notes": [{"path": note.path, "message": note.message} for note in result.notes],
                "errors": [{"path": problem.path, "message": problem.message}
                           for problem in getattr(result, "problems", [])]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
