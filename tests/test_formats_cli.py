"""Bilingual files end to end: check (every output format), --annotate, fix, on corpus/xliff
and on files written by translate-toolkit and after memoQ's and Trados' formats."""

from __future__ import annotations

import json
import os
import shutil
from collections import Counter
from pathlib import Path

import pytest

from aligner.cli import main
from aligner.engine import check_paths
from aligner.formats import read_bilingual
from aligner.formats.xmlspans import parse

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "formats"
XLIFF = ("corpus/xliff/corpus.xlf", "corpus/xliff/corpus.xlf2")


@pytest.fixture(autouse=True)
def in_repository(monkeypatch):
    monkeypatch.chdir(ROOT)  # relative paths as a user types them; ./setup.cfg has no rule settings


@pytest.fixture(scope="module")
def plain():
    os.chdir(ROOT)
    return check_paths(["corpus"])


def _key(finding, prefix: str) -> tuple:
    evidence = finding.evidence.text if finding.evidence else None
    return (os.path.basename(finding.path), finding.rule, finding.severity, finding.text,
            finding.message.replace(prefix, ""), finding.suggestion, evidence)


@pytest.mark.parametrize("path", XLIFF)
def test_corpus_as_xliff_gives_the_findings_of_the_plain_text_pairs(plain, path):
    xliff = check_paths([path])
    assert Counter(_key(f, path + "/") for f in xliff.findings) == \
        Counter(_key(f, "corpus/en/") for f in plain.findings)
    assert len(xliff.findings) == len(plain.findings) > 30
    assert all(f.unit for f in xliff.findings)


def test_a_finding_is_placed_as_file_unit_line_column(capsys):
    assert main(["check", "tests/data/formats/memoq.mqxliff", "--select", "NUM001,TAG001"]) == 1
    assert capsys.readouterr().out == (
        "tests/data/formats/memoq.mqxliff#2:1:1: TAG001 the translation lost the tag "
        '<ph id="1" ctype="x-tab">{}</ph> of its source\n'
        "    source tests/data/formats/memoq.mqxliff#2:1:1: Последний был подписан 19 сентября 2016 "
        "года в ходе Саммита по проблемам беженцев и мигрантов в Нью-Йорке.\n"
        "tests/data/formats/memoq.mqxliff#2:1:40: NUM001 “2015” does not match the source, which has "
        "“2016” (suggestion: 2016)\n"
        "    source tests/data/formats/memoq.mqxliff#2:1:1: Последний был подписан 19 сентября 2016 "
        "года в ходе Саммита по проблемам беженцев и мигрантов в Нью-Йорке.\n")


def test_every_output_format_names_the_unit(capsys):
    args = ["check", "tests/data/formats/memoq.mqxliff", "--select", "NUM001", "--format"]
    main(args + ["json"])
    finding = json.loads(capsys.readouterr().out)["findings"][0]
    assert (finding["file"], finding["unit"], finding["line"], finding["column"]) == \
        ("tests/data/formats/memoq.mqxliff", "2", 1, 40)
    main(args + ["sarif"])
    result = json.loads(capsys.readouterr().out)["runs"][0]["results"][0]
    location = result["locations"][0]
    assert location["logicalLocations"][0]["name"] == "2"
    # the region points into the XLIFF file itself: line 11, after '<target xml:space="preserve">'
    assert location["physicalLocation"]["region"]["startLine"] == 11
    line = (DATA / "memoq.mqxliff").read_text(encoding="utf-8").splitlines()[10]
    column = location["physicalLocation"]["region"]["startColumn"]
    assert line[column - 1:column + 3] == "2015"
    main(args + ["github"])
    assert capsys.readouterr().out.startswith(
        f"::error file=tests/data/formats/memoq.mqxliff,line=11,col={column},endLine=11,"
        f"endColumn={column + 4},title=NUM001 (unit 2)::")
    main(args + ["junit"])
    assert ('name="NUM001 unit 2 line 1 column 40" file="tests/data/formats/memoq.mqxliff" line="11"'
            in capsys.readouterr().out)


@pytest.mark.parametrize("name", ["sample.po", "sample.tmx", "sample.tsv", "sample.xlf", "trados.sdlxliff"])
def test_each_format_is_checked_with_unit_positions(capsys, name):
    main(["check", f"tests/data/formats/{name}", "--select", "NUM001,CLQ001"])
    out = capsys.readouterr().out
    units = {"sample.po": ("3", "2"), "sample.tmx": ("3", "2"), "sample.tsv": ("3", None),
             "sample.xlf": ("5", "4"), "trados.sdlxliff": (None, "0d8c1d6e-2a10-4c1b-8f1a-3c3b9b9a0002")}
    number_unit, site_unit = units[name]
    if number_unit:
        assert f"tests/data/formats/{name}#{number_unit}:1:40: NUM001 “2015”" in out
    if site_unit:
        assert f"tests/data/formats/{name}#{site_unit}:1:5: CLQ001 “UN site” is a calque" in out


