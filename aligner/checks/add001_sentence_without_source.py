"""An English sentence with no source.

What it does:
    Reports every English sentence the aligner could pair with no Russian text (a
    0-1 bead) when it has at least two words and is not next to an unpaired source
    sentence (that pair is judged by LEN001). Russian text in the English file is
    left to UNT001. Runs only when the Russian source is given. No finding for a split
    rendering: the sentence renders two or more content words of a neighbouring source
    sentence that the neighbour's own English leaves out, and the neighbour's pair with
    it added is still of a normal length (the length model of LEN001); nor for a piece cut
    off at an ellipsis where the source sentence goes on after its own ellipsis (the two
    segmenters split a trailing-off sentence differently, :func:`split_rendering`); nor for
    a restatement, a sentence whose words mostly repeat a neighbouring English sentence in
    the same order (a machine translation rendering one source sentence twice): it has a
    source, the neighbour's, and when it stands in place of the next source sentence,
    OMI001 reports that one (:func:`restates_neighbour`).

Why is this bad?
    Text with no source is either an addition the client did not ask for, a
    leftover from another document, or a sign that the source is incomplete.

Example:
    Source ``Голосование прошло 5 мая.``, translation ``The vote took place on May 5.
    Turnout was high.``: the second English sentence is reported.
"""

from __future__ import annotations

import re
from typing import Iterable

from aligner.checks._beads import chars, delta, length_model, units
from aligner.checks._rendered import SHARED_WORDS, cut_at_ellipsis, renders_neighbour_source, restates
from aligner.checks._script import is_russian
from aligner.records import Finding, Pair

CODE = "ADD001"
NAME = "sentence-without-source"
SEVERITY = "warning"
SUMMARY = "An English sentence has no source sentence."
EXAMPLES = [
    # WMT22 ru-en dev, first document, with a sentence added to the translation
    ("Подросткам вообще редко интересна психология героев.",
     "Teenagers are generally rarely interested in the psychology of characters. "
     "The school reform of 1998 changed the whole curriculum and the way it is taught.", True),
    ("Подросткам вообще редко интересна психология героев.",
     "Teenagers are generally rarely interested in the psychology of characters.", False),
]

_WORD = re.compile(r"[^\W\d_]{2,}")


def check(pair: Pair) -> Iterable[Finding]:
    if pair.source is None:
        return
    joined = units(pair)
    for position, (ru, en) in enumerate(joined):
        if ru:
            continue  # an unpaired sentence next to an unpaired source one: LEN001
        for sentence in en:
            if is_russian(sentence) or len(_WORD.findall(sentence.text)) < 2:
                continue
            if split_rendering(joined, position, sentence, length_model(pair)):
                continue
            if restates_neighbour(joined, position, sentence):
                continue
            yield pair.finding(CODE, SEVERITY, sentence.start, sentence.end,
                               "this sentence has no source sentence (an addition?)")


def split_rendering(joined: list, position: int, sentence, model: dict) -> bool:
    """The unpaired English sentence is part of a neighbour's rendering that the translator
    (or the segmenter, at an ellipsis) split in two: it renders words of the neighbour's
    source that the neighbour's English leaves out, or it was cut off at an ellipsis inside
    the neighbour's source sentence (:func:`aligner.checks._rendered.cut_at_ellipsis`); and
    the neighbour's pair with it is still of a normal length."""
    for other in (position - 1, position + 1):
        if not 0 <= other < len(joined) or not joined[other][0] or not joined[other][1]:
            continue
        ru, en = joined[other]
        with_it = en + [sentence] if other < position else [sentence] + en
        rendered = (renders_neighbour_source([sentence], ru, en) >= SHARED_WORDS
                    or cut_at_ellipsis([sentence], en, ru, piece_first=other > position))
        if rendered and model["too_short"] <= delta(chars(ru), chars(with_it), model) <= model["too_long"]:
            return True
    return False


def restates_neighbour(joined: list, position: int, sentence) -> bool:
    """The unpaired English sentence says again what the nearest English sentence of a paired
    neighbour says (:func:`aligner.checks._rendered.restates`): its source is that neighbour's."""
    for other in (position - 1, position + 1):
        if 0 <= other < len(joined) and joined[other][0] and joined[other][1]:
            en = joined[other][1]
            if restates(sentence, en[-1] if other < position else en[0]):
                return True
    return False
