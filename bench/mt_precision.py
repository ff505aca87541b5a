"""Precision of findings on machine translation: WMT21 ru-en, ten MT systems.

Each system's output for the 116 WMT21 documents is written as real files (the layout
of ``bench/false_alarms.py``) with the Russian source and checked with one
``aligner check DIR`` run per system. From all findings of all systems, ``--sample``
(default 100) are drawn at random with a fixed seed (``--draw`` prints them for
judging); each one was judged by reading source and target (real error / not) and the
judgement is kept in ``bench/reviewed_findings.tsv`` (kind ``mt``, collection
``wmt21-mt:SYSTEM``). Without ``--draw`` the script prints the precision by rule and
severity over the judged findings the current rules still report, and how many judged
ones (real / false) they no longer report.

    python bench/mt_precision.py [--draw [--sample 100] [--seed 16]]
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=100)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--draw", action="store_true",
                        help="draw a new random sample and print each finding for judging")
    parser.add_argument("--data", type=Path, default=None)
    args = parser.parse_args()
    found = system_findings(args.data or data_dir())
    judged = reviewed("mt")
    if args.draw:
        sample = random.Random(args.seed).sample(found, min(args.sample, len(found)))
        for number, finding in enumerate(sample, 1):
            row = judged.get((finding["collection"], finding["document"], finding["rule"], finding["text"]))
            print(f"#{number}\t{finding['collection']}\t{finding['document']}\t{finding['rule']}\t"
                  f"{finding['severity']}\t{finding['text']!r}\n   MSG {finding['message']}\n"
                  f"   SRC {finding['source']}\n   LINE {finding['line']}\n   -> {row['verdict'] if row else '?'}")
        return
    produced = {(f["collection"], f["document"], f["rule"], f["text"]): f for f in found}
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    gone = collections.Counter()
    for key, row in judged.items():
        finding = produced.get(key)
        if finding is None:
            gone[row["verdict"]] += 1
            continue
        for group in (finding["rule"], f"  {finding['severity']}", "all"):
            counts[group][row["verdict"]] += 1
    by_rule = collections.Counter(f["rule"] for f in found)
    print(f"Findings on WMT21 MT output (10 systems): {len(found)}. Judged sample: {len(judged)} findings "
          f"(drawn with --draw, seed {args.seed}); {sum(gone.values())} of them no longer reported "
          f"({gone['real']} real, {gone['false']} false)")
    print(f"   {'rule':<10} {'all MT':>7} {'judged':>7} {'real':>5} {'false':>6} {'precision':>10}")
    groups = sorted(g for g in counts if g != "all" and not g.startswith(" "))
    for group in groups + sorted(g for g in counts if g.startswith(" ")) + ["all"]:
        real, false = counts[group]["real"], counts[group]["false"]
        total = by_rule.get(group, "") if group in by_rule else ""
        print(f"   {group:<10} {total!s:>7} {real + false:>7} {real:>5} {false:>6} {real / max(real + false, 1):>10.0%}")


if __name__ == "__main__":
    main()
