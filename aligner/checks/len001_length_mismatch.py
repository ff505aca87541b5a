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
    :func:`reworded_longer`: a lost or added clause leaves a stretch of content words without
    a counterpart that is longer by two words or more than the other side's own; units
    match abbreviated or spelt out, closed-class words are no content words:
    ``aligner/checks/_unmatched.py``), or when the rendering stops mid-sentence
    (:func:`cut_off`); a pair whose line with a neighbour the aligner drew a sentence off is
    not judged by its length (:func:`boundary_misplaced`); a sentence the aligner left
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

import re
from typing import Iterable

from aligner.checks._beads import chars, delta, expected_ratio, length_model, units
from aligner.checks._rendered import SHARED_WORDS  # one word in common with a neighbour is often chance
from aligner.checks._script import is_russian
from aligner.checks._spelt_out import long_lengths, without_spelt_out_names
from aligner.checks._unmatched import matched_count, stretches
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
    joined = units(pair)
    closes = None  # closes_sentences(pair), once the first short rendering needs it
    for index, (ru, en) in enumerate(joined):
        if not ru or not en or any(is_russian(s) for s in en):
            continue
        ru_chars, en_chars = chars(ru), chars(en)
        if ru_chars < model["min_chars"]:
            continue
        ru_text, en_text = " ".join(s.text for s in ru), " ".join(s.text for s in en)
        if headline(pair, ru, en):
            continue
        expected = round(expected_ratio(model, ru_chars, en_chars) * ru_chars)
        if delta(ru_chars, en_chars, model) < model["too_short"]:
            closes = closes_sentences(pair) if closes is None else closes
            if reworded_shorter(ru_text, en_text, closes) or boundary_misplaced(joined, index, model):
                continue
            message = (f"translation is much shorter than its source ({en_chars} characters where about "
                       f"{expected} are expected): part of the source may be missing")
        elif delta(*long_lengths(ru_text, en_text), model) > model["too_long"]:  # МЧС spelt out is no addition
            if reworded_longer(*without_spelt_out_names(ru_text, en_text)) or boundary_misplaced(joined, index, model):
                continue
            message = (f"translation is much longer than its source ({en_chars} characters where about "
                       f"{expected} are expected): it may contain text the source does not have")
        else:
            continue
        yield pair.finding(CODE, SEVERITY, en[0].start, en[-1].end, message, evidence=ru)


# Content words a lost or added clause has at least: one word without a counterpart is
# a word the lexicon does not know, not a clause.
CLAUSE_WORDS = 2


def reworded_shorter(ru_text: str, en_text: str, closes: bool = True) -> bool:
    """The source's longest stretch of content words without a counterpart in the translation
    is not longer by a clause (``CLAUSE_WORDS``) than the translation's own longest unmatched
    stretch: the lexicon misses this wording on both sides alike, so the short rendering is
    condensed, not cut (``aligner/checks/_unmatched.py``). A rendering cut off mid-sentence
    (:func:`cut_off`) in a translation that ``closes`` its sentences is not excused."""
    source, translation = stretches(ru_text, en_text)
    return source - translation < CLAUSE_WORDS and not (closes and cut_off(ru_text, en_text))


def reworded_longer(ru_text: str, en_text: str) -> bool:
    """The translation's longest stretch of content words without a counterpart in the source
    is not longer by a clause than the source's own: an expanded wording or a translator's
    short explanation ("in his hospital room" for «в палате»), not added text. An abbreviation
    of the source counts as the words it stands for (вуз: "institute of higher education")."""
    source, translation = stretches(ru_text, en_text, spelt_out=True)
    return translation - source < CLAUSE_WORDS


_CLOSED = re.compile(r"[.!?…][\"'»”’)\]]*\s*$")


def cut_off(ru_text: str, en_text: str) -> bool:
    """The source sentence ends with closing punctuation and its rendering does not: the
    rendering stops mid-sentence ("... and the underwater submarine" for a list that goes on),
    as machine translation cut at its length limit does."""
    return bool(_CLOSED.search(ru_text)) and not _CLOSED.search(en_text)


def headline(pair: Pair, ru: list, en: list) -> bool:
    """One sentence on each side, neither ending with closing punctuation, the English on a line
    of its own: a headline or a title, whose length follows its own conventions (English
    headlinese drops articles and verbs, "French fishermen threaten to disrupt British imports
    in post-Brexit fishing row"; a Russian one may be a full sentence), not the model's for
    running text."""
    if len(ru) != 1 or len(en) != 1 or _CLOSED.search(ru[0].text) or _CLOSED.search(en[0].text):
        return False
    before = pair.target.text[:en[0].start].rstrip(" \t")
    after = pair.target.text[en[0].end:].lstrip(" \t")
    return (not before or before.endswith("\n")) and (not after or after.startswith(("\n", "\r")))


def closes_sentences(pair: Pair) -> bool:
    """Most of the translation's sentences end with closing punctuation: only then does one that
    does not say it was cut (subtitles and lists often leave every full stop out)."""
    sentences = pair.target_sentences
    return 2 * sum(1 for s in sentences if _CLOSED.search(s.text)) > len(sentences)


def boundary_misplaced(joined: list, index: int, model: dict) -> bool:
    """A sentence of a neighbouring pair belongs to this one: moved across the line between the
    two (the neighbour's source sentence next to this pair into it, or its English sentence),
    it gives this pair a normal length, and it shares two or more content words with this
    pair's other side and more than with its own pair's. The aligner drew the line a sentence
    off («Его разобрали и переставили в нем вибрирующие элементы.» paired with "So this is a
    chair ...", while its rendering "We gut it out, and we rearrange the vibrating elements
    ..." went with the next source): the pair is one the alignment got wrong, and its length
    says where the line is, not that text was lost or added."""
    for giver in (index - 1, index + 1):
        if not (0 <= giver < len(joined) and joined[giver][0] and joined[giver][1]):
            continue
        for side in (0, 1):
            if len(joined[giver][side]) < 2:
                continue
            sentence = joined[giver][side][-1 if giver < index else 0]
            ours = list(joined[index])
            ours[side] = [sentence] + ours[side] if giver < index else ours[side] + [sentence]
            if _fits(ours, model) and _words_follow(sentence.text, side, joined[index], joined[giver]):
                return True
    return False


def _fits(pair: list, model: dict) -> bool:
    """The pair is of a length the model finds normal (inside both thresholds)."""
    return model["too_short"] <= delta(chars(pair[0]), chars(pair[1]), model) <= model["too_long"]


def _words_follow(sentence: str, side: int, taker: tuple, giver: tuple) -> bool:
    """The sentence (``side`` 0: source, 1: English) shares ``SHARED_WORDS`` or more content words
    with the taker's other side, and more than with the giver's (words matched as in
    ``aligner/checks/_unmatched.py``)."""
    texts = [" ".join(s.text for s in unit[1 - side]) for unit in (taker, giver)]
    if side == 0:
        shared = [matched_count(sentence, text, "ru") for text in texts]
    else:
        shared = [matched_count(text, sentence, "en") for text in texts]
    return shared[0] >= SHARED_WORDS and shared[0] > shared[1]
