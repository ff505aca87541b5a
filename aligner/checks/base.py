"""The contract every check rule follows.

A rule is a module in ``aligner/checks/`` defining:

- ``CODE`` (e.g. ``"NUM001"``), ``NAME`` (the pattern it flags, e.g. ``"number-mismatch"``),
  ``SEVERITY`` (``"error"``, ``"warning"`` or ``"info"``), ``SUMMARY`` (one line);
- a module docstring with the headings *What it does*, *Why is this bad?*, *Example*;
- ``EXAMPLES``: a list of ``(ru, en, flagged)`` real should-flag (True) and should-pass
  (False) pairs;
- ``check(pair: Pair) -> Iterable[Finding]`` for one English document with its
  optional Russian source, and optionally ``check_corpus(pairs: list[Pair])`` for
  corpus-wide findings.

Rules are discovered by the registry in ``aligner/checks/__init__.py``; adding one
touches no other file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from aligner.records import Bead, Document, Evidence, Finding, Sentence


@dataclass
class Pair:
    """Everything a rule sees for one English document and its optional Russian source."""

    en: Document
    en_sentences: list[Sentence]
    ru: Document | None = None
    ru_sentences: list[Sentence] = field(default_factory=list)
    beads: list[Bead] = field(default_factory=list)
    options: dict = field(default_factory=dict)  # per-run settings (glossaries, thresholds)

    def aligned(self) -> Iterator[tuple[list[Sentence], list[Sentence], Bead]]:
        """(Russian sentences, English sentences, bead) for every bead, in order."""
        for bead in self.beads:
            yield ([self.ru_sentences[i] for i in bead.ru],
                   [self.en_sentences[i] for i in bead.en], bead)

    def evidence(self, sentences: list[Sentence]) -> Evidence | None:
        """The Russian sentences a finding rests on, positioned in the Russian file."""
        if not sentences or self.ru is None:
            return None
        line, column = self.ru.position(sentences[0].start)
        return Evidence(self.ru.path, line, column, " ".join(s.text for s in sentences))

    def place(self, start: int, text: str) -> Evidence:
        """Another place of the same problem in the English document (``Finding.related``)."""
        line, column = self.en.position(start)
        return Evidence(self.en.path, line, column, text)

    def finding(self, rule: str, severity: str, start: int, end: int, message: str,
                suggestion: str | None = None, evidence: list[Sentence] | None = None,
                document: Document | None = None, related: tuple[Evidence, ...] = ()) -> Finding:
        """A Finding on ``document.text[start:end]`` (the English document by default)."""
        document = document or self.en
        line, column = document.position(start)
        end_line, end_column = document.position(end)
        return Finding(rule=rule, severity=severity, path=document.path, line=line,
                       column=column, end_line=end_line, end_column=end_column,
                       message=message, suggestion=suggestion,
                       evidence=self.evidence(evidence or []), start=start, end=end,
                       text=document.text[start:end], related=related)
