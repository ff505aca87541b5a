"""Hostile input, class by class: never crash, never hang, never lie in the exit code.

Exit codes as ruff has them: 0 clean, 1 findings, 2 usage / configuration / input error
and any internal error (one line naming file, rule and exception; the traceback only
with --debug). Each test is one class of input of issue 12.
"""

from __future__ import annotations

import codecs
import os
import re
import shutil
import stat
from pathlib import Path

import pytest

import aligner.checks as checks
from aligner.checks import Rule
from aligner.cli import main
from aligner.engine import check_texts
from aligner.io import decode, read_document, write_text
from aligner.entities.glossary import read_glossary

ROOT = Path(__file__).parents[1]
CORPUS = ROOT / "corpus"
NAME = "002_63d1d6def9e2a9b0.txt"
OTHER = "004_137a9162f5dac4a1.txt"


@pytest.fixture
def corpus(tmp_path):
    """A corpus folder with two of the bundled pairs (enough for "the others are checked")."""
    for side in ("en", "ru"):
        (tmp_path / "corpus" / side).mkdir(parents=True)
        for name in (NAME, OTHER):
            shutil.copy(CORPUS / side / name, tmp_path / "corpus" / side / name)
    return tmp_path / "corpus"


def _one_line(err: str) -> list[str]:
    lines = [line for line in err.splitlines() if line.startswith("aligner: error:")]
    assert "Traceback" not in err
    return lines


# -- numbers, rare characters ------------------------------------------------------------
def test_a_hundred_thousands_groups_and_huge_numbers_do_not_overflow():
    result = check_texts("Стоило 1" + " 000" * 120 + " рублей и " + "9" * 400 + " млн.",
                         "It cost 1" + ",000" * 120 + " roubles and " + "9" * 400 + " million.")
    assert result.problems == []
    assert check_texts(None, "A hundred hundred " + "hundred " * 200).problems == []


def test_tangut_and_khitan_letters_in_the_source_are_aligned():
    result = check_texts("Это \U00017000 слово. Ещё \U00018d00 одно.", "This is a word. One more.")
    assert result.problems == []
    assert len(result.pairs[0].beads) >= 1


# -- exit codes and error boundaries -----------------------------------------------------
def _crashing(pair):
    if "garbled" in pair.target.text:
        raise ZeroDivisionError("boom")
    return iter(())


def test_a_rule_crash_is_one_line_naming_file_rule_and_exception_and_the_rest_is_checked(
        corpus, monkeypatch, capsys):
    registry = dict(checks.all_rules())
    registry["CRS001"] = Rule(code="CRS001", name="crash", severity="error", summary="crashes",
                              doc="crashes", check=_crashing, module="tests.test_robust")
    monkeypatch.setattr(checks, "_registry", registry)
    (corpus / "en" / "zz.txt").write_text("This text is garbled.\n", encoding="utf-8")
    code = main(["check", str(corpus), "--select", "CRS001,NUM001", "--fail-on", "never"])
    out, err = capsys.readouterr()
    assert code == 2
    [line] = _one_line(err)
    assert re.search(r"zz\.txt: rule CRS001 failed: ZeroDivisionError: boom", line)
    assert "in 3 files" in err  # the other files were checked and summed up
    assert "1 file or rule could not be checked" in err
    assert main(["--debug", "check", str(corpus / "en" / "zz.txt"), "--select", "CRS001"]) == 2
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and 'raise ZeroDivisionError("boom")' in err


@pytest.mark.parametrize("encoding", ["rot13", "base64", "hex", "no-such-codec"])
def test_a_non_text_encoding_is_a_usage_error(corpus, capsys, encoding):
    assert main(["check", str(corpus), "--encoding", encoding]) == 2
    [line] = _one_line(capsys.readouterr().err)
    assert encoding in line


@pytest.mark.parametrize("text", ["select = NUM\n", "[aligner\nselect = NUM\n", "[other]\nx = 1\n",
                                  "[aligner]\nselect =\n", "[aligner]\nselect = NOPE\n"])
def test_broken_or_empty_configuration_is_an_error_not_a_clean_run(corpus, tmp_path, capsys, text):
    config = tmp_path / "aligner.cfg"
    config.write_text(text, encoding="utf-8")
    assert main(["check", str(corpus), "--config", str(config)]) == 2
    assert len(_one_line(capsys.readouterr().err)) == 1


def test_output_that_cannot_be_written_is_one_line(corpus, tmp_path, monkeypatch, capsys):
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", refuse)
    assert main(["check", str(corpus), "-o", str(tmp_path / "out.json"), "--format", "json"]) == 2
    [line] = _one_line(capsys.readouterr().err)
    assert "out.json: cannot write: Permission denied" in line


