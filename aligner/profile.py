"""The language pair: everything that makes aligner a Russian -> English tool, in one object.

:data:`RU_EN` is the only pair shipped. The pipeline reads the source and target
language codes, the source script, the single-byte encodings to try, the
romanisation schemes and the names of the bundled data files from it, so a second
pair would be a new :class:`LanguagePair` with its data files, not edits across the
code (see docs/architecture.md for what else still assumes Russian).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class LanguagePair:
    """One source language translated into one target language."""

    source: str  # language codes as the segmenter tags sentences
    target: str
    source_name: str
    target_name: str
    alphabet: str  # the source language's own lower-case letters
    script: str  # character-class body of the whole source script (other languages' letters too)
    legacy_encodings: tuple[str, ...]  # single-byte encodings tried when a file is not UTF-8
    name_schemes: tuple[str, ...]  # iuliia romanisations a translator may have used for a name
    acronym_schemes: tuple[str, ...]  # and for an acronym (fewer: the common ones)
    data: dict = field(default_factory=dict)  # role -> bundled file in aligner/data/

    @cached_property
    def letter(self) -> re.Pattern:
        """One letter of the source alphabet, either case (Russian: А-Я, а-я, Ё, ё)."""
        return re.compile(f"[{self.alphabet}{self.alphabet.upper()}]")

    @cached_property
    def lower_letter(self) -> re.Pattern:
        return re.compile(f"[{self.alphabet}]")

    @cached_property
    def script_letter(self) -> re.Pattern:
        """One letter of the source script (Cyrillic: U+0400-U+04FF)."""
        return re.compile(f"[{self.script}]")

    def morphology(self):
        """The source language's morphological analyser (one per process)."""
        from aligner.morph import analyzer

        return analyzer()


RU_EN = LanguagePair(
    source="ru", target="en", source_name="Russian", target_name="English",
    alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюя", script="\u0400-\u04ff",
    legacy_encodings=("cp1251", "koi8-r"),
    name_schemes=("WIKIPEDIA", "BGN_PCGN", "ICAO_DOC_9303", "GOST_779_ALT", "SCIENTIFIC", "MOSMETRO",
                  "ALA_LC", "UNGEGN_1987", "YANDEX_MAPS", "TELEGRAM", "MVD_782", "MVD_310", "GOST_52535"),
    acronym_schemes=("WIKIPEDIA", "ICAO_DOC_9303", "MOSMETRO", "TELEGRAM", "GOST_779_ALT", "BGN_PCGN"),
    data={"abbreviations": "abbreviations.tsv", "number_words": "number_words.tsv",
          "language_cues": "language_cues.tsv", "termbase": "termbase.tsv",
          "homoglyphs": "homoglyphs.tsv", "places": "places.tsv", "palladius": "palladius.tsv",
          "align_params": "align_params.json", "align_lexicon": "align_lexicon.tsv",
          "align_pieces": "align_pieces.model"},
)
