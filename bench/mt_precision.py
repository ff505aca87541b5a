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
- held-out samples, drawn after rule changes only among the distinct findings the rules
  report that have no judgement yet (``--draw --unjudged``); their ``why`` starts with
  the sample's tag and their precision is printed apart, since the other two samples
  are the ones the rules were tuned on:

  - ``[held-out]``: 40 at random on WMT21 (``--sample 40 --seed 1204``);
  - ``[held-out-2]``: 100 at random (``--sample 100 --top-up 10 --seed 1205 --sets
    wmt21-mt wmt22-mt``) among the never-judged findings on the ten WMT21 systems and
    the ten systems of the WMT22 dev half (``wmt22-ruen-dev.jsonl``, whose MT output no
    one had looked at), topped up per rule (``[held-out-2 per-rule]``): each rule's
    never-judged findings in an order shuffled with ``SEED:RULE``, taken until the rule
    has 10 in the sample (all it has if fewer). Within a rule, the random and top-up
    rows together are a simple random sample of that rule's pool, so the rule's
    precision is their plain ratio; the overall figure is the random 100 alone, and
    weighted back, each rule's precision weighted by its share of the random 100.

  - ``[held-out-3 per-rule]``: ADD001 and OMI001 alone, drawn after their abstentions from
    the ``[held-out-2]`` sample (``--rules ADD001,OMI001 --sample 0 --top-up 10 --seed 1206
    --sets wmt21-mt wmt22-mt --tag held-out-3``): each rule's never-judged findings in
    an order shuffled with ``SEED:RULE``, up to 10.

  - ``[held-out-4]``: 60 at random and a per-rule top-up to 10, drawn after the fixes of
    ``[held-out-2]``'s false classes (``--sample 60 --top-up 10 --seed 1207 --sets wmt21-mt
    wmt22-mt --tag held-out-4``), read like ``[held-out-2]``.

  A held-out row the rules no longer report means a rule was changed on that sample:
  the rule's figure (and the sample's overall one) is then printed as it was judged,
  marked as held out no longer.

Without ``--draw`` the script prints, over the judged findings the current rules still
report on WMT21 (the random and per-rule samples together), the precision by rule and
by severity, and overall weighted by each rule's share of all WMT21 MT findings (the
pooled figure would over-count the rare rules the per-rule sample favours); how many
judged ones (real / false) the rules no longer report; then each held-out sample, by
rule with a Wilson 95% interval.

    python bench/mt_precision.py [--draw [--unjudged [--top-up 10]] [--sample 100 | --per-rule 12]
                                 [--seed 16] [--sets wmt21-mt wmt22-mt]]
