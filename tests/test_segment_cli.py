"""`aligner sentences`: one sentence per line, JSON with positions, --lang."""

import json
from pathlib import Path

from aligner.cli import main

DATA = Path(__file__).parent / "data" / "segment"
MIXED = str(DATA / "mixed.txt")


def test_text_output_one_sentence_per_line(capsys):
    assert main(["sentences", str(DATA / "002_head_en.txt")]) == 0
    assert capsys.readouterr().out == (
        "The role of the CSTO, SCO and CIS in maintaining international peace was discussed at "
        "the UN Security Council\n"
        "В Совбезе ООН обсудили роль ОДКБ, ШОС и СНГ в поддержании международного мира\n"
        "Meeting of the UN Security Council.\n"
        "Photo from the archive The role of the CSTO, SCO and CIS in maintaining international "
        "peace was discussed at the UN Security Council Peace and Security\n")


def test_lang_keeps_one_language(capsys):
    assert main(["sentences", "--lang", "en", MIXED]) == 0
    assert capsys.readouterr().out == (
        "The CSTO continues its efforts to achieve lasting peace in the South Caucasus.\n"
        "Cooperation with the UN\n")


def test_json_output(capsys):
    assert main(["sentences", "--format", "json", "--lang", "ru", MIXED]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "path": MIXED, "encoding": "utf-8", "sentences": [
            {"line": 1, "column": 80, "end_line": 1, "end_column": 158, "start": 79, "end": 157,
             "lang": "ru",
             "text": "ОДКБ продолжает прилагать усилия по достижению прочного мира на Южном Кавказе."},
            {"line": 3, "column": 1, "end_line": 3, "end_column": 78, "start": 159, "end": 236,
             "lang": "ru",
             "text": "В Совбезе ООН обсудили роль ОДКБ, ШОС и СНГ в поддержании международного мира"},
        ]}


def test_utf16_input(tmp_path, capsys):
    path = tmp_path / "u16.txt"
    path.write_bytes("в 2002 г. В 2004 г. он уехал.\n".encode("utf-16"))
    assert main(["sentences", str(path)]) == 0
    assert capsys.readouterr().out == "в 2002 г.\nВ 2004 г. он уехал.\n"


def test_directory_is_an_input_error(tmp_path, capsys):
    assert main(["sentences", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"aligner: error: {tmp_path}: is a directory, expected a text file\n"


def test_bad_lang_is_a_usage_error(capsys):
    assert main(["sentences", "--lang", "de", MIXED]) == 2
    assert "Invalid value for '--lang'" in capsys.readouterr().err


def test_debug_tells_which_rule_decided(tmp_path, capsys):
    path = tmp_path / "ru.txt"
    path.write_text("Он работал там в 2002 г. В 2004 г. Н.Н. Бордюжа уехал.\n", "utf-8")
    assert main(["--debug", "sentences", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "Он работал там в 2002 г.\nВ 2004 г. Н.Н. Бордюжа уехал.\n"
    assert captured.err == (f"{path}:1:26: split (abbreviation_left)\n"
                            f"{path}:1:36: join (abbreviation_left)\n"
                            f"{path}:1:41: join (initials_left)\n")
