"""Person and place names across scripts: romanisation, Palladius and a comparison key.

A Russian name has many correct English spellings (Сергей = Sergei, Sergey, Sergej;
Евгений = Yevgeny, Evgeny, Evgenii), and a Chinese name reaches English through Russian
by the Palladius system (Чжан Мин = Zhang Ming, Си Цзиньпин = Xi Jinping). This module
turns a Cyrillic word into its candidate Latin spellings (``romanisations``), reduces any
Latin spelling to a key on which the accepted variants coincide (``name_key``), and
compares an English spelling with a Russian word (``matches_russian``).

Russian romanisation uses the ``iuliia`` schemes; Palladius is the syllable table in
``aligner/data/palladius.tsv``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

import iuliia
from rapidfuzz.distance import Levenshtein
from wordfreq import zipf_frequency

from aligner.morph import analyzer
from aligner.tables import read_table
from aligner.profile import RU_EN

# Schemes a careful or careless English translator is likely to have followed.
SCHEMES = RU_EN.name_schemes

# Conventional English forms of common Russian given names (these are not
# transliterations; all are standard English equivalents, e.g. Alexander for Александр).
CONVENTIONAL = {
    "александр": ("Alexander",), "алексей": ("Alexei", "Alexey"), "пётр": ("Peter",),
    "петр": ("Peter",), "михаил": ("Michael",), "павел": ("Paul",), "юлия": ("Julia",),
    "мария": ("Maria", "Mary"), "татьяна": ("Tatiana",), "наталья": ("Natalia",),
    "евгений": ("Eugene",), "георгий": ("George",), "иосиф": ("Joseph",),
    # Ukrainian and Georgian forms of the same names, used for Ukrainians and Georgians.
    "владимир": ("Volodymyr",), "николай": ("Mykola",), "андрей": ("Andriy", "Andrii"),
    "дмитрий": ("Dmytro",), "ольга": ("Olha",), "елена": ("Olena",), "сергей": ("Serhiy", "Serhii"),
    "виталий": ("Vitaliy", "Vitalii"), "михайло": ("Mykhailo",),
}
CONVENTIONAL["алексей"] += ("Oleksiy", "Oleksii")
CONVENTIONAL["александр"] += ("Oleksandr",)
CONVENTIONAL["михаил"] += ("Mykhailo", "Mikheil")
CONVENTIONAL["евгений"] += ("Yevhen",)

_LATIN_WORD = re.compile(r"[A-Za-z\u00C0-\u024F']+")
# Applied in order to a lower-case, accent-free spelling. A first J stays an English J
# (John, Joel), which is also what Дж romanised (dzh) becomes.
_KEY_RULES = (
    (r"shch|sch|tch", "sc"), (r"dzh|dj", "j"), (r"th", "t"), (r"^chr", "kr"), (r"c(?=[aoulrkt]|$)", "k"), (r"x", "ks"), (r"w", "v"), (r"ph", "f"), (r"ck", "k"),
    (r"kh", "h"), (r"tz|ts", "c"), (r"(?<=[a-z])ye|^ye|(?<=[a-z])je|ië", "e"),
    (r"yo|(?<=[a-z])jo|io(?=[^aeiou]|$)", "e"), (r"yu|(?<=[a-z])ju|iu", "u"),
    (r"ya|(?<=[a-z])ja|ia", "a"), (r"ij$|iy$|yy$|ii$|y$", "i"), (r"y|(?<=[a-z])j", "i"),
    (r"(.)\1", r"\1"), (r"'", ""),
)


@functools.lru_cache(maxsize=None)
def _schemes():
    return tuple(getattr(iuliia, name) for name in SCHEMES)


def _morph():
    """The shared pymorphy3 analyser (one per process, see :mod:`aligner.morph`)."""
    return analyzer()


@functools.lru_cache(maxsize=200_000)
def parses(word: str) -> tuple:
    """pymorphy3 parses of a word, computed once per spelling."""
    return tuple(_morph().parse(word))


@functools.lru_cache(maxsize=None)
def palladius_table() -> dict[str, str]:
    """Pinyin syllable -> Palladius Cyrillic syllable, from ``data/palladius.tsv``."""
    return {row["pinyin"]: row["cyrillic"] for row in read_table("palladius.tsv")}


@functools.lru_cache(maxsize=None)
def _cyrillic_to_pinyin() -> dict[str, str]:
    return {cyr: pin for pin, cyr in palladius_table().items()}


def _parses(word: str, table: dict[str, str], longest: int) -> list[list[str]]:
    """Every way to cut ``word`` into syllables of ``table`` (values in order)."""
    best: list[list[list[str]]] = [[] for _ in range(len(word) + 1)]
    best[0] = [[]]
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - longest), end):
            piece = word[start:end]
            if piece in table and best[start]:
                best[end].extend(p + [table[piece]] for p in best[start][:8])
    return best[len(word)]


def palladius_to_pinyin(word: str) -> set[str]:
    """Pinyin readings of a Cyrillic word written in Palladius: ``Цзиньпин`` -> {``Jinping``}."""
    lower = word.lower().replace("ё", "е")
    parses = _parses(lower, _cyrillic_to_pinyin(), 6)
    return {"".join(p).replace("ü", "u").capitalize() for p in parses}


def pinyin_to_palladius(word: str) -> set[str]:
    """Palladius spellings of a pinyin word: ``Jinping`` -> {``Цзиньпин``}."""
    lower = word.lower().replace("v", "ü")
    table = dict(palladius_table())
    table.update({k.replace("ü", "u"): v for k, v in palladius_table().items() if "ü" in k
                  and k.replace("ü", "u") not in table})
    return {"".join(p).capitalize() for p in _parses(lower, table, 6)}


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=65536)
def name_key(spelling: str) -> str:
    """A key on which accepted romanisation variants of one name coincide.

    ``Sergei``/``Sergey``/``Sergej`` -> ``sergei``; ``Yevgeny``/``Evgeny`` -> ``evgeni``;
    ``Tokayev``/``Tokaev`` -> ``tokaev``. ``Ming`` and ``Min`` keep different keys.
    """
    key = _strip_accents(spelling).lower().replace("ё", "e")
    key = re.sub(r"[^a-z']", "", key)
    for pattern, replacement in _compiled_key_rules():
        key = pattern.sub(replacement, key)
    return key


@functools.lru_cache(maxsize=1)
def _compiled_key_rules() -> tuple:
    return tuple((re.compile(pattern), replacement) for pattern, replacement in _KEY_RULES)


@functools.lru_cache(maxsize=65536)
def romanisations(word: str) -> frozenset[str]:
    """Candidate Latin spellings of a Cyrillic word (several schemes, Palladius, conventions)."""
    spellings = {scheme.translate(word) for scheme in _schemes()}
    spellings |= _palladius_forms(word)
    spellings |= set(CONVENTIONAL.get(word.lower(), ()))
    return frozenset(s for s in spellings if s)


@functools.lru_cache(maxsize=65536)
def lemmas(word: str) -> tuple[str, ...]:
    """The word itself and its dictionary forms as a name (``Вершинина`` -> ``Вершинин``)."""
    forms = [word]
    for parse in parses(word)[:4]:
        normal = parse.normal_form
        if normal and normal != word.lower():
            forms.append(normal[:1].upper() + normal[1:] if word[:1].isupper() else normal)
    return tuple(dict.fromkeys(forms))


@functools.lru_cache(maxsize=65536)
def russian_keys(word: str) -> frozenset[str]:
    """Keys of every romanisation of a Russian word and of its dictionary forms."""
    return frozenset(name_key(s) for form in lemmas(word) for s in romanisations(form))


@functools.lru_cache(maxsize=200_000)
def _in_dictionary(word: str) -> bool:
    """Does the Russian dictionary know the word as it is (not by guessing from its ending)?"""
    parse = parses(word)[0]
    return len(parse.methods_stack) == 1 and type(parse.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"


_CASE_ENDING = re.compile(r"(?:ом|ем|ой|ей|ым|им|ою|а|у|е|ы|я|ю)$")


@functools.lru_cache(maxsize=200_000)
def matches_russian(english: str, russian: str) -> bool:
    """Is ``english`` an accepted spelling of the Russian word ``russian`` (any case form)?"""
    key = name_key(english)
    if not key:
        return False
    if key in russian_keys(russian):
        return True
    # A case form the dictionary does not know: Браммелла, Ангелы, Игоря.
    for base in _unknown_case_bases(russian):
        if any(name_key(s) == key for s in romanisations(base)):
            return True
    forms = lemmas(russian)
    if len(forms) > 1 and len(key) >= 4:
        # A Russian case ending kept in English (Вершинину -> Vershininu) is not a new name,
        # but a dictionary form cut short (Собянин -> Sobyani) is a slip.
        lemma_keys = {name_key(s) for form in forms[1:] for s in romanisations(form)}
        for candidate in (name_key(s) for s in romanisations(russian)):
            if candidate.startswith(key) and len(candidate) - len(key) <= 2 and key not in lemma_keys \
                    and not any(k.startswith(key) and k != key for k in lemma_keys):
                return True
    return False


@functools.lru_cache(maxsize=100_000)
def _unknown_case_bases(russian: str) -> tuple[str, ...]:
    """Dictionary forms to try for a case form the dictionary does not know (Игоря)."""
    ending = _CASE_ENDING.search(russian)
    if not ending or len(russian) - len(ending.group()) < 3 or _in_dictionary(russian):
        return ()
    stem = russian[:ending.start()]
    return (stem, stem + "а", stem + "я", stem + "й", stem + "ь")


def support_initials(name: "RussianName") -> frozenset[str]:
    """First letters of every name key that ``supports`` can accept for ``name``:
    an index, so a word is compared only with the names it may render."""
    return _support_initials(name.word, name.kind == "chinese")


@functools.lru_cache(maxsize=100_000)
def _support_initials(word: str, chinese: bool) -> frozenset[str]:
    if chinese:
        return frozenset(k[:1] for k in _accepted_keys(word, True) if k)
    keys = set(russian_keys(word))
    keys |= {name_key(s) for base in _unknown_case_bases(word) for s in romanisations(base)}
    return frozenset(k[:1] for k in keys if k)


@functools.lru_cache(maxsize=65536)
def english_frequency(word: str) -> float:
    """How common a spelling is in English text (wordfreq Zipf scale, 0 = never seen).

    Every real name a translator may use (Scholz, Guterres, Osteen) is attested; the
    slips of a careless translator (Annaleno, Mishustn) are not.
    """
    return zipf_frequency(word, "en")


def latin_words(text: str) -> list[re.Match]:
    """Latin words of a text (letters with accents and apostrophes)."""
    return list(_LATIN_WORD.finditer(text))


# Capitalised words that open or sit inside English name runs but are not names.
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
_CYRILLIC_CAPITALISED = re.compile(r"(?<![А-Яа-яЁё])[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?")
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
        chinese = (all(_palladius_forms(n.word) for n in run)
                   and any(_PALLADIUS_MARKERS.search(n.word.lower()) for n in run))
        result.extend(RussianName(n.start, n.end, n.word, "chinese") if chinese else n for n in run)
    return tuple(result)


def russian_name_words(text: str) -> tuple[RussianName, ...]:
    """Alias kept short for rules: the names of a Russian sentence."""
    return russian_names(text)


@functools.lru_cache(maxsize=100_000)
def _palladius_forms(word: str) -> frozenset[str]:
    """Pinyin readings of a Palladius word, also in a Russian case form (Яосяна)."""
    readings = set(palladius_to_pinyin(word))
    for ending in ("ом", "ем", "а", "у", "е", "ы", "я", "ю"):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            readings |= palladius_to_pinyin(word[:-len(ending)])
    return frozenset(readings)


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
                or parse.normal_form in CONVENTIONAL)
    return any(_SLAVIC_SURNAME.search(form.lower()) for form in lemmas(name.word))


def is_given_name(name: RussianName) -> bool:
    """Is the word a given name the Russian dictionary knows (Марк, Ирина, Уильям)?"""
    parse = parses(name.word)[0]
    return _in_dictionary(name.word) and "Name" in parse.tag


def is_known_person(name: RussianName) -> bool:
    """Does the Russian dictionary itself (not a guess from the ending) know this person name?"""
    if name.kind == "chinese":
        return True
    parse = parses(name.word)[0]
    return _in_dictionary(name.word) and any(tag in parse.tag for tag in _PERSON_TAGS)


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
        return _palladius_forms(word)
    return frozenset(s for form in lemmas(word) for s in romanisations(form))


@functools.lru_cache(maxsize=100_000)
def _accepted_keys(word: str, chinese: bool) -> frozenset[str]:
    return frozenset(name_key(s) for s in _accepted(word, chinese))


def supports(english: str, name: RussianName) -> bool:
    """Does the Russian name support the English spelling?"""
    if name.kind == "chinese":
        return name_key(english) in _accepted_keys(name.word, True)
    return matches_russian(english, name.word)


@dataclass(frozen=True)
class Place:
    """A country or place: its English and Russian names (``data/places.tsv``)."""

    english: tuple[str, ...]
    russian: tuple[str, ...]
    continent: bool = False
    capital_of: str = ""  # the country, for a capital ("capital of France" in the source column)


_CAPITAL_OF = re.compile(r"capital of (?:the )?([A-Z][\w ]+?)(?: \(|;|$)")


@functools.lru_cache(maxsize=None)
def place_table() -> tuple[Place, ...]:
    places = []
    for row in read_table("places.tsv"):
        capital = _CAPITAL_OF.match(row["source"])
        places.append(Place(tuple(row["english"].split("|")), tuple(row["russian"].split("|")),
                            row["source"] == "continent", capital.group(1) if capital else ""))
    return tuple(places)


_WORDS = re.compile(r"\w+")


@functools.lru_cache(maxsize=None)
def _place_patterns():
    """For English and for Russian: (needle -> place indices, pattern per place index).

    A place is searched for only when a word of the text is one of its needles (the
    first word of an English name) or starts with one (the first stem of a Russian
    name, in lower case).
    """
    english_needles: dict[str, set[int]] = {}
    russian_needles: dict[str, set[int]] = {}
    english, russian = {}, {}
    for index, place in enumerate(place_table()):
        names = sorted(place.english, key=len, reverse=True)
        english[index] = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")
        for name in names:
            english_needles.setdefault(_WORDS.match(name).group(), set()).add(index)
        stems = []
        for name in place.russian:
            if name.isupper():
                stems.append(re.escape(name) + r"(?![\w-])")
                russian_needles.setdefault(name.lower(), set()).add(index)
            else:
                words = [re.sub(r"[аяйьоеиыуюё]{1,2}$", "", w) if len(w) > 4 else w
                         for w in name.lower().split()]
                stems.append(r"\w*\s+".join(map(re.escape, words)))
                russian_needles.setdefault(words[0], set()).add(index)
        russian[index] = re.compile(r"(?<![\w-])(?:" + "|".join(stems) + ")", re.IGNORECASE
                                    if not any(n.isupper() for n in place.russian) else 0)
    return english_needles, english, russian_needles, russian


@functools.lru_cache(maxsize=50_000)
def english_places(text: str) -> tuple[tuple[int, int, int], ...]:
    """(start, end, place index) of every place of the table named in an English text."""
    needles, patterns = _place_patterns()[:2]
    candidates = {i for word in set(_WORDS.findall(text)) for i in needles.get(word, ())}
    found = [(m.start(), m.end(), index) for index in candidates for m in patterns[index].finditer(text)]
    return tuple(sorted(found))


@functools.lru_cache(maxsize=50_000)
def russian_places(text: str) -> frozenset[int]:
    """Indices of the places of the table that a Russian text names (any case form)."""
    patterns = _place_patterns()[3]
    by_start = _needles_by_start()
    lower = text.lower()
    candidates = {i for word in set(_WORDS.findall(lower))
                  for needle, indices in by_start.get(word[:2], ()) if word.startswith(needle)
                  for i in indices}
    return frozenset(i for i in candidates if patterns[i].search(text) or patterns[i].search(lower))


@functools.lru_cache(maxsize=1)
def _needles_by_start() -> dict[str, tuple]:
    """Russian needles by their first two letters: (needle, place indices)."""
    by_start: dict[str, list] = {}
    for needle, indices in _place_patterns()[2].items():
        by_start.setdefault(needle[:2], []).append((needle, frozenset(indices)))
    return {start: tuple(items) for start, items in by_start.items()}


def spelling_distance(english: str, name: RussianName) -> int:
    """Fewest letter edits between the English spelling and an accepted one."""
    key = name_key(english)
    return min((Levenshtein.distance(key, other) for other in _accepted_keys(name.word, name.kind == "chinese")),
               default=99)


def best_spelling(name: RussianName, near: str = "") -> str:
    """The spelling to suggest for a Russian name: Palladius for Chinese, else Wikipedia's."""
    spellings = sorted(accepted_spellings(name))
    if name.kind == "chinese" and spellings:
        return spellings[0]
    lemma = lemmas(name.word)[-1]
    for form in ([lemma] if lemma != name.word else []) + [name.word]:
        conventional = CONVENTIONAL.get(form.lower())
        if conventional:
            return conventional[0]
        return iuliia.WIKIPEDIA.translate(form)
    return spellings[0] if spellings else name.word
