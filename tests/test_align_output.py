"""Alignment writers: ladder (and its parser), tsv, jsonl positions, TMX as valid XML."""

import json

import defusedxml.ElementTree as ElementTree
import pytest

from aligner.errors import InputError
from aligner.output.alignment import ladder_line, parse_ladder, render
from aligner.output.tmx import render_tmx
from aligner.records import Bead, Document, Pair, Sentence

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def sentences_of(document: Document, texts: list[str], lang: str) -> list[Sentence]:
    found, start = [], 0
    for text in texts:
        start = document.text.index(text, start)
        found.append(Sentence(start, start + len(text), text, lang))
        start += len(text)
    return found


@pytest.fixture
def alignment() -> Pair:
    ru = Document("ru.txt", "Заголовок\r\nПервое предложение. Второе <b> & \"x\".\r\nЛишнее.\r\n")
    en = Document("en.txt", "Title\nThe first and second sentence <b> & \"x\".\n\tTab\there.\n")
    ru_sentences = sentences_of(ru, ["Заголовок", "Первое предложение.", "Второе <b> & \"x\".",
                                     "Лишнее."], "ru")
    en_sentences = sentences_of(en, ["Title", "The first and second sentence <b> & \"x\".",
                                     "Tab\there."], "en")
    beads = [Bead((0,), (0,), 0.9), Bead((1, 2), (1,), 0.8125), Bead((3,), (), 0.0),
             Bead((), (2,), 0.0)]
    return Pair(en, en_sentences, ru, ru_sentences, beads)


def test_ladder_lines_have_vecalign_shape():
    assert ladder_line(Bead((3, 4), (3,), 0.812)) == "[3, 4]:[3]:0.812"
    assert ladder_line(Bead((5,), (), 0.0)) == "[5]:[]:0.000"
    assert ladder_line(Bead((), (7, 8, 9), 1.0)) == "[]:[7, 8, 9]:1.000"


def test_ladder_round_trip(alignment):
    text = render(alignment, "ladder")
    assert text == "[0]:[0]:0.900\n[1, 2]:[1]:0.812\n[3]:[]:0.000\n[]:[2]:0.000\n"
    assert parse_ladder(text) == [Bead((0,), (0,), 0.9), Bead((1, 2), (1,), 0.812),
                                  Bead((3,), (), 0.0), Bead((), (2,), 0.0)]


def test_malformed_ladder_line_names_its_line():
    with pytest.raises(InputError) as caught:
        parse_ladder("[0]:[0]:0.5\n\n[1]-[1]:0.5\n", "a.ladder")
    assert str(caught.value) == (
        "a.ladder:3: not a ladder line (expected like [3, 4]:[3]:0.812): '[1]-[1]:0.5'")


def test_tsv_has_one_row_per_bead_without_inner_tabs(alignment):
    assert render(alignment, "tsv").splitlines() == [
        "Заголовок\tTitle\t0.900",
        "Первое предложение. Второе <b> & \"x\".\tThe first and second sentence <b> & \"x\".\t0.812",
        "Лишнее.\t\t0.000",
        "\tTab here.\t0.000"]


def test_jsonl_positions_point_into_both_files(alignment):
    records = [json.loads(line) for line in render(alignment, "jsonl").splitlines()]
    assert len(records) == 4
    merged = records[1]
    assert merged["ru"] == [1, 2] and merged["en"] == [1] and merged["kind"] == "2-1"
    assert merged["score"] == 0.8125
    assert merged["ru_span"] == {"path": "ru.txt", "start": 11, "end": 48, "line": 2, "column": 1,
                                 "end_line": 2, "end_column": 38}
    assert alignment.source.text[11:48] == "Первое предложение. Второе <b> & \"x\"."
    assert merged["en_span"] == {"path": "en.txt", "start": 6, "end": 46, "line": 2, "column": 1,
                                 "end_line": 2, "end_column": 41}
    assert alignment.target.text[6:46] == "The first and second sentence <b> & \"x\"."
    assert records[2]["en_span"] is None and records[2]["en_text"] == ""
    assert records[3]["ru_span"] is None
    assert records[3]["en_span"]["line"] == 3 and records[3]["en_span"]["column"] == 2


def test_tmx_is_valid_xml_with_one_unit_per_bead(alignment):
    root = ElementTree.fromstring(render(alignment, "tmx").encode("utf-8"))
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    assert header.get("srclang") == "ru" and header.get("segtype") == "sentence"
    units = root.find("body").findall("tu")
    assert len(units) == 4
    merged = units[1]
    assert {p.get("type"): p.text for p in merged.findall("prop")} == {
        "x-score": "0.812", "x-kind": "2-1", "x-ru-sentences": "1,2", "x-en-sentences": "1"}
    assert [(v.get(XML_LANG), v.find("seg").text) for v in merged.findall("tuv")] == [
        ("ru", "Первое предложение. Второе <b> & \"x\"."),
        ("en", "The first and second sentence <b> & \"x\".")]
    assert [v.get(XML_LANG) for v in units[2].findall("tuv")] == ["ru"]
    assert [v.get(XML_LANG) for v in units[3].findall("tuv")] == ["en"]


def test_tmx_writer_takes_generic_units_and_drops_control_characters():
    text = render_tmx([("Ошибка\x0bздесь", "Error\x00 here", {"x-note": "edited <by> editor"})])
    root = ElementTree.fromstring(text.encode("utf-8"))
    unit = root.find("body").find("tu")
    assert unit.find("prop").text == "edited <by> editor"
    assert [v.find("seg").text for v in unit.findall("tuv")] == ["Ошибказдесь", "Error here"]
