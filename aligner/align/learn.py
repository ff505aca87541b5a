"""Learning the Russian->English lexicon from sentence pairs (used by the build script and
bench; the pairs come from ``aligner.align.bitext``).

The pairs come in groups: the renderings of one segment (a reference and several MT
outputs). Every group counts once, each of its pairs with weight 1/len(group), so
that ten near-identical outputs of one sentence do not pass for ten sightings.

Two estimates are joined, each keeping at most ``keep`` English stems per Russian stem:

- Dice coefficient of sentence co-occurrence (pairs seen in at least ``min_count``
  groups, Dice >= ``min_dice``): precise for words seen several times;
- IBM Model 1 translation probabilities p(english | russian), with a null word, after
  ``iterations`` rounds of EM (p >= ``min_prob``): the expectation step lets the
  known words explain their translations away, so a word seen once still finds its own.

Stems found in more than ``max_share`` of the segments (function words) are left out
on both sides: they match everywhere and tell nothing about which sentences belong together
(the Russian ones stay in the lexicon with no English, as known words).

``learn_with_pieces`` adds the back-off table: a joint sentencepiece unigram model
trained on the same sentences, and the same Dice estimate over word-initial pieces.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import sentencepiece

from aligner.align.lexicon import (
    LEXICON_FILE,
    PIECE_LEXICON_FILE,
    PIECE_MODEL_FILE,
    Lexicon,
    Segmenter,
    english_stem,
    russian_stem,
    words,
)

NULL = "<null>"
PIECE_VOCAB = 8000  # pieces in the joint sentencepiece model
PIECE_MIN_DICE = 0.3  # pieces pair only when they go together this reliably
# Stems in more than this share of segments are left out of the shipped stem table. At
# 0.02, words as telling as "said", "year" or "people" were dropped; 0.2 leaves out only
# true function words (see align_params.md: null-bead precision .81 -> .91 on WMT21).
STEM_MAX_SHARE = 0.2
Units = Callable[[str], list[str]]  # a sentence's units (stems, pieces) in order, to be paired


@dataclass
class _Bitext:
    """Stem ids per sentence, with the pair weights and co-occurrence table."""

    ru_names: np.ndarray
    en_names: np.ndarray
    ru_rows: list[np.ndarray]  # first id of every row is the null word
    en_rows: list[np.ndarray]
    weights: np.ndarray
    pair_ids: np.ndarray  # (russian, english) co-occurrence -> row of ``table``
    table: np.ndarray  # russian id * len(en_names) + english id, sorted
    counts: np.ndarray  # weighted co-occurrence count per table row

    def frequent(self, max_share: float) -> tuple[np.ndarray, np.ndarray]:
        """Boolean masks of Russian and English ids found in more than ``max_share`` of segments."""
        ru_freq = _weighted_counts(self.ru_rows, self.weights, len(self.ru_names))
        en_freq = _weighted_counts(self.en_rows, self.weights, len(self.en_names))
        limit = max_share * self.weights.sum()
        ru_frequent = ru_freq > limit
        ru_frequent[0] = True  # the null word is no word
        return ru_frequent, en_freq > limit


def russian_stems(sentence: str) -> list[str]:
    return [russian_stem(w) for w in words(sentence) if w.isalpha() and not w.isascii()]


def english_stems(sentence: str) -> list[str]:
    return [english_stem(w) for w in words(sentence) if w.isalpha()]


def learn_lexicon(groups: Iterable[list[tuple[str, str]]], *, keep: int = 3, min_dice: float = 0.1,
                  min_count: int = 2, min_prob: float = 0.1, iterations: int = 6,
                  max_share: float = 0.02, ibm1: bool = True, ru_units: Units = russian_stems,
                  en_units: Units = english_stems) -> Lexicon:
    """A lexicon learned from groups of ``(russian, english)`` sentence pairs: the units
    (by default word stems) of the Russian sentences to those of the English ones; with
    ``ibm1`` false, from the Dice estimate alone."""
    bitext = _encode(groups, ru_units, en_units)
    if bitext is None:
        return Lexicon.empty()
    ru_frequent, en_frequent = bitext.frequent(max_share)
    width = len(bitext.en_names)
    ru_ids, en_ids = bitext.table // width, bitext.table % width
    usable = ~ru_frequent[ru_ids] & ~en_frequent[en_ids]
    entries: dict[str, tuple[str, ...]] = {}
    estimates = [(_dice(bitext, ru_ids, en_ids), min_dice, bitext.counts >= min_count)]
    if ibm1:
        estimates.append((_ibm1(bitext, ru_ids, iterations), min_prob, True))
    for scores, threshold, extra in estimates:
        good = np.flatnonzero(usable & (scores >= threshold) & extra)
        good = good[np.lexsort((-scores[good], ru_ids[good]))]  # by Russian stem, best first
        found: dict[int, list[int]] = {}
        for ru_id, en_id in zip(ru_ids[good], en_ids[good]):
            stems = found.setdefault(int(ru_id), [])
            if len(stems) < keep:
                stems.append(int(en_id))
        for ru_id, en_list in found.items():
            name = bitext.ru_names[ru_id]
            merged = entries.get(name, ()) + tuple(bitext.en_names[e] for e in en_list)
            entries[name] = tuple(dict.fromkeys(merged))
    for name in bitext.ru_names[1:][ru_frequent[1:]]:
        entries[name] = ()  # known, but too common to tell sentences apart
    return Lexicon(entries, frozenset(s for stems in entries.values() for s in stems))


def train_segmenter(groups: list[list[tuple[str, str]]], vocab_size: int = PIECE_VOCAB) -> Segmenter:
    """A joint Russian+English sentencepiece unigram model over the distinct lower-cased
    sentences of ``groups`` (one thread, sorted input: the same model every time)."""
    sentences = sorted({text.lower() for group in groups for pair in group for text in pair})
    model = io.BytesIO()
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(sentences), model_writer=model, vocab_size=vocab_size,
        model_type="unigram", character_coverage=1.0, num_threads=1, minloglevel=2,
        hard_vocab_limit=False)  # a small collection may not have vocab_size pieces
    return Segmenter(model.getvalue())


def learn_with_pieces(groups: list[list[tuple[str, str]]], vocab_size: int = PIECE_VOCAB) -> Lexicon:
    """The stem lexicon of ``groups`` with a piece table to fall back on: word-initial
    pieces of a sentencepiece model trained on ``groups``, paired by Dice alone (IBM
    Model 1 on pieces pairs noise; see ``aligner/data/align_params.md``)."""
    segmenter = train_segmenter(groups, vocab_size)
    pieces = learn_lexicon(groups, min_dice=PIECE_MIN_DICE, ibm1=False,
                           ru_units=segmenter.russian_pieces, en_units=segmenter.english_pieces)
    return learn_lexicon(groups, max_share=STEM_MAX_SHARE).with_pieces(segmenter, pieces.entries)


def _encode(groups, ru_units: Units, en_units: Units) -> _Bitext | None:
    ru_vocab: dict[str, int] = {NULL: 0}
    en_vocab: dict[str, int] = {}
    ru_rows, en_rows, weights = [], [], []
    for group in groups:
        for ru, en in group:
            weights.append(1.0 / len(group))
            ru_ids = {ru_vocab.setdefault(unit, len(ru_vocab)) for unit in ru_units(ru)}
            en_ids = {en_vocab.setdefault(unit, len(en_vocab)) for unit in en_units(en)}
            ru_rows.append(np.array([0] + sorted(ru_ids), dtype=np.int64))
            en_rows.append(np.array(sorted(en_ids), dtype=np.int64))
    if not weights or not en_vocab:
        return None
    width = len(en_vocab)
    keys = [np.add.outer(r * width, e).ravel() for r, e in zip(ru_rows, en_rows)]
    table, pair_ids = np.unique(np.concatenate(keys), return_inverse=True)
    weights_array = np.array(weights)
    counts = np.bincount(pair_ids, weights=np.repeat(weights_array, [len(k) for k in keys]),
                         minlength=len(table))
    return _Bitext(np.array(list(ru_vocab), dtype=object), np.array(list(en_vocab), dtype=object),
                   ru_rows, en_rows, weights_array, pair_ids, table, counts)


def _dice(bitext: _Bitext, ru_ids: np.ndarray, en_ids: np.ndarray) -> np.ndarray:
    ru_freq = _weighted_counts(bitext.ru_rows, bitext.weights, len(bitext.ru_names))
    en_freq = _weighted_counts(bitext.en_rows, bitext.weights, len(bitext.en_names))
    return 2.0 * bitext.counts / (ru_freq[ru_ids] + en_freq[en_ids])


def _ibm1(bitext: _Bitext, ru_ids: np.ndarray, iterations: int) -> np.ndarray:
    """p(english stem | russian stem) per table row, by EM from a uniform start."""
    # Each English token of each pair is one "slot" shared out over the pair's Russian
    # stems (the null word included); the co-occurrence keys are Russian-major per pair.
    sizes = [len(e) for e in bitext.en_rows]
    offsets = np.cumsum([0] + sizes[:-1])
    slots = np.concatenate([np.tile(np.arange(len(e)), len(r)) + offset
                            for r, e, offset in zip(bitext.ru_rows, bitext.en_rows, offsets)])
    pair_weight = np.repeat(bitext.weights, [len(r) * len(e)
                                             for r, e in zip(bitext.ru_rows, bitext.en_rows)])
    prob = np.ones(len(bitext.table))
    for _ in range(iterations):
        share = prob[bitext.pair_ids]
        share = share / np.bincount(slots, share, minlength=sum(sizes))[slots] * pair_weight
        expected = np.bincount(bitext.pair_ids, share, minlength=len(bitext.table))
        prob = expected / np.bincount(ru_ids, expected, minlength=len(bitext.ru_names))[ru_ids]
    return prob


def _weighted_counts(rows: list[np.ndarray], weights: np.ndarray, size: int) -> np.ndarray:
    return np.bincount(np.concatenate(rows), weights=np.repeat(weights, [len(r) for r in rows]),
                       minlength=size)


def lexicon_lines(lexicon: Lexicon) -> list[str]:
    """The lexicon as sorted ``ru<TAB>en en`` lines, as ``Lexicon.from_lines`` reads them."""
    return [f"{ru}\t{' '.join(en)}\n" for ru, en in sorted(lexicon.entries.items())]


def write_lexicon(lexicon: Lexicon, folder: Path, source: str) -> None:
    """Write the stem table, piece table and sentencepiece model of ``lexicon`` into
    ``folder`` (as ``aligner.align.lexicon.load_lexicon`` reads them); ``source`` is a
    comment saying what they were learned from."""
    (folder / LEXICON_FILE).write_text(
        "# Russian lemma stem -> English stems, learned by scripts/build_align_data.py\n"
        + source + "".join(lexicon_lines(lexicon)), encoding="utf-8")
    (folder / PIECE_LEXICON_FILE).write_text(
        f"# Russian word-initial piece -> English pieces ({PIECE_MODEL_FILE}), learned by\n"
        "# scripts/build_align_data.py\n" + source
        + "".join(f"{ru}\t{' '.join(en)}\n" for ru, en in sorted(lexicon.pieces.items()) if en),
        encoding="utf-8")
    (folder / PIECE_MODEL_FILE).write_bytes(lexicon.segmenter.model)
