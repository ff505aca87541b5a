"""aligner.formats: sniffing by content, units with masked tags, notes and corrections by byte spans."""

from __future__ import annotations

import os
import shutil

import pytest

from aligner.errors import InputError
from aligner.formats import read_bilingual, sniff
from aligner.formats.tags import tag_problems
from aligner.formats.write import Edit, Note, annotate, correct

DATA = os.path.join(os.path.dirname(__file__), "data", "formats")
CORPUS = os.path.join(os.path.dirname(__file__), "..", "corpus", "xliff")


def sample(name: str) -> str:
    return os.path.join(DATA, name)


@pytest.mark.parametrize("name, expected", [
    ("sample.po", ("po", "")), ("sample.xlf", ("xliff-1.2", "")), ("sample.tmx", ("tmx", "")),
    ("sample.xlf2", ("xliff-2.0", "")), ("sample.tsv", ("tsv", "")),
    ("memoq.mqxliff", ("xliff-1.2", "memoq")), ("trados.sdlxliff", ("xliff-1.2", "trados")),
])
def test_sniff_recognises_each_format_by_content_whatever_the_name(tmp_path, name, expected):
    renamed = tmp_path / "file.txt"
    shutil.copy(sample(name), renamed)
    assert sniff(renamed.read_bytes()) == expected
    assert read_bilingual(renamed).format == expected[0]


def test_sniff_leaves_plain_text_and_other_xml_alone():
    with open(os.path.join(os.path.dirname(__file__), "..", "corpus", "en", "000_eee432a0b58034d3.txt"), "rb") as f:
        assert sniff(f.read()) is None
    assert sniff(b'<?xml version="1.0"?>\n<html><body>x</body></html>') is None
    assert sniff("ru\ten\nМир\tPeace\n".encode("utf-16")) == ("tsv", "")  # Excel's Unicode text
    assert sniff("Мир\tPeace\nДом\tHouse\n".encode("utf-8")) == ("tsv", "")
    assert sniff(b"Chapter 1\tPeace\nChapter 2\tWar\n") is None  # an English text with tabs


@pytest.mark.parametrize("name", ["sample.po", "sample.xlf", "sample.tmx", "sample.xlf2"])
def test_translate_toolkit_files_give_the_same_four_units(name):
    units = read_bilingual(sample(name)).units
    assert [u.target.text for u in units] == [
        "Please draw your attention to these new mechanisms of interaction with the CIS.",
        "The UN site has essentially become one of the main places where CSTO partners make joint statements.",
        "The latter was signed on September 19, 2015 during the Summit on Refugees and Migrants in New York.",
        "Distinguished Colleagues,"]
    assert units[3].source.text == "Уважаемые коллеги,"


def test_inline_tags_are_masked_and_text_of_paired_tags_kept():
    memoq = read_bilingual(sample("memoq.mqxliff"))
    first = memoq.units[0]
    assert first.target.text == ("Please draw your attention to these new mechanisms of interaction "
                                 "with the CIS.")
    assert [tag.label for tag in first.target.tags] == ['<bpt id="1" ctype="bold">{}</bpt>',
                                                        '<ept id="1">{}</ept>']
    assert first.target.text[first.target.tags[0].offset:].startswith("these new")
    assert [(p.kind, p.tag.label) for p in tag_problems(memoq.units[1])] == [
        ("lost", '<ph id="1" ctype="x-tab">{}</ph>')]


def test_xliff2_tag_lost_and_tag_added_are_found():
    units = read_bilingual(sample("tags.xlf2")).units
    assert [(p.kind, p.tag.label, p.offset) for p in tag_problems(units[0])] == [("lost", '<ph id="2"/>', 0)]
    added = tag_problems(units[1])
    assert [(p.kind, p.tag.label) for p in added] == [("added", '<ph id="9"/>')]
    assert units[1].target.text[added[0].offset:] == "statements."


def test_trados_segments_come_from_seg_source_marks():
    unit = read_bilingual(sample("trados.sdlxliff")).units[0]  # the translate="no" unit is skipped
    assert [segment.id for segment in unit.segments] == ["1", "2"]
    start, end = unit.segments[1].target
    assert unit.target.text[start:end] == "Distinguished Colleagues,"
    assert [(p.kind, p.tag.label) for p in tag_problems(unit)] == [("lost", '<g id="pt1">')]