"""

from __future__ import annotations

import argparse
import collections
import json
import math
import random
import re
import tempfile
from pathlib import Path

from false_alarms import data_dir, document_of, reviewed, write_corpus

from aligner.config import Config
from aligner.engine import check_directory

# collection prefix -> file of shared/data with Russian ``src`` and MT ``hyp`` per document
MT_SETS = {"wmt21-mt": "wmt21-ruen.jsonl", "wmt22-mt": "wmt22-ruen-dev.jsonl"}
TUNED = "wmt21-mt"
# held-out samples in the order drawn: tag -> the MT sets drawn from
HELD_OUT = {"held-out": ("wmt21-mt",), "held-out-2": ("wmt21-mt", "wmt22-mt"),
            "held-out-3": ("wmt21-mt", "wmt22-mt"), "held-out-4": ("wmt21-mt", "wmt22-mt")}
TAG = re.compile(r"\[(held-out(?:-\d+)?)( per-rule)?\]")


def held_out_tag(row: dict) -> tuple[str, str] | None:
    """(sample, part) of a held-out judgement: part is ``random`` or ``per-rule``."""
    match = TAG.match(row["why"])
    return (match[1], "per-rule" if match[2] else "random") if match else None


def system_findings(folder: Path, prefix: str = TUNED) -> list[dict]:
    """Every finding on every system's output of one MT set, as plain records."""
    documents = [json.loads(line) for line in (folder / MT_SETS[prefix]).read_text(encoding="utf-8").splitlines()]
    systems = sorted({name for d in documents for name in d["hyp"]})
    found = []
    for system in systems:
        docs = [{"id": d["id"], "src": d["src"], "tgt": d["hyp"][system]} for d in documents if d["hyp"].get(system)]
        with tempfile.TemporaryDirectory() as tmp:
            write_corpus(Path(tmp), docs)
            result = check_directory(tmp, Config())
            lines = {path: [span.text for span in doc.lines()] for path, doc in result.documents().items()}
        for f in result.findings:
            found.append({"collection": f"{prefix}:{system}", "document": document_of(f), "rule": f.rule,
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


def unjudged_pool(found: list[dict], judged: dict, tag: str) -> list[dict]:
    """Distinct findings reported today with no judgement, sorted.

    The judgements of held-out sample ``tag`` and of samples drawn after it do not count
    as judged here, so the draw stays reproducible once they are written down (it then
    shows their verdicts)."""
    later = list(HELD_OUT)[list(HELD_OUT).index(tag):] if tag in HELD_OUT else []
    earlier = {k for k, row in judged.items() if (held_out_tag(row) or ("",))[0] not in later}
    distinct = {key(f): f for f in found if key(f) not in earlier}
    return [distinct[k] for k in sorted(distinct)]


def unjudged_sample(pool: list[dict], size: int, seed: int, top_up: int = 0) -> list[tuple[str, dict]]:
    """``size`` findings of ``pool`` drawn with ``seed``, then per rule the first findings of
    the rest in an order shuffled with ``SEED:RULE`` until the rule has ``top_up``."""
    drawn = [("random", f) for f in random.Random(seed).sample(pool, min(size, len(pool)))]
    have = collections.Counter(f["rule"] for _, f in drawn)
    taken = {key(f) for _, f in drawn}
    for rule in sorted({f["rule"] for f in pool}):
        rest = [f for f in pool if f["rule"] == rule and key(f) not in taken]
        random.Random(f"{seed}:{rule}").shuffle(rest)
        drawn.extend(("per-rule", f) for f in rest[:max(0, top_up - have[rule])])
    return drawn


def wilson(real: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson score 95% interval of a proportion real / n."""
    if not n:
        return 0.0, 1.0
    p = real / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def held_out(found: list[dict], judged: dict, tag: str) -> None:
    """Precision of held-out sample ``tag`` by rule, as judged, with Wilson 95% intervals.

    Rows: each rule (its random and top-up rows: a simple random sample of its pool);
    ``random`` (the random rows alone, a simple random sample of all findings) and the
    same by MT set; ``pooled`` (all rows; over-counts the rules the top-up favours).
    ``docs`` counts distinct documents: findings of one sentence on several systems are
    not independent, so an interval on few documents is wider than it reads. A rule
    with rows no longer reported was changed on this sample: its figure is the one it
    had at the draw and is marked as held out no longer."""
    produced = {key(f) for f in found}
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    documents: dict[str, set] = collections.defaultdict(set)
    for k, row in judged.items():
        sample = held_out_tag(row)
        if not sample or sample[0] != tag:
            continue
        groups = [k[2], "pooled"] + (["random", "  " + k[0].split(":")[0]] if sample[1] == "random" else [])
        for group in groups:
            counts[group][row["verdict"]] += 1
            counts[group]["gone " + row["verdict"]] += k not in produced
            documents[group].add(k[1])
        counts[k[2]]["random"] += sample[1] == "random"
    if not counts:
        return
    rules = sorted(g for g in counts if g.isupper() and g[-1].isdigit())
    changed = [r for r in rules if counts[r]["gone real"] + counts[r]["gone false"]]
    print(f"Held-out sample {tag} (why starts [{tag}]; drawn among never-judged findings on "
          f"{', '.join(HELD_OUT[tag])})" + (f"; rules changed on it since: {', '.join(changed)}, "
                                             "so their rows are held out no longer" if changed else "") + ":")
    print(f"   {'rule':<10} {'n':>4} {'docs':>5} {'real':>5} {'false':>6} {'precision':>10} {'Wilson 95%':>11}  now")
    sets = sorted(g for g in counts if g.startswith("  "))
    drawn = ["random"] if counts["random"]["real"] + counts["random"]["false"] else []  # none in a per-rule-only sample
    for group in rules + drawn + (sets if len(sets) > 1 else []) + ["pooled"]:
        c = counts[group]
        real, false = c["real"], c["false"]
        low, high = wilson(real, real + false)
        gone = c["gone real"] + c["gone false"]
        now = (f"changed: {gone} no longer reported ({c['gone real']} real, {c['gone false']} false)"
               if gone else "held out")
        print(f"   {group:<10} {real + false:>4} {len(documents[group]):>5} {real:>5} {false:>6} "
              f"{real / (real + false):>10.0%} {low:>5.0%}-{high:<5.0%}  {now}")
    share = sum(counts[r]["random"] for r in rules)
    if 0 < share < counts["pooled"]["real"] + counts["pooled"]["false"]:
        weighted = sum(counts[r]["random"] * counts[r]["real"] / (counts[r]["real"] + counts[r]["false"])
                       for r in rules) / share
        print(f"   weighted back (each rule's precision by its share of the random rows): {weighted:.0%}")


def show(sample: list[dict], judged: dict, parts: list[str] | None = None) -> None:
    for number, finding in enumerate(sample, 1):
        row = judged.get(key(finding))
        part = f"{parts[number - 1]}\t" if parts else ""
        print(f"#{number}\t{part}{finding['collection']}\t{finding['document']}\t{finding['rule']}\t"
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
    parser.add_argument("--top-up", type=int, default=0,
                        help="with --unjudged: then per rule until it has this many in the sample")
    parser.add_argument("--sets", nargs="+", choices=sorted(MT_SETS), default=[TUNED],
                        help="with --draw: the MT sets to draw from")
    parser.add_argument("--tag", default=list(HELD_OUT)[-1], choices=list(HELD_OUT),
                        help="with --unjudged: the held-out sample being drawn (its own rows count as unjudged)")
    parser.add_argument("--rules", default="",
                        help="with --draw: comma-separated rule codes to draw from (default all)")
    parser.add_argument("--data", type=Path, default=None)
    args = parser.parse_args()
    folder = args.data or data_dir()
    judged = reviewed("mt")
    if not args.draw:
        found = system_findings(folder)
        report(found, {k: row for k, row in judged.items() if not held_out_tag(row)})
        sets = {prefix for tag in HELD_OUT for prefix in HELD_OUT[tag]}
        found += [f for prefix in sorted(sets - {TUNED}) for f in system_findings(folder, prefix)]
        for tag in HELD_OUT:
            held_out(found, judged, tag)
        return
    found = [f for prefix in args.sets for f in system_findings(folder, prefix)
             if not args.rules or f["rule"] in args.rules.split(",")]
    if args.unjudged:
        sample = unjudged_sample(unjudged_pool(found, judged, args.tag), args.sample, args.seed, args.top_up)
        show([f for _, f in sample], judged, [part for part, _ in sample])
    elif args.per_rule:
        show(per_rule_sample(found, args.per_rule, args.seed), judged)
    else:
        show(random.Random(args.seed).sample(found, min(args.sample, len(found))), judged)


if __name__ == "__main__":
    main()
