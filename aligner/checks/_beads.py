"""The aligned pairs the length and omission rules judge, and the length model. Not a rule.

The aligner may split one poor rendering into an omission plus an addition (a 1-0
bead next to a 0-1 bead). The rules read such a neighbouring pair as one pair whose
lengths disagree, which is what it is for a reader.
"""

from __future__ import annotations

import functools
import math

from aligner.tables import read_table
from aligner.records import Pair, Sentence


def units(pair: Pair) -> list[tuple[list[Sentence], list[Sentence]]]:
    """(Russian sentences, English sentences) per bead, with 1-0 + 0-1 neighbours joined,
    and a null bead joined to the neighbour it completes (:func:`_absorb_nulls`); worked out
    once per pair for the rules that read them (LEN001, OMI001, ADD001), which must not
    change the lists."""
    return pair.facts.once("units", _units)


def _units(pair: Pair) -> list[tuple[list[Sentence], list[Sentence]]]:
    found: list[tuple[list[Sentence], list[Sentence]]] = []
    for ru, en, _ in pair.aligned():
        if found:
            last_ru, last_en = found[-1]
            if (not last_en and last_ru and not ru and en) or (not last_ru and last_en and ru and not en):
                found[-1] = (last_ru + ru, last_en + en)
                continue
        found.append((list(ru), list(en)))
    return _absorb_nulls(found, length_model(pair))


# A neighbour that is this many standard deviations longer than its source predicts, and
# fits better with an unpaired source sentence, holds that sentence: a merged rendering.
# An omission is the error that matters most here, so the evidence asked for is strong.
MERGE_EVIDENCE = 3.0
# An English sentence left unpaired next to a rendering this many standard deviations short
# for its source, that fits better with it, is the rest of that rendering (a split sentence).
SPLIT_EVIDENCE = 1.0


def _absorb_nulls(found: list, model: dict) -> list:
    """Join an unpaired sentence to the paired neighbour whose length it explains.

    The aligner keeps "Или для незрячих." unpaired when the translator merged it into the
    next sentence ("Or for the blind, everyday home appliances -- ..."): that English is
    then too long for its own source and fits with both. Such a null bead is a merged
    rendering (no omission, no length mismatch); a sentence really left out leaves its
    neighbours at their normal length and is still reported.
    """
    result = list(found)
    index = 0
    while index < len(result):
        ru, en = result[index]
        if bool(ru) == bool(en):
            index += 1
            continue
        best = None
        for other in (index - 1, index + 1):
            if not (0 <= other < len(result) and result[other][0] and result[other][1]):
                continue
            other_ru, other_en = result[other]
            if chars(other_ru) < model["min_chars"]:
                continue
            alone = delta(chars(other_ru), chars(other_en), model)
            joined = delta(chars(other_ru + ru), chars(other_en + en), model)
            explains = alone > MERGE_EVIDENCE if ru else alone < -SPLIT_EVIDENCE
            if explains and abs(joined) < abs(alone) and (best is None or abs(joined) < best[0]):
                best = (abs(joined), other)
        if best is None:
            index += 1
            continue
        other = best[1]
        first, second = (other, index) if other < index else (index, other)
        result[first] = (result[first][0] + result[second][0], result[first][1] + result[second][1])
        del result[second]
        index = first
    return result


def length_model(pair: Pair | None = None) -> dict[str, float]:
    """The length model for a document: the table named by the LEN001 option ``model`` (a
    user's own calibration, ``scripts/calibrate_lengths.py --output``), else the bundled one,
    with its ratio moved towards the document's own (:func:`document_ratio`)."""
    path = (pair.options.get("LEN001", {}).get("model") if pair is not None else "") or ""
    model = _read_model(path)
    if pair is None or pair.source is None:
        return model
    return {**model, **pair.facts.once("document_lengths", document_lengths)}


# How many source characters of the model's ratio a document's own ratio is weighed against:
# a translator who writes 40% longer throughout is verbose, not adding text to every sentence.
PRIOR_CHARS = 1500


def document_lengths(pair: Pair) -> dict[str, float]:
    """Characters of the document's paired sentences on each side (``doc_ru``, ``doc_en``)."""
    ru = en = 0
    for bead in pair.beads:
        if bead.source and bead.target:
            ru += sum(len(pair.source_sentences[i].text) for i in bead.source)
            en += sum(len(pair.target_sentences[i].text) for i in bead.target)
    return {"doc_ru": float(ru), "doc_en": float(en)}


def expected_ratio(model: dict, ru_chars: int, en_chars: int) -> float:
    """English characters per Russian one expected for a unit: the model's ratio moved towards
    the rest of the document's (the unit itself left out, so an omission cannot excuse itself;
    a short document says little about its translator and moves it little)."""
    if "doc_ru" not in model:
        return model["ratio"]
    ru_rest = max(model["doc_ru"] - ru_chars, 0.0)
    en_rest = max(model["doc_en"] - en_chars, 0.0)
    return (en_rest + PRIOR_CHARS * model["ratio"]) / (ru_rest + PRIOR_CHARS)


@functools.lru_cache(maxsize=8)
def _read_model(path: str) -> dict[str, float]:
    """name -> value of a length model table (the bundled aligner/data/length_model.tsv for "")."""
    if not path:
        return {row["name"]: float(row["value"]) for row in read_table("length_model.tsv")}
    with open(path, encoding="utf-8") as handle:
        rows = [line.rstrip("\n").split("\t") for line in handle if line.strip() and not line.startswith("#")]
    return {name: float(value) for name, value, *_ in rows[1:]}


def delta(ru_chars: int, en_chars: int, model: dict[str, float] | None = None) -> float:
    """How many standard deviations the English length is from what the Russian predicts."""
    model = model or length_model()
    return (en_chars - expected_ratio(model, ru_chars, en_chars) * ru_chars) / math.sqrt(model["variance"] * ru_chars)


def chars(sentences: list[Sentence]) -> int:
    """Characters of sentences joined by single spaces."""
    return sum(len(s.text) for s in sentences) + max(len(sentences) - 1, 0)


def fit_length_model(pairs: list[tuple[str, str]], rate: float) -> dict[str, float]:
    """Gale & Church's model fitted on clean (Russian, English) segment pairs: the English
    characters per Russian one, the variance per Russian character, and the ``rate`` and
    ``1 - rate`` quantiles of delta as the thresholds (too long measured as LEN001 measures
    it: :func:`aligner.checks._spelt_out.long_lengths`)."""
    import numpy

    from aligner.checks._spelt_out import long_lengths

    ru = numpy.array([len(r) for r, _ in pairs], dtype=float)
    en = numpy.array([len(e) for _, e in pairs], dtype=float)
    ru_long, en_long = (numpy.array(side, dtype=float) for side in zip(*(long_lengths(r, e) for r, e in pairs)))
    ratio = float(en.sum() / ru.sum())
    variance = float(numpy.mean((en - ratio * ru) ** 2 / ru))
    short = (en - ratio * ru) / numpy.sqrt(variance * ru)
    long = (en_long - ratio * ru_long) / numpy.sqrt(variance * ru_long)
    return {"ratio": ratio, "variance": variance,
            "too_short": math.floor(float(numpy.quantile(short, rate)) * 10) / 10,
            "too_long": math.ceil(float(numpy.quantile(long, 1 - rate)) * 10) / 10,
            "min_chars": 20.0}
