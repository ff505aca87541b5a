"""A translation identical to its Russian source.

What it does:
    Reports an English sentence whose text (letters and digits, case ignored) is the
    same as the Russian sentence it is aligned with, when that text contains Cyrillic:
    the translator or MT system copied the source instead of translating it. Identical
    Latin-script text (names, codes, "COVID-19") is rightly left as it is and not
    reported. A deliberate bilingual headline (see UNT001) is not reported here.

Why is this bad?
    The sentence was never translated; English readers get the Russian original.

Example:
    Source ``Подросткам вообще редко интересна психология героев.``; the English file has
    the same Russian sentence where its translation should be.
"""

from __future__ import annotations

from typing import Iterable

from aligner.checks._script import mirrored_headline
from aligner.records import Finding, Pair

CODE = "UNT002"
NAME = "translation-identical-to-source"
SEVERITY = "error"
SUMMARY = "An English sentence is a copy of its Russian source."
EXAMPLES = [
    # WMT22 ru-en dev, first document
    ("Подросткам вообще редко интересна психология героев.",
     "Подросткам вообще редко интересна психология героев.", True),
    ("Подросткам вообще редко интересна психология героев.",
     "Teenagers are generally rarely interested in the psychology of characters.", False),
    ("COVID-19", "COVID-19", False),
]


def check(pair: Pair) -> Iterable[Finding]:
    for index, ru in sorted(pair.facts.copies.items()):
        sentence = pair.target_sentences[index]
        if mirrored_headline(pair.target, sentence) is not None:
            continue  # UNT001 reports deliberate bilingual headlines at info level
        yield pair.finding(CODE, SEVERITY, sentence.start, sentence.end,
                           "translation is a copy of the Russian source", evidence=ru)