def test_annotate_writes_one_note_per_finding_that_translate_toolkit_lists(tmp_path, capsys):
    from translate.storage.xliff import xlifffile

    out = tmp_path / "checked.xlf"
    assert main(["check", XLIFF[0], "--annotate", str(out)]) == 1
    findings = capsys.readouterr().out.count("\n    source ")  # one evidence line per finding here
    store = xlifffile.parsefile(str(out))
    notes = [note for unit in store.units for note in unit.getnotes("aligner").split("\n") if note]
    assert len(notes) == findings == 40
    assert any(note.startswith("aligner REP001 error at 1:355: “Nations” is repeated") for note in notes)
    unit = next(u for u in store.units if u.getid().endswith("000-19"))
    assert unit.getnotes("aligner").startswith(
        "aligner ENT001 error at 1:154: 'Office for the Coordination of Terrorism' is not the name")


def test_annotate_refuses_a_format_without_notes_before_checking(tmp_path, capsys):
    assert main(["check", "tests/data/formats/sample.tsv", "--annotate", str(tmp_path / "x.tsv")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == ("aligner: error: tests/data/formats/sample.tsv: --annotate writes notes "
                            "into XLIFF, TMX or PO; tsv has none\n")


def test_po_notes_are_translator_comments_and_fixes_mark_the_entry_fuzzy(tmp_path, capsys):
    from translate.storage import po

    annotated, fixed = tmp_path / "checked.po", tmp_path / "fixed.po"
    assert main(["check", "tests/data/formats/sample.po", "--select", "NUM001", "--annotate", str(annotated)]) == 1
    before = (DATA / "sample.po").read_bytes()
    note = "# aligner NUM001 error at 1:40: “2015” does not match the source, which has “2016” (suggestion: 2016)\n"
    at = before.index(b'msgid ""\n"\xd0\x9f\xd0\xbe\xd1\x81')  # the third entry
    assert annotated.read_bytes() == before[:at] + note.encode() + before[at:]
    assert main(["fix", "tests/data/formats/sample.po", "--accept", "NUM001", "-o", str(fixed)]) == 0
    capsys.readouterr()
    entries = [unit for unit in po.pofile.parsefile(str(fixed)).units if not unit.isheader()]
    assert [(unit.target[:40], unit.isfuzzy()) for unit in entries] == [
        ("Please draw your attention to these new ", False),
        ("The UN site has essentially become one o", False),
        ("The latter was signed on September 19, 2", True),
        ("Distinguished Colleagues,", False)]
    assert "September 19, 2016 during" in entries[2].target
    after = fixed.read_bytes()
    assert after[:at] == before[:at] and after.endswith(before[before.index(b'msgid "\xd0\xa3'):])


def _outside_targets(data: bytes) -> list[bytes]:
    """The file's bytes with every <target> element and <segment> start tag cut out."""
    root = parse(data, "x").root
    cuts = sorted([(e.start, e.end) for e in root.iter("target")]
                  + [(e.start, e.tag_end) for e in root.iter("segment")])
    pieces, position = [], 0
    for start, end in cuts:
        pieces.append(data[position:start])
        position = end
    return pieces + [data[position:]]


@pytest.mark.parametrize("path", XLIFF[1:])  # 1.2 targets go through the same byte splicing
def test_fix_round_trips_every_byte_outside_the_corrected_targets(tmp_path, capsys, path):
    out = tmp_path / os.path.basename(path)
    assert main(["fix", path, "--accept", "all", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("applied 25 edits; 0 refused (inline tags); 0 in conflict")
    before, after = Path(path).read_bytes(), out.read_bytes()
    assert _outside_targets(before) == _outside_targets(after)
    old, new = read_bilingual(path), read_bilingual(out)
    assert [u.id for u in old.units] == [u.id for u in new.units]
    assert [u.source.text for u in old.units] == [u.source.text for u in new.units]
    changed = [(a.target.text, b.target.text) for a, b in zip(old.units, new.units)
               if a.target.text != b.target.text]
    log = json.loads((tmp_path / (out.name + ".json")).read_text(encoding="utf-8"))
    assert len(changed) == len({edit["unit"] for edit in log["applied"]})
    assert ("the Charter of the United Nations Charter Nations" not in new.data.decode()
            and "Office for the Coordination of Humanitarian Affairs" in new.data.decode())
    marked = after.count(b"needs-review")
    assert marked == len(changed) if path.endswith(".xlf") else marked >= len(changed)


def test_fix_never_breaks_a_tag_and_keeps_trados_state_in_sdl_seg(tmp_path, capsys):
    sample = tmp_path / "statement.sdlxliff"
    shutil.copy(DATA / "trados.sdlxliff", sample)
    out = tmp_path / "fixed.sdlxliff"
    assert main(["fix", str(sample), "--accept", "CLQ001", "-o", str(out)]) == 0
    assert "applied 1 edit;" in capsys.readouterr().out
    data = out.read_bytes()
    assert b"The UN platform has essentially become" in data
    assert b'<sdl:seg id="1" conf="Draft" origin="interactive"/>' in data
    assert data.replace(b"UN platform", b"UN site").replace(b'conf="Draft"', b'conf="Translated"') \
        == sample.read_bytes()


def _readme_samples() -> list[tuple[list[str], str]]:
    """(arguments, expected output) of each console sample in the README's CAT-tool section."""
    import re
    import shlex

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## From your CAT tool"):]
    section = section[:section.index("\n## ", 1)]
    samples = []
    for block in re.findall(r"```console\n(.*?)```", section, re.S):
        command, _, output = block.partition("\n")
        assert command.startswith("$ aligner ")
        samples.append((shlex.split(command[len("$ aligner "):]), output))
    return samples


def test_readme_cat_tool_samples_are_real_output(tmp_path, monkeypatch, capsys):
    shutil.copytree(DATA, tmp_path / "tests" / "data" / "formats")
    monkeypatch.chdir(tmp_path)
    samples = _readme_samples()
    assert len(samples) == 2
    for arguments, expected in samples:
        main(arguments)
        captured = capsys.readouterr()
        assert captured.out + captured.err == expected, " ".join(arguments)
    notes = (tmp_path / "checked.mqxliff").read_text(encoding="utf-8")
    assert ('<note from="aligner" priority="1" annotates="target">aligner NUM001 error at 1:40: '
            "“2015” does not match the source") in notes


def test_utf16_crlf_xliff_is_checked_annotated_and_fixed_in_its_own_encoding(tmp_path, capsys):
    text = (DATA / "tags.xlf2").read_text(encoding="utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    original = tmp_path / "statement.xlf"
    original.write_bytes(text.replace("\n", "\r\n").encode("utf-16"))  # BOM + UTF-16-LE, CRLF
    annotated, fixed = tmp_path / "checked.xlf", tmp_path / "fixed.xlf"
    assert main(["check", str(original), "--select", "TAG001", "--annotate", str(annotated)]) == 1
    assert capsys.readouterr().out.startswith(f"{original}#u1:1:1: TAG001 the translation lost the tag <ph id=\"2\"/>")
    notes = annotated.read_bytes().decode("utf-16")
    assert '\r\n        <note category="aligner" priority="1" appliesTo="target">aligner TAG001' in notes
    assert main(["fix", str(original), "--accept", "CLQ001", "-o", str(fixed)]) == 0
    expected = text.replace("\n", "\r\n").replace("The UN site", "The UN platform").replace(
        "Please draw your attention", "I would like to draw your attention").replace(
        '<segment id="s1" state="translated">',
        '<segment id="s1" state="translated" subState="aligner:needs-review">')
    assert fixed.read_bytes() == expected.encode("utf-16")


def test_source_option_with_a_bilingual_file_is_a_usage_error(capsys):
    assert main(["check", "tests/data/formats/sample.xlf", "--source", "corpus/ru/000_eee432a0b58034d3.txt"]) == 2
    assert capsys.readouterr().err == ("aligner: error: tests/data/formats/sample.xlf: a bilingual file "
                                       "carries its own source; drop --source\n")


def test_build_script_writes_xliff_that_reads_back_as_the_pair(tmp_path):
    import runpy

    for side, text in (("ru", "Уважаемые коллеги,\n\nПрошу обратить внимание на эти механизмы. Это важно.\n"),
                       ("en", "Distinguished Colleagues,\n\nPlease note these mechanisms. It matters.\n")):
        (tmp_path / side).mkdir()
        (tmp_path / side / "x.txt").write_text(text, encoding="utf-8")
    runpy.run_path(str(ROOT / "scripts" / "build_corpus_xliff.py"), run_name="build")["main"](str(tmp_path))
    for name in ("corpus.xlf", "corpus.xlf2"):
        units = read_bilingual(tmp_path / "xliff" / name).units
        assert [(u.id, u.source.text, u.target.text) for u in units] == [
            ("x.t-1", "Уважаемые коллеги,", "Distinguished Colleagues,"),
            ("x.t-3", "Прошу обратить внимание на эти механизмы. Это важно.",
             "Please note these mechanisms. It matters.")]
        assert [len(u.segments) for u in units] == [1, 2]
