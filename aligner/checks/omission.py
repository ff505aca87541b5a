"""A source sentence with no rendering in the translation.

What it does:
    Reports every Russian sentence the aligner could pair with no English text (a
    1-0 bead) when it has at least two words and most of its letters are Cyrillic
    (Latin text in a Russian source, such as "- human grade." or a piece the segmenter
    cut off at "The Wall Street Journal", is often carried over inside a neighbouring
    sentence). A Russian piece the segmenter cut off at a Latin name, with no sentence
    end between them, is not reported either. The finding points at the English
    sentence the missing text should precede (or follow, at the end of the file) and
    quotes the Russian sentence as evidence. Sentences left out inside a longer bead,
    or unpaired right next to an unpaired English sentence, show up as a length
    mismatch (LEN001) instead.

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

from aligner.checks._beads import units
from aligner.checks._script import cyrillic_share
from aligner.checks.base import Pair
from aligner.records import Finding

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
_FINAL = re.compile(r"[.!?…][\"'»”)]*\s*$")


def check(pair: Pair) -> Iterable[Finding]:
    if pair.ru is None or not pair.en_sentences:
        return
    joined = units(pair)
    for position, (ru, en) in enumerate(joined):
        text = " ".join(s.text for s in ru)
        if en or len(_WORD.findall(text)) < 2 or cyrillic_share(text) <= 0.5:
            continue  # Latin text in the source ("- human grade.") is often carried over inside another sentence
        if _cut_at_script_change(pair, ru):
            continue
        anchor, where = _neighbour(joined, position)
        yield pair.finding(CODE, SEVERITY, anchor.start, anchor.end,
                           f"the source sentence “{_clip(text)}” has no translation {where} this sentence",
                           evidence=ru)


def _cut_at_script_change(pair: Pair, ru: list) -> bool:
    """A piece of a source sentence cut off where a Latin name starts or ends
    ("Основные технологии, разработанные компанией" | "CRRC Zhuzhou Locomotive Co. Ltd. ...")."""
    text = pair.ru.text
    first, last = pair.ru_sentences.index(ru[0]), pair.ru_sentences.index(ru[-1])
    after = pair.ru_sentences[last + 1] if last + 1 < len(pair.ru_sentences) else None
    before = pair.ru_sentences[first - 1] if first else None
    if after is not None and "\n" not in text[ru[-1].end:after.start] and cyrillic_share(after.text) <= 0.5 \
            and not _FINAL.search(ru[-1].text):
        return True
    return (before is not None and "\n" not in text[before.end:ru[0].start]
            and cyrillic_share(before.text) <= 0.5 and not _FINAL.search(before.text))


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
