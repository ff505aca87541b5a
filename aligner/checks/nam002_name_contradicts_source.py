"""NAM002 name-contradicts-source: a person or place the aligned Russian does not name.

What it does
    For every aligned sentence pair, compares the names of the English with the names
    of the Russian. A capitalised English word that no Russian name of the pair (or of
    the pairs next to it) supports — romanised under any iuliia scheme, or Palladius
    for Chinese names, in any case form — is flagged when the Russian has a person
    the English does not render:

    - as a misspelling when it is a letter or two away (Мишустин / "Mishustn",
      Чжан Мин / "Zhang Min"). Russian names and Chinese names are held to the
      schemes; a foreign name that reached Russian by ear is accepted in any spelling
      English text really uses (Шольц / "Scholz", measured with wordfreq), and any
      other near miss on it is a ``warning`` (Бригитта / "Brigette");
    - as a different person when the rest of the name matches (Михаил Мишустин /
      "Mikhail Toidze"; not when the rest of the English name renders a place:
      "Hagia Sophia" / «Айя-Софии»), or when the English word is no everyday English word and
      appears nowhere in the Russian document while the Russian names a person the
      dictionary knows.

    A country or capital of ``data/places.tsv`` in the English that the Russian
    around it does not name, where the Russian names a place, is flagged too
    (Украина / "Belarus"). Runs only with a source.

Why is this bad?
    A wrong name is a factual error that reads perfectly well: no reviewer who reads
    only the English can see it, and a misspelt name defeats every search.

Example
    "Премьер-министр Михаил Мишустин сообщил" translated as "Prime Minister Mikhail
    Toidze reported" is flagged at "Toidze" (the source names Мишустин, Mishustin).
"""

from __future__ import annotations

import functools
import re

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from aligner.checks._name_abstentions import (common_word_opening, h_for_g, noun_translated, soft_sign_as_i,
                                              uninflected, written_lowercase)
from aligner.checks.nam001_name_rendered_two_ways import derived_form
from aligner.entities.names import best_spelling, is_known_person, sounds_alike, spelling_distance, supports
from aligner.entities.places import english_places, place_table, russian_places
from aligner.entities.romanise import english_frequency, in_dictionary, lemmas, name_key, parses
from aligner.records import Pair
from aligner.entities.sounds import english_skeletons, russian_skeleton, russian_stems, sound_alike
from aligner.entities.spellings import RARE, accepted, everyday_word, heard, held_to_scheme, real_spelling

CODE = "NAM002"
NAME = "name-contradicts-source"
SEVERITY = "error"
SUMMARY = "A person or place in the English that the aligned Russian does not name."

EXAMPLES = [
    ("Премьер-министр России Михаил Мишустин сообщил о поставках.",
     "Russian Prime Minister Mikhail Toidze reported the deliveries.", True),
    ("Премьер-министр России Михаил Мишустин сообщил о поставках.",
     "Russian Prime Minister Mikhail Mishustn reported the deliveries.", True),
    ("Премьер-министр России Михаил Мишустин сообщил о поставках.",
     "Russian Prime Minister Mikhail Mishustin reported the deliveries.", False),
    ("Генеральный секретарь ШОС Чжан Мин выступил в Совете.",
     "SCO Secretary-General Zhang Min spoke in the Council.", True),
    ("Генеральный секретарь ШОС Чжан Мин выступил в Совете.",
     "SCO Secretary-General Zhang Ming spoke in the Council.", False),
    ("Министр иностранных дел Украины заявил об этом в Киеве.",
     "The Foreign Minister of Belarus said this in Kyiv.", True),
    ("Министр иностранных дел Украины заявил об этом в Киеве.",
     "Ukraine's Foreign Minister said this in Kyiv.", False),
]

