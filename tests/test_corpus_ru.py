"""corpus/ru mirrors corpus/en line by line."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "corpus"
NAMES = sorted(p.name for p in (ROOT / "en").glob("*.txt"))


def test_every_english_document_has_a_russian_source():
    assert NAMES == sorted(p.name for p in (ROOT / "ru").glob("*.txt"))
    assert "not the official" in (ROOT / "ru" / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", NAMES)
def test_same_lines_and_blank_lines(name):
    en = (ROOT / "en" / name).read_text(encoding="utf-8").split("\n")
    ru = (ROOT / "ru" / name).read_text(encoding="utf-8").split("\n")
    assert len(en) == len(ru)
    assert [not line.strip() for line in en] == [not line.strip() for line in ru]
