"""Time of `check` on one long line with no sentence break, by kind of text and by stage.

A file that is one huge line (a pasted web page, a CSV export, a table flattened to
text) is a single sentence for every rule, so anything quadratic in the sentence
length shows here first. For each kind of line (numbers, names, acronyms, stray
letters, mixed scripts, brackets ...) it checks an English line of N and 4N characters
with a Russian line of the same kind as its source, and prints each stage's seconds and
its growth ratio (4 when linear, 16 when quadratic). Stages over --limit are marked.
Times are CPU seconds of this process (the machine is shared; wall time would count the others).
Then it checks the bundled corpus as one line of --big / 8 and --big MB (with its
Russian source as one line too) and prints the throughput and the growth.

    nice python bench/longline.py [--size 100000] [--big 50] [--limit 6]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from aligner.engine import check_texts  # noqa: E402

# (Russian unit, English unit) repeated to the wanted length, without . ! ? or newlines.
KINDS = {
    "numbers": ("12 345, 6,7 млн, 1990-х, в 15:15, 5 марта 2010 года, 1,2,3, двадцать пять, ",
                "12,345, 6.7 million, the 1990s, at 3:15 p.m., March 5, 2010, 1,2,3, twenty-five, "),
    "names": ("Чжан Мин встретился с Чжан Мином, Иваном Петровым и Сергеем Лавровым в Москве, ",
              "Zhang Ming met Zhang Min, Ivan Petrov and Sergei Lavrov in Moscow, "),
    "acronyms": ("ОДКБ, КТУ ООН, ШОС, НАТО и МИД России (Министерство иностранных дел), ",
                 "ODKB, UN KTU, SCO, NATO and the MFA of Russia (Ministry of Foreign Affairs), "),
    "bodies": ("Совет Безопасности ООН и Управление ООН по координации гуманитарных вопросов, ",
               "the UN Security Council and the Office for the Coordination of Terrorism, "),
    "stray": ("а также мир, ", "a apple b ball the the United Nations Charter Nations x x-ray, "),
    "brackets": ("«кавычки» (скобки) [и] ещё «одни, ", "“quotes” (brackets) [and] more “ones, ( ] "),
    "mixed": ("Привет 1 2 3 WHO ВОЗ Zhang Мин 中文 \u202eRLO\u202c 𗀀 ", "Hello 1 2 3 WНO Zhang Min 中文 \u202eRLO\u202c 𗀀 "),
    "caps": ("СОВЕТ БЕЗОПАСНОСТИ ОРГАНИЗАЦИИ ОБЪЕДИНЕННЫХ НАЦИЙ ", "SECURITY COUNCIL OF THE UNITED NATIONS "),
}


def line(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def timed_check(ru_text: str, en_text: str) -> tuple[float, dict]:
    start = time.process_time()
    result = check_texts(ru_text, en_text)
    if result.problems:
        raise SystemExit(f"a rule or stage failed: {result.problems[0]}")
    return time.process_time() - start, result.timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=100_000, help="the shorter line, in characters")
    parser.add_argument("--big", type=float, default=50, help="MB of the one big line (0 to skip)")
    parser.add_argument("--limit", type=float, default=6.0, help="growth ratio marked as superlinear")
    parser.add_argument("--kinds", default=",".join(KINDS))
    args = parser.parse_args()
    timed_check("Привет 1", "Hello 1")  # load tables and models once
    worst = 0.0
    for kind in args.kinds.split(","):
        ru, en = KINDS[kind]
        small_total, small = timed_check(line(ru, args.size), line(en, args.size))
        large_total, large = timed_check(line(ru, 4 * args.size), line(en, 4 * args.size))
        ratio = large_total / max(small_total, 1e-9)
        worst = max(worst, ratio)
        print(f"{kind:9} {args.size} chars {small_total:6.2f} s, x4 {large_total:6.2f} s: ratio {ratio:.1f}")
        for stage in sorted(large, key=lambda s: -large[s])[:6]:
            stage_ratio = large[stage] / max(small.get(stage, 0.0), 1e-3)
            mark = "  <-- superlinear" if stage_ratio > args.limit and large[stage] > 0.2 else ""
            print(f"    {stage:14} {small.get(stage, 0.0):6.2f} -> {large[stage]:6.2f} s{mark}")
    print(f"worst growth ratio for 4x the length: {worst:.1f} (linear 4, quadratic 16)")
    if args.big:
        english, russian = corpus_line("en"), corpus_line("ru")
        previous = None
        for megabytes in (args.big / 8, args.big):
            size = int(megabytes * 1_000_000)
            total, timings = timed_check(line(russian, size), line(english, size))
            rate = megabytes / total
            growth = f", {total / previous:.1f} times the time of 1/8 of it" if previous else ""
            print(f"one line of {megabytes:g} MB with its source: {total:.1f} s ({rate:.2f} MB/s{growth})")
            for stage in sorted(timings, key=lambda s: -timings[s])[:5]:
                print(f"    {stage:14} {timings[stage]:6.2f} s")
            previous = total


def corpus_line(language: str) -> str:
    """The bundled corpus's texts of one side as one line: sentence ends and line breaks removed."""
    folder = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "corpus", language)
    texts = [open(os.path.join(folder, name), encoding="utf-8").read()
             for name in sorted(os.listdir(folder)) if name.endswith(".txt")]
    return re.sub(r"[.!?…\n]+", " ", " ".join(texts))

if __name__ == "__main__":
    main()
