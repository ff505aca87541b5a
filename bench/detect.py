"""Language-ID accuracy by segment length, and speed, on WMT22 Russian/English text.

Segments: the Russian (``src``) and English (``ref``) sentences of wmt22-ruen-dev.jsonl,
plus short sub-spans of them (1-6 words, seeded); the gold language is the sentence's.
Spans without letters are left out (their answer is ``und``). Rows marked "pure" keep
only segments with no letter of the other script (a span "Pfizer" cut from a Russian
sentence is not a Russian segment). The same is done for
wmt22-enru.jsonl (``ru``/``en`` fields), which the rules were not looked at against.
langdetect alone and a bare script rule (more Cyrillic than Latin letters: ru) are
printed beside aligner.detect.detect_language.

    python bench/detect.py [DATA_DIR]
"""

from __future__ import annotations

import json
import random
import re
import sys
import time
from pathlib import Path

from aligner import detect as detect_module
from aligner.detect import detect_language

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data"
BUCKETS = ((0, 20, "<=20"), (21, 50, "21-50"), (51, 100, "51-100"), (101, 10**9, ">100"))
SPANS_PER_SENTENCE = 3
_LETTER = re.compile(r"[^\W\d_]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")


def pure(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Segments without a letter of the other language's script."""
    other = {"ru": _LATIN, "en": _CYRILLIC}
    return [(text, lang) for text, lang in items if not other[lang].search(text)]


def sentences(path: Path) -> list[tuple[str, str]]:
    """(text, gold language) for every sentence of a WMT22 jsonl file."""
    found = []
    with open(path, encoding="utf-8") as handle:
        for row in handle:
            record = json.loads(row)
            if "src" in record:  # document-level dev file: lists of paragraphs
                for field, lang in (("src", "ru"), ("ref", "en")):
                    found.extend((text, lang) for paragraph in record[field] for text in paragraph)
            else:
                found.extend((record[lang], lang) for lang in ("ru", "en"))
    return found


def with_spans(items: list[tuple[str, str]], seed: int = 13) -> list[tuple[str, str]]:
    """The sentences plus SPANS_PER_SENTENCE random 1-6-word spans of each."""
    chooser = random.Random(seed)
    found = []
    for text, lang in items:
        found.append((text, lang))
        words = text.split()
        for _ in range(SPANS_PER_SENTENCE):
            size = chooser.randint(1, 6)
            start = chooser.randrange(max(1, len(words) - size + 1))
            found.append((" ".join(words[start:start + size]), lang))
    return [(text, lang) for text, lang in found if _LETTER.search(text)]


def script_rule(text: str) -> str:
    letters = len(_LETTER.findall(text))
    cyrillic = len(_CYRILLIC.findall(text))
    return "ru" if cyrillic * 2 >= letters else "en"


def langdetect_alone(text: str) -> str:
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        return detect(text)
    except LangDetectException:
        return "und"


def measure(method, items: list[tuple[str, str]]) -> tuple[list[tuple[int, int]], float]:
    """Per bucket (right, total), and segments per second."""
    counts = [[0, 0] for _ in BUCKETS]
    method("Цялата държавна власт произтича от народа.")  # load langdetect's profiles untimed
    detect_module._ranked.cache_clear()  # each run starts with langdetect's cache empty
    started = time.perf_counter()
    answers = [method(text) for text, _ in items]
    seconds = time.perf_counter() - started
    for (text, gold), answer in zip(items, answers):
        index = next(i for i, (low, high, _) in enumerate(BUCKETS) if low <= len(text) <= high)
        counts[index][0] += answer == gold
        counts[index][1] += 1
    return [tuple(count) for count in counts], len(items) / seconds


def main(argv: list[str]) -> None:
    data = Path(argv[0]) if argv else DEFAULT
    methods = (("langdetect", langdetect_alone), ("script", script_rule),
               ("aligner", detect_language))
    header = "".join(f"{label:>15}" for _, _, label in BUCKETS)
    print(f"{'data':<22}{'method':<12}{header}{'all':>9}{'segs/s':>10}")
    for name in ("wmt22-ruen-dev.jsonl", "wmt22-enru.jsonl"):
        everything = with_spans(sentences(data / name))
        for subset, items in (("all", everything), ("pure", pure(everything))):
            for label, method in methods:
                counts, rate = measure(method, items)
                cells = "".join(f"{right / total:>8.4f} n={total:<5}" if total else f"{'-':>15}"
                                for right, total in counts)
                overall = sum(r for r, _ in counts) / sum(t for _, t in counts)
                print(f"{name[:-6] + ' ' + subset:<22}{label:<12}{cells}{overall:>9.4f}{rate:>10.0f}")


if __name__ == "__main__":
    main(sys.argv[1:])
