"""Precision of findings on machine translation: WMT21 ru-en, ten MT systems.

Each system's output for the 116 WMT21 documents is written as real files (the layout
of ``bench/false_alarms.py``) with the Russian source and checked with one
``aligner check DIR`` run per system. Two samples of the findings were judged by
reading source and target (real error / not), each judgement kept in
``bench/reviewed_findings.tsv`` (kind ``mt``, collection ``wmt21-mt:SYSTEM``):

- a simple random sample: ``--draw`` draws ``--sample`` (default 100) of all findings
  of all systems with a fixed seed;
- a per-rule (stratified) sample, so that a rare rule's precision rests on more than
  one or two findings: ``--draw --per-rule 12`` draws, for each rule, the first 12 of
  its findings in an order shuffled with the same seed;
- a held-out sample drawn after the rule changes of issue 16: ``--draw --unjudged``
  draws only among the distinct findings the rules report today that have no judgement
  yet (``--sample 40 --seed 1204``); its judgements start their ``why`` with the tag
  ``[held-out]`` and their precision is printed apart, since the other two samples are
  the ones the rules were tuned on.

Without ``--draw`` the script prints, over the judged findings the current rules still
report (the random and per-rule samples together; the held-out sample apart, after them), the precision by rule and by severity, and overall
weighted by each rule's share of all MT findings (the pooled figure would over-count
the rare rules the per-rule sample favours); and how many judged ones (real / false)
the rules no longer report.

    python bench/mt_precision.py [--draw [--unjudged] [--sample 100 | --per-rule 12] [--seed 16]]
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import tempfile
from pathlib import Path

from false_alarms import data_dir, document_of, reviewed, write_corpus

from aligner.config import Config
from aligner.engine import check_directory

HELD_OUT = "[held-out]"


def system_findings(folder: Path) -> list[dict]:
    """Every finding on every system's output, as plain records."""
    documents = [json.loads(line) for line in open(folder / "wmt21-ruen.jsonl", encoding="utf-8")]
    systems = sorted({name for d in documents for name in d["hyp"]})
    found = []
    for system in systems:
        docs = [{"id": d["id"], "src": d["src"], "tgt": d["hyp"][system]} for d in documents if d["hyp"].get(system)]
        with tempfile.TemporaryDirectory() as tmp:
            write_corpus(Path(tmp), docs)
            result = check_directory(tmp, Config())
            lines = {path: [span.text for span in doc.lines()] for path, doc in result.documents().items()}
        for f in result.findings:
            found.append({"collection": f"wmt21-mt:{system}", "document": document_of(f), "rule": f.rule,
                          "severity": f.severity, "text": f.text, "message": f.message,
                          "source": f.evidence.text if f.evidence else "",
                          "line": lines.get(f.path, [""] * f.line)[f.line - 1]})
    return found


def key(finding: dict) -> tuple:
    return finding["collection"], finding["document"], finding["rule"], finding["text"]


def per_rule_sample(found: list[dict], size: int, seed: int) -> list[dict]:
    """The first ``size`` findings of each rule in an order shuffled with ``seed``."""
    by_rule: dict[str, list] = collections.defaultdict(list)
    for finding in found:
        by_rule[finding["rule"]].append(finding)
    sample = []
    for rule in sorted(by_rule):
        shuffled = by_rule[rule][:]
        random.Random(f"{seed}:{rule}").shuffle(shuffled)
        sample.extend(shuffled[:size])
    return sample


def unjudged_sample(found: list[dict], judged: dict, size: int, seed: int) -> list[dict]:
    """``size`` distinct findings reported today with no judgement, drawn with ``seed``.

    Held-out judgements do not count as judged here, so the draw stays reproducible
    after they are written down (it then shows their verdicts)."""
    tuned = {k for k, row in judged.items() if not row["why"].startswith(HELD_OUT)}
    distinct = {key(f): f for f in found if key(f) not in tuned}
    pool = [distinct[k] for k in sorted(distinct)]
    return random.Random(seed).sample(pool, min(size, len(pool)))


