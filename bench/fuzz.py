"""The long fuzz run: --examples random hostile inputs through the library, no traceback, no hang.

Draws inputs from the hypothesis strategies of tests/hostile.py (mixed-script text,
number-heavy text, rare and control characters, astral and bidi characters, long runs,
raw bytes in many encodings) and checks each:

- ``text``: a (source, translation) pair through ``aligner.engine.check_texts``; no rule
  or stage may fail (``result.problems`` empty) and nothing may raise;
- ``bytes``: raw file bytes through ``aligner.io.decode``; only a one-line InputError may
  come out.

Each input has --timeout seconds (a hang counts as a failure). Prints the counts, the
slowest input's time and, for each failure, its kind and a repr of the input.

    nice python bench/fuzz.py [--examples 20000] [--seed 1] [--timeout 20]
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sys
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests"))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from aligner.engine import check_texts  # noqa: E402
from aligner.errors import InputError  # noqa: E402
from aligner.io import decode  # noqa: E402
from hostile import file_bytes, text_pair  # noqa: E402


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds allowed per input")
    args = parser.parse_args()
    signal.signal(signal.SIGALRM, _alarm)
    counts = {"text": 0, "bytes": 0}
    failures: list[str] = []
    slowest = (0.0, "")
    start = time.perf_counter()

    @settings(max_examples=args.examples, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(st.one_of(st.tuples(st.just("text"), text_pair()), st.tuples(st.just("bytes"), file_bytes())))
    def run(item):
        nonlocal slowest
        kind, value = item
        counts[kind] += 1
        began = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, args.timeout)
        try:
            if kind == "text":
                result = check_texts(*value)
                if result.problems:
                    failures.append(f"problem: {result.problems[0]} <- {value!r:.300}")
            else:
                try:
                    decode(value, "fuzz.txt")
                except InputError as error:
                    if "\n" in str(error):
                        failures.append(f"multi-line error: {error!r:.200}")
        except Hang:
            failures.append(f"hang (> {args.timeout:g} s) <- {value!r:.300}")
        except Exception as error:  # the point of the run: any traceback is a failure
            failures.append(f"{type(error).__name__}: {error} <- {value!r:.300}\n"
                            + "".join(traceback.format_exception(error)[-3:]))
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        took = time.perf_counter() - began
        if took > slowest[0]:
            slowest = (took, f"{kind} {value!r:.120}")
        done = counts["text"] + counts["bytes"]
        if done % 1000 == 0:
            print(f"  {done} inputs, {len(failures)} failures, {time.perf_counter() - start:.0f} s", flush=True)

    random.seed(args.seed)
    run()
    total = counts["text"] + counts["bytes"]
    print(f"inputs: {total} ({counts['text']} text pairs, {counts['bytes']} byte strings) "
          f"in {time.perf_counter() - start:.0f} s")
    print(f"slowest input: {slowest[0]:.2f} s ({slowest[1]})")
    print(f"failures (tracebacks, rule problems, hangs): {len(failures)}")
    for failure in failures[:20]:
        print("  " + failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
