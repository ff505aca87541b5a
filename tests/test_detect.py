"""Language detection: script rule, langdetect where ambiguous, segments of mixed lines."""

from pathlib import Path

import pytest

from aligner.detect import detect_language, line_segments, segments
from aligner.io import read_document
from aligner.records import Document, Segment

DATA = Path(__file__).parent / "data" / "segment"
CORPUS = Path(__file__).parents[1] / "corpus" / "en"


@pytest.mark.parametrize("text", [
    "05.12.2024", "A/RES/77/13", "S/RES/2334 (2016)", "E/CN.4/2005/L.10", "A/77/PV.45",
    "https://www.un.org/ru/ga/", "info@un.org", "№ 59/50", "15:30", "+7 (495) 123-45-67",
    "— 12 —", "", "XXI", "IV.",
])
def test_no_letters_or_only_symbols_is_und(text):
    assert detect_language(text) == "und"


@pytest.mark.parametrize("text, lang", [
    # short segments: the script decides, langdetect is not asked
    ("Мир", "ru"), ("СНГ", "ru"), ("UN", "en"), ("OK", "en"), ("I", "en"),
    ("Резолюция A/RES/77/13", "ru"), ("Глава IV", "ru"), ("I", "en"), ("Resolution No. 59/50", "en"),
    # WMT22 ru-en dev sentences (src and ref of social_ru_197); Russian without ы э ё
    ("Из русской литературы 19 века мы предпочитали Данилевского и Волконского.", "ru"),
    ("From 19th century Russian literature, we preferred Danilevsky and Volkonsky.", "en"),
    ("Мелкие канавки и насечки отводят тепло.", "ru"),
    ("Редко кто заносит туда стекло и металл.", "ru"),
    # "т. е." is Russian, not the Bulgarian copula
    ("И также она понимает, что 4 года до следующей олимпиады она не выдержит, т. е. никогда "
     "не будет олимпийской чемпионкой.", "ru"),
    # other languages
    # long Latin text without accents or English function words is checked by langdetect
    ("Die Regierung hat heute beschlossen, die Steuern nicht zu erhoehen, sagte der Minister.",
     "other"),
    ("Russia Proposes New Security Architecture in Eurasia", "en"),  # corpus 002 line 39
    ("Mr. Müller and Mr. Gómez met in São Paulo on Monday to discuss the new trade agreement.",
     "en"),
    ("中华人民共和国", "other"),
    ("Київ", "other"),
])
def test_language(text, lang):
    assert detect_language(text) == lang


def _other_languages():
    rows = (DATA / "other_languages.tsv").read_text("utf-8").splitlines()[1:]
    return [tuple(row.split("\t")[:2]) for row in rows]


@pytest.mark.parametrize("language, text", _other_languages())
def test_other_languages_are_neither_russian_nor_english(language, text):
    assert detect_language(text) == "other"


def test_detection_is_deterministic():
    text = "Цялата държавна власт произтича от народа."
    assert {detect_language(text) for _ in range(5)} == {"other"}


def test_corpus_002_headline_is_the_only_russian_line():
    document = read_document(CORPUS / "002_63d1d6def9e2a9b0.txt")
    found = segments(document)
    russian = [(document.position(s.start)[0], s.text) for s in found if s.lang == "ru"]
    assert russian == [
        (3, "В Совбезе ООН обсудили роль ОДКБ, ШОС и СНГ в поддержании международного мира")]
    assert {s.lang for s in found} == {"ru", "en"}
    assert all(document.text[s.start:s.end] == s.text for s in found)


def test_english_sentence_quoting_a_russian_title_gets_three_runs():
    assert line_segments("The newspaper «Российская газета» reported on 5 May that the talks "
                         "had ended.", 100) == [
        Segment(100, 113, "The newspaper", "en"),
        Segment(114, 133, "«Российская газета»", "ru"),
        Segment(134, 177, "reported on 5 May that the talks had ended.", "en"),
    ]


def test_one_foreign_word_stays_in_its_sentence():
    text = "Компания Google объявила о запуске сервиса в Крыму."
    assert line_segments(text) == [Segment(0, len(text), text, "ru")]


def test_two_sentences_in_two_languages_on_one_line():
    document = read_document(DATA / "mixed.txt")
    first = segments(document)[:2]
    assert [(s.start, s.end, s.lang) for s in first] == [(0, 78, "en"), (79, 157, "ru")]
    assert first[1].text == "ОДКБ продолжает прилагать усилия по достижению прочного мира на Южном Кавказе."


def test_segments_label_every_non_blank_line_with_offsets():
    document = Document("x.txt", "  05.12.2024 \r\n\r\nCooperation with the UN\r\n")
    assert segments(document) == [Segment(2, 12, "05.12.2024", "und"),
                                  Segment(17, 40, "Cooperation with the UN", "en")]


def test_script_change_without_a_space_cuts_before_the_opening_quote():
    assert [s.text for s in line_segments("Read «Известия сегодня»now please")] == [
        "Read", "«Известия сегодня»", "now please"]
