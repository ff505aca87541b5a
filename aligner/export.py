"""Aligned Russian/English pairs as XLIFF 2.0 (translate-toolkit) or TSV, for translation tools.

TMX is written by :mod:`aligner.output.tmx`; these two cover CAT tools that import
XLIFF and spreadsheets or scripts that read tab-separated text.
"""

from __future__ import annotations

Units = list[tuple]  # (Russian, English, ...): extra fields are ignored


def xliff(units: Units, source_language: str = "ru", target_language: str = "en") -> str:
    """An XLIFF 2.0 document with one unit per pair (ids 1, 2, …)."""
    from translate.storage.xliff2 import Xliff2File

    store = Xliff2File()
    store.setsourcelanguage(source_language)
    store.settargetlanguage(target_language)
    for number, (source, target, *_) in enumerate(units, 1):
        unit = store.addsourceunit(source)
        unit.target = target
        unit.setid(str(number))
    return bytes(store).decode("utf-8")


def tsv(units: Units) -> str:
    """``ru<TAB>en`` per line, with a header; tabs and line breaks inside a text become spaces."""
    def clean(text: str) -> str:
        return " ".join(text.split())

    return "ru\ten\n" + "".join(f"{clean(ru)}\t{clean(en)}\n" for ru, en, *_ in units)
