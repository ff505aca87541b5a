"""sacrebleu scores: corpus and per-sentence, with signatures, line pairing and errors."""

import json
from pathlib import Path

import pytest
import sacrebleu

from aligner.cli import main
from aligner.errors import InputError, UsageError
from aligner.io import read_document
from aligner.records import Document
from aligner.score import distance, parse_metrics, score_documents, segments

DATA = Path(__file__).parent / "data" / "editor"
HYP, REF = DATA / "sputnik_online-b.txt", DATA / "sputnik_en.txt"
VERSION = sacrebleu.__version__


def test_corpus_scores_of_an_mt_output_against_the_human_reference():
    report = score_documents(read_document(HYP), read_document(REF))
    assert report.segments == 8
    assert [(s.name, round(s.score, 2)) for s in report.corpus] == [
        ("BLEU", 55.84), ("chrF2", 77.83), ("TER", 29.38)]
    assert [s.signature for s in report.corpus] == [
        f"nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:{VERSION}",
        f"nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:{VERSION}",
        f"nrefs:1|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:{VERSION}"]
    assert report.corpus[0].text.startswith("BLEU = 55.84 78.9/60.5/49.7/41.0 (BP = 1.000")


def test_sentence_scores_use_effective_order_bleu():
    report = score_documents(read_document(HYP), read_document(REF), ["bleu", "chrf"], sentences=True)
    assert [s.index for s in report.sentences] == list(range(1, 9))
    second = report.sentences[1]
    assert second.hypothesis == second.reference == "The Sputnik V vaccine is the most popular in Serbia."
    assert {name: round(value, 2) for name, value in second.scores.items()} == {"bleu": 100.0, "chrf": 100.0}
    assert round(report.sentences[2].scores["chrf"], 2) == 63.72
    assert report.sentence_signatures["bleu"] == f"nrefs:1|case:mixed|eff:yes|tok:13a|smooth:exp|version:{VERSION}"


def test_lines_blank_in_both_are_left_out_and_numbers_kept():
    hyp = Document("hyp.txt", "Serbia produced 2 million doses\n\nThe vaccine is popular.\n")
    ref = Document("ref.txt", "Serbia produced 2 mln doses\n\nThe Sputnik V vaccine is the most popular.\n")
    hyps, refs, numbers = segments(hyp, ref)
    assert numbers == [1, 3]
    assert hyps == ["Serbia produced 2 million doses", "The vaccine is popular."]


def test_different_line_counts_are_an_input_error():
    with pytest.raises(InputError, match="has 2 lines but the reference ref.txt has 1"):
        segments(Document("hyp.txt", "a\nb\n"), Document("ref.txt", "a\n"))


def test_metric_names_are_checked():
    assert parse_metrics("chrF, ter,chrf") == ["chrf", "ter"]
    with pytest.raises(UsageError, match="unknown metric 'meteor'"):
        parse_metrics("bleu,meteor")


def test_distance_of_an_unchanged_text_is_zero():
    original = read_document(REF)
    scores = {s.metric: s.score for s in distance(original, original.text).corpus}
    assert scores == {"chrf": 100.0, "ter": 0.0}
    edited = original.text.replace("Popović stated", "Popovich stated")
    scores = {s.metric: round(s.score, 2) for s in distance(original, edited).corpus}
    assert scores == {"chrf": 99.56, "ter": 0.62}  # one word of 161 replaced


def test_score_command_prints_scores_and_signatures(capsys):
    assert main(["score", str(HYP), str(REF), "--metrics", "chrf,ter", "--sentences"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:5] == [
        "8 segments", "chrF2 = 77.83",
        f"  signature: nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:{VERSION}",
        "TER = 29.38", f"  signature: nrefs:1|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:{VERSION}"]
    assert lines[6:9] == ["line     chrf      ter", "   1    87.14    22.22", "   2   100.00     0.00"]


def test_score_command_reports_bad_input_in_one_line(capsys, tmp_path):
    short = tmp_path / "short.txt"
    short.write_text("one line\n")
    assert main(["score", str(short), str(REF)]) == 2
    assert capsys.readouterr().err == (
        f"aligner: error: {short}: has 1 lines but the reference {REF} has 8; score compares line by line\n")


def test_score_command_json_has_scores_and_signatures(capsys):
    assert main(["score", str(HYP), str(REF), "--metrics", "bleu", "--format", "json", "--sentences"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["segments"] == 8
    assert data["corpus"] == [{"metric": "bleu", "name": "BLEU", "score": 55.8374,
                               "signature": f"nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:{VERSION}"}]
    assert [s["line"] for s in data["sentences"]] == list(range(1, 9))
    assert data["sentences"][1]["scores"] == {"bleu": 100.0}
