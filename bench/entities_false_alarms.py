"""False alarms of the body-name rules on clean human translations (WMT22).

Runs ENT001, ENT002, ENT003, TRM001, ACR001 and ACR002 on every document of
``wmt22-ruen-dev.jsonl`` (Russian news, human English references) and on
``wmt22-enru.jsonl`` (English originals with their human Russian translations, taken
as source and target the other way round, 20 segments to a document), twice: with the
Russian side (sentences aligned 1:1 as published, so alignment errors do not count
against these rules) and without it. The texts are clean, so every finding is a false
alarm or a real slip of the human translator: --show lists them for review.

    python bench/entities_false_alarms.py [--data PATH] [--enru PATH] [--show]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aligner.records import Bead, Document, Pair, Sentence  # noqa: E402

RULES = ("ent001_unknown_body_name", "ent002_body_contradicts_source", "trm001_source_term_not_rendered",
         "acr001_romanised_russian_acronym", "acr002_acronym_contradicts_name",
         "ent003_body_named_inconsistently")
DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "wmt22-ruen-dev.jsonl"
ENRU = Path(__file__).resolve().parents[2] / "shared" / "data" / "wmt22-enru.jsonl"


def document(path: str, paragraphs: list[list[str]]) -> tuple[Document, list[Sentence]]:
    text, sentences = "", []
    for paragraph in paragraphs:
        for sentence in paragraph:
            start = len(text)
            text += sentence
            sentences.append(Sentence(start, len(text), sentence, ""))
            text += " "
        text = text.rstrip(" ") + "\n"
    return Document(path, text), sentences


def records(data: Path):
    """Documents as {id, src, ref}; segment files (wmt22-enru) grouped 20 to a document."""
    with open(data, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    if rows and "ref" in rows[0]:
        return rows
    return [{"id": f"enru-{rows[i]['seg']}", "src": [[r["ru"] for r in rows[i:i + 20]]],
             "ref": [[r["en"] for r in rows[i:i + 20]]]} for i in range(0, len(rows), 20)]


def pairs(data: Path, bilingual: bool) -> list[Pair]:
    result = []
    for record in records(data):
        en, en_sentences = document(f"{record['id']}.en", record["ref"])
        if not bilingual:
            result.append(Pair(target=en, target_sentences=en_sentences))
            continue
        ru, ru_sentences = document(f"{record['id']}.ru", record["src"])
        beads = [Bead((i,), (i,), 1.0) for i in range(min(len(ru_sentences), len(en_sentences)))]
        result.append(Pair(target=en, target_sentences=en_sentences, source=ru, source_sentences=ru_sentences,
                           beads=beads))
    return result


def run(datasets: list[Path], show: bool) -> None:
    import importlib

    modules = [importlib.import_module(f"aligner.checks.{name}") for name in RULES]
    print(f"{'data':<22}{'mode':<13}{'rule':<8}{'sentences':>10}{'findings':>10}{'per 1000':>10}"
          f"{'seconds':>9}")
    for data, bilingual in [(d, b) for d in datasets for b in (True, False)]:
        built = pairs(data, bilingual)
        sentences = sum(len(p.target_sentences) for p in built)
        total = 0
        for module in modules:
            began = time.perf_counter()
            found = [f for p in built for f in module.check(p)]
            if hasattr(module, "check_corpus"):
                found += [f for p in built for f in module.check_corpus([module.summarize(p)])]
            seconds = time.perf_counter() - began
            total += len(found)
            mode = "with source" if bilingual else "English only"
            print(f"{data.stem:<22}{mode:<13}{module.CODE:<8}{sentences:>10}{len(found):>10}"
                  f"{1000 * len(found) / sentences:>10.2f}{seconds:>9.2f}")
            if show:
                for finding in found:
                    print(f"    {finding.path}:{finding.line}: {finding.text[:60]!r}: {finding.message}")
        mode = "with source" if bilingual else "English only"
        print(f"{data.stem:<22}{mode:<13}{'all':<8}{sentences:>10}{total:>10}"
              f"{1000 * total / sentences:>10.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--enru", type=Path, default=ENRU)
    parser.add_argument("--show", action="store_true", help="print every finding")
    args = parser.parse_args()
    run([path for path in (args.data, args.enru) if path.is_file()], args.show)


if __name__ == "__main__":
    main()