# Capitalised English words that are titles or roles, not names.
TITLES = frozenset("""President Minister Prime Deputy Chairman Chairwoman Secretary General
Director Head Governor Mayor Chancellor King Queen Prince Princess Pope Patriarch Doctor
Professor Ambassador Senator Colonel Captain Lieutenant Sergeant Major Commander Chief Speaker
Spokesman Spokeswoman Representative Envoy Judge Justice Premier Vice Acting First Foreign
Defence Defense Dr Mr Mrs Ms Sir Lord Lady Saint St Federal State National Republic
Emperor Empress Tsar Tsarina Cardinal Archbishop Bishop Metropolitan Sheikh Emir Sultan Marshal
Admiral General Father Mother Sister Brother""".split())
NEAR = 2  # at most this many letter edits (on the name key) make a misspelling


def _names_near(pair: Pair, bead_index: int) -> list:
    """Russian names of a bead and of the beads next to it (alignment is not perfect)."""
    names = []
    for index in range(max(0, bead_index - 1), min(len(pair.beads), bead_index + 2)):
        for i in pair.beads[index].source:
            names.extend(pair.facts.source_names[i])
    return names


def check(pair: Pair):
    if pair.source is None:
        return
    for bead_index, (ru_sentences, en_sentences, bead) in enumerate(pair.aligned()):
        if not ru_sentences or not en_sentences:
            continue
        persons = [n for i in bead.source for n in pair.facts.source_names[i]
                   if n.kind in ("person", "chinese") and not _function_word(n.word)
                   and not common_word_opening(n, pair.source_sentences[i].text, pair.source.text)]
        if persons:  # most beads name no person: their English words are not read
            source_text = _source_around(pair, bead_index)
            words = _english_words(pair, bead, source_text)
            yield from _persons(pair, ru_sentences, persons, _names_near(pair, bead_index), words, source_text)
        yield from _places(pair, ru_sentences, en_sentences, bead_index)


def _english_words(pair: Pair, bead, source_text: str) -> list:
    """(start, end, word, rest of its name) of the English name words of ``bead`` that may
    render a Russian name."""
    words = []
    for index in bead.target:
        sentence = pair.target_sentences[index]
        for mention in pair.facts.target_names[index]:
            for position, (start, end, word) in enumerate(mention.words):
                if _copied(word, source_text) or _quoted(sentence.text, start):
                    continue  # a Latin word of the source (The Washington Post); a translated title
                if position == 0 and mention.sentence_initial and written_lowercase(word, pair.target.text):
                    continue  # "Spunbond serves" beside "uses spunbond": a common word
                others = _rest_of_name(mention, position)
                words.append((sentence.start + start, sentence.start + end, word, others))
    return words


def _rest_of_name(mention, position: int) -> tuple[str, ...]:
    """The other words of the person's name the word belongs to. A title ends what stands
    before it ("Acting Khabarovsk Krai Governor Lebedev": the name is Lebedev), and an
    everyday word that begins the sentence is capitalised by its place, not as a name
    ("Forward Kirill Panchenko", "Doctors Irina Yartseva")."""
    words = [w for _, _, w in mention.words]
    first = max((i + 1 for i, w in enumerate(words[:position]) if _title(w)), default=0)
    last = next((i for i in range(position + 1, len(words)) if _title(words[i])), len(words))
    if first == 0 and mention.sentence_initial and position > 0 and everyday_word(words[0]):
        first = 1
    return tuple(w for i, w in enumerate(words[first:last], first) if i != position)


def _title(word: str) -> bool:
    return bool(set(word.split("-")) & TITLES)


def _heard_as(word: str, name) -> bool:
    """Does the English word render the Russian name by ear? A foreign name reached Russian
    by ear and may reach English in any spelling that sounds like it. A Russian name held
    to the schemes is rendered by a scheme or a real spelling (Sarah for Сара), not by a
    word that merely sounds like it (Кошелев is no Kiselyov). A common word capitalised in
    a title or a proper name (Папы Римского, Советского Союза) is translated (Pope, Union)
    or spelt by the scheme (Soyuz), never heard: Popov does not render Папы."""
    if name.kind == "other" and in_dictionary(name.word) and "Orgn" not in parses(name.word)[0].tag:
        return False
    if not (sounds_alike(word, name) or heard(word, name)):
        return False
    return not held_to_scheme(name) or real_spelling(word, name)


