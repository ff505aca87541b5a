"""Calibrate the length-mismatch rule (LEN001, and OMI001's fragment test) on clean bitext.

Model (Gale & Church 1993, in characters): for a bead with ``r`` Russian and ``e``
English characters, ``delta = (e - c*r) / sqrt(s2 * r)`` where ``c`` is the English
characters per Russian character and ``s2`` the variance per Russian character, both
fitted on human 1-1 segment pairs (``aligner.checks._beads.fit_length_model``). The
thresholds are the ``--rate`` and ``1 - --rate`` quantiles of delta on the same pairs
(too long measured with the source's abbreviations spelt out, as LEN001 does).

By default it fits on every clean collection in ``../shared/data`` (WMT21 ru-en refs A
and B, WMT22 ru-en dev, WMT22 en-ru with the Russian as source) and writes
``aligner/data/length_model.tsv``; ``--output FILE`` writes a table for the LEN001
option ``model`` instead (a user's own domain). ``bench/false_alarms.py --loo`` refits it
leaving each collection out.

    python scripts/calibrate_lengths.py [--data FILE ...] [--rate 0.001] [--output FILE] [--dry-run]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from aligner.checks._beads import fit_length_model

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((p for p in (ROOT.parent / "shared" / "data", ROOT.parents[1] / "shared" / "data")
               if p.is_dir()), ROOT.parent / "shared" / "data")
DEFAULT_DATA = [SHARED / "wmt21-ruen.jsonl", SHARED / "wmt22-ruen-dev.jsonl", SHARED / "wmt22-enru.jsonl"]
OUTPUT = ROOT / "aligner" / "data" / "length_model.tsv"
RATE = 0.001


def pairs(path: Path) -> list[tuple[str, str]]:
    """Human (Russian, English) segment pairs of a WMT jsonl file (refs A and B; en-ru reversed)."""
    found = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            document = json.loads(line)
            if "en" in document and "ru" in document:  # en-ru: one segment per line
                found.append((document["ru"], document["en"]))
                continue
            for field in ("ref", "ref_b"):
                for ru_paragraph, en_paragraph in zip(document["src"], document.get(field) or ()):
                    found.extend((r, e) for r, e in zip(ru_paragraph, en_paragraph) if r.strip() and e.strip())
    return found


def table(model: dict, names: list[str], count: int, rate: float) -> str:
    rows = [("ratio", f"{model['ratio']:.4f}", "English characters per Russian character"),
            ("variance", f"{model['variance']:.4f}", "variance of the length difference per Russian character"),
            ("too_short", f"{model['too_short']:.1f}", f"delta below this is reported (quantile {rate})"),
            ("too_long", f"{model['too_long']:.1f}",
             f"delta above this (abbreviations spelt out) is reported (quantile {1 - rate})"),
            ("min_chars", "20", "beads whose shorter side has fewer characters are not judged")]
    return "".join([
        "# Length model for LEN001 (and the omission rules), written by scripts/calibrate_lengths.py.\n",
        f"# Fitted on {count} human 1-1 segment pairs of {', '.join(names)}\n",
        "# (WMT21 ru-en refs A and B, WMT22 ru-en dev, WMT22 en-ru reversed: news, e-commerce,\n",
        "# social, conversation, TED); bench/false_alarms.py --loo refits it leaving each out.\n",
        "# delta = (en_chars - ratio * ru_chars) / sqrt(variance * ru_chars)  (Gale & Church 1993)\n",
        "name\tvalue\tnote\n",
        *("\t".join(row) + "\n" for row in rows)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, nargs="+", default=DEFAULT_DATA)
    parser.add_argument("--rate", type=float, default=RATE,
                        help="share of clean segments allowed beyond each threshold")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--dry-run", action="store_true", help="print, do not write the table")
    args = parser.parse_args()
    data = [pair for path in args.data for pair in pairs(path)]
    text = table(fit_length_model(data, args.rate), [p.name for p in args.data], len(data), args.rate)
    print(text, end="")
    if not args.dry_run:
        args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
