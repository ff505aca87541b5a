"""Sentence alignment bench: quality per collection, lexicons held out, and speed at scale.

Collections scored (real document pairs, perturbed into known beads by
``bench/align_gold.py``: 5% of sentences deleted and 10% of neighbours merged, per side):

- WMT22 dev: Russian source with the English reference;
- WMT21, reference A and reference B (an independent human translation);
- WMT22 en->ru, reversed: English-original segments with their Russian reference, 12
  consecutive segments taken as a document.

Each is aligned with a lexicon learned from every OTHER collection (references and MT
outputs; ``scripts/build_align_data.py --exclude``): leave one collection out. The
Gale-Church baseline (length only) runs on the same files, and the shipped lexicon
(which has seen every collection) is shown for comparison. Printed: strict P/R/F1 over
non-null beads, strict F1 over all beads, vecalign's lax F1, precision and recall of
null beads (1-0 / 0-1), seconds.

``--nulls`` lists the wrong null beads of every collection (lexicon held out) by the
gold bead their sentence belongs to ("2-1": a merged sentence left out instead of joined,
"1-1": a pair split into an omission and an addition), and the gold null beads missed by
the predicted bead holding their sentence ("paired with an unrelated sentence": an
omission and an addition at one place taken for a pair), with the sentences involved.
``--frontier`` shows how null-bead precision trades against recall: per setting of the
null-bead cost and the merge penalty, each collection's null P / null R at seed 2022 and
the mean of seeds 2022-2025 (lexicon held out), the dev tuning objective, and the same
means with the shipped lexicon (which has seen every collection: what better word
knowledge would buy). ``--sources`` shows what each source of bitext adds (lexicons learned from each other
collection alone and together, references only or with the MT outputs).
Scale (unless ``--no-scale``): the perturbed WMT22 dev documents laid end to end, the
same documents over and over, to 20k and 200k sentences a side, aligned in one piece
in a fresh process each (shipped lexicon); seconds, peak memory, strict F1, null-bead
precision and recall and the most null beads in any window of 2,000 beads (a derailed
search leaves long runs of them). The scorer weights (``aligner/data/align_params.json``)
were tuned on WMT22 dev only (``--tune``), so every other collection is held out for them too.

    python bench/align.py [--data DIR] [--no-scale] [--sources] [--seeds] [--nulls] [--frontier] [--tune]
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from align_gold import ENRU_DOCUMENT, SEED, concatenated, gale_church, missed_nulls, perturbed, score

from aligner.align import align_sentences
from aligner.align.bitext import (
    COLLECTIONS,
    default_data,
    documents,
    flat,
    groups_without,
    segment_groups,
)
from aligner.align.confidence import evidence
from aligner.align.learn import learn_with_pieces, write_lexicon
from aligner.align.lexicon import Lexicon, default_lexicon, load_lexicon
from aligner.align.params import default_params
from aligner.align.score import Scorer

ROOT = Path(__file__).resolve().parents[1]
SCALE_SIZES = (20_000, 200_000)
WINDOW = 2000  # beads per window when looking for a derailed stretch
OTHER_SEEDS = (2023, 2024, 2025)
TUNE_SEEDS = (1, 2, 3, 4)
TUNE_GRID = {
    "length_log_ratio_mean": [-0.1, -0.05, 0.0, 0.05, 0.1],
    "length_var_floor": [0.015, 0.03, 0.06, 0.1, 0.15],
    "length_var_per_char": [1.5, 3.0, 6.0, 10.0],
    "w_len": [0.1, 0.2, 0.3, 0.4, 0.6],
    "w_lex": [0.5, 0.75, 1.0, 1.5, 2.0],
    "anchor_weight": [1.0, 1.5, 2.0, 3.0],
    "w_unmatched": [0.0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.07],
    "w_matched": [0.0, 0.01, 0.02, 0.03, 0.05, 0.08],
    "skip": [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0, 1.2],
    "penalty 1-2,2-1": [0.2, 0.4, 0.6, 0.8, 1.0],
    "penalty 2-2": [0.5, 1.0, 1.5, 2.0],
    "penalty 1-3,3-1": [0.5, 1.0, 1.5, 2.0, 3.0],
    "shape_discount": [0.0, 0.2, 0.4, 0.6, 0.8],
}
GOALS = {"strict F1": 0.975, "null P": 0.90, "null R": 0.90, "20k seconds": 10.0, "20k peak MB": 500.0}


# --- collections -----------------------------------------------------------------------

@dataclasses.dataclass
class Collection:
    name: str
    held_out: str  # the collection of aligner.align.bitext its lexicon must not see
    pairs: list  # (Russian sentences, English sentences), aligned 1:1


def collections(data: Path) -> list[Collection]:
    wmt21 = documents(data, "wmt21")
    enru = list(segment_groups(data, systems=False))
    return [
        Collection("WMT22 dev", "wmt22-dev", [(flat(d["src"]), flat(d["ref"])) for d in documents(data, "wmt22-dev")]),
        Collection("WMT21 ref A", "wmt21", [(flat(d["src"]), flat(d["ref"])) for d in wmt21]),
        Collection("WMT21 ref B", "wmt21", [(flat(d["src"]), flat(d["ref_b"])) for d in wmt21 if d["ref_b"]]),
        Collection("WMT22 en-ru (reversed)", "wmt22-enru",
                   [([ru for (ru, _), in part], [en for (_, en), in part])
                    for part in (enru[k:k + ENRU_DOCUMENT] for k in range(0, len(enru), ENRU_DOCUMENT))]),
    ]


def learned(data: Path, excluded: tuple[str, ...], systems: bool = True) -> Lexicon:
    """The lexicon of every collection but ``excluded``, cached (see ``cached_lexicon``)."""
    return cached_lexicon(data, (sorted(excluded), systems), lambda: groups_without(data, excluded, systems),
                          f"without {', '.join(excluded) or 'nothing'}{'' if systems else ' (references only)'}")


def cached_lexicon(data: Path, what, groups, description: str) -> Lexicon:
    """The lexicon learned from ``groups()``, cached in the temporary folder, keyed by
    ``what`` (its source), the learning code and the data files."""
    code = b"".join((ROOT / "aligner" / "align" / name).read_bytes()
                    for name in ("learn.py", "lexicon.py", "bitext.py"))
    sizes = ",".join(str((data / name).stat().st_size) for name in sorted(p.name for p in data.glob("*.jsonl")))
    key = hashlib.sha1(code + repr((*what, sizes)).encode()).hexdigest()[:16]
    folder = Path(tempfile.gettempdir()) / "aligner-align-bench" / key
    if not (folder / "done").exists():
        folder.mkdir(parents=True, exist_ok=True)
        print(f"learning a lexicon {description} ...", file=sys.stderr)
        write_lexicon(learn_with_pieces(groups()), folder, "# bench\n")
        (folder / "done").touch()
    return load_lexicon(folder)


# --- runs ------------------------------------------------------------------------------

def ours(lexicon=None, params=None):
    def align(ru, en):
        return [(b.source, b.target) for b in align_sentences(ru, en, lexicon=lexicon, params=params)]
    return align


def row(name: str, cases, align) -> dict:
    started = time.perf_counter()
    predictions = [align(ru, en) for ru, en, _ in cases]
    result = score([gold for _, _, gold in cases], predictions)
    result.update(name=name, docs=len(cases), sentences=sum(len(ru) for ru, _, _ in cases),
                  seconds=time.perf_counter() - started)
    return result


def print_table(rows: list[dict]) -> None:
    print(f"  {'':40} {'docs':>4} {'sents':>5} {'P':>6} {'R':>6} {'F1':>6} {'F1 all':>6} "
          f"{'lax F1':>6} {'null P':>6} {'null R':>6} {'nulls':>5} {'secs':>6}")
    for r in rows:
        print(f"  {r['name']:40} {r['docs']:>4} {r['sentences']:>5} {r['P']:6.3f} {r['R']:6.3f} "
              f"{r['F1']:6.3f} {r['F1 all']:6.3f} {r['lax F1']:6.3f} {r['null P']:6.3f} "
              f"{r['null R']:6.3f} {r['nulls']:>5} {r['seconds']:6.2f}")


def quality(data: Path, seeds: bool) -> None:
    worst = {"strict F1": 1.0, "null P": 1.0, "null R": 1.0}
    for collection in collections(data):
        cases = perturbed(collection.pairs)
        lexicon = learned(data, (collection.held_out,))
        rows = [row("Gale-Church (length only)", cases, gale_church),
                row(f"aligner, lexicon without {collection.held_out}", cases, ours(lexicon)),
                row("aligner, shipped lexicon (seen)", cases, ours())]
        print(f"{collection.name}: perturbed seed {SEED}")
        print_table(rows)
        held = rows[1]
        worst = {"strict F1": min(worst["strict F1"], held["F1"]), "null P": min(worst["null P"], held["null P"]),
                 "null R": min(worst["null R"], held["null R"])}
        if seeds:
            for seed in OTHER_SEEDS:
                other = row("", perturbed(collection.pairs, seed), ours(lexicon))
                print(f"    seed {seed}: F1 {other['F1']:.3f}, null P {other['null P']:.3f}, "
                      f"null R {other['null R']:.3f} ({other['nulls']} null beads)")
    print("goals (worst collection, lexicon held out): "
          + ", ".join(f"{name} >= {GOALS[name]} ({value:.3f})" for name, value in worst.items()))


def wrong_nulls(data: Path, stream=sys.stdout) -> None:
    """Each collection's wrong null beads (lexicon held out, seed ``SEED``), counted by the
    kind of gold bead their sentence belongs to, each shown with that bead's sentences and
    the predicted beads that hold them; and its missed gold null beads (``missed_nulls``)."""
    for collection in collections(data):
        lexicon = learned(data, (collection.held_out,))
        kinds: dict[str, int] = {}
        missed: dict[str, int] = {}
        for number, (ru, en, gold) in enumerate(perturbed(collection.pairs)):
            predicted = [(b.source, b.target) for b in align_sentences(ru, en, lexicon=lexicon)]
            gold_of = {(side, k): bead for bead in gold for side, items in zip("re", bead) for k in items}
            for bead in predicted:
                if (bead[0] and bead[1]) or bead in set(gold):
                    continue
                truth = gold_of[("r", bead[0][0]) if bead[0] else ("e", bead[1][0])]
                kind = f"{len(truth[0])}-{len(truth[1])}"
                kinds[kind] = kinds.get(kind, 0) + 1
                print(f"{collection.name} document {number}: null bead {bead}, gold {kind} {truth}", file=stream)
                _show_sentences(ru, en, truth, stream)
                held = [b for b in predicted if set(b[0]) & set(truth[0]) or set(b[1]) & set(truth[1])]
                print(f"    predicted: {held}", file=stream)
            for bead, how, held in missed_nulls(gold, predicted):
                missed[how] = missed.get(how, 0) + 1
                print(f"{collection.name} document {number}: gold null bead {bead} missed, {how}: {held}", file=stream)
                _show_sentences(ru, en, held, stream)
        summary = ", ".join(f"{count} in gold {kind}" for kind, count in sorted(kinds.items(), key=lambda kv: -kv[1]))
        print(f"{collection.name}: {sum(kinds.values())} wrong null beads: {summary or 'none'}")
        summary = ", ".join(f"{count} {how}" for how, count in sorted(missed.items(), key=lambda kv: -kv[1]))
        print(f"{collection.name}: {sum(missed.values())} gold null beads missed: {summary or 'none'}")


FRONTIER = ({}, {"skip": 0.8}, {"skip": 0.9}, {"skip": 0.95}, {"penalty 1-2,2-1": 1.2},
            {"skip": 0.8, "penalty 1-2,2-1": 1.2})


def frontier(data: Path) -> None:
    """Null-bead precision against recall as the null-bead cost and the merge penalty move
    (``FRONTIER``; the shipped weights first): see the module docstring."""
    collections_ = collections(data)
    held = {c.name: learned(data, (c.held_out,)) for c in collections_}
    seeds = (SEED, *OTHER_SEEDS)
    cases = {(c.name, seed): perturbed(c.pairs, seed) for c in collections_ for seed in seeds}
    for changes in FRONTIER:
        params = _changed(default_params(), changes)
        label = ", ".join(f"{name} {value}" for name, value in changes.items()) or "shipped weights"
        print(f"{label}: dev objective {_objective(data, params):.4f}")
        for c in collections_:
            line = []
            for lexicon in (held[c.name], default_lexicon()):
                figures = [row("", cases[c.name, seed], ours(lexicon, params)) for seed in seeds]
                line.append(f"{np.mean([f['null P'] for f in figures]):.3f} / "
                            f"{np.mean([f['null R'] for f in figures]):.3f}")
                if lexicon is held[c.name]:
                    line.insert(0, f"{figures[0]['null P']:.3f} / {figures[0]['null R']:.3f}")
            print(f"  {c.name:24} seed {SEED} {line[0]}   mean {line[1]}   shipped lexicon, mean {line[2]}")


def _changed(params, changes: dict):
    """``params`` with ``changes``; a ``TUNE_GRID`` name ``penalty a-b,c-d`` sets those kinds."""
    for name, value in changes.items():
        if name.startswith("penalty "):
            params = params.replace(penalty={**params.penalty, **dict.fromkeys(name.split()[1].split(","), value)})
        else:
            params = params.replace(**{name: value})
    return params


def _show_sentences(ru: list[str], en: list[str], bead, stream) -> None:
    """The sentences of a bead, each on an indented line."""
    for i in bead[0]:
        print(f"    ru {i}: {ru[i][:160]}", file=stream)
    for j in bead[1]:
        print(f"    en {j}: {en[j][:160]}", file=stream)


def sources(data: Path) -> None:
    """What each source adds: lexicons from each other collection alone and all together,
    references only and with the MT outputs."""
    print("what each source adds (strict F1 / null P / null R; lexicon never sees the collection scored):")
    for collection in collections(data)[:2]:
        others = [name for name in COLLECTIONS if name != collection.held_out]
        cases = perturbed(collection.pairs)
        variants = [(f"{name}", (collection.held_out, *[o for o in others if o != name])) for name in others]
        variants.append((" + ".join(others), (collection.held_out,)))
        print(f"  {collection.name}:")
        for label, excluded in variants:
            figures = [row("", cases, ours(learned(data, excluded, systems))) for systems in (False, True)]
            print(f"    {label:28} references only {_brief(figures[0])}; with MT outputs {_brief(figures[1])}")


def _brief(r: dict) -> str:
    return f"{r['F1']:.3f} / {r['null P']:.3f} / {r['null R']:.3f}"


def tune(data: Path) -> None:
    """Coordinate search of the scorer weights on WMT22 dev (lexicon without it); prints
    the JSON for align_params.json."""
    dev = collections(data)[0]
    lexicon = learned(data, (dev.held_out,))
    part = [case for seed in TUNE_SEEDS for case in perturbed(dev.pairs, seed)]
    params = default_params()

    def objective(candidate) -> float:
        return _objective(data, candidate, lexicon, part)

    best = objective(params)
    changed = True
    while changed:
        changed = False
        for name, values in TUNE_GRID.items():
            for value in values:
                candidate = _changed(params, {name: value})
                value_of = objective(candidate)
                if value_of > best + 1e-9:
                    best, params, changed = value_of, candidate, True
                    print(f"{name} = {value}: objective {best:.4f}", file=sys.stderr)
    print(json.dumps(dataclasses.asdict(params), indent=2))


def _objective(data: Path, params, lexicon=None, part=None) -> float:
    """The tuning objective on WMT22 dev (lexicon without it, ``TUNE_SEEDS``): strict F1
    plus a tenth of null-bead recall and precision."""
    if part is None:
        dev = collections(data)[0]
        lexicon = learned(data, (dev.held_out,))
        part = [case for seed in TUNE_SEEDS for case in perturbed(dev.pairs, seed)]
    figures = row("", part, ours(lexicon, params))
    return figures["F1"] + 0.1 * (figures["null R"] + figures["null P"])


def calibrate(data: Path) -> None:
    """Fit the bead score's logistic curves (``confidence`` in align_params.json) on WMT22
    dev (seed 2022 and the tuning seeds, lexicon without it) and show how well they hold
    on every other collection (held out, each with a lexicon without it): predicted
    against observed share of right beads."""
    every = collections(data)
    dev = every[0]
    fit_cases = [case for seed in (SEED, *TUNE_SEEDS) for case in perturbed(dev.pairs, seed)]
    fitted = {kind: _logistic(*values) for kind, values in _margins(fit_cases, learned(data, (dev.held_out,))).items()}
    print(json.dumps({"confidence": fitted}))
    for collection in every[1:]:
        check = _margins(perturbed(collection.pairs), learned(data, (collection.held_out,)))
        for kind, (margin, right) in check.items():
            c0, *c = fitted[kind]
            predicted = 1 / (1 + np.exp(-(c0 + margin @ np.array(c))))
            print(f"{kind} beads on {collection.name} ({len(right)}): predicted vs observed share right per bin")
            for low, high in ((0, .5), (.5, .7), (.7, .8), (.8, .9), (.9, .95), (.95, .99), (.99, 1.01)):
                chosen = (predicted >= low) & (predicted < high)
                if chosen.any():
                    print(f"  [{low:.2f}, {min(high, 1):.2f}) {chosen.sum():5} beads: predicted "
                          f"{predicted[chosen].mean():.3f}, observed {right[chosen].mean():.3f}")


def _margins(cases, lexicon) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """kind ("pair" / "null") -> (margins, whether each bead is a gold bead) over ``cases``."""
    found: dict[str, tuple[list, list]] = {"pair": ([], []), "null": ([], [])}
    for ru, en, gold in cases:
        items = [(b.source, b.target) for b in align_sentences(ru, en, lexicon=lexicon)]
        scorer = Scorer.for_sentences(ru, en, lexicon)
        for item, margin in zip(items, evidence(scorer, items)):
            kind = "pair" if item[0] and item[1] else "null"
            found[kind][0].append(margin)
            found[kind][1].append(item in set(gold))
    return {kind: (np.array(m).reshape(len(m), -1), np.array(r, dtype=float)) for kind, (m, r) in found.items()}


def _logistic(x: np.ndarray, y: np.ndarray) -> list[float]:
    """Coefficients (intercept first) of the logistic curve of y on the columns of x, by
    Newton's method (maximum likelihood, a little ridge to keep it finite)."""
    design = np.column_stack([np.ones(len(x)), x])
    w = np.zeros(design.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-design @ w))
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + 1e-3 * np.eye(len(w))
        w += np.linalg.solve(hessian, design.T @ (y - p) - 1e-3 * w)
    return [round(float(v), 3) for v in w]


