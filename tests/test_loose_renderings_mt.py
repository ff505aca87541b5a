"""ADD001 and OMI001 on two classes found by judging machine translations of WMT22 dev
(bench/mt_precision.py, [held-out-2]): a sentence rendered twice, and a sentence the two
segmenters cut differently at an ellipsis. Whole documents (tests/data/rules/README.md),
each beside the same text with the condition removed, so the rule still fires there."""

from __future__ import annotations

from rule_pairs import DATA, findings

from aligner.config import Config
from aligner.engine import check_texts

from aligner.checks import omi001_omitted_source_sentence as omission


def found(source: str, target: str) -> list[tuple[str, str]]:
    result = check_texts(source, target, Config(select=("ADD001", "OMI001")))
    return [(f.rule, f.text) for f in result.findings]


def text(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def test_a_sentence_rendered_twice_is_no_addition_and_the_one_it_replaced_is_an_omission():
    ru, en = text("wmt22_social_ru_192.ru.txt"), text("wmt22_social_ru_192.srpol.en.txt")
    assert found(ru, en) == [("OMI001", "And most importantly, in their opinion, all but the most...")]
    unrelated = en.replace("They no longer know what to think, who to blame.",
                           "The museum reopened in May after a long renovation.")
    assert ("ADD001", "The museum reopened in May after a long renovation.") in found(ru, unrelated)


def test_a_piece_cut_at_an_ellipsis_the_source_sentence_holds_is_no_addition():
    ru, en = text("wmt22_social_ru_106.ru.txt"), text("wmt22_social_ru_106.online-g.en.txt")
    assert found(ru, en) == []
    assert found(ru.replace("немножко... множко", "немножко множко"), en) == [
        ("ADD001", "I'll give you a little...")]


def test_a_source_piece_cut_at_an_ellipsis_the_english_holds_is_no_omission():
    # the same Online-G sentence the other way round: the Russian segmenter cuts it (a capital
    # after the ellipsis), the English keeps it whole; aligned 1-0 + 1-1 by hand
    ru = "Света, ой, привет! Я вам немножко... Множко нахамила, до сих пор неловко, стыдно."
    beads = [((0,), (0,)), ((1,), ()), ((2,), (1,))]
    en = "Sveta, oh, hello! I was a little{} very rude to you, I'm still embarrassed, ashamed."
    assert findings(omission, ru, en.format("..."), beads) == []
    assert [f[:2] for f in findings(omission, ru, en.format(","), beads)] == [("OMI001", "warning")]
