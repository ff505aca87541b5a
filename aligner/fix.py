"""Applying accepted suggestions to a transcript, with a changelog of every edit.

A finding is fixed by its ``replacement`` (:class:`aligner.records.Replacement`: a
span of the document and the text that replaces it), which the rule set; a finding
with advice only (``replacement`` None) is skipped, or the editor types a replacement
with ``aligner fix --interactive``.

Edits whose spans overlap are conflicts: none of them is applied, all are reported
(identical edits from two rules count once). The original text is never changed in
place; ``apply`` returns the corrected text.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import asdict, dataclass, field
from typing import Callable, Iterable

from aligner.errors import UsageError
from aligner.records import Document, Finding, Pair


@dataclass(frozen=True)
class Edit:
    """One replacement in the original document: ``text[start:end]`` (``before``) -> ``after``."""

    rule: str
    path: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    before: str
    after: str
    message: str = ""

    def overlaps(self, other: Edit) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Skipped:
    """A finding that was not turned into an edit, and why."""

    finding: Finding
    reason: str


@dataclass
class FixResult:
    document: Document
    text: str  # the corrected text
    applied: list[Edit] = field(default_factory=list)
    conflicts: list[Edit] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def replacement(finding: Finding) -> str | None:
    """The text the finding's rule proposes for its span, or None (advice only)."""
    return finding.replacement.text if finding.replacement is not None else None


def unfixable(finding: Finding, document: Document) -> str | None:
    """Why no edit can be made on the finding's span in ``document`` (None: it can)."""
    if finding.path.replace("\\", "/") != document.path.replace("\\", "/"):
        return f"flags another file ({finding.path})"
    if finding.end <= finding.start:
        return "no span to replace"
    if document.text[finding.start:finding.end] != finding.text:
        return "the flagged text is not at its offsets (stale finding)"
    return None


def edit_for(finding: Finding, document: Document, after: str | None = None) -> Edit | Skipped:
    """The Edit that replaces a finding's span by ``after`` (default: its suggestion)."""
    reason = unfixable(finding, document)
    if reason:
        return Skipped(finding, reason)
    if after is None:
        after = replacement(finding)
        if after is None:
            return Skipped(finding, "advice only, no replacement text" if finding.suggestion
                           else "no suggestion")
    if after == finding.text:
        return Skipped(finding, "the suggestion equals the flagged text")
    line, column = document.position(finding.start)
    end_line, end_column = document.position(finding.end)
    return Edit(finding.rule, document.path, finding.start, finding.end, line, column,
                end_line, end_column, finding.text, after, finding.message)


