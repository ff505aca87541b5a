"""TMX 1.4b: one unit per ``<tu>``, source ``<tuv>`` by the header's ``srclang``.

Read from the byte-span tree (not translate-toolkit's ``tmxfile``) for the same reason as
XLIFF: notes and corrections are written back by byte spans.
"""

from __future__ import annotations

from aligner.formats.inline import TMX, InlineBuilder
from aligner.formats.records import Bilingual, NoteSlot, Segment, Unit
from aligner.formats.xliff import _indent, language
from aligner.formats.xmlspans import XmlTree


def _base(lang: str) -> str:
    return lang.lower().replace("_", "-").split("-")[0]


def read_tmx(tree: XmlTree, data: bytes, path: str) -> Bilingual:
    header = tree.root.first("header")
    source_language = header.get("srclang", "") if header is not None else ""
    languages = ["", ""]  # of the first unit: a <tu srclang> may override the header's
    body = tree.root.first("body")
    units = []
    for number, tu in enumerate(body.elements("tu") if body is not None else [], 1):
        tuvs = tu.elements("tuv")
        if not tuvs:
            continue
        wanted = _base(tu.get("srclang") or source_language)  # a <tu> may override the header
        source_tuv = next((t for t in tuvs if _base(language(t)) == wanted), tuvs[0])
        target_tuv = next((t for t in tuvs if _base(language(t)) != _base(language(source_tuv))), None)
        if not languages[0]:
            languages = [language(source_tuv), language(target_tuv) if target_tuv is not None else ""]
        source = InlineBuilder(TMX, data, tree.encoding)
        target = InlineBuilder(TMX, data, tree.encoding)
        source_seg = source_tuv.first("seg")
        target_seg = target_tuv.first("seg") if target_tuv is not None else None
        source_range = source.add_content(source_seg) if source_seg is not None else (0, 0)
        target_range = target.add_content(target_seg) if target_seg is not None else (0, 0)
        notes = NoteSlot(tuvs[0].start, "tmx", before=True, indent=_indent(tuvs[0], data, tree.encoding))
        units.append(Unit(tu.get("tuid") or str(number), source.build(), target.build(),
                          (Segment("", source_range, target_range),), "", tu.line,
                          target_seg is not None, notes))
    return Bilingual(path, "tmx", "", data, tree.encoding, languages[0], languages[1], tuple(units))
