"""CLQ001 bench: false alarms on clean English, and what it raises on MT output.

Runs the real engine (``aligner.engine.check_texts`` with only CLQ001 selected) on:

1. WMT22 ru-en dev: every document's human reference with its Russian source, each
   paragraph's sentences joined into one line (the same on both sides). Every finding
   here counts as a false alarm unless ``--show`` inspection says otherwise.
2. WMT22 en-ru: original English (with its Russian translation as the source), in
   documents of 50 segments, one segment a line. Findings here are false alarms too.
3. The dev set's MT systems (``hyp``), each checked against the Russian source: not
   false alarms but what the rule raises on machine output (``--show`` prints them).
4. The project's ``corpus/`` (English renderings with garbles, Russian reconstructions):
   the seed garbles the table was started from, so a recall check, not held-out data.

Figures are findings per 1000 English sentences (the engine's own sentence count).

    python bench/calques.py [--ruen FILE] [--enru FILE] [--show]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from aligner.config import Config
from aligner.engine import check_texts

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
CORPUS = Path(__file__).resolve().parents[1] / "corpus"
CONFIG = Config(select=("CLQ001",))
CHUNK = 50


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def as_text(paragraphs: list[list[str]]) -> str:
    return "\n".join(" ".join(sentence for sentence in paragraph if sentence) for paragraph in paragraphs) + "\n"


def run(pairs: list[tuple[str, str, str]], label: str, show: bool) -> tuple[int, int]:
    """(findings, English sentences) over (name, ru, en) pairs; prints findings with --show."""
    findings = sentences = 0
    for name, ru, en in pairs:
        result = check_texts(ru, en, CONFIG)
        sentences += result.summary()["sentences"]
        findings += len(result.findings)
        if show:
            for finding in result.findings:
                print(f"  [{label}] {name}:{finding.line}:{finding.column} {finding.text!r} -> "
                      f"{finding.suggestion!r}\n      en: {_sentence(result, finding)}", file=sys.stderr)
    return findings, sentences


def _sentence(result, finding) -> str:
    for sentence in result.pairs[0].target_sentences:
        if sentence.start <= finding.start < sentence.end:
            return sentence.text[:200]
    return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ruen", type=Path, default=SHARED / "wmt22-ruen-dev.jsonl")
    parser.add_argument("--enru", type=Path, default=SHARED / "wmt22-enru.jsonl")
    parser.add_argument("--show", action="store_true", help="print every finding to stderr")
    args = parser.parse_args(argv)
    dev = load(args.ruen)
    enru = load(args.enru)
    rows = []
    references = [(d["id"], as_text(d["src"]), as_text(d["ref"])) for d in dev]
    rows.append(("ru-en dev references (false alarms)", *run(references, "ref", args.show)))
    chunks = [enru[i:i + CHUNK] for i in range(0, len(enru), CHUNK)]
    originals = [(f"enru-{i * CHUNK + 1}", "".join(s["ru"] + "\n" for s in chunk),
                  "".join(s["en"] + "\n" for s in chunk)) for i, chunk in enumerate(chunks)]
    rows.append(("en-ru original English (false alarms)", *run(originals, "enru", args.show)))
    rows.append(("both clean sets (false alarms)", rows[0][1] + rows[1][1], rows[0][2] + rows[1][2]))
    systems = sorted({system for d in dev for system in d.get("hyp", {})})
    mt_findings = mt_sentences = 0
    for system in systems:
        outputs = [(d["id"], as_text(d["src"]), as_text(d["hyp"][system])) for d in dev if system in d["hyp"]]
        found, counted = run(outputs, system, args.show)
        rows.append((f"  MT {system}", found, counted))
        mt_findings += found
        mt_sentences += counted
    rows.append(("ru-en dev MT output, all systems", mt_findings, mt_sentences))
    corpus = [(path.name, (CORPUS / "ru" / path.name).read_text("utf-8"), path.read_text("utf-8"))
              for path in sorted((CORPUS / "en").glob("*.txt"))]
    rows.append(("corpus/ seed garbles (not held out)", *run(corpus, "corpus", args.show)))
    print(f"{'data':44} {'findings':>8} {'sentences':>9} {'per 1000':>8}")
    for label, found, counted in rows:
        print(f"{label:44} {found:8d} {counted:9d} {1000 * found / max(counted, 1):8.2f}")
    print("goal: at most 0.50 per 1000 on the false-alarm lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
