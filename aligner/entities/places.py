"""Countries and capitals of ``aligner/data/places.tsv`` in English and Russian text."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from aligner.tables import read_table


@dataclass(frozen=True)
class Place:
    """A country or place: its English and Russian names (``data/places.tsv``)."""

    english: tuple[str, ...]
    russian: tuple[str, ...]
    continent: bool = False
    capital_of: str = ""  # the country, for a capital ("capital of France" in the source column)


_CAPITAL_OF = re.compile(r"capital of (?:the )?([A-Z][\w ]+?)(?: \(|;|$)")


@functools.lru_cache(maxsize=None)
def place_table() -> tuple[Place, ...]:
    places = []
    for row in read_table("places.tsv"):
        capital = _CAPITAL_OF.match(row["source"])
        places.append(Place(tuple(row["english"].split("|")), tuple(row["russian"].split("|")),
                            row["source"] == "continent", capital.group(1) if capital else ""))
    return tuple(places)


_WORDS = re.compile(r"\w+")


@functools.lru_cache(maxsize=None)
def _place_patterns():
    """For English and for Russian: (needle -> place indices, pattern per place index).

    A place is searched for only when a word of the text is one of its needles (the
    first word of an English name) or starts with one (the first stem of a Russian
    name, in lower case).
    """
    english_needles: dict[str, set[int]] = {}
    russian_needles: dict[str, set[int]] = {}
    english, russian = {}, {}
    for index, place in enumerate(place_table()):
        names = sorted(place.english, key=len, reverse=True)
        english[index] = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")
        for name in names:
            english_needles.setdefault(_WORDS.match(name).group(), set()).add(index)
        stems = []
        for name in place.russian:
            if name.isupper():
                stems.append(re.escape(name) + r"(?![\w-])")
                russian_needles.setdefault(name.lower(), set()).add(index)
            else:
                words = [re.sub(r"[аяйьоеиыуюё]{1,2}$", "", w) if len(w) > 4 else w
                         for w in name.lower().split()]
                stems.append(r"\w*\s+".join(map(re.escape, words)))
                russian_needles.setdefault(words[0], set()).add(index)
        russian[index] = re.compile(r"(?<![\w-])(?:" + "|".join(stems) + ")", re.IGNORECASE
                                    if not any(n.isupper() for n in place.russian) else 0)
    return english_needles, english, russian_needles, russian


@functools.lru_cache(maxsize=50_000)
def english_places(text: str) -> tuple[tuple[int, int, int], ...]:
    """(start, end, place index) of every place of the table named in an English text."""
    needles, patterns = _place_patterns()[:2]
    candidates = {i for word in set(_WORDS.findall(text)) for i in needles.get(word, ())}
    found = [(m.start(), m.end(), index) for index in candidates for m in patterns[index].finditer(text)]
    return tuple(sorted(found))


@functools.lru_cache(maxsize=50_000)
def russian_places(text: str) -> frozenset[int]:
    """Indices of the places of the table that a Russian text names (any case form)."""
    patterns = _place_patterns()[3]
    by_start = _needles_by_start()
    lower = text.lower()
    candidates = {i for word in set(_WORDS.findall(lower))
                  for needle, indices in by_start.get(word[:2], ()) if word.startswith(needle)
                  for i in indices}
    return frozenset(i for i in candidates if patterns[i].search(text) or patterns[i].search(lower))


@functools.lru_cache(maxsize=1)
def _needles_by_start() -> dict[str, tuple]:
    """Russian needles by their first two letters: (needle, place indices)."""
    by_start: dict[str, list] = {}
    for needle, indices in _place_patterns()[2].items():
        by_start.setdefault(needle[:2], []).append((needle, frozenset(indices)))
    return {start: tuple(items) for start, items in by_start.items()}
