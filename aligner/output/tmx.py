"""TMX 1.4b writer: translation units from (Russian text, English text, properties).

One ``<tu>`` per unit; an empty side gets no ``<tuv>`` (TMX allows a unit with one
variant), so an omission keeps its place without an empty segment. Properties become
``<prop type="...">`` elements (use ``x-`` names for your own types). Characters XML 1.0
forbids (control characters) are dropped; the rest is escaped.
"""

from __future__ import annotations

import re
from typing import Iterable
from xml.sax.saxutils import escape, quoteattr

from aligner import __version__

Unit = tuple[str, str, dict]

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render_tmx(units: Iterable[Unit], srclang: str = "ru", tgtlang: str = "en") -> str:
    """A complete TMX 1.4b document (UTF-8, source language ``srclang``)."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n',
           '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n',
           '<tmx version="1.4">\n',
           f'  <header creationtool="aligner" creationtoolversion={quoteattr(__version__)} '
           f'segtype="sentence" o-tmf="aligner" adminlang="en" srclang={quoteattr(srclang)} '
           'datatype="plaintext"/>\n',
           '  <body>\n']
    for source, target, props in units:
        out.append("    <tu>\n")
        for name, value in props.items():
            out.append(f"      <prop type={quoteattr(name)}>{_text(str(value))}</prop>\n")
        for lang, text in ((srclang, source), (tgtlang, target)):
            if text:
                out.append(f'      <tuv xml:lang={quoteattr(lang)}><seg>{_text(text)}</seg></tuv>\n')
        out.append("    </tu>\n")
    out.append("  </body>\n</tmx>\n")
    return "".join(out)


def _text(text: str) -> str:
    return escape(_NOT_XML.sub("", text))
