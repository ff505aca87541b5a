"""REP001, QUO001 and FRG001 on real text (corpus lines and WMT22 references)."""

import pytest
from rule_pairs import DATA, findings, wmt

from aligner.checks import brackets, fragments, repeated_words


def test_doubled_word():
    ru, en = wmt("lit5")
    assert findings(repeated_words, ru, en.replace(" the ", " the the ")) == [
        ("REP001", "error", 1, 46, 53, "“the” is repeated in “the the”", "the")]


def test_word_repeated_inside_a_name():
    en = "This is based on the principles of the United Nations Charter Nations."
    assert findings(repeated_words, None, en) == [
        ("REP001", "error", 1, 47, 70, "“Nations” is repeated in “Nations Charter Nations”", "Nations Charter")]


def test_doubled_phrase():
    en = "The meeting of the UN Security Council Security Council was chaired by Russia."
    assert findings(repeated_words, None, en) == [
        ("REP001", "error", 1, 23, 56, "“Council” is repeated in “Security Council Security Council”",
         "Security Council")]


@pytest.mark.parametrize("en", [
    "She had had enough.",
    "The United Kingdom and the United States voted against.",
    "The USSR Writers' Union and the Literary Fund of the USSR owned the dachas.",
    "No, no, that's wrong.",
    "The law was approved by the Federation Council of the Russian Federation.",
    "He met Boutros Boutros-Ghali in 1995.",
])
def test_legitimate_repetitions_pass(en):
    assert findings(repeated_words, None, en) == []


def test_reversed_curly_quotes():
    en = "We are also continuously developing cooperation in ”new“ areas."
    assert findings(brackets, None, en) == [
        ("QUO001", "warning", 1, 52, 57, "quotation marks are reversed: ” opens and “ closes", None)]


def test_unclosed_and_unopened_brackets():
    assert [f[5] for f in findings(brackets, None, "Asia (UNRCCA.")] == ["( is never closed on this line"]
    assert [f[5] for f in findings(brackets, None, "Asia UNRCCA).")] == [") has no opening ( on this line"]
    assert [f[5] for f in findings(brackets, None, "Asia «UNRCCA.")] == ["« is never closed on this line"]
    assert [f[5] for f in findings(brackets, None, "Asia (UNRCCA].")] == ["( is closed by ] instead of )"]


def test_list_markers_and_source_quotes_pass():
    assert findings(brackets, None, "Our tasks: 1) peace; 2) security.") == []
    ru, en = wmt("tenge")  # the quotation opened in the previous segment, in both languages
    assert findings(brackets, ru, en) == []


def test_line_cut_off_mid_sentence_in_corpus_003():
    en = (DATA / "corpus_003_tail.txt").read_text(encoding="utf-8")
    line = en.splitlines()[2]
    assert findings(fragments, None, en) == [
        ("FRG001", "warning", 3, len(line) - 4, len(line) + 1, "line ends mid-sentence on “after”", None)]


def test_sentence_ending_on_an_article():
    assert findings(fragments, None, "The ministers discussed security and the.") == [
        ("FRG001", "warning", 1, 38, 41, "sentence ends on “the”: something is missing after it", None)]


@pytest.mark.parametrize("en", [
    "This is what we have been waiting for.",
    "Distinguished Colleagues,",
    "The role of the CSTO, SCO and CIS was discussed at the UN Security Council",
])
def test_complete_sentences_and_headlines_pass(en):
    assert findings(fragments, None, en) == []


def test_corpus_003_line_24_garbled_name_and_reversed_quotes():
    en = (DATA / "corpus_003_line24.txt").read_text(encoding="utf-8")
    assert findings(repeated_words, None, en) == [
        ("REP001", "error", 1, 355, 378, "“Nations” is repeated in “Nations Charter Nations”", "Nations Charter")]
    assert findings(brackets, None, en) == [
        ("QUO001", "warning", 1, 379, 421, "quotation marks are reversed: ” opens and “ closes", None),
        ("QUO001", "warning", 1, 262, 263, "“ is never closed on this line", None),
        ("QUO001", "warning", 1, 590, 591, 'odd number of straight quotation marks (") on this line', None)]
