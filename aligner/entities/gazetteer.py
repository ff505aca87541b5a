"""The bilingual gazetteer (``data/gazetteer.tsv``): named entities found in English and Russian.

Kinds: ``country`` (with its adjectives and demonyms: "Egyptian", «египтянин»),
``city``, ``org`` (international organisations), ``outlet`` (news agencies, papers,
channels), ``company`` (companies and banks). The table is built by
``scripts/build_gazetteer.py`` from CLDR (babel), pycountry and hand-written tables that
cite their sources; every Russian case form is listed, so matching is a lookup.

English names match case-sensitively as whole words, longest first ("New York Times"
is an outlet, not the city). A capitalised word that is also a frequent lowercase
English word and a minor city only CLDR's time zones list ("Oral", "Resolute") counts
only in mid-sentence; a name right after a
capitalised word in mid-sentence is a person's ("Michael Jordan"), not the place, and
so is a place whose Russian name is also a given name before a capitalised word
("Vladimir Bespalov"). Russian names match when
capitalised (or written in Latin letters); forms that are also common Russian words
(«Того», «Вена») only in mid-sentence, forms that are also given names or surnames
(«Владимира») not next to another capitalised word; adjectives and demonyms in any case.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from aligner.tables import read_table

KINDS = ("country", "city", "org", "outlet", "company")
MAX_WORDS = 6  # the longest Russian name, in words
_RU_WORD = re.compile(r"[А-Яа-яЁёA-Za-z0-9][А-Яа-яЁёA-Za-z0-9'’.+-]*[А-Яа-яЁёA-Za-z0-9+]|[А-Яа-яЁёA-Za-z0-9]")
_SURNAME = re.compile(r" [A-Z][a-z]")  # a capitalised word right after
_GIVEN = re.compile(r"\b[A-Z][a-z]+ $")  # a capitalised word right before: a given name
_SENTENCE_START = re.compile(r"(?:^|[.!?…:;]\s+|[«\"“„(—–-]\s*)$")


@dataclass(frozen=True)
class Entity:
    """One gazetteer row."""

    id: str
    kind: str
    en: tuple[str, ...]
    en_adj: tuple[str, ...]
    ru: tuple[str, ...]
    related: frozenset[str]
    country: str

    def name_like(self, adjective: bool) -> str:
        """The English name to suggest, an adjective where the wrong one was an adjective."""
        if adjective and self.en_adj:
            return self.en_adj[0]
        return self.en[0] if self.en else self.id


@dataclass(frozen=True)
class Mention:
    """A gazetteer name found in a text: where, which entities it can be, and how it was written."""

    start: int
    end: int
    text: str
    ids: frozenset[str]
    adjective: bool


@dataclass(frozen=True)
class Gazetteer:
    entities: dict
    en_pattern: re.Pattern
    en_ids: dict  # English name -> (ids, adjective)
    minor_cities: frozenset  # cities only CLDR's time zones list (Oral, Resolute, Nome)
    given_names: frozenset  # places whose Russian name is also a person's (Владимир, Израиль)
    ru_forms: dict  # normalised words -> (ids, adjective, common word, person name, capital masks)
    ru_longest: dict  # first normalised word of a Russian name -> the most words a name starting so has
    ru_capitals: frozenset = frozenset()  # one-word names the table writes in capitals (РФ, РА, США)


def normal(word: str) -> str:
    return word.lower().replace("ё", "е").replace("’", "'")


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part for part in cell.split("|") if part)


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    entities, en_ids, ru_forms, minor, given, capitals_only = {}, {}, {}, set(), set(), set()
    for row in read_table("gazetteer.tsv"):
        entity = Entity(row["id"], row["kind"], _split(row["en"]), _split(row["en_adj"]),
                        _split(row["ru"]), frozenset(_split(row["related"])), row["country"])
        entities[entity.id] = entity
        if row["source"] == "CLDR exemplar city (babel)":
            minor.add(entity.id)
        if entity.kind in ("country", "city") and row["ru_person"] \
                and row["ru"].split("|")[0].lower() in row["ru_person"].split("|"):
            given.add(entity.id)
        for names, adjective in ((entity.en, False), (entity.en_adj, True)):
            for name in names:
                ids, _ = en_ids.get(name, (frozenset(), adjective))
                en_ids[name] = (ids | {entity.id}, adjective)
        capitals_only |= {normal(name) for name in entity.ru if name.isupper() and " " not in name}
        common, person = set(_split(row["ru_common"])), set(_split(row["ru_person"]))
        for column, adjective in (("ru_forms", False), ("ru_adj_forms", True)):
            for form in _split(row[column]):
                key = tuple(normal(form).split())
                capitals = tuple(word[:1].isupper() for word in form.split()) if " " in form else (False,)
                ids, _, was_common, was_person, was = ru_forms.get(
                    key, (frozenset(), adjective, False, False, frozenset()))
                ru_forms[key] = (ids | {entity.id}, adjective, was_common or form in common,
                                 was_person or form in person, was | {capitals})
    names = sorted(en_ids, key=len, reverse=True)
    pattern = re.compile(r"(?:" + _by_first_letter(names, r"(?<![\w.-]{})") + r")(?![\w-]|\.\w)")
    longest: dict = {}
    for key in ru_forms:
        longest[key[0]] = max(longest.get(key[0], 0), len(key))
    return Gazetteer(entities, pattern, en_ids, frozenset(minor), frozenset(given), ru_forms, longest,
                     frozenset(capitals_only))


def _by_first_letter(names: list[str], behind: str) -> str:
    """An alternation of ``names`` that tries them in the same
    order, grouped by first letter: re tries every alternative of a flat alternation at
    each word start (1,400 names), but only one group's here; the matches are the same.
    ``behind`` (a look-behind, "{}" for the first letter) follows each first letter: as the
    alternation opens with plain letters, a search skips in C to the next one."""
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(name[0], []).append(re.escape(name[1:]))
    return "|".join(re.escape(first) + behind.format(re.escape(first)) + "(?:" + "|".join(rests) + ")"
                    for first, rests in groups.items())


@functools.lru_cache(maxsize=4096)
def _frequent_lowercase(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en") >= 3.0


def _starts_sentence(text: str, position: int) -> bool:
    """``_SENTENCE_START`` searched in ``text[:position]``, reading only the blanks and the
    one character before ``position`` (a prefix search per word is quadratic on a long line)."""
    blank = position
    while blank > 0 and text[blank - 1].isspace():
        blank -= 1
    return _SENTENCE_START.search(text, max(0, blank - 1), position) is not None


def _given_name_before(text: str, position: int) -> re.Match | None:
    """``_GIVEN`` searched in ``text[:position]``, reading only the word before ``position``."""
    if position < 2 or text[position - 1] != " ":
        return None
    start = position - 1
    while start > 0 and "a" <= text[start - 1] <= "z":
        start -= 1
    return _GIVEN.search(text, max(0, start - 1), position)


def english_mentions(text: str) -> list[Mention]:
    """Gazetteer names in an English sentence, longest match first, no overlaps."""
    table = gazetteer()
    found = []
    for match in table.en_pattern.finditer(text):
        name = match.group()
        ids, adjective = table.en_ids[name]
        if " " not in name and _starts_sentence(text, match.start()) and ids <= table.minor_cities \
                and _frequent_lowercase(name):
            continue  # "Oral statements ...", "Resolute action"
        given = _given_name_before(text, match.start())
        if given and not adjective and not _starts_sentence(text, given.start()):
            continue  # "Michael Jordan", "Kobe Bryant and Georgia May"
        if not adjective and ids & table.given_names and _SURNAME.match(text, match.end()):
            continue  # "Vladimir Bespalov", "Israel Adesanya"
        found.append(Mention(match.start(), match.end(), name, ids, adjective))
    return found


def russian_mentions(text: str) -> list[Mention]:
    """Gazetteer names in a Russian sentence, in any case form, longest first."""
    table = gazetteer()
    words = list(_RU_WORD.finditer(text))
    keys = [normal(w.group()).rstrip(".") for w in words]
    longest = table.ru_longest
    found, i = [], 0
    while i < len(words):
        if keys[i] not in longest:  # most words start no name
            i += 1
            continue
        for size in range(min(MAX_WORDS, len(words) - i, longest[keys[i]]), 0, -1):
            hit = table.ru_forms.get(tuple(keys[i:i + size]))
            if hit is None:
                continue
            ids, adjective, common, person, capitals = hit
            first = words[i].group()
            written = tuple(w.group()[:1].isupper() for w in words[i:i + size])
            if size > 1 and not any(all(w or not c for w, c in zip(written, mask)) for mask in capitals):
                continue  # «Российская федерация баскетбола»: not the state
            initial = _starts_sentence(text, words[i].start())
            latin = not re.search(r"[А-Яа-яЁё]", first)
            if not adjective and not (first[:1].isupper() or first[:1].isdigit()):
                continue  # «мир», not a name
            if _abbreviation_written_lower(table, keys[i], first, size):
                continue  # «бог Ра», not РА (Armenia)
            if not latin and ((common and initial) or (person and _capitalised_neighbour(text, words, i, size))):
                continue  # «Того же дня», «Вена» the vein; «Владимира Путина»
            end = words[i + size - 1].end()
            found.append(Mention(words[i].start(), end, text[words[i].start():end], ids, adjective))
            i += size - 1
            break
        i += 1
    return found


def _abbreviation_written_lower(table: Gazetteer, key: str, written: str, size: int) -> bool:
    """Is the word one of the names the table writes in capitals (РА, РФ) written otherwise
    («Ра», the Egyptian god)? An abbreviation names its country only in capitals."""
    return size == 1 and key in table.ru_capitals and not written.isupper()


def _capitalised_neighbour(text: str, words: list, i: int, size: int) -> bool:
    """A capitalised word right before (in mid-sentence) or right after the name."""
    after = i + size
    if after < len(words) and not text[words[after - 1].end():words[after].start()].strip() \
            and words[after].group()[:1].isupper():
        return True
    if i > 0 and not text[words[i - 1].end():words[i].start()].strip() and words[i - 1].group()[:1].isupper():
        return not _starts_sentence(text, words[i - 1].start())
    return False
