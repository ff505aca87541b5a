"""OMI001, ADD001 and LEN001 on hand-aligned real WMT22 pairs (the aligner is tested elsewhere)."""

from rule_pairs import findings, wmt

from aligner.checks import add001_sentence_without_source as addition
from aligner.checks import len001_length_mismatch as length
from aligner.checks import omi001_omitted_source_sentence as omission

RU = " ".join(wmt(k)[0] for k in ("lit1", "lit2", "lit3"))
EN = " ".join(wmt(k)[1] for k in ("lit1", "lit2", "lit3"))


def test_clean_translation_passes_all_three():
    for rule in (omission, addition, length):
        assert findings(rule, RU, EN) == []


def test_omitted_source_sentence():
    en = " ".join(wmt(k)[1] for k in ("lit1", "lit3"))
    beads = [((0,), (0,)), ((1,), ()), ((2,), (1,))]
    assert findings(omission, RU, en, beads) == [
        ("OMI001", "error", 1, 99, 192,
         "the source sentence “Из русской литературы 19 века мы предпочитали Данилевского и Волконского.” "
         "has no translation before this sentence", None)]


def test_added_sentence():
    ru = " ".join(wmt(k)[0] for k in ("lit1", "lit3"))
    beads = [((0,), (0,)), ((), (1,)), ((1,), (2,))]
    assert findings(addition, ru, EN, beads) == [
        ("ADD001", "warning", 1, 99, 175, "this sentence has no source sentence (an addition?)", None)]


def test_omission_inside_a_merged_pair_is_a_length_mismatch():
    # The omitted sentence merged with the one before it. (Merged with the one after,
    # LEN001 abstains: "Balzac-aged" answers «возраста» and, by chance, «века» of the
    # omitted sentence, whose unmatched stretch is then too short to be a lost clause.)
    en = " ".join(wmt(k)[1] for k in ("lit1", "lit3"))
    beads = [((0, 1), (0,)), ((2,), (1,))]
    assert findings(length, RU, en, beads) == [
        ("LEN001", "warning", 1, 1, 98,
         "translation is much shorter than its source (97 characters where about 190 are expected): "
         "part of the source may be missing", None)]
    assert findings(omission, RU, en, beads) == []


def test_unpaired_neighbours_are_judged_as_one_pair():
    ru, en = wmt("lit3")
    en = "They wrote belle-lettres."
    assert findings(length, ru, en, [((0,), ()), ((), (0,))]) == [
        ("LEN001", "warning", 1, 1, 26,
         "translation is much shorter than its source (25 characters where about 87 are expected): "
         "part of the source may be missing", None)]
    assert findings(omission, ru, en, [((0,), ()), ((), (0,))]) == []
    assert findings(addition, ru, en, [((0,), ()), ((), (0,))]) == []


def test_source_piece_cut_at_a_latin_name_is_not_an_omission():
    """WMT22 dev xinhua-zh.15512: the segmenter cuts the Russian line at "CRRC Zhuzhou ..."."""
    ru, en = wmt("xinhua")
    assert findings(omission, ru, en, [((0,), ()), ((1, 2), (0,))]) == []
    assert findings(omission, ru, en, [((0, 1), (0,)), ((2,), ())]) == []


def test_cut_piece_is_reported_when_the_rest_is_rendered_too_briefly_to_hold_it():
    ru, _ = wmt("xinhua")
    en = "The company representative Hou Zhaowen said so."
    assert findings(omission, ru, en, [((0,), ()), ((1, 2), (0,))]) == [
        ("OMI001", "error", 1, 1, 48,
         "the source sentence “Основные технологии, разработанные компанией” has no translation before "
         "this sentence", None)]
