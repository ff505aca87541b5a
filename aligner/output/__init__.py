"""Writers for ``aligner check`` findings: one module per format, each ``render(result) -> str``.

Columns: ``text``, ``json``, ``junit`` and ``github`` give 1-based columns counted in Unicode
code points of the original line (``end_column`` exclusive); ``sarif`` counts UTF-16 code
units as SARIF 2.1.0 defaults to (``columnKind: utf16CodeUnits``), so a character outside
the Basic Multilingual Plane counts twice there. Cyrillic letters count once in both.
"""

from __future__ import annotations

import importlib

FINDINGS_FORMATS = ("text", "json", "sarif", "junit", "github")


def render(result, format: str = "text") -> str:
    """The findings of ``result`` (an :class:`aligner.engine.CheckResult`) in ``format``."""
    if format not in FINDINGS_FORMATS:
        from aligner.errors import UsageError

        raise UsageError(f"unknown format {format!r} (choose from {', '.join(FINDINGS_FORMATS)})")
    return importlib.import_module(f"aligner.output.{format}").render(result)


def full_message(finding) -> str:
    """The message with its suggestion, as every format shows it."""
    if finding.suggestion:
        return f"{finding.message} (suggestion: {finding.suggestion})"
    return finding.message
