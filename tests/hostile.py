"""Hypothesis strategies for hostile input: the text and file layouts a linter meets in the wild.

Used by tests/test_fuzz.py (a bounded number of examples in CI) and bench/fuzz.py (the
long run). Text mixes Russian and English words with digits and number groups, rare
characters (astral letters such as Tangut U+17000, combining marks, emoji), bidi and
other control characters, odd line ends and long runs of one character.
"""

from __future__ import annotations

from hypothesis import strategies as st

RUSSIAN = ["Совет", "Безопасности", "ООН", "ОДКБ", "КТУ", "Чжан", "Мин", "марта", "тысяча", "млн",
           "двадцать", "пять", "Москве", "г.", "т.е.", "России", "МИД", "резолюцию", "приняли", "и", "в"]
ENGLISH = ["Security", "Council", "UN", "CSTO", "KTU", "ODKB", "Zhang", "Ming", "Min", "March", "thousand",
           "million", "twenty-five", "the", "the", "Office", "for", "Coordination", "of", "Terrorism", "a", "apple",
           "Mr.", "e.g.", "U.S.", "Nations", "Charter", "Nations", "WНO"]
NUMBERS = ["1", "000", "1 000", "1,000", "3,5", "3.5", "1990-х", "1990s", "15:00", "3 p.m.", "18.03.2010",
           "2020-21", "XXI", "1st", "$3.5m", "10^9", "½", "٣", "１２", "9" * 40, "0" * 12]
RARE = ["\U00017000", "\U00018D00", "\U0001F600", "\u0301", "\u200b", "\u200d", "\ufeff", "\ufffd",
        "\u202e", "\u202d", "\u2066", "\u2069", "\u200f", "\x00", "\x07", "\x1b", "\x7f", "\x85", "\u2028",
        "\u2029", "\ud7ff", "\U0010ffff", "𝔘𝔑", "ﬁ", "Ǆ", "ß", "İ", "ё", "Ё", "\t", "\r", "\r\n", "\n\n"]
PUNCTUATION = [".", ",", "!", "?", "…", "«", "»", "“", "”", "\"", "(", ")", "[", "]", "{", "}", "-", "–", "—",
               ":", ";", "/", "'", "’", "%", "№", "§"]

tokens = st.one_of(st.sampled_from(RUSSIAN), st.sampled_from(ENGLISH), st.sampled_from(NUMBERS),
                   st.sampled_from(RARE), st.sampled_from(PUNCTUATION), st.text(max_size=4))
separators = st.sampled_from([" ", " ", " ", "", "\n", "\u00a0", "  ", ". ", ", "])


@st.composite
def hostile_text(draw, max_tokens: int = 40) -> str:
    """A text of words, numbers, punctuation and rare characters, sometimes a long run of one."""
    parts = draw(st.lists(st.tuples(tokens, separators), max_size=max_tokens))
    text = "".join(token + separator for token, separator in parts)
    if draw(st.integers(0, 9)) == 0:  # a long run: "000 000 …", "ааааа", ")))))"
        unit = draw(st.sampled_from([" 000", "а", ")", "«", "1,", "UN ", "Zhang Min ", "\u202e", "\U00017000"]))
        text += unit * draw(st.integers(50, 400))
    return text


@st.composite
def text_pair(draw) -> tuple[str | None, str]:
    """(Russian source or None, English translation)."""
    source = draw(st.one_of(st.none(), hostile_text()))
    return source, draw(hostile_text())


# Raw file contents: text in several encodings, with and without BOM, and plain garbage bytes.
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-16-le", "utf-32", "cp1251", "koi8-r", "latin-1"]


@st.composite
def file_bytes(draw) -> bytes:
    if draw(st.integers(0, 5)) == 0:
        return draw(st.binary(max_size=200))
    text = draw(hostile_text(max_tokens=20))
    encoding = draw(st.sampled_from(ENCODINGS))
    data = text.encode(encoding, errors="replace")
    if encoding == "utf-16-be" and draw(st.booleans()):
        data = b"\xfe\xff" + data
    return data
