"""Loose but correct renderings (issue 16): OMI001 and ADD001 on merged and split sentences,
LEN001 in a document translated loosely throughout. Sentences from WMT21 ru-en reference A
(TED talks 6 and 9, reversed en-ru) and WMT22 en-ru (segments 1321-1341, Russian as
source), hand-aligned as the aligner aligned them in bench/false_alarms.py; each case sits
beside the same text with the condition removed, so the rule still fires where it should."""

from __future__ import annotations

import csv

from rule_pairs import DATA, findings

from aligner.records import Document
from aligner.segment import document_sentences

from aligner.checks import add001_sentence_without_source as addition
from aligner.checks import len001_length_mismatch as length
from aligner.checks import omi001_omitted_source_sentence as omission

FLOWERS_RU = ("Четверть миллиона — по крайней мере, тех, которые нам известны — четверть миллиона видов "
              "цветковых растений. Цветы – это настоящая проблема для растений: их тяжело создавать, "
              "они требуют огромного количества энергии и ресурсов.")
FLOWERS_EN = ("There are a quarter of a million -- at least those are the ones we know about -- a quarter of a "
              "million species of flowering plants. {} They're really difficult for plants to produce. "
              "They take an enormous amount of energy and a lot of resources.")
FLOWERS_BEADS = [((0,), (0,)), ((), (1,)), ((1,), (2, 3))]


def test_a_split_rendering_is_no_addition():
    """"flowers" and "real" render Цветы and настоящая, which the rest of the pair leaves out."""
    assert findings(addition, FLOWERS_RU, FLOWERS_EN.format("And flowers are a real bugger."), FLOWERS_BEADS) == []


def test_an_unrelated_sentence_there_is_an_addition():
    en = FLOWERS_EN.format("The museum reopened in May after a long renovation.")
    assert [f[:2] for f in findings(addition, FLOWERS_RU, en, FLOWERS_BEADS)] == [("ADD001", "warning")]


def power_document(drop_english: int | None = None) -> tuple[str, str, list[tuple]]:
    """WMT22 en-ru segments 1321-1341, Russian as source, aligned segment by segment except
    segment 1338, which is left unpaired and its English given to 1339 (as the aligner did);
    ``drop_english`` leaves that segment's English out of the translation."""
    with open(DATA / "wmt22_enru_1321.tsv", encoding="utf-8") as handle:
        rows = list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))
    ru_index = en_index = 0
    beads, en_texts = [], []
    for row in rows:
        keep = int(row["seg"]) != drop_english
        ru_count = len(document_sentences(Document("x", row["ru"])))
        en_count = len(document_sentences(Document("x", row["en"]))) if keep else 0
        beads.append((tuple(range(ru_index, ru_index + ru_count)), tuple(range(en_index, en_index + en_count))))
        ru_index, en_index = ru_index + ru_count, en_index + en_count
        en_texts += [row["en"]] if keep else []
    ru_text = " ".join(row["ru"] for row in rows)
    return ru_text, " ".join(en_texts), beads


def test_a_re_pairing_closer_than_the_aligners_is_no_omission():
    """The aligner gave "One time ..." to the next source sentence (1-0 + 1-2): the document's
    translation is terse, and 1-1 + 1-1 fits better than that 1-2 pair."""
    ru, en, beads = power_document()
    at = 1338 - 1321
    beads[at + 1] = (beads[at + 1][0], beads[at][1] + beads[at + 1][1])
    beads[at] = (beads[at][0], ())
    assert findings(omission, ru, en, beads) == []


def test_the_same_sentence_really_left_out_is_an_error():
    ru, en, beads = power_document(drop_english=1338)
    assert [f[:2] for f in findings(omission, ru, en, beads)] == [("OMI001", "error")]


CORRELATION_RU = ("Неравные страны в целом имеют больше сложностей со всеми этими социальными проблемами. "
                  "Это необычайно тесная связь. Вы видите, что корреляция необычайно высока.")
CORRELATION_EN = "The more unequal countries are doing worse on all these kinds of social problems. {}"
CORRELATION_BEADS = [((0,), (0,)), ((1,), (1,)), ((2,), ())]


def test_an_omission_a_long_neighbour_may_hold_is_a_warning():
    """The Russian says it twice; the one English sentence is long for «Это необычайно тесная
    связь» and holds "correlation" (корреляция) of the unpaired sentence."""
    en = CORRELATION_EN.format("It's an extraordinarily close correlation.")
    assert [f[:2] for f in findings(omission, CORRELATION_RU, en, CORRELATION_BEADS)] == [("OMI001", "warning")]


def test_without_the_shared_word_it_stays_an_error():
    en = CORRELATION_EN.format("It's an extraordinarily close connection.")
    assert [f[:2] for f in findings(omission, CORRELATION_RU, en, CORRELATION_BEADS)] == [("OMI001", "error")]


def test_a_merged_rendering_is_no_omission():
    """The neighbour's English renders two content words of the unpaired sentence (three, hours)."""
    ru = ("Свет погас в шесть. Однажды электричество снова включили уже примерно через три часа.")
    en = "The lights went out at six and the power came back on about three hours later."
    assert findings(omission, ru, en, [((0,), (0,)), ((1,), ())]) == []
    assert [f[:2] for f in findings(omission, ru, "The lights went out at six in the evening.",
                                    [((0,), (0,)), ((1,), ())])] == [("OMI001", "error")]
