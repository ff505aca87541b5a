"""Alignment on domains its lexicon never saw: reviews and product pages, social posts,
talks and support chats, aligned with a lexicon learned from news alone.

``bench/align.py`` leaves one collection out, but every collection mixes domains, so a
lexicon learned without WMT22 dev has still seen e-commerce and social text in WMT22
en->ru. Here the lexicon is learned from the news documents only (the WMT22 dev half's
news documents and WMT21's news documents: Russian source, references and every MT
output; ``scripts/build_align_data.py``'s learning), and the aligner is scored on:

- WMT22 dev, e-commerce documents (product pages) and social documents (posts, reviews),
  by their ``id`` (``ecommerce_…``, ``social_…``);
- WMT21, the TED talks (``tsuite-tedtalks…``: a talk's Russian subtitles with the
  English original, reference A);
- WMT22 en->ru reversed (English originals: support chats, product pages, social
  posts and news, 12 segments a document; no domain labels), which no news lexicon
  here was learned from either.

Each is perturbed as in ``bench/align.py`` (seeds 2022-2025) and aligned with the news
lexicon, with the lexicon of ``bench/align.py`` (learned without the collection scored),
and by Gale-Church. ``--embedding`` adds the embedding aligner of
``bench/embedding_align.py`` (its settings chosen on WMT22 dev; seed 2022; needs
``pip install .[bench]``; embeddings of new units are computed and cached).

    python bench/align_domains.py [--data DIR] [--embedding]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from align import cached_lexicon, collections, learned, ours, print_table, row
from align_gold import SEED, gale_church, perturbed

from aligner.align.bitext import default_data, document_groups, documents, flat
from aligner.align.lexicon import Lexicon

ROOT = Path(__file__).resolve().parents[1]
SEEDS = (2022, 2023, 2024, 2025)


def domain(document: dict) -> str:
    """A WMT document's domain, from its id."""
    name = document["id"]
    for prefix, label in (("ecommerce_", "e-commerce"), ("social_", "social"), ("tsuite-tedtalks", "talks")):
        if name.startswith(prefix):
            return label
    return "news"


def news_lexicon(data: Path) -> Lexicon:
    """The lexicon learned from the news documents of WMT22 dev and WMT21 alone (references
    and MT outputs), cached like ``align.learned``."""
    return cached_lexicon(data, ("news",), lambda: [
        group for name in ("wmt22-dev", "wmt21")
        for group in document_groups([d for d in documents(data, name) if domain(d) == "news"])],
        "from the news documents alone")


def domain_sets(data: Path) -> list[tuple[str, str, list]]:
    """(name, collection its ``bench/align.py`` lexicon leaves out, document pairs)."""
    wmt22, wmt21 = documents(data, "wmt22-dev"), documents(data, "wmt21")

    def pairs(docs: list[dict], label: str) -> list:
        return [(flat(d["src"]), flat(d["ref"])) for d in docs if domain(d) == label]

    return [("WMT22 dev e-commerce", "wmt22-dev", pairs(wmt22, "e-commerce")),
            ("WMT22 dev social", "wmt22-dev", pairs(wmt22, "social")),
            ("WMT21 TED talks (ref A)", "wmt21", pairs(wmt21, "talks")),
            ("WMT22 en-ru reversed (chats, shops, social, news)", "wmt22-enru", collections(data)[3].pairs)]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=default_data(ROOT), help="folder with the WMT jsonl files")
    parser.add_argument("--embedding", action="store_true", help="add the embedding aligner (seed 2022)")
    args = parser.parse_args(argv)
    news = news_lexicon(args.data)
    if args.embedding:
        from embedding_align import Encoder, chosen_settings, embedding_aligner
        encode = Encoder()
        settings = chosen_settings(encode, args.data)
    means = []
    for name, held_out, pairs in domain_sets(args.data):
        cases = perturbed(pairs, SEED)
        rows = [row("Gale-Church (length only)", cases, gale_church),
                row(f"aligner, lexicon without {held_out}", cases, ours(learned(args.data, (held_out,)))),
                row("aligner, lexicon of news alone", cases, ours(news))]
        if args.embedding:
            rows.insert(1, row("embedding aligner (USE-m3, vecalign)", cases, embedding_aligner(encode, *settings)))
            encode.save()
        print(f"{name}: perturbed seed {SEED}")
        print_table(rows)
        figures = [row("", perturbed(pairs, seed), ours(news)) for seed in SEEDS]
        means.append((name, {key: sum(f[key] for f in figures) / len(figures) for key in ("F1", "null P", "null R")}))
    print(f"aligner, lexicon of news alone, mean of seeds {SEEDS[0]}-{SEEDS[-1]} (strict F1 / null P / null R):")
    for name, mean in means:
        print(f"  {name:52} {mean['F1']:.3f} / {mean['null P']:.3f} / {mean['null R']:.3f}")


if __name__ == "__main__":
    main()
