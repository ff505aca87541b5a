"""Files in and out: reading (encodings, BOMs, line ends, bad input), the output guard,
the atomic writer."""

import pytest

from aligner.errors import InputError, UsageError
from aligner.io import guard_outputs, read_document, write_text

RUSSIAN = "В Совбезе ООН обсудили роль ОДКБ, ШОС и СНГ в поддержании международного мира\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1251", "koi8-r"])
def test_russian_in_every_supported_encoding_is_detected(tmp_path, encoding):
    path = tmp_path / "ru.txt"
    path.write_bytes(RUSSIAN.encode(encoding))
    document = read_document(path)
    assert document.text == RUSSIAN
    assert document.encoding in (encoding, {"utf-16": "utf-16-le+bom"}.get(encoding))  # the BOM's byte order


def test_explicit_encoding_wins(tmp_path):
    path = tmp_path / "ru.txt"
    path.write_bytes(RUSSIAN.encode("koi8-r"))
    assert read_document(path, encoding="koi8-r").text == RUSSIAN


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_positions_are_lines_and_columns_of_the_original_file(tmp_path, newline):
    path = tmp_path / "en.txt"
    path.write_bytes(newline.join(["Title", "", "Second line here"]).encode())
    document = read_document(path)
    offset = document.text.index("line")
    assert document.position(offset) == (3, 8)
    assert [span.text for span in document.lines()] == ["Title", "", "Second line here"]


def test_empty_file_has_no_text(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert read_document(path).text == ""


@pytest.mark.parametrize("make, message", [
    (lambda p: p, "no such file"),
    (lambda p: (p.mkdir(), p)[1], "is a directory"),
    (lambda p: (p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), p)[1], "binary file"),
])
def test_bad_input_is_one_clear_error_naming_the_file(tmp_path, make, message):
    path = make(tmp_path / "input.txt")
    with pytest.raises(InputError) as raised:
        read_document(path)
    assert str(raised.value) == f"{tmp_path / 'input.txt'}: {raised.value.message}"
    assert raised.value.message.startswith(message)


def test_undecodable_bytes_with_explicit_encoding(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"abc \xff\xfe def")
    with pytest.raises(InputError, match="cannot decode as utf-8"):
        read_document(path, encoding="utf-8")


def test_write_keeps_line_ends_and_encoding_and_backs_up(tmp_path):
    path = tmp_path / "en.txt"
    path.write_bytes("Сергей Лебедев\r\nZhang Min\r\n".encode("cp1251"))
    backup = write_text(str(path), "Сергей Лебедев\r\nZhang Ming\r\n", "cp1251", backup=True)
    assert backup == str(path) + ".orig"
    assert path.read_bytes() == "Сергей Лебедев\r\nZhang Ming\r\n".encode("cp1251")
    assert (tmp_path / "en.txt.orig").read_bytes() == "Сергей Лебедев\r\nZhang Min\r\n".encode("cp1251")
    assert write_text(str(path), "again\n", "cp1251", backup=True) == str(path) + ".orig.1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["en.txt", "en.txt.orig", "en.txt.orig.1"]


def test_an_output_may_not_be_an_input_nor_among_a_corpus_nor_given_twice(tmp_path):
    en = tmp_path / "en.txt"
    en.write_text("x")
    with pytest.raises(UsageError, match="refusing to overwrite an input file"):
        guard_outputs([str(tmp_path / "." / "en.txt")], [str(en)])
    with pytest.raises(UsageError, match="refusing to overwrite an input file"):
        guard_outputs([str(tmp_path / "en" / "new.txt")], [str(tmp_path)])
    with pytest.raises(UsageError, match="given twice as an output"):
        guard_outputs([str(tmp_path / "a"), str(tmp_path / "a")], [str(en)])
    with pytest.raises(UsageError, match="cannot write: no folder"):
        guard_outputs([str(tmp_path / "missing" / "a")], [str(en)])
    guard_outputs([str(tmp_path / "missing" / "a"), None], [str(en), None], new_folders=True)

