"""Build aligner/data/gazetteer.tsv: countries, cities, organisations, outlets, companies.

Sources, in this order (later rows add names to the same id, never remove them):

1. CLDR territory names in English and Russian (babel ``Locale.territories``) for every
   two-letter territory code, and the ISO 3166 names of pycountry (``name``,
   ``common_name``, ``official_name``) in English;
2. CLDR time-zone exemplar cities in English and Russian
   (``Locale.time_zones[zone]["city"]``, as ``babel.dates.get_timezone_location``
   gives them), with the territory of
   their zone (babel's ``zone_territories``);
3. the hand-written tables in ``scripts/gazetteer/`` (each row cites its source):
   ``countries.tsv`` (variant and former names, related states), ``adjectives.tsv``
   (adjectives and demonyms; a plural in -s is added to a demonym in -an), ``cities.tsv``
   (capitals and large cities CLDR lacks), ``city_adjectives.tsv`` (Russian adjectives of
   cities),
   ``organisations.tsv`` (international organisations, news outlets, companies, banks).

Every Russian name is expanded to all its case forms with pymorphy3 (the ``ru_forms``
column), so the rule needs no morphology at run time. A form pymorphy3 also reads as a
dictionary word with some weight ("Того" = "that", "Чад" = "чадо") is listed again in
``ru_common``: the rule accepts it only capitalised in mid-sentence. A form it reads as a
person's name («Владимир», «Израиль») is listed in ``ru_person``: not accepted next to
another capitalised word («Владимира Путина»).

    python scripts/build_gazetteer.py   # needs babel and pycountry (build time only)
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pycountry
import pymorphy3
from babel import Locale
from babel.core import get_global

ROOT = Path(__file__).resolve().parents[1]
HAND = ROOT / "scripts" / "gazetteer"
OUT = ROOT / "aligner" / "data" / "gazetteer.tsv"
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
PERSON = ("Name", "Surn", "Patr")  # «Владимира» is a city and a given name
PROPER = ("Geox", "Orgn", "Name", "Surn", "Patr", "Abbr", "Trad")
COMMON_WEIGHT = 0.1  # a common-word reading this likely makes a form "guarded"
# CLDR codes that are not states or territories a text would name as a country
NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "AQ", "BV", "HM", "UM", "CP", "DG",
                 "EA", "IC", "TA", "AC", "CQ"}
# exemplar cities that are not cities (CLDR zone names of regions, bases and islands)
NOT_CITIES = {"Unknown City", "Universal", "Coordinated Universal Time"}

morph = pymorphy3.MorphAnalyzer()


def read(name: str) -> list[dict]:
    with open(HAND / name, encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def split(cell: str | None) -> list[str]:
    return [part.strip() for part in (cell or "").split("|") if part.strip()]


def clean_cldr(name: str) -> list[str]:
    """CLDR display names as texts use them: "Myanmar (Burma)" -> both, "Congo - Kinshasa" -> Congo."""
    name = name.replace(" SAR China", "").replace(" (САР)", "").replace("САР ", "")
    names = []
    for part in re.split(r"\s*\(|\)", name):
        part = part.strip()
        if not part:
            continue
        part = part.split(" - ")[0].strip()
        names.append(part)
        if "&" in part:
            names.append(part.replace("&", "and"))
    return names


class Entity:
    def __init__(self, id: str, kind: str):
        self.id, self.kind = id, kind
        self.en: list[str] = []
        self.en_adj: list[str] = []
        self.ru: list[str] = []
        self.ru_adj: list[str] = []
        self.related: list[str] = []
        self.country = ""
        self.sources: list[str] = []

    def add(self, field: str, values, source: str) -> None:
        target = getattr(self, field)
        for value in values:
            if value and value not in target:
                target.append(value)
        if source and source not in self.sources:
            self.sources.append(source)


def word_forms(word: str, adjective: bool) -> tuple[set[str], set[str], set[str]]:
    """(forms, forms that are common words, forms that are person names) of one Russian word."""
    if not re.search(r"[а-яё]", word.lower()):
        return {word}, set(), set()
    parses = morph.parse(word)
    if adjective:
        chosen = [p for p in parses if p.tag.POS == "ADJF"] or [p for p in parses if p.tag.POS == "NOUN"]
    else:
        proper = [p for p in parses if any(t in p.tag for t in ("Geox", "Orgn", "Abbr"))]
        chosen = ([p for p in proper if p.normal_form == word.lower()] or proper
                  or [p for p in parses if p.tag.POS == "NOUN"])
    forms = {word}
    if chosen:
        parse = chosen[0]
        for form in parse.lexeme:
            if adjective and form.tag.POS not in ("ADJF", "NOUN"):
                continue
            forms.add(form.word)
    common, person = set(), set()
    if not adjective:
        for form in forms:
            readings = morph.parse(form)
            if any(p.score >= COMMON_WEIGHT and not any(t in p.tag for t in PROPER)
                   and _known(p) for p in readings):
                common.add(form)
            if any(t in p.tag and _known(p) for p in readings for t in PERSON):
                person.add(form)
    return forms, common, person


def _known(parse) -> bool:
    """A reading from pymorphy3's dictionary, not a guess from the word's ending."""
    return type(parse.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"


def phrase_forms(name: str, adjective: bool) -> tuple[set[str], set[str], set[str]]:
    """All case forms of a Russian name; adjectives before the head agree with it."""
    words = name.split()
    if len(words) == 1:
        return word_forms(name, adjective)
    parses = [morph.parse(w)[0] for w in words]
    head = next((i for i, p in enumerate(parses) if p.tag.POS == "NOUN" and "nomn" in p.tag), None)
    if head is None or any(parses[i].tag.POS not in ("ADJF", "PRTF") for i in range(head)):
        return {name}, set(), set()
    number = "plur" if "plur" in parses[head].tag else "sing"
    forms = {name}
    for case in CASES:
        head_form = parses[head].inflect({case, number})
        if head_form is None:
            continue
        grammemes = {case, number}
        if number == "sing" and parses[head].tag.gender:
            grammemes.add(parses[head].tag.gender)
        if case == "accs" and "anim" not in parses[head].tag:
            grammemes.add("inan")
        out = []
        for i in range(head):
            inflected = parses[i].inflect(grammemes) or parses[i].inflect(grammemes - {"inan"})
            if inflected is None:
                break
            out.append(_like(words[i], inflected.word))
        else:
            out.append(_like(words[head], head_form.word))
            forms.add(" ".join(out + words[head + 1:]))
    return forms, set(), set()


def normal(form: str) -> str:
    """ё as е, one kind of apostrophe; one word lowercase, a name of several words keeps its
    capitals (the rule requires them: «Российская федерация баскетбола» is no state)."""
    form = form.replace("ё", "е").replace("Ё", "Е").replace("’", "'")
    return form if " " in form else form.lower()


def _like(original: str, form: str) -> str:
    return form[:1].upper() + form[1:] if original[:1].isupper() else form


def exemplar_city(zone: str, language: str) -> str:
    """The CLDR exemplar city of a zone (what babel's get_timezone_location returns)."""
    city = Locale(language).time_zones.get(zone, {}).get("city")
    return city or zone.split("/")[-1].replace("_", " ")


def build() -> dict[str, Entity]:
    entities: dict[str, Entity] = {}

    def entity(id: str, kind: str) -> Entity:
        if id not in entities:
            entities[id] = Entity(id, kind)
        return entities[id]

    en_names, ru_names = Locale("en").territories, Locale("ru").territories
    for code, name in en_names.items():
        if len(code) != 2 or not code.isalpha() or code in NOT_COUNTRIES or code not in ru_names:
            continue
        item = entity(code, "country")
        item.add("en", clean_cldr(name), "CLDR (babel)")
        item.add("ru", clean_cldr(ru_names[code]), "")
        country = pycountry.countries.get(alpha_2=code)
        if country is not None:
            names = [getattr(country, f, None) for f in ("common_name", "name", "official_name")]
            item.add("en", [n for n in names if n and "," not in n], "ISO 3166 (pycountry)")
    for zone, territory in get_global("zone_territories").items():
        en, ru = exemplar_city(zone, "en"), exemplar_city(zone, "ru")
        if not en or not ru or en in NOT_CITIES or "/" in en or not re.search("[а-яё]", ru.lower()):
            continue
        if zone.startswith(("Etc/", "Antarctica/")) or territory not in entities:
            continue
        if en in entities[territory].en:
            continue  # a city state (Singapore, Monaco): the country names it
        item = entity("city:" + re.sub(r"\W+", "-", en.lower()), "city")
        item.country = territory
        item.add("en", [en], "CLDR exemplar city (babel)")
        item.add("ru", [ru], "")
    for row in read("countries.tsv"):
        item = entity(row["id"], "country")
        item.add("en", split(row["en"]), row["source"])
        item.add("ru", split(row["ru"]), "")
        item.add("related", split(row["related"]), "")
    for row in read("adjectives.tsv"):
        item = entity(row["code"], "country")
        item.add("en_adj", split(row["en"]), row["source"])
        item.add("ru_adj", split(row["ru"]), "")
    by_english = {name: e for e in entities.values() if e.kind == "city" for name in e.en}
    for row in read("cities.tsv"):
        existing = next((by_english[n] for n in split(row["en"]) if n in by_english), None)
        item = existing or entity("city:" + row["id"], "city")
        item.country = row["country"]
        item.add("en", split(row["en"]), row["source"])
        item.add("ru", split(row["ru"]), "")
    for row in read("city_adjectives.tsv"):
        item = entities.get("city:" + row["id"])
        if item is None:
            raise SystemExit(f"city_adjectives.tsv: no city {row['id']!r}")
        item.add("ru_adj", split(row["ru"]), row["source"])
    for item in entities.values():  # "Serbian" -> "Serbians" where the table lists only one
        for adjective in list(item.en_adj):
            if adjective.endswith("an") and not adjective.endswith("man") and adjective + "s" not in item.en_adj:
                item.add("en_adj", [adjective + "s"], "")
    for row in read("organisations.tsv"):
        item = entity(row["id"], row["kind"])
        item.add("en", split(row["en"]), row["source"])
        item.add("ru", split(row["ru"]), "")
    return entities


def main() -> None:
    entities = build()
    rows = []
    for item in entities.values():
        columns = []
        for names, adjective in ((item.ru, False), (item.ru_adj, True)):
            forms, common, person = set(), set(), set()
            for name in names:
                more, more_common, more_person = phrase_forms(name, adjective)
                forms |= {normal(f) for f in more}
                common |= {normal(f) for f in more_common}
                person |= {normal(f) for f in more_person}
            columns += ["|".join(sorted(forms)), "|".join(sorted(common)), "|".join(sorted(person))]
        rows.append([item.id, item.kind, "|".join(item.en), "|".join(item.en_adj), "|".join(item.ru),
                     "|".join(item.ru_adj), *columns[:4], "|".join(item.related), item.country,
                     "; ".join(item.sources)])
    with open(OUT, "w", encoding="utf-8", newline="") as handle:
        handle.write("# Bilingual gazetteer built by scripts/build_gazetteer.py (do not edit: edit the sources\n"
                     "# there and rebuild). Sources per row in the last column; see the script's docstring.\n"
                     "# ru_forms: every case form (pymorphy3) of the Russian names, ё as е (one word lowercase);\n"
                     "# ru_common: those of the forms that are also common words (accepted capitalised in\n"
                     "#   mid-sentence only); ru_person: those that are also person names (not accepted next\n"
                     "#   to another capitalised word);\n"
                     "# ru_adj_forms: every form of the adjectives and demonyms.\n")
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                            escapechar="\\")
        writer.writerow(["id", "kind", "en", "en_adj", "ru", "ru_adj", "ru_forms", "ru_common", "ru_person",
                         "ru_adj_forms",
                         "related",
                         "country", "source"])
        writer.writerows(sorted(rows, key=lambda r: (r[1], r[0])))
    print(f"{OUT.relative_to(ROOT)}: {len(rows)} entities")


if __name__ == "__main__":
    main()