def test_annotate_adds_notes_that_translate_toolkit_reads(tmp_path):
    from translate.storage.xliff import xlifffile
    from translate.storage.xliff2 import Xliff2File

    for name in ("sample.xlf", "sample.xlf2", "memoq.mqxliff", "tags.xlf2", "trados.sdlxliff"):
        bilingual = read_bilingual(sample(name))
        unit = bilingual.units[-1]
        out = tmp_path / f"annotated-{name}"
        out.write_bytes(annotate(bilingual, [Note(unit, "error", "NUM001 '2015' <> «2016»"),
                                             Note(unit, "info", "second note")]))
        store = (Xliff2File if bilingual.format == "xliff-2.0" else xlifffile).parsefile(str(out))
        found = [u for u in store.units if unit.id in u.getid().replace("::", "\x04").split("\x04")]
        assert found, name
        assert _notes(found[-1]) == ["NUM001 '2015' <> «2016»", "second note"], name
        again = read_bilingual(out)  # still well-formed, same units and texts
        assert [u.target.text for u in again.units] == [u.target.text for u in bilingual.units]


def _notes(unit) -> list[str]:
    """The aligner notes of a translate-toolkit unit. Its XLIFF 2.0 getnotes() looks for
    <notes> inside <segment>, where the 2.0 schema allows none; the spec puts them in
    <unit>, so for 2.0 they are read from the unit element translate-toolkit gives."""
    if hasattr(unit, "getunitelement"):
        element = unit.getunitelement()
        return [note.text for note in element.iter("{*}note") if note.get("category") == "aligner"]
    return unit.getnotes("aligner").split("\n")


def test_annotate_keeps_every_other_byte():
    bilingual = read_bilingual(sample("tags.xlf2"))
    note = Note(bilingual.units[0], "warning", "x")
    out = annotate(bilingual, [note])
    inserted = b'\n        <note category="aligner" priority="5" appliesTo="target">x</note>'
    at = bilingual.units[0].notes.at
    assert out == bilingual.data[:at] + inserted + bilingual.data[at:]


def test_fix_changes_only_the_corrected_target_and_its_state():
    bilingual = read_bilingual(sample("sample.xlf2"))
    unit = bilingual.units[2]
    at = unit.target.text.index("2015")
    data, applied, refused = correct(bilingual, [Edit(unit, at, at + 4, "2016")])
    assert len(applied) == 1 and refused == []
    start, end = unit.target.byte_span(at, at + 4)
    segment_tag = bilingual.data[unit.segments[0].state_tag[0]:unit.segments[0].state_tag[1]]
    assert segment_tag == b'<segment xml:space="preserve">'
    expected = bilingual.data.replace(
        segment_tag + b"<source>\xd0\x9f\xd0\xbe\xd1\x81",
        b'<segment xml:space="preserve" state="translated" subState="aligner:needs-review">'
        b"<source>\xd0\x9f\xd0\xbe\xd1\x81")
    shift = len(expected) - len(bilingual.data)
    expected = expected[:start + shift] + b"2016" + expected[end + shift:]
    assert data == expected
    assert read_bilingual_bytes(data).units[2].target.text.startswith("The latter was signed on September 19, 2016")


def read_bilingual_bytes(data: bytes):
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".xlf", delete=False) as handle:
        handle.write(data)
    try:
        return read_bilingual(handle.name)
    finally:
        os.unlink(handle.name)


def test_fix_escapes_text_and_never_crosses_a_tag():
    bilingual = read_bilingual(sample("memoq.mqxliff"))
    unit = bilingual.units[0]
    text = unit.target.text
    across = text.index("to these")  # "to " is before <bpt>, "these" inside it
    inside = text.index("new mechanisms")
    data, applied, refused = correct(bilingual, [Edit(unit, across, across + 8, "to those"),
                                                 Edit(unit, inside, inside + 3, "<new> & improved")])
    assert [edit.text for edit, reason in refused] == ["to those"]
    assert refused[0][1] == "it would cross an inline tag"
    assert [edit.text for edit in applied] == ["<new> & improved"]
    assert data == bilingual.data.replace(
        b'<target xml:space="preserve">Please draw',
        b'<target xml:space="preserve" state="needs-review-translation">Please draw').replace(
        b"these new mechanisms<ept", b"these &lt;new&gt; &amp; improved mechanisms<ept")


