"""UNT001 (Russian left in English) and UNT002 (copy of the source), on real text."""

from rule_pairs import DATA, findings, wmt

from aligner.checks import unt002_translation_identical_to_source as identical
from aligner.checks import unt001_untranslated_text as untranslated


def test_bilingual_headline_of_corpus_002_is_info_not_error():
    en = (DATA / "corpus_002_head.txt").read_text(encoding="utf-8")
    assert findings(untranslated, None, en) == [
        ("UNT001", "info", 3, 1, 78, "Russian headline beside its English version (the headline above); "
         "fine if the bilingual headline is deliberate", None)]


def test_russian_sentence_inside_an_english_paragraph_is_an_error():
    en = wmt("lit1")[1] + " " + wmt("lit2")[0] + " " + wmt("lit3")[1]
    assert findings(untranslated, None, en) == [
        ("UNT001", "error", 1, 99, 172, "sentence left in Russian (untranslated)", None)]


def test_russian_words_inside_an_english_sentence():
    ru, en = wmt("lit5")
    en = en.replace("psychology", "психология")
    assert findings(untranslated, ru, en) == [
        ("UNT001", "error", 1, 50, 60, "Russian words left untranslated: “психология”", None)]


def test_lookalike_letters_in_the_wmt_reference_are_reported():
    """The WMT22 reference itself has a Cyrillic Н in WHO and a Cyrillic С in °C."""
    ru, en = wmt("who")
    assert findings(untranslated, ru, en) == [
        ("UNT001", "error", 1, 14, 17, "“WНO” mixes Latin and Cyrillic letters (Cyrillic: Н)", "WHO")]
    ru, en = wmt("celsius")
    assert findings(untranslated, ru, en) == [
        ("UNT001", "warning", 1, 69, 70, "“С” is the Cyrillic letter, not the Latin “C”", "C")]


def test_clean_reference_passes():
    ru, en = wmt("lit4")
    assert findings(untranslated, ru, en) == []
    assert findings(identical, ru, en) == []


def test_copy_of_the_source_is_reported_once_by_unt002():
    ru = wmt("lit4")[0] + " " + wmt("lit5")[0]
    en = wmt("lit4")[1] + " " + wmt("lit5")[0]
    assert findings(identical, ru, en) == [
        ("UNT002", "error", 1, 109, 161, "translation is a copy of the Russian source", None)]
    assert findings(untranslated, ru, en) == []


def test_identical_latin_text_is_not_a_copy():
    assert findings(identical, "COVID-19", "COVID-19") == []
