"""razdel's sentence splitter, the same decisions without its per-candidate objects.

``razdel.sentenize`` makes, for every candidate delimiter, a ``SentSplit`` record whose
tokens are cached properties, runs its eleven rules through rule objects and builds
the sentences by string concatenation through three generators: a third of the
segmenter's time, for decisions that mostly look at one token on each side.
:func:`sentence_bounds` applies razdel's rules (razdel 0.5's ``RULES``, with razdel's
own patterns, word lists and helpers; each rule joins or abstains, so their order does
not matter) in one function and gives the offsets razdel's ``Substring`` records would
have; ``tests/test_sentenize.py`` compares the two on real and random text.
"""

from __future__ import annotations

import re

from razdel.segmenters.punct import CLOSE_BRACKETS, CLOSE_QUOTES, DASHES, ENDINGS, GENERIC_QUOTES, QUOTES
from razdel.segmenters.sentenize import (BULLET_BOUNDS, BULLET_SIZE, DELIMITER, DELIMITERS, FIRST_TOKEN,
                                         LAST_TOKEN, PAIR_SOKR, SMILE_PREFIX, SPACE_PREFIX, SPACE_SUFFIX,
                                         TOKEN, WORD, SentSplitter, is_bullet, is_lower_alpha, is_sokr)
from razdel.segmenters.sokr import HEAD_PAIR_SOKRS, HEAD_SOKRS, INITIALS, PAIR_SOKRS, SOKRS

_DELIMITER = re.compile(DELIMITER)
_WINDOW = SentSplitter().window  # characters of context razdel gives each side of a delimiter


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, stop) of each sentence razdel's ``sentenize(text)`` gives, in order."""
    bounds = []
    buffer_start = offset = 0
    for match in _DELIMITER.finditer(text):
        start, stop = match.span()
        if _joins(text, start, stop, match.group(), buffer_start):
            continue
        chunk = text[buffer_start:stop].strip()  # razdel strips its chunks and finds them again
        found = text.find(chunk, offset)
        offset = found + len(chunk)
        bounds.append((found, offset))
        buffer_start = stop
    chunk = text[buffer_start:].strip()
    found = text.find(chunk, offset)
    bounds.append((found, found + len(chunk)))
    return bounds


def _joins(text: str, start: int, stop: int, delimiter: str, buffer_start: int) -> bool:
    """razdel's verdict on the delimiter at ``start:stop``: True when one of its rules
    says join (the sentence goes on), False to split. Every rule either joins or
    abstains, so their order does not matter: the cheap ones come first."""
    right = text[stop:stop + _WINDOW]
    match = FIRST_TOKEN.match(right)
    if match is None:  # empty_side
        return True
    right_token = match.group(1)
    if not SPACE_PREFIX.match(right):  # no_space_prefix
        return True
    if is_lower_alpha(right_token):  # lower_right
        return True
    if right_token not in GENERIC_QUOTES and (right_token in DELIMITERS or SMILE_PREFIX.match(right)):
        return True  # delimiter_right
    left = text[max(0, start - _WINDOW):start]
    match = LAST_TOKEN.search(left)
    if match is None:  # empty_side
        return True
    left_token = match.group(1)
    if delimiter == ".":
        if _abbreviation_left(left, left_token, right_token):  # sokr_left
            return True
        if (left_token.lower(), right_token.lower()) in PAIR_SOKRS:  # inside_pair_sokr
            return True
        if (left_token.isupper() and len(left_token) == 1) or left_token.lower() in INITIALS:
            return True  # initials_left
    if delimiter in BULLET_BOUNDS:  # list_item
        buffer = text[buffer_start:start]
        if len(buffer) <= BULLET_SIZE and all(is_bullet(token) for token in TOKEN.findall(buffer)):
            return True
    if delimiter in QUOTES:  # close_quote
        if delimiter in CLOSE_QUOTES or (delimiter in GENERIC_QUOTES and not SPACE_SUFFIX.search(left)):
            if left_token not in ENDINGS:
                return True
        elif delimiter in GENERIC_QUOTES:
            return True
    if delimiter in CLOSE_BRACKETS and left_token not in ENDINGS:  # close_bracket
        return True
    if right_token in DASHES:  # dash_right
        match = WORD.search(right)
        if match and is_lower_alpha(match.group(1)):
            return True
    return False


def _abbreviation_left(left: str, left_token: str, right_token: str) -> bool:
    """razdel's ``sokr_left``: an abbreviation before the dot ("т.е.", "г.", "тыс.")."""
    match = PAIR_SOKR.search(left)
    if match:
        pair = match.group(1).lower(), match.group(2).lower()
        if pair in HEAD_PAIR_SOKRS:
            return True
        if pair in PAIR_SOKRS:
            return bool(is_sokr(right_token))
    word = left_token.lower()
    return word in HEAD_SOKRS or (word in SOKRS and bool(is_sokr(right_token)))
