"""The QA engine: find the documents, check each (:mod:`aligner.documents`), reduce.

``aligner check`` is :func:`check_paths` (``aligner.check``) plus a writer from
:mod:`aligner.output`; :func:`check_texts` does the same for two strings (tests, rule
examples). Each document is a :class:`aligner.documents.DocumentTask` checked on its
own; :func:`finish` runs the corpus-wide rules over the documents' summaries and applies
severities, ignores and the baseline.

What rules see (see :class:`aligner.records.Pair`, built by :func:`aligner.pipeline.build_pair`):

- ``pair.target_sentences`` is *every* sentence of the English file, each with the
  language the segmenter gave it (``en``, ``ru``, ``other``, ``und``): a Russian headline
  left in an English file is there with ``lang == "ru"``. Rules that only judge English
  filter on ``sentence.lang``. ``pair.source_sentences`` likewise holds every sentence of
  the Russian source.
- With a source, all sentences of both files are aligned, so every sentence is in
  exactly one bead: an untranslated sentence is aligned to its source (and reported by
  the untranslated-text rule), not reported twice as an omission plus an addition.
- Without a source, ``pair.source`` is None and ``pair.beads`` is empty.
- A finding on an English file (corpus-wide ones too) that a rule left without
  evidence gets the source sentences aligned with the sentence it starts in
  (:meth:`aligner.records.Pair.spot`).
- ``pair.options`` holds ``"glossaries"`` (paths from the configuration) and, under each
  rule code, that rule's ``OPTIONS`` merged with its ``[aligner.CODE]`` section.
"""

from __future__ import annotations

import fnmatch
import os
import re
import stat
from collections import Counter
from dataclasses import dataclass, field, replace

from aligner.baseline import apply_baseline, load_baseline, write_baseline
from aligner.checks import Rule, all_rules
from aligner.config import Config, IgnoreEntry
from aligner.documents import (DocumentResult, DocumentTask, Problem, check_document, check_pair,
                               failed_document, problem, reduce_corpus)
from aligner.errors import ConfigError, InputError, UsageError
from aligner.formats import sniff_file
from aligner.formats.check import bilingual_pairs, place_on_units, unit_order
from aligner.io import check_encoding
from aligner.parallel import executor
from aligner.pipeline import build_pair
from aligner.records import SEVERITIES, Document, Finding, Pair, severity_rank
from aligner.signature import signature


@dataclass(frozen=True)
class Note:
    """Something the user should know that is not a finding (a skipped file, an unused ignore)."""

    path: str
    message: str


@dataclass
class CheckResult:
    """Everything one run found. ``findings`` are what is left after ignores and baseline."""

    pairs: list[Pair]
    findings: list[Finding]
    notes: list[Note] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)  # the rules that ran
    ignored: list[tuple[Finding, IgnoreEntry]] = field(default_factory=list)
    baselined: list[Finding] = field(default_factory=list)
    signature: str = ""
    config: Config = field(default_factory=Config)
    timings: dict = field(default_factory=dict)  # stage ("segment", "align", "rule NUM001") -> seconds
    sentences: int | None = None  # target sentences checked (light pairs keep none)
    problems: list[Problem] = field(default_factory=list)  # files or rules that could not be checked

    def require_all(self) -> CheckResult:
        """This result, or the first problem raised as an error: for commands that work on
        every file they were given (fix, review), where checking "the others" means nothing."""
        for item in self.problems:
            raise InputError(item.message, item.path)
        return self

    def exit_code(self, fail_on: str | None = None) -> int:
        """2 when a file or rule could not be checked, else 1 on findings at or above
        ``fail_on``, else 0 (as ruff: a crash never reads as "findings" or as "clean")."""
        if self.problems:
            return 2
        return 1 if self.fails(fail_on) else 0

    def summary(self) -> dict:
        """Counts by severity and by rule, plus files, sentences and suppressed findings."""
        by_severity = {severity: 0 for severity in reversed(SEVERITIES)}
        by_rule: dict[str, int] = {}
        for finding in self.findings:
            by_severity[finding.severity] += 1
            by_rule[finding.rule] = by_rule.get(finding.rule, 0) + 1
        return {"files": len(self.pairs),
                "with_source": sum(1 for pair in self.pairs if pair.source is not None),
                "sentences": self.sentences if self.sentences is not None
                else sum(len(pair.target_sentences) for pair in self.pairs),
                "findings": len(self.findings),
                "by_severity": by_severity,
                "by_rule": dict(sorted(by_rule.items())),
                "ignored": len(self.ignored),
                "baselined": len(self.baselined)}

    def documents(self) -> dict[str, Document]:
        """Every document read, by path (English files and their sources)."""
        found = {}
        for pair in self.pairs:
            found[pair.target.path] = pair.target
            if pair.source is not None:
                found[pair.source.path] = pair.source
        return found

    def fails(self, fail_on: str | None = None) -> bool:
        """True when a finding is at or above ``fail_on`` (default: the configured level)."""
        level = fail_on or self.config.fail_on
        if level == "never":
            return False
        return any(severity_rank(f.severity) >= severity_rank(level) for f in self.findings)

    def write_baseline(self, path: str) -> int:
        """Record every current finding in a baseline file (then none is left to fail the run)."""
        count = write_baseline(path, self.findings + self.baselined)
        self.accept(Counter(finding.fingerprint for finding in self.findings))
        return count

    def accept(self, accepted: Counter) -> None:
        """Move findings whose fingerprints are in ``accepted`` to ``baselined``."""
        self.findings, suppressed = apply_baseline(self.findings, accepted)
        self.baselined.extend(suppressed)


