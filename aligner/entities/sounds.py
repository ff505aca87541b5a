"""How a name sounds, compared across scripts: Шрёдер = Schröder, Качиньский = Kaczyński.

A foreign name reaches Russian by ear and English in its own spelling, so no
romanisation scheme links them: Стивен is Stephen, Окснер is Ochsner, Матеушем is a
case form of Матеуш = Mateusz. Both sides are reduced to a skeleton of consonant
classes (vowels, й, ь and a silent h dropped; sibilants one class: ш, щ, ч, ж, з, с,
ц = sh, sch, sz, cz, ch, s, z, tz), English letter groups that can be read more than one
way giving several skeletons (ch: Charlotte, Michael, Ochsner; c: Campbell, Cecil;
g: Brigitte; w: Dowden, Walter; j: Jones, Jan). Two spellings sound alike when a
skeleton of one is a skeleton of the other. The Russian side is tried in every
dictionary form the morphology analyser gives and with a case ending taken off
(Петровой, Матеушем, Кэмпбелла).
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata

# Cyrillic letter -> consonant class ("" = not counted); дж and кс are handled first
_RUSSIAN = {"б": "B", "п": "P", "в": "F", "ф": "F", "г": "G", "д": "D", "т": "T", "ж": "S",
            "з": "S", "с": "S", "ц": "S", "ш": "S", "щ": "S", "ч": "S", "к": "K", "х": "H",
            "л": "L", "м": "M", "н": "N", "р": "R"}
# English letter groups, longest first -> the classes they may stand for
_ENGLISH = (("tsch", ("S",)), ("sch", ("S",)), ("tch", ("S",)), ("sh", ("S",)), ("sz", ("S",)),
            ("cz", ("S",)), ("zh", ("S",)), ("drz", ("S", "DRS")), ("rz", ("S", "RS")), ("dz", ("S", "DS")), ("ch", ("S", "K", "H")), ("ck", ("K",)), ("qu", ("KF", "K")), ("c", ("K",)), ("kh", ("H",)),
            ("ph", ("F",)), ("th", ("T",)), ("gh", ("G", "")), ("tz", ("S",)), ("ts", ("S",)),
            ("dj", ("S",)), ("x", ("KS",)), ("q", ("K",)), ("k", ("K",)), ("b", ("B",)), ("p", ("P",)),
            ("f", ("F",)), ("v", ("F",)), ("w", ("F", "")), ("d", ("D",)), ("t", ("T",)),
            ("g", ("G", "S")), ("j", ("S", "")), ("s", ("S",)), ("z", ("S",)), ("h", ("H", "", "G")),
            ("l", ("L",)), ("m", ("M",)), ("n", ("N",)), ("r", ("R",)))
_C_BEFORE_FRONT = re.compile(r"c(?=[eiy])")
_CASE_ENDINGS = ("ами", "ями", "ого", "его", "ому", "ему", "ой", "ей", "ом", "ем", "ым", "им", "ах", "ях",
                 "ою", "ую", "а", "у", "е", "ы", "я", "ю", "и")
_MAX_READINGS = 16


def fold_accents(word: str) -> str:
    """Schröder -> Schroder, Kubiš -> Kubis, Łukasz -> Lukasz (case kept)."""
    decomposed = unicodedata.normalize("NFKD", word.replace("ł", "l").replace("Ł", "L"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _fold(word: str) -> str:
    """Lower case, accents off (Schröder -> schroder, Kaczyński -> kaczynski), ł as l."""
    decomposed = unicodedata.normalize("NFKD", word.lower().replace("ł", "l"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _collapse(classes: str) -> str:
    """One class for a run of the same class (Campbell's ll, Дауден's д-д across a vowel)."""
    return "".join(c for c, _ in itertools.groupby(classes))


_HACEK = str.maketrans({"č": "ch", "ć": "ch", "š": "sh", "ž": "zh", "ş": "sh", "ç": "ch"})
_SILENT_LAST = re.compile(r"(?<=[aeiouyr])[sdtxz]$|(?<=n)[dts]$")


@functools.lru_cache(maxsize=100_000)
def english_skeletons(word: str) -> frozenset[str]:
    """Every consonant skeleton an English (Latin-script) spelling may be read as.

    A last s, d, t, x or z after a vowel or r, or d, t, s after n, may be silent, as in
    French (Nicolas / Николя, Gérard / Жерар, Dumas / Дюма, Roland / Ролан, Laurent /
    Лоран); č, ć, š, ž and Polish rz, dz are the hushing
    sounds (Ibrahimović / Ибрагимович, Andrzej / Анджей); h may be heard as г, as
    Russian renders it (Hamburg / Гамбург); a last -ic may be the Serbo-Croatian -ić, ич,
    with its accent dropped (Ibrahimovic / Ибрагимович)."""
    text = _C_BEFORE_FRONT.sub("s", _fold(word.lower().translate(_HACEK)))
    skeletons = _read(text)
    if _SILENT_LAST.search(text):
        skeletons |= _read(text[:-1])
    if text.endswith("ic"):  # Ibrahimovic: the Serbo-Croatian ć with its accent dropped, Ибрагимович
        skeletons |= _read(text + "h")
    return skeletons


def _read(text: str) -> frozenset[str]:
    readings = [""]
    position = 0
    while position < len(text):
        for group, classes in _ENGLISH:
            if text.startswith(group, position):
                readings = [r + c for r in readings for c in classes][:_MAX_READINGS]
                position += len(group)
                break
        else:
            position += 1  # a vowel, y, an apostrophe
    return frozenset(_collapse(r) for r in readings)


@functools.lru_cache(maxsize=100_000)
def russian_skeleton(word: str) -> str:
    """The consonant skeleton of a Cyrillic word (дж as one sibilant, кс as KS)."""
    text = word.lower().replace("ё", "е").replace("дж", "ж")
    return _collapse("".join(_RUSSIAN.get(c, "") for c in text))


def russian_stems(word: str, forms: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The word, its dictionary forms and the word with a case ending taken off."""
    stems = [word, *forms]
    lowered = word.lower()
    for ending in _CASE_ENDINGS:
        if lowered.endswith(ending) and len(lowered) - len(ending) >= 3:
            stems.append(word[:len(word) - len(ending)])
            break
    return tuple(dict.fromkeys(stems))


def sound_alike(english: str, russian_forms: tuple[str, ...]) -> bool:
    """Does the English spelling sound like one of the Russian forms (any reading)?"""
    skeletons = english_skeletons(english)
    return any(russian_skeleton(form) in skeletons for form in russian_forms if len(russian_skeleton(form)) >= 2)
