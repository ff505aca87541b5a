"""Remake the alignment lexicon and its sentencepiece back-off from the WMT bitext.

Reads every collection of ``aligner.align.bitext`` (WMT22 dev, WMT22 en->ru, WMT21 with
both references; human references and every MT system's output) from
``../shared/data`` (or ``--data``) and writes the learned Russian->English stem table
``align_lexicon.tsv``, the joint sentencepiece model ``align_pieces.model`` and the
piece table ``align_pieces.tsv`` (see ``aligner.align.learn``) into ``aligner/data``
(or ``--output-dir``). ``--exclude COLLECTION`` leaves a collection out (the bench
learns its leave-one-collection-out lexicons this way); ``--references-only`` leaves
the MT outputs out.

    python scripts/build_align_data.py [--data DIR] [--output-dir DIR] [--exclude NAME]...
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from aligner.align.bitext import COLLECTIONS, default_data, groups_without
from aligner.align.learn import learn_with_pieces, write_lexicon

ROOT = Path(__file__).resolve().parents[1]

DEFAULT_DATA = default_data(ROOT)
DEFAULT_OUTPUT = ROOT / "aligner" / "data"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--output-dir", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--exclude", action="append", default=[], choices=COLLECTIONS)
    parser.add_argument("--references-only", action="store_true")
    args = parser.parse_args()
    used = [name for name in COLLECTIONS if name not in args.exclude]
    groups = groups_without(args.data, tuple(args.exclude), systems=not args.references_only)
    lexicon = learn_with_pieces(groups)
    what = "human references" + ("" if args.references_only else " and every system's output")
    source = (f"# from {len(groups)} segments of {', '.join(used)} ({what});\n"
              "# see align_lexicon.md.\n")
    write_lexicon(lexicon, args.output_dir, source)
    print(f"{args.output_dir}: {len(lexicon.entries)} stem entries, {sum(map(bool, lexicon.pieces.values()))} piece entries",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