def check_paths(paths, source: str | None = None, config: Config | None = None,
                encoding: str | None = None, **run) -> CheckResult:
    """Check one corpus folder (``DIR/en/X`` against ``DIR/ru/X``) or English files.

    This is ``aligner.check``: what ``aligner check PATHS`` prints, as a CheckResult.
    ``source`` is the Russian original of a single English file; ``config`` defaults to
    every rule with its default severity and options. ``run``: the keywords of
    :func:`check_all` (``jobs``, ``dask``, ``keep_pair``).
    """
    paths = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    if encoding:
        check_encoding(encoding)
    if config is not None and not config.enabled_codes():
        raise UsageError("no rule selected: the select and ignore settings leave no rule to run")
    folders = [path for path in paths if os.path.isdir(path)]
    if folders and len(paths) > 1:
        raise UsageError("give one directory, or English files, not both")
    if folders and source:
        raise UsageError("--source goes with an English file; a directory pairs DIR/en/X with DIR/ru/X")
    if folders:
        return check_directory(folders[0], config, encoding, **run)
    return check_files(paths, source, config, encoding, **run)


def check_files(en_paths: list[str], source: str | None = None, config: Config | None = None,
                encoding: str | None = None, **run) -> CheckResult:
    """Check English files; ``source`` is the Russian original of a single English file.

    Without ``source``, an English file laid out as ``DIR/en/X`` is checked against
    ``DIR/ru/X`` when that exists, as in a directory run (so a pre-commit hook that passes
    changed files gets the same findings as ``aligner check DIR``).
    """
    if not en_paths:
        raise UsageError("no English file given")
    if source is not None and len(en_paths) != 1:
        raise UsageError("--source goes with exactly one English file")
    config = config or Config()
    codes, options = tuple(config.enabled_codes()), pair_options(config)
    keep_pair = run.pop("keep_pair", True)
    tasks: list = []
    for path in dict.fromkeys(_clean(path) for path in en_paths):  # each file once
        if sniff_file(path) is not None:  # XLIFF, TMX, PO, TSV: already aligned
            if source is not None:
                raise UsageError("a bilingual file carries its own source; drop --source", path)
            tasks.append(BilingualTask(path, codes, options))
            continue
        partner = source if source is not None else layout_source(path)
        tasks.append(DocumentTask(path, _clean(partner) if partner is not None else None,
                                  codes, options, encoding, keep_pair))
    results = check_all(tasks, **run)
    if len(results) == 1 and results[0].pair is None:  # the one file given: its error, plainly
        raise InputError(results[0].problems[0].message, results[0].problems[0].path)
    return finish(results, config)


@dataclass(frozen=True)
class BilingualTask:
    """A bilingual file (XLIFF, TMX, PO, TSV) to check: one or more documents, already aligned."""

    path: str
    codes: tuple[str, ...]
    options: dict


def _check_task(task) -> list[DocumentResult]:
    """The results of a DocumentTask (one) or of a BilingualTask (one per document)."""
    if isinstance(task, DocumentTask):
        return [check_document(task)]
    timings: dict = {}  # reading the file: counted once, with its first document
    try:
        pairs = bilingual_pairs(task.path, task.options, timings)
    except ConfigError:
        raise
    except Exception as error:  # this file only; the others are still checked
        return [failed_document(problem(error, task.path, "reading a bilingual file"))]
    return [check_pair(pair, task.codes, timings if number == 0 else {}) for number, pair in enumerate(pairs)]


