"""The termbase: every body's names in English and Russian, indexed, with its hierarchy.

Finding names in text is :class:`~aligner.entities.mentions.BodyMentions`, ranking the
nearest real bodies :class:`~aligner.entities.nearest.NearestBodies`; loading is
:mod:`aligner.entities.glossary`.
"""

from __future__ import annotations

from aligner.entities.mentions import BodyMentions
from aligner.entities.nearest import NearestBodies
from aligner.entities.terms import HEADS, Entry, normalise


class Termbase(BodyMentions, NearestBodies):
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
    def is_known(self, name: str) -> bool:
        return tuple(normalise(name).split()) in self._index

    def lookup(self, name: str) -> list[Entry]:
        return [e for e, _, _ in self._index.get(tuple(normalise(name).split()), ())]


# Organisations whose bodies' names stand on their own ("Office of Counter-Terrorism" is
# a UN office; "Secretariat" or "Parliamentary Assembly" needs "CSTO", "CIS", "SCO").
SELF_EVIDENT_ROOTS = frozenset({"un"})


def _mentions_root(name: str, root: Entry) -> bool:
    key = normalise(name)
    return any(normalise(n) in key for n in root.renderings if normalise(n))
