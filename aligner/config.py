"""Settings for ``aligner check``: the ``[aligner]`` section of setup.cfg or of ``--config FILE``.

Example (every key is optional)::

    [aligner]
    # codes or prefixes; ALL is the default
    select = ALL
    ignore = GAR
    # CODE = severity (error, warning or info)
    severity =
        OMI002 = info
    glossary = docs/glossary.tsv
    # RULE PATH-GLOB ["flagged text"] -- reason (the reason is required)
    ignore-findings =
        NUM001 corpus/en/002_*.txt "1 066" -- the source spells it with a space; checked by hand
    fail-on = warning
    baseline = .aligner-baseline.json
    # file name patterns checked in a directory run (default *.txt)
    include = *.txt *.md

    [aligner.OMI002]
    # options the rule declares in its OPTIONS dict
    max_ratio = 2.5

Paths are relative to the configuration file. A malformed value raises ConfigError
pointing at ``file:line``.
"""

from __future__ import annotations

import configparser
import fnmatch
import os
import re
import shlex
from dataclasses import dataclass, field, replace

from aligner.checks import all_rules, match_codes
from aligner.errors import AlignerError, ConfigError, InputError
from aligner.records import SEVERITIES, Finding

SECTION = "aligner"
FAIL_ON = ("error", "warning", "info", "never")
KEYS = ("select", "ignore", "severity", "glossary", "ignore-findings", "fail-on", "baseline", "include")


@dataclass(frozen=True)
class IgnoreEntry:
    """One accepted finding: rule (code or prefix), path glob, optional flagged text, reason."""

    rule: str
    path: str
    reason: str
    text: str | None = None
    origin: str = ""  # file:line of the entry

    def matches(self, finding: Finding) -> bool:
        path = finding.path.replace("\\", "/")
        return (finding.rule.startswith(self.rule)
                and (fnmatch.fnmatchcase(path, self.path)
                     or fnmatch.fnmatchcase(os.path.normpath(path).replace("\\", "/"), self.path))
                and (self.text is None or self.text in finding.text))


@dataclass(frozen=True)
class Config:
    """Effective settings; build with :func:`load_config` or directly in tests."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: dict = field(default_factory=dict)  # code -> severity
    glossaries: tuple[str, ...] = ()
    ignore_findings: tuple[IgnoreEntry, ...] = ()
    rule_options: dict = field(default_factory=dict)  # code -> {option: value}
    fail_on: str = "error"
    baseline: str | None = None
    include: tuple[str, ...] = ("*.txt",)  # file name patterns checked in directory mode
    path: str | None = None  # the file it came from, if any

    def enabled_codes(self) -> list[str]:
        """Codes of the rules to run, in code order."""
        selected = set(match_codes(list(self.select)))
        ignored = set(match_codes(list(self.ignore)))
        return [code for code in all_rules() if code in selected and code not in ignored]

    def options_for(self, code: str) -> dict:
        """The rule's declared defaults overridden by ``[aligner.CODE]``."""
        return {**all_rules()[code].options, **self.rule_options.get(code, {})}

    def severity_for(self, code: str, default: str) -> str:
        return self.severity.get(code, default)

    def ignored_by(self, finding: Finding) -> IgnoreEntry | None:
        for entry in self.ignore_findings:
            if entry.matches(finding):
                return entry
        return None

    def override(self, **changes) -> Config:
        """A copy with command-line values (None means keep the file's value)."""
        return replace(self, **{key: value for key, value in changes.items() if value is not None})

    def with_options(self, select: str | None = None, ignore: str | None = None,
                     glossaries: tuple[str, ...] = (), fail_on: str | None = None,
                     baseline: str | None = None) -> Config:
        """The configuration merged with command-line options: ``select`` replaces the
        file's rule selection, ``ignore`` (comma-separated codes or prefixes) and
        ``glossaries`` add to it; an unknown code or a missing glossary is an error."""
        for glossary in glossaries:
            if not os.path.isfile(glossary):
                raise InputError("no such glossary file", glossary)
        ignored = parse_codes(ignore)
        return self.override(select=parse_codes(select),
                             ignore=self.ignore + ignored if ignored else None,
                             fail_on=fail_on, baseline=baseline,
                             glossaries=self.glossaries + tuple(glossaries) if glossaries else None)


def parse_codes(value: str | None) -> tuple[str, ...] | None:
    """Comma-separated rule codes or prefixes (``NUM,UNT001``), checked against the registry."""
    if value is None:
        return None
    codes = tuple(code.strip().upper() for code in value.split(",") if code.strip())
    match_codes(list(codes))
    return codes


