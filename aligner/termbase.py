"""The termbase: names of bodies and organisations, in English and Russian, and how to find them.

The bundled table (``aligner/data/termbase.tsv``, documented in ``termbase.md``) is
extended by user glossaries in TSV or TBX.  :func:`load_termbase` returns a cached
:class:`Termbase` that can

- find every known name in English text (:meth:`Termbase.mentions`), with the
  organisation that qualifies it ("UN", "CSTO", "… of the United Nations");
- find spans that read like a body's name but are none of the known names
  (:meth:`Termbase.unknown_bodies`);
- rank the nearest real bodies to such a span (:meth:`Termbase.nearest`, rapidfuzz);
- list the Russian names to look for in a source (:attr:`Termbase.entries`).

English names are compared on normalised tokens (:func:`normalise`): case-folded
except all-capital acronyms, hyphens dropped, "the" dropped, and a few spelling
variants (Defense/Defence, Center/Centre, Program/Programme) unified from
``aligner/data/name_spelling.tsv``.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import re
from dataclasses import dataclass
from importlib import resources
from typing import NamedTuple

from rapidfuzz import fuzz

from aligner.errors import ConfigError
from aligner.tables import read_rows

COLUMNS = ("id", "kind", "parent", "en", "acronym", "variants", "former", "ru", "ru_acronym",
           "source")
SEPARATOR = "|"
BUNDLED = "termbase.tsv"

_WORD = re.compile(r"(?:[A-Z]\.){2,}|[A-Za-z0-9]+(?:[-‐‑'’][A-Za-z0-9]+)*")
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
_LEADING = frozenset("""the a an in on at for of with within by from to and but as this that
these those its their our his her we it they he she i last next under during after before
between according since while when if also both such other another each all any some
new""".split())
# Words that make a run of capitalised words read like a body's name.
HEADS = frozenset("""office department directorate committee ministry council commission centre
agency programme fund organization secretariat assembly structure body bureau service court
tribunal staff board union conference institute mission entity forces""".split())


def tokens(text: str) -> list[Token]:
    """Words of English text with offsets and normalised forms ("" for a dropped word)."""
    return [Token(match.start(), match.end(), word, _norm_word(word))
            for match in _WORD.finditer(text) for word in (match.group(),)]


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


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(SEPARATOR) if part.strip())


class Termbase:
    """All entries, with indexes over their English and Russian names."""

    def __init__(self, entries: list[Entry]):
        self.entries: dict[str, Entry] = {}
        for entry in entries:
            self.entries[entry.id] = entry  # a glossary row may override a bundled one
        self._children: dict[str, list[str]] = {}
        for entry in self.entries.values():
            if entry.parent:
                self._children.setdefault(entry.parent, []).append(entry.id)
        self._index: dict[tuple[str, ...], list[tuple[Entry, str, str]]] = {}
        self._acronyms: dict[str, list[Entry]] = {}
        for entry in self.entries.values():
            self._add(entry)
        self._longest = max((len(key) for key in self._index), default=1)
        self._nearest: dict[tuple, tuple] = {}  # nearest() answers, by its arguments
        self._longest_from: dict[str, int] = {}  # first word of a name -> its longest name
        for key in self._index:
            self._longest_from[key[0]] = max(self._longest_from.get(key[0], 0), len(key))

    # -- building -----------------------------------------------------------------
    def _add(self, entry: Entry) -> None:
        forms = [(entry.en, "canonical")] + [(v, "variant") for v in entry.variants]
        forms += [(f, "former") for f in entry.former] + [(a, "acronym") for a in entry.acronyms]
        qualifiers = [q for q in self._qualifier_keys(entry)]
        for name, form in forms:
            key = tuple(normalise(name).split())
            if not key:
                continue
            if len(key) == 1 and key[0].isupper() and len(key[0]) > 1:
                form = "acronym"  # a former acronym (DPKO) is still an acronym
                self._acronyms.setdefault(key[0], []).append(entry)
            bare = self._strip(key, qualifiers)
            self._put(key, entry, form, " ".join(bare))
            if bare != key and (len(bare) > 1 or bare[0] in HEADS or bare[0].isupper()):
                self._put(bare, entry, form, " ".join(bare))  # not "Environment" alone

    def _put(self, key: tuple[str, ...], entry: Entry, form: str, bare: str) -> None:
        bucket = self._index.setdefault(key, [])
        if not any(e.id == entry.id for e, _, _ in bucket):
            bucket.append((entry, form, bare))

    def _qualifier_keys(self, entry: Entry) -> list[tuple[str, ...]]:
        keys = []
        for ancestor in self.ancestors(entry):
            for name in ancestor.renderings:
                key = tuple(normalise(name).split())
                if key:
                    keys.append(key)
        return sorted(keys, key=len, reverse=True)

    @staticmethod
    def _strip(key: tuple[str, ...], qualifiers: list[tuple[str, ...]]) -> tuple[str, ...]:
        """Drop qualifiers in front ("CSTO Secretariat") and behind ("… of the CSTO")."""
        changed = True
        while changed and key:
            changed = False
            for qualifier in qualifiers:
                n = len(qualifier)
                if len(key) > n and key[:n] == qualifier:
                    key, changed = key[n:], True
                    break
                if len(key) > n + 1 and key[-n:] == qualifier and key[-n - 1] == "of":
                    key, changed = key[:-n - 1], True
                    break
        return key

    # -- structure ----------------------------------------------------------------
    def get(self, entry_id: str) -> Entry | None:
        return self.entries.get(entry_id)

    def ancestors(self, entry: Entry) -> list[Entry]:
        """Parent, grandparent, … (nearest first)."""
        chain, seen = [], {entry.id}
        current = self.entries.get(entry.parent) if entry.parent else None
        while current is not None and current.id not in seen:
            chain.append(current)
            seen.add(current.id)
            current = self.entries.get(current.parent) if current.parent else None
        return chain

    def root(self, entry: Entry) -> Entry:
        chain = self.ancestors(entry)
        return chain[-1] if chain else entry

    def has_children(self, entry: Entry) -> bool:
        return entry.id in self._children

    def by_acronym(self, acronym: str) -> list[Entry]:
        return list(self._acronyms.get(acronym, ()))

    def display(self, entry: Entry) -> str:
        """The canonical name, with its organisation when the name alone is ambiguous."""
        name = entry.en
        if entry.acronyms:
            name += f" ({entry.acronyms[0]})"
        if not entry.parent:
            return name
        root = self.root(entry)
        if root is not entry and root.kind == "org" and root.id not in SELF_EVIDENT_ROOTS \
                and not _mentions_root(entry.en, root):
            name = f"{root.acronyms[0] if root.acronyms else root.en} {name}"
        return name

    def bare_key(self, entry: Entry, name: str) -> str:
        """The normalised ``name`` of ``entry`` without its organisation qualifiers."""
        return " ".join(self._strip(tuple(normalise(name).split()), self._qualifier_keys(entry)))

    def bare_name(self, entry: Entry) -> str:
        """The canonical name without its organisation ("Secretariat" for "CSTO Secretariat")."""
        name = entry.en
        for ancestor in self.ancestors(entry)[-1:]:
            for q in sorted(ancestor.renderings, key=len, reverse=True):
                if name.startswith(q + " ") and len(name) > len(q) + 1:
                    return name[len(q) + 1:]
                for tail in (f" of the {q}", f" of {q}"):
                    if name.endswith(tail) and len(name) > len(tail):
                        return name[:-len(tail)]
        return name

    # -- finding names in English text --------------------------------------------
    def mentions(self, text: str, toks: list[Token] | None = None) -> list[Mention]:
        """Every known name in ``text``, longest first, with qualifiers attached."""
        toks = tokens(text) if toks is None else toks
        keep = [i for i, t in enumerate(toks) if t.norm]
        norms = [toks[i].norm for i in keep]
        found: list[Mention] = []
        position = 0
        while position < len(norms):
            first = keep[position]
            initial = toks[first].text[:1]
            longest = self._longest_from.get(norms[position], 0)
            if not longest or not (initial.isupper() or initial.isdigit()):
                position += 1  # a name starts with a capital: "migration" is not UN Migration
                continue
            hit = None
            for length in range(min(longest, len(norms) - position), 0, -1):
                bucket = self._index.get(tuple(norms[position:position + length]))
                if bucket:
                    hit = (length, bucket)
                    break
            if hit is None:
                position += 1
                continue
            length, bucket = hit
            last = keep[position + length - 1] + 1
            entries = tuple(e for e, _, _ in bucket)
            form = _best_form([f for _, f, _ in bucket])
            key = " ".join(norms[position:position + length])
            qualifier = None
            if len(entries) == 1 and bucket[0][2] != key and entries[0].parent:
                qualifier = self.root(entries[0])  # "CSTO Secretariat" names its organisation
            found.append(Mention(toks[first].start, toks[last - 1].end,
                                 text[toks[first].start:toks[last - 1].end], entries, form,
                                 bucket[0][2], qualifier, first, last))
            position += length
        return self._attach_qualifiers(text, toks, found)

    def _attach_qualifiers(self, text: str, toks: list[Token],
                           found: list[Mention]) -> list[Mention]:
        """Merge "CSTO" + "Secretariat" and "Secretariat" + "of the CSTO" into one mention."""
        result: list[Mention] = []
        index = 0
        while index < len(found):
            mention = found[index]
            nxt = found[index + 1] if index + 1 < len(found) else None
            if nxt is not None and nxt.first == mention.last and len(mention.entries) == 1:
                narrowed = self._descendants_of(nxt.entries, mention.entries[0])
                if narrowed:
                    result.append(_merge(text, mention, nxt, narrowed, nxt, mention.entries[0]))
                    index += 2
                    continue
            if (nxt is not None and len(nxt.entries) == 1
                    and _joined_by_of(toks, mention.last, nxt.first)):
                narrowed = self._descendants_of(mention.entries, nxt.entries[0])
                if narrowed:
                    result.append(_merge(text, mention, nxt, narrowed, mention, nxt.entries[0]))
                    index += 2
                    continue
            result.append(mention)
            index += 1
        return result

    def _descendants_of(self, entries: tuple[Entry, ...], ancestor: Entry) -> tuple[Entry, ...]:
        return tuple(e for e in entries
                     if any(a.id == ancestor.id for a in self.ancestors(e)))

    def unknown_bodies(self, text: str, toks: list[Token] | None = None,
                       mentions: list[Mention] | None = None) -> list[Span]:
        """Runs of capitalised words with a head noun ("Office", "Committee", …) not covered
        by a known name."""
        toks = tokens(text) if toks is None else toks
        mentions = self.mentions(text, toks) if mentions is None else mentions
        covered: dict[int, Mention] = {}
        for mention in mentions:
            for i in range(mention.first, mention.last):
                covered[i] = mention
        spans = []
        for first, last in _capitalised_runs(text, toks):
            i = first
            while i < last:
                if i in covered:
                    spans.extend(self._tail_span(text, toks, covered[i], last, covered))
                    i = covered[i].last
                    continue
                j = i
                while j < last and j not in covered:
                    j += 1
                if toks[j - 1].text.lower() in ("of", "for", "on") and j < last \
                        and any(t.norm in HEADS for t in toks[i:j]) \
                        and not self._is_qualifier(covered[j]):
                    # "Office for General Assembly and Conference Management": the name
                    # goes on through a known name after a preposition
                    while j < last and not (j in covered and self._is_qualifier(covered[j])):
                        j += 1
                spans.extend(self._span(text, toks, i, j, covered))
                i = j
        return spans

    def _is_qualifier(self, mention: Mention) -> bool:
        return len(mention.entries) == 1 and mention.entries[0].kind in ("org", "country")

    def _tail_span(self, text, toks, mention: Mention, last: int, covered) -> list[Span]:
        """A known name ending in a head noun that goes on with "of …" words no name
        covers: "UN Organization of World Health" is not the UN Organization."""
        k = mention.last
        if toks[k - 1].norm not in HEADS or k >= last \
                or toks[k].text.lower() not in ("of", "for", "on"):
            return []
        j = k + 1
        while j < last and j not in covered:
            j += 1
        tail = [t for t in toks[k + 1:j] if t.norm and t.norm not in CONNECTORS]
        if not any(t.text[:1].isupper() and t.norm not in HEADS and t.norm not in _GENERIC
                   for t in tail):
            return []
        head = mention.first if len(mention.entries) > 1 or not self._is_qualifier(mention) \
            else mention.last - 1
        entry = mention.entries[0]
        scope = entry if self._is_qualifier(mention) else mention.qualifier
        while j > k and toks[j - 1].text.lower() in CONNECTORS:
            j -= 1
        start, end = toks[head].start, toks[j - 1].end
        if self.is_known(text[start:end]):
            return []  # "UN Organisation for the Prohibition of Chemical Weapons"
        return [Span(start, end, text[start:end],
                     " ".join(t.norm for t in toks[head:j] if t.norm), scope)]

    def _span(self, text, toks, i, j, covered) -> list[Span]:
        while i < j and (toks[i].text.lower() in CONNECTORS or toks[i].text.lower() in _LEADING):
            i += 1
        while j > i and toks[j - 1].text.lower() in CONNECTORS:
            j -= 1
        if i >= j or not any(toks[k].norm in HEADS for k in range(i, j)):
            return []
        if not toks[i].text[:1].isupper():
            return []
        scope = None
        before = covered.get(i - 1)
        if before is not None and len(before.entries) == 1 and self.has_children(before.entries[0]):
            scope = before.entries[0]
        after = _entry_after_of(toks, j, covered)
        if scope is None and after is not None and self.has_children(after):
            scope = after
        start, end = toks[i].start, toks[j - 1].end
        if self.is_known(text[start:end]):
            return []
        return [Span(start, end, text[start:end], " ".join(t.norm for t in toks[i:j] if t.norm),
                     scope)]

    # -- near misses ----------------------------------------------------------------
    def nearest(self, name: str, scope: Entry | None = None,
                limit: int = 3) -> list[tuple[Entry, float]]:
        """The real bodies nearest to ``name`` (best first), with scores in 0..100.

        The score blends how the name is built (rapidfuzz ratio over the whole
        normalised name) with what it is about (the share of its content words
        found, fuzzily, among a body's content words) and prefers bodies with the
        same head noun ("Office" for "Office …"). A garbled name often takes its
        shape from one body and its subject from another; this ranking puts both
        near the top.
        """
        key = (name, scope.id if scope is not None else None, limit)
        if key not in self._nearest:
            if len(self._nearest) > 10_000:
                self._nearest.clear()
            self._nearest[key] = self._rank(name, scope, limit)
        return list(self._nearest[key])

    def _rank(self, name: str, scope: Entry | None, limit: int) -> tuple[tuple[Entry, float], ...]:
        norm = normalise(name)
        words = norm.split()
        heads = {w for w in words if w in HEADS}
        content = [w for w in words if w not in CONNECTORS and w not in HEADS and w not in _GENERIC]
        scored: dict[str, tuple[float, Entry]] = {}
        for key, bucket in self._index.items():
            for entry, form, bare in bucket:
                if form == "acronym":
                    continue
                if scope is not None and not self._within(entry, scope):
                    continue
                candidate = " ".join(key)
                score = self._similarity(norm, heads, content, candidate)
                if entry.id not in scored or score > scored[entry.id][0]:
                    scored[entry.id] = (score, entry)
        ranked = sorted(scored.values(), key=lambda item: (-item[0], item[1].id))
        return tuple((entry, round(score, 1)) for score, entry in ranked[:limit])

    def score(self, name: str, entry: Entry) -> float:
        """How near ``name`` is to ``entry``'s nearest English name (0..100), as in nearest()."""
        norm = normalise(name)
        words = norm.split()
        heads = {w for w in words if w in HEADS}
        content = [w for w in words if w not in CONNECTORS and w not in HEADS and w not in _GENERIC]
        qualifiers = self._qualifier_keys(entry)
        keys = set()
        for name_ in entry.names:
            key = tuple(normalise(name_).split())
            keys.add(" ".join(key))
            keys.add(" ".join(self._strip(key, qualifiers)))
        return round(max(self._similarity(norm, heads, content, k) for k in keys if k), 1)

    def _within(self, entry: Entry, scope: Entry) -> bool:
        return entry.id != scope.id and any(a.id == scope.id for a in self.ancestors(entry))

    @staticmethod
    def _similarity(norm: str, heads: set[str], content: list[str], candidate: str) -> float:
        words = candidate.split()
        shape = fuzz.ratio(norm, candidate)
        theirs = [w for w in words if w not in CONNECTORS and w not in HEADS and w not in _GENERIC]
        if content and theirs:
            found = sum(1 for w in content if any(_same_subject(w, t) for t in theirs))
            subject = 100.0 * found / len(content)
        else:
            subject = 0.0
        head = 10.0 if heads and heads & set(words) else 0.0
        return min(100.0, 0.55 * shape + 0.45 * subject + head)

    def is_known(self, name: str) -> bool:
        return tuple(normalise(name).split()) in self._index

    def lookup(self, name: str) -> list[Entry]:
        return [e for e, _, _ in self._index.get(tuple(normalise(name).split()), ())]


def _same_subject(word: str, other: str) -> bool:
    """"terrorism" and "counterterrorism", "finance" and "finances"; not "support"/"sport"."""
    if min(len(word), len(other)) < 4:
        return word == other
    return word in other or other in word or fuzz.ratio(word, other) >= 85


# Organisations whose bodies' names stand on their own ("Office of Counter-Terrorism" is
# a UN office; "Secretariat" or "Parliamentary Assembly" needs "CSTO", "CIS", "SCO").
SELF_EVIDENT_ROOTS = frozenset({"un"})

# Words too common in body names to tell two bodies apart.
_GENERIC = frozenset("united nations un organization international".split())


def _mentions_root(name: str, root: Entry) -> bool:
    key = normalise(name)
    return any(normalise(n) in key for n in root.renderings if normalise(n))


def _best_form(forms: list[str]) -> str:
    for form in ("canonical", "variant", "acronym", "former"):
        if form in forms:
            return form
    return forms[0]


def _merge(text: str, a: Mention, b: Mention, entries: tuple[Entry, ...], named: Mention,
           qualifier: Entry) -> Mention:
    return Mention(a.start, b.end, text[a.start:b.end], entries, named.form, named.bare,
                   qualifier, a.first, b.last)


def _joined_by_of(toks: list[Token], left_end: int, right_first: int) -> bool:
    between = [t.text.lower() for t in toks[left_end:right_first]]
    return between in (["of"], ["of", "the"])


def _entry_after_of(toks: list[Token], j: int, covered: dict[int, Mention]) -> Entry | None:
    k = j
    if k < len(toks) and toks[k].text.lower() == "of":
        k += 1
        if k < len(toks) and toks[k].text.lower() == "the":
            k += 1
        mention = covered.get(k)
        if mention is not None and len(mention.entries) == 1:
            return mention.entries[0]
    return None


def _capitalised_runs(text: str, toks: list[Token]) -> list[tuple[int, int]]:
    """Token ranges of capitalised words joined by connectors, within one clause."""
    runs = []
    i = 0
    while i < len(toks):
        if not toks[i].text[:1].isupper():  # _capital, inline: asked of every word
            i += 1
            continue
        j = i + 1
        while j < len(toks):
            gap = text[toks[j - 1].end:toks[j].start]
            if gap.strip() not in ("", "'s", "’s") or "\n" in gap:
                break
            if _capital(toks[j].text) or toks[j].text[:1].isdigit():
                j += 1
            elif toks[j].text.lower() in CONNECTORS:
                j += 1
            else:
                break
        while j > i and toks[j - 1].text.lower() in CONNECTORS:
            j -= 1
        runs.append((i, j))
        i = max(j, i + 1)
    return runs


def _capital(word: str) -> bool:
    return word[:1].isupper()


# -- loading ------------------------------------------------------------------------
def parse_table(text: str, path: str) -> list[Entry]:
    """Entries from termbase-format TSV text (header row naming the columns)."""
    entries = []
    header = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = next(csv.reader(io.StringIO(line), delimiter="\t", quoting=csv.QUOTE_NONE))
        if header is None:
            header = [c.strip() for c in cells]
            missing = [c for c in ("id", "en") if c not in header]
            unknown = [c for c in header if c not in COLUMNS]
            if missing or unknown:
                raise ConfigError(f"bad header: needs columns {', '.join(COLUMNS)}"
                                  + (f"; unknown {', '.join(unknown)}" if unknown else ""),
                                  path, number)
            continue
        if len(cells) != len(header):
            raise ConfigError(f"expected {len(header)} tab-separated columns, found {len(cells)}",
                              path, number)
        row = dict(zip(header, (c.strip() for c in cells)))
        if not row.get("id") or not row.get("en"):
            raise ConfigError("every row needs an id and an English name (en)", path, number)
        entries.append(Entry(
            id=row["id"], kind=row.get("kind", ""), parent=row.get("parent", ""), en=row["en"],
            acronyms=_split(row.get("acronym", "")), variants=_split(row.get("variants", "")),
            former=_split(row.get("former", "")), ru=_split(row.get("ru", "")),
            ru_acronyms=_split(row.get("ru_acronym", "")), source=row.get("source", ""),
            origin=f"{path}:{number}"))
    if header is None:
        raise ConfigError("empty table: expected a header row", path)
    return entries


def _check_parents(entries: list[Entry]) -> None:
    ids = {e.id for e in entries}
    seen = set()
    for entry in entries:
        where = entry.origin.rsplit(":", 1)
        if entry.id in seen and where[0].endswith(BUNDLED):
            raise ConfigError(f"duplicate id {entry.id!r}", where[0], int(where[1]))
        seen.add(entry.id)
        if entry.parent and entry.parent not in ids:
            raise ConfigError(f"unknown parent {entry.parent!r}", where[0], int(where[1]))


def read_glossary(path: str) -> list[Entry]:
    """Entries from a user glossary: ``.tbx`` (TBX, via translate-toolkit) or TSV.

    A TSV glossary is either in the termbase format (a header row naming columns)
    or two columns ``Russian term<TAB>English rendering[ | other accepted rendering]``.
    """
    name = os.fspath(path)
    if not os.path.isfile(name):
        raise ConfigError("glossary not found", name)
    if name.lower().endswith(".tbx"):
        return _read_tbx(name)
    try:
        with open(name, encoding="utf-8-sig") as handle:
            text = handle.read()
    except UnicodeDecodeError as error:
        raise ConfigError(f"glossary is not UTF-8 (byte {error.start})", name) from None
    first = next((line for line in text.splitlines()
                  if line.strip() and not line.startswith("#")), "")
    if first.split("\t")[0].strip() == "id":
        return parse_table(text, name)
    return _read_pairs(text, name)


def _read_pairs(text: str, path: str) -> list[Entry]:
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 2 or not cells[0].strip() or not cells[1].strip():
            raise ConfigError("expected 'Russian term<TAB>English rendering'", path, number)
        ru, en = _split(cells[0]), _split(cells[1])
        entries.append(Entry(id=f"glossary:{path}:{number}", kind="glossary", parent="",
                             en=en[0], variants=en[1:], ru=ru, source=path,
                             origin=f"{path}:{number}"))
    return entries


def _read_tbx(path: str) -> list[Entry]:
    from translate.storage import tbx
    from translate.misc.xml_helpers import getXMLlang

    try:
        store = tbx.tbxfile.parsefile(path)
    except Exception as error:  # lxml raises several kinds for malformed XML
        raise ConfigError(f"cannot read TBX: {error}", path) from None
    entries = []
    for number, unit in enumerate(store.units, 1):
        terms: dict[str, list[str]] = {"ru": [], "en": []}
        for node in unit.getlanguageNodes():
            lang = (getXMLlang(node) or "").lower().split("-")[0].split("_")[0]
            if lang in terms:
                for term in unit.get_target_terms(getXMLlang(node)):
                    if term.text.strip() and not term.deprecated:
                        terms[lang].append(term.text.strip())
        if not terms["ru"] or not terms["en"]:
            continue  # a concept without both languages says nothing about a translation
        entries.append(Entry(id=f"glossary:{path}:{unit.getid() or number}", kind="glossary",
                             parent="", en=terms["en"][0], variants=tuple(terms["en"][1:]),
                             ru=tuple(terms["ru"]), source=path,
                             origin=f"{path}:concept {number}"))
    return entries


@functools.lru_cache(maxsize=8)
def load_termbase(glossaries: tuple[str, ...] = ()) -> Termbase:
    """The bundled termbase extended by ``glossaries`` (paths to .tsv or .tbx files)."""
    text = resources.files("aligner.data").joinpath(BUNDLED).read_text("utf-8")
    entries = parse_table(text, BUNDLED)
    for path in glossaries:
        entries.extend(read_glossary(path))
    _check_parents(entries)
    return Termbase(entries)


def termbase_for(options: dict) -> Termbase:
    """The termbase for a run: bundled plus the glossaries named in ``options``."""
    paths = options.get("glossaries") or options.get("glossary") or ()
    if isinstance(paths, (str, os.PathLike)):
        paths = (paths,)
    return load_termbase(tuple(os.fspath(p) for p in paths))


__all__ = ["Entry", "Mention", "Span", "Termbase", "Token", "load_termbase", "normalise",
           "read_glossary", "termbase_for", "tokens"]
