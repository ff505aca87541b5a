"""GitHub Actions workflow commands: one annotation per finding.

``::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=CODE::message``; ``info``
findings become ``notice``. Values are escaped as the runner expects: ``%``, CR and LF
everywhere, and also ``:`` and ``,`` inside properties. Columns count code points.
"""

from __future__ import annotations

from aligner.formats.check import file_position
from aligner.output import full_message

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(result) -> str:
    lines = []
    for finding in result.findings:
        properties = {"file": finding.path.replace("\\", "/"), "line": finding.line,
                      "col": finding.column, "endLine": finding.end_line,
                      "endColumn": finding.end_column, "title": finding.rule}
        if finding.unit:  # a bilingual file: point into the file itself, name the unit
            where = file_position(result.pairs, finding)
            if where is not None:
                properties.update(zip(("file", "line", "col", "endLine", "endColumn"), where))
            properties["title"] = f"{finding.rule} (unit {finding.unit})"
        fields = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
        message = full_message(finding)
        if finding.evidence is not None:
            evidence = finding.evidence
            message += f"\nsource {evidence.path}:{evidence.line}:{evidence.column}: {evidence.text}"
        lines.append(f"::{LEVELS[finding.severity]} {fields}::{escape_data(message)}")
    return "".join(line + "\n" for line in lines)
