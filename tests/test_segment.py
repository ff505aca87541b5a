"""Sentence splitting: razdel plus the rules in data/abbreviations.tsv, with exact offsets."""

import json
from pathlib import Path

import pytest

from aligner.io import read_document
from aligner.records import Document, Sentence
from aligner.segment import abbreviations, document_sentences, explain_sentences, split_sentences

DATA = Path(__file__).parent / "data" / "segment"


def split(text: str, lang: str | None = None) -> str:
    """The sentences of ``text`` in razdel's test notation: boundaries marked " | "."""
    return " | ".join(sentence.text for sentence in split_sentences(text, lang))


@pytest.mark.parametrize("marked", [
    # initials (corpus/en/003 line 20, corpus/en/001 line 35, corpus/ru/003 line 20, issue 2)
    "It was signed on March 18, 2010 by the UN and CSTO Secretaries-General Ban Ki-moon and "
    "N.N. Bordyuzha during the working visit of the UN in Moscow.",
    "It was initiated by the Chairman of the CSTO CSC, President K.K. Tokayev. | Thank you.",
    "Она была подписана генеральными секретарями ООН и ОДКБ Пан Ги Муном и Н.Н. Бордюжей "
    "в ходе рабочего визита.",
    "В переговорах по приглашению С.В.Лаврова приняли участие министры.",
    # titles and numbered references
    "Mr. Smith met Dr. Jones and Prof. Brown. | They talked.",
    "This step allowed the Organization to obtain observer status on the basis of General "
    "Assembly resolution No. 59/50 of December 2, 2004. | Thus, the first block was laid.",
    "See p. 5 and para. 3 of the report. | It is short.",
    "Согласно ст. 15 Устава и п. 3 ч. 2 решения. | Принято.",
    "Это, т.е. всё остальное, ст. Иванова не касается.",
    "On Jan. 5 the Council met. | It adopted a text.",
    "Он родился 5 янв. 1990 года в Москве.",
    "На это выделено 5 млрд. долл. США, в т.ч. на пенсии.",
    # document symbols, dates and URLs are not boundaries
    "It is the resolution “On cooperation between the United Nations and the CSTO” "
    "(A/RES/77/13). | It notes progress.",
    "The meeting on 05.12.2024 was held at https://www.un.org/en/ga. | It ended.",
    # a year or unit abbreviation that ends a sentence
    "Он работал там в 2002 г. | В 2004 г. он уехал в г. Москву.",
    "В XX в. | В Москве строили много.",
    # ... but a capitalised name after a year stays in the sentence
    "В 2004 г. Генеральная Ассамблея приняла резолюцию, и в 2010 г. Россия её поддержала.",
    "Соглашение подписано в 2010 г. Н.Н. Бордюжей.",
    # a measure after a number ends a sentence before a capital (ecommerce_ru_56)
    "Высота матраса 22 см. | Максимально допустимая нагрузка 120 кг.",
    "Средняя цена таких моделей - от 3 до 6 тыс. руб. | При этом мужчины предпочитают другие.",
    # quotes closing a sentence
    "Он сказал «Да». | Потом ушёл.",
    "He said “Yes.” | Then he left.",
    "He said “Yes”. | Then he left.",
    # a semicolon never ends a sentence
    "But I make them tasty snacks; I bake very often just like that.",
])
def test_hard_cases(marked):
    assert split(marked.replace(" | ", " ")) == marked


def test_offsets_are_shifted_and_exact():
    text = "Mr. Smith came. Resolution No. 59/50 was adopted."
    assert split_sentences(text, "en", offset=10) == [
        Sentence(10, 25, "Mr. Smith came.", "en"),
        Sentence(26, 59, "Resolution No. 59/50 was adopted.", "en"),
    ]


def test_language_is_detected_when_not_given():
    assert [s.lang for s in split_sentences("Hello there. Привет всем. 2024.")] == ["en", "ru", "und"]


def _paragraphs():
    with open(DATA / "wmt22_ruen_dev_paragraphs.jsonl", encoding="utf-8") as handle:
        for row in handle:
            record = json.loads(row)
            for lang in ("ru", "en"):
                yield pytest.param(record[lang], lang, id=f"{record['id']}-{lang}")


@pytest.mark.parametrize("gold, lang", list(_paragraphs()))
def test_wmt_paragraphs_split_as_the_gold(gold, lang):
    text = " ".join(gold)
    assert [s.text for s in split_sentences(text, lang)] == gold


def test_document_splits_lines_first_and_skips_blank_lines():
    document = read_document(DATA / "002_head_en.txt")
    assert [(document.position(s.start), s.lang, s.text) for s in document_sentences(document)] == [
        ((1, 1), "en", "The role of the CSTO, SCO and CIS in maintaining international peace was "
                       "discussed at the UN Security Council"),
        ((3, 1), "ru", "В Совбезе ООН обсудили роль ОДКБ, ШОС и СНГ в поддержании международного мира"),
        ((5, 1), "en", "Meeting of the UN Security Council."),
        ((5, 37), "en", "Photo from the archive The role of the CSTO, SCO and CIS in maintaining "
                        "international peace was discussed at the UN Security Council Peace and Security"),
    ]


def test_document_sentences_of_one_language():
    document = read_document(DATA / "mixed.txt")
    english = document_sentences(document, "en")
    russian = document_sentences(document, "ru")
    assert [(s.start, s.text) for s in english] == [
        (0, "The CSTO continues its efforts to achieve lasting peace in the South Caucasus."),
        (249, "Cooperation with the UN")]
    assert [(document.position(s.start), s.text) for s in russian] == [
        ((1, 80), "ОДКБ продолжает прилагать усилия по достижению прочного мира на Южном Кавказе."),
        ((3, 1), "В Совбезе ООН обсудили роль ОДКБ, ШОС и СНГ в поддержании международного мира")]
    assert all(s.lang == "ru" for s in russian)
    assert [s.lang for s in document_sentences(document)] == ["en", "ru", "ru", "und", "en"]


def test_quotation_in_another_script_stays_inside_its_sentence():
    document = Document("q.txt", "The newspaper «Российская газета» reported it. Then it ended.\n")
    assert [(s.text, s.lang) for s in document_sentences(document)] == [
        ("The newspaper «Российская газета» reported it.", "en"), ("Then it ended.", "en")]


def test_every_abbreviation_row_has_a_known_kind():
    table = abbreviations()
    assert table["mr"] == "title" and table["no"] == "number" and table["г"] == "year"
    assert table["см"] == "unit"
    assert set(table.values()) == {"title", "number", "year", "unit", "inner", "word"}


def test_explain_names_the_rule_behind_every_candidate_boundary():
    text = "Mr. Smith met N.N. Bordyuzha in 2002 г. В 2004 г. he left; Then. Ok."
    assert explain_sentences(text, 100) == [
        (104, False, "abbreviation_left"), (119, False, "initials_left"),
        (140, True, "abbreviation_left"), (159, False, "semicolon_left"), (165, True, "razdel")]
