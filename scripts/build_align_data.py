"""Remake the alignment lexicon ``aligner/data/align_lexicon.tsv`` from the WMT22 bitext.

Reads ``wmt22-ruen-dev.jsonl`` (Russian source, English reference and ten systems'
English outputs) and ``wmt22-enru.jsonl`` (English source, Russian reference and
eleven systems' Russian outputs) from ``../shared/data`` (or ``--data``) and writes
the learned Russian->English stem table (see ``aligner.align.learn``).

    python scripts/build_align_data.py [--data DIR] [--output FILE]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from aligner.align.learn import dev_groups, enru_groups, learn_lexicon, lexicon_lines, load_dev

ROOT = Path(__file__).resolve().parents[1]

DEFAULT_DATA = ROOT.parent / "shared" / "data"
DEFAULT_OUTPUT = ROOT / "aligner" / "data" / "align_lexicon.tsv"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args()
    groups = list(enru_groups(args.data)) + list(dev_groups(load_dev(args.data)))
    lexicon = learn_lexicon(groups)
    header = [
        "# Russian lemma stem -> English stems, learned by scripts/build_align_data.py\n",
        f"# from {len(groups)} WMT22 segments (wmt22-enru and wmt22-ruen-dev, references and\n",
        "# system outputs); see align_lexicon.md.\n",
    ]
    args.output.write_text("".join(header + lexicon_lines(lexicon)), encoding="utf-8")
    print(f"{args.output}: {len(lexicon.entries)} entries", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
