"""Checking one document, and the corpus-wide reduce: the unit of work of every run.

``check_document`` is a pure function of a picklable :class:`DocumentTask` (read ->
segment -> align -> analyse -> per-document rules): it returns the document's
findings and, for each corpus-wide rule, a small picklable summary of the document.
``reduce_corpus`` then runs the corpus-wide rules over those summaries, taken in the
order the documents were given. Nothing else is shared between documents (no module
state), so a run gives the same findings whichever worker checks which document: a
backend only has to map ``check_document`` over the tasks and keep their order.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from aligner.checks import Rule, all_rules
from aligner.errors import AlignerError
from aligner.io import read_document
from aligner.pipeline import add_time, build_pair
from aligner.records import SEVERITIES, Finding, Pair


@dataclass(frozen=True)
class DocumentTask:
    """One target file to check, with its optional source, the rules and their options."""

    target: str
    source: str | None
    codes: tuple[str, ...]
    options: dict = field(default_factory=dict, compare=False)
    encoding: str | None = None


@dataclass(frozen=True)
class DocumentResult:
    """What checking one document gives."""

    pair: Pair
    findings: tuple[Finding, ...]
    summaries: dict  # rule code -> the document's summary for that rule's check_corpus
    timings: dict  # stage ("read", "segment", "align", "rule NUM001") -> seconds


def check_document(task: DocumentTask) -> DocumentResult:
    """Read, segment and align one document with its source, then run the rules on it."""
    timings: dict = {}
    start = time.perf_counter()
    target = read_document(task.target, task.encoding)
    source = read_document(task.source, task.encoding) if task.source is not None else None
    add_time(timings, "read", start)
    pair = build_pair(target, source, options=task.options, timings=timings)
    return check_pair(pair, task.codes, timings)


def check_pair(pair: Pair, codes: tuple[str, ...], timings: dict | None = None) -> DocumentResult:
    """Run the rules ``codes`` on a built pair: its findings and its corpus summaries."""
    registry = all_rules()
    timings = {} if timings is None else timings
    findings: list[Finding] = []
    summaries: dict = {}
    for code in codes:
        rule = registry[code]
        start = time.perf_counter()
        findings.extend(run_rule(rule, rule.check, pair, pair.target.path))
        if rule.summarize is not None:
            summaries[code] = guarded(rule, rule.summarize, pair, pair.target.path)
        add_time(timings, f"rule {code}", start)
    return DocumentResult(pair, tuple(findings), summaries, timings)


def reduce_corpus(results: list[DocumentResult], codes: tuple[str, ...],
                  timings: dict | None = None) -> list[Finding]:
    """The findings of the corpus-wide rules over the documents' summaries, in document order."""
    registry = all_rules()
    timings = {} if timings is None else timings
    findings: list[Finding] = []
    for code in codes:
        rule = registry[code]
        if rule.check_corpus is None or not results:
            continue
        start = time.perf_counter()
        findings.extend(run_rule(rule, rule.check_corpus, [result.summaries[code] for result in results],
                                 "corpus"))
        add_time(timings, f"rule {code}", start)
    return findings


def guarded(rule: Rule, function, argument, where: str):
    """``function(argument)``; a crash in a rule becomes an AlignerError naming it."""
    try:
        return function(argument)
    except AlignerError:
        raise
    except Exception as error:  # a bug in a rule must not look like a clean file
        raise AlignerError(f"rule {rule.code} failed: {type(error).__name__}: {error} "
                           "(a bug in aligner; rerun with --debug and report it)", where) from error


def run_rule(rule: Rule, function, argument, where: str) -> list[Finding]:
    """The findings of one rule function, checked to carry the rule's code and a severity."""
    findings = guarded(rule, lambda value: list(function(value) or ()), argument, where)
    for finding in findings:
        if finding.rule != rule.code or finding.severity not in SEVERITIES:
            raise AlignerError(f"rule {rule.code} produced a finding with rule {finding.rule!r} "
                               f"and severity {finding.severity!r}", where)
    return findings
