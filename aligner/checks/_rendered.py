"""Whether an unpaired sentence's words are rendered in its neighbour's pair. Not a rule.

The aligner leaves a sentence unpaired when pairing it costs more than skipping it.
When the translator merged two sentences into one, or split one into two, the words
show it: the neighbour's English holds words of the unpaired Russian sentence that the
neighbour's own source does not have, or the unpaired English sentence renders words
of the neighbour's source that the neighbour's own English leaves out ("And flowers are
a real bugger." before "They're really difficult for plants to produce.", both from
«Цветы – это настоящая проблема для растений: их тяжело создавать»). A sentence really
left out or added has no such words, except by chance.

Words are matched through the aligner's own keys (``aligner.align.lexicon``: lexicon
glosses, numbers, name skeletons, cognate pieces). Only content words count
(``aligner.checks._unmatched.is_content``): English words that wordfreq finds as common as
"the", "about", "which", and words of closed grammatical classes ("going", "down", "whose":
``aligner/data/grammar_words.tsv``) are left out.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import LCSseq

from aligner.align.lexicon import default_lexicon, english_tokens, russian_glosses, words
from aligner.checks._unmatched import is_content
from aligner.records import Sentence

# Words a sentence must share for the match to be evidence: one content word in common
# with a neighbour is often chance (a topic word both sentences use).
SHARED_WORDS = 2


def _english_content(sentences: list[Sentence]) -> list[frozenset[str]]:
    """The lexicon keys of each content word of English sentences."""
    lexicon = default_lexicon()
    found = []
    for sentence in sentences:
        tokens, _, _ = english_tokens(sentence.text, lexicon)
        found.extend(keys for word, (keys, _) in zip(words(sentence.text), tokens) if is_content(word, "en"))
    return found


def _english_keys(sentences: list[Sentence]) -> set[str]:
    lexicon = default_lexicon()
    return {key for s in sentences for keys, _ in english_tokens(s.text, lexicon)[0] for key in keys}


def _russian_keys(sentences: list[Sentence]) -> set[str]:
    lexicon = default_lexicon()
    return {key for s in sentences for keys, _ in russian_glosses(s.text, lexicon) for key in keys}


def holds_unpaired_source(unpaired: list[Sentence], own_source: list[Sentence], english: list[Sentence]) -> int:
    """Content words of ``english`` (a neighbour's rendering) that render a word of the unpaired
    Russian sentences and no word of the neighbour's own source."""
    theirs, own = _russian_keys(unpaired), _russian_keys(own_source)
    return sum(1 for keys in _english_content(english) if keys & theirs and not keys & own)


def renders_neighbour_source(unpaired: list[Sentence], source: list[Sentence], own_english: list[Sentence]) -> int:
    """Content words of the unpaired English sentences that render a word of a neighbour's
    ``source`` which the neighbour's own English does not render."""
    theirs, own = _russian_keys(source), _english_keys(own_english)
    return sum(1 for keys in _english_content(unpaired) if keys & theirs and not keys & own)


# An ellipsis that ends a sentence, and one inside a sentence (more words of it follow).
_ENDS_IN_ELLIPSIS = re.compile(r"(?:\.\.\.|…)[\"'»”)]*\s*$")
_ELLIPSIS_INSIDE = re.compile(r"\S(?:\.\.\.|…)[\"'»”)]*\s+\w")


def cut_at_ellipsis(piece: list[Sentence], own: list[Sentence], other: list[Sentence], piece_first: bool) -> bool:
    """The two segmenters cut a trailing-off sentence differently: an ellipsis ends the unpaired
    ``piece`` (if it comes first) or the neighbour's ``own`` sentence next to it, and the
    neighbour's ``other`` side (the other language) holds more ellipses inside a sentence
    than ``own`` does («Я вам немножко... множко нахамила» is one Russian sentence, "I'll give
    you a little... I've been very rude" two English ones). The piece is then part of that
    neighbour's rendering (or source), cut off at the pause."""
    cut = piece[-1] if piece_first else own[-1]
    inside = sum(len(_ELLIPSIS_INSIDE.findall(s.text)) for s in other)
    return bool(_ENDS_IN_ELLIPSIS.search(cut.text)) and inside > sum(
        len(_ELLIPSIS_INSIDE.findall(s.text)) for s in own)


def restates(sentence: Sentence, other: Sentence) -> bool:
    """Most words of each sentence are the other's, in the same order (the longest common
    subsequence of their lowercased words is more than half of each): the two say the same
    thing twice ("They no longer know what to think, who to blame." / "They don't know what
    to think, who to blame.", a machine translation rendering one source sentence twice)."""
    mine, theirs = (re.findall(r"\w+", s.text.lower()) for s in (sentence, other))
    common = LCSseq.similarity(mine, theirs)
    return 2 * common > len(mine) and 2 * common > len(theirs)
