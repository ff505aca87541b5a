"""`aligner align`: files, corpus folders, formats and bad input (exit 2, one-line message)."""

import shutil
from pathlib import Path

import defusedxml.ElementTree as ElementTree

from aligner.cli import main

DATA = Path(__file__).parent / "data" / "align"
RU = DATA / "rt-russian.47266.ru.txt"
EN = DATA / "rt-russian.47266.en.txt"


def perturbed(tmp_path: Path) -> tuple[Path, Path]:
    """The rt-russian document with Russian sentences 3 and 4 merged and English 9 dropped."""
    ru = RU.read_text(encoding="utf-8").splitlines()
    en = EN.read_text(encoding="utf-8").splitlines()
    ru_path, en_path = tmp_path / "ru.txt", tmp_path / "en.txt"
    ru_path.write_text("\n".join(ru[:3] + [ru[3] + " " + ru[4]] + ru[5:]) + "\n", encoding="utf-8")
    en_path.write_text("\n".join(en[:9] + en[10:]) + "\n", encoding="utf-8")
    return ru_path, en_path


def indices(ladder: str) -> list[str]:
    return [line.rsplit(":", 1)[0] for line in ladder.splitlines()]


def test_presegmented_ladder_on_stdout(tmp_path, capsys):
    ru, en = perturbed(tmp_path)
    assert main(["align", "--presegmented", str(ru), str(en)]) == 0
    captured = capsys.readouterr()
    assert indices(captured.out) == [
        "[0]:[0]", "[1]:[1]", "[2]:[2]", "[3]:[3, 4]", "[4]:[5]", "[5]:[6]", "[6]:[7]",
        "[7]:[8]", "[8]:[]", "[9]:[9]", "[10]:[10]", "[11]:[11]", "[12]:[12]"]
    assert float(captured.out.splitlines()[8].rsplit(":", 1)[1]) > 0.9  # a sure omission
    assert captured.err == f"{ru} + {en}: 13 + 13 sentences, 13 beads (1 1-0/0-1)\n"


def test_tmx_to_a_file(tmp_path, capsys):
    ru, en = perturbed(tmp_path)
    out = tmp_path / "pairs.tmx"
    assert main(["align", "--presegmented", "--format", "tmx", str(ru), str(en), "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    root = ElementTree.fromstring(out.read_bytes())
    assert root.find("header").get("srclang") == "ru"
    assert len(root.find("body").findall("tu")) == 13


def test_corpus_mode_pairs_by_name_and_reports_orphans(tmp_path, capsys):
    ru_dir, en_dir, out = tmp_path / "ru", tmp_path / "en", tmp_path / "out"
    ru_dir.mkdir()
    en_dir.mkdir()
    shutil.copy(RU, ru_dir / "rt.txt")
    shutil.copy(EN, en_dir / "rt.txt")
    shutil.copy(DATA / "kazinform-ru.31286.ru.txt", ru_dir / "kazinform.txt")
    shutil.copy(DATA / "kazinform-ru.31286.en.txt", en_dir / "other.txt")
    assert main(["align", str(ru_dir), str(en_dir), "-o", str(out), "--format", "jsonl"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (f"aligner: warning: {ru_dir / 'kazinform.txt'}: "
                      f"no file of that name in {en_dir}; not aligned")
    assert err[1] == (f"aligner: warning: {en_dir / 'other.txt'}: "
                      f"no file of that name in {ru_dir}; not aligned")
    assert err[-1] == f"aligned 1 pair(s) into {out}"
    assert sorted(p.name for p in out.iterdir()) == ["rt.txt.jsonl"]
    assert len((out / "rt.txt.jsonl").read_text(encoding="utf-8").splitlines()) == 14


def test_two_english_files_warn_and_still_align(tmp_path, capsys):
    assert main(["align", str(EN), str(EN)]) == 0
    captured = capsys.readouterr()
    assert indices(captured.out) == [f"[{k}]:[{k}]" for k in range(14)]
    assert captured.err.splitlines()[0] == (
        f"aligner: warning: {EN}: expected Russian but the text looks English; are the files "
        "given in the order RU EN? The alignment rests on length and shared words only")


def test_empty_russian_file_gives_null_beads(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["align", "--presegmented", str(empty), str(EN)]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [f"[]:[{k}]:1.000" for k in range(14)]
    assert captured.err.splitlines()[0] == (
        f"aligner: warning: {empty}: no sentences; every sentence of the other file is left "
        "unaligned (0-1 beads)")


def test_refuses_to_overwrite_an_input(tmp_path, capsys):
    ru, en = perturbed(tmp_path)
    before = en.read_text(encoding="utf-8")
    assert main(["align", str(ru), str(en), "-o", str(en)]) == 2
    assert capsys.readouterr().err == f"aligner: error: {en}: refusing to overwrite an input file\n"
    assert en.read_text(encoding="utf-8") == before


def test_file_and_folder_mixed_is_a_usage_error(tmp_path, capsys):
    assert main(["align", str(RU), str(tmp_path), "-o", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err == (
        "aligner: error: give two files or two folders, not a file and a folder\n")


def test_corpus_mode_needs_an_output_folder(tmp_path, capsys):
    assert main(["align", str(tmp_path), str(tmp_path)]) == 2
    assert capsys.readouterr().err == "aligner: error: corpus mode needs -o OUTDIR for the aligned files\n"


def test_missing_file_is_an_input_error(tmp_path, capsys):
    missing = tmp_path / "missing.txt"
    assert main(["align", str(missing), str(EN)]) == 2
    assert capsys.readouterr().err == f"aligner: error: {missing}: no such file\n"


def test_binary_file_is_an_input_error(tmp_path, capsys):
    binary = tmp_path / "image.bin"
    binary.write_bytes(b"\x89PNG\x00\x00")
    assert main(["align", str(binary), str(EN)]) == 2
    assert capsys.readouterr().err == (
        f"aligner: error: {binary}: binary file (contains NUL bytes), expected text\n")


def test_output_to_a_folder_is_a_usage_error(tmp_path, capsys):
    assert main(["align", str(RU), str(EN), "-o", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"aligner: error: {tmp_path}: is a folder, expected a file name\n")


def test_unwritable_output_is_a_usage_error(tmp_path, capsys):
    target = tmp_path / "no-such-folder" / "out.ladder"
    assert main(["align", str(RU), str(EN), "-o", str(target)]) == 2
    assert capsys.readouterr().err == (
        f"aligner: error: {target}: cannot write: no folder {tmp_path / 'no-such-folder'}\n")
