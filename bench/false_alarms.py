"""False alarms per 1000 clean sentences, by rule, severity and collection.

Every clean human translation we have is checked the way a user checks files: each
document written as a real file (2-4 sentences to a line, a blank line between
paragraphs, a line of its own for a headline), Russian source in ``DIR/ru/X``,
English in ``DIR/en/X``, one ``aligner check DIR`` run (``check_directory``) per
collection, so corpus-wide rules see a whole collection.

Collections (``../shared/data``):

- ``wmt21-a``: WMT21 ru-en, human translation A (116 documents);
- ``wmt21-b``: WMT21 ru-en, the independent human translation B (107 news documents);
- ``wmt22-dev``: WMT22 ru-en, dev half, human reference;
- ``wmt22-enru``: WMT22 en-ru reversed: the Russian human translation as source, the
  English original as target (every English name in its own spelling). Not grouped
  into documents in the data: consecutive segments are cut into documents of 30.

A finding is counted as a real defect of the human translation only when it is listed
in ``bench/reviewed_findings.tsv`` (kind ``clean``, verdict ``real``) with the text
and the reason; every other finding is a false alarm.

Leave-one-collection-out: the three families (WMT21 A+B, WMT22 dev, WMT22 en-ru) are
the units. ``--loo`` refits what is calibrated (the LEN001/OMI001 length model) on
each family and reports on the other two, besides the figures of the shipped model.

    python bench/false_alarms.py [--collection wmt21-a,wmt22-dev] [--rules NUM001,LEN]
                                 [--show] [--dump FILE.jsonl] [--loo] [--widen 2.0]
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import random
import re
import sys
import tempfile
from pathlib import Path

from aligner.config import Config
from aligner.engine import check_directory

ROOT = Path(__file__).resolve().parents[1]
DATA = Path("/work/shared/data")
REVIEWED = ROOT / "bench" / "reviewed_findings.tsv"
COLLECTIONS = ("wmt21-a", "wmt21-b", "wmt22-dev", "wmt22-enru")
FAMILY = {"wmt21-a": "wmt21", "wmt21-b": "wmt21", "wmt22-dev": "wmt22-dev", "wmt22-enru": "wmt22-enru"}
GOALS = {"all": 5.0, "error": 1.0, "rule": 2.0}
ENRU_DOCUMENT = 30
_CLOSED = re.compile(r"[.!?…:;][\"'”»’)]*\s*$")


def data_dir() -> Path:
    """../shared/data beside the repository (or its main checkout), else /work/shared/data."""
    for candidate in (ROOT.parent / "shared" / "data", ROOT.parents[1] / "shared" / "data", DATA):
        if candidate.is_dir():
            return candidate
    sys.exit(f"false_alarms: no shared data folder (tried {ROOT.parent / 'shared' / 'data'} and {DATA})")


def _jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def load(name: str, folder: Path) -> list[dict]:
    """Documents of a collection: ``id``, ``src`` and ``tgt`` (paragraphs of sentences, 1:1)."""
    if name in ("wmt21-a", "wmt21-b"):
        field = "ref" if name == "wmt21-a" else "ref_b"
        return [{"id": d["id"], "src": d["src"], "tgt": d[field]}
                for d in _jsonl(folder / "wmt21-ruen.jsonl") if d.get(field)]
    if name == "wmt22-dev":
        return [{"id": d["id"], "src": d["src"], "tgt": d["ref"]}
                for d in _jsonl(folder / "wmt22-ruen-dev.jsonl")]
    if name == "wmt22-enru":
        return enru_documents(_jsonl(folder / "wmt22-enru.jsonl"))
    raise SystemExit(f"false_alarms: unknown collection {name!r} (known: {', '.join(COLLECTIONS)})")


def enru_documents(segments: list[dict]) -> list[dict]:
    """Consecutive en-ru segments cut into documents; paragraphs of 3-6 sentences, and a
    segment without closing punctuation (a headline) starts a new paragraph."""
    documents = []
    for first in range(0, len(segments), ENRU_DOCUMENT):
        chunk = segments[first:first + ENRU_DOCUMENT]
        rng = random.Random(first)
        src, tgt, size = [[]], [[]], rng.randint(3, 6)
        for segment in chunk:
            headline = not _CLOSED.search(segment["en"])
            if src[-1] and (headline or len(src[-1]) >= size):
                src.append([])
                tgt.append([])
                size = rng.randint(3, 6)
            src[-1].append(segment["ru"])
            tgt[-1].append(segment["en"])
            if headline:
                src.append([])
                tgt.append([])
        pairs = [(s, t) for s, t in zip(src, tgt) if s]
        documents.append({"id": f"enru.{chunk[0]['seg']:04d}", "src": [s for s, _ in pairs],
                          "tgt": [t for _, t in pairs]})
    return documents


def layout(document: dict) -> list[list[list[int]]]:
    """Per paragraph, the groups of sentence indices that share a line (2-4 each); a
    sentence without closing punctuation (a headline) ends its line."""
    rng = random.Random(document["id"])
    paragraphs = []
    for target in document["tgt"]:
        groups, group, size = [], [], rng.randint(2, 4)
        for index, sentence in enumerate(target):
            group.append(index)
            if len(group) == size or not _CLOSED.search(sentence):
                groups.append(group)
                group, size = [], rng.randint(2, 4)
        if group:
            groups.append(group)
        paragraphs.append(groups)
    return paragraphs


def render(paragraphs: list[list[str]], groups: list[list[list[int]]]) -> str:
    lines = []
    for p, paragraph_groups in enumerate(groups):
        if lines:
            lines.append("")
        for group in paragraph_groups:
            lines.append(" ".join(paragraphs[p][s] for s in group if paragraphs[p][s].strip()))
    return "\n".join(lines) + "\n"


def write_corpus(root: Path, documents: list[dict], target: str = "tgt") -> None:
    """DIR/ru/<id>.txt and DIR/en/<id>.txt for every document."""
    (root / "en").mkdir(parents=True, exist_ok=True)
    (root / "ru").mkdir(parents=True, exist_ok=True)
    for document in documents:
        groups = layout(document)
        name = document["id"].replace("/", "_") + ".txt"
        (root / "ru" / name).write_text(render(document["src"], groups), encoding="utf-8")
        (root / "en" / name).write_text(render(document[target], groups), encoding="utf-8")


def run(documents: list[dict], rules: tuple[str, ...], target: str = "tgt",
        options: dict | None = None) -> tuple[list, int, dict]:
    """(findings, English sentences, path -> English lines) of one ``aligner check DIR`` run."""
    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(Path(tmp), documents, target)
        result = check_directory(tmp, Config(select=rules, rule_options=options or {}))
        lines = {path: [span.text for span in document.lines()]
                 for path, document in result.documents().items()}
        return result.findings, result.summary()["sentences"], lines


def document_of(finding) -> str:
    return Path(finding.path).name[:-len(".txt")]


def reviewed(kind: str = "clean") -> dict[tuple, dict]:
    """(collection, document, rule, text) -> row of bench/reviewed_findings.tsv, for one kind."""
    if not REVIEWED.exists():
        return {}
    rows = {}
    with open(REVIEWED, encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["kind"] == kind:
                rows[(row["collection"], row["document"], row["rule"], row["text"])] = row
    return rows


def split_real(collection: str, findings: list, known: dict) -> tuple[list, list]:
    """(findings listed as real defects of the human translation, false alarms)."""
    real, false = [], []
    for finding in findings:
        row = known.get((collection, document_of(finding), finding.rule, finding.text))
        (real if row and row["verdict"] == "real" else false).append(finding)
    return real, false


def per_1000(count: int, sentences: int) -> float:
    return 1000 * count / max(sentences, 1)


def table(results: dict[str, tuple[list, list, int]]) -> None:
    """False alarms per 1000 sentences: totals, by severity, by rule, per collection."""
    names = list(results)
    width = max(11, *(len(n) for n in names))
    head = " ".join(f"{n:>{width}}" for n in names)
    print(f"   {'':<14}{head}")
    print(f"   {'sentences':<14}" + " ".join(f"{results[n][2]:>{width}}" for n in names))
    print(f"   {'findings':<14}" + " ".join(f"{len(results[n][0]) + len(results[n][1]):>{width}}" for n in names))
    print(f"   {'real (listed)':<14}" + " ".join(f"{len(results[n][0]):>{width}}" for n in names))
    print(f"   {'FALSE /1000':<14}" + " ".join(
        f"{per_1000(len(results[n][1]), results[n][2]):>{width}.2f}" for n in names) + f"   goal <= {GOALS['all']}")
    for severity in ("error", "warning", "info"):
        goal = f"   goal <= {GOALS['error']}" if severity == "error" else ""
        print(f"   {'  ' + severity:<14}" + " ".join(
            f"{per_1000(sum(f.severity == severity for f in results[n][1]), results[n][2]):>{width}.2f}"
            for n in names) + goal)
    rules = sorted({f.rule for n in names for f in results[n][1]})
    for rule in rules:
        print(f"   {'  ' + rule:<14}" + " ".join(
            f"{per_1000(sum(f.rule == rule for f in results[n][1]), results[n][2]):>{width}.2f}"
            for n in names))
    worst = []
    for n in names:
        counts = collections.Counter(f.rule for f in results[n][1])
        rule, count = counts.most_common(1)[0] if counts else ("-", 0)
        worst.append(f"{rule} {per_1000(count, results[n][2]):.2f}")
    print(f"   {'worst rule':<14}" + " ".join(f"{w:>{width}}" for w in worst) + f"   goal <= {GOALS['rule']}")


def show(collection: str, false: list, stream=sys.stderr) -> None:
    for finding in false:
        source = finding.evidence.text if finding.evidence else ""
        print(f"{collection}\t{document_of(finding)}:{finding.line}:{finding.column}\t{finding.rule}\t"
              f"{finding.severity}\t{finding.text[:100]!r}\t{finding.message[:140]}\t{source[:160]!r}", file=stream)


def dump(handle, collection: str, real: list, false: list, lines: dict) -> None:
    for finding, verdict in [(f, "real") for f in real] + [(f, "false") for f in false]:
        handle.write(json.dumps({
            "line_text": lines.get(finding.path, [""] * finding.line)[finding.line - 1],
            "collection": collection, "document": document_of(finding), "line": finding.line,
            "column": finding.column, "rule": finding.rule, "severity": finding.severity,
            "message": finding.message, "text": finding.text, "suggestion": finding.suggestion,
            "source": finding.evidence.text if finding.evidence else None, "verdict": verdict},
            ensure_ascii=False) + "\n")


FAMILIES = ("wmt21", "wmt22-dev", "wmt22-enru")
CALIBRATED = ("LEN001", "OMI001", "ADD001")  # the rules that read the calibrated length model


def segment_pairs(documents: list[dict]) -> list[tuple[str, str]]:
    """(Russian, English) segment pairs of documents, for fitting the length model."""
    return [(r, e) for d in documents for rp, ep in zip(d["src"], d["tgt"]) for r, e in zip(rp, ep)
            if r.strip() and e.strip()]


def leave_one_out(folder: Path, names: list[str], rules: tuple[str, ...], known: dict,
                  shown: bool = False) -> None:
    """The length model refitted without each family (and on each family alone), reported
    on the collections it was not fitted on (with ``shown``, each false alarm printed)."""
    from aligner.checks._beads import fit_length_model

    loaded = {name: load(name, folder) for name in COLLECTIONS}
    by_family = {f: [p for n in COLLECTIONS if FAMILY[n] == f for p in segment_pairs(loaded[n])] for f in FAMILIES}
    schemes = [(f"fitted without {f}", [g for g in FAMILIES if g != f], [f]) for f in FAMILIES]
    schemes += [(f"fitted on {f} alone", [f], [g for g in FAMILIES if g != f]) for f in FAMILIES]
    with tempfile.TemporaryDirectory() as tmp:
        for number, (label, train, test) in enumerate(schemes):
            model = fit_length_model([p for f in train for p in by_family[f]], RATE)
            path = Path(tmp) / f"model{number}.tsv"  # one file per model: tables are read once per path
            path.write_text("name\tvalue\n" + "".join(f"{k}\t{v}\n" for k, v in model.items()), encoding="utf-8")
            results = {}
            for name in [n for n in names if FAMILY[n] in test]:
                findings, sentences, _ = run(loaded[name], rules, options={"LEN001": {"model": str(path)}})
                real, false = split_real(name, findings, known)
                results[name] = (real, false, sentences)
                if shown:
                    show(f"{name} ({label})", false)
            print(f"\n   length model {label} (too_short {model['too_short']}, too_long {model['too_long']}, "
                  f"ratio {model['ratio']:.3f}); rules {','.join(rules)}")
            table(results)


RATE = 0.001  # the quantile of scripts/calibrate_lengths.py


def widened(folder: Path, names: list[str], known: dict, spread: float, shown: bool = False) -> None:
    """LEN001 with its thresholds at -``spread`` and +``spread`` (the shipped model otherwise):
    a stress test of its corroboration by the words, standing for a domain whose lengths
    spread wider than the three collections' (every pair beyond the thresholds is then
    judged by its words alone)."""
    from aligner.checks._beads import length_model

    model = {**length_model(), "too_short": -spread, "too_long": spread}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "widened.tsv"
        path.write_text("name\tvalue\n" + "".join(f"{k}\t{v}\n" for k, v in model.items()), encoding="utf-8")
        results = {}
        for name in names:
            findings, sentences, _ = run(load(name, folder), ("LEN001",), options={"LEN001": {"model": str(path)}})
            real, false = split_real(name, findings, known)
            results[name] = (real, false, sentences)
            if shown:
                show(f"{name} (widened to {spread})", false)
    print(f"\n   LEN001 with its thresholds widened to -{spread} / +{spread} (shipped model otherwise)")
    table(results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--collection", default=",".join(COLLECTIONS),
                        help=f"comma-separated subset of {', '.join(COLLECTIONS)}")
    parser.add_argument("--rules", default="ALL", help="codes or prefixes to run (default ALL)")
    parser.add_argument("--data", type=Path, default=None, help="folder with the WMT jsonl files")
    parser.add_argument("--show", action="store_true", help="print every false alarm (tab-separated, stderr)")
    parser.add_argument("--dump", type=Path, help="write every finding as JSON lines, with its verdict")
    parser.add_argument("--loo", action="store_true",
                        help="also refit the length model leaving each collection out (and on each alone) "
                             "and report LEN001/OMI001/ADD001 on the collections it was not fitted on")
    parser.add_argument("--widen", type=float, default=0.0, metavar="Z",
                        help="also run LEN001 with its thresholds at -Z / +Z: how much its corroboration by "
                             "the words lets through where lengths spread wider")
    args = parser.parse_args()
    folder = args.data or data_dir()
    names = [n.strip() for n in args.collection.split(",") if n.strip()]
    rules = tuple(r.strip() for r in args.rules.split(",") if r.strip())
    known = reviewed("clean")
    results = {}
    out = open(args.dump, "w", encoding="utf-8") if args.dump else None
    for name in names:
        findings, sentences, lines = run(load(name, folder), rules)
        real, false = split_real(name, findings, known)
        results[name] = (real, false, sentences)
        if args.show:
            show(name, false)
        if out:
            dump(out, name, real, false, lines)
    if out:
        out.close()
    print(f"False alarms on clean human translations, per 1000 English sentences (rules: {','.join(rules)})")
    table(results)
    if args.loo:
        print("\nLeave-one-collection-out for what is calibrated (the length model; shipped model above is "
              "fitted on all three families)")
        leave_one_out(folder, names, CALIBRATED if rules == ("ALL",) else rules, known, args.show)
    if args.widen:
        widened(folder, names, known, args.widen, args.show)


if __name__ == "__main__":
    main()