# --- scale -----------------------------------------------------------------------------

def _peak_mb() -> float:
    """This process's peak resident memory (VmHWM; ru_maxrss would include the parent's
    peak before exec on Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def scale_worker(data: Path, size: int) -> None:
    ru, en, gold = concatenated(perturbed(collections(data)[0].pairs), size)
    default_lexicon()
    started, cpu_started = time.perf_counter(), time.process_time()
    beads = align_sentences(ru, en)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak_mb = _peak_mb()
    test = [(b.source, b.target) for b in beads]
    figures = score([gold], [test])
    nulls = [not (ru_items and en_items) for ru_items, en_items in test]
    worst = max(sum(nulls[k:k + WINDOW]) for k in range(0, max(len(nulls) - WINDOW, 0) + 1, WINDOW // 4))
    print(json.dumps({"ru": len(ru), "en": len(en), "seconds": seconds, "cpu": cpu, "peak_mb": peak_mb,
                      "F1": figures["F1"], "null P": figures["null P"], "null R": figures["null R"],
                      "worst window": worst, "gold worst window": _worst_gold_window(gold)}))


def _worst_gold_window(gold) -> int:
    nulls = [not (r and e) for r, e in gold]
    return max(sum(nulls[k:k + WINDOW]) for k in range(0, max(len(nulls) - WINDOW, 0) + 1, WINDOW // 4))


def scale(data: Path) -> None:
    print(f"scale: WMT22 dev documents repeated end to end (shipped lexicon); null beads: most in "
          f"{WINDOW} beads, found (gold)")
    print(f"  {'ru':>7} {'en':>7} {'secs':>7} {'CPU s':>7} {'s/1k':>5} {'peak MB':>8} {'F1':>6} {'null P':>6} "
          f"{'null R':>6} {'nulls/window':>12}")
    for size in SCALE_SIZES:
        output = subprocess.run([sys.executable, __file__, "--data", str(data), "--scale-worker", str(size)],
                                capture_output=True, text=True, check=True).stdout
        f = json.loads(output)
        print(f"  {f['ru']:>7} {f['en']:>7} {f['seconds']:7.2f} {f['cpu']:7.2f} {1000 * f['cpu'] / f['ru']:5.2f} "
              f"{f['peak_mb']:8.0f} {f['F1']:6.3f} {f['null P']:6.3f} {f['null R']:6.3f} "
              f"{f['worst window']:>6} ({f['gold worst window']})")
    print(f"goals: 20k x 20k < {GOALS['20k seconds']:.0f} s and < {GOALS['20k peak MB']:.0f} MB; "
          "200k x 200k linear (same CPU s per 1k sentences) and on the diagonal; secs is wall "
          "time, CPU s this process's own (the machine is shared)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data(ROOT), help="folder with the WMT jsonl files")
    parser.add_argument("--no-scale", action="store_true", help="skip the 20k and 200k runs")
    parser.add_argument("--scale-only", action="store_true", help="only the 20k and 200k runs")
    parser.add_argument("--sources", action="store_true", help="also show what each source of bitext adds")
    parser.add_argument("--seeds", action="store_true", help="also three more perturbation seeds")
    parser.add_argument("--nulls", action="store_true", help="list the wrong null beads by gold bead kind, and the missed ones (stderr)")
    parser.add_argument("--frontier", action="store_true", help="null-bead precision against recall as their costs move")
    parser.add_argument("--tune", action="store_true", help="search the scorer weights on WMT22 dev")
    parser.add_argument("--calibrate", action="store_true", help="fit the bead score on WMT22 dev")
    parser.add_argument("--scale-worker", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.scale_worker:
        scale_worker(args.data, args.scale_worker)
    elif args.tune:
        tune(args.data)
    elif args.calibrate:
        calibrate(args.data)
    elif args.frontier:
        frontier(args.data)
    elif args.nulls:
        wrong_nulls(args.data, sys.stderr)
    else:
        if not args.scale_only:
            quality(args.data, args.seeds)
            if args.sources:
                sources(args.data)
        if not args.no_scale:
            scale(args.data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
