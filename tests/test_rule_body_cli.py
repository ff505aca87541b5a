"""The body-name rules through `aligner check` (English only, so no aligner involved)."""

from __future__ import annotations

from test_termbase import DATA

from aligner.cli import main


def test_check_reports_the_garbled_un_office(tmp_path, capsys):
    english = tmp_path / "speech.txt"
    english.write_text((DATA / "000_excerpt.en.txt").read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["check", str(english), "--select", "ENT001"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[1] == (
        f"{english}:3:154: ENT001 'Office for the Coordination of Terrorism' is not the name of "
        "any UN body; nearest real: Office for the Coordination of Humanitarian Affairs (OCHA); "
        "Office of Counter-Terrorism (UNOCT) (suggestion: check which body is meant: Office for "
        "the Coordination of Humanitarian Affairs or Office of Counter-Terrorism)")


def test_a_bad_glossary_is_a_one_line_error_with_file_and_line(tmp_path, capsys):
    english = tmp_path / "speech.txt"
    english.write_text("The CSTO Secretariat met.\n", encoding="utf-8")
    bad = DATA / "bad_glossary.tsv"
    assert main(["check", str(english), "--glossary", str(bad), "--select", "TRM001"]) == 2
    assert capsys.readouterr().err == (
        f"aligner: error: {bad}:2: expected 'Russian term<TAB>English rendering'\n")
