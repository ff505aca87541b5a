"""Termbase records and the normalisation of English body names.

See :mod:`aligner.entities` for the package; the table is documented in
``aligner/data/termbase.md``. English names are compared on normalised tokens
(:func:`normalise`): case-folded except all-capital acronyms, hyphens dropped, "the"
dropped, and a few spelling variants (Defense/Defence, Center/Centre, Program/Programme)
unified from ``aligner/data/name_spelling.tsv``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from aligner.tables import read_rows

COLUMNS = ("id", "kind", "parent", "en", "acronym", "variants", "former", "ru", "ru_acronym",
           "source")
SEPARATOR = "|"
BUNDLED = "termbase.tsv"

# An acronym joined to a number (CSTO-2021, the exercise) is the acronym and the number.
_WORD = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]{2,}(?=[-‐‑]\d)|[A-Za-z0-9]+(?:[-‐‑'’][A-Za-z0-9]+)*")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)


@dataclass(frozen=True)
class Entry:
    """One body: its names in both languages and where the facts came from."""

    id: str
    kind: str
    parent: str
    en: str
    acronyms: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    former: tuple[str, ...] = ()
    ru: tuple[str, ...] = ()
    ru_acronyms: tuple[str, ...] = ()
    source: str = ""
    origin: str = ""  # "file:line" of the row that defined it

    @property
    def names(self) -> tuple[str, ...]:
        """Every English name that is not an acronym: canonical, variants, former."""
        return (self.en,) + self.variants + self.former

    @property
    def renderings(self) -> tuple[str, ...]:
        """Every accepted English rendering, acronyms included."""
        return self.names + self.acronyms


class Token(NamedTuple):
    """One English word (a NamedTuple: one is made for every word, so it must be cheap)."""

    start: int
    end: int
    text: str
    norm: str


@dataclass(frozen=True)
class Mention:
    """A known name found in English text.

    ``entries`` are the bodies it may denote (several for a bare "Secretariat");
    ``form`` is how it names them: canonical, variant, former or acronym;
    ``qualifier`` is the organisation written beside it ("CSTO" in "CSTO Secretariat").
    """

    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]
    form: str
    bare: str  # the normalised name without its qualifier
    qualifier: Entry | None = None
    first: int = 0  # token indices [first, last)
    last: int = 0


@dataclass(frozen=True)
class Span:
    """A run of English text that reads like a body's name but is none of the known names."""

    start: int
    end: int
    text: str
    norm: str
    scope: Entry | None  # the organisation it claims to belong to ("UN Office for …")


@functools.lru_cache(maxsize=1)
def spelling() -> dict[str, str]:
    """Spelling variants unified before names are compared (``data/name_spelling.tsv``)."""
    table = {}
    for _, (variant, spelling_) in read_rows("name_spelling.tsv", 2, "two tab-separated columns"):
        table[variant.strip().lower()] = spelling_.strip().lower()
    return table


# Words that may sit inside a name without capitals ("Office on Drugs and Crime").
CONNECTORS = frozenset("of for on the and in to against at".split())
# Capitalised words that start a sentence or a phrase but never a name.
LEADING_WORDS = frozenset("""the a an in on at for of with within by from to and but as this that
these those its their our his her we it they he she i last next under during after before
between according since while when if also both such other another each all any some
new""".split())
# Words that make a run of capitalised words read like a body's name.
HEADS = frozenset("""office department directorate committee ministry council commission centre
agency programme fund organization secretariat assembly structure body bureau service court
tribunal staff board union conference institute mission entity forces""".split())


def tokens(text: str, _make=tuple.__new__) -> list[Token]:
    """Words of English text with offsets and normalised forms ("" for a dropped word)."""
    # tuple.__new__(Token, ...) is Token(...) without the NamedTuple's Python-level __new__
    return [_make(Token, (match.start(), match.end(), word, _norm_word(word)))
            for match in _WORD.finditer(text) for word in (match.group(),)]


def word_norms(text: str) -> list[str]:
    """The ``norm`` of each of :func:`tokens`, without making the tokens (most sentences
    name no body and need only these)."""
    return list(map(_norm_word, _WORD.findall(text)))


@functools.lru_cache(maxsize=100_000)
def _norm_word(word: str) -> str:
    word = _POSSESSIVE.sub("", word.replace(".", "")) if "." in word else _POSSESSIVE.sub("", word)
    if len(word) > 1 and word.isupper():
        return word  # an acronym keeps its capitals: WHO is not "who"
    lowered = re.sub(r"[-‐‑'’]", "", word.lower())
    if lowered == "the":
        return ""
    return spelling().get(lowered, lowered)


def normalise(text: str) -> str:
    """The comparison key of an English name: normalised words joined by spaces."""
    return " ".join(t.norm for t in tokens(text) if t.norm)


def split_values(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(SEPARATOR) if part.strip())

# Words too common in body names to tell two bodies apart.
GENERIC = frozenset("united nations un organization international".split())
