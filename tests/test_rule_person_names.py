"""NAM001 (one name spelled two ways) and NAM002 (name contradicts the source)."""

from pathlib import Path

import pytest

from aligner.checks import nam002_name_contradicts_source as name_vs_source
from aligner.checks import nam001_name_rendered_two_ways as person_names
from aligner.engine import check_files, check_texts

DATA = Path(__file__).parent / "data" / "names"


def nam(result):
    return [(f.rule, f.line, f.column, f.text, f.suggestion) for f in result.findings
            if f.rule.startswith("NAM")]


def test_zhang_min_flagged_in_corpus_document_with_source():
    result = check_files([str(DATA / "002_en.txt")], source=str(DATA / "002_ru.txt"))
    assert nam(result) == [("NAM001", 37, 450, "Min", "Ming")]  # NAM002 leaves it to NAM001
    finding = [f for f in result.findings if f.rule == "NAM001"][0]
    assert "подчеркнул Чжан Мин" in finding.evidence.text
    assert [(place.line, place.column) for place in finding.related] == [(37, 79)]  # "Zhang Ming said"
    assert "Secretary-General Zhang Ming said" in finding.related[0].text


def test_zhang_min_flagged_without_source():
    result = check_files([str(DATA / "002_en.txt")])
    assert nam(result) == [("NAM001", 37, 450, "Min", "Ming")]


@pytest.mark.parametrize("module", [person_names, name_vs_source])
def test_rule_examples(module):
    for ru, en, flagged in module.EXAMPLES:
        codes = [f.rule for f in check_texts(ru, en).findings]
        assert (module.CODE in codes) is flagged, (ru, en)


def test_wrong_person_names_the_source_person():
    result = check_texts("Премьер-министр России Михаил Мишустин сообщил о поставках.",
                         "Russian Prime Minister Mikhail Toidze reported the deliveries.")
    finding = [f for f in result.findings if f.rule == "NAM002"][0]
    assert (finding.text, finding.suggestion, finding.column) == ("Toidze", "Mishustin", 32)


def test_corpus_variant_across_documents(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "a.txt").write_text("President Kassym-Jomart Tokayev spoke. Tokayev left.\n")
    (tmp_path / "en" / "b.txt").write_text("Later Kassym-Jomart Tokaev arrived.\n")
    from aligner.config import Config
    from aligner.engine import check_directory
    # each file is consistent: only a house style asks for one romanisation across files
    assert [f for f in check_directory(str(tmp_path)).findings if f.rule == "NAM001"] == []
    result = check_directory(str(tmp_path), Config(rule_options={"NAM001": {"house_style": True}}))
    assert [(f.rule, f.text, f.suggestion) for f in result.findings if f.rule == "NAM001"] == \
        [("NAM001", "Tokaev", "Tokayev")]


def test_a_first_name_spelled_two_ways_across_documents_is_one_name_only_beside_one_surname(tmp_path):
    # After WMT22 dev: "Sergey Tokarev" / "Sergei Tokarev" in two stories, "Sergey Burgazliev" in a third.
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "a.txt").write_text("Political scientist Sergey Markov commented.\n")
    (tmp_path / "en" / "c.txt").write_text("Consultant Sergey Burgazliev disagreed.\n")
    (tmp_path / "en" / "b.txt").write_text("Defence Minister Sergei Shoigu arrived.\n"
                                           "Sergei Markov was not there.\n")
    from aligner.config import Config
    from aligner.engine import check_directory
    result = check_directory(str(tmp_path), Config(rule_options={"NAM001": {"house_style": True}}))
    # two spellings twice each: the first one met wins; only the Sergei beside Markov is flagged
    assert [(f.path[-5:], f.line, f.text, f.suggestion) for f in result.findings if f.rule == "NAM001"] == \
        [("b.txt", 2, "Sergei", "Sergey")]


def _lines_pair(stem):
    return ((DATA / f"{stem}.ru.txt").read_text(encoding="utf-8"),
            (DATA / f"{stem}.en.txt").read_text(encoding="utf-8"))


def test_a_dropped_letter_of_a_name_is_flagged_in_machine_translation():
    result = check_texts(*_lines_pair("mt_saakashvili"))
    assert [(f.rule, f.line, f.text, f.suggestion) for f in result.findings if f.rule == "NAM001"] == [
        ("NAM001", 1, "Sakashvili", "Saakashvili"), ("NAM001", 3, "Sakashvili", "Saakashvili")]


def test_everyday_words_and_other_names_are_not_one_name_in_two_spellings():
    # Meta/Media, Hare/Hard, Sena/Senka: a spelling English uses is no slip
    result = check_texts(*_lines_pair("ref_words"))
    assert [f for f in result.findings if f.rule == "NAM001"] == []


def test_two_romanisations_of_everyday_words_are_not_one_name():
    text = "The Major of the regiment met the Mayor. The Major spoke first."
    assert [f for f in check_texts(None, text).findings if f.rule == "NAM001"] == []
