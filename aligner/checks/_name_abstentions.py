"""Named conditions under which NAM002 abstains: a Russian word that is no person's name
though the analyser guesses one, a name translated as the noun it also is, and an English
spelling that is the name's own though no romanisation scheme gives it (docs/precision.md
lists each with its evidence)."""

from __future__ import annotations

import functools
import re

from aligner.entities.names import supports
from aligner.entities.romanise import (
    english_frequency,
    matches_russian,
    name_key,
    parses,
    romanisations,
)
from aligner.entities.spellings import RARE

_LEADING = " \"'“‘«(—–-"  # what may stand before a sentence's first word
_LOWER_CYRILLIC = re.compile(r"(?<![А-Яа-яЁё-])[а-яё]{3,}(?![А-Яа-яЁё])")
_LOWER_LATIN = re.compile(r"(?<![A-Za-z-])[a-z]{3,}(?![A-Za-z])")
_AGREEMENT = ("gender", "number", "case")


def opens_sentence(name, sentence: str) -> bool:
    """The name is the first word of its sentence, capitalised by its place."""
    return name.start <= len(sentence) - len(sentence.lstrip(_LEADING))


@functools.lru_cache(maxsize=8)  # the documents in flight (each a whole document's words)
def _lowercase_words(text: str, latin: bool) -> frozenset[str]:
    return frozenset((_LOWER_LATIN if latin else _LOWER_CYRILLIC).findall(text))


def common_word_opening(name, sentence: str, source: str) -> bool:
    """A Russian word capitalised only because it opens its sentence, which is a common
    word, not a name: either condition below."""
    return common_word_by_position(name, sentence, source) or adjective_opening_phrase(name, sentence)


def common_word_by_position(name, sentence: str, source: str) -> bool:
    """A common word that opens its sentence, which the analyser guesses to be a name
    (Спанбонд, a surname by its ending; Литой, the name Лита), is no name when the Russian
    document writes it in lowercase elsewhere, in any form of the same dictionary word
    (спанбонд, литого алюминия): a loanword, an adjective or a noun, not a person."""
    if not opens_sentence(name, sentence):
        return False
    lowered = name.word.lower()
    normals = {p.normal_form for p in parses(name.word)[:4]}
    return any(word == lowered or normals & {p.normal_form for p in parses(word)[:4]}
               for word in _lowercase_by_start(source).get(lowered[:3], ()))


@functools.lru_cache(maxsize=4)
def _lowercase_by_start(text: str) -> dict[str, list[str]]:
    """_lowercase_words(text, False) by their first three letters: a document has thousands,
    and each capitalised sentence opening is compared with those of its own start only.
    Kept for the last few documents only (256 of them raised a worker's peak on 50 MB
    from 474 to 601 MB)."""
    by_start: dict[str, list[str]] = {}
    for word in _lowercase_words(text, False):
        by_start.setdefault(word[:3], []).append(word)
    return by_start


def written_lowercase(word: str, target: str) -> bool:
    """An English word that opens its sentence and that the English document also writes
    in lowercase ("Spunbond serves as ..." beside "uses spunbond"): a common word, here a
    loanword rendered back by the English word it came from, not a misspelt name."""
    return word.lower() in _lowercase_words(target, True)


def adjective_opening_phrase(name, sentence: str) -> bool:
    """A capitalised adjective that opens its sentence and agrees with the next word in
    gender, number and case (Литой алюминиевый корпус: cast aluminium body), which the
    analyser also reads as a name (Лита): the sentence begins with a noun phrase, it
    names no one."""
    if not opens_sentence(name, sentence):
        return False
    following = re.match(r"\s+([а-яё]+)", sentence[name.end:])
    if not following:
        return False
    nexts = [p for p in parses(following[1])[:4] if {"ADJF", "NOUN"} & set(p.tag.grammemes)]
    for parse in parses(name.word)[:4]:
        if "ADJF" not in parse.tag:
            continue
        if any(all(getattr(parse.tag, g) == getattr(other.tag, g) for g in _AGREEMENT
                   if getattr(parse.tag, g) and getattr(other.tag, g)) for other in nexts):
            return True
    return False


_FOREIGN_H = re.compile(r"(?<![kzcstKZCST])[Hh]")


def h_for_g(word: str, name) -> bool:
    """Russian writes the h of a foreign name with Г (Гусейнов / Huseynov, Гасан / Hasan,
    Гавел / Havel, Гамбург / Hamburg): an English spelling that is a scheme's once its h
    (not the h of kh, zh, ch, sh, th) is read as g is the name's own spelling, not a slip;
    a hyphenated name keeps both parts (Мелик-Гусейнов / Melik-Huseynov)."""
    if "г" not in name.word.lower() or not _FOREIGN_H.search(word):
        return False
    as_g = _FOREIGN_H.sub(lambda m: "G" if m.group() == "H" else "g", word)
    return supports(as_g, name) or matches_russian(as_g, name.word)


def noun_translated(word: str, name) -> bool:
    """The Russian word is also a common noun in its dictionary form (Лев: lion, Роза:
    rose, Вера: faith) and the English word is a common English word: the translator read
    the noun, not the name; a slip of a name is no common word. (Not for a Chinese
    syllable: Мин is no noun, only a form of мина.)"""
    return name.kind != "chinese" and english_frequency(word.lower()) >= RARE and any(
        "NOUN" in p.tag and p.normal_form == name.word.lower()
        and not any(t in p.tag for t in ("Name", "Surn", "Patr", "Geox", "Orgn"))
        for p in parses(name.word)[:4])


_CASE_ENDINGS = ("ами", "ями", "ого", "его", "ому", "ему", "ой", "ей", "ом", "ем", "ах", "ях",
                 "е", "а", "у", "ю", "ы", "и", "я")


def uninflected(word: str, name) -> bool:
    """The English is the Russian name romanised without its case ending (Хатигаоне /
    Hatigaon, Хатигаона / Hatigaon): the morphology analyser does not know the name, so
    its nominative is unknown and the stem is as good a rendering as any."""
    tag = parses(name.word)[0].tag
    if any(grammeme in tag for grammeme in ("Name", "Surn", "Patr", "Geox")):
        return False  # a name the dictionary knows: its forms are compared already
    key = name_key(word)
    return any(key in {name_key(r) for r in romanisations(name.word[:-len(end)])}
               for end in _CASE_ENDINGS if name.word.endswith(end) and len(name.word) > len(end) + 2)


_SOFT_SIGN_E = re.compile(r"ь[её]")
_I_FOR_SOFT_SIGN = re.compile(r"(?<=[bdfklmnprstvz])ie")


def soft_sign_as_i(word: str, name) -> bool:
    """The English writes the Russian ье/ьё as "ie" (Васильев / Vasiliev, Григорьева /
    Grigorieva, Соловьёв / Soloviev): no scheme gives it, but it is a common English
    spelling of these names; with "ye" for that "ie" the spelling is an accepted one."""
    return bool(_SOFT_SIGN_E.search(name.word.lower())) and supports(_I_FOR_SOFT_SIGN.sub("ye", word), name)
