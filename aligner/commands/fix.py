"""`aligner fix`: apply accepted suggestions; write the corrected transcript and a changelog."""

from __future__ import annotations

import re

import click

from aligner import export
from aligner.checks import all_rules
from aligner.config import load_config
from aligner.engine import check_files
from aligner.errors import UsageError
from aligner.fix import (Edit, accept_rules, changelog_json, corrected_pairs, edit_for, fix_document,
                         replacement, unfixable, unified_diff)
from aligner.formats import sniff_file
from aligner.formats.writeback import fix_bilingual
from aligner.io import guard_outputs, write_text
from aligner.output.tmx import render_tmx
from aligner.review.apply import apply_decisions
from aligner.review.decisions import load_decisions
from aligner.records import Document, Finding
from aligner.score import distance

_CONTEXT = 50  # characters of context shown around a finding in --interactive


@click.command("fix")
@click.argument("en", type=click.Path())
@click.option("--source", type=click.Path(), default=None, help="Russian original of EN.")
@click.option("--accept", "accept", default=None, metavar="all|RULE,...",
              help="Apply the suggestions of every rule, or of these rule codes.")
@click.option("--interactive", is_flag=True,
              help="Walk the findings one by one: accept, skip, edit or quit.")
@click.option("--decisions", "decisions_path", type=click.Path(dir_okay=False), default=None,
              help="Apply a decisions file of `aligner review` or of the report's Export.")
@click.option("-o", "--output", type=click.Path(), default=None,
              help="Corrected transcript to write (never EN itself).")
@click.option("--in-place", is_flag=True,
              help="Correct EN itself: atomic write, the original kept as EN.orig.")
@click.option("--changelog", "changelog_prefix", type=click.Path(), default=None, metavar="PREFIX",
              help="Write PREFIX.diff (unified diff) and PREFIX.json (edits); default: the output path.")
@click.option("--tmx", type=click.Path(), default=None,
              help="Also write the aligned pairs, with the corrected English, as TMX 1.4b (needs --source).")
@click.option("--xliff", type=click.Path(), default=None,
              help="Also write those pairs as XLIFF 2.0 (needs --source).")
@click.option("--tsv", type=click.Path(), default=None,
              help="Also write those pairs as ru<TAB>en lines (needs --source).")
@click.option("--config", "config_path", type=click.Path(), default=None,
              help="Settings file (default: the [aligner] section of ./setup.cfg).")
@click.option("--encoding", default=None, help="Input encoding (default: detect).")
def command(en: str, source: str | None, accept: str | None, interactive: bool, decisions_path: str | None,
            output: str | None,
            in_place: bool, changelog_prefix: str | None, tmx: str | None, xliff: str | None,
            tsv: str | None, config_path: str | None, encoding: str | None) -> None:
    """Check EN, apply the accepted suggestions, and write the corrected transcript plus
    a changelog: PREFIX.diff (unified diff) and PREFIX.json (every edit with its original
    line/column, rule, before and after; conflicts and skipped findings too). Fixes whose
    spans overlap are reported, not applied. Prints the chrF/TER distance between the
    original and the corrected text. EN is never modified unless --in-place is given.

    A suggestion is applied as the replacement of the flagged text; suggestions that
    are advice ("check the number against the source") are skipped, or can be typed
    in by hand with --interactive.

    \b
    Example:
      aligner fix corpus/en/002_63d1d6def9e2a9b0.txt --source corpus/ru/002_63d1d6def9e2a9b0.txt \\
          --accept NAM001 -o corrected.txt --tmx corrected.tmx
      aligner fix en.txt --interactive -o en.fixed.txt --changelog en.review
      aligner fix en.txt --decisions decisions.json -o en.fixed.txt
      aligner fix project.xlf --accept NUM001,NAM001 -o corrected.xlf   # TMX, PO, TSV too

    A bilingual file (XLIFF, TMX, PO, TSV) gets its corrected targets and nothing else
    changed: each corrected segment is marked for review (XLIFF 1.2
    state="needs-review-translation", 2.0 state="translated" subState="aligner:needs-review",
    Trados conf="Draft", PO fuzzy); an edit that would cross an inline tag is refused.
    """
    if [accept is not None, interactive, decisions_path is not None].count(True) != 1:
        raise UsageError("give one of --accept all|RULE,..., --interactive or --decisions FILE")
    if in_place == (output is not None):
        raise UsageError("give either -o FILE or --in-place")
    exports = {name: path for name, path in (("tmx", tmx), ("xliff", xliff), ("tsv", tsv)) if path}
    if exports and source is None:
        raise UsageError(f"--{next(iter(exports))} needs --source: the pairs come from the alignment")
    target = en if in_place else output
    prefix = changelog_prefix or target
    logs = [prefix + ".diff", prefix + ".json"]
    guard_outputs(([] if in_place else [target]) + logs + list(exports.values()), [en, source])
    accepted = accept_rules(accept, all_rules()) if accept is not None else None
    if sniff_file(en) is not None:
        if source or exports or interactive or decisions_path:
            raise UsageError("a bilingual file carries its own source and alignment: use --accept, "
                             "without --source, --tmx, --xliff, --tsv, --interactive or --decisions")
        return _fix_bilingual(en, target, prefix, in_place, accepted, config_path)
    decisions = load_decisions(decisions_path) if decisions_path else None

    result = check_files([en], source, load_config(config_path), encoding).require_all()
    pair = result.pairs[0]
    document = pair.target
    if decisions is not None:
        applied = apply_decisions(document, result.findings, decisions)
        fixed, stale = applied.result, len(applied.stale) + len(applied.stale_edits)
        if stale:
            click.echo(f"aligner: note: {decisions_path}: {stale} decision(s) match no finding or text of "
                       f"{en} now; not applied", err=True)
    else:
        fixed = fix_document(document, result.findings, _Prompter(document, result.findings) if interactive
                             else accepted)
    files = {prefix + ".diff": unified_diff(fixed, en, en + " (corrected)" if in_place else target),
             prefix + ".json": changelog_json(fixed)}
    if exports:
        units = corrected_pairs(pair, fixed)
        writers = {"tmx": lambda: render_tmx(units), "xliff": lambda: export.xliff(units),
                   "tsv": lambda: export.tsv(units)}
        files.update({path: writers[name]() for name, path in exports.items()})

    backup = write_text(target, fixed.text, document.encoding, backup=in_place)
    for path, text in files.items():
        write_text(path, text)

    counts: dict[str, int] = {}
    for edit in fixed.applied:
        counts[edit.rule] = counts.get(edit.rule, 0) + 1
    by_rule = ", ".join(f"{rule} {n}" for rule, n in sorted(counts.items()))
    click.echo(f"applied {len(fixed.applied)} edit{'s' * (len(fixed.applied) != 1)}"
               + (f" ({by_rule})" if by_rule else "")
               + f"; {len(fixed.conflicts)} in conflict, not applied; {len(fixed.skipped)} skipped")
    for label, edits in (("", fixed.applied), ("conflict ", fixed.conflicts)):
        for edit in edits:
            click.echo(f"  {label}{edit.path}:{edit.line}:{edit.column} {edit.rule} "
                       f"{edit.before!r} -> {edit.after!r}")
    scores = {item.metric: item for item in distance(document, fixed.text).corpus}
    click.echo(f"original -> corrected: chrF2 = {scores['chrf'].score:.2f}, TER = {scores['ter'].score:.2f}")
    click.echo("wrote " + ", ".join([target, *files] + ([backup] if backup else [])))