def _source_around(pair: Pair, bead_index: int) -> str:
    """The Russian text of a bead and of the beads next to it."""
    indices = [i for b in pair.beads[max(0, bead_index - 1):bead_index + 2] for i in b.source]
    return " ".join(pair.source_sentences[i].text for i in indices)


def _copied(word: str, source_text: str) -> bool:
    """The English word stands in the source as it is: a Latin name the Russian keeps
    (The Washington Post, Dogecoin), not a rendering to check."""
    if word not in source_text:  # the common case, decided without compiling a pattern per word
        return False
    return re.search(r"(?<![^\W\d_])" + re.escape(word) + r"(?![^\W\d_])", source_text) is not None


_QUOTES = re.compile(r"[\"“”«»„]")


def _quoted(sentence: str, start: int) -> bool:
    """Inside a short quotation in Title Case (a title of at most four words): titles are translated
    ("Chicks" for «Чики»), not transliterated."""
    before = _QUOTES.findall(sentence[:start])
    opened = sum(1 for q in before if q in "“«„") - sum(1 for q in before if q in "”»")
    if not (opened > 0 or before.count('"') % 2 == 1):
        return False
    opening = max(sentence.rfind(q, 0, start) for q in '"“«„')
    closing = _QUOTES.search(sentence, start)
    quoted = sentence[opening + 1:closing.start() if closing else len(sentence)].split()
    return len(quoted) <= 4 and all(w[:1].isupper() for w in quoted if len(w) >= 4)  # Title Case


_CYRILLIC_NAME = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*")


def _function_word(word: str) -> bool:
    """A capitalised interjection or particle (Эй, Ну) taken for a name: no person."""
    return any(tag in parses(word)[0].tag for tag in ("INTJ", "PRCL", "CONJ", "PREP"))


def _heard_in(word: str, source_text: str) -> bool:
    """Does a capitalised word of the source around, or two written apart, sound like the
    English word (Улан-Удэ, Ulan-Ude; Ди Каприо, DiCaprio)?"""
    matches = list(_CYRILLIC_NAME.finditer(source_text))
    for first, second in zip(matches, matches[1:]):  # Ди Каприо: DiCaprio, Ла Гуардия: LaGuardia
        if source_text[first.end():second.start()] == " " and \
                sound_alike(word, russian_stems(first.group() + second.group().lower())):
            return True
    for match in matches:
        parts = match.group().split("-")  # Москва-Улан-Удэ: Москва, Улан-Удэ, Удэ ...
        for first in range(len(parts)):
            for last in range(first + 1, len(parts) + 1):
                name = "-".join(parts[first:last])
                if sound_alike(word, russian_stems(name, lemmas(name)[1:])):
                    return True
    return False


