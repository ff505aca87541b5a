"""The decisions file: what an editor decided on each finding, saved as they work.

``aligner review`` writes it after every decision (atomically), the static report
exports the same file from the browser, ``aligner fix --decisions FILE`` applies it and
``aligner check --baseline FILE`` reads its rejected findings as a baseline.

Schema (JSON, UTF-8)::

    {"format": "aligner-decisions", "version": 1,
     "findings": [
       {"fingerprint": "0f3c9a…", "rule": "NAM001", "path": "corpus/en/002_….txt",
        "start": 3573, "end": 3576, "line": 37, "column": 450, "text": "Min",
        "decision": "accept", "replacement": "Ming"},
       {"fingerprint": "77b0e1…", "rule": "UNT001", "path": "corpus/en/002_….txt",
        "start": 120, "end": 199, "line": 3, "column": 1, "text": "В Совбезе …",
        "decision": "reject", "reason": "the bilingual headline is deliberate"}],
     "edits": [
       {"path": "corpus/en/002_….txt", "start": 3450, "end": 3650,
        "before": "Speaking at a meeting …", "after": "Speaking at a meeting …"}]}

- ``findings``: one entry per decided finding, identified by its ``fingerprint``
  (:attr:`Finding.fingerprint`: rule, file, flagged text, message) and its character
  offsets ``start``/``end`` in the file. ``decision`` is ``accept`` (apply
  ``replacement``, the suggested text the editor saw; without it the finding's current
  suggestion), ``edit`` (apply ``replacement``, typed by the editor) or ``reject``
  (optional ``reason``; the finding is a false alarm). ``rule``, ``line``, ``column``
  and ``text`` are for readers.
- ``edits``: free edits of English text, each replacing ``before`` (exactly
  ``text[start:end]`` of the file at ``path``) by ``after``. A free edit supersedes the
  decisions on findings inside its span: the editor typed the final text.

Decisions hold paths as the findings do (as given on the command line), like a
baseline; a decision whose finding is no longer found, or a free edit whose ``before``
is no longer in the file, is not applied and is reported as stale.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Iterable

from aligner.errors import ConfigError
from aligner.io import read_json
from aligner.records import Finding

FORMAT = "aligner-decisions"
VERSION = 1
ACTIONS = ("accept", "reject", "edit")


@dataclass(frozen=True)
class Decision:
    """The editor's decision on one finding."""

    fingerprint: str
    rule: str
    path: str
    start: int
    end: int
    decision: str  # one of ACTIONS
    replacement: str | None = None  # accept: the suggested text; edit: the typed text
    reason: str | None = None  # reject: why (optional)
    line: int = 0
    column: int = 0
    text: str = ""

    @property
    def key(self) -> str:
        return decision_key(self.fingerprint, self.start, self.end)


@dataclass(frozen=True)
class FreeEdit:
    """The editor's own rendering of a stretch of English text (a sentence, a row)."""

    path: str
    start: int
    end: int
    before: str
    after: str

    @property
    def key(self) -> str:
        return f"{self.path}:{self.start}:{self.end}"


def decision_key(fingerprint: str, start: int, end: int) -> str:
    """How the page and the file name one finding: fingerprint plus offsets."""
    return f"{fingerprint}:{start}:{end}"


def finding_key(finding: Finding) -> str:
    return decision_key(finding.fingerprint, finding.start, finding.end)