def test_empty_files_are_fine_for_fix_and_score(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["fix", str(empty), "--accept", "all", "-o", str(tmp_path / "out.txt")]) in (0, 1)
    assert main(["score", str(empty), str(empty)]) == 2
    assert _one_line(capsys.readouterr().err) == ["aligner: error: nothing to score: every line is empty"]


# -- directory mode ------------------------------------------------------------------------
def test_directory_mode_skips_fifos_hidden_and_sidecar_files_and_says_so(corpus, capsys):
    os.mkfifo(corpus / "en" / "pipe.txt")  # reading it would block forever
    for name in (".hidden.txt", f"{NAME}.orig", f"{NAME}.diff", f"{NAME}.json", "notes.md"):
        shutil.copy(corpus / "en" / NAME, corpus / "en" / name)
    assert main(["check", str(corpus), "--format", "json"]) == 1
    out, err = capsys.readouterr()
    assert '"files": 2' in out
    notes = "\n".join(line for line in err.splitlines() if "skipped" in line)
    assert "special file" in notes and "pipe.txt" in notes
    assert "sidecar" in notes and f"{NAME}.orig" in notes
    assert "hidden" in notes and "not matching *.txt" in notes


def test_a_bad_file_is_its_own_error_and_the_others_are_checked(corpus, capsys):
    (corpus / "en" / "binary.txt").write_bytes(b"\x00\x01\x02garbage")
    assert main(["check", str(corpus), "--format", "json"]) == 2
    out, err = capsys.readouterr()
    assert '"files": 2' in out
    [line] = _one_line(err)
    assert "binary.txt: binary file" in line


def test_an_unreadable_or_empty_en_folder_is_not_a_clean_run(corpus, monkeypatch, capsys):
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith(os.sep + "en"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert main(["check", str(corpus)]) == 2
    assert "cannot read folder: Permission denied" in capsys.readouterr().err
    monkeypatch.undo()
    for path in (corpus / "en").iterdir():
        path.unlink()
    assert main(["check", str(corpus)]) == 2
    assert "no files to check" in capsys.readouterr().err


# -- writing -------------------------------------------------------------------------------
def test_fix_in_place_follows_a_symlink(corpus, tmp_path, capsys):
    link = tmp_path / "link.txt"
    link.symlink_to(corpus / "en" / NAME)
    assert main(["fix", str(link), "--source", str(corpus / "ru" / NAME), "--accept", "NAM001",
                 "--in-place"]) == 0
    assert link.is_symlink()
    assert "Zhang Ming" in (corpus / "en" / NAME).read_text(encoding="utf-8")
    assert "Zhang Min." not in (corpus / "en" / NAME).read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding, bom", [("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-le", codecs.BOM_UTF16_LE),
                                           ("utf-8", codecs.BOM_UTF8), ("utf-32-be", codecs.BOM_UTF32_BE)])
def test_rewriting_keeps_encoding_bom_byte_order_and_line_ends(tmp_path, encoding, bom):
    path = tmp_path / "f.txt"
    path.write_bytes(bom + "Первая строка\r\nSecond line\n".encode(encoding))
    document = read_document(path)
    write_text(str(path), document.text.replace("Second", "2nd"), document.encoding)
    assert path.read_bytes() == bom + "Первая строка\r\n2nd line\n".encode(encoding)


def test_new_outputs_get_the_users_umask_not_0600(tmp_path):
    old = os.umask(0o022)
    try:
        write_text(str(tmp_path / "report.html"), "<p>x</p>")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "report.html").stat().st_mode) == 0o644


# -- encodings, baselines, glossaries ------------------------------------------------------
def test_an_all_capitals_cp1251_line_is_read_as_cp1251_not_koi8r():
    text = "ЗАЯВЛЕНИЕ МИНИСТЕРСТВА ИНОСТРАННЫХ ДЕЛ РОССИИ\n"
    assert decode(text.encode("cp1251")) == (text, "cp1251")
    assert decode(text.encode("koi8-r")) == (text, "koi8-r")


def test_a_baseline_written_with_a_relative_path_matches_a_run_on_the_absolute_path(
        corpus, monkeypatch, capsys):
    monkeypatch.chdir(corpus.parent)
    assert main(["check", str(corpus.resolve())]) == 1  # findings, which the baseline then accepts
    assert main(["check", "corpus", "--write-baseline", "baseline.json"]) == 0
    assert main(["check", str(corpus.resolve()), "--baseline", "baseline.json"]) == 0
    assert main(["check", "./corpus/", "--baseline", "baseline.json"]) == 0
    capsys.readouterr()


