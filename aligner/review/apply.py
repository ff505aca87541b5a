"""Decisions applied to a document, through the same code as ``aligner fix``.

:func:`apply_decisions` turns accepted and edited findings plus free edits into the
``accept`` callback of :func:`aligner.fix.fix_document`, so the corrected text, the
unified diff and the JSON changelog are exactly those of ``aligner fix``. A free edit
is passed to it as a finding of the pseudo-rule ``EDIT`` whose accepted replacement is
the editor's text; decisions on findings inside a free edit's span are superseded
(the editor typed the final text there).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from aligner.fix import FixResult, fix_document
from aligner.records import Document, Finding
from aligner.review.decisions import Decision, Decisions, FreeEdit, finding_key

FREE_EDIT = "EDIT"  # the rule code free edits carry in the changelog
_LINE_BREAKS = re.compile(r"\r\n|\r")


@dataclass
class Applied:
    """The corrected document plus the decisions that matched nothing any more."""

    result: FixResult
    stale: list[Decision] = field(default_factory=list)  # no such finding now
    stale_edits: list[FreeEdit] = field(default_factory=list)  # the text under it changed


def apply_decisions(document: Document, findings: list[Finding], decisions: Decisions) -> Applied:
    """The corrected ``document`` after the editor's decisions on ``findings``."""
    mine = decisions.for_path(document.path)
    edits, stale_edits = [], []
    for edit in mine.edits.values():
        matched = in_document(document, edit)
        (edits if matched else stale_edits).append(matched or edit)
    typed = [_edit_finding(document, edit) for edit in edits]
    known = {finding_key(f) for f in findings}
    stale = [d for key, d in mine.findings.items() if key not in known]

    def accept(finding: Finding) -> bool | str | None:
        if any(finding is edit for edit in typed):
            return finding.suggestion
        decision = mine.findings.get(finding_key(finding))
        if decision is None or decision.decision == "reject":
            return None
        if any(e.start < finding.end and finding.start < e.end
               or e.start <= finding.start == finding.end <= e.end for e in edits):
            return None  # superseded by the editor's own text around it
        return True if decision.replacement is None else decision.replacement

    result = fix_document(document, list(findings) + typed, accept)
    return Applied(result, stale, stale_edits)


def in_document(document: Document, edit: FreeEdit) -> FreeEdit | None:
    """The free edit as it applies to ``document`` (None: its ``before`` is not there).

    A browser reads every line break as ``\n``; where the file has ``\r\n`` (or ``\r``)
    there, ``before`` is taken from the file and ``after`` gets the file's line breaks.
    """
    text = document.text[edit.start:edit.end] if edit.end <= len(document.text) else None
    if text == edit.before:
        return edit
    if text is None or _LINE_BREAKS.sub("\n", text) != edit.before:
        return None
    found = _LINE_BREAKS.search(text)
    after = edit.after.replace("\n", found.group()) if found else edit.after
    return FreeEdit(edit.path, edit.start, edit.end, text, after)


def _edit_finding(document: Document, edit: FreeEdit) -> Finding:
    line, column = document.position(edit.start)
    end_line, end_column = document.position(edit.end)
    return Finding(rule=FREE_EDIT, severity="info", path=document.path, line=line, column=column,
                   end_line=end_line, end_column=end_column, message="edited by hand",
                   suggestion=edit.after, start=edit.start, end=edit.end, text=edit.before)
