"""An article with nothing to govern: the sentence is garbled around it.

What it does:
    Reports "the", "a" or "an" followed directly by punctuation (", ; : ! ? )") or by a
    word that can never begin what an article governs: a preposition, a conjunction,
    another article or a form of "be" ("the of the Russian Armed Forces", "a the",
    "reported by the , the ministry"). Not reported: a hyphenated word ("the
    in-patient facility"), the letter "a" as a label ("option a, or", "vitamin a,"; the
    labels of ``aligner/data/letter_labels.tsv``), a list item's letter ("questions:
    a) the budget; b) ..."), an article followed by itself (REP001 reports "the the").

Why is this bad?
    An article must govern a noun phrase; one followed by "of" or a comma shows words
    lost or pasted in during editing, and the sentence no longer parses.

Example:
    ``President and Supreme Commander-in-Chief of the of the Russian Armed Forces``:
    "the of" is reported.

Measured on clean human translations (bench/false_alarms.py: WMT21 A and B, WMT22 dev,
WMT22 en-ru reversed, 5,847 sentences): the only findings are two real garbles, so it
ships as a warning.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from aligner.records import Finding, Pair
from aligner.tables import read_table

CODE = "FRG002"
NAME = "dangling-article"
SEVERITY = "warning"
SUMMARY = "An article followed by a preposition, a conjunction or punctuation ('the of', 'the ,')."
EXAMPLES = [
    # WMT21 ru-en, xinhua-zh.21311, human translation A
    ("На праздничных мероприятиях присутствовал президент и Верховный главнокомандующий "
     "Вооруженными силами России Владимир Путин.",
     "President and Supreme Commander-in-Chief of the of the Russian Armed Forces Vladimir "
     "Putin attended the holiday events.", True),
    ("На праздничных мероприятиях присутствовал президент и Верховный главнокомандующий "
     "Вооруженными силами России Владимир Путин.",
     "President and Supreme Commander-in-Chief of the Russian Armed Forces Vladimir "
     "Putin attended the holiday events.", False),
    ("был в стационаре", "was in the in-patient facility", False),
]

_FOLLOWERS = ("of|in|on|at|to|for|with|by|from|into|onto|upon|about|than|and|or|but|nor|"
              "the|a|an|is|are|was|were|be|been|which|who|whom|whose")
_DANGLING = re.compile(r"\b(the|an|a)(?:[ \t]+(" + _FOLLOWERS + r")\b(?!-)|[ \t]*([,;:!?)]))")
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)\W*$")


@functools.lru_cache(maxsize=1)
def letter_labels() -> frozenset:
    return frozenset(row["word"].lower() for row in read_table("letter_labels.tsv"))


def check(pair: Pair) -> Iterable[Finding]:
    for sentence in pair.target_sentences:
        if sentence.lang not in ("", "en"):
            continue
        text = sentence.text
        for match in _DANGLING.finditer(text):
            article, follower = match.group(1), match.group(2)
            if follower == article:
                continue  # "the the": REP001
            if article == "a" and match.group(3):
                before = _PREVIOUS_WORD.search(text[:match.start()])
                if before and before.group(1).lower() in letter_labels() or text[match.start() - 1:match.start()] == "(":
                    continue  # "vitamin a,", "(a)"
            if article == "a" and match.group(3) == ")" and _opens_a_list_item(text, match.start()):
                continue  # "a) the first; b) the second": a list marker
            start = sentence.start + match.start()
            what = f"“{follower}”" if follower else "punctuation"
            yield pair.finding(CODE, SEVERITY, start, sentence.start + match.end(),
                               f"“{article}” is followed by {what}: words are missing or left over here",
                               evidence=None)


_ITEM_START = re.compile(r"(?:^|[:;]|\n)\s*$")


def _opens_a_list_item(text: str, start: int) -> bool:
    """Does "a)" open the sentence, a line or a clause after a colon or semicolon ("a) the
    first; b) the second", "two rules: a) ...")? It is then a list item's letter."""
    return _ITEM_START.search(text[:start]) is not None