def test_fix_on_trados_marks_the_segment_draft():
    bilingual = read_bilingual(sample("trados.sdlxliff"))
    unit = bilingual.units[0]
    at = unit.target.text.index("UN site")
    data, applied, _ = correct(bilingual, [Edit(unit, at, at + 7, "UN platform")])
    assert b'<sdl:seg id="1" conf="Draft" origin="interactive"/><sdl:seg id="2" conf="Translated"' in data
    assert b"The UN platform has" in data


def test_corpus_xliff_units_are_the_corpus_lines():
    with open(os.path.join(CORPUS, "..", "en", "003_d8baf50c479c5e8c.txt"), encoding="utf-8") as f:
        lines = [line for line in f.read().splitlines() if line.strip()]
    for name in ("corpus.xlf", "corpus.xlf2"):
        bilingual = read_bilingual(os.path.join(CORPUS, name))
        units = [unit for unit in bilingual.units if unit.file == "003_d8baf50c479c5e8c.txt"]
        assert [unit.target.text for unit in units] == lines
        assert bilingual.files[0] == "000_eee432a0b58034d3.txt" and len(bilingual.files) == 5


@pytest.mark.parametrize("xml, reason", [
    (b'<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
     b'<xliff version="1.2"><file><body><trans-unit id="1"><source>&b;</source></trans-unit></body></file></xliff>',
     "refused XML: it declares the entity 'a'"),
    (b'<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
     b'<xliff version="1.2"><file><body><trans-unit id="1"><source>&e;</source></trans-unit></body></file></xliff>',
     "refused XML: it declares the entity 'e'"),
    (b'<xliff version="1.2"><file><body><trans-unit id="1"><source>x</target></trans-unit></body></file></xliff>',
     "not well-formed XML: mismatched tag"),
])
def test_hostile_or_broken_xml_is_one_line_error(tmp_path, xml, reason):
    path = tmp_path / "bad.xlf"
    path.write_bytes(xml)
    with pytest.raises(InputError) as caught:
        read_bilingual(path)
    assert reason in str(caught.value)
    assert str(caught.value).startswith(str(path))


def test_deep_nesting_refused(tmp_path):
    path = tmp_path / "deep.xlf"
    path.write_bytes(b'<xliff version="1.2">' + b"<g>" * 5000 + b"</g>" * 5000 + b"</xliff>")
    with pytest.raises(InputError, match="refused XML: elements nested deeper than 256"):
        read_bilingual(path)


def test_huge_file_refused_before_reading(tmp_path, monkeypatch):
    from aligner.formats import xmlspans

    path = tmp_path / "big.xlf"
    shutil.copy(sample("sample.xlf"), path)
    monkeypatch.setattr(xmlspans, "MAX_BYTES", 100)
    with pytest.raises(InputError, match="file too large"):
        read_bilingual(path)


def test_fix_refuses_a_locked_trados_segment(tmp_path):
    locked = tmp_path / "locked.sdlxliff"
    with open(sample("trados.sdlxliff"), "rb") as handle:
        original = handle.read()
    locked.write_bytes(original.replace(b'<sdl:seg id="1" conf="Translated"',
                                        b'<sdl:seg id="1" locked="true" conf="Translated"'))
    bilingual = read_bilingual(locked)
    unit = bilingual.units[0]
    at = unit.target.text.index("UN site")
    data, applied, refused = correct(bilingual, [Edit(unit, at, at + 7, "UN platform")])
    assert applied == [] and [reason for _, reason in refused] == ["the segment is locked in the CAT tool"]
    assert data == bilingual.data != original


def test_fix_withdraws_the_approval_of_a_corrected_unit():
    bilingual = read_bilingual(sample("sample.xlf"))  # po2xliff marks translated units approved="yes"
    unit = bilingual.units[2]
    at = unit.target.text.index("2015")
    data, _, _ = correct(bilingual, [Edit(unit, at, at + 4, "2016")])
    assert data == bilingual.data.replace(
        b'<trans-unit xml:space="preserve" id="5" approved="yes">',
        b'<trans-unit xml:space="preserve" id="5" approved="no">').replace(
        b'<target state="translated">The latter was signed on September 19, 2015',
        b'<target state="needs-review-translation">The latter was signed on September 19, 2016')
