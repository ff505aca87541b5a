"""Error injector for the QA bench: the mistakes careless translators and MT systems make.

Each ``inject_<kind>(ru, en, rng)`` takes one aligned sentence pair (Russian source,
clean English reference) and returns the corrupted English, or None when the pair
offers nothing to corrupt. The kinds:

- ``number``: a figure changed the way people and MT change them: a digit mistyped
  or transposed, a zero added or lost, a year off by one, a scale word swapped
  (million/billion), a number word changed, or the Russian number format copied into
  English ("3,5 million"; "1.066" for 1,066).
- ``omission``: the sentence is left out of the translation.
- ``untranslated``: the Russian sentence is pasted in its place.
- ``repeat``: a word doubled ("the the"), a two-word phrase doubled, or a word of a
  multi-word name repeated inside it ("United Nations Charter Nations").
- ``repeat-gap``: a word of four letters or more repeated across the function word
  that follows it ("the head of the department" -> "the head of head the department",
  "agreed to the terms" -> "agreed to agreed the terms"); the function words are
  those of ``_GAP_WORDS`` (of, to, for, in, on, at, by, with, from, and, the, a).
- entity swaps (``country``, ``city``, ``nationality``, ``org``, ``outlet``,
  ``company``): one English name from the bench's own tables (``SWAPS``, written for
  the bench, not read from the gazetteer the rules use) whose Russian stem begins a
  word of the aligned source sentence is replaced by another name of the same table whose stem is
  not in that source sentence and that the English does not use ("flights to Egypt"
  -> "flights to Turkey" with «Египет» in the source; "a Russian company" -> "a Kazakh
  company"). The stems are crude lowercase prefixes: the injection demands only that
  the source names the original somewhere in the sentence, as a reader would check.
- ``person``: the last word of an English person's name that a Russian name of the
  aligned source supports (``aligner.entities.names.supports``) is replaced by a common
  Russian surname of ``SURNAMES`` with another first letter that the English lacks
  ("Mikhail Mishustin" -> "Mikhail Sokolov").
- ``name-variant``: that word spelt carelessly: a letter dropped, a vowel slipped
  (Mishustin -> Mishustn, Mishastin); never another accepted romanisation (same
  ``aligner.entities.romanise.name_key``: Sobyanin/Sobianin).
- ``omission-mid`` is ``omission`` restricted by the bench to a sentence whose line holds
  a sentence before and after it (the layout is the bench's; the injector is the same).
"""

from __future__ import annotations

import random
import re

_DIGITS = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w])|(?<![\w.,])\d+(?:\.\d+)?(?![\w,]\d)")
_SCALES = {"million": "billion", "billion": "million", "thousand": "million", "trillion": "billion"}
_NUMBER_WORDS = {"two": "three", "three": "four", "four": "five", "five": "six", "six": "seven",
                 "seven": "eight", "eight": "nine", "nine": "ten", "ten": "twelve", "twenty": "thirty",
                 "thirty": "forty", "forty": "fifty", "fifty": "sixty", "hundred": "thousand",
                 "first": "second", "second": "third", "third": "fourth"}
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
_FUNCTION_WORDS = frozenset({"The", "A", "An", "In", "On", "At", "For", "Of", "And", "But", "If", "It",
                             "This", "That", "He", "She", "We", "They", "I", "As", "By", "To"})
_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:of\s+(?:the\s+)?|for\s+|and\s+)?[A-Z][a-z]+){1,4}\b")