def check_all(tasks: list, jobs: int | None = 1, dask: str | None = None,
              progress=None) -> list[DocumentResult]:
    """Every task checked, on ``jobs`` processes or a Dask cluster (:mod:`aligner.parallel`;
    ``jobs=None``: the cores); results in task order, so the same whatever the backend.
    ``progress(done, total)`` is called after each file.

    With more than one worker the largest files are sent first, so the run does not end
    with one worker on a big file while the others wait; the results are put back in
    task order before anything reads them.
    """
    by_task: list = [None] * len(tasks)
    with executor(jobs if len(tasks) > 1 else 1, dask) as backend:
        order = largest_first(tasks) if backend.workers > 1 else range(len(tasks))
        for done, (index, results) in enumerate(
                zip(order, backend.map(_check_task, (tasks[index] for index in order))), 1):
            by_task[index] = results
            if progress is not None:
                progress(done, len(tasks))
    return [result for results in by_task for result in results]


def largest_first(tasks: list) -> list[int]:
    """Indexes of ``tasks``, the one with most bytes to read (file and source) first;
    ties (and files that cannot be read, counted as empty) keep their order."""
    def size(task) -> int:
        paths = [task.target, task.source] if isinstance(task, DocumentTask) else [task.path]
        total = 0
        for path in paths:
            try:
                total += os.path.getsize(path) if path is not None else 0
            except OSError:
                pass  # the worker reports it
        return total

    sizes = [size(task) for task in tasks]
    return sorted(range(len(tasks)), key=lambda index: -sizes[index])


def layout_source(en_path: str) -> str | None:
    """``DIR/ru/X`` for an English file ``DIR/en/X`` when that file exists, else None."""
    parts = os.path.normpath(os.fspath(en_path)).split(os.sep)
    for index in range(len(parts) - 2, -1, -1):
        if parts[index] == "en":
            candidate = os.sep.join(parts[:index] + ["ru"] + parts[index + 1:])
            return candidate if os.path.isfile(candidate) else None
    return None


def check_directory(root: str, config: Config | None = None, encoding: str | None = None,
                    **run) -> CheckResult:
    """Check ``root/en/X`` against ``root/ru/X`` where that exists, alone otherwise."""
    root = _clean(root)
    en_dir, ru_dir = os.path.join(root, "en"), os.path.join(root, "ru")
    if not os.path.isdir(root):
        raise InputError("no such directory", root)
    if not os.path.isdir(en_dir):
        hint = (f"; pass the folder above it, {os.path.dirname(root) or '.'}"
                if os.path.basename(root) in ("en", "ru") else "; or pass the English files themselves")
        raise InputError(f"expected an en/ folder (DIR/en/X, with sources in DIR/ru/X){hint}", root)
    config = config or Config()
    options = pair_options(config)
    en_names, notes, problems = _files_under(en_dir, config.include)
    ru_names, ru_notes, ru_problems = _files_under(ru_dir, config.include) if os.path.isdir(ru_dir) else ([], [], [])
    notes += ru_notes
    problems += ru_problems
    notes += [Note(os.path.join(ru_dir, name), f"no English partner {os.path.join(en_dir, name)}; not checked")
              for name in ru_names if name not in set(en_names)]
    if not en_names:
        if not problems:
            raise InputError(f"no files to check (DIR/en/ has no file matching {' '.join(config.include)})",
                             en_dir)
        notes.append(Note(en_dir, "no files to check"))
    ru_set = set(ru_names)
    codes = tuple(config.enabled_codes())
    keep_pair = run.pop("keep_pair", True)
    tasks = [DocumentTask(os.path.join(en_dir, name), os.path.join(ru_dir, name) if name in ru_set else None,
                          codes, options, encoding, keep_pair) for name in en_names]
    result = finish(check_all(tasks, **run), config)
    result.notes[:0] = notes
    result.problems[:0] = problems
    return result


def check_texts(ru_text: str | None, en_text: str, config: Config | None = None) -> CheckResult:
    """Check two strings as files ``ru.txt`` and ``en.txt``; an empty or None source means none."""
    config = config or Config()
    ru_doc = Document("ru.txt", ru_text) if ru_text else None
    timings: dict = {}
    pair = build_pair(Document("en.txt", en_text), ru_doc, options=pair_options(config), timings=timings)
    return finish([check_pair(pair, tuple(config.enabled_codes()), timings)], config)


def pair_options(config: Config) -> dict:
    """The ``pair.options`` every rule receives."""
    options: dict = {"glossaries": list(config.glossaries)}
    for code in all_rules():
        options[code] = config.options_for(code)
    return options


