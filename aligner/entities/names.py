"""Person names in English and Russian text, and whether an English spelling renders a
Russian name (any romanisation scheme, Palladius for Chinese names, or a real English
spelling of a foreign name)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import iuliia
from rapidfuzz.distance import Levenshtein

from aligner.entities.romanise import (
    CONVENTIONAL,
    RUSSIAN_CONVENTIONAL,
    in_dictionary,
    lemmas,
    matches_russian,
    name_key,
    palladius_forms,
    parses,
    romanisations,
    russian_keys,
    unknown_case_bases,
)

_NOT_NAMES = frozenset("""A An The This That These Those There Their They Then Than It Its In On At
Of For From With By As And But Or Nor If When While Where What Which Who Whom Whose Why How
After Before During Since Until Under Over Between Among Against About Above Below Into Onto
Upon Within Without Through Throughout Also Both Each Every All Any Some Such No Not Yes
He She We You I Me My Our Your His Her Him Us Them Mr Mrs Ms Dr St Mt""".split())
# A capital inside a word continues it (McCarthy, MacLeod, DeLuca, MinTsifry).
# Latin-1 and Latin Extended-A letters: Kubiš, Kaczyński, Łukasz are one word each.
_CAPITALISED = re.compile(r"[A-Z\u00C0-\u00DE\u0100-\u017E][a-z\u00DF-\u00FF\u0100-\u017F'’]+"
                          r"(?:[A-Z][a-z\u00DF-\u00FF\u0100-\u017F]+)*"
                          r"(?:-[A-Z\u0100-\u017E][a-z\u00DF-\u00FF\u0100-\u017F]+)*")
# the capital matched before the look-behind, so a search skips in C to the next capital
_CYRILLIC_CAPITALISED = re.compile(r"[А-ЯЁ](?<![А-Яа-яЁё][А-ЯЁ])[а-яё]+(?:-[А-ЯЁ][а-яё]+)?")
_PERSON_TAGS = ("Name", "Surn", "Patr")
# Letter groups that Russian spelling uses only in Palladius renderings of Chinese.
_PALLADIUS_MARKERS = re.compile(r"чж|цз|^ц|[бпмфдтнлгкхчшжсц]э|эй|оу|уй|юй|юэ|ао|[аиуюя]нь$|ы$")


_LEADING = " \"'“‘«(—–-"  # what may stand before a sentence's first word


@dataclass(frozen=True)
class Mention:
    """A run of capitalised English words: ``words`` are (start, end, word) in the text."""

    words: tuple
    sentence_initial: bool


@functools.lru_cache(maxsize=50_000)
def name_mentions(text: str) -> tuple[Mention, ...]:
    """Runs of capitalised words of an English sentence (function words left out)."""
    mentions, run = [], []
    first = None
    for match in _CAPITALISED.finditer(text):
        word = re.sub(r"['’]s?$", "", match.group())
        if word in _NOT_NAMES:
            if run:
                mentions.append(Mention(tuple(run), run[0][0] == first))
            run = []
            continue
        if first is None:
            first = match.start() if match.start() <= len(text) - len(text.lstrip(_LEADING)) else -1
        gap = text[run[-1][1]:match.start()] if run else ""
        if run and gap != " ":
            mentions.append(Mention(tuple(run), run[0][0] == first))
            run = []
        run.append((match.start(), match.start() + len(word), word))
    if run:
        mentions.append(Mention(tuple(run), run[0][0] == first))
    return tuple(mentions)


@dataclass(frozen=True)
class RussianName:
    """A capitalised Russian word that names someone or something."""

    start: int
    end: int
    word: str
    kind: str  # "person", "place", "chinese" or "other"


@functools.lru_cache(maxsize=50_000)
def russian_names(text: str) -> tuple[RussianName, ...]:
    """Capitalised Cyrillic words of a Russian sentence that are names.

    A sentence-initial word counts only when the dictionary calls it a name. A run of
    words that all read as Palladius syllables, one of them with a spelling that only
    Palladius uses (чж, цз, -нь, consonant + э ...), is Chinese.
    """
    found = []
    lead = len(text) - len(text.lstrip(_LEADING))  # words before this offset start the sentence
    for match in _CYRILLIC_CAPITALISED.finditer(text):
        word = match.group()
        tags = {t for p in parses(word)[:1] for t in ("Name", "Surn", "Patr", "Geox", "Orgn") if t in p.tag}
        initial = match.start() <= lead
        if initial and not tags:
            continue
        if tags & set(_PERSON_TAGS):
            kind = "person"
        elif "Geox" in tags:
            kind = "place"
        else:
            kind = "other"
        found.append(RussianName(match.start(), match.end(), word, kind))
    # Chinese runs: consecutive names that all parse as Palladius, one with a marker.
    runs, run = [], []
    for name in found:
        if run and text[run[-1].end:name.start] == " ":
            run.append(name)
        else:
            if run:
                runs.append(run)
            run = [name]
    if run:
        runs.append(run)
    result = []
    for run in runs:
        chinese = (all(palladius_forms(n.word) for n in run)
                   and any(_PALLADIUS_MARKERS.search(n.word.lower()) for n in run))
        result.extend(RussianName(n.start, n.end, n.word, "chinese") if chinese else n for n in run)
    return tuple(result)


def russian_name_words(text: str) -> tuple[RussianName, ...]:
    """Alias kept short for rules: the names of a Russian sentence."""
    return russian_names(text)


_SLAVIC_SURNAME = re.compile(r"(ов|ев|ёв|ин|ын|ский|цкий|ской|ой|ых|их|енко|ук|юк|ич|ян|ова|ева|ина|ына|ская|цкая)$")
_SKELETON_DROP = re.compile(r"[aeiouyjhwv']")


def is_russian_name(name: RussianName) -> bool:
    """Is this a Russian (Slavic) name, whose English spelling follows a scheme strictly?

    Foreign names reach Russian by ear (Шольц, Кристофер) and reach English in their own
    spelling (Scholz, Christopher), so only Russian names are held to the schemes: a
    declinable given name (Сергей, Ирина) or a surname with a Slavic ending (Собянин).
    """
    parse = parses(name.word)[0]
    if "Name" in parse.tag:
        return (parse.score >= 0.9 and name.word[-1] in "йяаыеую" and parse.normal_form[-1] in "йяа"
                or parse.normal_form in RUSSIAN_CONVENTIONAL)  # not Фридрих, Карл: a king's English name
    return any(_SLAVIC_SURNAME.search(form.lower()) for form in lemmas(name.word))


def is_given_name(name: RussianName) -> bool:
    """Is the word a given name the Russian dictionary knows (Марк, Ирина, Уильям)?"""
    parse = parses(name.word)[0]
    return in_dictionary(name.word) and "Name" in parse.tag


def is_known_person(name: RussianName) -> bool:
    """Does the Russian dictionary itself (not a guess from the ending) know this person name?"""
    if name.kind == "chinese":
        return True
    parse = parses(name.word)[0]
    return in_dictionary(name.word) and any(tag in parse.tag for tag in _PERSON_TAGS)


def skeleton(spelling: str) -> str:
    """The consonants of a name key: Scholz/Sholts -> ``sklc``-like forms agree."""
    key = name_key(spelling).replace("sh", "s").replace("z", "c").replace("kr", "kr")
    return _SKELETON_DROP.sub("", key)


_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def sounds_alike(english: str, name: RussianName) -> bool:
    """Same consonants and as many vowel groups as an accepted spelling: a foreign name
    heard by the Russian (Шольц = Scholz), not a letter dropped by the translator."""
    return _sound(english) in _accepted_sounds(name.word, name.kind == "chinese")


@functools.lru_cache(maxsize=200_000)
def _sound(spelling: str) -> tuple[str, int]:
    """The consonant skeleton (hissing sounds as one: Charlotte = Шарлотта) and the number
    of vowel groups, an English silent e left out (Christine = Кристин, Jones = Джонс)."""
    key = _SILENT_E.sub("", name_key(spelling))
    return _HISSING.sub("s", skeleton(spelling)), len(_VOWEL_GROUPS.findall(key))


_SILENT_E = re.compile(r"(?<=[^aeiouy])e(?=s?$)")
_HISSING = re.compile(r"[cz]")


@functools.lru_cache(maxsize=100_000)
def _accepted_sounds(word: str, chinese: bool) -> frozenset[tuple[str, int]]:
    return frozenset(_sound(s) for s in _accepted(word, chinese))


def accepted_spellings(name: RussianName) -> frozenset[str]:
    """Latin spellings accepted for a Russian name (Palladius only, for Chinese names)."""
    return _accepted(name.word, name.kind == "chinese")


@functools.lru_cache(maxsize=100_000)
def _accepted(word: str, chinese: bool) -> frozenset[str]:
    if chinese:
        return palladius_forms(word)
    return frozenset(s for form in lemmas(word) for s in romanisations(form))


@functools.lru_cache(maxsize=100_000)
def _accepted_keys(word: str, chinese: bool) -> frozenset[str]:
    return frozenset(name_key(s) for s in _accepted(word, chinese))


def supports(english: str, name: RussianName) -> bool:
    """Does the Russian name support the English spelling?"""
    if name.kind == "chinese":
        return name_key(english) in _accepted_keys(name.word, True)
    return matches_russian(english, name.word)


def spelling_distance(english: str, name: RussianName) -> int:
    """Fewest letter edits between the English spelling and an accepted one."""
    key = name_key(english)
    return min((Levenshtein.distance(key, other) for other in _accepted_keys(name.word, name.kind == "chinese")),
               default=99)


def best_spelling(name: RussianName, near: str = "") -> str:
    """The spelling to suggest for a Russian name: a Palladius reading for a Chinese name,
    else the conventional English form of one of its dictionary forms as a name (Франциска:
    Francis) or Wikipedia's romanisation of the most likely one (Путину: Putin, not
    путина's Putina; Петровой: Petrova). Given
    ``near``, the spelling that was written, the candidate closest to it (Puti: Putin;
    Yooxiang: Yaoxiang; Gahni for Гани: Gani, not Ganya, the dictionary's other reading)."""
    if name.kind == "chinese":
        candidates = sorted(accepted_spellings(name))
    else:
        forms = list(dict.fromkeys([*_name_lemmas(name.word), name.word]))
        conventional = [CONVENTIONAL[f.lower()][0] for f in forms if f.lower() in CONVENTIONAL]
        candidates = list(dict.fromkeys(conventional + [iuliia.WIKIPEDIA.translate(f) for f in forms]))
    if not candidates:
        return name.word
    key = name_key(near)
    return min(candidates, key=lambda c: Levenshtein.distance(name_key(c), key)) if key else candidates[0]


def _name_lemmas(word: str) -> list[str]:
    """The dictionary forms of the analyser's readings of the word as a name, most likely
    first (a woman's surname in its own nominative: Петровой, Petrova), capitalised as the
    word is; the word itself when none reads as a name (путина, a fishing season, is no
    reading of Путину)."""
    forms = []
    for parse in parses(word)[:4]:
        if not any(tag in parse.tag for tag in (*_PERSON_TAGS, "Geox")):
            continue
        normal = parse.normal_form
        if "Surn" in parse.tag and "femn" in parse.tag:
            feminine = parse.inflect({"nomn"})
            normal = feminine.word if feminine else normal
        forms.append(_capitalised_as(normal, word))
    return list(dict.fromkeys(forms)) or [word]


def _capitalised_as(normal: str, word: str) -> str:
    """The dictionary form with the capitals of the word, part by part of a hyphenated
    name (мелик-гусейнов for Мелик-Гусейнов: Мелик-Гусейнов, not Мелик-гусейнов)."""
    parts, capitals = normal.split("-"), [p[:1].isupper() for p in word.split("-")]
    if len(parts) != len(capitals):
        capitals = [word[:1].isupper()] + [False] * (len(parts) - 1)
    return "-".join(p[:1].upper() + p[1:] if capital else p for p, capital in zip(parts, capitals))


def support_initials(name: RussianName) -> frozenset[str]:
    """First letters of every name key that ``supports`` can accept for ``name``:
    an index, so a word is compared only with the names it may render."""
    return _support_initials(name.word, name.kind == "chinese")


@functools.lru_cache(maxsize=100_000)
def _support_initials(word: str, chinese: bool) -> frozenset[str]:
    if chinese:
        return frozenset(k[:1] for k in _accepted_keys(word, True) if k)
    keys = set(russian_keys(word))
    keys |= {name_key(s) for base in unknown_case_bases(word) for s in romanisations(base)}
    return frozenset(k[:1] for k in keys if k)
