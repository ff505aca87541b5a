"""A source sentence with no rendering in the translation.

What it does:
    Reports every Russian sentence the aligner could pair with no English text (a
    1-0 bead) when it has at least two words and a Russian word (Latin text in a
    Russian source, such as "- human grade.", is often carried over inside a
    neighbouring sentence). A piece of a sentence the segmenter cut off at a change of
    script ("... разработанные компанией" | "CRRC Zhuzhou Locomotive Co. Ltd., ...")
    is reported only when the English rendering of the rest of that sentence is too
    short to hold it as well (the length model of LEN001). The finding points at the English
    sentence the missing text should precede (or follow, at the end of the file) and
    quotes the Russian sentence as evidence. Sentences left out inside a longer bead,
    or unpaired right next to an unpaired English sentence, show up as a length
    mismatch (LEN001) instead. No finding either when a neighbouring source sentence is
    paired with two English sentences and the nearest of them fits this one (both pairs
    then within one standard deviation of the length model, or closer than the aligner's
    own pairing): the aligner chose one of two fitting pairings; nor for a merged
    rendering, where a neighbour's English holds two or more content words of this
    sentence that its own source lacks and would still be of a normal length with it, or
    that holds an ellipsis where this sentence, ending in one, was cut off from its
    neighbour («Я вам немножко...» | «Множко нахамила» against one English sentence).
    Severity ``error`` needs strong evidence: when a neighbour's English is longer than
    its source predicts (more than one standard deviation) and holds a content word of
    this sentence that its own source lacks, part of the sentence may be rendered there,
    and the finding is a ``warning``.

Why is this bad?
    An omitted sentence silently changes what the document says, and it cannot be
    seen by reading the translation alone.

Example:
    Source ``Голосование прошло 5 мая. Результаты объявят завтра.``, translation
    ``The vote took place on May 5.``: the second source sentence is reported.
"""

from __future__ import annotations

import re
from typing import Iterable

from aligner.checks._beads import chars, delta, length_model, units
from aligner.checks._rendered import SHARED_WORDS, cut_at_ellipsis, holds_unpaired_source
from aligner.profile import RU_EN
from aligner.records import Finding, Pair

CODE = "OMI001"
NAME = "omitted-source-sentence"
SEVERITY = "error"
SUMMARY = "A source sentence has no rendering in the translation."
EXAMPLES = [
    # WMT22 ru-en dev, first document: the last source sentence dropped
    ("А психология и мучения героинь Толстого и Тургенева для подростков не так интересны. "
     "Подросткам вообще редко интересна психология героев.",
     "But the psychology and agonies of Tolstoy's and Turgenev's heroines are not that "
     "interesting for teenagers.", True),
    ("А психология и мучения героинь Толстого и Тургенева для подростков не так интересны. "
     "Подросткам вообще редко интересна психология героев.",
     "But the psychology and agonies of Tolstoy's and Turgenev's heroines are not that "
     "interesting for teenagers. Teenagers are generally rarely interested in the psychology "
     "of characters.", False),
]

_WORD = re.compile(r"[^\W\d_]{2,}")
_CYRILLIC_WORD = re.compile(f"[{RU_EN.script}]{{2,}}")
_FINAL = re.compile(r"[.!?…][\"'»”)]*\s*$")


def check(pair: Pair) -> Iterable[Finding]:
    if pair.source is None or not pair.target_sentences:
        return
    joined = units(pair)
    index_of = {id(sentence): k for k, sentence in enumerate(pair.source_sentences)}  # not list.index: linear
    for position, (ru, en) in enumerate(joined):
        text = " ".join(s.text for s in ru)
        if en or len(_WORD.findall(text)) < 2 or not _CYRILLIC_WORD.search(text):
            continue  # Latin text in the source ("- human grade.") is often carried over inside another sentence
        if _fragment(pair, ru, index_of) and not _neighbours_too_short(joined, position, length_model(pair)):
            continue
        model = length_model(pair)
        if _neighbour_holds_it(joined, position, model):
            continue  # a neighbour paired with two English sentences, one of which fits this one
        if _merged_rendering(joined, position, model):
            continue  # a neighbour's English renders this sentence's words too
        severity = "warning" if _partly_in_neighbour(joined, position, model) else SEVERITY
        anchor, where = _neighbour(joined, position)
        yield pair.finding(CODE, severity, anchor.start, anchor.end,
                           f"the source sentence “{_clip(text)}” has no translation {where} this sentence",
                           evidence=ru)


