"""QA rules bench: false alarms on clean translations, recall on injected errors, speed.

Runs the real engine (``aligner.engine.check_directory`` on files written to a
temporary ``DIR/en``, ``DIR/ru`` corpus), so it measures what ``aligner check DIR``
gives users.

1. False alarms: every WMT22 ru-en dev document's human reference with its Russian
   source, written as real files are (each paragraph's sentences joined 2-4 to a
   line, the same grouping on both sides, a blank line between paragraphs). Findings
   per 1000 English sentences (as the engine splits them), by rule; ``--show`` prints
   each one for inspection. A finding whose flagged English text holds a Cyrillic
   letter (UNT001 on "WНO", "50х70") is a defect of the reference itself, verifiable
   from the code points alone: it is counted in the "verified" column and left out of
   the "mine, false" line (the references are not error-free).
2. Recall: errors injected into the references by ``bench/inject.py`` (number
   changes, omitted sentences, untranslated sentences, repeated words), at most three
   per document, on lines at least two apart. An injection counts as found when a
   finding of the expected rules lies on its line or the next one and was not in the
   clean run (for an omission: from the line before to two lines after, as the
   finding points at the neighbouring sentence, maybe past a paragraph break).
3. Speed: about 10 MB of English (dev documents repeated, with their Russian
   sources) in files of ~100 KB, checked in one process with this area's rules
   (NUM, UNT, OMI, ADD, LEN, REP, QUO, FRG, ART), and a smaller run with every registered
   rule; CPU seconds printed. Recall runs use this area's rules only.

    python bench/check.py [--data FILE] [--show] [--no-speed] [--megabytes 10]

Note: the length thresholds (LEN001) were calibrated on this same dev half
(scripts/calibrate_lengths.py); the held-out half is what is judged.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import re
import sys
import tempfile
import time
from pathlib import Path

from inject import INJECTORS

from aligner.checks import all_rules
from aligner.config import Config
from aligner.engine import check_directory

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "wmt22-ruen-dev.jsonl"
if not DEFAULT_DATA.exists():  # a worktree under /work/wt
    DEFAULT_DATA = Path("/work/shared/data/wmt22-ruen-dev.jsonl")
MY_RULES = ("NUM001", "UNT001", "UNT002", "OMI001", "ADD001", "LEN001", "REP001", "QUO001", "FRG001",
            "ART001")
ENTITY = {"ENT004", "ENT002", "NAM002"}
EXPECTED = {"number": {"NUM001"}, "untranslated": {"UNT001", "UNT002"},
            "omission": {"OMI001", "LEN001"}, "omission-mid": {"OMI001", "LEN001"},
            "repeat": {"REP001"}, "repeat-gap": {"REP001"},
            **{kind: ENTITY for kind in ("country", "city", "nationality", "org", "outlet", "company")},
            "person": {"NAM002", "NAM001", "ENT004"}, "name-variant": {"NAM002", "NAM001"}}
GOALS = {"number": 0.95, "untranslated": 0.95, "omission": 0.85, "omission-mid": 0.85, "repeat": 0.85,
         "repeat-gap": 0.85}  # the entity kinds are the entity area's (bench/recall.py): no goal here
PER_DOCUMENT = 3
_CLOSED = re.compile(r"[.!?…:;][\"'”»’)]*\s*$")


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def layout(document: dict) -> list[list[list[int]]]:
    """Per paragraph, the groups of sentence indices that share a line (2-4 each).

    A segment without closing punctuation (a headline, a product name) ends its line,
    as it does in real files.
    """
    rng = random.Random(document["id"])
    paragraphs = []
    for paragraph, english in zip(document["src"], document["ref"]):
        groups, group, size = [], [], rng.randint(2, 4)
        for index, sentence in enumerate(english):
            group.append(index)
            if len(group) == size or not _CLOSED.search(sentence):
                groups.append(group)
                group, size = [], rng.randint(2, 4)
        if group:
            groups.append(group)
        paragraphs.append(groups)
    return paragraphs


def render(paragraphs: list[list[str]], groups: list[list[list[int]]]) -> tuple[str, dict]:
    """File text, and (paragraph, sentence) -> 1-based line number."""
    lines, where = [], {}
    for p, paragraph_groups in enumerate(groups):
        if lines:
            lines.append("")
        for group in paragraph_groups:
            for s in group:
                where[(p, s)] = len(lines) + 1
            text = " ".join(paragraphs[p][s] for s in group if paragraphs[p][s])
            lines.append(text)
    return "\n".join(lines) + "\n", where


def write_corpus(root: Path, documents: list[dict], english: dict[str, list[list[str]]] | None = None) -> dict:
    """Write DIR/en and DIR/ru; returns name -> line map of the English file."""
    (root / "en").mkdir(parents=True, exist_ok=True)
    (root / "ru").mkdir(parents=True, exist_ok=True)
    maps = {}
    for document in documents:
        name = f"{document['id']}.txt"
        groups = layout(document)
        ru_text, _ = render(document["src"], groups)
        en_text, where = render((english or {}).get(document["id"], document["ref"]), groups)
        (root / "ru" / name).write_text(ru_text, encoding="utf-8")
        (root / "en" / name).write_text(en_text, encoding="utf-8")
        maps[name] = where
    return maps


def key(finding) -> tuple:
    return (Path(finding.path).name, finding.rule, finding.message, finding.text)


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def verified_defect(finding) -> bool:
    """The flagged English text holds a Cyrillic letter: a real defect of the reference."""
    return bool(_CYRILLIC.search(finding.text or ""))


def false_alarms(documents: list[dict], show: bool) -> tuple[collections.Counter, int, set]:
    """Findings by rule, and by 'RULE verified' for verified defects of the references."""
    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(Path(tmp), documents)
        result = check_directory(tmp)
    counts = collections.Counter(f.rule for f in result.findings)
    counts.update(f"{f.rule} verified" for f in result.findings if verified_defect(f))
    sentences = sum(len(pair.target_sentences) for pair in result.pairs)
    if show:
        for finding in result.findings:
            if finding.rule in MY_RULES:
                print(f"  {Path(finding.path).name}:{finding.line}:{finding.column}: {finding.rule} "
                      f"{finding.message} | {finding.text[:80]!r}", file=sys.stderr)
    return counts, sentences, {key(f) for f in result.findings}


def recall(documents: list[dict], kind: str, clean: set, show: bool) -> tuple[int, int]:
    from recall import inject  # recall.py imports this module's layout and writer
    english, sites = inject(documents, kind)
    with tempfile.TemporaryDirectory() as tmp:
        maps = write_corpus(Path(tmp), documents, english)
        result = check_directory(tmp, Config(select=tuple(sorted(set(MY_RULES) | EXPECTED[kind]))))
    found_lines = collections.defaultdict(set)
    for finding in result.findings:
        if finding.rule in EXPECTED[kind] and key(finding) not in clean:
            found_lines[Path(finding.path).name].update({finding.line})
    total = hits = 0
    for name, chosen in sites.items():
        for site in chosen:
            total += 1
            line = maps[name][site]  # for an omission: the line that held the sentence
            window = {line - 1, line, line + 1, line + 2} if kind == "omission" else {line, line + 1}
            if window & found_lines[name]:
                hits += 1
            elif show:
                p, s = site
                print(f"  missed {kind} {name}:{line}: {english[name[:-4]][p][s][:120]!r}", file=sys.stderr)
    return hits, total


def speed(documents: list[dict], megabytes: float, select: tuple = MY_RULES) -> tuple:
    """(MB, CPU seconds, sentences, wall seconds, CPU seconds of this area's rules alone)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "en").mkdir()
        (root / "ru").mkdir()
        size, number = 0, 0
        target = megabytes * 1_000_000
        while size < target:
            en_parts, ru_parts = [], []
            while sum(len(p.encode()) for p in en_parts) < 100_000:
                document = documents[number % len(documents)]
                groups = layout(document)
                en_parts.append(render(document["ref"], groups)[0])
                ru_parts.append(render(document["src"], groups)[0])
                number += 1
            en_text, ru_text = "\n".join(en_parts), "\n".join(ru_parts)
            name = f"part{number:05d}.txt"
            (root / "en" / name).write_text(en_text, encoding="utf-8")
            (root / "ru" / name).write_text(ru_text, encoding="utf-8")
            size += len(en_text.encode())
        started = time.process_time()
        wall = time.perf_counter()
        result = check_directory(tmp, Config(select=select))
        seconds = time.process_time() - started
        wall = time.perf_counter() - wall
    rules_started = time.process_time()  # the rules alone, again, on the pairs already built
    for code in MY_RULES:
        for pair in result.pairs:
            list(all_rules()[code].check(pair))
    rules = time.process_time() - rules_started
    return size / 1e6, seconds, sum(len(p.target_sentences) for p in result.pairs), wall, rules


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show", action="store_true", help="print every false alarm and missed injection")
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--all-rules-megabytes", type=float, default=0.1,
                        help="size of the speed run with every registered rule (0: skip)")
    args = parser.parse_args()
    documents = load(args.data)
    segments = sum(len(p) for d in documents for p in d["ref"])

    counts, sentences, clean = false_alarms(documents, args.show)
    print(f"aligner check bench — {args.data.name}: {len(documents)} documents, {segments} segments, "
          f"{sentences} English sentences")
    print()
    print("1. False alarms on clean human translations (per 1000 English sentences; goal <= 5 total)")
    print(f"   {'rule':<11} {'findings':>8} {'per 1000':>9} {'verified':>9}")
    rules = sorted({r for r in counts if not r.endswith(" verified")} | set(MY_RULES))
    for rule in rules:
        mine = "" if rule in MY_RULES else "  (other area)"
        print(f"   {rule:<11} {counts[rule]:>8} {1000 * counts[rule] / sentences:>9.2f} "
              f"{counts[rule + ' verified']:>9}{mine}")
    mine_total = sum(counts[r] for r in MY_RULES)
    mine_false = mine_total - sum(counts[r + " verified"] for r in MY_RULES)
    every = sum(counts[r] for r in rules)
    print(f"   {'mine':<11} {mine_total:>8} {1000 * mine_total / sentences:>9.2f}")
    print(f"   {'mine, false':<11} {mine_false:>8} {1000 * mine_false / sentences:>9.2f}  "
          "(verified defects of the references left out)")
    print(f"   {'all':<11} {every:>8} {1000 * every / sentences:>9.2f}")
    print()
    print("2. Recall on injected errors (bench/inject.py)")
    print(f"   {'kind':<13} {'found':>6} {'injected':>9} {'recall':>7} {'goal':>6}  rules")
    for kind in INJECTORS:
        hits, total = recall(documents, kind, clean, args.show)
        goal = f"{GOALS[kind]:>6.0%}" if kind in GOALS else f"{'-':>6}"
        print(f"   {kind:<13} {hits:>6} {total:>9} {hits / max(total, 1):>7.1%} {goal}  "
              f"{', '.join(sorted(EXPECTED[kind]))}")
    if not args.no_speed:
        print()
        print("3. Speed (read, segment, align, rules; one process, one core; goal: 10 MB < 60 s)")
        runs = [("these rules", MY_RULES, args.megabytes)]
        if args.all_rules_megabytes:
            runs.append(("all rules", ("ALL",), args.all_rules_megabytes))
        for label, select, size in runs:
            megabytes, seconds, count, wall, rules = speed(documents, size, select)
            print(f"   {label:<12} {megabytes:5.1f} MB English + Russian source, {count:>6} sentences: "
                  f"{seconds:6.1f} s CPU ({wall:.1f} s wall), {megabytes / seconds:.3f} MB/s; "
                  f"of which this area's rules {rules:.1f} s")


if __name__ == "__main__":
    main()
