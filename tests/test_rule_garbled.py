"""REP001, QUO001, FRG001 and ART001 on real text (corpus lines and WMT22 references)."""

import pytest
from rule_pairs import DATA, findings, wmt

from aligner.checks import quo001_unpaired_bracket_or_quote as brackets
from aligner.checks import art001_article_before_place as country_article
from aligner.checks import frg001_dangling_fragment as fragments
from aligner.checks import rep001_repeated_word as repeated_words


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
        ("REP001", "error", 1, 355, 378, "“Nations” is repeated in “Nations Charter Nations”", "Nations Charter"),
        ("REP001", "error", 1, 543, 554, "stray letter “e” before “emergency”", "emergency")]
    assert findings(brackets, None, en) == [
        ("QUO001", "warning", 1, 379, 421, "quotation marks are reversed: ” opens and “ closes", None),
        ("QUO001", "warning", 1, 262, 263, "“ is never closed on this line", None),
        ("QUO001", "warning", 1, 590, 591, 'odd number of straight quotation marks (") on this line', None)]


def test_stuttered_first_letter():
    # corpus/en/003_d8baf50c479c5e8c.txt line 24
    en = "the fight against terrorism, transnational crime, the illegal arms trade and e emergency situations."
    assert findings(repeated_words, None, en) == [
        ("REP001", "error", 1, 78, 89, "stray letter “e” before “emergency”", "emergency")]


@pytest.mark.parametrize("en", [
    "Patients with vitamin d deficiency were excluded.",
    "We chose plan b because it was cheaper.",
    "I don t think so.",
    "See point (e) emergency measures.",
    "Blah blah blah, he said.",
])
def test_letters_used_as_labels_or_contractions_pass(en):
    assert findings(repeated_words, None, en) == []


def test_sentence_without_main_clause():
    # corpus/en/001_471792af4a523792.txt line 19 (end) and line 61
    en = ("Regional organizations create new mechanisms for ensuring security. Thereby contributing "
          "to the expansion of the space of opportunities.\n"
          "The CSTO is open to joint actions. Including on the basis of the Russian proposal.")
    assert findings(fragments, None, en) == [
        ("FRG001", "warning", 1, 69, 76,
         "sentence opening with “Thereby” has no main clause: it belongs to the sentence before it", None),
        ("FRG001", "warning", 2, 36, 45,
         "sentence opening with “Including” has no main clause: it belongs to the sentence before it", None)]


@pytest.mark.parametrize("en", [
    "Thereby, they contributed to the expansion of opportunities.",
    "Thus the plan failed.",
    "Thus nothing changed.",
    "Including taxes, the price is five dollars.",
])
def test_sentences_with_a_main_clause_pass(en):
    assert findings(fragments, None, en) == []


def test_form_of_address_run_into_a_paragraph():
    # corpus/en/004_137a9162f5dac4a1.txt line 58
    en = "Conflicts must be settled on the basis of international law. Dear Mr. Chairman,\n"
    assert findings(fragments, None, en) == [
        ("FRG001", "warning", 1, 62, 80,
         "“Dear Mr. Chairman,” ends a paragraph: a form of address or heading has lost its line break",
         None)]


@pytest.mark.parametrize("en", ["Dear Mr. Chairman,", "Ladies and Gentlemen,", "He said: Mr. Smith,"])
def test_form_of_address_on_its_own_line_passes(en):
    assert findings(fragments, None, en) == []


def test_word_on_both_sides_of_another():
    # corpus/en/001_471792af4a523792.txt line 53
    en = "It prevents the use of technologies in the interests of the international terrorist international."
    assert findings(repeated_words, None, en) == [
        ("REP001", "warning", 1, 61, 98, "“international” stands on both sides of “terrorist” in "
         "“international terrorist international”: one of them is probably a garble", None)]


@pytest.mark.parametrize("en", [
    "Prices rose again and again.",
    "They searched the area house to house.",
    "The project is about people helping people.",
])
def test_joined_repetitions_pass(en):
    assert findings(repeated_words, None, en) == []


def test_article_before_a_country_name():
    # corpus/en/000_eee432a0b58034d3.txt line 17 (end)
    en = "It is held in Vienna, co-organized by the Russia. We support the SCO."
    assert findings(country_article, None, en) == [
        ("ART001", "warning", 1, 39, 49, "“the” before “Russia”: the name takes no article", "Russia")]


@pytest.mark.parametrize("en", [
    "He flew to the Netherlands.",
    "This was discussed during the Iran talks.",
    "The Russia of the 1990s was different.",
    "They built the China-Laos Railway.",
    "Exports to the UK.",
    "Peace in the Caucasus.",
])
def test_place_names_with_the_pass(en):
    assert findings(country_article, None, en) == []
