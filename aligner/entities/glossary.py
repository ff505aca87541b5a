"""Reading the termbase: the bundled table and user glossaries (TSV pairs, TBX).

:func:`load_termbase` returns the :class:`~aligner.entities.termbase.Termbase` of the
bundled table plus the given glossaries, cached per glossary list.
"""

from __future__ import annotations

import csv
import functools
import io
import os
from importlib import resources

from aligner.entities.termbase import Termbase
from aligner.entities.terms import BUNDLED, COLUMNS, Entry, split_values
from aligner.errors import ConfigError


def parse_table(text: str, path: str) -> list[Entry]:
    """Entries from termbase-format TSV text (header row naming the columns)."""
    entries = []
    header = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = next(csv.reader(io.StringIO(line), delimiter="\t", quoting=csv.QUOTE_NONE))
        if header is None:
            header = [c.strip() for c in cells]
            missing = [c for c in ("id", "en") if c not in header]
            unknown = [c for c in header if c not in COLUMNS]
            if missing or unknown:
                raise ConfigError(f"bad header: needs columns {', '.join(COLUMNS)}"
                                  + (f"; unknown {', '.join(unknown)}" if unknown else ""),
                                  path, number)
            continue
        if len(cells) != len(header):
            raise ConfigError(f"expected {len(header)} tab-separated columns, found {len(cells)}",
                              path, number)
        row = dict(zip(header, (c.strip() for c in cells)))
        if not row.get("id") or not row.get("en"):
            raise ConfigError("every row needs an id and an English name (en)", path, number)
        entries.append(Entry(
            id=row["id"], kind=row.get("kind", ""), parent=row.get("parent", ""), en=row["en"],
            acronyms=split_values(row.get("acronym", "")), variants=split_values(row.get("variants", "")),
            former=split_values(row.get("former", "")), ru=split_values(row.get("ru", "")),
            ru_acronyms=split_values(row.get("ru_acronym", "")), source=row.get("source", ""),
            origin=f"{path}:{number}"))
    if header is None:
        raise ConfigError("empty table: expected a header row", path)
    return entries


def _check_parents(entries: list[Entry]) -> None:
    ids = {e.id for e in entries}
    seen = set()
    for entry in entries:
        where = entry.origin.rsplit(":", 1)
        if entry.id in seen and where[0].endswith(BUNDLED):
            raise ConfigError(f"duplicate id {entry.id!r}", where[0], int(where[1]))
        seen.add(entry.id)
        if entry.parent and entry.parent not in ids:
            raise ConfigError(f"unknown parent {entry.parent!r}", where[0], int(where[1]))


def read_glossary(path: str) -> list[Entry]:
    """Entries from a user glossary: ``.tbx`` (TBX 2, TBX-Basic or TBX v3) or TSV.

    A TSV glossary is either in the termbase format (a header row naming columns)
    or two columns ``Russian term<TAB>English rendering[ | other accepted rendering]``.
    """
    name = os.fspath(path)
    if not os.path.isfile(name):
        raise ConfigError("glossary not found", name)
    if name.lower().endswith(".tbx"):
        return _read_tbx(name)
    try:
        with open(name, encoding="utf-8-sig") as handle:
            text = handle.read()
    except UnicodeDecodeError as error:
        raise ConfigError(f"glossary is not UTF-8 (byte {error.start})", name) from None
    except OSError as error:
        raise ConfigError(f"cannot read glossary: {error.strerror or error}", name) from None
    first = next((line for line in text.splitlines()
                  if line.strip() and not line.startswith("#")), "")
    if first.split("\t")[0].strip() == "id":
        return parse_table(text, name)
    return _read_pairs(text, name)


def _read_pairs(text: str, path: str) -> list[Entry]:
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 2 or not cells[0].strip() or not cells[1].strip():
            raise ConfigError("expected 'Russian term<TAB>English rendering'", path, number)
        ru, en = split_values(cells[0]), split_values(cells[1])
        entries.append(Entry(id=f"glossary:{path}:{number}", kind="glossary", parent="",
                             en=en[0], variants=en[1:], ru=ru, source=path,
                             origin=f"{path}:{number}"))
    return entries


_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_DEPRECATED = ("deprecated", "superseded", "deprecatedterm-admn-sts", "supersededterm-admn-sts")


def _read_tbx(path: str) -> list[Entry]:
    """Concepts with a Russian and an English term from any TBX dialect: TBX 2 / TBX-Basic
    (``<martif>``: termEntry, langSet, tig or ntig/termGrp) and TBX v3 (``<tbx>``:
    conceptEntry, langSec, termSec), namespaces ignored. Deprecated terms are left out;
    a file with no usable concept is an error rather than a silent empty glossary."""
    from defusedxml import ElementTree

    try:
        root = ElementTree.parse(path).getroot()
    except Exception as error:  # malformed XML, entities (defusedxml refuses them), I/O errors
        raise ConfigError(f"cannot read TBX: {type(error).__name__}: {error}".rstrip(": "), path) from None
    if _local(root.tag) not in ("martif", "tbx"):
        raise ConfigError(f"not a TBX file (root element <{_local(root.tag)}>, expected <martif> or <tbx>)",
                          path)
    entries = []
    concepts = [node for node in root.iter() if _local(node.tag) in ("termEntry", "conceptEntry")]
    for number, concept in enumerate(concepts, 1):
        terms: dict[str, list[str]] = {"ru": [], "en": []}
        for language in concept:
            if _local(language.tag) not in ("langSet", "langSec"):
                continue
            lang = (language.get(_XML_LANG) or language.get("lang") or "").lower().split("-")[0].split("_")[0]
            if lang not in terms:
                continue
            for holder in language.iter():
                if _local(holder.tag) not in ("tig", "ntig", "termSec"):
                    continue
                term = next((node for node in holder.iter() if _local(node.tag) == "term"), None)
                text = " ".join("".join(term.itertext()).split()) if term is not None else ""
                deprecated = any(_local(node.tag) in ("termNote", "descrip")
                                 and (node.text or "").strip().lower() in _DEPRECATED for node in holder.iter())
                if text and not deprecated and text not in terms[lang]:
                    terms[lang].append(text)
        if not terms["ru"] or not terms["en"]:
            continue  # a concept without both languages says nothing about a translation
        entries.append(Entry(id=f"glossary:{path}:{concept.get('id') or number}", kind="glossary",
                             parent="", en=terms["en"][0], variants=tuple(terms["en"][1:]),
                             ru=tuple(terms["ru"]), source=path,
                             origin=f"{path}:concept {number}"))
    if not entries:
        raise ConfigError(f"no concept with both a Russian and an English term ({len(concepts)} concept(s) "
                          "read; languages are taken from xml:lang on langSet/langSec)", path)
    return entries


def _local(tag) -> str:
    """An element name without its namespace."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


@functools.lru_cache(maxsize=8)
def load_termbase(glossaries: tuple[str, ...] = ()) -> Termbase:
    """The bundled termbase extended by ``glossaries`` (paths to .tsv or .tbx files)."""
    text = resources.files("aligner.data").joinpath(BUNDLED).read_text("utf-8")
    entries = parse_table(text, BUNDLED)
    for path in glossaries:
        entries.extend(read_glossary(path))
    _check_parents(entries)
    return Termbase(entries)


def termbase_for(options: dict) -> Termbase:
    """The termbase for a run: bundled plus the glossaries named in ``options``."""
    paths = options.get("glossaries") or options.get("glossary") or ()
    if isinstance(paths, (str, os.PathLike)):
        paths = (paths,)
    return load_termbase(tuple(os.fspath(p) for p in paths))

