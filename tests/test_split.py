"""`aligner split`: the Russian and English parts of mixed files, with a map back to the source."""

import json
import os
import shutil
from pathlib import Path

from aligner.cli import main
from aligner.io import read_document
from aligner.split import read_split_map, source_position, split_languages

DATA = Path(__file__).parent / "data" / "segment"


def _read_map(path: Path) -> list[dict]:
    rows = [json.loads(row) for row in path.read_text("utf-8").splitlines()]
    assert read_split_map(str(path)) == rows
    return rows


def test_split_writes_each_language_and_a_map(tmp_path, capsys):
    source = tmp_path / "src" / "mixed.txt"
    source.parent.mkdir()
    shutil.copy(DATA / "mixed.txt", source)
    before = source.read_bytes()
    out = tmp_path / "out"
    assert main(["split", str(source), "--out", str(out)]) == 0
    assert (out / "ru" / "mixed.txt").read_text("utf-8") == (
        "ОДКБ продолжает прилагать усилия по достижению прочного мира на Южном Кавказе.\n"
        "В Совбезе ООН обсудили роль ОДКБ, ШОС и СНГ в поддержании международного мира\n")
    assert (out / "en" / "mixed.txt").read_text("utf-8") == (
        "The CSTO continues its efforts to achieve lasting peace in the South Caucasus.\n"
        "Cooperation with the UN\n")
    assert _read_map(out / "ru" / "mixed.txt.map.jsonl") == [
        {"line": 1, "path": str(source), "source_line": 1, "source_column": 80,
         "start": 79, "end": 157},
        {"line": 2, "path": str(source), "source_line": 3, "source_column": 1,
         "start": 159, "end": 236},
    ]
    assert source.read_bytes() == before
    assert capsys.readouterr().err == (f"{out / 'ru' / 'mixed.txt'}: 2 ru segment(s)\n"
                                       f"{out / 'en' / 'mixed.txt'}: 2 en segment(s)\n")


def test_map_leads_back_to_the_same_text_in_the_source(tmp_path):
    out = tmp_path / "out"
    source = DATA / "002_head_en.txt"
    assert main(["split", str(source), "--out", str(out)]) == 0
    original = source.read_text("utf-8").splitlines()
    for lang in ("ru", "en"):
        rows = _read_map(out / lang / "002_head_en.txt.map.jsonl")
        for number, line in enumerate((out / lang / "002_head_en.txt").read_text("utf-8").splitlines(), 1):
            column = len(line) // 2 + 1  # any column of the written line
            path, source_line, source_column = source_position(rows, number, column)
            assert path == str(source)
            assert original[source_line - 1][source_column - 1:] == line[column - 1:]


def test_split_of_a_cp1251_source_records_the_original_columns(tmp_path):
    source = tmp_path / "win.txt"
    source.write_bytes("Доклад. Report of the Secretary-General.\r\n".encode("cp1251"))
    text, rows = split_languages(read_document(source))["en"]
    assert text == "Report of the Secretary-General.\n"
    assert rows == [{"line": 1, "path": str(source), "source_line": 1, "source_column": 9,
                     "start": 8, "end": 40}]


def test_refuses_to_overwrite_an_input(tmp_path, capsys):
    source = tmp_path / "ru" / "mixed.txt"
    source.parent.mkdir()
    shutil.copy(DATA / "mixed.txt", source)
    before = source.read_bytes()
    assert main(["split", str(source), "--out", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"aligner: error: {tmp_path / 'ru' / 'mixed.txt'}: refusing to overwrite an input file\n")
    assert source.read_bytes() == before
    assert not (tmp_path / "en").exists()


def test_two_sources_with_one_name_are_a_usage_error(tmp_path, capsys):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(DATA / "mixed.txt", tmp_path / folder / "mixed.txt")
    assert main(["split", str(tmp_path / "a" / "mixed.txt"), str(tmp_path / "b" / "mixed.txt"),
                 "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err == (
        "aligner: error: two sources have the same file name; split them in separate runs\n")
    assert not (tmp_path / "out").exists()


def test_out_must_not_be_a_file(tmp_path, capsys):
    target = tmp_path / "file.txt"
    target.write_text("x", "utf-8")
    assert main(["split", str(DATA / "mixed.txt"), "--out", str(target)]) == 2
    assert capsys.readouterr().err.endswith(
        f"Error: Invalid value for '--out': Directory '{target}' is a file.\n")


def test_missing_source_writes_nothing(tmp_path, capsys):
    assert main(["split", str(tmp_path / "none.txt"), "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err == f"aligner: error: {tmp_path / 'none.txt'}: no such file\n"
    assert not (tmp_path / "out").exists()


def test_refuses_to_overwrite_a_hard_link_to_an_input(tmp_path, capsys):
    source = tmp_path / "mixed.txt"
    shutil.copy(DATA / "mixed.txt", source)
    (tmp_path / "out" / "en").mkdir(parents=True)
    os.link(source, tmp_path / "out" / "en" / "mixed.txt")
    assert main(["split", str(source), "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err == (
        f"aligner: error: {tmp_path / 'out' / 'en' / 'mixed.txt'}: refusing to overwrite an input file\n")
    assert source.read_text("utf-8") == (DATA / "mixed.txt").read_text("utf-8")
