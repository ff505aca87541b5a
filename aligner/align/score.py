"""Bead costs: sentence length ratio plus lexical and anchor overlap.

A bead joining Russian sentences ``I`` and English sentences ``J`` costs

    (|I| + |J|) / 2 * w_len * length_cost + w_lex * (1 - similarity) + penalty[kind]
        + w_unmatched * unmatched - w_matched * matched

where ``length_cost`` is the squared z-score of log(English chars / Russian chars),
whose variance shrinks as the bead gets longer (as in Gale & Church), capped at
``length_cost_cap`` (a partly translated sentence is still a pair, not two null beads), and
``similarity`` is a Dice coefficient over matched tokens (see ``lexicon``; Russian words
the lexicon never saw also match their ``cognates`` in the English text), anchors
(numbers, names, Latin words) weighing ``anchor_weight``, and ``unmatched`` is the
weighted count of the bead's tokens left unmatched: a Dice coefficient alone says as
much against two long sentences sharing no word as against two short ones, but the
long pair is far surer to be no translation; and ``matched``, the weighted count of
matched tokens, is the evidence on the other side: a long sentence pair sharing many
words is surer to be a translation than a short one (without it, the unmatched cost
of a long, sparsely glossed pair could exceed two null beads and split an exact
translation into an omission and an addition). Matches are kept as bit sets
of token positions, so a token matched by two sentences of a merged bead counts once:
a sentence whose words are already covered by its neighbour gains nothing by joining
it. Null beads (omissions, additions) cost ``skip`` each, plus up to ``skip_sparse`` for
a sentence with little the lexicon glosses. In the coarse pass an item is a block of
``unit`` sentences, the per-bead terms are multiplied by ``unit`` and a block's skip is
its sentences' skips, so a block costs about what its sentences would: skipping a block is
as dear as skipping its sentences, and the search does not jump along repeated
content. The similarity term counts once per bead, not per sentence: a sentence joining a
well-matched neighbour costs the kind penalty and what it changes in the bead's
similarity, and a merged bead is not dearer for being as well matched as a 1-1 one
(see ``align_params.md``). The weights live in ``aligner/data/align_params.json``
(read by :mod:`aligner.align.params`).
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
import zlib
from dataclasses import dataclass

import numpy as np

from aligner.align.cognates import cognate_keys
from aligner.align.lexicon import (
    GUESS,
    PIECE_KEY,
    Lexicon,
    default_lexicon,
    english_tokens,
    russian_glosses,
    words,
)
from aligner.align.params import Params, default_params

LENGTH_SMOOTHING = 10.0  # characters added to both sides before the log ratio
BITS = 64  # token positions are kept as bits of one unsigned 64-bit word (modulo 64)


@dataclass
class Side:
    """Per-item features of one language; an item is a sentence or a block of sentences."""

    lengths: np.ndarray  # characters
    mass: np.ndarray  # matchable tokens, anchors weighted
    tokens: object  # what the scorer matches on (see Scorer and BlockScorer)
    skips: np.ndarray  # cost of leaving each item unaligned (see _skips)
    ends: np.ndarray  # sentence ends (at least one per item; see _ends)

    def __len__(self) -> int:
        return len(self.lengths)


class _Costs:
    """Bead costs from summed features; shared by the sentence and the block scorers."""

    ru: Side
    en: Side
    params: Params
    unit: int = 1  # sentences per item: a block bead costs about what its sentences' beads would

    def costs(self, a: int, b: int, ru_len: np.ndarray, en_len: np.ndarray,
              ru_mass: np.ndarray, en_mass: np.ndarray, matched: np.ndarray,
              ends_gap: np.ndarray | float = 1.0) -> np.ndarray:
        """Cost of ``a``-``b`` beads (a, b >= 1) given their summed features (vectors);
        ``ends_gap``: how many more sentence ends (``_ends``) the Russian side has."""
        p = self.params
        length_cost, similarity = self.terms(ru_len, en_len, ru_mass, en_mass, matched)
        total_mass = ru_mass + en_mass
        unmatched = np.maximum(total_mass - matched, 0.0)
        penalty = p.penalty.get(f"{a}-{b}", 0.0)
        if min(a, b) == 1 < max(a, b):  # one item that shows as many sentences as the other side's several
            penalty = penalty - p.shape_discount * (ends_gap == 0)
        return (self.unit * ((a + b) / 2.0 * p.w_len * length_cost + p.w_lex * (1.0 - similarity) + penalty)
                + p.w_unmatched * unmatched - p.w_matched * matched)

    def terms(self, ru_len: np.ndarray, en_len: np.ndarray, ru_mass: np.ndarray, en_mass: np.ndarray,
              matched: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The length cost (squared z-score, at most ``length_cost_cap``) and the similarity of beads."""
        p = self.params
        ratio = np.log((en_len + LENGTH_SMOOTHING) / (ru_len + LENGTH_SMOOTHING))
        variance = p.length_var_floor + p.length_var_per_char / ((ru_len + en_len) / 2 + LENGTH_SMOOTHING)
        length_cost = np.minimum((ratio - p.length_log_ratio_mean) ** 2 / variance, p.length_cost_cap)
        total_mass = ru_mass + en_mass
        similarity = np.where(total_mass > 0, np.minimum(matched / np.maximum(total_mass, 1.0), 1.0), 0.5)
        return length_cost, similarity

    def coarse(self, size: int) -> BlockScorer:
        """The same texts in blocks of ``size`` items, for a first rough pass."""
        return BlockScorer.of(self, size)


