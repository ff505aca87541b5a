"""XLIFF 1.2 (plain, memoQ ``.mqxliff``, Trados ``.sdlxliff``) and XLIFF 2.0 readers.

Read from the byte-span tree of :mod:`aligner.formats.xmlspans` rather than with
translate-toolkit's ``xlifffile``/``Xliff2File``: those give no byte offsets, and
writing notes or corrections back must leave every other byte as it was.

XLIFF 1.2: one unit per ``<trans-unit>`` (``translate="no"`` ones skipped); a unit
split into sentences by ``<seg-source>`` with ``<mrk mtype="seg" mid="…">`` (as Trados
and Okapi write it) has one Segment per ``mid``. XLIFF 2.0: one unit per ``<unit>``,
one Segment per ``<segment>``; ``<ignorable>`` text (the blanks between sentences) is
part of the unit's text but of no segment.
"""

from __future__ import annotations

from aligner.formats.inline import XLIFF12, XLIFF20, InlineBuilder
from aligner.formats.records import Bilingual, Inline, NoteSlot, Segment, Unit
from aligner.formats.xmlspans import XML_NS, Element, XmlTree

NS12 = "urn:oasis:names:tc:xliff:document:1.2"
NS20 = "urn:oasis:names:tc:xliff:document:2.0"
SDL_NS = "http://sdl.com/FileTypes/SdlXliff/1.0"


def read_xliff12(tree: XmlTree, data: bytes, path: str, flavour: str = "") -> Bilingual:
    units, languages = [], ("", "")
    for file in tree.root.elements("file"):
        if languages == ("", ""):
            languages = (file.get("source-language", ""), file.get("target-language", ""))
        name = file.get("original", "")
        for unit in file.iter("trans-unit"):
            if unit.get("translate") != "no" and unit.get("restype") != "x-gettext-domain-header":
                units.append(_unit12(unit, name, tree, data))
    return Bilingual(path, "xliff-1.2", flavour, data, tree.encoding, languages[0], languages[1],
                     tuple(units))


def _unit12(unit: Element, file: str, tree: XmlTree, data: bytes) -> Unit:
    source_element = unit.first("seg-source") or unit.first("source")
    target_element = unit.first("target")
    source = InlineBuilder(XLIFF12, data, tree.encoding)
    target = InlineBuilder(XLIFF12, data, tree.encoding)
    whole_source = source.add_content(source_element) if source_element else (0, 0)
    whole_target = target.add_content(target_element) if target_element else (0, 0)
    state_tag = (target_element.start, target_element.tag_end) if target_element else (-1, -1)
    conf = _sdl_confirmations(unit)
    segments = []
    if unit.first("seg-source") is not None:
        target_marks = {element.get("mid"): (start, end) for element, start, end in target.marks
                        if element.get("mtype") == "seg"}
        for element, start, end in source.marks:
            if element.get("mtype") == "seg":
                mid = element.get("mid", "")
                empty = (whole_target[1], whole_target[1])
                if mid in conf:
                    segments.append(Segment(mid, (start, end), target_marks.get(mid, empty),
                                            conf[mid][0], "trados", conf[mid][1]))
                else:
                    segments.append(Segment(mid, (start, end), target_marks.get(mid, empty),
                                            state_tag, "xliff12" if target_element else ""))
    if not segments:
        segments.append(Segment("", whole_source, whole_target, state_tag,
                                "xliff12" if target_element else ""))
    after = target_element or source_element or unit
    notes = NoteSlot(after.end, "xliff12", indent=_indent(after, data, tree.encoding),
                     prefix=prefix(unit, data, tree.encoding))
    approval = (unit.start, unit.tag_end) if unit.get("approved") == "yes" else (-1, -1)
    return Unit(unit.get("id", str(unit.line)), source.build(), target.build(), tuple(segments),
                file, unit.line, target_element is not None, notes, approval_tag=approval)


def _sdl_confirmations(unit: Element) -> dict:
    """Trados keeps a segment's state in ``<sdl:seg id="mid" conf="…" locked="…">``:
    mid -> (the tag's span, locked)."""
    found = {}
    for defs in unit.elements("seg-defs"):
        if defs.namespace == SDL_NS:
            for seg in defs.elements("seg"):
                found[seg.get("id", "")] = ((seg.start, seg.tag_end), seg.get("locked") == "true")
    return found


def read_xliff20(tree: XmlTree, data: bytes, path: str) -> Bilingual:
    root = tree.root
    units = []
    for file in root.elements("file"):
        name = file.get("original") or file.get("id", "")
        for unit in file.iter("unit"):
            if unit.get("translate") != "no":
                units.append(_unit20(unit, name, tree, data))
    return Bilingual(path, "xliff-2.0", "", data, tree.encoding, root.get("srcLang", ""),
                     root.get("trgLang", ""), tuple(units))


def _unit20(unit: Element, file: str, tree: XmlTree, data: bytes) -> Unit:
    source = InlineBuilder(XLIFF20, data, tree.encoding)
    target = InlineBuilder(XLIFF20, data, tree.encoding)
    segments, has_target = [], False
    parts = [child for child in unit.elements() if child.local in ("segment", "ignorable")]
    for number, part in enumerate(parts, 1):
        part_source, part_target = part.first("source"), part.first("target")
        source_range = source.add_content(part_source) if part_source else (source.length,) * 2
        if part_target is not None:
            target_range = target.add_content(part_target)
            has_target = has_target or part.local == "segment"
        elif part.local == "ignorable" and part_source is not None:
            target_range = target.add_plain(part_source.text())
        else:
            target_range = (target.length, target.length)
        if part.local == "segment":
            segments.append(Segment(part.get("id", str(number)), source_range, target_range,
                                    (part.start, part.tag_end), "xliff20"))
    existing = unit.first("notes")
    pre = prefix(unit, data, tree.encoding)
    if existing is not None and existing.elements("note"):
        last = existing.elements("note")[-1]
        notes = NoteSlot(last.end, "xliff20", indent=_indent(last, data, tree.encoding), prefix=pre)
    else:
        anchor = next((child for child in unit.elements()
                       if child.local in ("originalData", "segment", "ignorable")), None)
        at = anchor.start if anchor is not None else unit.content_end
        notes = NoteSlot(at, "xliff20", before=True, wrap=True,
                         indent=_indent(anchor, data, tree.encoding) if anchor else "", prefix=pre)
    return Unit(unit.get("id", str(unit.line)), source.build(), target.build(), tuple(segments),
                file, unit.line, has_target, notes)


def _indent(element: Element, data: bytes, encoding: str) -> str:
    """The blanks before ``element`` on its line ("" when other text precedes it there)."""
    step = len("\n".encode(encoding))
    line_start = element.start
    while line_start >= step and data[line_start - step:line_start].decode(encoding, "replace") not in "\r\n":
        line_start -= step
    blank = data[line_start:element.start].decode(encoding, "replace")
    return blank if not blank.strip() else ""


def prefix(element: Element, data: bytes, encoding: str) -> str:
    """The namespace prefix the file uses for ``element`` ("" for the default namespace)."""
    name = data[element.start + len("<".encode(encoding)):element.tag_end].decode(encoding, "replace")
    name = name.split()[0].rstrip("/>") if name.split() else ""
    return name.rsplit(":", 1)[0] + ":" if ":" in name else ""


def language(element: Element) -> str:
    return element.attrs.get(f"{XML_NS} lang") or element.get("lang", "") or ""


__all__ = ["Inline", "read_xliff12", "read_xliff20", "language"]
