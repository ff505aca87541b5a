"""Recall on injected errors, per error type and per collection (WMT21 ref A, WMT22 dev).

Every document's human reference is written as real files are (bench/check.py's
layout: 2-4 sentences to a line, a blank line between paragraphs, the Russian source
laid out the same way), errors are injected by ``bench/inject.py`` (its docstring
states each injection rule), at most three per document and type on lines at least
two apart, and the collection is checked by the engine (``check_directory``) with the
rules that may report that type. An injection is found when a finding of those rules,
absent from the clean run, lies on its line or the next (for an omission: from the
line before to two lines after, as the finding points at a neighbouring sentence); a
finding's related places (NAM001 lists every spelling of a name in one finding) count as
its lines too.

``omission-mid`` injects only sentences with another sentence before and after them
on the same line: the aligner must see sentences, not lines.

Nothing in the rules is fitted to either collection (the gazetteer and the repeat
patterns are data with their sources; no threshold was tuned on these injections), so
both collections are held-out figures; the table gives them side by side.

    python bench/recall.py [--types country,city] [--collections wmt21,wmt22-dev] [--show]
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import sys
import tempfile
from pathlib import Path

from check import PER_DOCUMENT, key, layout, render, write_corpus
from inject import INJECTORS

from aligner.config import Config
from aligner.engine import check_directory

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
if not DATA.is_dir():
    DATA = Path("/work/shared/data")
COLLECTIONS = {"wmt21": "wmt21-ruen.jsonl", "wmt22-dev": "wmt22-ruen-dev.jsonl"}
ENTITY = ("ENT004", "ENT002", "NAM002")
EXPECTED = {"number": ("NUM001",), "omission": ("OMI001", "LEN001"), "omission-mid": ("OMI001", "LEN001"),
            "untranslated": ("UNT001", "UNT002"), "repeat": ("REP001",), "repeat-gap": ("REP001",),
            "country": ENTITY, "city": ENTITY, "nationality": ENTITY, "org": ENTITY, "outlet": ENTITY,
            "company": ENTITY, "person": ("NAM002", "NAM001", "ENT004"), "name-variant": ("NAM002", "NAM001")}
GROUPS = {"entity swaps": ("country", "city", "nationality", "org", "outlet", "company", "person"),
          "omissions": ("omission", "omission-mid"), "repeated words": ("repeat", "repeat-gap")}


def load(name: str) -> list[dict]:
    with open(DATA / COLLECTIONS[name], encoding="utf-8") as handle:
        return [{"id": d["id"], "src": d["src"], "ref": d["ref"]} for d in map(json.loads, handle)]


def inject(documents: list[dict], kind: str) -> tuple[dict, dict]:
    """(id -> injected English paragraphs, file name -> injected (paragraph, sentence) sites)."""
    injector = INJECTORS[kind]
    english, sites = {}, {}
    for document in documents:
        rng = random.Random(f"{kind}:{document['id']}")
        groups = layout(document)
        _, where = render(document["ref"], groups)
        inside = {s for p, paragraph in enumerate(groups) for g in paragraph for s in
                  [(p, i) for i in g[1:-1]]}
        paragraphs = [list(p) for p in document["ref"]]
        candidates = [(p, s) for p, paragraph in enumerate(paragraphs) for s in range(len(paragraph))]
        rng.shuffle(candidates)
        chosen = []
        for p, s in candidates:
            if len(chosen) == PER_DOCUMENT:
                break
            if kind == "omission-mid" and (p, s) not in inside:
                continue
            if any(abs(where[(p, s)] - where[c]) < 2 for c in chosen):
                continue
            changed = injector(document["src"][p][s], paragraphs[p][s], rng)
            if changed is None or changed == paragraphs[p][s]:
                continue
            paragraphs[p][s] = changed
            chosen.append((p, s))
        english[document["id"]] = paragraphs
        sites[f"{document['id']}.txt"] = chosen
    return english, sites


def measure(documents: list[dict], kind: str, clean: set, show: bool) -> tuple[int, int]:
    english, sites = inject(documents, kind)
    with tempfile.TemporaryDirectory() as tmp:
        maps = write_corpus(Path(tmp), documents, english)
        result = check_directory(tmp, Config(select=EXPECTED[kind]))
    found = collections.defaultdict(set)
    for finding in result.findings:
        if key(finding) not in clean:
            found[Path(finding.path).name].add(finding.line)
            for place in finding.related:  # NAM001 names every spelling of a name, one finding
                if Path(place.path).name == Path(finding.path).name:
                    found[Path(finding.path).name].add(place.line)
    hits = total = 0
    for name, chosen in sites.items():
        for site in chosen:
            total += 1
            line = maps[name][site]
            window = {line - 1, line, line + 1, line + 2} if kind.startswith("omission") else {line, line + 1}
            if window & found[name]:
                hits += 1
            elif show:
                p, s = site
                print(f"  missed {kind} {name}:{line}: {english[name[:-4]][p][s][:160]!r}", file=sys.stderr)
    return hits, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--types", default=",".join(EXPECTED))
    parser.add_argument("--collections", default=",".join(COLLECTIONS))
    parser.add_argument("--show", action="store_true", help="print every missed injection")
    args = parser.parse_args()
    kinds = [k for k in args.types.split(",") if k]
    names = [c for c in args.collections.split(",") if c]
    table = {}
    for name in names:
        documents = load(name)
        rules = sorted({r for k in kinds for r in EXPECTED[k]})
        with tempfile.TemporaryDirectory() as tmp:
            write_corpus(Path(tmp), documents)
            clean = {key(f) for f in check_directory(tmp, Config(select=rules)).findings}
        for kind in kinds:
            table[(name, kind)] = measure(documents, kind, clean, args.show)
    print("Recall on injected errors (bench/inject.py), found/injected and recall, per collection")
    print(f"   {'type':<15}" + "".join(f"{n:>22}" for n in names) + "  rules")
    rows = [(k, [table[(n, k)] for n in names]) for k in kinds]
    for group, members in GROUPS.items():
        if all(m in kinds for m in members):
            rows.append((group, [tuple(map(sum, zip(*(table[(n, m)] for m in members)))) for n in names]))
    rows.append(("overall", [tuple(map(sum, zip(*(table[(n, k)] for k in kinds)))) for n in names]))
    for label, cells in rows:
        text = "".join(f"{f'{h}/{t}':>14} {h / t if t else 0:>6.1%} " for h, t in cells)
        print(f"   {label:<15}{text} {', '.join(EXPECTED.get(label, ()))}")


if __name__ == "__main__":
    main()
