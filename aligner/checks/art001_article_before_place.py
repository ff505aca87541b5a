"""An article before a place name that takes none ("co-organized by the Russia.").

What it does:
    Reports "the" standing right before a one-word country, region or city name from
    ``aligner/data/places.tsv`` when the name ends the phrase (a full stop, comma,
    semicolon, colon, bracket or the end of the sentence follows it). A name used as a
    modifier ("the Russia team", "the China-Laos Railway", "the Iran talks") or with a
    qualifier ("the Russia of the 1990s") is not reported, nor are acronyms ("the UK.")
    and names English writes with "the" (``aligner/data/definite_places.tsv``: the
    Netherlands, the Gambia, the Caucasus).

Why is this bad?
    Russian has no articles, and machine or rushed translation from Russian inserts
    them at random; "the Russia" reads as a garble to any English reader.

Example:
    ``... within the framework of the Commission on Narcotic Drugs in Vienna,
    co-organized by the Russia.`` (corpus/en/000_eee432a0b58034d3.txt line 17):
    reported; suggestion ``Russia``.
"""

from __future__ import annotations

import functools
import re
from typing import Iterable

from aligner.checks._script import is_russian
from aligner.entities.places import english_places, russian_places
from aligner.tables import read_table
from aligner.records import Finding, Pair

CODE = "ART001"
NAME = "article-before-place"
SEVERITY = "warning"
SUMMARY = "'the' before a place name that takes no article ('co-organized by the Russia.')."
EXAMPLES = [
    # corpus/en/000_eee432a0b58034d3.txt line 17 (end)
    ("в рамках Комиссии по наркотическим средствам в Вене при соорганизаторстве России.",
     "within the framework of the Commission on Narcotic Drugs in Vienna, co-organized by the Russia.",
     True),
    ("в рамках Комиссии по наркотическим средствам в Вене при соорганизаторстве России.",
     "within the framework of the Commission on Narcotic Drugs in Vienna, co-organized by Russia.",
     False),
    # WMT22 ru-en dev references: names as modifiers and names that take "the"
    ("", "He flew to the Netherlands.", False),
    ("", "This was discussed during the Iran talks.", False),
]


@functools.lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    """'the' + a one-word place name that takes no article, at the end of a phrase."""
    definite = {row["name"] for row in read_table("definite_places.tsv")}
    names = {name.strip() for row in read_table("places.tsv") for name in row["english"].split("|")}
    plain = sorted(n for n in names if n.isalpha() and not n.isupper() and n not in definite)
    alternatives = "|".join(re.escape(n) for n in sorted(plain, key=len, reverse=True))
    return re.compile(rf"\b([Tt]he)\s+({alternatives})(?=\s*(?:[.,;:!?)\]]|$))")


_NAME_GOES_ON = re.compile(r"(?:\s?\d|\.[a-z]{2,})")


def check(pair: Pair) -> Iterable[Finding]:
    pattern = _pattern()
    sources = _aligned_sources(pair)
    for index, sentence in enumerate(pair.target_sentences):
        if is_russian(sentence):
            continue
        for match in pattern.finditer(sentence.text):
            start = sentence.start + match.start()
            name = match.group(2)
            if _NAME_GOES_ON.match(sentence.text, match.end()):
                continue  # "the Russia 1 TV channel", "the Russia.tv website": the article goes with a longer name
            if quoted_in_source(name, sources.get(index, "")):
                continue  # the landing ship «"Минск"»: a vessel named after the city takes "the"
            yield pair.finding(CODE, SEVERITY, start, sentence.start + match.end(),
                               f"“{match.group(1)}” before “{name}”: the name takes no article",
                               replacement=name)


def _aligned_sources(pair: Pair) -> dict[int, str]:
    """Target sentence index -> the text of the source sentences aligned with it."""
    if pair.source is None:
        return {}
    return {t: " ".join(s.text for s in ru) for ru, _, bead in pair.aligned() for t in bead.target}


_QUOTED = re.compile(r"«([^«»]{1,60})»|\"([^\"]{1,60})\"|„([^„“”]{1,60})[“”]")


def quoted_in_source(name: str, source: str) -> bool:
    """The aligned source writes the place's name in quotation marks («"Минск"», гостиница
    «Москва», газета «Россия»): the name of a ship, hotel, newspaper or club named after
    the place, which English writes with "the" (the Minsk, the Moskva)."""
    places = {index for _, _, index in english_places(name)}
    return any(places & russian_places(next(g for g in quote.groups() if g))
               for quote in _QUOTED.finditer(source))
