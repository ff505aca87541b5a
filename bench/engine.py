"""QA engine speed: where the time of `aligner check` goes on 10 MB of English with its source.

Builds a corpus-shaped folder (DIR/en/X, DIR/ru/X) from the WMT22 dev bitext: the
documents' human references and Russian sources, a few sentences per line as real
files are, concatenated into files of about 100 KB of English and repeated until the
English side reaches --mb megabytes. Then prints the engine's own time by stage
(read, segment, align, each rule with its corpus-wide part) for an in-process
check_directory run, each output format, and the whole command
`aligner check DIR --format json` in a fresh process (seconds, peak RSS).
Goal from issue 4: 10 MB of English with its source in < 60 s on one core.

    python bench/engine.py [--mb 10] [--data PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "wmt22-ruen-dev.jsonl"
FILE_BYTES = 100_000


def paragraphs(sentences: list[str], rng: random.Random) -> list[str]:
    """Sentences joined a few to a line (1-4), as in real files."""
    lines, index = [], 0
    while index < len(sentences):
        size = rng.randint(1, 4)
        lines.append(" ".join(sentences[index:index + size]))
        index += size
    return lines


def build_corpus(data: Path, folder: Path, megabytes: float) -> tuple[int, int]:
    """Write DIR/en and DIR/ru; returns (files, English bytes)."""
    rng = random.Random(4)
    documents = [json.loads(line) for line in data.open(encoding="utf-8")]
    (folder / "en").mkdir(parents=True)
    (folder / "ru").mkdir()
    target = int(megabytes * 1_000_000)
    written = files = 0
    en_lines: list[str] = []
    ru_lines: list[str] = []
    while written < target:
        for document in documents:
            for src, ref in zip(document["src"], document["ref"]):
                seed = rng.random()
                ru_lines += paragraphs(src, random.Random(seed))
                en_lines += paragraphs(ref, random.Random(seed))
                ru_lines.append("")
                en_lines.append("")
            size = len("\n".join(en_lines).encode("utf-8"))
            if size >= FILE_BYTES or written + size >= target:
                name = f"doc{files:04d}.txt"
                (folder / "en" / name).write_text("\n".join(en_lines), encoding="utf-8")
                (folder / "ru" / name).write_text("\n".join(ru_lines), encoding="utf-8")
                written += size
                files += 1
                en_lines, ru_lines = [], []
                if written >= target:
                    break
    return files, written


def timed_stages(folder: Path) -> tuple[dict, int, int]:
    """Seconds by stage of an in-process check_directory run (the engine's own timings),
    plus each output format; also the number of findings and English sentences."""
    from aligner.engine import check_directory
    from aligner.output import FINDINGS_FORMATS, render

    start = time.perf_counter()
    result = check_directory(str(folder))
    seconds = dict(result.timings)
    seconds["check_directory (all of the above)"] = time.perf_counter() - start
    for output_format in FINDINGS_FORMATS:
        start = time.perf_counter()
        render(result, output_format)
        seconds[f"render {output_format}"] = time.perf_counter() - start
    return seconds, len(result.findings), result.summary()["sentences"]


def whole_command(folder: Path) -> tuple[float, float, int]:
    """Seconds, peak RSS (MB) and exit code of `aligner check DIR` in a fresh process."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "aligner", "check", str(folder), "--format", "json",
                           "-o", os.devnull], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if done.returncode == 2:
        sys.exit(f"aligner check failed: {done.stderr.strip()}")
    return elapsed, peak, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=10.0, help="megabytes of English (default 10)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="wmt22-ruen-dev.jsonl")
    args = parser.parse_args()
    if not args.data.is_file():
        sys.exit(f"no data at {args.data} (give --data)")
    from aligner.engine import signature
    from aligner.config import Config

    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "corpus"
        files, english = build_corpus(args.data, folder, args.mb)
        seconds, findings, sentences = timed_stages(folder)
        elapsed, peak, code = whole_command(folder)
    mb = english / 1_000_000
    print(f"corpus: {files} files, {mb:.1f} MB English ({sentences} sentences) with Russian sources; "
          f"{findings} findings")
    print(f"{'stage':<34} {'seconds':>8} {'MB/s':>8}")
    for stage, value in seconds.items():
        print(f"{stage:<34} {value:>8.2f} {mb / value if value else float('inf'):>8.3g}")
    print(f"{'aligner check DIR (fresh process)':<34} {elapsed:>8.2f} {mb / elapsed:>8.3g}"
          f"   peak RSS {peak:.0f} MB, exit {code}; goal < 60 s for 10 MB")
    from aligner.checks import all_rules

    print("signature:", signature(Config(), list(all_rules().values())))


if __name__ == "__main__":
    main()