def _fragment(pair: Pair, ru: list, index_of: dict[int, int]) -> bool:
    """A piece of a longer source sentence: the segmenter cut the line at a change of script
    ("Основные технологии, разработанные компанией" | "CRRC Zhuzhou Locomotive Co. Ltd. ...")."""
    text = pair.source.text
    first, last = index_of[id(ru[0])], index_of[id(ru[-1])]
    after = pair.source_sentences[last + 1] if last + 1 < len(pair.source_sentences) else None
    before = pair.source_sentences[first - 1] if first else None
    if after is not None and "\n" not in text[ru[-1].end:after.start] and not _FINAL.search(ru[-1].text):
        return True
    return before is not None and "\n" not in text[before.end:ru[0].start] and not _FINAL.search(before.text)


def _neighbours_too_short(joined: list, position: int, model: dict) -> bool:
    """Whether the rest of the cut sentence went with an English rendering too short to hold this piece too."""
    too_short = model["too_short"]
    ru, _ = joined[position]
    for other in (position - 1, position + 1):
        if 0 <= other < len(joined) and joined[other][0] and joined[other][1]:
            other_ru, other_en = joined[other]
            if delta(chars(ru) + 1 + chars(other_ru), chars(other_en), model) >= too_short:
                return False
    return True


# A pair whose length is within this many standard deviations of what its source predicts
# fits closely (about two pairs in three of clean translations do).
CLOSE_FIT = 1.0


def _neighbour_holds_it(joined: list, position: int, model: dict) -> bool:
    """A neighbouring source sentence is paired with two or more English sentences, and
    giving this sentence the nearest of them leaves both pairs a close fit in length, or
    a closer one than the aligner's own pairing: the aligner chose one of two fitting
    pairings (1-0 + 1-2 where 1-1 + 1-1 fits as well), so the sentence is probably
    translated, not lost."""
    ru, _ = joined[position]

    def misfit(source: list, target: list) -> float:
        return abs(delta(chars(source), chars(target), model))

    for other, nearest in ((position + 1, 0), (position - 1, -1)):
        if not 0 <= other < len(joined):
            continue
        other_ru, other_en = joined[other]
        if other_ru and len(other_en) >= 2:
            rest = other_en[1:] if nearest == 0 else other_en[:-1]
            worst = max(misfit(ru, [other_en[nearest]]), misfit(other_ru, rest))
            if worst <= max(CLOSE_FIT, misfit(other_ru, other_en)):
                return True
    return False


def _paired_neighbours(joined: list, position: int):
    """(Russian, English, the English sentence nearest to ``position``, whether the pair comes
    after it) of each neighbour pair."""
    for other in (position - 1, position + 1):
        if 0 <= other < len(joined) and joined[other][0] and joined[other][1]:
            ru, en = joined[other]
            yield ru, en, en[-1] if other < position else en[0], other > position


def _merged_rendering(joined: list, position: int, model: dict) -> bool:
    """The translator merged this sentence into a neighbour's rendering: the neighbour's nearest
    English sentence holds two or more content words of it that the neighbour's own source
    lacks, or this sentence is a piece the Russian segmenter cut off at an ellipsis inside
    the neighbour's English sentence (:func:`aligner.checks._rendered.cut_at_ellipsis`); and
    the neighbour's pair with this sentence added is still of a normal length."""
    ru, _ = joined[position]
    for other_ru, other_en, nearest, after in _paired_neighbours(joined, position):
        merged = (holds_unpaired_source(ru, other_ru, [nearest]) >= SHARED_WORDS
                  or cut_at_ellipsis(ru, other_ru, other_en, piece_first=after))
        if merged and model["too_short"] <= delta(chars(other_ru + ru), chars(other_en), model) <= model["too_long"]:
            return True
    return False


def _partly_in_neighbour(joined: list, position: int, model: dict) -> bool:
    """Weaker evidence of a merged rendering (the finding is then a warning): a neighbour's English
    is longer than its source predicts by more than ``CLOSE_FIT`` and its nearest sentence holds
    a content word of this sentence that the neighbour's own source lacks."""
    ru, _ = joined[position]
    return any(delta(chars(other_ru), chars(other_en), model) > CLOSE_FIT
               and holds_unpaired_source(ru, other_ru, [nearest]) >= 1
               for other_ru, other_en, nearest, _ in _paired_neighbours(joined, position))


def _neighbour(joined: list, position: int) -> tuple:
    """The English sentence after an omission ('before' it goes the missing text), else the one before it."""
    for ru, en in joined[position + 1:]:
        if en:
            return en[0], "before"
    for ru, en in reversed(joined[:position]):
        if en:
            return en[-1], "after"
    return None, ""


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
