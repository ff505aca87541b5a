"""aligner.sentenize gives razdel.sentenize's sentences, offset for offset."""

import json
import random
from pathlib import Path

import pytest
from razdel import sentenize

from aligner.sentenize import sentence_bounds

DATA = Path(__file__).parent / "data"

# Tokens around which razdel's rules decide: abbreviations (head, tail, pair), initials,
# bullets, Roman numerals, quotes, brackets, smileys, dashes, lower- and upper-case words.
PIECES = ["Mr.", "Dr.", "т.е.", "т. е.", "г.", "гг.", "No.", "Н.Н.", "K. K.", "2002", "XX", "в.", "тыс.",
          "руб.", "и т.д.", "т.к.", "Однако", "В", "the", "The", "a", "I.", "II.", "1.", "2)", "а)", "б)", "§",
          "«Да».", "«", "»", "“", "”", "‘", "’", "\"", "'", "„", "(", ")", "[", "]", "{", "}", ".", "!", "?", "…",
          ";", ":)", ";-)", "=(((", ":-(", "—", "-", "–", "−", "‑", "e.g.", "U.S.", "ул.", "им.", "проф.", "см.",
          "стр.", "?!", "...", "..", "5.", "x", "X", "Ab", "ab", "\n", " ", "  ", "\t", "", "т", "д", "п", "ст.",
          "млн.", "долл.", "A.", "Б.", "ж/д", "т.н.", "и.о.", "кв.", "км."]
CHARACTERS = list(".!?…;:)(=-\"'„«»“”‘’)]}([ \n\tаАaAzZ1.")


def razdel_bounds(text: str) -> list[tuple[int, int]]:
    return [(piece.start, piece.stop) for piece in sentenize(text)]


def real_texts() -> list[str]:
    """Real lines (tests/data/align, segment) and the WMT22 paragraphs of
    tests/data/segment joined a few sentences to a line, as real files have them."""
    texts = []
    for path in sorted((DATA / "align").glob("*.txt")) + sorted((DATA / "segment").glob("*.txt")):
        texts.extend(path.read_text(encoding="utf-8").split("\n"))
        texts.append(path.read_text(encoding="utf-8"))
    with open(DATA / "segment" / "wmt22_ruen_dev_paragraphs.jsonl", encoding="utf-8") as lines:
        for line in lines:
            document = json.loads(line)
            for sentences in (document["ru"], document["en"]):
                for size in (2, 3, 5):
                    texts += [" ".join(sentences[start:start + size]) for start in range(0, len(sentences), size)]
    return texts


def test_real_text_is_split_as_razdel_splits_it():
    texts = real_texts()
    assert sum(len(razdel_bounds(text)) > 1 for text in texts) > 100  # many lines of several sentences
    for text in texts:
        assert sentence_bounds(text) == razdel_bounds(text), text


@pytest.mark.parametrize("seed", range(4))
def test_random_token_soup_is_split_as_razdel_splits_it(seed):
    rng = random.Random(seed)
    for _ in range(2000):
        words = [rng.choice(PIECES) + rng.choice(["", " ", " ", "  "]) for _ in range(rng.randint(1, 25))]
        text = "".join(words)
        assert sentence_bounds(text) == razdel_bounds(text), text
    for _ in range(2000):
        text = "".join(rng.choice(CHARACTERS) for _ in range(rng.randint(0, 40)))
        assert sentence_bounds(text) == razdel_bounds(text), text


@pytest.mark.parametrize("text, expected", [
    ("", [(0, 0)]),
    ("  ", [(0, 0)]),  # razdel finds the empty chunk where its search starts
    ("Он пришёл. Она ушла.", [(0, 10), (11, 20)]),
    ("См. т.е. пример. Дальше", [(0, 16), (17, 23)]),
    ("He said: \"Go.\" Then left.", [(0, 14), (15, 25)]),
])
def test_known_splits(text, expected):
    assert sentence_bounds(text) == expected == razdel_bounds(text)
