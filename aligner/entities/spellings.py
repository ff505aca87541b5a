"""Is an English spelling a real spelling of a Russian name, or a translator's slip?

Russian names and Chinese names reach English by a scheme (iuliia, Palladius), so a
spelling the schemes do not give is a slip. A foreign name reached Russian by ear and
reaches English in its own spelling (Шольц = Scholz, Стивен = Stephen), which no scheme
gives: any spelling English text uses (wordfreq) that sounds like the Russian
(:mod:`aligner.entities.sounds`) is accepted for it. The Zipf levels below are
wordfreq's scale, the same for every collection, not fitted to one.
"""

from __future__ import annotations

import re

from aligner.entities.names import (accepted_spellings, is_given_name, is_russian_name, sounds_alike,
                                    spelling_distance, supports)
from aligner.entities.romanise import english_frequency, english_romanisations, lemmas, parses
from aligner.entities.sounds import fold_accents, russian_stems, sound_alike

ATTESTED = 2.0  # wordfreq Zipf frequency from which a spelling is a real English name
RARE = 3.0  # below this a capitalised word is no everyday English word (Yartseva, not Declaration)
EVERYDAY = 4.5  # wordfreq Zipf of words like street, staff, university: everyday words, not surnames
COMMON = 3.0  # a given name's spelling this common is a real one (William for Уильям)
KNOWN = 1.0  # a spelling wordfreq has seen, that also sounds like the Russian, is a known spelling
OWN_SPELLING = 2  # letter edits (on the name key) between a Russian name's scheme spelling and its own (Sarah / Сара)


def accepted(name) -> frozenset[str]:
    """The scheme spellings of a Russian name (the word itself when there are none)."""
    return accepted_spellings(name) or frozenset({name.word})


def heard(word: str, name) -> bool:
    """Does the English word sound like the Russian name in any of its forms (aligner.entities.sounds)?
    (``pair.facts.name_sounds`` answers this for all the source's names at once: change both.)"""
    return name.kind != "chinese" and sound_alike(word, russian_stems(name.word, lemmas(name.word)[1:]))


def scheme_frequency(name) -> float:
    """How common in English the name's own romanisation is: the spellings English text
    gives Russian names (Wikipedia's and BGN/PCGN's schemes, the conventional English
    forms) of the word and its dictionary forms. Not every scheme's: a spelling of another
    scheme may be another English word or name (Lex for Лех under GOST's x for х, Gang
    read as Palladius for Гани), whose frequency says nothing of this name's."""
    if name.kind == "chinese":
        return max((english_frequency(s) for s in accepted(name)), default=0.0)
    return max((english_frequency(s) for form in lemmas(name.word) for s in english_romanisations(form)),
               default=0.0)


_DERIVED = ("ers", "er", "ians", "ian", "ans", "an", "ese", "ism", "ists", "ist")


def everyday_word(word: str) -> bool:
    """An everyday English word, or a word made from one (Westerner from western)."""
    lowered = word.lower()
    stems = [lowered] + [lowered[:-len(end)] for end in _DERIVED if lowered.endswith(end) and len(lowered) > len(end) + 3]
    return any(english_frequency(stem) >= EVERYDAY for stem in stems)


def is_surname(name) -> bool:
    return name.kind == "chinese" or any("Surn" in p.tag for p in parses(name.word)[:2])


def held_to_scheme(name) -> bool:
    """A Russian or Chinese name, whose English spelling follows from the Russian by a
    scheme: a near miss is a slip. A foreign name reached Russian by ear (Ибрахима /
    Ebrahim, Хатигаоне / Hatigaon): its English spelling cannot be derived from the
    Russian, so a near miss is only worth a look (``warning``)."""
    return name.kind == "chinese" or is_russian_name(name)


_SILENT_E = re.compile(r"[^aeiouy]e$")


def feminine_a_for_silent_e(word: str, name) -> bool:
    """A West European woman's name that Russian ends in -а where English keeps the
    name's own silent e (Бригитта / Brigitte, Brigette; Шарлотта / Charlotte; Луиза /
    Louise): the dictionary declines it like a Russian name, but no Russian name is
    romanised with a final silent e, so the spelling is the name's own, not a slip of
    the scheme's Brigitta. The consonants must agree (``heard``)."""
    return (is_given_name(name) and lemmas(name.word)[-1].lower().endswith(("а", "я"))
            and _SILENT_E.search(fold_accents(word).lower()) is not None and heard(word, name))


_GERMAN_IE = re.compile(r"ie(?=[^aeiouy])")


def german_ie_for_i(word: str, name) -> bool:
    """A German or Dutch name writes the long i of и as "ie" (Тим / Thiem, Дитмар /
    Dietmar, Зиглер / Ziegler): with "i" for that "ie" the spelling is an accepted one.
    A slip drops or swaps a letter; it does not add the e of this digraph."""
    return bool(_GERMAN_IE.search(word.lower())) and supports(_GERMAN_IE.sub("i", word.lower()).capitalize(), name)


def real_spelling(word: str, name) -> bool:
    """Is ``word`` a real English spelling of the name, not a translator's slip?

    Foreign names reach Russian by ear and English in their own spelling, so a spelling
    English text uses is accepted for them (Шольц = Scholz, Гутерриш = Guterres). Chinese
    names are held to Palladius; Russian names and given names the Russian dictionary
    knows (Марк, Уильям) get the benefit only for a common spelling that also sounds the
    same (Уильям = William, Остин = Osteen), never for a dropped letter (Mrk, Cal), nor
    for a spelling rarer than the one English text gives the name (Keven for Кевин, where
    Wikipedia's Kevin is common; Ebrahim for Ибрахима is accepted, as Ibrakhim is not).
    """
    if name.kind == "chinese":
        return False
    frequency = max(english_frequency(word), english_frequency(fold_accents(word)))
    if is_russian_name(name):
        if is_surname(name) and frequency >= ATTESTED and sounds_alike(word, name):
            return True
        if frequency >= KNOWN and feminine_a_for_silent_e(word, name):
            return True  # Brigette for Бригитта: the name's own spelling, not the scheme's Brigitta
        # Sarah for Сара, Campbell for Кэмпбелла: the name's own spelling, better known than the
        # scheme's and a letter or two from it; Sergi for Сергей (Sergey is better known) is a
        # slip, and Zaitsev, which only shares two consonants with Софья, is another name
        return (frequency >= ATTESTED and heard(word, name) and frequency >= scheme_frequency(name)
                and spelling_distance(word, name) <= OWN_SPELLING)
    if frequency >= KNOWN and german_ie_for_i(word, name):
        return True  # Thiem for Тим, Dietmar for Дитмар: the name's own German spelling
    if heard(word, name) and frequency >= max(KNOWN, scheme_frequency(name)):
        return True  # Stephen for Стивен, Mateusz for Матеушем, Ochsner for Окснер; not Margan for Морган
    if is_given_name(name):
        return frequency >= COMMON and sounds_alike(word, name)
    return frequency >= ATTESTED

