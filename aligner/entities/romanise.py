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

import iuliia
from wordfreq import zipf_frequency

from aligner.morph import analyzer
from aligner.profile import RU_EN
from aligner.tables import read_table

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
# Belarusian forms (official romanisation of Belarusian passports, BGN/PCGN 1979 for
# Belarusian; e.g. Sviatlana Tsikhanouskaya, Aliaksandr Lukashenka in English news), and
# the Serbian, Bulgarian and Polish forms of names the nations share (Aleksandar Vučić,
# Jarosław Kaczyński), used for their bearers.
for _russian, _forms in {
        "александр": ("Aliaksandr", "Alyaksandr", "Aleksandar", "Aleksander"), "светлана": ("Sviatlana",),
        "сергей": ("Siarhei",), "дмитрий": ("Dzmitry",), "николай": ("Mikalai",), "владимир": ("Uladzimir",),
        "виктор": ("Viktar",), "игорь": ("Ihar",), "ольга": ("Volha",), "наталья": ("Natallia",),
        "татьяна": ("Tatsiana",), "алексей": ("Aliaksei",), "павел": ("Paval",), "ярослав": ("Jarosław",),
        "мирослав": ("Mirosław",), "станислав": ("Stanisław",), "вячеслав": ("Wiesław",)}.items():
    CONVENTIONAL[_russian] = CONVENTIONAL.get(_russian, ()) + _forms
# Russian given names with a conventional English form, Russian, Ukrainian, Belarusian and
# the other Slavic forms above: a name held to these spellings (names.is_russian_name).
RUSSIAN_CONVENTIONAL = frozenset(CONVENTIONAL)
# English forms of the names of monarchs, popes and saints (Wikipedia's naming conventions
# for royalty: Queen Elizabeth II, Catherine the Great, Nicholas II, Pope Francis, Saint Andrew).
for _russian, _forms in {
        "елизавета": ("Elizabeth",), "екатерина": ("Catherine",), "николай": ("Nicholas",),
        "андрей": ("Andrew",), "иоанн": ("John",), "яков": ("James",), "иаков": ("James",),
        "карл": ("Charles",), "генрих": ("Henry",), "людовик": ("Louis",), "вильгельм": ("William",),
        "фридрих": ("Frederick",), "франциск": ("Francis",), "фома": ("Thomas",), "матфей": ("Matthew",),
        "лука": ("Luke",), "марк": ("Mark",), "анна": ("Anne",)}.items():
    CONVENTIONAL[_russian] = CONVENTIONAL.get(_russian, ()) + _forms

