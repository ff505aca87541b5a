"""`aligner detect`: exact text and JSON output, encodings, bad input."""

import json
from pathlib import Path

from aligner.cli import main

DATA = Path(__file__).parent / "data" / "segment"
MIXED = str(DATA / "mixed.txt")


def test_text_output(capsys):
    assert main(["detect", MIXED]) == 0
    assert capsys.readouterr().out == (
        f"{MIXED}:1:1\ten\tThe CSTO continues its efforts to achieve lasting peace in the South Caucasus.\n"
        f"{MIXED}:1:80\tru\tОДКБ продолжает прилагать усилия по достижению прочного мира на Южном Кавказе.\n"
        f"{MIXED}:3:1\tru\tВ Совбезе ООН обсудили роль ОДКБ, ШОС и СНГ в поддержании международного мира\n"
        f"{MIXED}:5:1\tund\t05.12.2024\n"
        f"{MIXED}:6:1\ten\tCooperation with the UN\n")


def test_json_output_has_positions_and_offsets(capsys):
    assert main(["detect", "--format", "json", MIXED]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [file["path"] for file in report["files"]] == [MIXED]
    assert report["files"][0]["encoding"] == "utf-8"
    assert report["files"][0]["segments"][1] == {
        "line": 1, "column": 80, "end_line": 1, "end_column": 158, "start": 79, "end": 157,
        "lang": "ru",
        "text": "ОДКБ продолжает прилагать усилия по достижению прочного мира на Южном Кавказе."}
    assert [s["lang"] for s in report["files"][0]["segments"]] == ["en", "ru", "ru", "und", "en"]


def test_cp1251_with_crlf_keeps_original_columns(tmp_path, capsys):
    path = tmp_path / "ru.txt"
    path.write_bytes("Заголовок\r\n\r\nТекст (UN) здесь. Then English words here.\r\n".encode("cp1251"))
    assert main(["detect", str(path)]) == 0
    assert capsys.readouterr().out == (
        f"{path}:1:1\tru\tЗаголовок\n"
        f"{path}:3:1\tru\tТекст (UN) здесь.\n"
        f"{path}:3:19\ten\tThen English words here.\n")


def test_encoding_option(tmp_path, capsys):
    path = tmp_path / "koi8.txt"
    path.write_bytes("Мир".encode("koi8-r"))
    assert main(["detect", "--encoding", "koi8-r", str(path)]) == 0
    assert capsys.readouterr().out == f"{path}:1:1\tru\tМир\n"


def test_empty_file_prints_nothing(tmp_path, capsys):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert main(["detect", str(path)]) == 0
    assert capsys.readouterr().out == ""


def test_missing_file_is_an_input_error(tmp_path, capsys):
    assert main(["detect", str(tmp_path / "none.txt")]) == 2
    assert capsys.readouterr().err == f"aligner: error: {tmp_path / 'none.txt'}: no such file\n"


def test_binary_file_is_an_input_error(tmp_path, capsys):
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert main(["detect", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"aligner: error: {path}: binary file (contains NUL bytes), expected text\n")
