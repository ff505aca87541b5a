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

import re
import time
import traceback
from dataclasses import dataclass, field, replace

from aligner.checks import Rule, all_rules
from aligner.errors import AlignerError, ConfigError
from aligner.io import read_document
from aligner.pipeline import add_time, build_pair
from aligner.records import SEVERITIES, Document, Finding, Pair


@dataclass(frozen=True)
class DocumentTask:
    """One target file to check, with its optional source, the rules and their options."""

    target: str
    source: str | None
    codes: tuple[str, ...]
    options: dict = field(default_factory=dict, compare=False)
    encoding: str | None = None
    keep_pair: bool = True  # False: give back a light pair (see light_pair), as `aligner check` does


@dataclass(frozen=True)
class Problem:
    """A file that could not be read or checked, or a rule that failed on it: reported on
    its own line while the rest of the run goes on, and the run exits 2."""

    path: str
    message: str
    detail: str = ""  # the traceback of an internal error, shown with --debug

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class DocumentResult:
    """What checking one document gives (``pair`` is None when it could not be read)."""

    pair: Pair | None
    findings: tuple[Finding, ...]
    summaries: dict  # rule code -> the document's summary for that rule's check_corpus
    timings: dict  # stage ("read", "segment", "align", "rule NUM001") -> seconds
    sentences: int = 0  # target sentences (a light pair has none left)
    problems: tuple[Problem, ...] = ()


def check_document(task: DocumentTask) -> DocumentResult:
    """Read, segment and align one document with its source, then run the rules on it."""
    timings: dict = {}
    start = time.perf_counter()
    try:
        target = read_document(task.target, task.encoding)
        source = read_document(task.source, task.encoding) if task.source is not None else None
    except ConfigError:
        raise
    except AlignerError as error:
        return failed_document(problem(error, task.target))
    add_time(timings, "read", start)
    try:
        pair = build_pair(target, source, options=task.options, timings=timings)
    except ConfigError:
        raise
    except Exception as error:  # a bug in segmenting or aligning: this file only
        return failed_document(problem(error, task.target, "segmenting and aligning"))
    result = check_pair(pair, task.codes, timings)
    return result if task.keep_pair else replace(result, pair=light_pair(pair))


def failed_document(*problems: Problem) -> DocumentResult:
    """The result of a document that could not be checked at all."""
    return DocumentResult(None, (), {}, {}, 0, tuple(problems))


def problem(error: Exception, path: str, stage: str = "") -> Problem:
    """A Problem for ``error``: a user's error as it is; anything else as an internal
    error naming the stage or rule and the exception, with its traceback kept for --debug."""
    if isinstance(error, AlignerError):
        where = error.path or path
        if error.line:
            where += f":{error.line}" + (f":{error.column}" if error.column else "")
        cause = error.__cause__
        detail = "".join(traceback.format_exception(cause)) if cause is not None else ""
        return Problem(where, error.message, detail)
    return Problem(path, f"internal error in {stage}: {type(error).__name__}: {error} "
                         "(a bug in aligner; rerun with --debug and report it)",
                   "".join(traceback.format_exception(error)))


_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")


def light_pair(pair: Pair) -> Pair:
    """The pair without sentences and beads, for outputs that only name the files; so a
    run holds the findings and summaries of its documents, not the documents.

    A document keeps its text only when it has characters beyond the BMP (SARIF counts
    their columns in UTF-16 units).
    """
    def light(document: Document | None) -> Document | None:
        if document is None:
            return None
        return Document(document.path, document.text if _BEYOND_BMP.search(document.text) else "",
                        document.encoding)

    return Pair(light(pair.target), source=light(pair.source), bilingual=pair.bilingual)


def check_pair(pair: Pair, codes: tuple[str, ...], timings: dict | None = None) -> DocumentResult:
    """Run the rules ``codes`` on a built pair: its findings and its corpus summaries."""
    registry = all_rules()
    timings = {} if timings is None else timings
    findings: list[Finding] = []
    summaries: dict = {}
    problems: list[Problem] = []
    for code in codes:
        rule = registry[code]
        start = time.perf_counter()
        try:  # one boundary per rule and document: a crash costs this rule on this file only
            findings.extend(run_rule(rule, rule.check, pair, pair.target.path))
            if rule.summarize is not None:
                summaries[code] = guarded(rule, rule.summarize, pair, pair.target.path)
        except ConfigError:
            raise
        except AlignerError as error:
            problems.append(problem(error, pair.target.path))
        add_time(timings, f"rule {code}", start)
    return DocumentResult(pair, tuple(findings), summaries, timings, len(pair.target_sentences), tuple(problems))


def reduce_corpus(results: list[DocumentResult], codes: tuple[str, ...],
                  timings: dict | None = None, problems: list[Problem] | None = None) -> list[Finding]:
    """The findings of the corpus-wide rules over the documents' summaries, in document order.

    A corpus-wide rule that fails is added to ``problems`` (when given) and the others run.
    """
    registry = all_rules()
    timings = {} if timings is None else timings
    findings: list[Finding] = []
    for code in codes:
        rule = registry[code]
        summaries = [result.summaries[code] for result in results if code in result.summaries]
        if rule.check_corpus is None or not summaries:
            continue
        start = time.perf_counter()
        try:
            findings.extend(run_rule(rule, rule.check_corpus, summaries, "corpus"))
        except ConfigError:
            raise
        except AlignerError as error:
            if problems is None:
                raise
            problems.append(problem(error, "corpus"))
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