def _persons(pair, ru_sentences, persons, around, words, source):
    rendered = {id(n) for n in persons for (_, _, w, _) in words if _renders(w, n)}
    orphans = [n for n in persons if id(n) not in rendered]
    if not orphans:
        return
    for start, end, word, others in words:
        if _not_a_name(word) or len(name_key(word)) < 3:
            continue
        if any(supports(word, n) for n in around):
            continue
        near = sorted((spelling_distance(word, n), n.start, n) for n in orphans)
        distance, _, name = near[0]
        if (distance <= NEAR or heard(word, name)) and real_spelling(word, name):
            continue  # a foreign name heard by the Russian: Шольц is Scholz, Стивен is Stephen
        if h_for_g(word, name):
            continue  # Мелик-Гусейнов is Melik-Huseynov: the name's own h, which Russian writes Г
        if distance <= min(NEAR, len(name_key(word)) // 3):
            if everyday_word(word) and not is_known_person(name):
                continue  # "Hey" for «Эй»: an English word for a Russian word that is no person's name
            if noun_translated(word, name):
                continue  # "The Lion" for «Лев», "Rose" for «Роза»: a noun that is also a name, translated
            if uninflected(word, name):
                continue  # "Hatigaon" for «Хатигаоне»: a name the dictionary lacks, its case ending dropped
            if _spelled_right_elsewhere(pair, word, name):
                continue  # NAM001 reports the two spellings, with this source as evidence
            if soft_sign_as_i(word, name):
                continue  # "Vasiliev", "Grigorieva" for Васильев, Григорьева: ье written "ie"
            message = (f"'{word}' does not match the source name {name.word} "
                       f"(accepted: {best_spelling(name, word)})")
            yield pair.finding(CODE, SEVERITY if held_to_scheme(name) else "warning", start, end, message,
                               replacement=best_spelling(name, word), evidence=ru_sentences)
            continue
        unexplained = [w for w in others if not _not_a_name(w)
                       and not any(_renders(w, n) for n in around)]
        if unexplained or not is_known_person(name) or _named_anywhere(pair, word) or _heard_in(word, source):
            continue
        if others and all(n.kind == "place" for w in others for n in around if _renders(w, n)) \
                and any(_renders(w, n) for w in others for n in around):
            continue  # "Hagia Sophia" for «Айя-Софии»: the rest of the name renders a place, not a person
        if adjective_of(word, source, shortest=3):
            continue  # "Sergei Zhukov ... in the Tver region": Тверской области names Tver
        if any(_heard_as(word, n) for n in around):
            continue  # the English renders some other Russian name of the sentence
        if everyday_word(word):
            continue  # Street, Staff, Hooker, Westerner: an English word, not another person's name
        if max(fuzz.ratio(name_key(word), name_key(s)) for s in accepted(name)) >= 60:
            continue
        partly_rendered = any(supports(w, n) for w in others for n in persons)  # "Mikhail Toidze"
        rare = english_frequency(word) < RARE
        if partly_rendered or rare:
            message = (f"'{word}' is not in the source, which names {name.word} "
                       f"({best_spelling(name)}) here")
            yield pair.finding(CODE, SEVERITY, start, end, message,
                               replacement=best_spelling(name), evidence=ru_sentences)


def _not_a_name(word: str) -> bool:
    """Titles, places of the table and words made from them (Russian, Ukrainian)."""
    place_words = _place_words()
    return (_title(word) or word in place_words
            or any(p[:4] == word[:4] for p in place_words))


@functools.lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    return frozenset(w for p in place_table() for name in p.english for w in name.split())


def _renders(word: str, name) -> bool:
    """Is ``word`` the English for the Russian name, exactly or as a real spelling of it?"""
    return supports(word, name) or ((spelling_distance(word, name) <= NEAR + 1 or heard(word, name))
                                    and real_spelling(word, name))


def _spelled_right_elsewhere(pair: Pair, word: str, name) -> bool:
    """Does the English document use a right spelling one letter away that NAM001 pairs
    with this one (same first letter of the key, not a derived word: Puti is no form of
    Putin for NAM001, as Russia is of Russian)?"""
    key = name_key(word)
    by_length = pair.facts.name_words.english
    return any(supports(other, name) and Levenshtein.distance(name_key(other), key) <= 1
               and name_key(other)[:1] == key[:1] and not derived_form(word, other)
               for length in (len(key) - 1, len(key), len(key) + 1)
               for other in by_length.get(length, ()) if other != word)


def _named_anywhere(pair: Pair, word: str) -> bool:
    """Does any sentence of the Russian document name ``word`` (reordered, misaligned),
    by its spelling or by ear (``_heard_as``)?"""
    key = name_key(word)
    russian = pair.facts.name_words.russian
    if not key:
        return False
    if any(supports(word, n) for n in russian.get(key[0], ())):
        return True
    if english_skeletons(word).isdisjoint(pair.facts.name_sounds):
        return False  # no source name sounds like it: the common case, decided at once
    return any(_heard_as(word, n) for names in russian.values() for n in names)


def _places(pair, ru_sentences, en_sentences, bead_index):
    table = place_table()
    named_ru = {i for s in ru_sentences for i in russian_places(s.text) if not table[i].continent}
    if not named_ru:
        return
    source_text = _source_around(pair, bead_index)
    named_around = {i for b in pair.beads[max(0, bead_index - 1):bead_index + 2] for j in b.source
                    for i in russian_places(pair.source_sentences[j].text)}
    en_found = [(s.start + a, s.start + b, i) for s in en_sentences for a, b, i in english_places(s.text)]
    named_en = {i for _, _, i in en_found}
    missing = sorted(named_ru - named_en) or sorted(named_ru)
    for start, end, index in en_found:
        if index in named_around or table[index].continent:
            continue  # a continent is often added to place a country: leave it
        if _copied(pair.target.text[start:end], source_text) or _named_by_adjective(table[index], source_text):
            continue  # The Washington Post; "Московском регионе" is the Moscow region
        if _capital_for_country(table, index, named_around):
            continue  # "Paris threatened" for «Франция пригрозила»: the capital stands for its country
        other = table[missing[0]]
        message = (f"'{pair.target.text[start:end]}' is not in the source, which names "
                   f"{other.russian[0]} ({other.english[0]}) here")
        yield pair.finding(CODE, SEVERITY, start, end, message, replacement=other.english[0],
                           evidence=ru_sentences)


def _capital_for_country(table, index: int, named: set) -> bool:
    """The English names a capital whose country the source names, or a country whose capital it names."""
    countries = {table[i].capital_of for i in named if table[i].capital_of}
    return (table[index].capital_of and any(table[index].capital_of in table[i].english for i in named)) or \
        any(country in table[index].english for country in countries)


def _named_by_adjective(place, source_text: str) -> bool:
    """The source names the place by its adjective: московский (the stem of Москва),
    финский, белорусский (an adjective in -ский whose stem begins the place's name), турецкое."""
    if any(adjective_of(name, source_text) for name in place.english):
        return True
    names = [name.lower() for name in place.russian if len(name) >= 4]
    for word in re.findall(r"[а-яё]{5,}", source_text.lower()):
        if not any(word[:3] == name[:3] for name in names):
            continue
        for parse in parses(word)[:2]:
            if "ADJF" not in parse.tag:
                continue
            lemma = parse.normal_form
            stem = lemma[:-4] if lemma.endswith(("ский", "цкий")) else ""
            if any(name[:4] == lemma[:4] or (len(stem) >= 3 and name.startswith(stem)) for name in names):
                return True
    return False


_ADJECTIVE_SUFFIXES = ("ецкий", "ийский", "ский", "цкий", "ской")


def adjective_of(word: str, source_text: str, shortest: int = 2) -> bool:
    """Does the source have an adjective made from the English word's name: Тверской for
    Tver, турецкое for Turkey, московский for Moscow (the adjective's stem sounds like the
    English word, give or take its last consonant)?"""
    skeletons = english_skeletons(word.split()[0])
    for russian in set(re.findall(r"[а-яё]{5,}", source_text.lower())):
        for parse in parses(russian)[:2]:
            if "ADJF" not in parse.tag:
                continue
            lemma = parse.normal_form
            suffix = next((s for s in _ADJECTIVE_SUFFIXES if lemma.endswith(s)), None)
            stem = russian_skeleton(lemma[:-len(suffix)]) if suffix else ""
            if len(stem) >= shortest and any(sk.startswith(stem) and len(sk) - len(stem) <= 1 for sk in skeletons):
                return True
    return False
