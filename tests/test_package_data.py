"""Every data file ships with the installed package and says where its facts came from."""

from importlib import resources
from pathlib import Path

import pytest

SOURCE_DATA = Path(__file__).parents[1] / "aligner" / "data"
DATA_FILES = sorted(p.name for p in SOURCE_DATA.iterdir() if not p.name.startswith("."))


def test_every_data_file_is_installed_with_the_package():
    installed = {entry.name for entry in resources.files("aligner").joinpath("data").iterdir()}
    assert set(DATA_FILES) <= installed
    assert resources.files("aligner").joinpath("templates", "report.html").is_file()


@pytest.mark.parametrize("name", [n for n in DATA_FILES if n.endswith((".tsv", ".json"))])
def test_every_table_notes_its_provenance(name):
    text = resources.files("aligner").joinpath("data", name).read_text(encoding="utf-8")
    head = text[:1500].lower()
    sibling = SOURCE_DATA / (Path(name).stem + ".md")
    cited = any(word in head for word in ("source", "learned", "fitted", "written by"))
    assert cited or sibling.exists(), f"{name} says nowhere where its facts came from"


def test_a_table_row_with_the_wrong_column_count_is_an_error_at_its_line(monkeypatch):
    import aligner.tables as tables
    from aligner.errors import ConfigError

    monkeypatch.setattr(tables, "data_lines", lambda name: ["# comment", "", "Mr\ttitle\tCMOS", "Dr\ttitle"])
    rows = tables.read_rows("abbreviations.tsv", 3, "'abbreviation<TAB>kind<TAB>source'")
    assert next(rows) == (3, ["Mr", "title", "CMOS"])
    with pytest.raises(ConfigError) as raised:
        next(rows)
    assert str(raised.value) == ("aligner/data/abbreviations.tsv:4: "
                                 "expected 'abbreviation<TAB>kind<TAB>source'")


def test_a_header_table_row_with_a_missing_column_is_an_error_at_its_line(monkeypatch):
    import aligner.tables as tables
    from aligner.errors import ConfigError

    tables.read_table.cache_clear()
    monkeypatch.setattr(tables, "data_lines", lambda name: ["# Palladius", "pinyin\tcyrillic", "ba\tба", "ming"])
    with pytest.raises(ConfigError) as raised:
        tables.read_table("palladius-test.tsv")
    assert str(raised.value) == "aligner/data/palladius-test.tsv:4: expected the columns pinyin, cyrillic"
