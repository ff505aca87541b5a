"""Build corpus/xliff/corpus.xlf (XLIFF 1.2) and corpus/xliff/corpus.xlf2 (XLIFF 2.0) from
the aligned corpus pairs corpus/ru/X + corpus/en/X, as a CAT tool would export them.

One ``<file>`` per text; one unit per paragraph (a non-blank line), id ``NNN-LINE``;
inside it one segment per bead of aligner's own alignment (XLIFF 1.2: ``<seg-source>``
and ``<target>`` split by ``<mrk mtype="seg">`` as Trados and Okapi write them; 2.0:
``<segment>`` elements with the blanks between sentences in ``<ignorable>``).

    python scripts/build_corpus_xliff.py [CORPUS_DIR]   # default: corpus/
"""

from __future__ import annotations

import os
import sys
from xml.sax.saxutils import escape, quoteattr

from aligner.io import read_document
from aligner.pipeline import build_pair


def paragraphs(en_path: str, ru_path: str) -> list[tuple[int, str, str, list]]:
    """(line, Russian line, English line, [(ru range, en range)] per bead) per non-blank line."""
    pair = build_pair(read_document(en_path), read_document(ru_path))
    ru_lines, en_lines = pair.source.lines(), pair.target.lines()
    if len(ru_lines) != len(en_lines):
        raise SystemExit(f"{en_path}: {len(en_lines)} lines, its source {len(ru_lines)}: not line-parallel")
    beads: dict[int, list] = {}
    for ru, en, _ in pair.aligned():
        lines = {pair.source.position(s.start)[0] for s in ru} | {pair.target.position(s.start)[0] for s in en}
        if len(lines) != 1:
            raise SystemExit(f"{en_path}: a bead spans lines {sorted(lines)}")
        line = lines.pop()
        ru_start = ru_lines[line - 1].start
        en_start = en_lines[line - 1].start
        beads.setdefault(line, []).append((
            (ru[0].start - ru_start, ru[-1].end - ru_start) if ru else None,
            (en[0].start - en_start, en[-1].end - en_start) if en else None))
    found = []
    for number, (ru_line, en_line) in enumerate(zip(ru_lines, en_lines), 1):
        if ru_line.text.strip() or en_line.text.strip():
            found.append((number, ru_line.text, en_line.text, beads.get(number, [])))
    return found


def _ranges(text: str, ranges: list) -> list[tuple[int, int]]:
    """Fill the empty side of a null bead with an empty range where it stands."""
    filled, position = [], 0
    for span in ranges:
        filled.append(span if span is not None else (position, position))
        position = filled[-1][1]
    return filled


def _split(text: str, ranges: list) -> tuple[list[str], list[str]]:
    """(gaps, segments): gaps[i] precedes segments[i]; gaps[-1] ends the text."""
    gaps, segments, position = [], [], 0
    for start, end in _ranges(text, ranges):
        gaps.append(text[position:start])
        segments.append(text[start:end])
        position = end
    gaps.append(text[position:])
    return gaps, segments


def _with_marks(gaps: list[str], segments: list[str]) -> str:
    out = []
    for number, (gap, segment) in enumerate(zip(gaps, segments), 1):
        out.append(escape(gap) + f'<mrk mtype="seg" mid="{number}">{escape(segment)}</mrk>')
    return "".join(out) + escape(gaps[-1])


def xliff12(texts: list[tuple[str, list]]) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">']
    for name, units in texts:
        out.append(f'  <file original={quoteattr(name)} source-language="ru" target-language="en" '
                   'datatype="plaintext">')
        out.append("    <body>")
        for number, ru, en, beads in units:
            ru_gaps, ru_segments = _split(ru, [b[0] for b in beads])
            en_gaps, en_segments = _split(en, [b[1] for b in beads])
            out.append(f'      <trans-unit id="{name[:3]}-{number}">')
            out.append(f"        <source>{escape(ru)}</source>")
            out.append(f"        <seg-source>{_with_marks(ru_gaps, ru_segments)}</seg-source>")
            out.append(f'        <target state="translated">{_with_marks(en_gaps, en_segments)}</target>')
            out.append("      </trans-unit>")
        out.append("    </body>")
        out.append("  </file>")
    out.append("</xliff>")
    return "\n".join(out) + "\n"


def xliff20(texts: list[tuple[str, list]]) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="en">']
    for file_number, (name, units) in enumerate(texts, 1):
        out.append(f'  <file id="f{file_number}" original={quoteattr(name)}>')
        for number, ru, en, beads in units:
            ru_gaps, ru_segments = _split(ru, [b[0] for b in beads])
            en_gaps, en_segments = _split(en, [b[1] for b in beads])
            out.append(f'    <unit id="{name[:3]}-{number}">')
            for index in range(len(ru_segments) + 1):
                if ru_gaps[index] or en_gaps[index]:
                    out.append(f"      <ignorable><source>{escape(ru_gaps[index])}</source>"
                               f"<target>{escape(en_gaps[index])}</target></ignorable>")
                if index < len(ru_segments):
                    out.append(f'      <segment id="{index + 1}" state="translated">'
                               f"<source>{escape(ru_segments[index])}</source>"
                               f"<target>{escape(en_segments[index])}</target></segment>")
            out.append("    </unit>")
        out.append("  </file>")
    out.append("</xliff>")
    return "\n".join(out) + "\n"


def main(corpus: str = "corpus") -> None:
    en_dir, ru_dir = os.path.join(corpus, "en"), os.path.join(corpus, "ru")
    texts = [(name, paragraphs(os.path.join(en_dir, name), os.path.join(ru_dir, name)))
             for name in sorted(os.listdir(en_dir)) if name.endswith(".txt")]
    out_dir = os.path.join(corpus, "xliff")
    os.makedirs(out_dir, exist_ok=True)
    for file_name, text in (("corpus.xlf", xliff12(texts)), ("corpus.xlf2", xliff20(texts))):
        with open(os.path.join(out_dir, file_name), "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        print(f"wrote {os.path.join(out_dir, file_name)}: {len(texts)} files, "
              f"{sum(len(units) for _, units in texts)} units")


if __name__ == "__main__":
    main(*sys.argv[1:])