def find_config(directory: str = ".") -> str | None:
    """setup.cfg in ``directory`` if it has an ``[aligner]`` section."""
    candidate = os.path.join(directory, "setup.cfg")
    if not os.path.isfile(candidate):
        return None
    try:
        with open(candidate, encoding="utf-8-sig") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError):
        return None
    return candidate if re.search(rf"^\[{SECTION}\]\s*$", text, re.M) else None


def load_config(path: str | None = None, directory: str = ".") -> Config:
    """Read ``path`` (``--config``), else ``directory/setup.cfg``, else the defaults."""
    if path is None:
        path = find_config(directory)
        if path is None:
            return Config()
        required = False
    else:
        required = True
    try:
        with open(path, encoding="utf-8-sig") as handle:
            text = handle.read()
    except FileNotFoundError:
        raise ConfigError("no such configuration file", path) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read configuration: {error}", path) from None
    return parse_config(text, path, required=required)


def parse_config(text: str, path: str = "<config>", required: bool = True) -> Config:
    """Parse INI text; every error names ``path:line``."""
    parser = configparser.ConfigParser(interpolation=None, strict=True,
                                       comment_prefixes=("#", ";"), inline_comment_prefixes=None)
    try:
        parser.read_string(text, source=path)
    except configparser.MissingSectionHeaderError as error:
        raise ConfigError(f"expected a section header such as [{SECTION}] before the first setting",
                          path, error.lineno) from None
    except configparser.ParsingError as error:
        line = error.errors[0][0] if error.errors else None
        raise ConfigError("not a valid INI line", path, line) from None
    except (configparser.DuplicateOptionError, configparser.DuplicateSectionError) as error:
        raise ConfigError(error.message.split(": ", 1)[-1], path, error.lineno) from None
    except configparser.Error as error:
        raise ConfigError(error.message, path, getattr(error, "lineno", None)) from None
    if not parser.has_section(SECTION):
        if required:
            raise ConfigError(f"no [{SECTION}] section", path)
        return Config(path=path)
    locate = _Locator(text, path)
    section = parser[SECTION]
    base = os.path.dirname(path)
    settings: dict = {"path": path}
    for key in section:
        if key not in KEYS:
            raise locate.error(SECTION, key, 0, f"unknown key {key!r} (known: {', '.join(KEYS)})")
    if "select" in section:
        settings["select"] = _codes(section["select"], locate, "select")
    if "ignore" in section:
        settings["ignore"] = _codes(section["ignore"], locate, "ignore")
    if "severity" in section:
        settings["severity"] = _severities(section["severity"], locate)
    if "glossary" in section:
        settings["glossaries"] = _paths(section["glossary"], locate, "glossary", base)
    if "ignore-findings" in section:
        settings["ignore_findings"] = _ignore_entries(section["ignore-findings"], locate)
    if "fail-on" in section:
        value = section["fail-on"].strip()
        if value not in FAIL_ON:
            raise locate.error(SECTION, "fail-on", 0, f"fail-on must be one of {', '.join(FAIL_ON)}")
        settings["fail_on"] = value
    if "include" in section:
        settings["include"] = tuple(section["include"].split()) or ("*.txt",)
    if "baseline" in section:
        settings["baseline"] = os.path.join(base, section["baseline"].strip())
    settings["rule_options"] = _rule_options(parser, locate)
    return Config(**settings)


class _Locator:
    """Line numbers of sections, keys and value lines, which configparser does not keep."""

    def __init__(self, text: str, path: str):
        self.lines = text.splitlines()
        self.path = path

    def key_line(self, section: str, key: str) -> int | None:
        in_section = False
        for number, line in enumerate(self.lines, 1):
            header = re.match(r"^\[(.+)\]\s*$", line)
            if header:
                in_section = header.group(1).strip() == section
            elif in_section and re.match(rf"^{re.escape(key)}\s*[=:]", line, re.I):
                return number
        return self.section_line(section)

    def section_line(self, section: str) -> int | None:
        for number, line in enumerate(self.lines, 1):
            if line.strip() == f"[{section}]":
                return number
        return None

    def value_line(self, section: str, key: str, index: int) -> int | None:
        """Line of the ``index``-th non-empty line of a value (0 = first, maybe on the key line)."""
        start = self.key_line(section, key)
        if start is None:
            return None
        first = re.split(r"[=:]", self.lines[start - 1], maxsplit=1)
        candidates = [start] if len(first) == 2 and first[1].strip() else []
        for number in range(start + 1, len(self.lines) + 1):
            line = self.lines[number - 1]
            if line.strip() and not line[0].isspace():
                break
            if line.strip() and not line.strip().startswith(("#", ";")):
                candidates.append(number)
        return candidates[index] if index < len(candidates) else start

    def error(self, section: str, key: str, index: int, message: str) -> ConfigError:
        return ConfigError(message, self.path, self.value_line(section, key, index))