def held_out(found: list[dict], judged: dict) -> None:
    """Precision of the held-out sample (judgements tagged ``[held-out]``), by rule."""
    produced = {key(f) for f in found}
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    gone: collections.Counter = collections.Counter()
    for k, row in judged.items():
        if not row["why"].startswith(HELD_OUT):
            continue
        if k not in produced:
            gone[row["verdict"]] += 1
            continue
        for group in (k[2], "all"):
            counts[group][row["verdict"]] += 1
    if not counts:
        return
    changed = (f"; {sum(gone.values())} of it no longer reported ({gone['real']} real, {gone['false']} false): "
               "rules were changed on it, so it is held out no longer" if gone else "")
    print(f"Held-out sample (drawn after the rule changes among unjudged findings; why starts {HELD_OUT}){changed}:")
    print(f"   {'rule':<10} {'n':>4} {'real':>5} {'false':>6} {'precision':>10}")
    for group in sorted(g for g in counts if g != "all") + ["all"]:
        real, false = counts[group]["real"], counts[group]["false"]
        print(f"   {group:<10} {real + false:>4} {real:>5} {false:>6} {real / (real + false):>10.0%}")


def show(sample: list[dict], judged: dict) -> None:
    for number, finding in enumerate(sample, 1):
        row = judged.get(key(finding))
        print(f"#{number}\t{finding['collection']}\t{finding['document']}\t{finding['rule']}\t"
              f"{finding['severity']}\t{finding['text']!r}\n   MSG {finding['message']}\n"
              f"   SRC {finding['source']}\n   LINE {finding['line']}\n   -> {row['verdict'] if row else '?'}")


def report(found: list[dict], judged: dict) -> None:
    produced = {key(f): f for f in found}
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    gone = collections.Counter(row["verdict"] for k, row in judged.items() if k not in produced)
    for k, finding in produced.items():
        verdict = judged[k]["verdict"] if k in judged else "unjudged"
        for group in (finding["rule"], f"  {finding['severity']}"):
            counts[group][verdict] += 1
    by_rule = collections.Counter(f["rule"] for f in found)
    print(f"Findings on WMT21 MT output (10 systems): {len(found)}, {len(produced)} distinct. "
          f"Judged: {len(judged)} (random sample and per-rule sample); {sum(gone.values())} of them "
          f"no longer reported ({gone['real']} real, {gone['false']} false)")
    print(f"   {'rule':<10} {'all MT':>7} {'judged':>7} {'real':>5} {'false':>6} {'precision':>10}")
    weighted = share = 0.0
    rules = sorted(g for g in counts if not g.startswith(" "))
    for group in rules + sorted(g for g in counts if g.startswith(" ")):
        real, false = counts[group]["real"], counts[group]["false"]
        precision = real / (real + false) if real + false else None
        if group in by_rule and precision is not None:
            weighted += by_rule[group] * precision
            share += by_rule[group]
        total = by_rule.get(group, "")
        shown = f"{precision:.0%}" if precision is not None else "-"
        print(f"   {group:<10} {total!s:>7} {real + false:>7} {real:>5} {false:>6} {shown:>10}")
    real = sum(counts[g]["real"] for g in rules)
    false = sum(counts[g]["false"] for g in rules)
    print(f"   {'all':<10} {len(found):>7} {real + false:>7} {real:>5} {false:>6} "
          f"{weighted / max(share, 1):>10.0%}   (weighted by each rule's findings; pooled "
          f"{real / max(real + false, 1):.0%})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=100)
    parser.add_argument("--per-rule", type=int, default=0,
                        help="with --draw: up to this many findings of each rule instead of --sample")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--draw", action="store_true",
                        help="draw a random sample and print each finding for judging")
    parser.add_argument("--unjudged", action="store_true",
                        help="with --draw: only distinct findings with no judgement yet (held-out sample)")
    parser.add_argument("--data", type=Path, default=None)
    args = parser.parse_args()
    found = system_findings(args.data or data_dir())
    judged = reviewed("mt")
    if not args.draw:
        report(found, {k: row for k, row in judged.items() if not row["why"].startswith(HELD_OUT)})
        held_out(found, judged)
    elif args.unjudged:
        show(unjudged_sample(found, judged, args.sample, args.seed), judged)
    elif args.per_rule:
        show(per_rule_sample(found, args.per_rule, args.seed), judged)
    else:
        show(random.Random(args.seed).sample(found, min(args.sample, len(found))), judged)


if __name__ == "__main__":
    main()