class Decisions:
    """Every decision and free edit of one review, by key; changes keep insertion order."""

    def __init__(self, findings: Iterable[Decision] = (), edits: Iterable[FreeEdit] = ()):
        self.findings: dict[str, Decision] = {d.key: d for d in findings}
        self.edits: dict[str, FreeEdit] = {e.key: e for e in edits}

    def __len__(self) -> int:
        return len(self.findings) + len(self.edits)

    def decide(self, decision: Decision) -> None:
        self.findings.pop(decision.key, None)
        self.findings[decision.key] = decision

    def undo(self, key: str) -> bool:
        """Forget the decision on a finding or a free edit; False if there was none."""
        return self.findings.pop(key, None) is not None or self.edits.pop(key, None) is not None

    def edit(self, edit: FreeEdit) -> None:
        self.edits.pop(edit.key, None)
        self.edits[edit.key] = edit

    def for_path(self, path: str) -> Decisions:
        """The decisions and free edits on one file."""
        wanted = _norm(path)
        return Decisions([d for d in self.findings.values() if _norm(d.path) == wanted],
                         [e for e in self.edits.values() if _norm(e.path) == wanted])

    def rejected(self) -> Counter:
        """fingerprint -> number of rejected occurrences (what a baseline suppresses)."""
        return Counter(d.fingerprint for d in self.findings.values() if d.decision == "reject")

    def to_dict(self) -> dict:
        findings = []
        for decision in self.findings.values():
            entry = {key: value for key, value in asdict(decision).items() if value is not None}
            findings.append(entry)
        return {"format": FORMAT, "version": VERSION, "findings": findings,
                "edits": [asdict(edit) for edit in self.edits.values()]}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1) + "\n"

    @classmethod
    def from_dict(cls, data, origin: str = "decisions") -> Decisions:
        """Validate and read a decisions document; ConfigError names the bad entry."""
        if not is_decisions(data):
            raise ConfigError(f"not an aligner decisions file (expected format {FORMAT!r}, "
                              f"version {VERSION})", origin)
        findings = data.get("findings", [])
        edits = data.get("edits", [])
        if not isinstance(findings, list) or not isinstance(edits, list):
            raise ConfigError("'findings' and 'edits' must be lists", origin)
        return cls([parse_decision(entry, f"{origin}: finding {n}") for n, entry in enumerate(findings, 1)],
                   [parse_edit(entry, f"{origin}: edit {n}") for n, entry in enumerate(edits, 1)])


def is_decisions(data) -> bool:
    return isinstance(data, dict) and data.get("format") == FORMAT and data.get("version") == VERSION


def parse_decision(entry, where: str) -> Decision:
    """One ``findings`` entry (from the file or the page), checked field by field."""
    if not isinstance(entry, dict):
        raise ConfigError("must be an object", where)
    decision = _field(entry, "decision", str, where)
    if decision not in ACTIONS:
        raise ConfigError(f"decision must be one of {', '.join(ACTIONS)}, not {decision!r}", where)
    replacement = _field(entry, "replacement", str, where, optional=True)
    if decision == "edit" and replacement is None:
        raise ConfigError("an 'edit' decision needs a 'replacement'", where)
    start, end = _span(entry, where)
    return Decision(
        fingerprint=_field(entry, "fingerprint", str, where), rule=_field(entry, "rule", str, where),
        path=_field(entry, "path", str, where), start=start, end=end, decision=decision,
        replacement=replacement if decision != "reject" else None,
        reason=(_field(entry, "reason", str, where, optional=True) or None) if decision == "reject" else None,
        line=_field(entry, "line", int, where, optional=True) or 0,
        column=_field(entry, "column", int, where, optional=True) or 0,
        text=_field(entry, "text", str, where, optional=True) or "")


def parse_edit(entry, where: str) -> FreeEdit:
    """One ``edits`` entry, checked field by field."""
    if not isinstance(entry, dict):
        raise ConfigError("must be an object", where)
    start, end = _span(entry, where)
    return FreeEdit(_field(entry, "path", str, where), start, end, _field(entry, "before", str, where),
                    _field(entry, "after", str, where))


def load_decisions(path: str) -> Decisions:
    """Read a decisions file; a missing, unreadable or malformed file is a one-line error."""
    data = read_json(path, "decisions file", "no such decisions file")
    return Decisions.from_dict(data, path)


def save_decisions(path: str, decisions: Decisions) -> None:
    """Write the decisions file atomically (a crash leaves the previous version)."""
    from aligner.io import write_text

    write_text(path, decisions.to_json())


def _field(entry: dict, name: str, kind: type, where: str, optional: bool = False):
    value = entry.get(name)
    if value is None and optional:
        return None
    if not isinstance(value, kind) or isinstance(value, bool):
        raise ConfigError(f"'{name}' must be {'a string' if kind is str else 'an integer'}", where)
    return value


def _span(entry: dict, where: str) -> tuple[int, int]:
    start, end = _field(entry, "start", int, where), _field(entry, "end", int, where)
    if not 0 <= start <= end:
        raise ConfigError("needs 0 <= start <= end", where)
    return start, end


def _norm(path: str) -> str:
    return path.replace("\\", "/")