_TBX3 = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
 <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
 <text><body>
  <conceptEntry id="c1">
   <langSec xml:lang="ru"><termSec><term>коллективная безопасность</term></termSec></langSec>
   <langSec xml:lang="en"><termSec><term>collective security</term></termSec>
     <termSec><term>common security</term>
       <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec></langSec>
  </conceptEntry>
 </body></text>
</tbx>
"""

_NTIG = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
 <termEntry id="t1">
  <langSet xml:lang="ru-RU"><ntig><termGrp><term>Совет коллективной безопасности</term></termGrp></ntig></langSet>
  <langSet xml:lang="en-US"><ntig><termGrp><term>Collective Security Council</term></termGrp></ntig></langSet>
 </termEntry>
</body></text></martif>
"""


def test_tbx_v3_and_ntig_glossaries_load_their_terms(tmp_path):
    (tmp_path / "v3.tbx").write_text(_TBX3, encoding="utf-8")
    (tmp_path / "ntig.tbx").write_text(_NTIG, encoding="utf-8")
    [entry] = read_glossary(str(tmp_path / "v3.tbx"))
    assert (entry.ru, entry.en, entry.variants) == (("коллективная безопасность",), "collective security", ())
    [entry] = read_glossary(str(tmp_path / "ntig.tbx"))
    assert entry.en == "Collective Security Council"


def test_a_tbx_without_usable_terms_is_an_error_with_a_reason(tmp_path, corpus, capsys):
    (tmp_path / "empty.tbx").write_text(_NTIG.replace('xml:lang="ru-RU"', 'xml:lang="de"'), encoding="utf-8")
    assert main(["check", str(corpus), "--glossary", str(tmp_path / "empty.tbx")]) == 2
    [line] = _one_line(capsys.readouterr().err)
    assert "no concept with both a Russian and an English term" in line


def test_bidi_controls_in_file_names_show_as_codes_in_the_report(tmp_path, capsys):
    folder = tmp_path / "c"
    (folder / "en").mkdir(parents=True)
    name = "report\u202etxt.exe.txt"
    (folder / "en" / name).write_text("The Security Council met.\n", encoding="utf-8")
    assert main(["report", str(folder), "-o", str(tmp_path / "r.html")]) == 0
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "report&lt;U+202E&gt;txt.exe.txt" in html
    assert "\u202e" not in html.split("<body", 1)[1].split("<script", 1)[0].replace(f'data-path="{folder}/en/{name}"', "")


def test_progress_shows_on_a_terminal_only_and_not_with_quiet(monkeypatch, capsys):
    import sys

    from aligner.cli import Settings

    with Settings().progress("checking") as update:
        assert update is None  # stderr is not a terminal under pytest
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    with Settings(quiet=True).progress("checking") as update:
        assert update is None
    with Settings().progress("checking") as update:
        update(1, 2)
        update(2, 2)
    assert "checking" in capsys.readouterr().err


def test_an_output_that_is_a_fifo_or_device_is_written_to_not_replaced(tmp_path):
    import threading

    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_text(str(fifo), "report")
    reader.join(10)
    assert received == [b"report"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still the FIFO (as /dev/null stays a device)


def test_a_control_character_in_a_file_name_keeps_its_error_on_one_line(corpus, capsys):
    (corpus / "en" / "bad\nname\u202e.txt").write_bytes(b"\x00binary")
    assert main(["check", str(corpus), "--format", "json"]) == 2
    [line] = _one_line(capsys.readouterr().err)
    assert "bad\\nname\\u202e.txt: binary file" in line


def test_a_configuration_saved_with_a_bom_is_read(corpus, tmp_path, capsys):
    config = tmp_path / "aligner.cfg"
    config.write_bytes(b"\xef\xbb\xbf[aligner]\nselect = NUM001\n")
    assert main(["check", str(corpus), "--config", str(config), "--format", "json"]) in (0, 1)
    assert "|rules:NUM001|" in capsys.readouterr().out  # the file's selection was applied


def test_a_baseline_with_a_bad_count_is_a_one_line_error(corpus, tmp_path, capsys):
    baseline = tmp_path / "b.json"
    baseline.write_text('{"version": 1, "findings": [{"fingerprint": "x", "count": "a"}]}', encoding="utf-8")
    assert main(["check", str(corpus), "--baseline", str(baseline)]) == 2
    [line] = _one_line(capsys.readouterr().err)
    assert "baseline entry 1: count must be a whole number" in line


def test_a_finding_lists_at_most_ten_related_places():
    from aligner.records import RELATED_LIMIT, Evidence, Finding

    places = tuple(Evidence("en/x.txt", line, 1, "Zhang Ming") for line in range(1, 5001))
    finding = Finding("NAM001", "warning", "en/y.txt", 1, 1, 1, 9, "two spellings", related=places)
    assert len(finding.related) == RELATED_LIMIT == 10
    assert finding.related == places[:10]
