"""Recall of the body-name rules on organisations swapped into clean WMT22 translations.

For every English sentence (WMT22 ru-en dev references, and the English side of WMT22
en-ru with its Russian translation as the source) whose aligned Russian names a termbase
body that the English names too, one copy of the document is made with that English name replaced by
the name of another real body of the same kind (same form: an acronym by an acronym,
"Foreign Ministry" by "Finance Ministry"-like names), which the Russian now contradicts.
A swap counts as caught when ENT002 or TRM001 (or any body-name rule) reports a span in
the changed sentence. Sentences are aligned 1:1 as published, so alignment errors do
not count against these rules.

    python bench/entities_injection.py [--data PATH] [--seed N] [--show]
"""

from __future__ import annotations

import argparse
import importlib
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from entities_false_alarms import DEFAULT, ENRU, RULES, pairs  # noqa: E402

from aligner.records import Document, Pair, Sentence  # noqa: E402


def swaps(pair: Pair, rng: random.Random):
    """(sentence index, start, end, replacement, original entry, replacement entry)."""
    analysis = pair.facts.bodies
    termbase = analysis.termbase
    for bead in analysis.beads:
        for item in bead.target:
            for mention in item.mentions:
                if len(mention.entries) != 1:
                    continue
                entry = mention.entries[0]
                if entry.id not in bead.ru_entries or entry.kind == "country":
                    continue
                others = [e for e in termbase.entries.values()
                          if e.kind == entry.kind and e.id != entry.id and e.id not in bead.ru_entries]
                if mention.form == "acronym":
                    others = [e for e in others if e.acronyms]
                if not others:
                    continue
                other = rng.choice(sorted(others, key=lambda e: e.id))
                name = other.acronyms[0] if mention.form == "acronym" else other.en
                yield item.index, mention.start, mention.end, name, entry, other


def injected(pair: Pair, index: int, start: int, end: int, name: str) -> Pair:
    sentence = pair.target_sentences[index]
    text = sentence.text[:start] + name + sentence.text[end:]
    shift = len(text) - len(sentence.text)
    whole = pair.target.text[:sentence.start] + text + pair.target.text[sentence.end:]
    sentences = []
    for i, s in enumerate(pair.target_sentences):
        if i < index:
            sentences.append(s)
        elif i == index:
            sentences.append(Sentence(s.start, s.end + shift, text, s.lang))
        else:
            sentences.append(Sentence(s.start + shift, s.end + shift, s.text, s.lang))
    return Pair(target=Document(pair.target.path, whole), target_sentences=sentences, source=pair.source,
                source_sentences=pair.source_sentences, beads=pair.beads, options=pair.options)


def run(datasets: list[Path], seed: int, show: bool) -> None:
    rng = random.Random(seed)
    modules = [importlib.import_module(f"aligner.checks.{name}") for name in RULES]
    total, caught, by_rule, by_kind = 0, 0, Counter(), Counter()
    kinds_total = Counter()
    for pair in (p for data in datasets for p in pairs(data, bilingual=True)):
        for index, start, end, name, entry, other in list(swaps(pair, rng)):
            changed = injected(pair, index, start, end, name)
            sentence = changed.target_sentences[index]
            hits = [f for m in modules for f in m.check(changed)
                    if sentence.start <= f.start < sentence.end]
            total += 1
            kinds_total[entry.kind] += 1
            if hits:
                caught += 1
                by_kind[entry.kind] += 1
                by_rule[hits[0].rule] += 1
            if show:
                print(f"{'CAUGHT' if hits else 'missed'} {pair.target.path}: {entry.en} -> {name}: "
                      + (hits[0].message if hits else sentence.text))
    print(f"{'swapped body kind':<20}{'injected':>9}{'caught':>8}{'recall':>8}")
    for kind in sorted(kinds_total):
        print(f"{kind:<20}{kinds_total[kind]:>9}{by_kind[kind]:>8}"
              f"{100 * by_kind[kind] / kinds_total[kind]:>7.1f}%")
    print(f"{'all':<20}{total:>9}{caught:>8}{100 * caught / max(total, 1):>7.1f}%")
    print("first rule to catch: " + ", ".join(f"{rule} {n}" for rule, n in by_rule.most_common()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--enru", type=Path, default=ENRU)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--show", action="store_true", help="print every injection")
    args = parser.parse_args()
    run([path for path in (args.data, args.enru) if path.is_file()], args.seed, args.show)


if __name__ == "__main__":
    main()
