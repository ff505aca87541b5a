"""Speed of the entity and name rules (NAM, ENT, TRM, ACR) on a large bilingual document.

Builds one English document and its Russian source by concatenating the human
references and sources of ``wmt22-ruen-dev.jsonl`` (and, when present, the English
originals and Russian translations of ``wmt22-enru.jsonl``), a few sentences to a line,
repeated until the English reaches ``--size`` bytes (default 1 MB); segments and aligns
it once, then runs every rule (``--rules`` prefixes, default the issue-5 ones) and prints
the CPU seconds each took ("(bodies)": the analysis the body rules share, run first). Goal (issue 4): 10 MB checked by all rules in < 60 s, so each
of these rules should stay well under 1 s per MB.

    python bench/entities_speed.py [--size BYTES] [--rules PREFIXES] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aligner.checks import all_rules  # noqa: E402
from aligner.config import Config  # noqa: E402
from aligner.engine import build_pair, pair_options  # noqa: E402
from aligner.io import read_document  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
PER_LINE = 3  # sentences to a line


def _lines(ru_paragraphs: list[list[str]], en_paragraphs: list[list[str]]):
    for ru, en in zip(ru_paragraphs, en_paragraphs):
        for i in range(0, max(len(ru), len(en)), PER_LINE):
            ru_line, en_line = " ".join(ru[i:i + PER_LINE]), " ".join(en[i:i + PER_LINE])
            if ru_line and en_line:
                yield ru_line, en_line


def build_texts(size: int, ruen: Path, enru: Path) -> tuple[str, str]:
    """(Russian, English) texts with one line of a few sentences each, English >= size bytes."""
    documents = [json.loads(line) for line in open(ruen, encoding="utf-8")]
    paragraphs = [(d["src"], d["ref"]) for d in documents]
    if enru.is_file():
        rows = [json.loads(line) for line in open(enru, encoding="utf-8")]
        paragraphs += [([[r["ru"] for r in rows[i:i + PER_LINE]]], [[r["en"] for r in rows[i:i + PER_LINE]]])
                       for i in range(0, len(rows), PER_LINE)]
    ru_lines, en_lines, length = [], [], 0
    while length < size:
        for ru, en in paragraphs:
            for ru_line, en_line in _lines(ru, en):
                ru_lines.append(ru_line)
                en_lines.append(en_line)
                length += len(en_line.encode("utf-8")) + 1
            if length >= size:
                break
    return "\n".join(ru_lines) + "\n", "\n".join(en_lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="English bytes (default 1 MB)")
    parser.add_argument("--rules", default="NAM,ENT,TRM,ACR", help="rule code prefixes, or 'all'")
    parser.add_argument("--data", type=Path, default=SHARED / "wmt22-ruen-dev.jsonl")
    parser.add_argument("--enru", type=Path, default=SHARED / "wmt22-enru.jsonl")
    parser.add_argument("--keep", type=Path, help="also write the documents here as en and ru")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"entities_speed: no data at {args.data}", file=sys.stderr)
        return 2
    ru_text, en_text = build_texts(args.size, args.data, args.enru)
    with tempfile.TemporaryDirectory() as folder:
        out = args.keep or Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        (out / "en").write_text(en_text, encoding="utf-8")
        (out / "ru").write_text(ru_text, encoding="utf-8")
        config = Config()
        began = time.process_time()
        pair = build_pair(read_document(str(out / "en")), read_document(str(out / "ru")),
                          options=pair_options(config))
        prepare = time.process_time() - began
    prefixes = None if args.rules == "all" else tuple(args.rules.split(","))
    rules = [r for code, r in sorted(all_rules().items()) if prefixes is None or code.startswith(prefixes)]
    sentences = len(pair.target_sentences)
    print(f"entities speed: {len(en_text.encode('utf-8')) / 1e6:.2f} MB English, {sentences} sentences; "
          f"segment + align {prepare:.1f} s CPU")
    print(f"{'rule':<8}{'findings':>10}{'seconds':>10}{'s per MB':>10}")
    megabytes = len(en_text.encode("utf-8")) / 1e6
    began = time.process_time()
    pair.facts.bodies  # shared by the body rules (ENT, TRM, ACR): timed once, on its own
    total = time.process_time() - began
    print(f"{'(bodies)':<8}{'':>10}{total:>10.2f}{total / megabytes:>10.2f}")
    for rule in rules:
        began = time.process_time()
        found = list(rule.check(pair))
        if rule.check_corpus is not None:
            found += list(rule.check_corpus([rule.summarize(pair)]))
        seconds = time.process_time() - began
        total += seconds
        print(f"{rule.code:<8}{len(found):>10}{seconds:>10.2f}{seconds / megabytes:>10.2f}")
    print(f"{'all':<8}{'':>10}{total:>10.2f}{total / megabytes:>10.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
