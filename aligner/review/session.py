"""One review: the checked files, their findings, the editor's decisions, the outputs.

:class:`ReviewSession` is what the server's routes call; it knows nothing of HTTP.
Every decision is checked against the findings of this review (an unknown finding or a
file outside the review is refused) and saved at once. :meth:`ReviewSession.finish`
writes, for every English file, the corrected text, its unified diff and its JSON
changelog as ``aligner fix`` does: atomically, never over an input unless
``in_place``.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass

from aligner.engine import CheckResult
from aligner.errors import AlignerError, ConfigError
from aligner.fix import changelog_json, unified_diff
from aligner.io import guard_outputs, write_text
from aligner.review.apply import apply_decisions, in_document
from aligner.review.decisions import (Decisions, finding_key, load_decisions, parse_decision, parse_edit,
                                      save_decisions)


@dataclass(frozen=True)
class Outputs:
    """Where Finish writes: ``directory`` (mirroring the inputs below ``root``) or in place."""

    directory: str = "reviewed"
    root: str | None = None  # the reviewed folder; None: files are named by their base name
    in_place: bool = False

    def target(self, path: str) -> str:
        if self.in_place:
            return path
        name = os.path.relpath(path, self.root) if self.root else os.path.basename(path)
        return os.path.join(self.directory, name)


def default_decisions_path(path: str) -> str:
    """Beside the input, hidden so that a later ``aligner check DIR`` never reads it as a text:
    ``DIR/.aligner-decisions.json`` for a folder, ``.NAME.decisions.json`` beside a file."""
    if os.path.isdir(path):
        return os.path.join(path, ".aligner-decisions.json")
    folder, name = os.path.split(os.path.normpath(path))
    return os.path.join(folder, f".{name}.decisions.json")


class ReviewSession:
    """The state behind the review page (thread-safe: one lock around every change)."""

    def __init__(self, result: CheckResult, decisions_path: str, outputs: Outputs, title: str = "aligner review"):
        self.result = result
        self.decisions_path = decisions_path
        self.outputs = outputs
        self.title = title
        self.lock = threading.Lock()
        self.findings = {finding_key(f): f for f in result.findings}
        self.documents = {pair.target.path: pair.target for pair in result.pairs}
        self.decisions = load_decisions(decisions_path) if os.path.exists(decisions_path) else Decisions()
        self.finished: dict | None = None

    def page(self) -> str:
        from aligner.report import render_report

        return render_report(self.result.pairs, self.result.findings, title=self.title, rules=self.result.rules,
                             signature=self.result.signature, review="server")

    def state(self) -> dict:
        with self.lock:
            return {"decisions": self.decisions.to_dict(), "file": self.decisions_path,
                    "finished": self.finished}

    def decide(self, entry) -> dict:
        """Record a decision on a finding of this review (the page sends the file's entry)."""
        decision = parse_decision(entry, "decision")
        finding = self.findings.get(decision.key)
        if finding is None or finding.path != decision.path:
            raise ConfigError("no such finding in this review")
        with self.lock:
            self.decisions.decide(decision)
            self._save()
        return self.decisions.to_dict()

    def edit(self, entry) -> dict:
        """Record a free edit of English text in a reviewed file."""
        edit = parse_edit(entry, "edit")
        document = self.documents.get(edit.path)
        if document is None:
            raise ConfigError("not a file of this review")
        edit = in_document(document, edit)
        if edit is None:
            raise ConfigError("the text to edit is not at its offsets")
        with self.lock:
            self.decisions.edit(edit)
            self._save()
        return self.decisions.to_dict()

    def undo(self, entry) -> dict:
        key = entry.get("key") if isinstance(entry, dict) else None
        if not isinstance(key, str):
            raise ConfigError("'key' must be a string")
        with self.lock:
            if self.decisions.undo(key):
                self._save()
        return self.decisions.to_dict()

    def finish(self) -> dict:
        """Write every corrected file with its diff and changelog; the summary for the page."""
        with self.lock:
            plan = []
            for pair in self.result.pairs:
                document = pair.target
                findings = [f for f in self.result.findings if f.path == document.path]
                plan.append((document, apply_decisions(document, findings, self.decisions)))
            targets = [self.outputs.target(document.path) for document, _ in plan]
            logs = [name for target in targets for name in (target + ".diff", target + ".json")]
            inputs = list(self.result.documents()) + ([self.outputs.root] if self.outputs.root else [])
            guard_outputs(([] if self.outputs.in_place else targets) + logs, inputs, new_folders=True)
            files = []
            for (document, applied), target in zip(plan, targets):
                fixed = applied.result
                tofile = document.path + " (corrected)" if self.outputs.in_place else target
                changed = fixed.text != document.text
                if changed or not self.outputs.in_place:
                    write_text(target, fixed.text, document.encoding, backup=self.outputs.in_place)
                write_text(target + ".diff", unified_diff(fixed, document.path, tofile))
                write_text(target + ".json", changelog_json(fixed))
                files.append({"path": document.path, "corrected": target, "diff": target + ".diff",
                              "changelog": target + ".json", "applied": len(fixed.applied),
                              "conflicts": len(fixed.conflicts), "skipped": len(fixed.skipped),
                              "stale": len(applied.stale) + len(applied.stale_edits)})
            self.finished = {"files": files, "decisions": self.decisions_path}
            return self.finished

    def _save(self) -> None:
        try:
            save_decisions(self.decisions_path, self.decisions)
        except AlignerError:
            raise
        except OSError as error:
            raise AlignerError(f"cannot save decisions: {error.strerror}", self.decisions_path) from None

