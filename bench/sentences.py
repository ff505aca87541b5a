"""Sentence-split precision/recall/F1 on WMT22 ru-en dev paragraphs, razdel beside aligner.

Gold boundaries are the joins between the sentences of a paragraph (``src`` is Russian,
``ref`` English); each paragraph is the sentences joined by one space. "R punct" is the
recall on the gold boundaries after sentence punctuation (. ! ? … or a closing quote or
bracket after one); the others follow headlines and captions that have no final
punctuation, which no splitter can see once the lines are joined (in a file they end
at a line break, where aligner.segment.document_sentences splits first).

    python bench/sentences.py [PATH/wmt22-ruen-dev.jsonl]
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

from razdel import sentenize

from aligner.segment import split_sentences

PUNCTUATED = re.compile(r"[.!?…][\"'»”)\]]*\s*$")
DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "wmt22-ruen-dev.jsonl"


def paragraphs(path: Path, field: str) -> list[list[str]]:
    found = []
    with open(path, encoding="utf-8") as handle:
        for row in handle:
            found.extend(paragraph for paragraph in json.loads(row)[field] if paragraph)
    return found


def score(splitter, items: list[list[str]]) -> tuple[float, float, float, float, int, float]:
    true_positive = predicted = gold = punctuated = punctuated_found = 0
    started = time.perf_counter()
    for sentences in items:
        text = " ".join(sentences)
        expected, position = set(), 0
        for sentence in sentences[:-1]:
            position += len(sentence) + 1
            expected.add(position)
        found = set(splitter(text)[1:])
        seen = {boundary for boundary in expected if PUNCTUATED.search(text[:boundary])}
        punctuated += len(seen)
        punctuated_found += len(found & seen)
        true_positive += len(found & expected)
        predicted += len(found)
        gold += len(expected)
    seconds = time.perf_counter() - started
    precision = true_positive / predicted if predicted else 1.0
    recall = true_positive / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, punctuated_found / punctuated, gold, seconds


def razdel_starts(text: str) -> list[int]:
    return [part.start for part in sentenize(text)]


def aligner_starts(lang: str):
    return lambda text: [sentence.start for sentence in split_sentences(text, lang)]


def main(argv: list[str]) -> None:
    path = Path(argv[0]) if argv else DEFAULT
    print(f"data: {path}")
    print(f"{'lang':<5}{'splitter':<10}{'paras':>7}{'gold':>7}{'P':>8}{'R':>8}{'F1':>8}"
          f"{'R punct':>9}{'paras/s':>10}")
    for lang, field in (("ru", "src"), ("en", "ref")):
        items = paragraphs(path, field)
        for name, splitter in (("razdel", razdel_starts), ("aligner", aligner_starts(lang))):
            precision, recall, f1, seen, gold, seconds = score(splitter, items)
            print(f"{lang:<5}{name:<10}{len(items):>7}{gold:>7}{precision:>8.3f}{recall:>8.3f}"
                  f"{f1:>8.3f}{seen:>9.3f}{len(items) / seconds:>10.0f}")


if __name__ == "__main__":
    main(sys.argv[1:])
