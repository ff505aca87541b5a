"""The run signature: everything that changes the findings in one string (like sacrebleu's)."""

from __future__ import annotations

import functools
import hashlib
import os
from importlib import resources

from aligner import __version__
from aligner.checks import Rule
from aligner.config import Config


def signature(config: Config, rules: list[Rule]) -> str:
    """Everything that changes the findings, in one string (like sacrebleu's signature)."""
    severities = ",".join(f"{code}={level}" for code, level in sorted(config.severity.items()))
    options = ",".join(f"{code}.{name}={value}" for code, values in sorted(config.rule_options.items())
                       for name, value in sorted(values.items()))
    glossaries = ",".join(f"{os.path.basename(path)}@{_file_hash(path)}" for path in config.glossaries)
    parts = [f"aligner:{__version__}",
             "rules:" + (",".join(rule.code for rule in rules) or "none"),
             "severity:" + (severities or "default"),
             "options:" + (options or "default"),
             "glossary:" + (glossaries or "none"),
             "ignores:" + str(len(config.ignore_findings)),
             "baseline:" + ("yes" if config.baseline else "no"),
             "data:" + data_version()]
    return "|".join(parts)


@functools.lru_cache(maxsize=1)
def data_version() -> str:
    """A short hash of every bundled data file (names and contents)."""
    digest = hashlib.sha1()
    folder = resources.files("aligner").joinpath("data")
    for item in sorted(folder.iterdir(), key=lambda entry: entry.name):
        if item.is_file() and not item.name.startswith((".", "__")):
            digest.update(item.name.encode() + b"\0" + item.read_bytes())
    return digest.hexdigest()[:8]


def _file_hash(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            return hashlib.sha1(handle.read()).hexdigest()[:8]
    except OSError:
        return "unreadable"
