"""Findings and fixes back into the bilingual file they were found in.

:func:`annotated` is ``aligner check FILE --annotate OUT``: every finding becomes a note
on its unit. :func:`fix_bilingual` is ``aligner fix FILE``: the accepted edits of each
document (:func:`aligner.fix.fix_document`, so conflicts and skips are decided as for
plain text) go into the targets by byte spans, each corrected segment marked "needs
review"; an edit that would cross an inline tag is refused, never applied.
"""

from __future__ import annotations

import bisect
import difflib
import json
from dataclasses import dataclass, field

from aligner.errors import UsageError
from aligner.formats.records import Bilingual
from aligner.formats.write import ANNOTATABLE, Edit, Note, annotate, correct


def _bilingual_of(result) -> Bilingual:
    files = {id(pair.bilingual.bilingual): pair.bilingual.bilingual
             for pair in result.pairs if pair.bilingual is not None}
    if len(files) != 1 or len(result.pairs) != sum(pair.bilingual is not None for pair in result.pairs):
        raise UsageError("--annotate needs exactly one bilingual file (XLIFF, TMX or PO) as input")
    return next(iter(files.values()))


def annotatable(paths) -> None:
    """UsageError unless ``paths`` is one XLIFF, TMX or PO file (checked before any work)."""
    from aligner.formats import sniff_file

    found = sniff_file(paths[0]) if len(paths) == 1 else None
    if found is None:
        raise UsageError("--annotate needs exactly one bilingual file (XLIFF, TMX or PO) as input")
    if found[0] not in ANNOTATABLE:
        raise UsageError(f"--annotate writes notes into XLIFF, TMX or PO; {found[0]} has none", paths[0])


def note_text(finding) -> str:
    """What a CAT tool shows: rule, severity, place in the target, message, suggestion."""
    from aligner.output import full_message

    return (f"aligner {finding.rule} {finding.severity} at {finding.line}:{finding.column}: "
            f"{full_message(finding)}")


def annotated(result) -> tuple[bytes, Bilingual, int]:
    """(the file with a note per finding, the file read, notes written)."""
    bilingual = _bilingual_of(result)
    if bilingual.format not in ANNOTATABLE:
        raise UsageError(f"--annotate writes notes into XLIFF, TMX or PO; {bilingual.format} has none",
                         bilingual.path)
    units = {(pair.target.path, unit.id): unit for pair in result.pairs for unit in pair.bilingual.units}
    notes = [Note(units[(finding.path, finding.unit)], finding.severity, note_text(finding))
             for finding in result.findings if (finding.path, finding.unit) in units]
    return annotate(bilingual, notes), bilingual, len(notes)


@dataclass
class BilingualFix:
    """What ``aligner fix`` did to a bilingual file."""

    bilingual: Bilingual
    data: bytes  # the corrected file
    applied: list = field(default_factory=list)  # aligner.fix.Edit, with .unit set below
    refused: list = field(default_factory=list)  # (aligner.fix.Edit, reason)
    conflicts: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    units: dict = field(default_factory=dict)  # id(fix Edit) -> unit id

    def changelog(self) -> str:
        """JSON: every applied, refused, conflicting and skipped edit with its unit."""
        def entry(edit, reason=None):
            item = {"rule": edit.rule, "unit": self.units.get(id(edit), ""), "line": edit.line,
                    "column": edit.column, "before": edit.before, "after": edit.after}
            if reason:
                item["reason"] = reason
            return item
        return json.dumps({"file": self.bilingual.path,
                           "applied": [entry(edit) for edit in self.applied],
                           "refused": [entry(edit, reason) for edit, reason in self.refused],
                           "conflicts": [entry(edit) for edit in self.conflicts],
                           "skipped": [{"rule": s.finding.rule, "unit": s.finding.unit,
                                        "text": s.finding.text, "reason": s.reason} for s in self.skipped]},
                          ensure_ascii=False, indent=2) + "\n"

    def diff(self, tofile: str) -> str:
        before = self.bilingual.data.decode(self.bilingual.encoding).splitlines(keepends=True)
        after = self.data.decode(self.bilingual.encoding).splitlines(keepends=True)
        return "".join(difflib.unified_diff(before, after, fromfile=self.bilingual.path, tofile=tofile))


def fix_bilingual(result, decide) -> BilingualFix:
    """Apply the findings ``decide`` accepts (see :func:`aligner.fix.fix_document`)."""
    from dataclasses import replace

    from aligner.fix import fix_document

    bilingual = _bilingual_of(result)
    outcome = BilingualFix(bilingual, bilingual.data)
    edits, origin = [], {}
    for pair in result.pairs:
        document = pair.bilingual
        mine = [finding for finding in result.findings if finding.path == pair.target.path]
        fixed = fix_document(pair.target, mine, decide)
        outcome.conflicts.extend(fixed.conflicts)
        outcome.skipped.extend(fixed.skipped)
        for edit in fixed.applied:
            index = bisect.bisect_right(document.en_starts, edit.start) - 1
            unit, start = document.units[index], document.en_starts[index]
            place = document.locate(edit.start)
            shown = replace(edit, line=place.line, column=place.column)
            outcome.units[id(shown)] = unit.id
            edits.append(Edit(unit, edit.start - start, edit.end - start, edit.after))
            origin[id(edits[-1])] = shown
    data, applied, refused = correct(bilingual, edits)
    outcome.data = data
    outcome.applied = [origin[id(edit)] for edit in applied]
    outcome.refused = [(origin[id(edit)], reason) for edit, reason in refused]
    return outcome
