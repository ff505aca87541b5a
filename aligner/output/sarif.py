"""SARIF 2.1.0 for code-scanning services (GitHub ``upload-sarif``, Azure DevOps, IDE viewers).

One run; ``tool.driver.rules`` lists every registered rule from the registry (id, name,
short description, full documentation, default level). Each result carries
``partialFingerprints["alignerFingerprint/v1"]`` (the position-free
:attr:`Finding.fingerprint`), a region with start/end line and column counted in UTF-16
code units (``columnKind: utf16CodeUnits``), a snippet of the flagged text, when the
finding rests on a source sentence a related location in the Russian file, and when its
rule set a replacement (:attr:`aligner.records.Finding.replacement`) a ``fixes`` entry that
SARIF viewers can apply.
"""

from __future__ import annotations

import json
import os
from pathlib import PurePath
from urllib.parse import quote

from aligner import __version__
from aligner.checks import all_rules
from aligner.fix import replacement
from aligner.formats.check import file_position
from aligner.output import full_message

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT = "alignerFingerprint/v1"


def utf16_column(document, line: int, column: int) -> int:
    """A 1-based code-point column converted to 1-based UTF-16 code units."""
    if document is None or line > len(document.line_starts):
        return column
    start = document.line_starts[line - 1]
    prefix = document.text[start:start + column - 1]
    return column + sum(1 for char in prefix if ord(char) > 0xFFFF)


def artifact_location(path: str) -> dict:
    if os.path.isabs(path):
        return {"uri": PurePath(path).as_uri()}
    return {"uri": quote(path.replace("\\", "/"), safe="/"), "uriBaseId": "%SRCROOT%"}


def rule_descriptor(rule) -> dict:
    first_paragraph = rule.doc.split("\n\n", 1)[0]
    return {"id": rule.code, "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": first_paragraph},
            "help": {"text": f"{rule.doc}\n\nSee `aligner rules {rule.code}`.",
                     "markdown": rule.doc},
            "defaultConfiguration": {"level": LEVELS[rule.severity]},
            "properties": {"tags": ["translation-qa"]}}


def _result(finding, index: dict, documents: dict, pairs=()) -> dict:
    if finding.unit:
        return _unit_result(finding, index, pairs)
    document = documents.get(finding.path)
    region = {"startLine": finding.line,
              "startColumn": utf16_column(document, finding.line, finding.column),
              "endLine": finding.end_line,
              "endColumn": utf16_column(document, finding.end_line, finding.end_column)}
    if finding.text:
        region["snippet"] = {"text": finding.text}
    result = {"ruleId": finding.rule,
              "level": LEVELS[finding.severity],
              "message": {"text": full_message(finding)},
              "locations": [{"physicalLocation": {"artifactLocation": artifact_location(finding.path),
                                                  "region": region}}],
              "partialFingerprints": {FINGERPRINT: finding.fingerprint}}
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    after = replacement(finding)
    if after is not None and after != finding.text:
        result["fixes"] = [{
            "description": {"text": f"Replace '{finding.text}' with '{after}'" if after
                            else f"Delete '{finding.text}'"},
            "artifactChanges": [{"artifactLocation": artifact_location(finding.path),
                                 "replacements": [{"deletedRegion": {k: v for k, v in region.items()
                                                                     if k != "snippet"},
                                                   "insertedContent": {"text": after}}]}]}]
    places = [(f"source: {finding.evidence.text}", finding.evidence)] if finding.evidence else []
    places += [(f"also here: {place.text}", place) for place in finding.related]
    if places:
        result["relatedLocations"] = [_related(number, text, place, documents)
                                      for number, (text, place) in enumerate(places, 1)]
    return result


def _unit_result(finding, index: dict, pairs) -> dict:
    """A finding in a bilingual file: the unit as a logical location, the region in the
    file itself (no SARIF fix: ``aligner fix`` edits targets without breaking tags)."""
    where = file_position(pairs, finding)
    path = where[0] if where else finding.path
    location = {"logicalLocations": [{"name": finding.unit, "kind": "element",
                                      "fullyQualifiedName": f"{finding.path}#{finding.unit}"}]}
    physical = {"artifactLocation": artifact_location(path)}
    if where:
        physical["region"] = {"startLine": where[1], "startColumn": where[2],
                              "endLine": where[3], "endColumn": where[4]}
        if finding.text:
            physical["region"]["snippet"] = {"text": finding.text}
    location["physicalLocation"] = physical
    result = {"ruleId": finding.rule, "level": LEVELS[finding.severity],
              "message": {"text": full_message(finding)}, "locations": [location],
              "partialFingerprints": {FINGERPRINT: finding.fingerprint},
              "properties": {"unit": finding.unit, "unitLine": finding.line,
                             "unitColumn": finding.column}}
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    places = [(f"source: {finding.evidence.text}", finding.evidence)] if finding.evidence else []
    places += [(f"also here: {place.text}", place) for place in finding.related]
    if places:
        result["relatedLocations"] = [
            {"id": number, "message": {"text": text},
             "logicalLocations": [{"fullyQualifiedName": place.path, "kind": "element",
                                   "name": place.path.rsplit("#", 1)[-1]}]}
            for number, (text, place) in enumerate(places, 1)]
    return result


def _related(number: int, text: str, place, documents: dict) -> dict:
    column = utf16_column(documents.get(place.path), place.line, place.column)
    return {"id": number, "message": {"text": text},
            "physicalLocation": {"artifactLocation": artifact_location(place.path),
                                 "region": {"startLine": place.line, "startColumn": column}}}


def render(result) -> str:
    rules = list(all_rules().values())
    index = {rule.code: number for number, rule in enumerate(rules)}
    documents = result.documents()
    problems = getattr(result, "problems", [])
    notifications = [{"level": "note", "message": {"text": f"{note.path}: {note.message}"}}
                     for note in result.notes]
    notifications += [{"level": "error", "message": {"text": str(problem)}} for problem in problems]
    invocation = {"executionSuccessful": not problems}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    log = {"$schema": SCHEMA, "version": "2.1.0",
           "runs": [{"tool": {"driver": {"name": "aligner", "version": __version__,
                                         "semanticVersion": __version__,
                                         "rules": [rule_descriptor(rule) for rule in rules]}},
                     "invocations": [invocation],
                     "columnKind": "utf16CodeUnits",
                     "results": [_result(f, index, documents, result.pairs) for f in result.findings],
                     "properties": {"signature": result.signature}}]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
