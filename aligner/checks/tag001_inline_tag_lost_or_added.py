"""An inline tag or placeholder of the source missing from the translation, or one it added.

What it does:
    In a bilingual file (XLIFF, TMX) compares each unit's inline tags (``<g>``, ``<x/>``,
    ``<ph>``, ``<bpt>``/``<ept>``, ``<bx/>``/``<ex/>``, ``<it>``; XLIFF 2.0 ``<pc>``,
    ``<ph/>``, ``<sc/>``/``<ec/>``) in source and target, by element and id (by their
    native code when they have no id), and reports each one the target lost or added. In
    a plain-text pair it does the same for markup in each aligned pair of sentences:
    self-closing tags (``<br/>``) and tags whose partner is in the same text (``<b>`` …
    ``</b>``); a lone ``<name>`` is not markup (MT systems write ``<unk>`` for an unknown
    word) and is not counted. A unit without a translation is not compared.

Why is this bad?
    A lost tag loses the formatting, link or field it stood for; CAT tools refuse to
    export a target whose tags do not match its source, or silently drop the formatting.

Example:
    Source ``Нажмите <b>Сохранить</b>.``, translation ``Click Save.``: ``<b>`` and ``</b>``
    were lost.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from aligner.formats.tags import tag_problems
from aligner.records import Finding, Pair

CODE = "TAG001"
NAME = "inline-tag-lost-or-added"
SEVERITY = "error"
SUMMARY = "An inline tag or placeholder of the source is missing from the translation, or was added."
EXAMPLES = [
    # corpus/ 000 (Уважаемые коллеги) with formatting as a CAT tool would carry it
    ("<b>Уважаемые коллеги</b>,", "Distinguished Colleagues,", True),
    ("<b>Уважаемые коллеги</b>,", "<b>Distinguished Colleagues</b>,", False),
    ("Уважаемые коллеги,<br/>", "Distinguished Colleagues,<br/><br/>", True),
    ("Уважаемые коллеги,", "Distinguished Colleagues,", False),
]
_MARKUP = re.compile(r"<(/?)([A-Za-z][\w:.-]*)(?:\s[^<>]*?)?(/?)>")


def check(pair: Pair) -> Iterable[Finding]:
    if pair.bilingual is not None:
        yield from _units(pair)
    elif pair.source is not None:
        yield from _sentences(pair)


def _units(pair: Pair) -> Iterable[Finding]:
    document = pair.bilingual
    for index, unit in enumerate(document.units):
        for problem in tag_problems(unit):
            at = document.en_starts[index] + problem.offset
            if problem.kind == "lost":
                message = f"the translation lost the tag {problem.tag.label} of its source"
            else:
                message = f"the translation adds the tag {problem.tag.label}, which its source does not have"
            yield pair.finding(CODE, SEVERITY, at, at, message)


def markup(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """(tag, start, end) of the well-formed markup tags of a plain text."""
    matches = list(_MARKUP.finditer(text))
    opened = {m.group(2) for m in matches if not m.group(1) and not m.group(3)}
    closed = {m.group(2) for m in matches if m.group(1)}
    return [(" ".join(m.group().split()), offset + m.start(), offset + m.end()) for m in matches
            if m.group(3) or (m.group(2) in closed if not m.group(1) else m.group(2) in opened)]


def _sentences(pair: Pair) -> Iterable[Finding]:
    for source, target, _ in pair.aligned():
        if not source or not target:
            continue
        source_tags = Counter(tag for tag, _, _ in markup(" ".join(s.text for s in source)))
        found = [item for s in target for item in markup(s.text, s.start)]
        if not source_tags and not found:
            continue
        target_tags = Counter(tag for tag, _, _ in markup(" ".join(s.text for s in target)))
        for tag, count in (source_tags - target_tags).items():
            for _ in range(count):
                yield pair.finding(CODE, SEVERITY, target[0].start, target[0].start,
                                   f"the translation lost the tag {tag} of its source",
                                   evidence=source)
        added = target_tags - source_tags
        for tag, start, end in found:
            if added[tag]:
                added[tag] -= 1
                yield pair.finding(CODE, SEVERITY, start, end,
                                   f"the translation adds the tag {tag}, which its source does not have",
                                   evidence=source)
