"""The analysis stage: facts about one pair that several rules need, each computed once.

``pair.facts`` is the :class:`Facts` of a pair. A fact is computed the first time a
rule asks for it and kept with the pair (not in a module cache), so whichever rule
runs first pays for it once and the others read it; the facts die with the pair and
are never sent along when a pair is pickled (a worker recomputes what it needs).

=================  ==========================================================  ==================
fact               what                                                        read by
=================  ==========================================================  ==================
``evidence_at``    the source sentences aligned with the target sentence at    every finding's
                   an offset, as evidence                                      evidence
``copies``         target sentences that copy their aligned source             UNT001, UNT002
``bodies``         termbase mentions, unknown body names, per-bead terms       ENT, TRM, ACR
                   (:class:`aligner.entities.bodies.Analysis`)
``target_names``   name mentions of each target sentence                       NAM001, NAM002
``source_names``   Russian names of each source sentence                       NAM001, NAM002
``name_words``     the document's English name words by key length and the     NAM002
                   source names by initial
``name_sounds``    the sound skeletons of those source names (not Chinese):    NAM002
                   a word sounds like one of them iff it shares a skeleton
``once``           what a rule needs in both its check and its summarize, or   NAM001, LEN001,
                   several rules need of one helper (the length rules' units   OMI001, ADD001
                   and document lengths, :mod:`aligner.checks._beads`)
=================  ==========================================================  ==================
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property

from aligner.records import Evidence, Pair, Sentence


@dataclass(frozen=True)
class NameWords:
    """The names of both documents of a pair, for lookups across the document."""

    english: dict  # length of the name key -> the capitalised words of the English names
    russian: dict  # first letter of a key -> the Russian names of the source that accept it


class Facts:
    """What several rules need of one pair; see the module docstring for the list."""

    def __init__(self, pair: Pair):
        self.pair = pair

    def evidence_at(self, offset: int) -> Evidence | None:
        """The source sentences aligned with the target sentence that holds ``offset``, as
        evidence (None outside a sentence, without a source, or for an addition)."""
        index = bisect.bisect_right(self._target_starts, offset) - 1
        if index < 0 or offset > self.pair.target_sentences[index].end:
            return None
        if index not in self._evidence:
            self._evidence[index] = self.pair.evidence(self._aligned_source.get(index, []))
        return self._evidence[index]

    def once(self, key: str, make):
        """``make(pair)``, computed once per pair under ``key`` (e.g. NAM001's name
        occurrences, read by its check and again by its summarize); shared, so never
        to be changed by whoever reads it."""
        if key not in self._once:
            self._once[key] = make(self.pair)
        return self._once[key]

    @cached_property
    def _once(self) -> dict:
        return {}

    @cached_property
    def _evidence(self) -> dict[int, Evidence | None]:
        return {}

    @cached_property
    def _target_starts(self) -> list[int]:
        return [sentence.start for sentence in self.pair.target_sentences]

    @cached_property
    def _aligned_source(self) -> dict[int, list[Sentence]]:
        found: dict[int, list[Sentence]] = {}
        for source, _, bead in self.pair.aligned():
            for index in bead.target:
                found[index] = source
        return found

    @cached_property
    def copies(self) -> dict[int, list[Sentence]]:
        """Target sentences (by index) that copy their aligned source, with that source."""
        from aligner.checks._script import copied_sentences

        return copied_sentences(self.pair)

    @cached_property
    def bodies(self):
        """Bodies, terms and acronyms of the pair (:class:`aligner.entities.bodies.Analysis`)."""
        from aligner.entities.bodies import analyse_bodies

        return analyse_bodies(self.pair)

    @cached_property
    def target_names(self) -> tuple[list, ...]:
        """:func:`aligner.entities.names.name_mentions` of every target sentence, by index."""
        from aligner.entities.names import name_mentions

        return tuple(name_mentions(sentence.text) for sentence in self.pair.target_sentences)

    @cached_property
    def source_names(self) -> tuple[list, ...]:
        """:func:`aligner.entities.names.russian_names` of every source sentence, by index."""
        from aligner.entities.names import russian_names

        return tuple(russian_names(sentence.text) for sentence in self.pair.source_sentences)

    @cached_property
    def name_words(self) -> NameWords:
        """English name words by key length; source names by the initials they accept."""
        from aligner.entities.names import support_initials
        from aligner.entities.romanise import name_key

        english: dict[int, dict] = {}
        for mentions in self.target_names:
            for mention in mentions:
                for _, _, other in mention.words:
                    english.setdefault(len(name_key(other)), {})[other] = None
        russian: dict[str, dict] = {}
        for names in self.source_names:
            for name in names:
                for initial in support_initials(name):
                    russian.setdefault(initial, {}).setdefault((name.word, name.kind), name)
        return NameWords({k: tuple(v) for k, v in english.items()},
                         {k: tuple(v.values()) for k, v in russian.items()})

    @cached_property
    def name_sounds(self) -> frozenset[str]:
        """The consonant skeletons (:mod:`aligner.entities.sounds`) of every form of the
        source names in ``name_words`` other than Chinese ones: ``heard(word, name)`` holds
        for one of those names iff the word's English skeletons meet this set."""
        from aligner.entities.romanise import lemmas
        from aligner.entities.sounds import russian_skeleton, russian_stems

        return frozenset(russian_skeleton(form) for names in self.name_words.russian.values()
                         for name in names if name.kind != "chinese"
                         for form in russian_stems(name.word, lemmas(name.word)[1:])
                         if len(russian_skeleton(form)) >= 2)