_LATIN_WORD = re.compile(r"[A-Za-z\u00C0-\u024F']+")
# Applied in order to a lower-case, accent-free spelling. A first J stays an English J
# (John, Joel), which is also what Дж romanised (dzh) becomes.
_KEY_RULES = (
    (r"(?<=[a-z])i[yj](?=[aeou])", "i"),  # Yuliya / Yulia, Mariya / Maria: one key
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
    Accents are dropped, as English text drops them (Vučić, Djokovic for Đoković: a
    dropped h of ch, Oveckin for Овечкин, is therefore not told from Ovečkin unaccented).
    """
    key = _strip_accents(spelling).lower().replace("ё", "e")
    key = re.sub(r"[^a-z']", "", key)
    for pattern, replacement in _compiled_key_rules():
        key = pattern.sub(replacement, key)
    return key


@functools.lru_cache(maxsize=1)
def _compiled_key_rules() -> tuple:
    return tuple((re.compile(pattern), replacement) for pattern, replacement in _KEY_RULES)


@functools.lru_cache(maxsize=100_000)
def palladius_forms(word: str) -> frozenset[str]:
    """Pinyin readings of a Palladius word, also in a Russian case form (Яосяна)."""
    readings = set(palladius_to_pinyin(word))
    for ending in ("ом", "ем", "а", "у", "е", "ы", "я", "ю"):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            readings |= palladius_to_pinyin(word[:-len(ending)])
    return frozenset(readings)


# German name elements that Russian writes with шт (Stein, Stern, Stadt): English keeps
# the German st (Altstein, Einstein, Steinmeier, Rosenstern, Kronstadt, Darmstadt), which
# no scheme gives.
_GERMAN_ELEMENT = re.compile(r"шт(?:ейн|айн|ерн|адт)")
_GERMAN_ST = re.compile(r"(?i)[sš]h?t(?=(?:e[iyj]?|a[iyj])[nr]|adt)")


@functools.lru_cache(maxsize=65536)
def romanisations(word: str) -> frozenset[str]:
    """Candidate Latin spellings of a Cyrillic word (several schemes, Palladius, conventions)."""
    spellings = {scheme.translate(word) for scheme in _schemes()}
    spellings |= palladius_forms(word)
    spellings |= set(CONVENTIONAL.get(word.lower(), ()))
    if word.lower().endswith("енко"):  # Лукашенко: Belarusian Лукашэнка, Lukashenka (akanye)
        spellings |= {s[:-1] + "a" for s in spellings if s.lower().endswith("enko")}
    if word.lower().endswith("ич"):  # Джокович: Serbo-Croatian -ić, written -ic in English (Djokovic)
        spellings |= {s[:-1] for s in spellings if s.lower().endswith("ich")}
    if _GERMAN_ELEMENT.search(word.lower()):  # Альтштейн, Штайнмайер, Кронштадт: -stein, Stein-, -stadt
        spellings |= {_GERMAN_ST.sub(lambda m: "St" if m.group()[0] in "SŠ" else "st", s) for s in spellings}
    return frozenset(s for s in spellings if s)


@functools.lru_cache(maxsize=65536)
def english_romanisations(word: str) -> frozenset[str]:
    """The spellings English text gives a Russian word: Wikipedia's and BGN/PCGN's schemes
    and the conventional English forms of Russian names (Alexander for Александр; not a
    king's, Frederick for Фридрих, which a German Friedrich does not use)."""
    conventional = CONVENTIONAL.get(word.lower(), ()) if word.lower() in RUSSIAN_CONVENTIONAL else ()
    return frozenset({iuliia.WIKIPEDIA.translate(word), iuliia.BGN_PCGN.translate(word), *conventional})


@functools.lru_cache(maxsize=65536)
def lemmas(word: str) -> tuple[str, ...]:
    """The word itself and its dictionary forms as a name (``Вершинина`` -> ``Вершинин``)."""
    forms = [word]
    for parse in parses(word)[:4]:
        normals = [parse.normal_form]
        if "Surn" in parse.tag and "femn" in parse.tag:
            # a woman's surname has its own nominative (Голиковой -> Голикова), not only the
            # dictionary's masculine form (Голиков): Golikova, Akhmatova, Tsvetaeva
            feminine = parse.inflect({"nomn"})
            normals.append(feminine.word if feminine else "")
        for normal in normals:
            if normal and normal != word.lower():
                forms.append(normal[:1].upper() + normal[1:] if word[:1].isupper() else normal)
    return tuple(dict.fromkeys(forms))


@functools.lru_cache(maxsize=65536)
def russian_keys(word: str) -> frozenset[str]:
    """Keys of every romanisation of a Russian word and of its dictionary forms."""
    return frozenset(name_key(s) for form in lemmas(word) for s in romanisations(form))


@functools.lru_cache(maxsize=200_000)
def in_dictionary(word: str) -> bool:
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
    if key.endswith("s") and _family_plural(russian) and \
            key[:-1] in {name_key(s) for form in lemmas(russian)[1:] for s in romanisations(form)}:
        return True  # "the Ivanovs" for «Ивановы», "the Yusupovs" for «Юсуповых»: a family
    # A case form the dictionary does not know: Браммелла, Ангелы, Игоря.
    for base in unknown_case_bases(russian):
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


def _family_plural(russian: str) -> bool:
    """Is the word a surname in the plural (Ивановы, Юсуповых): a family, "the Ivanovs"?"""
    return any("Surn" in p.tag and "plur" in p.tag for p in parses(russian)[:2])


@functools.lru_cache(maxsize=100_000)
def unknown_case_bases(russian: str) -> tuple[str, ...]:
    """Dictionary forms to try for a case form the dictionary does not know (Игоря)."""
    ending = _CASE_ENDING.search(russian)
    if not ending or len(russian) - len(ending.group()) < 3 or in_dictionary(russian):
        return ()
    stem = russian[:ending.start()]
    return (stem, stem + "а", stem + "я", stem + "й", stem + "ь")


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
