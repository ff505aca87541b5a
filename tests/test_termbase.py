"""The termbase loader, glossaries, English name finding, near misses and Russian terms."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from aligner.records import Pair
from aligner.errors import ConfigError
from aligner.morph import TermIndex, make_term
from aligner.records import Bead, Document, Sentence
from aligner.entities.glossary import load_termbase, parse_table, read_glossary
from aligner.entities.terms import COLUMNS, normalise

DATA = Path(__file__).parent / "data" / "entities"


def make_pair(ru_lines: list[str] | None, en_lines: list[str], options: dict | None = None,
              path: str = "en.txt") -> Pair:
    """A Pair with one sentence per line and beads 1:1 (no aligner involved)."""
    def build(name, lines):
        text = "\n".join(lines) + "\n"
        sentences, offset = [], 0
        for line in lines:
            sentences.append(Sentence(offset, offset + len(line), line, ""))
            offset += len(line) + 1
        return Document(name, text), sentences

    en, en_sentences = build(path, en_lines)
    if ru_lines is None:
        return Pair(target=en, target_sentences=en_sentences, options=dict(options or {}))
    ru, ru_sentences = build(path.replace("en", "ru"), ru_lines)
    beads = [Bead((i,), (i,), 1.0) for i in range(len(en_lines))]
    return Pair(target=en, target_sentences=en_sentences, source=ru, source_sentences=ru_sentences, beads=beads,
                options=dict(options or {}))


def lines(name: str) -> list[str]:
    return (DATA / name).read_text(encoding="utf-8").splitlines()


# -- the bundled table ------------------------------------------------------------------
def test_every_bundled_row_has_names_in_both_languages_and_a_source():
    termbase = load_termbase()
    assert len(termbase.entries) >= 140
    for entry in termbase.entries.values():
        assert entry.en and entry.ru, entry.origin
        assert entry.source.startswith("http"), entry.origin
        assert entry.parent == "" or entry.parent in termbase.entries, entry.origin


def test_bundled_files_are_read_through_importlib_resources():
    files = resources.files("aligner.data")
    header = next(line for line in files.joinpath("termbase.tsv").read_text("utf-8").splitlines()
                  if not line.startswith("#"))
    assert tuple(header.split("\t")) == COLUMNS
    assert files.joinpath("termbase.md").is_file()


def test_the_issue_bodies_are_in_the_termbase():
    termbase = load_termbase()
    assert [e.id for e in termbase.lookup("Counter-Terrorism Committee Executive Directorate")] \
        == ["un.cted"]
    assert termbase.get("un.cted").ru_acronyms == ("ИДКТК", "КТИД")
    assert termbase.get("un.oct").ru_acronyms == ("КТУ ООН", "КТУ")
    assert termbase.get("csto.crrf").ru_acronyms == ("КСОР",)
    assert termbase.get("cis.atc").ru_acronyms == ("АТЦ СНГ", "АТЦ")
    assert termbase.get("sco.rats").acronyms == ("RATS",)
    assert termbase.get("csto.ccdt").ru_acronyms == ("КСОПН",)


def test_un_peacekeeping_operations_are_in_the_termbase():
    termbase = load_termbase()
    found = {e.acronyms[0]: e.ru_acronyms[0] for e in termbase.entries.values()
             if e.parent == "un.sc" and e.kind in ("force", "body")}
    assert found == {"UNDOF": "СООННР", "UNIFIL": "ВСООНЛ", "UNFICYP": "ВСООНК",
                     "UNMISS": "МООНЮС", "MINUSCA": "МИНУСКА", "MONUSCO": "МООНСДРК",
                     "UNTSO": "ОНВУП", "UNMIK": "МООНК", "MINURSO": "МООНРЗС",
                     "UNISFA": "ЮНИСФА", "UNMOGIP": "ГВНООНИП"}
    assert [e.id for e in termbase.lookup("UN Disengagement Observer Force")] == ["un.undof"]


# -- loading errors and glossaries ------------------------------------------------------
def test_a_bad_row_is_reported_with_file_and_line():
    text = "id\ten\tru\nun.x\tSome Office\tНекое управление\nbroken\tonly two\n"
    with pytest.raises(ConfigError) as error:
        parse_table(text, "my.tsv")
    assert str(error.value) == "my.tsv:3: expected 3 tab-separated columns, found 2"


def test_an_unknown_column_is_reported():
    with pytest.raises(ConfigError) as error:
        parse_table("id\ten\tcolour\n", "my.tsv")
    assert str(error.value).startswith("my.tsv:1: bad header: needs columns id, kind")
    assert str(error.value).endswith("; unknown colour")


def test_a_bad_glossary_row_names_file_and_line():
    with pytest.raises(ConfigError) as error:
        read_glossary(str(DATA / "bad_glossary.tsv"))
    assert str(error.value) == f"{DATA / 'bad_glossary.tsv'}:2: expected 'Russian term<TAB>English rendering'"


def test_a_missing_glossary_is_a_config_error():
    with pytest.raises(ConfigError) as error:
        read_glossary("no/such/glossary.tsv")
    assert str(error.value) == "no/such/glossary.tsv: glossary not found"


def test_tsv_glossary_pairs():
    entries = read_glossary(str(DATA / "glossary.tsv"))
    assert [(e.ru, e.en, e.variants) for e in entries] == [
        (("мина",), "mine", ("landmine",)),
        (("Контртеррористическое управление",), "Office of Counter-Terrorism", ("UNOCT",)),
        (("Евразийская архитектура безопасности",), "Eurasian security architecture", ()),
    ]


def test_tbx_glossary_via_translate_toolkit():
    entries = read_glossary(str(DATA / "glossary.tbx"))
    assert [(e.ru, e.en, e.variants) for e in entries] == [
        (("Евразийская архитектура безопасности",), "Eurasian security architecture",
         ("security architecture in Eurasia",)),
        (("коллективная безопасность",), "collective security", ()),
    ]


def test_glossaries_extend_the_bundled_termbase():
    extended = load_termbase((str(DATA / "glossary.tbx"),))
    assert len(extended.entries) == len(load_termbase().entries) + 2


# -- English names ----------------------------------------------------------------------
def test_normalise_unifies_spelling_hyphens_and_articles():
    assert normalise("the Russian Ministry of Defense") == "russian ministry of defence"
    assert normalise("UN Counterterrorism Center") == normalise("UN Counter-Terrorism Centre")
    assert normalise("WHO") != normalise("who")


def test_mentions_attach_the_organisation_written_beside_a_name():
    termbase = load_termbase()
    text = ("the CSTO Secretariat, the Secretariat of the SCO and the UN Security Council "
            "Counter-Terrorism Committee")
    found = [(m.text, [e.id for e in m.entries], m.qualifier.id if m.qualifier else None)
             for m in termbase.mentions(text)]
    assert found == [("CSTO Secretariat", ["csto.secretariat"], "csto"),
                     ("Secretariat of the SCO", ["sco.secretariat"], "sco"),
                     ("UN Security Council Counter-Terrorism Committee", ["un.ctc"], "un.sc")]


def test_a_lowercase_word_is_not_a_name():
    termbase = load_termbase()
    assert termbase.mentions("illegal migration and the environment") == []


def test_unknown_body_spans_and_their_scope():
    termbase = load_termbase()
    text = lines("000_excerpt.en.txt")[2]
    spans = [(s.text, s.scope.id if s.scope else None) for s in termbase.unknown_bodies(text)]
    assert spans == [("Office for the Coordination of Terrorism", "un"),
                     ("Office for Counter-Terrorism", "un")]


def test_nearest_bodies_for_the_garbled_un_office():
    termbase = load_termbase()
    near = termbase.nearest("Office for the Coordination of Terrorism", termbase.get("un"), 3)
    assert [e.id for e, _ in near[:2]] == ["un.ocha", "un.oct"]
    assert near[1][1] - near[2][1] > 10  # the two are well ahead of the rest


# -- Russian terms ------------------------------------------------------------------------
def test_russian_terms_match_in_any_inflected_form():
    index = TermIndex([make_term("Контртеррористическое управление", "oct"),
                       make_term("Министерство обороны", "mod")], frozenset({"ООН"}))
    text = "встреча с Контртеррористическим управлением ООН и Министерством обороны"
    assert [(m.text, m.term.target) for m in index.find(text)] == [
        ("Контртеррористическим управлением", "oct"), ("Министерством обороны", "mod")]


def test_an_organisation_acronym_may_stand_inside_a_russian_name():
    index = TermIndex([make_term("Управление по координации гуманитарных вопросов", "ocha")],
                      frozenset({"ООН"}))
    found = index.find("с Управлением ООН по координации гуманитарных вопросов.")
    assert [m.text for m in found] == ["Управлением ООН по координации гуманитарных вопросов"]


def test_a_capitalised_name_is_not_a_common_noun():
    index = TermIndex([make_term("мина", "mine")])
    assert index.find("Генеральный секретарь ШОС Чжан Мин выступил.") == []
    assert [m.text for m in index.find("На дороге нашли мины.")] == ["мины"]
    assert [m.text for m in index.find("Мины нашли на дороге.")] == ["Мины"]


def test_a_termbase_format_glossary_adds_a_body_to_an_organisation(tmp_path):
    glossary = tmp_path / "bodies.tsv"
    glossary.write_text(
        "id\tkind\tparent\ten\tacronym\tru\tsource\n"
        "csto.ccc\tcentre\tcsto\tCrisis Response Centre\tCRC\tКризисный центр\tour style guide\n",
        encoding="utf-8")
    termbase = load_termbase((str(glossary),))
    mention = termbase.mentions("the CSTO Crisis Response Centre")[0]
    assert (mention.text, mention.entries[0].id, mention.qualifier.id) == (
        "CSTO Crisis Response Centre", "csto.ccc", "csto")


def test_a_glossary_body_with_an_unknown_parent_is_reported(tmp_path):
    glossary = tmp_path / "bodies.tsv"
    glossary.write_text("id\tparent\ten\nx.y\tno.such\tSome Office\n", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_termbase((str(glossary),))
    assert str(error.value) == f"{glossary}:2: unknown parent 'no.such'"
