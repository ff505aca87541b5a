"""Inline tags a target lost or added, compared with its source (the check every CAT QA tool has).

Tags are compared as multisets of their keys (element name and id, or native code for
tags without an id), per unit: a target that has ``<g id="1">`` once while its source has
it twice has lost one. Units without a translation are not compared.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from aligner.formats.records import Tag, Unit


@dataclass(frozen=True)
class TagProblem:
    """``kind`` is "lost" (in the source, not the target) or "added"; ``offset`` is where
    in the masked target text the finding goes (an added tag's place; the start of the
    segment whose source has a lost one)."""

    kind: str
    tag: Tag
    offset: int


def tag_problems(unit: Unit) -> list[TagProblem]:
    if not unit.has_target or not unit.target.text.strip():
        return []
    source = Counter(tag.key for tag in unit.source.tags)
    target = Counter(tag.key for tag in unit.target.tags)
    problems = []
    lost, added = source - target, target - source
    for tag in unit.source.tags:
        if lost[tag.key]:
            lost[tag.key] -= 1
            problems.append(TagProblem("lost", tag, _segment_start(unit, tag.offset)))
    for tag in unit.target.tags:
        if added[tag.key]:
            added[tag.key] -= 1
            problems.append(TagProblem("added", tag, tag.offset))
    return sorted(problems, key=lambda problem: problem.offset)


def _segment_start(unit: Unit, source_offset: int) -> int:
    for segment in unit.segments:
        if segment.source[0] <= source_offset <= segment.source[1]:
            return segment.target[0]
    return 0
