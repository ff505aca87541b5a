"""TRM001: a source term (termbase or glossary, any inflected form) missing from the target."""

from __future__ import annotations

from test_termbase import DATA, lines, make_pair

from aligner.checks import trm001_source_term_not_rendered as terms


def wmt_rows():
    return [line.split("\t") for line in
            (DATA / "wmt22_dev_terms.tsv").read_text(encoding="utf-8").splitlines()]


def test_clean_wmt_references_pass():
    rows = wmt_rows()
    pair = make_pair([r[1] for r in rows], [r[2] for r in rows])
    assert list(terms.check(pair)) == []


def test_a_body_written_with_a_cyrillic_look_alike_is_rendered():
    # "WНO" with a Cyrillic Н names the WHO; UNT001 reports the mixed word itself
    row = wmt_rows()[0]
    assert "WНO" in row[2]
    assert list(terms.check(make_pair([row[1]], [row[2]]))) == []
    garbled = row[2].replace("WНO", "WXO")
    assert [f.suggestion for f in terms.check(make_pair([row[1]], [garbled]))] == [
        "check the rendering of «ВОЗ»: use World Health Organization"]


def test_a_term_kept_romanised_is_rendered():
    row = wmt_rows()[-1]
    assert row[2].startswith("MinTsifry is preparing")
    assert list(terms.check(make_pair([row[1]], [row[2]]))) == []
    assert [f.suggestion for f in terms.check(make_pair([row[1]], [row[2].replace("MinTsifry", "The ministry")]))] == [
        "check the rendering of «Минцифры»: use Ministry of Digital Development, Communications "
        "and Mass Media of the Russian Federation"]


def test_a_ministry_named_through_its_minister_is_rendered():
    rows = wmt_rows()
    gazeta = [r for r in rows if r[0] == "gazeta.ru.24496"]
    assert gazeta[0][2].startswith("Earlier, the German Minister for Foreign Affairs")
    assert list(terms.check(make_pair([gazeta[0][1]], [gazeta[0][2]]))) == []


def test_an_inflected_source_term_missing_from_the_target():
    pair = make_pair(["Мы сотрудничаем с Контртеррористическим управлением ООН."],
                     ["We cooperate with the UN Counter-Terrorism Committee."])
    found = list(terms.check(pair))
    assert [(f.rule, f.line, f.column, f.end_column, f.suggestion) for f in found] == [
        ("TRM001", 1, 1, 54, "check the rendering of «Контртеррористическим управлением»: "
                             "use Office of Counter-Terrorism")]
    assert found[0].evidence.text == "Мы сотрудничаем с Контртеррористическим управлением ООН."


def test_a_garbled_rendering_is_left_to_the_name_rules():
    pair = make_pair(lines("000_excerpt.ru.txt"), lines("000_excerpt.en.txt"))
    assert list(terms.check(pair)) == []


def test_bodies_lost_in_translation_in_the_corpus():
    pair = make_pair(lines("003_excerpt.ru.txt"), lines("003_excerpt.en.txt"))
    assert [(f.line, f.message) for f in terms.check(pair)] == [
        (1, "the source names «Контртеррористическое управление» (Office of Counter-Terrorism "
            "(UNOCT)), but the translation has none of its renderings: Office of "
            "Counter-Terrorism, Counter-Terrorism Office, UNOCT, OCT"),
        # "the UNCCD CTC": the source has the Executive Directorate, not the Committee
        (2, "the source names «ИДКТК» (Counter-Terrorism Committee Executive Directorate "
            "(CTED)), but the translation has none of its renderings: Counter-Terrorism "
            "Committee Executive Directorate, Executive Directorate of the Counter-Terrorism "
            "Committee, CTC Executive Directorate, CTED")]



def test_a_peacekeeping_force_described_instead_of_named():
    # "the United Nations Forces in the responsible area of monitoring the disengagement"
    pair = make_pair(lines("001_line47.ru.txt"), lines("001_line47.en.txt"))
    assert [(f.line, f.message, f.suggestion) for f in terms.check(pair)] == [
        (1, "the source names «Силах Организации Объединенных Наций по наблюдению за "
            "разъединением» (United Nations Disengagement Observer Force (UNDOF)), but the "
            "translation has none of its renderings: United Nations Disengagement Observer "
            "Force, UN Disengagement Observer Force, Disengagement Observer Force, UNDOF",
         "check the rendering of «Силах Организации Объединенных Наций по наблюдению за "
         "разъединением»: use United Nations Disengagement Observer Force")]


def test_peacekeeping_operations_named_by_russian_acronym_are_rendered():
    pair = make_pair(["Контингент ВСООНЛ и СООННР, МООНЮС в Южном Судане."],
                     ["The UNIFIL and UNDOF contingents, UNMISS in South Sudan."])
    assert list(terms.check(pair)) == []

def test_glossary_terms_from_tbx():
    pair = make_pair(["Мы поддерживаем Евразийскую архитектуру безопасности.",
                      "Мы поддерживаем Евразийскую архитектуру безопасности."],
                     ["We support the Eurasian security architecture.",
                      "We support the new continental order."],
                     {"glossaries": [str(DATA / "glossary.tbx")]})
    assert [(f.line, f.suggestion) for f in terms.check(pair)] == [
        (2, "check the rendering of «Евразийскую архитектуру безопасности»: "
            "use Eurasian security architecture")]


def test_a_name_is_not_the_noun_it_resembles():
    pair = make_pair(["Генеральный секретарь ШОС Чжан Мин выступил в Совбезе."],
                     ["SCO Secretary-General Zhang Ming spoke at the Security Council."],
                     {"glossaries": [str(DATA / "glossary.tsv")]})
    assert list(terms.check(pair)) == []


# wmt22-enru.jsonl segment (an English original and its human Russian translation)
FOREIGN_OFFICE = (
    "Рафаэль Маршалл, который работал в МИДе во время операции «Питтинг», утверждает, что "
    "из-за «безрезультатного» и «хаотичного» проведения операции помощь получили лишь 5 % "
    "граждан Афганистана, которые подали заявление об участии в британской схеме эвакуации.",
    "Raphael Marshall, who worked for the Foreign Office during Operation Pitting, claimed just "
    "5% of Afghan nationals who applied to flee under one UK scheme received help as a result "
    "of the \"dysfunctional\" and \"chaotic\" handling of the situation.")


def test_a_bare_ministry_rendered_as_another_countrys_is_rendered():
    ru, en = FOREIGN_OFFICE
    assert list(terms.check(make_pair([ru], [en]))) == []
    named = ru.replace("в МИДе", "в МИДе России")
    assert [f.suggestion for f in terms.check(make_pair([named], [en]))] == [
        "check the rendering of «МИДе»: use Ministry of Foreign Affairs of the Russian Federation"]
    assert [f.suggestion for f in terms.check(make_pair([ru], [en.replace("Foreign", "Home")]))] == [
        "check the rendering of «МИДе»: use Ministry of Foreign Affairs of the Russian Federation"]
