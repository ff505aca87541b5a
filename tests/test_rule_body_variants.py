"""ENT003: one body named several ways across the documents checked together."""

from __future__ import annotations

import pickle

from test_termbase import lines, make_pair

from aligner.checks import ent003_body_named_inconsistently as body_variants


def corpus(pairs) -> list:
    """ENT003's corpus-wide findings over these documents' summaries."""
    return list(body_variants.check_corpus([body_variants.summarize(pair) for pair in pairs]))


def test_one_office_named_three_ways_across_two_documents():
    pairs = [make_pair(None, lines("000_excerpt.en.txt"), path="000.en.txt"),
             make_pair(None, lines("001_excerpt.en.txt"), path="001.en.txt")]
    found = corpus(pairs)
    assert [(f.rule, f.path, f.line, f.column, f.text, f.message, f.suggestion) for f in found] == [
        ("ENT003", "000.en.txt", 3, 388, "UN Environment Program",
         "'UN Environment Program' spells 'Programme' as 'Program', which no name of United "
         "Nations Environment Programme (UNEP) does (UN names have one spelling)",
         "UN Environment Programme"),
        ("ENT003", "000.en.txt", 3, 206, "Office for Counter-Terrorism",
         "Office of Counter-Terrorism (UNOCT) is named 3 ways: 'UN Office of Counter-Terrorism' "
         "(canonical; this document ×2); 'Office for Counter-Terrorism' (not a real name; "
         "this document); 'UN Counter-Terrorism Office' (variant; 001.en.txt)",
         "Office of Counter-Terrorism")]
    assert [(place.path, place.line, place.column, place.text) for place in found[1].related] == [
        ("000.en.txt", 1, 154, "'UN Office of Counter-Terrorism' (canonical)"),
        ("000.en.txt", 2, 426, "'United Nations Office of Counter-Terrorism' (canonical)"),
        ("001.en.txt", 1, 67, "'UN Counter-Terrorism Office' (variant)")]


def test_the_same_name_with_and_without_its_organisation_is_one_form():
    pair = make_pair(None, ["Contacts with the UN Office of Counter-Terrorism.",
                            "Cooperation with the United Nations Office of Counter-Terrorism "
                            "(UNOCT) and the Office of Counter-Terrorism."])
    assert corpus([pair]) == []
    assert list(body_variants.check(pair)) == []


def test_us_spellings_of_national_bodies_are_accepted_usage():
    pair = make_pair(None, ["The Russian Ministry of Defense, the World Food Programme and "
                            "the International Labour Organization."])
    assert corpus([pair]) == []


def test_a_un_body_respelled():
    pair = make_pair(None, ["The World Health Organisation and the UN Development Program."])
    assert [(f.text, f.suggestion) for f in corpus([pair])] == [
        ("World Health Organisation", "World Health Organization"),
        ("UN Development Program", "UN Development Programme")]


def test_the_summaries_give_the_same_findings_after_a_trip_through_pickle():
    pairs = [make_pair(None, lines("000_excerpt.en.txt"), path="000.en.txt"),
             make_pair(None, lines("001_excerpt.en.txt"), path="001.en.txt")]
    summaries = [pickle.loads(pickle.dumps(body_variants.summarize(pair))) for pair in pairs]
    found = list(body_variants.check_corpus(summaries))
    assert [f.text for f in found] == ["UN Environment Program", "Office for Counter-Terrorism"]
    assert found == corpus(pairs)