def finish(results: list[DocumentResult], config: Config) -> CheckResult:
    """Reduce the documents' results: corpus-wide rules, severities, ignores and the baseline."""
    registry = all_rules()
    rules = [registry[code] for code in config.enabled_codes()]
    timings: dict = {}
    for result in results:
        for stage, seconds in result.timings.items():
            timings[stage] = timings.get(stage, 0.0) + seconds
    raw = [finding for result in results for finding in result.findings]
    problems = [item for result in results for item in result.problems]
    checked = [result for result in results if result.pair is not None]
    raw.extend(reduce_corpus(checked, tuple(rule.code for rule in rules), timings, problems))
    pairs = [result.pair for result in checked]
    raw = place_on_units(pairs, raw)
    order = unit_order(pairs)
    findings = sorted(set(replace(f, severity=config.severity_for(f.rule, f.severity)) for f in raw),
                      key=lambda f: (f.path, order.get((f.path, f.unit), 0)) + sort_key(f)[1:])
    kept, ignored = [], []
    for finding in findings:
        entry = config.ignored_by(finding)
        if entry is None:
            kept.append(finding)
        else:
            ignored.append((finding, entry))
    used = {entry for _, entry in ignored}
    ran = [rule.code for rule in rules]
    notes = [Note(entry.origin, f"ignore entry {entry.rule} {entry.path} matched no finding")
             for entry in config.ignore_findings
             if entry not in used and any(code.startswith(entry.rule) for code in ran)]
    result = CheckResult(pairs=pairs, findings=kept, notes=notes,
                         rules=rules, ignored=ignored, signature=signature(config, rules),
                         config=config, timings=timings, problems=problems,
                         sentences=sum(result.sentences for result in results))
    if config.baseline:
        result.accept(load_baseline(config.baseline))
    return result


def sort_key(finding: Finding) -> tuple:
    return (finding.path, finding.line, finding.column, finding.end_line, finding.end_column,
            finding.rule, finding.message)


def _clean(path: str) -> str:
    """A path as the user gave it, minus ``./`` and trailing slashes (stable fingerprints)."""
    return os.path.normpath(os.fspath(path))


# Files ``fix --in-place`` and the writers leave beside a text: never texts to check.
SIDECAR_SUFFIXES = (".orig", ".diff", ".json")


def _files_under(folder: str, include: tuple[str, ...] = ("*.txt",)
                 ) -> tuple[list[str], list[Note], list[Problem]]:
    """Relative paths of the regular files below ``folder`` whose names match ``include``,
    sorted; what was skipped (as notes) and folders that could not be read (as problems).

    Skipped: hidden files and folders, anything that is not a regular file (FIFOs,
    devices, sockets: reading one could hang), sidecars (``.orig``, ``.diff``, ``.json``
    ... as ``fix --in-place`` leaves them) and other names that do not match ``include``.
    The folder's README (a note about the texts) is skipped without a word.
    """
    names: list[str] = []
    skipped: dict[str, list[str]] = {}
    problems: list[Problem] = []

    def unreadable(error: OSError) -> None:
        problems.append(Problem(error.filename or folder, f"cannot read folder: {error.strerror}"))

    for directory, subdirs, files in os.walk(folder, onerror=unreadable):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        for name in files:
            relative = os.path.relpath(os.path.join(directory, name), folder)
            reason = _skip_reason(os.path.join(directory, name), name, include)
            if reason is None:
                names.append(relative)
            elif reason != "readme":
                skipped.setdefault(reason, []).append(relative)
    notes = [Note(folder, f"skipped {len(found)} {reason}: " + ", ".join(sorted(found)[:5])
                  + (", ..." if len(found) > 5 else ""))
             for reason, found in sorted(skipped.items())]
    return sorted(names), notes, problems


def _skip_reason(path: str, name: str, include: tuple[str, ...]) -> str | None:
    """Why a directory entry is not checked, or None when it is a text to check."""
    if name.startswith("."):
        return "hidden file(s)"
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return "unreadable entry(ies) (broken link?)"
    if not stat.S_ISREG(mode):
        return "special file(s) (FIFO, device or socket)"
    if name.upper().startswith("README"):
        return "readme"
    if name.lower().endswith(SIDECAR_SUFFIXES) or re.search(r"\.orig\.\d+$", name):
        return "sidecar file(s) (.orig, .diff, .json ...)"
    if not any(fnmatch.fnmatch(name, pattern) for pattern in include):
        return f"file(s) not matching {' '.join(include)}"
    return None
