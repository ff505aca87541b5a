"""A rendering far shorter or longer than its source.

What it does:
    For every aligned pair (bead) of Russian and English sentences, compares the
    English length with the length the Russian predicts, in the Gale & Church (1993)
    character model: ``delta = (en - ratio * ru) / sqrt(variance * ru)``. ``ratio``,
    ``variance`` and the two thresholds are calibrated on three clean collections
    (WMT21 ru-en refs A and B, WMT22 ru-en dev, WMT22 en-ru reversed) by
    ``scripts/calibrate_lengths.py`` and read from ``aligner/data/length_model.tsv``
    (thresholds: the 0.1% and 99.9% quantiles of delta on clean human translations);
    the option ``model`` names a table calibrated on your own bitext instead.
    It abstains, for named reasons, where a length difference is no error:
    the ratio is moved towards the rest of the document's own (a translator who writes
    longer throughout is verbose, not adding text everywhere); a Cyrillic abbreviation
    (МЧС, ЕГЭ) counts as spelt out when judging "too long", and a body the source names by
    one word (Роскомнадзор, Минобороны: OpenCorpora tags) facing its spelt-out English name
    is left out on both sides (``aligner/checks/_spelt_out.py``); a length difference is
    reported only when the words corroborate it (:func:`reworded_shorter`,
    :func:`reworded_longer`: a lost or added clause leaves a stretch of two or more content
    words without a counterpart, longer than the other side's own); a sentence the aligner left
    unpaired next to a rendering that it makes fit is read as merged into it (a split
    or merged sentence); pairs whose source is shorter than ``min_chars`` are not
    judged. A source sentence left unpaired right next to an unpaired English sentence
    is judged as one pair with it (not as an omission plus an addition).

Why is this bad?
    A rendering much shorter than its source has usually lost a clause or a whole
    sentence (merged into the pair by the aligner); a much longer one carries text the
    source does not have.

Example:
    Source ``Они писали беллетристику, конечно, с точки зрения тех самых дам
    бальзаковского возраста.``, translation ``They wrote belle-lettres.``: reported as
    too short (25 characters where about 87 are expected).
"""

from __future__ import annotations

from typing import Iterable

from aligner.checks._beads import chars, delta, expected_ratio, length_model, units
from aligner.checks._script import is_russian
from aligner.checks._spelt_out import long_lengths, without_spelt_out_names
from aligner.checks._unmatched import stretches
from aligner.records import Finding, Pair

CODE = "LEN001"
NAME = "length-mismatch"
SEVERITY = "warning"
SUMMARY = "A rendering is far shorter or longer than its source (calibrated length model)."
# model: a length model table of your own (scripts/calibrate_lengths.py --output FILE on your
# clean bitext); empty for the bundled one, calibrated on three news and web collections
OPTIONS = {"model": ""}
EXAMPLES = [
    # WMT22 ru-en dev, first document: the rendering lost its second half
    ("Они писали беллетристику, конечно, с точки зрения тех самых дам бальзаковского возраста.",
     "They wrote belle-lettres.", True),
    ("Они писали беллетристику, конечно, с точки зрения тех самых дам бальзаковского возраста.",
     "They wrote belle-lettres, of course, from the point of view of those same Balzac-aged ladies.",
     False),
]


def check(pair: Pair) -> Iterable[Finding]:
    model = length_model(pair)
    for ru, en in units(pair):
        if not ru or not en or any(is_russian(s) for s in en):
            continue
        ru_chars, en_chars = chars(ru), chars(en)
        if ru_chars < model["min_chars"]:
            continue
        ru_text, en_text = " ".join(s.text for s in ru), " ".join(s.text for s in en)
        expected = round(expected_ratio(model, ru_chars, en_chars) * ru_chars)
        if delta(ru_chars, en_chars, model) < model["too_short"]:
            if reworded_shorter(ru_text, en_text):
                continue
            message = (f"translation is much shorter than its source ({en_chars} characters where about "
                       f"{expected} are expected): part of the source may be missing")
        elif delta(*long_lengths(ru_text, en_text), model) > model["too_long"]:  # МЧС spelt out is no addition
            if reworded_longer(*without_spelt_out_names(ru_text, en_text)):
                continue
            message = (f"translation is much longer than its source ({en_chars} characters where about "
                       f"{expected} are expected): it may contain text the source does not have")
        else:
            continue
        yield pair.finding(CODE, SEVERITY, en[0].start, en[-1].end, message, evidence=ru)


# Content words a lost or added clause has at least: one word without a counterpart is
# a word the lexicon does not know, not a clause.
CLAUSE_WORDS = 2


def reworded_shorter(ru_text: str, en_text: str) -> bool:
    """No stretch of the source's content words without a counterpart in the translation is
    a clause (two words or more) longer than the translation's own longest unmatched
    stretch: the lexicon misses this wording on both sides alike, so the short rendering
    is condensed, not cut (``aligner/checks/_unmatched.py``)."""
    source, translation = stretches(ru_text, en_text)
    return source < CLAUSE_WORDS or source <= translation


def reworded_longer(ru_text: str, en_text: str) -> bool:
    """The translation's longest stretch of content words without a counterpart in the source
    is no clause, or no longer than the source's own: an expanded wording, not added text."""
    source, translation = stretches(ru_text, en_text)
    return translation < CLAUSE_WORDS or translation <= source