def _value_lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


def _codes(value: str, locate: _Locator, key: str) -> tuple[str, ...]:
    codes = []
    for index, line in enumerate(_value_lines(value)):
        items = [item for item in re.split(r"[,\s]+", line) if item]
        try:
            match_codes(items)
        except AlignerError as error:
            raise locate.error(SECTION, key, index, error.message) from None
        codes.extend(item.upper() for item in items)
    return tuple(codes)


def _severities(value: str, locate: _Locator) -> dict:
    levels = {}
    for index, line in enumerate(_value_lines(value)):
        for item in filter(None, (part.strip() for part in line.split(","))):
            match = re.fullmatch(r"([A-Za-z]+[0-9]*)\s*[=:]\s*(\w+)", item)
            if not match:
                raise locate.error(SECTION, "severity", index, f"expected CODE = severity, got {item!r}")
            if match.group(2) not in SEVERITIES:
                raise locate.error(SECTION, "severity", index,
                                   f"severity must be one of {', '.join(SEVERITIES)}, got {match.group(2)!r}")
            try:
                codes = match_codes([match.group(1)])
            except AlignerError as error:
                raise locate.error(SECTION, "severity", index, error.message) from None
            levels.update(dict.fromkeys(codes, match.group(2)))
    return levels


def _paths(value: str, locate: _Locator, key: str, base: str) -> tuple[str, ...]:
    paths = []
    for index, line in enumerate(_value_lines(value)):
        for item in filter(None, (part.strip() for part in line.split(","))):
            path = os.path.join(base, item)
            if not os.path.isfile(path):
                raise locate.error(SECTION, key, index, f"no such file {path!r}")
            paths.append(path)
    return tuple(paths)


def _ignore_entries(value: str, locate: _Locator) -> tuple[IgnoreEntry, ...]:
    entries = []
    for index, line in enumerate(_value_lines(value)):
        where = f"{locate.path}:{locate.value_line(SECTION, 'ignore-findings', index)}"
        head, separator, reason = line.partition(" -- ")
        if not separator or not reason.strip():
            raise locate.error(SECTION, "ignore-findings", index,
                               'each entry needs a reason: RULE PATH-GLOB ["text"] -- reason')
        try:
            words = shlex.split(head)
        except ValueError as error:
            raise locate.error(SECTION, "ignore-findings", index, f"bad quoting: {error}") from None
        if len(words) not in (2, 3):
            raise locate.error(SECTION, "ignore-findings", index,
                               'expected RULE PATH-GLOB ["text"] -- reason')
        try:
            match_codes([words[0]])
        except AlignerError as error:
            raise locate.error(SECTION, "ignore-findings", index, error.message) from None
        entries.append(IgnoreEntry(rule=words[0].upper(), path=words[1], reason=reason.strip(),
                                   text=words[2] if len(words) == 3 else None, origin=where))
    return tuple(entries)


def _rule_options(parser: configparser.ConfigParser, locate: _Locator) -> dict:
    options: dict = {}
    rules = all_rules()
    for name in parser.sections():
        if not name.startswith(SECTION + "."):
            continue
        code = name[len(SECTION) + 1:].upper()
        if code not in rules:
            raise ConfigError(f"[{name}]: unknown rule code {code!r}", locate.path,
                              locate.section_line(name))
        declared = rules[code].options
        for key, raw in parser[name].items():
            option = key.replace("-", "_")
            if option not in declared:
                known = ", ".join(declared) or "none"
                raise locate.error(name, key, 0, f"rule {code} has no option {key!r} (options: {known})")
            try:
                value = _coerce(raw, declared[option])
            except ValueError:
                raise locate.error(name, key, 0, f"{key} expects {type(declared[option]).__name__}, "
                                   f"got {raw.strip()!r}") from None
            options.setdefault(code, {})[option] = value
    return options


def _coerce(raw: str, default):
    """A config string converted to the type of the option's default."""
    raw = raw.strip()
    if isinstance(default, bool):
        lowered = raw.lower()
        if lowered in ("1", "true", "yes", "on"):
            return True
        if lowered in ("0", "false", "no", "off"):
            return False
        raise ValueError(raw)
    if isinstance(default, int):
        return int(raw)
    if isinstance(default, float):
        return float(raw)
    if isinstance(default, (list, tuple)):
        return type(default)(item.strip() for item in re.split(r"[,\n]", raw) if item.strip())
    return raw
