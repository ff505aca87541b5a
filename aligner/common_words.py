"""Is a word among the most common of its language (wordfreq's Zipf scale)? Without wordfreq's lists.

The rules' function-word test asks whether a word is as common as "the", "about",
"что" (Zipf >= 6). wordfreq answers it by loading its whole list of the language into
the process (Russian: ~130 MB and ~0.4 CPU s per process); the words at the top of its
lists are shipped in ``aligner/data/common_words.tsv`` instead (every entry down to
``FLOOR``, built by ``scripts/build_common_words.py``), and a word's frequency is
computed from its tokens exactly as wordfreq computes it (wordfreq's own tokenizer).
A token missing from the table is rarer than ``FLOOR`` and so is any word containing
it, so for any cut-off at least ``FLOOR`` + 0.01 the answer is wordfreq's.
"""

from __future__ import annotations

import functools
import math

from wordfreq import digit_freq, freq_to_zipf, lossy_tokenize, smash_numbers

from aligner.tables import read_table

FLOOR = 5.9  # the lowest Zipf frequency in the table (scripts/build_common_words.py --floor)


@functools.cache
def _frequencies(language: str) -> dict[str, float]:
    return {row["word"]: float(row["frequency"]) for row in read_table("common_words.tsv")
            if row["language"] == language}


def _frequency(word: str, language: str) -> float:
    """wordfreq's ``word_frequency(word, language)`` if that is at least FLOOR's, else 0 or less than it."""
    tokens = lossy_tokenize(word, language)
    if not tokens:
        return 0.0
    frequencies = _frequencies(language)
    one_over_result = 0.0
    for token in tokens:
        smashed = smash_numbers(token)
        if smashed not in frequencies:
            return 0.0
        frequency = frequencies[smashed]
        if smashed != token:
            frequency *= digit_freq(token)
        one_over_result += 1.0 / frequency
    frequency = 1.0 / one_over_result
    # math.log(x, 10), as wordfreq rounds (log10 differs at exact powers of ten: 0.001)
    return round(frequency, math.floor(-math.log(frequency, 10)) + 3)  # noqa: FURB163


def zipf_at_least(word: str, language: str, zipf: float) -> bool:
    """Whether ``wordfreq.zipf_frequency(word, language) >= zipf`` (``zipf`` >= FLOOR + 0.01)."""
    if zipf < FLOOR + 0.01:
        raise ValueError(f"the shipped common words go down to Zipf {FLOOR} only")
    frequency = _frequency(word, language)
    return frequency > 0 and round(freq_to_zipf(frequency), 2) >= zipf
