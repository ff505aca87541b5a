"""QA engine speed and memory: `aligner check` on 10 and 50 MB, serially, on 2 processes, on Dask.

Builds a corpus-shaped folder (DIR/en/X, DIR/ru/X) from the WMT22 dev bitext: the
documents' human references and Russian sources, a few sentences per line as real
files are, concatenated into files of about 100 KB of English and repeated until the
English side reaches each --mb size. Then runs the whole command
`aligner check DIR --format json` in a fresh process per mode:

- serial: `--jobs 1`; jobs 2: `--jobs 2` (a process pool); dask: `--dask local --jobs 2`
  (a LocalCluster of two worker processes on 127.0.0.1);

and prints per mode wall seconds, CPU seconds of the whole process tree, peak RSS of the
main process and of the largest worker (sampled every 0.1 s with psutil), seconds per MB,
and whether the JSON findings are byte-identical to the serial run's. The machine is
shared: the load average before and after each run is printed with it; run under `nice`.
Goals from issue 13: 10 MB in < 25 s wall with --jobs 2; 50 MB with peak memory per
process < 600 MB and time linear in size; Dask findings identical to serial.
With --stages, also the engine's own CPU seconds by stage (read, segment, align, each
rule) of an in-process serial run on the first size; with --overhead, what docs/scale.md
projects from: Dask start-up, per-task round trip, bytes sent back per MB.

    nice python bench/engine.py [--mb 10 50] [--modes serial jobs2 dask] [--stages [--warm]]
                                [--overhead] [--data PATH]
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
import tracemalloc
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


def timed_stages(folder: Path, warm: bool = False) -> tuple[dict, int, int]:
    """CPU seconds by stage of an in-process serial check_directory run (the engine's own
    stage timings, its clock read as this process's CPU clock: wall seconds mean little on
    a shared machine), plus each output format; also the number of findings and English
    sentences. The process is set up as the CLI's (aligner.parallel.tune_process); with
    ``warm``, the repository's corpus/ is checked first, so that the models' and tables'
    first loads (a one-off per process) are not counted."""
    from aligner.engine import check_directory
    from aligner.output import FINDINGS_FORMATS, render
    from aligner.parallel import tune_process

    tune_process()
    if warm:
        check_directory(str(Path(__file__).resolve().parents[1] / "corpus"), jobs=1)
    wall_clock, time.perf_counter = time.perf_counter, time.process_time
    try:
        start = time.process_time()
        result = check_directory(str(folder), jobs=1)
        seconds = dict(result.timings)
        seconds["check_directory (all of the above)"] = time.process_time() - start
        for output_format in FINDINGS_FORMATS:
            start = time.process_time()
            render(result, output_format)
            seconds[f"render {output_format}"] = time.process_time() - start
    finally:
        time.perf_counter = wall_clock
    return seconds, len(result.findings), result.summary()["sentences"]


MODES = {"serial": ["--jobs", "1"], "jobs2": ["--jobs", "2"], "dask": ["--dask", "local", "--jobs", "2"]}


def run_mode(folder: Path, mode: str, output: Path) -> dict:
    """Wall and CPU seconds, peak RSS (MB) of the main process and of the largest other
    process of its tree, and the exit code of `aligner check DIR` in ``mode``."""
    import psutil

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]
    start = time.perf_counter()
    process = psutil.Popen([sys.executable, "-m", "aligner", "check", str(folder), "--format", "json",
                            "-o", str(output), *MODES[mode]], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True)
    peaks: dict[int, float] = {}
    while process.poll() is None:
        try:
            tree = [process] + process.children(recursive=True)
        except psutil.Error:
            tree = [process]
        for member in tree:
            try:
                peaks[member.pid] = max(peaks.get(member.pid, 0.0), member.memory_info().rss / 2**20)
            except psutil.Error:
                pass
        time.sleep(0.1)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    stderr = process.stderr.read()
    if process.returncode == 2:
        sys.exit(f"aligner check {mode} failed: {stderr.strip()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    main_peak = peaks.pop(process.pid, 0.0)
    return {"wall": wall, "cpu": cpu, "main": main_peak, "worker": max(peaks.values(), default=0.0),
            "processes": 1 + len(peaks), "load": (load, os.getloadavg()[0])}


def _noop(item: int) -> int:
    return item


def scheduler_overhead(folder: Path, tasks: int = 200) -> dict:
    """Dask LocalCluster (2 workers) start-up seconds, milliseconds per task round trip
    (a no-op mapped through aligner.parallel, 4 in flight per worker), and the pickled size
    of what `aligner check` workers send back (light pairs, findings, summaries) for
    ``folder``'s documents: what would cross the network per document on a cluster."""
    import pickle

    from aligner.config import Config
    from aligner.documents import DocumentTask, check_document, reduce_corpus
    from aligner.engine import pair_options
    from aligner.parallel import DaskExecutor

    start = time.perf_counter()
    with DaskExecutor("local", 2) as backend:
        started = time.perf_counter() - start
        list(backend.map(_noop, range(20)))  # warm
        begin = time.perf_counter()
        list(backend.map(_noop, range(tasks)))
        per_task = (time.perf_counter() - begin) / tasks
    config = Config()
    codes, options = tuple(config.enabled_codes()), pair_options(config)
    sent = []
    for name in sorted(os.listdir(folder / "en")):
        task = DocumentTask(str(folder / "en" / name), str(folder / "ru" / name), codes, options,
                            None, keep_pair=False)
        sent.append(pickle.dumps(check_document(task)))
    tracemalloc.start()
    results = [pickle.loads(data) for data in sent]  # what the main process holds until the reduce
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    begin = time.process_time()
    reduce_corpus(results, codes)
    reduce = time.process_time() - begin
    by_rule = {code: sum(len(pickle.dumps(result.summaries[code])) for result in results)
               for code in results[0].summaries}
    return {"start": started, "task_ms": per_task * 1000, "bytes": sum(map(len, sent)), "held": held,
            "reduce": reduce, "by_rule": by_rule}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[10.0, 50.0],
                        help="megabytes of English (default 10 50)")
    parser.add_argument("--modes", nargs="+", choices=list(MODES), default=list(MODES))
    parser.add_argument("--stages", action="store_true", help="also seconds by stage (in-process, serial)")
    parser.add_argument("--warm", action="store_true",
                        help="with --stages: check corpus/ first, so first loads of models are not counted")
    parser.add_argument("--overhead", action="store_true",
                        help="also Dask start-up, per-task overhead and bytes sent back per MB (first size)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="wmt22-ruen-dev.jsonl")
    args = parser.parse_args()
    if not args.data.is_file():
        sys.exit(f"no data at {args.data} (give --data)")
    print(f"machine: {os.cpu_count()} cores; load average before: {os.getloadavg()[0]:.1f}")
    print(f"{'MB':>5} {'mode':<7} {'wall s':>7} {'CPU s':>7} {'s/MB':>6} {'main MB':>8} {'worker MB':>9} "
          f"{'procs':>5} {'findings':>9} {'identical':>9}  load avg")
    for megabytes in args.mb:
        with tempfile.TemporaryDirectory() as temp:
            folder = Path(temp) / "corpus"
            files, english = build_corpus(args.data, folder, megabytes)
            mb = english / 1_000_000
            reference = None
            for mode in args.modes:
                output = Path(temp) / f"{mode}.json"
                figures = run_mode(folder, mode, output)
                data = output.read_bytes()
                reference = reference if reference is not None else data
                findings = len(json.loads(data)["findings"])
                print(f"{mb:>5.1f} {mode:<7} {figures['wall']:>7.1f} {figures['cpu']:>7.1f} "
                      f"{figures['wall'] / mb:>6.2f} {figures['main']:>8.0f} {figures['worker']:>9.0f} "
                      f"{figures['processes']:>5} {findings:>9} {str(data == reference):>9}  "
                      f"{figures['load'][0]:.1f} -> {figures['load'][1]:.1f}", flush=True)
            if args.overhead and megabytes == args.mb[0]:
                cost = scheduler_overhead(folder)
                print(f"dask LocalCluster: start {cost['start']:.1f} s, {cost['task_ms']:.1f} ms per task "
                      f"round trip; workers send back {cost['bytes'] / mb / 1e6:.2f} MB per MB of English "
                      f"({cost['bytes'] / files / 1e3:.0f} KB per 100 KB file; summaries by rule, MB per MB: "
                      + ", ".join(f"{code} {size / mb / 1e6:.2f}" for code, size in cost["by_rule"].items())
                      + f"); the main process holds {cost['held'] / mb / 1e6:.1f} MB per MB until the "
                      f"reduce, which takes {cost['reduce'] / mb:.2f} CPU s per MB", flush=True)
            if args.stages and megabytes == args.mb[0]:
                seconds, findings, sentences = timed_stages(folder, args.warm)
                print(f"CPU seconds by stage of an in-process serial run ({files} files, {sentences} "
                      f"sentences; per MB of English in the second column):")
                for stage, value in sorted(seconds.items(), key=lambda item: -item[1]):
                    print(f"  {stage:<34} {value:>8.2f} {value / mb:>8.2f}")
    from aligner.checks import all_rules
    from aligner.config import Config
    from aligner.signature import signature

    print("signature:", signature(Config(), list(all_rules().values())))


if __name__ == "__main__":
    main()
