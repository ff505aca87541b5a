"""`aligner rules`: the rule catalogue, read from the registry."""

from __future__ import annotations

import json
import textwrap

import click

from aligner.checks import all_rules, get_rule


def _example(rule) -> str:
    """The first should-flag example, as `ru → en` on one line."""
    for ru, en, flagged in rule.examples:
        if flagged:
            shown = f"{ru} → {en}" if ru else en
            return textwrap.shorten(" ".join(shown.split()), 110, placeholder=" …")
    return ""


def catalogue() -> str:
    rules = all_rules()
    if not rules:
        return "No rules registered.\n"
    lines = []
    for rule in rules.values():
        lines.append(f"{rule.code}  {rule.severity:<7}  {rule.name}: {rule.summary}")
        example = _example(rule)
        if example:
            lines.append(f"         e.g. {example}")
    lines.append("")
    lines.append("`aligner rules CODE` shows a rule's documentation.")
    return "\n".join(lines) + "\n"


def markdown_table() -> str:
    """The rule table of the README (between its ``rules table`` markers), from the registry."""
    lines = ["| code | severity | name | flags | module |", "| --- | --- | --- | --- | --- |"]
    for rule in all_rules().values():
        summary = rule.summary.replace("|", "\\|")
        lines.append(f"| {rule.code} | {rule.severity} | {rule.name} | {summary} | `{rule.path}` |")
    return "\n".join(lines) + "\n"


def documentation(code: str) -> str:
    rule = get_rule(code)
    lines = [f"{rule.code} {rule.name} ({rule.severity} by default)", "", rule.summary, "", rule.doc, "",
             "Examples (Russian source → English; flagged or passing):"]
    for ru, en, flagged in rule.examples:
        mark = "flag" if flagged else "pass"
        lines.append(f"  [{mark}] {ru + ' → ' if ru else ''}{en}")
    if rule.options:
        lines.append("")
        lines.append(f"Options ([aligner.{rule.code}] section of the configuration):")
        for name, default in rule.options.items():
            lines.append(f"  {name} = {default}")
    return "\n".join(lines) + "\n"


def as_json(code: str | None) -> str:
    """The rules (or one rule) as JSON: code, name, severity, summary, doc, examples, options."""
    rules = [get_rule(code)] if code else list(all_rules().values())
    return json.dumps([{"code": rule.code, "name": rule.name, "severity": rule.severity,
                        "summary": rule.summary, "doc": rule.doc,
                        "examples": [{"ru": ru, "en": en, "flagged": flagged}
                                     for ru, en, flagged in rule.examples],
                        "options": rule.options} for rule in rules],
                      ensure_ascii=False, indent=2) + "\n"


@click.command("rules")
@click.argument("code", required=False)
@click.option("--format", "output_format", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True, help="Output format (markdown: the README's rule table).")
def command(code: str | None, output_format: str) -> None:
    """List every check rule (code, default severity, name, summary, an example), or
    print the full documentation of the rule CODE.

    \b
    Example:
      aligner rules
      aligner rules NUM001
      aligner rules --format json > rules.json
      aligner rules --format markdown   # the README's rule table
    """
    if output_format == "json":
        click.echo(as_json(code), nl=False)
    elif output_format == "markdown":
        click.echo(markdown_table(), nl=False)
    else:
        click.echo(documentation(code) if code else catalogue(), nl=False)