def _fix_bilingual(path: str, target: str, prefix: str, in_place: bool, accepted, config_path) -> None:
    """``aligner fix`` on XLIFF, TMX, PO or TSV: corrected targets written back by byte spans."""
    result = check_files([path], None, load_config(config_path)).require_all()
    fixed = fix_bilingual(result, accepted)
    text, encoding = fixed.bilingual.file_text(fixed.data)
    backup = write_text(target, text, encoding, backup=in_place)
    files = {prefix + ".diff": fixed.diff(path + " (corrected)" if in_place else target),
             prefix + ".json": fixed.changelog()}
    for name, text in files.items():
        write_text(name, text)
    click.echo(f"applied {len(fixed.applied)} edit{'s' * (len(fixed.applied) != 1)}; "
               f"{len(fixed.refused)} refused (inline tags); {len(fixed.conflicts)} in conflict, "
               f"not applied; {len(fixed.skipped)} skipped")
    for label, edits in (("", fixed.applied), ("refused ", [edit for edit, _ in fixed.refused]),
                         ("conflict ", fixed.conflicts)):
        for edit in edits:
            unit = fixed.units.get(id(edit))
            where = f"{path}#{unit}:{edit.line}:{edit.column}" if unit else f"{edit.path}:{edit.line}:{edit.column}"
            click.echo(f"  {label}{where} {edit.rule} {edit.before!r} -> {edit.after!r}")
    click.echo("wrote " + ", ".join([target, *files] + ([backup] if backup else [])))


class _Prompter:
    """The --interactive decision: click prompts for each finding that has a span in EN."""

    def __init__(self, document: Document, findings: list[Finding]):
        self.document = document
        self.total = sum(1 for f in findings if not unfixable(f, document))
        self.seen = 0
        self.accepted: list[Edit] = []
        self.stopped = False

    def __call__(self, finding: Finding) -> bool | str | None:
        if self.stopped or unfixable(finding, self.document):
            return None
        self.seen += 1
        suggested = replacement(finding)
        clash = next((e for e in self.accepted if e.start < finding.end and finding.start < e.end), None)
        self._show(finding, suggested)
        if clash is not None:
            if (clash.start, clash.end, clash.after) == (finding.start, finding.end, suggested):
                click.echo("  the same edit is already accepted")
                return True
            click.echo(f"  overlaps the edit already accepted at {clash.line}:{clash.column}; skipped")
            return None
        choices = ["a", "s", "e", "q"] if suggested is not None else ["s", "e", "q"]
        answer = click.prompt("  accept, skip, edit, quit?" if suggested is not None else
                              "  skip, edit, quit? (nothing to accept)",
                              type=click.Choice(choices), default=choices[0] if suggested is not None else "s")
        if answer == "q":
            self.stopped = True
            return None
        if answer == "s":
            return None
        decision: bool | str = True
        if answer == "e":
            decision = click.prompt("  replacement", default=suggested if suggested is not None
                                    else finding.text)
        edit = edit_for(finding, self.document, None if decision is True else decision)
        if isinstance(edit, Edit):
            self.accepted.append(edit)
        return decision

    def _show(self, finding: Finding, suggested: str | None) -> None:
        text = self.document.text
        before = _one_line(text[max(0, finding.start - _CONTEXT):finding.start])
        after = _one_line(text[finding.end:finding.end + _CONTEXT])
        click.echo(f"\n[{self.seen}/{self.total}] {finding.path}:{finding.line}:{finding.column} "
                   f"{finding.rule} {finding.severity}: {finding.message}")
        click.echo(f"  …{before}" + click.style(f"[{_one_line(finding.text)}]", bold=True) + f"{after}…")
        if finding.suggestion:
            click.echo(f"  suggestion: {finding.suggestion}"
                       + (f"  (replacement: {suggested!r})" if suggested not in (None, finding.suggestion) else ""))


def _one_line(text: str) -> str:
    """Line breaks and runs of spaces shown as one space."""
    return re.sub(r"\s+", " ", text)
