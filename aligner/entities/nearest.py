"""The real bodies nearest to a name the termbase does not know (rapidfuzz), a mixin of
:class:`aligner.entities.termbase.Termbase`."""

from __future__ import annotations

from rapidfuzz import fuzz

from aligner.entities.terms import CONNECTORS, GENERIC, HEADS, Entry, normalise


class NearestBodies:
    """Ranking the termbase's bodies by how close their names are to a given name."""

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
        content = [w for w in words if w not in CONNECTORS and w not in HEADS and w not in GENERIC]
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
        content = [w for w in words if w not in CONNECTORS and w not in HEADS and w not in GENERIC]
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
        theirs = [w for w in words if w not in CONNECTORS and w not in HEADS and w not in GENERIC]
        if content and theirs:
            found = sum(1 for w in content if any(_same_subject(w, t) for t in theirs))
            subject = 100.0 * found / len(content)
        else:
            subject = 0.0
        head = 10.0 if heads and heads & set(words) else 0.0
        return min(100.0, 0.55 * shape + 0.45 * subject + head)


def _same_subject(word: str, other: str) -> bool:
    """"terrorism" and "counterterrorism", "finance" and "finances"; not "support"/"sport"."""
    if min(len(word), len(other)) < 4:
        return word == other
    return word in other or other in word or fuzz.ratio(word, other) >= 85