def resolve(edits: Iterable[Edit]) -> tuple[list[Edit], list[Edit]]:
    """Split edits into (applicable, conflicting): overlapping edits conflict unless identical."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end, e.after, e.rule))
    clusters: list[list[Edit]] = []
    for edit in ordered:
        if clusters and any(edit.overlaps(other) for other in clusters[-1]):
            clusters[-1].append(edit)
        else:
            clusters.append([edit])
    applicable, conflicts = [], []
    for cluster in clusters:
        if len({(e.start, e.end, e.after) for e in cluster}) == 1:
            applicable.append(cluster[0])
        else:
            conflicts.extend(cluster)
    return applicable, conflicts


def apply(text: str, edits: list[Edit]) -> str:
    """``text`` with non-overlapping ``edits`` applied."""
    out, position = [], 0
    for edit in sorted(edits, key=lambda e: e.start):
        if edit.start < position:
            raise ValueError(f"overlapping edits at offset {edit.start}")
        out.append(text[position:edit.start])
        out.append(edit.after)
        position = edit.end
    out.append(text[position:])
    return "".join(out)


def fix_document(document: Document, findings: Iterable[Finding],
                 accept: Callable[[Finding], bool | str | None]) -> FixResult:
    """Apply the findings ``accept`` approves.

    ``accept(finding)`` returns True (apply its suggestion), a string (apply this
    replacement instead, e.g. typed by an editor) or False/None (skip). Accepted
    findings whose suggestion is advice, or that cannot be edited, are listed in
    ``skipped`` with the reason; findings without any suggestion are not fixes and are
    left out.
    """
    edits, skipped = [], []
    for finding in sorted(findings, key=lambda f: (f.start, f.end, f.rule)):
        decision = accept(finding)
        if decision is None or decision is False or (decision is True and finding.suggestion is None):
            continue  # not accepted, or nothing to apply (a finding without suggestion is no fix)
        result = edit_for(finding, document, None if decision is True else decision)
        (skipped if isinstance(result, Skipped) else edits).append(result)
    applied, conflicts = resolve(edits)
    return FixResult(document, apply(document.text, applied), applied, conflicts, skipped)


def accept_rules(rules: str, known: Iterable[str] | None = None) -> Callable[[Finding], bool]:
    """An ``accept`` for ``--accept all`` or ``--accept NAM001,NUM002``.

    With ``known`` (the registered rule codes) an unknown code is a UsageError.
    """
    wanted = {rule.strip().upper() for rule in rules.split(",") if rule.strip()}
    if not wanted:
        raise UsageError("--accept needs 'all' or a comma-separated list of rule codes")
    if "ALL" in wanted:
        return lambda finding: True
    unknown = sorted(wanted - set(known)) if known is not None else []
    if unknown:
        raise UsageError(f"--accept: no rule {', '.join(unknown)} (see `aligner rules`)")
    return lambda finding: finding.rule.upper() in wanted


def map_offset(edits: list[Edit], offset: int) -> int:
    """Where an offset of the original text lands in the corrected text."""
    shift = 0
    for edit in edits:
        if edit.end <= offset:
            shift += len(edit.after) - (edit.end - edit.start)
        elif edit.start < offset:  # inside a replaced span: clamp to the replacement's end
            return edit.start + shift + len(edit.after)
    return offset + shift


def corrected_pairs(pair: Pair, result: FixResult) -> list[tuple[str, str, dict]]:
    """(Russian, corrected English, properties) of every bead with both sides, for a TM.

    Beads whose English side is all Russian (an untranslated headline) are left out.
    Properties: ``x-file`` (the English file) and, where edits changed the English,
    ``x-edits`` (their rule codes).
    """
    units = []
    for ru_sentences, en_sentences, _ in pair.aligned():
        if not ru_sentences or not en_sentences or all(s.lang == "ru" for s in en_sentences):
            continue
        start, end = en_sentences[0].start, en_sentences[-1].end
        rules = sorted({edit.rule for edit in result.applied if edit.start < end and start < edit.end})
        english = result.text[map_offset(result.applied, start):map_offset(result.applied, end)]
        russian = " ".join(s.text for s in ru_sentences)
        props = {"x-file": pair.target.path}
        if rules:
            props["x-edits"] = ",".join(rules)
        units.append((" ".join(russian.split()), " ".join(english.split()), props))
    return units


def unified_diff(result: FixResult, fromfile: str, tofile: str) -> str:
    """The changes as a unified diff (difflib), line ends as in the file."""
    before = result.document.text.splitlines(keepends=True)
    after = result.text.splitlines(keepends=True)
    lines = difflib.unified_diff(before, after, fromfile=fromfile, tofile=tofile)
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
                   for line in lines)


def changelog(result: FixResult) -> dict:
    """The JSON changelog: applied edits (original line/column), conflicts and skipped findings."""
    return {
        "path": result.document.path,
        "edits": [asdict(edit) for edit in result.applied],
        "conflicts": [asdict(edit) for edit in result.conflicts],
        "skipped": [{"rule": s.finding.rule, "line": s.finding.line, "column": s.finding.column,
                     "text": s.finding.text, "suggestion": s.finding.suggestion, "reason": s.reason}
                    for s in result.skipped],
    }


def changelog_json(result: FixResult) -> str:
    return json.dumps(changelog(result), ensure_ascii=False, indent=2) + "\n"
