"""Build ``aligner/data/common_words.tsv``: the most common Russian and English words, from wordfreq.

The rules' "function word" test (``aligner.common_words``) only asks whether a word is
at least as common as "the", "about", "что" (wordfreq Zipf >= 6). Asking wordfreq
itself loads its whole list of the language into every checking process (Russian:
~130 MB and ~0.4 CPU s), so the few words at the top are shipped instead: every entry
of wordfreq's "best" list of each language whose Zipf frequency is at least
``--floor`` (a margin below the rules' cut-off, so that a word wordfreq splits into
several tokens is computed from its tokens exactly as wordfreq does), with wordfreq's
own frequency. A token not in the table is rarer than the floor, and so is any word
containing it.

    python scripts/build_common_words.py [--floor 5.9] [--output aligner/data/common_words.tsv]
"""

from __future__ import annotations

import argparse
from importlib.metadata import version
from pathlib import Path

from wordfreq import get_frequency_dict, zipf_frequency

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("en", "ru")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--floor", type=float, default=5.9, help="lowest Zipf frequency kept")
    parser.add_argument("--output", type=Path, default=ROOT / "aligner" / "data" / "common_words.tsv")
    args = parser.parse_args()
    lines = [f"# The most common words of each language: wordfreq {version('wordfreq')} (\"best\" lists),",
             f"# every entry with Zipf frequency >= {args.floor}; frequency as wordfreq stores it.",
             "# Built by scripts/build_common_words.py; see aligner/data/common_words.md.",
             "language\tword\tfrequency"]
    for language in LANGUAGES:
        frequencies = get_frequency_dict(language)
        kept = [(word, frequency) for word, frequency in frequencies.items()
                if zipf_frequency(word, language) >= args.floor]
        lines += [f"{language}\t{word}\t{frequency!r}" for word, frequency in kept]
        print(f"{language}: {len(kept)} words with Zipf >= {args.floor}")
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
