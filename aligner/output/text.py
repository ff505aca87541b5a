"""Plain text: ``file:line:col: CODE message (suggestion: ...)``, one finding a line.

When the finding rests on a source sentence, an indented line follows with its
position: ``    source ru/x.txt:3:1: <Russian sentence>``; a finding about several places
(one body named many ways) lists the others as ``    also at en/y.txt:7:12: <text>``.
Columns count code points.
"""

from __future__ import annotations

from aligner.formats.check import location
from aligner.output import full_message


def render(result) -> str:
    lines = []
    for finding in result.findings:
        lines.append(f"{location(finding)}: {finding.rule} "
                     f"{_one_line(full_message(finding))}")
        if finding.evidence is not None:
            evidence = finding.evidence
            lines.append(f"    source {evidence.path}:{evidence.line}:{evidence.column}: "
                         f"{_one_line(evidence.text)}")
        for place in finding.related:
            lines.append(f"    also at {place.path}:{place.line}:{place.column}: {_one_line(place.text)}")
    return "".join(line + "\n" for line in lines)


def summary_line(result) -> str:
    """One line for stderr: counts by severity, files, sentences, suppressed findings."""
    summary = result.summary()
    files = _plural(summary["files"], "file")
    if summary["files"]:
        files += f" ({summary['with_source']} with a source)"
    sentences = _plural(summary["sentences"], "sentence")
    if summary["findings"]:
        levels = ", ".join(_plural(count, severity) for severity, count in summary["by_severity"].items()
                           if count)
        line = f"Found {_plural(summary['findings'], 'finding')} ({levels}) in {files}, {sentences}"
    else:
        line = f"No findings in {files}, {sentences}"
    suppressed = []
    if summary["ignored"]:
        suppressed.append(f"{summary['ignored']} ignored by configuration")
    if summary["baselined"]:
        suppressed.append(f"{summary['baselined']} in the baseline")
    return line + ("; " + ", ".join(suppressed) if suppressed else "") + "."


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _one_line(text: str) -> str:
    return " ".join(text.split())
