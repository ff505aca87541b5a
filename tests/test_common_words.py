"""The shipped common words answer the function-word test as wordfreq's full lists do."""

import pytest
from wordfreq import get_frequency_dict, zipf_frequency

from aligner.common_words import FLOOR, zipf_at_least


@pytest.mark.parametrize("language", ["en", "ru"])
def test_same_answer_as_wordfreq(language):
    listed = list(get_frequency_dict(language))
    words = listed[:2000] + listed[::400]
    words += [word.upper() for word in words[:300]] + [word.capitalize() for word in words[:300]]
    words += ["что-то", "don't", "it’s", "Ёлка", "abcдеф", "", "42"]
    for cutoff in (6.0, 6.3):
        assert [zipf_at_least(w, language, cutoff) for w in words] == \
            [zipf_frequency(w, language) >= cutoff for w in words]
    assert zipf_at_least("the" if language == "en" else "что", language, 6.0)
    assert not zipf_at_least("water" if language == "en" else "люди", language, 6.0)


def test_no_answer_below_the_shipped_floor():
    with pytest.raises(ValueError):
        zipf_at_least("the", "en", FLOOR)