def inject_number(ru: str, en: str, rng: random.Random) -> str | None:
    """Change one figure of ``en`` (value or format)."""
    matches = list(_DIGITS.finditer(en))
    words = [m for m in re.finditer(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", en)]
    scales = [m for m in re.finditer(r"\b(" + "|".join(_SCALES) + r")\b", en)]
    options = []
    if matches:
        options += ["digit", "digit", "zero", "swap", "format"]
    if scales and matches:
        options.append("scale")
    if words:
        options.append("word")
    if not options:
        return None
    kind = rng.choice(options)
    if kind == "word":
        match = rng.choice(words)
        return en[:match.start()] + _NUMBER_WORDS[match.group()] + en[match.end():]
    if kind == "scale":
        match = rng.choice(scales)
        return en[:match.start()] + _SCALES[match.group()] + en[match.end():]
    match = rng.choice(matches)
    number = match.group()
    changed = _change_number(number, kind, rng)
    if changed is None or changed == number:
        changed = _change_number(number, "digit", rng)
    return en[:match.start()] + changed + en[match.end():]


def _change_number(number: str, kind: str, rng: random.Random) -> str | None:
    digits = [i for i, c in enumerate(number) if c.isdigit()]
    if kind == "zero":
        return number + "0" if "." not in number else number.replace(".", "0.", 1)
    if kind == "swap":
        pairs = [(a, b) for a, b in zip(digits, digits[1:]) if b == a + 1 and number[a] != number[b]]
        if not pairs:
            return None
        a, b = rng.choice(pairs)
        return number[:a] + number[b] + number[a] + number[b + 1:]
    if kind == "format":
        if "," in number:
            return number.replace(",", ".")  # 1,066 -> 1.066 (a Russian reader's thousands point)
        if "." in number:
            return number.replace(".", ",")  # 3.5 -> 3,5 (the Russian decimal comma)
        return None
    position = rng.choice(digits)  # a mistyped digit
    old = number[position]
    new = rng.choice([d for d in "0123456789" if d != old and not (position == 0 and d == "0")])
    return number[:position] + new + number[position + 1:]


def inject_omission(ru: str, en: str, rng: random.Random) -> str | None:
    """Leave the sentence out."""
    return "" if len(en.split()) >= 4 else None


def inject_untranslated(ru: str, en: str, rng: random.Random) -> str | None:
    """Paste the Russian source instead of the translation."""
    return ru if len(ru.split()) >= 3 else None


def inject_repeat(ru: str, en: str, rng: random.Random) -> str | None:
    """Double a word or a phrase, or repeat a word inside a multi-word name."""
    names = [m for m in _NAME.finditer(en) if len(m.group().split()) >= 2]
    kinds = ["word", "word", "phrase"] + (["name", "name"] if names else [])
    kind = rng.choice(kinds)
    words = list(_WORD.finditer(en))
    if len(words) < 4:
        return None
    if kind == "name":
        name = rng.choice(names)
        parts = [w for w in _WORD.finditer(name.group())
                 if w.group()[0].isupper() and w.group() not in _FUNCTION_WORDS]
        if not parts:
            return None
        repeated = rng.choice(parts[:-1] or parts).group()
        return en[:name.end()] + " " + repeated + en[name.end():]
    if kind == "phrase":
        index = rng.randrange(len(words) - 1)
        first, second = words[index], words[index + 1]
        if en[first.end():second.start()] != " ":
            return None
        phrase = en[first.start():second.end()]
        return en[:second.end()] + " " + phrase + en[second.end():]
    word = rng.choice(words)
    return en[:word.end()] + " " + word.group() + en[word.end():]


_GAP_WORDS = ("of", "to", "for", "in", "on", "at", "by", "with", "from", "and", "the", "a")


def inject_repeat_gap(ru: str, en: str, rng: random.Random) -> str | None:
    """Repeat a word after the function word that follows it ("head of head the")."""
    words = list(_WORD.finditer(en))
    sites = [(w, f) for w, f in zip(words, words[1:])
             if f.group() in _GAP_WORDS and len(w.group()) >= 4 and w.group().isalpha()
             and en[w.end():f.start()] == " " and en[f.end():f.end() + 1] == " "]
    if not sites:
        return None
    word, function = rng.choice(sites)
    return en[:function.end()] + " " + word.group() + en[function.end():]


# English name -> a regex, matched at a Russian word start, that shows the source names it
# (a lowercase stem; written for the bench, not taken from the gazetteer)
SWAPS = {
    "country": {"Russia": "росси", "Ukraine": "украин", "Belarus": "беларус", "Kazakhstan": "казахстан",
                "China": "кита", "Germany": "германи", "France": "франци", "Poland": "польш",
                "Turkey": "турци", "Japan": "япони", "India": "инди[яиюей]", "Iran": "иран[аеу]?\\b", "Israel": "израил",
                "Syria": "сири", "Georgia": "грузи", "Armenia": "армени", "Azerbaijan": "азербайджан",
                "Italy": "итали", "Spain": "испани", "Finland": "финлянди", "Egypt": "египт",
                "Sweden": "швеци", "Norway": "норвеги", "Latvia": "латви", "Lithuania": "литв",
                "Estonia": "эстони", "Canada": "канад", "Brazil": "бразили", "Uzbekistan": "узбекистан",
                "Mexico": "мексик", "Britain": "британи", "Greece": "греци", "Austria": "австри"},
    "city": {"Moscow": "москв", "St. Petersburg": "петербург", "Kyiv": "киев", "Kiev": "киев",
             "Minsk": "минск", "London": "лондон", "Paris": "париж", "Berlin": "берлин",
             "Washington": "вашингтон", "New York": "нью-йорк", "Beijing": "пекин", "Tokyo": "токио",
             "Novosibirsk": "новосибирск", "Yekaterinburg": "екатеринбург", "Kazan": "казан[ьи]",
             "Sochi": "сочи", "Vladivostok": "владивосток", "Rome": "рим\\b", "Madrid": "мадрид",
             "Warsaw": "варшав", "Istanbul": "стамбул", "Geneva": "женев", "Vienna": "вен[аеуы]\\b",
             "Krasnodar": "краснодар", "Samara": "самар[аеуы]\\b", "Omsk": "омск[аеу]?\\b", "Tbilisi": "тбилиси"},
    "nationality": {"Russian": "росси", "Ukrainian": "украин", "Belarusian": "белорус",
                    "Kazakh": "казах", "Chinese": "китай", "German": "немец", "French": "француз",
                    "Polish": "польск", "Turkish": "турец", "Japanese": "японск", "Indian": "индийск",
                    "Iranian": "иранск", "Israeli": "израильск", "Syrian": "сирийск", "American": "америк",
                    "British": "британ", "Italian": "итальян", "Spanish": "испанск", "Finnish": "финск",
                    "Swedish": "шведск", "Canadian": "канад", "Georgian": "грузин", "Armenian": "армян"},
    "org": {"NATO": "нато", "UN": "оон\\b", "EU": "ес\\b", "European Union": "евросоюз", "WHO": "воз\\b",
            "IMF": "мвф\\b", "OSCE": "обсе", "WTO": "вто\\b", "OPEC": "опек", "UNESCO": "юнеско",
            "CSTO": "одкб", "CIS": "снг\\b", "SCO": "шос\\b", "BRICS": "брикс", "IAEA": "магатэ",
            "Council of Europe": "совет европы", "World Bank": "всемирн"},
    "outlet": {"TASS": "тасс", "RIA Novosti": "риа", "Interfax": "интерфакс", "Reuters": "reuters",
               "Bloomberg": "bloomberg", "BBC": "bbc\\b", "CNN": "cnn\\b", "Kommersant": "коммерсант",
               "Vedomosti": "ведомост", "RBC": "рбк\\b", "Izvestia": "известия", "Xinhua": "синьхуа",
               "The New York Times": "new york times", "Financial Times": "financial times",
               "Meduza": "медуз", "Novaya Gazeta": "новая газета", "AFP": "afp\\b"},
    "company": {"Gazprom": "газпром", "Sberbank": "сбербанк", "VTB": "втб\\b", "Rosneft": "роснефт",
                "Lukoil": "лукойл", "Aeroflot": "аэрофлот", "Yandex": "яндекс", "Apple": "apple",
                "Google": "google", "Microsoft": "microsoft", "Amazon": "amazon", "Tesla": "tesla",
                "Samsung": "samsung", "Huawei": "huawei", "Boeing": "boeing", "Airbus": "airbus",
                "Facebook": "facebook", "Twitter": "twitter", "Alfa-Bank": "альфа-банк",
                "Rosatom": "росатом", "Roscosmos": "роскосмос", "Russian Railways": "ржд\\b",
                "Gazprombank": "газпромбанк", "Tinkoff": "тинькофф", "Netflix": "netflix"},
}
SURNAMES = ("Ivanov", "Smirnov", "Kuznetsov", "Popov", "Sokolov", "Lebedev", "Kozlov", "Novikov",
            "Morozov", "Volkov", "Zaitsev", "Pavlov", "Golubev", "Vinogradov", "Bogdanov", "Tarasov",
            "Belov", "Komarov", "Orlov", "Kiselyov", "Makarov", "Andreyev", "Zakharov", "Gusev")


def _swap(kind: str):
    table = SWAPS[kind]

    def inject(ru: str, en: str, rng: random.Random) -> str | None:
        source = ru.lower()
        named = {n for n, stem in table.items() if re.search(r"(?<![а-яёa-z])" + stem, source)}
        sites = [m for name in named for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", en)]
        others = [n for n in table if n not in named and n not in en]
        if not sites or not others:
            return None
        site = rng.choice(sites)
        return en[:site.start()] + rng.choice(others) + en[site.end():]

    inject.__doc__ = f"Replace a {kind} the source names by another {kind}."
    return inject


def _person_sites(ru: str, en: str) -> list:
    from aligner.entities.names import is_known_person, name_mentions, russian_names, supports

    people = [n for n in russian_names(ru) if n.kind in ("person", "chinese") and is_known_person(n)]
    sites = []
    for mention in name_mentions(en):
        start, end, word = mention.words[-1]
        if len(word) >= 4 and (len(mention.words) > 1 or not mention.sentence_initial) \
                and any(supports(word, n) for n in people):
            sites.append((start, end, word))
    return sites


def inject_person(ru: str, en: str, rng: random.Random) -> str | None:
    """Replace a person's surname the source names by another surname."""
    sites = _person_sites(ru, en)
    if not sites:
        return None
    start, end, word = rng.choice(sites)
    others = [s for s in SURNAMES if s[0] != word[0] and s not in en]
    return en[:start] + rng.choice(others) + en[end:]


_VOWEL_SLIPS = {"e": "i", "i": "e", "y": "i", "o": "a", "a": "o", "u": "o"}


def inject_name_variant(ru: str, en: str, rng: random.Random) -> str | None:
    """Misspell a person's surname the source names (a dropped letter or a vowel slip)."""
    sites = _person_sites(ru, en)
    if not sites:
        return None
    start, end, word = rng.choice(sites)
    inner = list(range(1, len(word)))
    if rng.random() < 0.5:
        i = rng.choice(inner)
        new = word[:i] + word[i + 1:]
    else:
        vowels = [i for i in inner if word[i] in _VOWEL_SLIPS] or inner
        i = rng.choice(vowels)
        new = word[:i] + _VOWEL_SLIPS.get(word[i], "e") + word[i + 1:]
    from aligner.entities.romanise import name_key

    if name_key(new) == name_key(word):
        return None  # another accepted romanisation (Sobyanin/Sobianin), not a slip
    return en[:start] + new + en[end:]


INJECTORS = {"number": inject_number, "omission": inject_omission, "omission-mid": inject_omission,
             "untranslated": inject_untranslated, "repeat": inject_repeat, "repeat-gap": inject_repeat_gap,
             **{kind: _swap(kind) for kind in SWAPS}, "person": inject_person,
             "name-variant": inject_name_variant}
