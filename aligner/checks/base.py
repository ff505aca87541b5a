"""The contract every check rule follows.

A rule is a module ``aligner/checks/<code>_<name>.py`` (``num001_number_mismatch.py``)
defining:

- ``CODE`` (e.g. ``"NUM001"``), ``NAME`` (the pattern it flags, e.g. ``"number-mismatch"``),
  ``SEVERITY`` (``"error"``, ``"warning"`` or ``"info"``), ``SUMMARY`` (one line);
- a module docstring with the headings *What it does*, *Why is this bad?*, *Example*;
- ``EXAMPLES``: a list of ``(source, target, flagged)`` real should-flag (True) and
  should-pass (False) pairs;
- ``check(pair: Pair) -> Iterable[Finding]`` for one target document with its
  optional source; and, for a rule that also looks across documents,
  ``summarize(pair) -> summary`` (a small picklable record of what it needs of one
  document) with ``check_corpus(summaries: list) -> Iterable[Finding]`` over the
  summaries of every document of the run, in the order the documents were given.

Facts several rules need (names, bodies, the evidence of a span) are read from
``pair.facts`` (:mod:`aligner.analysis`), computed once per pair.

A rule reports with :meth:`aligner.records.Pair.finding`: a span of the target (or,
with ``document=pair.source``, of the source), a message, and either the
``replacement`` text for the span (applied by ``aligner fix``) or ``advice`` for a
person. Rules are discovered by the registry in ``aligner/checks/__init__.py``;
adding one touches no other file.
"""

from __future__ import annotations

def module_name(code: str, name: str) -> str:
    """The file name a rule's module must have: ``NUM001``, ``number-mismatch`` -> ``num001_number_mismatch``."""
    return f"{code.lower()}_{name.replace('-', '_')}"
