"""Editor workflow figures: report size and speed, how many suggestions apply, what fixing changes.

Datasets: ``corpus/`` (the five founding texts with their Russian reconstructions) and,
held out, WMT22 ru→en documents written as a corpus folder (one paragraph per line):
Russian ``src`` against the human ``ref`` and against one MT system's ``hyp``.
For each: files, English sentences, findings, seconds for the check and for rendering
the HTML report, report size, findings with a suggestion, how many of those are replacement text (``aligner fix``
can apply them) vs advice, conflicts among them when all are accepted, and the
chrF/TER of the corrected English against the original (sacrebleu, corpus level).

    python bench/editor.py [DATA_DIR] [--system Online-B]
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from aligner.engine import check_directory
from aligner.fix import accept_rules, fix_document, replacement
from aligner.report import render_report
from aligner.score import score

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data"


def wmt_corpus(data: Path, folder: Path, side: str) -> Path:
    """Write WMT22 ru→en documents as folder/ru/ID.txt and folder/en/ID.txt."""
    for sub in ("ru", "en"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    with open(data / "wmt22-ruen-dev.jsonl", encoding="utf-8") as handle:
        for line in handle:
            doc = json.loads(line)
            english = doc["ref"] if side == "ref" else doc["hyp"][side]
            name = doc["id"].replace("/", "_") + ".txt"
            (folder / "ru" / name).write_text("\n".join(" ".join(p) for p in doc["src"]) + "\n", encoding="utf-8")
            (folder / "en" / name).write_text("\n".join(" ".join(p) for p in english) + "\n", encoding="utf-8")
    return folder


def measure(name: str, root: Path) -> dict:
    started = time.perf_counter()
    result = check_directory(str(root))
    checked = time.perf_counter()
    html = render_report(result.pairs, result.findings, rules=result.rules, signature=result.signature)
    rendered = time.perf_counter()
    suggested = [f for f in result.findings if f.suggestion is not None]
    replacements = [f for f in suggested if replacement(f) is not None]
    applied = conflicts = 0
    originals, corrected = [], []
    for pair in result.pairs:
        mine = [f for f in result.findings if f.path == pair.target.path]
        fixed = fix_document(pair.target, mine, accept_rules("all"))
        applied += len(fixed.applied)
        conflicts += len(fixed.conflicts)
        originals.append(pair.target.text)
        corrected.append(fixed.text)
    scores = {s.metric: s.score for s in score(corrected, originals, ("chrf", "ter")).corpus}
    return {"dataset": name, "files": len(result.pairs),
            "sentences": sum(len(p.target_sentences) for p in result.pairs),
            "findings": len(result.findings), "check_s": checked - started, "render_s": rendered - checked,
            "report_kb": len(html.encode()) / 1024,
            "suggested": len(suggested), "replacement": len(replacements),
            "advice": len(suggested) - len(replacements), "applied": applied, "conflicts": conflicts,
            "chrf": scores["chrf"], "ter": scores["ter"]}


def main(argv: list[str]) -> int:
    data = Path(argv[0]) if argv and not argv[0].startswith("--") else DEFAULT
    system = argv[argv.index("--system") + 1] if "--system" in argv else "Online-B"
    rows = [measure("corpus/", ROOT / "corpus")]
    if (data / "wmt22-ruen-dev.jsonl").exists():
        with tempfile.TemporaryDirectory() as tmp:
            rows.append(measure("wmt22 ref", wmt_corpus(data, Path(tmp) / "ref", "ref")))
            rows.append(measure(f"wmt22 {system}", wmt_corpus(data, Path(tmp) / "hyp", system)))
    else:
        print(f"(no {data / 'wmt22-ruen-dev.jsonl'}: corpus/ only)", file=sys.stderr)
    header = (f"{'dataset':<16}{'files':>6}{'sents':>7}{'finds':>7}{'check s':>8}{'html s':>7}{'KB':>6}{'KB/1k':>6}"
              f"{'sugg':>6}{'repl':>6}{'advice':>7}{'applied':>8}{'confl':>6}{'chrF':>8}{'TER':>6}")
    print(header)
    for r in rows:
        print(f"{r['dataset']:<16}{r['files']:>6}{r['sentences']:>7}{r['findings']:>7}{r['check_s']:>8.2f}"
              f"{r['render_s']:>7.3f}{r['report_kb']:>6.0f}{r['report_kb'] * 1000 / max(r['sentences'], 1):>6.0f}"
              f"{r['suggested']:>6}{r['replacement']:>6}{r['advice']:>7}{r['applied']:>8}{r['conflicts']:>6}"
              f"{r['chrf']:>8.2f}{r['ter']:>6.2f}")
    print("check s: aligner check; html s: render_report; sentences: English; KB/1k: report size per 1000 English sentences; repl: suggestions that are "
          "replacement text; applied/confl: with --accept all; chrF/TER: corrected vs original (sacrebleu)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
