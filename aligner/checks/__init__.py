"""The rule registry: every module in ``aligner/checks/`` except ``base`` is a rule.

Rules are discovered with :mod:`pkgutil` the first time ``RULES`` is used (no work at
import time), validated against the contract in :mod:`aligner.checks.base`, and kept
in code order. ``aligner rules``, the SARIF ``tool.driver.rules`` array and the engine
all read this one table.

Modules whose names start with an underscore (``_script.py``) are helpers shared by
rules, not rules. A module that breaks the contract stops every run with a
ConfigError naming the module and what it lacks.

A rule module may also define ``OPTIONS``: a dict of option name -> default value,
which ``[aligner.CODE]`` sections of the configuration override (the engine passes
the merged dict to the rule as ``pair.options[CODE]``).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from dataclasses import dataclass, field
from types import ModuleType
from typing import Callable

from aligner.errors import ConfigError, UsageError
from aligner.records import SEVERITIES

CODE_PATTERN = re.compile(r"^[A-Z]{1,4}[0-9]{3}$")
REQUIRED = ("CODE", "NAME", "SEVERITY", "SUMMARY", "EXAMPLES", "check")
NOT_RULES = frozenset({"base"})


@dataclass(frozen=True)
class Rule:
    """One registered rule, as read from its module."""

    code: str
    name: str
    severity: str
    summary: str
    doc: str
    examples: tuple = ()
    check: Callable = field(repr=False, default=None)
    check_corpus: Callable | None = field(repr=False, default=None)
    summarize: Callable | None = field(repr=False, default=None)
    options: dict = field(default_factory=dict)
    module: str = ""

    @property
    def path(self) -> str:
        """The rule's source file, for error messages."""
        return self.module.replace(".", "/") + ".py"


def rule_from_module(module: ModuleType) -> Rule:
    """Validate a rule module and describe it; ConfigError names what is missing."""
    where = getattr(module, "__file__", None) or module.__name__
    missing = [name for name in REQUIRED if not hasattr(module, name)]
    if not (module.__doc__ or "").strip():
        missing.append("module docstring")
    if missing:
        raise ConfigError(f"rule module lacks {', '.join(missing)}", where)
    code, severity = module.CODE, module.SEVERITY
    if not isinstance(code, str) or not CODE_PATTERN.match(code):
        raise ConfigError(f"CODE {code!r} is not 1-4 capitals and 3 digits", where)
    if severity not in SEVERITIES:
        raise ConfigError(f"SEVERITY {severity!r} is not one of {', '.join(SEVERITIES)}", where)
    if not callable(module.check):
        raise ConfigError("check is not a function", where)
    corpus = getattr(module, "check_corpus", None)
    summarize = getattr(module, "summarize", None)
    if (corpus is None) != (summarize is None):
        raise ConfigError("check_corpus and summarize go together", where)
    if corpus is not None and not (callable(corpus) and callable(summarize)):
        raise ConfigError("check_corpus or summarize is not a function", where)
    examples = tuple(module.EXAMPLES)
    for example in examples:
        if not (isinstance(example, tuple) and len(example) == 3 and isinstance(example[2], bool)):
            raise ConfigError(f"EXAMPLES entry {example!r} is not (ru, en, flagged)", where)
    options = getattr(module, "OPTIONS", {})
    if not isinstance(options, dict):
        raise ConfigError("OPTIONS is not a dict", where)
    return Rule(code=code, name=module.NAME, severity=severity, summary=module.SUMMARY,
                doc=inspect.cleandoc(module.__doc__), examples=examples, check=module.check,
                check_corpus=corpus, summarize=summarize, options=dict(options), module=module.__name__)


def discover() -> dict[str, Rule]:
    """Import every rule module in this package; code -> Rule, in code order."""
    rules: dict[str, Rule] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name in NOT_RULES or info.name.startswith("_"):
            continue
        rule = rule_from_module(importlib.import_module(f"{__name__}.{info.name}"))
        if rule.code in rules:
            raise ConfigError(f"CODE {rule.code} is also used by {rules[rule.code].path}", rule.path)
        rules[rule.code] = rule
    return dict(sorted(rules.items()))


_registry: dict[str, Rule] | None = None


def __getattr__(name: str):
    if name == "RULES":
        return all_rules()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def all_rules() -> dict[str, Rule]:
    """The registry (discovered once): code -> Rule."""
    global _registry
    if _registry is None:
        _registry = discover()
    return _registry


def get_rule(code: str) -> Rule:
    """The rule with this code; UsageError for an unknown code."""
    rules = all_rules()
    try:
        return rules[code.upper()]
    except KeyError:
        known = ", ".join(rules) or "none registered"
        raise UsageError(f"unknown rule code {code!r} (known: {known})") from None


def match_codes(patterns: list[str]) -> list[str]:
    """Codes selected by codes or prefixes (``NUM`` selects NUM001, NUM002, ...; ``ALL`` all)."""
    rules = all_rules()
    chosen: list[str] = []
    for pattern in patterns:
        pattern = pattern.strip().upper()
        if not pattern:
            continue
        if pattern == "ALL":
            chosen.extend(code for code in rules if code not in chosen)
            continue
        hits = [code for code in rules if code.startswith(pattern)]
        if not hits:
            raise UsageError(f"no rule matches {pattern!r} (known: {', '.join(rules) or 'none'})")
        chosen.extend(c for c in hits if c not in chosen)
    return chosen
