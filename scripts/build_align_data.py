"""Remake the alignment lexicon and its sentencepiece back-off from the WMT22 bitext.

Reads ``wmt22-ruen-dev.jsonl`` (Russian source, English reference and ten systems'
English outputs) and ``wmt22-enru.jsonl`` (English source, Russian reference and
eleven systems' Russian outputs) from ``../shared/data`` (or ``--data``) and writes
the learned Russian->English stem table ``align_lexicon.tsv``, the joint sentencepiece
model ``align_pieces.model`` and the piece table ``align_pieces.tsv`` (see
``aligner.align.learn``) into ``aligner/data`` (or ``--output-dir``).

    python scripts/build_align_data.py [--data DIR] [--output-dir DIR]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from aligner.align.learn import dev_groups, enru_groups, learn_with_pieces, lexicon_lines, load_dev
from aligner.align.lexicon import LEXICON_FILE, PIECE_LEXICON_FILE, PIECE_MODEL_FILE

ROOT = Path(__file__).resolve().parents[1]

DEFAULT_DATA = ROOT.parent / "shared" / "data"
DEFAULT_OUTPUT = ROOT / "aligner" / "data"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--output-dir", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args()
    groups = list(enru_groups(args.data)) + list(dev_groups(load_dev(args.data)))
    lexicon = learn_with_pieces(groups)
    source = (f"# from {len(groups)} WMT22 segments (wmt22-enru and wmt22-ruen-dev, references and\n"
              "# system outputs); see align_lexicon.md.\n")
    stems = args.output_dir / LEXICON_FILE
    stems.write_text("# Russian lemma stem -> English stems, learned by scripts/build_align_data.py\n"
                     + source + "".join(lexicon_lines(lexicon)), encoding="utf-8")
    pieces = args.output_dir / PIECE_LEXICON_FILE
    pieces.write_text(f"# Russian word-initial piece -> English pieces ({PIECE_MODEL_FILE}), learned by\n"
                      "# scripts/build_align_data.py\n" + source
                      + "".join(f"{ru}\t{' '.join(en)}\n" for ru, en in sorted(lexicon.pieces.items()) if en),
                      encoding="utf-8")
    (args.output_dir / PIECE_MODEL_FILE).write_bytes(lexicon.segmenter.model)
    print(f"{stems}: {len(lexicon.entries)} entries; {pieces}: {sum(map(bool, lexicon.pieces.values()))} entries",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
