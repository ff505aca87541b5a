"""Known and unknown body names in English text: the termbase's ``mentions`` and
``unknown_bodies`` (a mixin of :class:`aligner.entities.termbase.Termbase`)."""

from __future__ import annotations

from aligner.entities.terms import (
    CONNECTORS,
    GENERIC,
    HEADS,
    LEADING_WORDS,
    Entry,
    Mention,
    Span,
    Token,
    tokens,
)


class BodyMentions:
    """Finding the termbase's names, and body-like spans that are none of them, in text."""

    def may_name(self, norms: list[str]) -> bool:
        """Whether a text of these word norms (:func:`~aligner.entities.terms.word_norms`) can
        hold a mention or an unknown body: one of its words starts a known name or is a head
        noun. Where not, ``mentions`` and ``unknown_bodies`` find nothing."""
        return any(map(self._longest_from.get, norms)) or not HEADS.isdisjoint(norms)

    def mentions(self, text: str, toks: list[Token] | None = None) -> list[Mention]:
        """Every known name in ``text``, longest first, with qualifiers attached."""
        toks = tokens(text) if toks is None else toks
        keep = [i for i, t in enumerate(toks) if t.norm]
        norms = [toks[i].norm for i in keep]
        found: list[Mention] = []
        longest_from = self._longest_from
        position = 0  # the words before it are taken or start no name
        for start in [i for i, norm in enumerate(norms) if longest_from.get(norm)]:
            if start < position:
                continue
            position = start
            first = keep[position]
            initial = toks[first].text[:1]
            longest = longest_from[norms[position]]
            if not (initial.isupper() or initial.isdigit()):
                continue  # a name starts with a capital: "migration" is not UN Migration
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
        if HEADS.isdisjoint([t.norm for t in toks]):
            return []  # every span has a head noun (_span, _tail_span): most sentences none
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
        if not any(t.text[:1].isupper() and t.norm not in HEADS and t.norm not in GENERIC
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
        while i < j and (toks[i].text.lower() in CONNECTORS or toks[i].text.lower() in LEADING_WORDS):
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
            elif toks[j].text.lower() in CONNECTORS and not _date_after(toks, j):
                j += 1
            else:
                break
        while j > i and toks[j - 1].text.lower() in CONNECTORS:
            j -= 1
        runs.append((i, j))
        i = max(j, i + 1)
    return runs


_DATE_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february
march april may june july august september october november december""".split())


def _date_after(toks: list[Token], j: int) -> bool:
    """Is the connector ``toks[j]`` followed by a weekday or a month ("the Emergency
    Situations Ministry on Sunday", "the Council in May")? A date ends the name there."""
    return j + 1 < len(toks) and toks[j + 1].text.lower() in _DATE_WORDS


def _capital(word: str) -> bool:
    return word[:1].isupper()


# -- loading ------------------------------------------------------------------------
