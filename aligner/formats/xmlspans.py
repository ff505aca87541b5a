"""A safe XML parse that keeps the byte span of every element and text chunk.

translate-toolkit and lxml give a tree but no byte offsets, and re-serialising a tree
changes bytes a CAT tool cares about (quotes, namespace prefixes, character
references). Writing notes and corrected targets back "by spans" needs offsets into the
original bytes, so this module drives the standard library's expat parser directly,
which reports ``CurrentByteIndex`` for every event.

Hostile input is refused as defusedxml refuses it: entity declarations (billion laughs,
external entities) and external references raise, no DTD is ever fetched, and files
over :data:`MAX_BYTES` or nested deeper than :data:`MAX_DEPTH` are refused. A DOCTYPE
without entities is allowed (TMX files often carry ``<!DOCTYPE tmx SYSTEM "tmx14.dtd">``).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

import defusedxml
import pyexpat

from aligner.errors import InputError

MAX_BYTES = 200 * 1024 * 1024  # a CAT project file is rarely over a few tens of MB
MAX_DEPTH = 256  # XLIFF nests a few dozen elements at most; deeper is hostile
_TAG_END = re.compile(rb"""(?:[^>"']|"[^"]*"|'[^']*')*>""")
_DECLARED = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
NS_SEP = " "


@dataclass
class Text:
    """Character data: ``data`` as parsed, ``start``/``end`` its bytes in the file."""

    data: str
    start: int
    end: int
    offsets: tuple[int, ...] | None = None  # byte offset of each char boundary; None: atomic


@dataclass
class Other:
    """A comment, processing instruction or CDATA marker inside an element."""

    start: int


@dataclass
class Element:
    """An element with its byte spans: ``start``..``tag_end`` is the start tag,
    ``content_start``..``content_end`` its content, ``end`` is after its end tag."""

    name: str  # "namespace local" (expat's namespace form) or "local"
    attrs: dict
    start: int
    tag_end: int = 0
    content_start: int = 0
    content_end: int = 0
    end: int = 0
    line: int = 0
    children: list = field(default_factory=list)
    parent: Element | None = field(default=None, repr=False)

    @property
    def local(self) -> str:
        return self.name.rsplit(NS_SEP, 1)[-1]

    @property
    def namespace(self) -> str:
        return self.name.rsplit(NS_SEP, 1)[0] if NS_SEP in self.name else ""

    def elements(self, local: str | None = None):
        """Child elements, optionally only those with the local name ``local``."""
        return [child for child in self.children
                if isinstance(child, Element) and (local is None or child.local == local)]

    def first(self, local: str):
        found = self.elements(local)
        return found[0] if found else None

    def iter(self, local: str):
        """Every descendant element with the local name ``local``, in document order."""
        for child in self.elements():
            if child.local == local:
                yield child
            yield from child.iter(local)

    def text(self) -> str:
        """All character data below this element."""
        return "".join(child.data if isinstance(child, Text) else child.text()
                       for child in self.children if not isinstance(child, Other))

    def get(self, name: str, default: str | None = None) -> str | None:
        """An attribute by local name (or ``xml:lang``-style qualified name)."""
        if name in self.attrs:
            return self.attrs[name]
        for key, value in self.attrs.items():
            if key.rsplit(NS_SEP, 1)[-1] == name:
                return value
        return default


XML_NS = "http://www.w3.org/XML/1998/namespace"


@dataclass
class XmlTree:
    root: Element
    encoding: str  # Python codec of the bytes


def encoding_of(data: bytes) -> str:
    """The Python codec of an XML document (BOM, then the declaration, else UTF-8)."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8"
    if data.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le"
    if data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be"
    declared = _DECLARED.match(data)
    if declared:
        try:
            return codecs.lookup(declared.group(1).decode("ascii")).name
        except LookupError:
            return "utf-8"  # expat will report the unknown encoding
    return "utf-8"


def parse(data: bytes, path: str, encoding: str | None = None) -> XmlTree:
    """Parse ``data``; raises InputError (one line) for malformed or hostile XML.

    ``encoding`` overrides the document's own declaration (a UTF-8 copy of a UTF-16 file).
    """
    if len(data) > MAX_BYTES:
        raise InputError(f"file too large ({len(data)} bytes; limit {MAX_BYTES})", path)
    encoding = encoding or encoding_of(data)
    parser = pyexpat.ParserCreate(encoding.upper() if encoding == "utf-8" else None,
                                  namespace_separator=NS_SEP)
    parser.buffer_text = False
    parser.SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.EntityDeclHandler = _forbid_entity
    parser.UnparsedEntityDeclHandler = _forbid_entity
    parser.ExternalEntityRefHandler = _forbid_external
    stack: list[Element] = []
    root: list[Element] = []

    def start(name, attrs):
        if len(stack) >= MAX_DEPTH:
            raise InputError(f"refused XML: elements nested deeper than {MAX_DEPTH}", path,
                             parser.CurrentLineNumber)
        element = Element(name, attrs, parser.CurrentByteIndex, line=parser.CurrentLineNumber)
        match = _TAG_END.match(data, element.start + 1)
        element.tag_end = match.end()
        element.content_start = element.tag_end
        if stack:
            element.parent = stack[-1]
            stack[-1].children.append(element)
        else:
            root.append(element)
        stack.append(element)

    def end(name):
        element = stack.pop()
        if data[element.tag_end - 2:element.tag_end] == b"/>":  # an empty-element tag
            element.content_end = element.end = element.tag_end
        else:
            element.content_end = parser.CurrentByteIndex
            element.end = data.index(b">", element.content_end) + 1

    def characters(text):
        if stack:
            stack[-1].children.append(Text(text, parser.CurrentByteIndex, -1))

    def other(*_):
        if stack:
            stack[-1].children.append(Other(parser.CurrentByteIndex))

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    parser.CommentHandler = other
    parser.ProcessingInstructionHandler = other
    parser.StartCdataSectionHandler = other
    parser.EndCdataSectionHandler = other
    try:
        parser.Parse(data, True)
    except pyexpat.ExpatError as error:
        raise InputError(f"not well-formed XML: {pyexpat.ErrorString(error.code)}",
                         path, error.lineno, error.offset + 1) from None
    except defusedxml.EntitiesForbidden as error:
        raise InputError(f"refused XML: it declares the entity {error.name!r} "
                         "(entities are never expanded, for safety)", path) from None
    except defusedxml.ExternalReferenceForbidden as error:
        raise InputError(f"refused XML: external reference {error.sysid!r} "
                         "(nothing is ever fetched)", path) from None
    _close_texts(root[0], encoding, data)
    return XmlTree(root[0], encoding)


def _forbid_entity(name, *args):
    raise defusedxml.EntitiesForbidden(name, None, None, None, None, None)


def _forbid_external(context, base, system_id, public_id):
    raise defusedxml.ExternalReferenceForbidden(context, base, system_id, public_id)


def _close_texts(element: Element, encoding: str, data: bytes) -> None:
    """Give each Text its end (the next event's start) and its per-character byte offsets."""
    children = element.children
    for index, child in enumerate(children):
        if isinstance(child, Element):
            _close_texts(child, encoding, data)
            continue
        if not isinstance(child, Text):
            continue
        following = children[index + 1] if index + 1 < len(children) else None
        child.end = following.start if following is not None else element.content_end
        raw = data[child.start:child.end]
        try:
            same = raw.decode(encoding) == child.data
        except UnicodeDecodeError:
            same = False
        if same:
            child.offsets = char_offsets(raw, child.data, child.start, encoding)


def char_offsets(raw: bytes, text: str, start: int, encoding: str) -> tuple[int, ...]:
    """Byte offset of every character boundary of ``text`` (``raw`` encoded at ``start``)."""
    if len(raw) == len(text):  # one byte per character
        return tuple(range(start, start + len(raw) + 1))
    if encoding in ("utf-8", "utf_8"):  # a character starts at every byte that is not 10xxxxxx
        import numpy

        starts = numpy.flatnonzero((numpy.frombuffer(raw, dtype=numpy.uint8) & 0xC0) != 0x80) + start
        return tuple(starts.tolist()) + (start + len(raw),)
    offsets = [start]
    for char in text:
        offsets.append(offsets[-1] + len(char.encode(encoding)))
    return tuple(offsets)
