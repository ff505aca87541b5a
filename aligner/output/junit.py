"""JUnit XML for CI test-report viewers.

One ``<testsuite>`` per file (named by its path); one ``<testcase>`` with a ``<failure>``
per finding, or one passing ``<testcase name="no findings">`` for a clean file. The
failure's ``type`` is the rule code; its body repeats the text-format line and the
source evidence.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from aligner.formats.check import file_position, location
from aligner.output import full_message

# Characters XML 1.0 cannot carry (C0 controls other than tab, LF, CR; surrogates; U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def render(result) -> str:
    by_path: dict[str, list] = {pair.target.path: [] for pair in result.pairs}
    for finding in result.findings:
        by_path.setdefault(finding.path, []).append(finding)
    suites = ET.Element("testsuites", name="aligner", tests="0", failures="0", errors="0")
    total = failures = 0
    for path, findings in by_path.items():
        suite = ET.SubElement(suites, "testsuite", name=_clean(path), errors="0", skipped="0",
                              failures=str(len(findings)), tests=str(max(1, len(findings))))
        if not findings:
            ET.SubElement(suite, "testcase", name="no findings", classname=_clean(path))
        for finding in findings:
            where = file_position(result.pairs, finding) if finding.unit else None  # the file's own line
            case = ET.SubElement(suite, "testcase", classname=_clean(path),
                                 name=f"{finding.rule} {'unit ' + finding.unit + ' ' if finding.unit else ''}"
                                      f"line {finding.line} column {finding.column}",
                                 file=_clean(where[0] if where else path),
                                 line=str(where[1] if where else finding.line))
            failure = ET.SubElement(case, "failure", type=finding.rule,
                                    message=_clean(full_message(finding)))
            body = [f"{location(finding)}: {finding.severity} "
                    f"{finding.rule} {full_message(finding)}"]
            if finding.evidence is not None:
                evidence = finding.evidence
                body.append(f"source {evidence.path}:{evidence.line}:{evidence.column}: {evidence.text}")
            failure.text = _clean("\n".join(body))
        total += max(1, len(findings))
        failures += len(findings)
    suites.set("tests", str(total))
    suites.set("failures", str(failures))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