class Scorer(_Costs):
    """Features of two lists of sentences, and the cost of any bead between them.

    Russian ``tokens``: per sentence, a list of (English keys, is anchor), one per token.
    English ``tokens``: per sentence, a dict key -> (word bits, anchor bits): the
    positions of the tokens offering that key.
    """

    def __init__(self, ru: Side, en: Side, params: Params):
        self.ru = ru
        self.en = en
        self.params = params
        self._arrays = None  # the postings as flat arrays, for band_features (built when first needed)
        self._keys: list[str] = []  # every key, by key id (see _posting_arrays)
        self._english_keys = 0  # how many of them some English item offers

    @classmethod
    def for_sentences(cls, ru: list[str], en: list[str], lexicon: Lexicon | None = None,
                      params: Params | None = None) -> Scorer:
        lexicon = lexicon or default_lexicon()
        params = _with_length_mean(params or default_params(), ru, en)
        ru_words, en_words = list(map(words, ru)), list(map(words, en))  # split once, used thrice
        glosses = [russian_glosses(sentence, lexicon, words_of_sentence=tokens) for sentence, tokens in zip(ru, ru_words)]
        # Tokens share their glosses: each distinct one weighed once.
        masses = {gloss: _mass(*gloss, params) for gloss in dict.fromkeys(itertools.chain.from_iterable(glosses))}
        ru_mass = [sum(map(masses.__getitem__, g)) for g in glosses]
        # Guessed words weigh nothing in a bead, but their silence is evidence (see _skips).
        guessed = {gloss: float(GUESS in gloss[0]) for gloss in masses}
        ru_guessed = np.array([sum(map(guessed.__getitem__, g)) for g in glosses], dtype=float)
        cognates = cognate_keys(ru, en, lexicon, ru_words, en_words)
        if cognates:  # matches they add, never mass: a cognate is found only where it matches
            glosses = [russian_glosses(sentence, lexicon, cognates, tokens)
                       if not cognates.keys().isdisjoint(tokens) else sentence_glosses
                       for sentence, tokens, sentence_glosses in zip(ru, ru_words, glosses)]
        en_tokens, en_mass = [], []
        for sentence, sentence_words in zip(en, en_words):
            tokens, glossable, anchors = english_tokens(sentence, lexicon, sentence_words)
            en_tokens.append(_bits_by_key(tokens))
            en_mass.append(glossable + params.anchor_weight * anchors)
        ru_mass, en_mass = np.array(ru_mass, dtype=float), np.array(en_mass, dtype=float)
        return cls(Side(np.array([len(s) for s in ru], dtype=float), ru_mass, glosses,
                        _skips(ru_mass + ru_guessed, params), _ends(ru)),
                   Side(np.array([len(s) for s in en], dtype=float), en_mass, en_tokens, _skips(en_mass, params),
                        _ends(en)),
                   params)

    def band_features(self, first: int, starts: np.ndarray, stops: np.ndarray) -> np.ndarray:
        """Which tokens match between Russian items ``first``, ``first + 1`` ... and English
        items ``starts[k]:stops[k]``: an (items, 4, widest) array of bit sets (zero-padded),
        per pair Russian words, Russian anchors, English words, English anchors."""
        codes, en_index, en_bits, ru_offsets, ru_key, ru_bit, ru_anchor = self._posting_arrays()
        width = max(int((stops - starts).max()), 1)
        out = np.zeros((len(starts), 4, width), dtype=np.uint64)
        begin, end = ru_offsets[first], ru_offsets[first + len(starts)]
        row = np.repeat(np.arange(len(starts)), np.diff(ru_offsets[first:first + len(starts) + 1]))
        # The Russian keys some English item offers, in the order of their first postings
        # (the search is much faster over ascending queries; OR-ing bits needs no order).
        span = len(self.en) + 1
        valid = np.flatnonzero(ru_key[begin:end] < self._english_keys)
        order = valid[np.argsort(ru_key[begin:end][valid] * span + starts[row[valid]], kind="stable")] + begin
        keys, bits, anchors, row = ru_key[order], ru_bit[order], ru_anchor[order], row[order - begin]
        low = np.searchsorted(codes, keys * span + starts[row])
        high = np.searchsorted(codes, keys * span + stops[row])
        counts = high - low
        pair_token = np.repeat(np.arange(len(keys)), counts)
        posting = np.arange(len(pair_token)) - np.repeat(np.cumsum(counts) - counts, counts) + low[pair_token]
        pair_row = row[pair_token]
        # Each matching (Russian token, English item) pair ORs its bits into its cell.
        cells = out.reshape(-1)
        base = pair_row * (4 * width) + (en_index[posting] - starts[pair_row])
        np.bitwise_or.at(cells, base + anchors[pair_token].astype(np.int64) * width, bits[pair_token])
        np.bitwise_or.at(cells, base + 2 * width, en_bits[posting, 0])
        np.bitwise_or.at(cells, base + 3 * width, en_bits[posting, 1])
        return out

    def _posting_arrays(self):
        """The postings and the Russian glosses as flat arrays: posting codes
        (key id * (English items + 1) + English item), ascending, with their English item
        and (word bits, anchor bits); per Russian item the offset of its first gloss key,
        and per gloss key its key id, bit and anchor flag. Key ids number the keys in order
        of first appearance in the English items (the first ``_english_keys``), then in the
        Russian glosses; ``_keys`` lists them. Built with C-level iteration (chain, map)
        over the per-sentence records, not Python loops."""
        if self._arrays is None:
            en_keys = list(itertools.chain.from_iterable(self.en.tokens))  # each item's keys, in order
            key_ids = {key: number for number, key in enumerate(dict.fromkeys(en_keys))}
            span = len(self.en) + 1
            per_item = np.fromiter(map(len, self.en.tokens), dtype=np.int64, count=len(self.en))
            items = np.repeat(np.arange(len(self.en), dtype=np.int64), per_item)
            codes = np.fromiter(map(key_ids.__getitem__, en_keys), dtype=np.int64, count=len(en_keys)) * span + items
            order = np.argsort(codes, kind="stable")  # codes are distinct: by key, then item
            codes = codes[order]
            en_bits = np.fromiter(itertools.chain.from_iterable(itertools.chain.from_iterable(
                map(dict.values, self.en.tokens))), dtype=np.uint64, count=2 * len(en_keys)).reshape(-1, 2)[order]
            # Per Russian token its key ids (one list per distinct gloss), bit and anchor flag.
            glosses, token_counts, anchors = self._russian_tokens()
            self._english_keys = len(key_ids)
            number = key_ids.setdefault
            ids_of = {gloss: [number(key, len(key_ids)) for key in gloss] for gloss in dict.fromkeys(glosses)}
            self._keys = list(key_ids)
            per_token = list(map(ids_of.__getitem__, glosses))
            counts = np.fromiter(map(len, per_token), dtype=np.int64, count=len(per_token))
            ru_key = np.fromiter(itertools.chain.from_iterable(per_token), dtype=np.int64, count=int(counts.sum()))
            token_offsets = np.concatenate([[0], np.cumsum(token_counts)])
            positions = np.arange(len(glosses)) - np.repeat(token_offsets[:-1], token_counts)
            ru_bit = np.left_shift(np.uint64(1), (positions % BITS).astype(np.uint64))
            offsets = np.concatenate([[0], np.cumsum(counts)])[token_offsets]
            self._arrays = (codes, codes % span, en_bits, offsets.astype(np.int64), ru_key,
                            np.repeat(ru_bit, counts), np.repeat(anchors, counts))
        return self._arrays

    def _russian_tokens(self) -> tuple[list[frozenset[str]], np.ndarray, np.ndarray]:
        """Every Russian token's gloss set, in order; tokens per item; anchor flags."""
        tokens = list(itertools.chain.from_iterable(self.ru.tokens))
        token_counts = np.fromiter(map(len, self.ru.tokens), dtype=np.int64, count=len(self.ru.tokens))
        anchors = np.fromiter(map(operator.itemgetter(1), tokens), dtype=bool, count=len(tokens))
        return list(map(operator.itemgetter(0), tokens)), token_counts, anchors

    def matched(self, gathered: list[list[np.ndarray]], counted: list[list[tuple]] | None = None) -> np.ndarray:
        """Weighted count of matched tokens, both sides, for beads joining Russian items
        with English items: ``gathered[s][t]`` holds the ``band_features`` bits (last axis)
        of the bead's Russian item ``s`` with its English item ``t``, one per bead (the
        other axes). A token matched twice counts once; and the side with several items
        counts no more matched tokens than the other side has: a sentence whose words
        only match words its neighbour already matched adds nothing to the bead.
        ``counted[s][t]``: ``pair_counts(gathered[s][t])``, if the caller keeps them (they
        serve where one side of the bead is one item)."""
        weight = self.params.anchor_weight
        ru_total = np.zeros(gathered[0][0].shape[:-1])
        en_total = np.zeros(gathered[0][0].shape[:-1])
        for s, per_item in enumerate(gathered):  # each Russian token once, however many English items
            if counted is not None and len(per_item) == 1:
                ru_total += counted[s][0][0]
                continue
            union = functools.reduce(np.bitwise_or, (g[..., :2] for g in per_item))
            counts = np.bitwise_count(union)
            ru_total += counts[..., 0] + weight * counts[..., 1]
        for t in range(len(gathered[0])):  # each English token once, however many Russian items
            if counted is not None and len(gathered) == 1:
                en_total += counted[0][t][1]
                continue
            union = functools.reduce(np.bitwise_or, (per_item[t][..., 2:] for per_item in gathered))
            counts = np.bitwise_count(union)
            en_total += counts[..., 0] + weight * counts[..., 1]
        if len(gathered) > 1:
            ru_total = np.minimum(ru_total, en_total)
        if len(gathered[0]) > 1:
            en_total = np.minimum(en_total, ru_total)
        return ru_total + en_total

    def pair_counts(self, features: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Weighted matched tokens (Russian, English) of one Russian item with one English
        item, from its ``band_features`` bits (last axis)."""
        counts = np.bitwise_count(features)
        weight = self.params.anchor_weight
        return counts[..., 0] + weight * counts[..., 1], counts[..., 2] + weight * counts[..., 3]


def _with_length_mean(params: Params, ru: list[str], en: list[str]) -> Params:
    """``params`` with the expected length ratio moved towards the one of the two texts
    as wholes: the direction of translation and the kind of text change it (English is
    about 5% longer than the Russian it renders on WMT news from Russian, 8% shorter than
    the English original it was rendered from on WMT22 en->ru). The texts' ratio counts
    as ``min(len(ru), len(en))`` sentences against ``length_mean_prior`` for the shipped
    mean, and moves it by ``length_mean_shift`` at most (a text half of which is missing
    on one side must not teach the model that it should be)."""
    count = min(len(ru), len(en))
    if not count or not params.length_mean_shift:
        return params
    own = np.log(sum(len(s) + LENGTH_SMOOTHING for s in en) / len(en)
                 / (sum(len(s) + LENGTH_SMOOTHING for s in ru) / len(ru)))
    shift = count / (count + params.length_mean_prior) * (own - params.length_log_ratio_mean)
    shift = float(np.clip(shift, -params.length_mean_shift, params.length_mean_shift))
    return params.replace(length_log_ratio_mean=params.length_log_ratio_mean + shift)


_SENTENCE_END = re.compile(r"[.!?…]+[»\"”’)]*(?:\s+(?=[«\"“„(]?[A-ZА-ЯЁ0-9])|\s*$)")


def _ends(sentences: list[str]) -> np.ndarray:
    """Sentence ends per item: a full stop, question or exclamation mark (closing quotes
    after it) before a capital or the end; at least one."""
    return np.array([max(len(_SENTENCE_END.findall(s)), 1) for s in sentences], dtype=float)


def _skips(mass: np.ndarray, params: Params) -> np.ndarray:
    """Cost of leaving each sentence unaligned: ``skip``, plus up to ``skip_sparse`` for a
    sentence with little the lexicon glosses (falling linearly to nothing at a mass of
    ``sparse_mass``): that nothing of such a sentence matches its neighbours says little,
    so it is rather joined to a neighbour than declared an omission or an addition. For
    this a Russian word the general dictionary guesses counts as glossed (``mass`` is
    then the bead mass plus such words): its guesses finding nothing is some evidence."""
    return params.skip + params.skip_sparse * np.clip(1.0 - mass / params.sparse_mass, 0.0, 1.0)


def _mass(keys: frozenset[str], anchor: bool, params: Params) -> float:
    """A Russian token's weight in the bead's mass; none for a word glossed only by a guess
    (its sentencepiece piece, or the general dictionary): it may add matches, never cost them."""
    if anchor:
        return params.anchor_weight
    return 0.0 if GUESS in keys or all(key.startswith(PIECE_KEY) for key in keys) else 1.0


def _bits_by_key(tokens: list[tuple[frozenset[str], bool]]) -> dict[str, tuple[int, int]]:
    """key -> (bits of the word tokens offering it, bits of the anchor tokens offering it)."""
    found: dict[str, tuple[int, int]] = {}
    for position, (keys, anchor) in enumerate(tokens):
        bit = 1 << (position % BITS)
        for key in keys:
            word, anchor_bits = found.get(key, (0, 0))
            found[key] = (word, anchor_bits | bit) if anchor else (word | bit, anchor_bits)
    return found


class BlockScorer(_Costs):
    """A coarse view for the first pass: items are blocks of sentences, and a block is a
    vector of its keys hashed into ``HASH_BUCKETS`` buckets (Russian: glossed keys summed
    with their tokens' weights; English: keys present). Their dot product stands for
    the matched tokens: rough, but cheap enough to compare every block with every block."""

    def __init__(self, ru: Side, en: Side, params: Params, unit: int):
        self.ru, self.en, self.params, self.unit = ru, en, params, unit
        self._all_pairs: np.ndarray | None = None

    @classmethod
    def of(cls, scorer: _Costs, size: int) -> BlockScorer:
        ru_starts = list(range(0, len(scorer.ru), size))
        en_starts = list(range(0, len(scorer.en), size))
        if isinstance(scorer, BlockScorer):
            ru_vectors = np.add.reduceat(scorer.ru.tokens, ru_starts)
            en_vectors = np.maximum.reduceat(scorer.en.tokens, en_starts)
        else:
            codes, en_index, _, offsets, ru_key, _, ru_anchor = scorer._posting_arrays()
            key_buckets = np.fromiter(map(_bucket, scorer._keys), dtype=np.int64, count=len(scorer._keys))
            # Each Russian key adds its token's weight to its block's bucket, in order (float32).
            blocks = np.repeat(np.arange(len(scorer.ru)) // size, np.diff(offsets))
            weights = np.where(ru_anchor, np.float32(scorer.params.anchor_weight), np.float32(1.0))
            ru_vectors = np.zeros((len(ru_starts), HASH_BUCKETS), dtype=np.float32)
            np.add.at(ru_vectors, (blocks, key_buckets[ru_key]), weights)
            # Each English key marks its block's bucket.
            en_vectors = np.zeros((len(en_starts), HASH_BUCKETS), dtype=np.float32)
            en_vectors[en_index // size, key_buckets[codes // (len(scorer.en) + 1)]] = 1.0
        return cls(Side(np.add.reduceat(scorer.ru.lengths, ru_starts),
                        np.add.reduceat(scorer.ru.mass, ru_starts), ru_vectors,
                        np.add.reduceat(scorer.ru.skips, ru_starts), np.add.reduceat(scorer.ru.ends, ru_starts)),
                   Side(np.add.reduceat(scorer.en.lengths, en_starts),
                        np.add.reduceat(scorer.en.mass, en_starts), en_vectors,
                        np.add.reduceat(scorer.en.skips, en_starts), np.add.reduceat(scorer.en.ends, en_starts)),
                   scorer.params, scorer.unit * size)

    def row_features(self, ru_index: int, start: int, stop: int) -> np.ndarray:
        """Estimated matched tokens (both sides) of block ``ru_index`` with blocks ``start:stop``."""
        if stop - start == len(self.en):  # a whole search: one matrix product for every row
            if self._all_pairs is None:
                self._all_pairs = 2.0 * (self.ru.tokens @ self.en.tokens.T).astype(float)
            return self._all_pairs[ru_index]
        return 2.0 * (self.en.tokens[start:stop] @ self.ru.tokens[ru_index]).astype(float)

    def band_features(self, first: int, starts: np.ndarray, stops: np.ndarray) -> np.ndarray:
        """``row_features`` of blocks ``first``, ``first + 1`` ... with English blocks
        ``starts[k]:stops[k]``, stacked: (items, 1, widest), zero-padded."""
        if len(self.en) and (stops - starts == len(self.en)).all():  # a whole search: rows of one product
            self.row_features(first, 0, len(self.en))
            return self._all_pairs[first:first + len(starts), None, :]
        features = [np.atleast_2d(self.row_features(first + k, int(start), int(stop)))
                    for k, (start, stop) in enumerate(zip(starts, stops))]
        width = max(max(f.shape[1] for f in features), 1)
        stacked = np.zeros((len(features), features[0].shape[0], width), dtype=features[0].dtype)
        for index, f in enumerate(features):
            stacked[index, :, :f.shape[1]] = f
        return stacked

    def matched(self, gathered: list[list[np.ndarray]], counted: list[list[tuple]] | None = None) -> np.ndarray:
        """Estimated matched tokens: ``row_features`` of each Russian block with each
        English block of the bead (``gathered[s][t]``, last axis of length 1), summed;
        ``counted`` is not used (see ``pair_counts``)."""
        total = np.zeros(gathered[0][0].shape[:-1])
        for per_item in gathered:
            for g in per_item:
                total += g[..., 0]
        return total

    def pair_counts(self, features: np.ndarray) -> None:
        """Nothing: block estimates are summed as they are (see ``matched``)."""
        return


HASH_BUCKETS = 1024


@functools.lru_cache(maxsize=200_000)
def _bucket(key: str) -> int:
    return zlib.crc32(key.encode("utf-8")) % HASH_BUCKETS
