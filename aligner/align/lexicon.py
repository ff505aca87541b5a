"""What a sentence offers for matching: glosses, numbers, Latin words and transliterated names.

Both languages are mapped into one key space of English keys:

- an English word gives its stem: the first ``STEM`` letters of its Snowball (Porter 2)
  stem, lower case, so the inflections of a short word share it (``tap``, ``taps``,
  ``tapped``, ``tapping``: ``tap``);
- a Russian word gives the English stems that the lexicon lists for the stem of its
  lemma (pymorphy3; learned from the WMT22 bitext, see ``aligner/data/align_lexicon.md``),
  then its stem's glosses in the general dictionary (news taught ``гарантия`` as
  "guarantee" alone; the dictionary adds "warranty");
  a word whose stem the lexicon never saw gives only its stem's glosses in the
  general dictionary (induced from a multilingual encoder's word embeddings, see
  ``aligner/data/align_general.md``), or failing that the English pieces that its
  first sentencepiece piece is paired with (``~▁bank``), and an English word whose
  stem no Russian stem is glossed by offers its first piece (``bankruptcy``: ``~▁bank``) if some
  Russian piece is; both are guesses, which may add matches but never cost them
  (``GUESS`` marks the dictionary's glosses, ``PIECE_KEY`` the pieces; see ``score._mass``);
- a Latin word inside Russian text gives its own English stem;
- a run of digits gives ``#digits`` on either side (``1,5`` and ``1.5`` both give
  ``#1 #5``);
- a capitalised word gives a name key ``@skeleton``: the word transliterated to
  Latin (iuliia's Wikipedia scheme for Cyrillic), then its first letter and the
  consonants that follow (``Тасмагамбетов`` and ``Tasmagambetov`` both give ``@tsmgm``).
"""

from __future__ import annotations

import dataclasses
import functools
import re
import threading
from dataclasses import dataclass, field
from importlib import resources

import iuliia
import sentencepiece
import snowballstemmer

from aligner.morph import analyzer

STEM = 5  # letters kept of a word as its stem, in both languages
NAME_KEY = 5  # letters kept of a name's consonant skeleton
NAME_KEY_MIN = 4  # shorter skeletons ("Ivan" -> "ivn") match too much to count
LEXICON_FILE = "align_lexicon.tsv"
PIECE_MODEL_FILE = "align_pieces.model"
PIECE_LEXICON_FILE = "align_pieces.tsv"
GENERAL_FILE = "align_general.tsv"
PIECE_KEY = "~"  # marks a piece key apart from a word stem
GUESS = "~?"  # a key no English token offers, marking general-dictionary glosses as guesses
PIECE_MIN_LETTERS = 3  # shorter pieces ("▁на", "▁on") match too much to count

_WORD = re.compile(r"[^\W\d_]+|\d+|[?!(%$€]", re.UNICODE)
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_LATIN = re.compile(r"^[a-z]+$", re.IGNORECASE)
_NOT_CONSONANT = re.compile(r"[aeiouyj]")
_DOUBLED = re.compile(r"(.)\1+")
# A capital after these (blanks between) opens a sentence, or in Russian a quotation.
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?…:\n])\s*([^\W\d_]+)")
_OPENING = re.compile(r"(?:^|[.!?…:\n«\"“„(])\s*([^\W\d_]+)")
_NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})  # pymorphy3's proper-name grammemes
_PUNCTUATION_KEYS = {"?": "%?", "!": "%!", "(": "%(", "%": "%%", "$": "%$", "€": "%€"}


def words(text: str) -> list[str]:
    """Word, digit-run and anchor-punctuation tokens of ``text``."""
    return _WORD.findall(text)


# snowballstemmer runs PyStemmer's C build of the same Snowball algorithms when it is
# installed: the same stems (all 41,547 words of the WMT sets and corpus/ compared), ~20x faster.
_ENGLISH_STEMMER = snowballstemmer.stemmer("english")
_STEMMER_LOCK = threading.Lock()  # a Snowball stemmer keeps its word in itself (review server threads)


@functools.lru_cache(maxsize=200_000)
def english_stem(word: str) -> str:
    """The first letters of the word's Snowball stem (lower case). First letters alone
    keep apart what inflection does to a word shorter than ``STEM`` ("use" / "used")
    or ending in a doubled consonant ("tap" / "tappe"); the stemmer joins them (see
    ``aligner/data/align_lexicon.md`` for what it gives held out)."""
    with _STEMMER_LOCK:
        return _ENGLISH_STEMMER.stemWord(word.lower())[:STEM]


@functools.lru_cache(maxsize=200_000)
def russian_stem(word: str) -> str:
    """The first letters of the word's lemma (pymorphy3's most likely parse)."""
    return russian_lemma(word.lower())[:STEM]


@functools.lru_cache(maxsize=200_000)
def russian_lemma(lower: str) -> str:
    """The lemma of a lower-case Russian word (pymorphy3's most likely parse), ``ё`` as ``е``;
    kept, as the stem and a cognate's spelling both come from it and a parse is dear."""
    return analyzer().parse(lower)[0].normal_form.replace("ё", "е")


@functools.lru_cache(maxsize=100_000)
def name_key(word: str) -> str | None:
    """``@`` + first letter + following consonants of the Latin form, or None if too short."""
    latin = iuliia.WIKIPEDIA.translate(word) if _CYRILLIC.search(word) else word
    latin = latin.lower().replace("kh", "h").replace("ck", "k")
    if not latin or not latin.isascii():
        return None
    skeleton = latin[0] + _NOT_CONSONANT.sub("", latin[1:])
    skeleton = _DOUBLED.sub(r"\1", skeleton)[:NAME_KEY]
    return "@" + skeleton if len(skeleton) >= NAME_KEY_MIN else None


class Segmenter:
    """A sentencepiece unigram model that cuts lower-cased words into pieces."""

    def __init__(self, model: bytes):
        self.model = model
        self._processor = sentencepiece.SentencePieceProcessor(model_proto=model)
        self.pieces = functools.lru_cache(maxsize=200_000)(self._pieces)

    def _pieces(self, word: str) -> tuple[str, ...]:
        """The word's first piece (``▁`` + its letters) if it has ``PIECE_MIN_LETTERS`` letters
        or more; endings and shorter pieces match too loosely to count."""
        return tuple(piece for piece in self._processor.encode(word.lower(), out_type=str)
                     if piece.startswith("▁") and len(piece) - 1 >= PIECE_MIN_LETTERS)

    def russian_pieces(self, sentence: str) -> list[str]:
        return [p for w in words(sentence) if w.isalpha() and not w.isascii() for p in self.pieces(w)]

    def english_pieces(self, sentence: str) -> list[str]:
        return [p for w in words(sentence) if w.isalpha() for p in self.pieces(w)]


def opening_words(text: str, pattern: re.Pattern = _OPENING) -> frozenset[str]:
    """Capitalised words of ``text`` that open it or follow a sentence end or colon, or
    (Russian, the default ``pattern``) an opening quote or bracket: a capital there says
    nothing of a name. Russian capitalises the first word of a quoted title or label
    («Настройки»), English every word of a name in quotes ("Normandy format"), so for
    English only sentence openings count (``_SENTENCE_OPENING``)."""
    return frozenset(word for word in pattern.findall(text) if word[0].isupper())


@dataclass(frozen=True)
class Lexicon:
    """Russian stem -> English stems it is rendered by (learned from bitext); for Russian
    words whose stem is not listed, the general dictionary's stems (``general``), or
    failing that Russian piece -> English pieces (cut by ``segmenter``)."""

    entries: dict[str, tuple[str, ...]]
    targets: frozenset[str]
    pieces: dict[str, tuple[str, ...]] = field(default_factory=dict)
    piece_targets: frozenset[str] = frozenset()
    segmenter: Segmenter | None = None
    general: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Per language, and apart for a token opening a sentence ("ru^", "en^"): token -> what it
    # offers for matching (see russian_glosses, english_tokens); "cognate": Russian word ->
    # its phonetic form, "" if it cannot be a cognate (see aligner.align.cognates).
    token_cache: dict = field(default_factory=lambda: {"ru": {}, "ru^": {}, "en": {}, "en^": {}, "cognate": {}},
                              init=False, repr=False, compare=False)

    @classmethod
    def empty(cls) -> Lexicon:
        return cls({}, frozenset())

    @classmethod
    def from_lines(cls, lines) -> Lexicon:
        """Read ``ru_stem<TAB>en_stem en_stem ...`` lines; ``#`` starts a comment line."""
        entries = _table(lines)
        return cls(entries, _targets(entries))

    def with_pieces(self, segmenter: Segmenter, table: dict[str, tuple[str, ...]]) -> Lexicon:
        """This lexicon with a piece table to fall back on."""
        return dataclasses.replace(self, pieces=table, piece_targets=_targets(table), segmenter=segmenter)

    def with_general(self, table: dict[str, tuple[str, ...]]) -> Lexicon:
        """This lexicon with a general dictionary to fall back on."""
        return dataclasses.replace(self, general=table)

    def russian_keys(self, word: str) -> tuple[str, ...]:
        """English keys of a Russian word: its stem's glosses if the stem is listed, then
        the general dictionary's (the learned glosses give the word its mass; a listed stem
        with none is a word too common to count and stays so); else its stem's glosses in
        the general dictionary with ``GUESS``, else its pieces' glosses."""
        stem = russian_stem(word)
        if stem in self.entries:
            if self.entries[stem] and stem in self.general:
                return tuple(dict.fromkeys((*self.entries[stem], *self.general[stem])))
            return self.entries[stem]
        if stem in self.general:
            return (*self.general[stem], GUESS)
        if self.segmenter is None:
            return ()
        return tuple(PIECE_KEY + english for piece in self.segmenter.pieces(word)
                     for english in self.pieces.get(piece, ()))

    def english_piece_keys(self, word: str) -> tuple[str, ...]:
        """Keys of the pieces of an English word that some Russian piece is glossed by."""
        if self.segmenter is None:
            return ()
        return tuple(PIECE_KEY + piece for piece in self.segmenter.pieces(word)
                     if piece in self.piece_targets)


def _table(lines) -> dict[str, tuple[str, ...]]:
    entries = {}
    for line in lines:
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        ru, _, en = line.partition("\t")
        entries[ru] = tuple(en.split())
    return entries


def _targets(entries: dict[str, tuple[str, ...]]) -> frozenset[str]:
    return frozenset(stem for stems in entries.values() for stem in stems)


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon shipped in ``aligner/data`` (empty if the file is absent), with its
    sentencepiece model and piece table if they are there."""
    return load_lexicon(resources.files("aligner.data"))


def load_lexicon(folder) -> Lexicon:
    """The lexicon files in ``folder`` (a path or a package resource), as ``default_lexicon``,
    with the general dictionary of ``folder`` or else the shipped one (it is not learned
    from the bitext, so a lexicon learned elsewhere shares it)."""
    path = folder.joinpath(LEXICON_FILE)
    if not path.is_file():
        return Lexicon.empty()
    with path.open(encoding="utf-8") as handle:
        lexicon = Lexicon.from_lines(handle)
    model, table = folder.joinpath(PIECE_MODEL_FILE), folder.joinpath(PIECE_LEXICON_FILE)
    if model.is_file() and table.is_file():
        with table.open(encoding="utf-8") as handle:
            lexicon = lexicon.with_pieces(Segmenter(model.read_bytes()), _table(handle))
    return lexicon.with_general(general_dictionary(folder))


def general_dictionary(folder=None) -> dict[str, tuple[str, ...]]:
    """The general dictionary in ``folder`` if it has one, else the shipped one (empty if absent)."""
    for place in filter(None, (folder, resources.files("aligner.data"))):
        path = place.joinpath(GENERAL_FILE)
        if path.is_file():
            with path.open(encoding="utf-8") as handle:
                return _table(handle)
    return {}


def russian_glosses(sentence: str, lexicon: Lexicon, cognates: dict[str, str] | None = None,
                    words_of_sentence: list[str] | None = None) -> list[tuple[frozenset[str], bool]]:
    """For each matchable Russian token: the English keys it may appear as, and whether it
    is an anchor (number, Latin word, name, anchor punctuation) rather than a glossed word;
    a token in ``cognates`` (see ``aligner.align.cognates``) offers its cognate's key too.
    ``words_of_sentence``: ``words(sentence)``, if the caller has them already."""
    tokens = words(sentence) if words_of_sentence is None else words_of_sentence
    glosses = []
    for token, gloss in zip(tokens, _cached(tokens, opening_words(sentence), lexicon, "ru", _russian_gloss)):
        if cognates and token in cognates:
            gloss = (gloss[0] | {cognates[token]}, gloss[1])
        if gloss[0]:
            glosses.append(gloss)
    return glosses


def _cached(tokens: list[str], opening: frozenset[str], lexicon: Lexicon, language: str, make) -> list:
    """``make(token, lexicon, opens)`` of each token, kept in ``lexicon.token_cache`` under
    ``language`` (with ``^`` for a token in ``opening``, which opens a sentence)."""
    plain, opened = lexicon.token_cache[language], lexicon.token_cache[language + "^"]
    found = []
    for token in tokens:
        value = (opened if token in opening else plain).get(token)
        if value is None:
            opens = token in opening
            value = (opened if opens else plain)[token] = make(token, lexicon, opens)
        found.append(value)
    return found


def _russian_gloss(token: str, lexicon: Lexicon, opening: bool = False) -> tuple[frozenset[str], bool]:
    keys = set()
    anchor = True
    if token.isdigit():
        keys.add("#" + token)
    elif token in _PUNCTUATION_KEYS:
        keys.add(_PUNCTUATION_KEYS[token])
    elif _LATIN.match(token):
        keys.add(english_stem(token))
        if token[0].isupper():
            _add(keys, name_key(token))
    else:
        name = name_key(token) if token[0].isupper() and not (opening and _common_russian(token)) else None
        _add(keys, name)
        anchor = bool(name)
        keys.update(lexicon.russian_keys(token))
    return frozenset(keys), anchor


def english_tokens(sentence: str, lexicon: Lexicon, words_of_sentence: list[str] | None = None,
                   ) -> tuple[list[tuple[frozenset[str], bool]], float, int]:
    """Every English token's keys and whether it counts as an anchor (number, name,
    anchor punctuation, or a word the lexicon never renders, so only an identical Latin
    word can match it); and how many tokens are matchable: (tokens, glossable words, anchors).
    ``words_of_sentence``: ``words(sentence)``, if the caller has them already."""
    sentence_words = words(sentence) if words_of_sentence is None else words_of_sentence
    found = _cached(sentence_words, opening_words(sentence, _SENTENCE_OPENING), lexicon, "en", _english_token)
    if not found:
        return [], 0, 0
    keys, glossable, anchors = zip(*found)
    return list(keys), sum(glossable), sum(anchors)


def _english_token(token: str, lexicon: Lexicon, opening: bool = False,
                   ) -> tuple[tuple[frozenset[str], bool], int, int]:
    """((keys, counts as an anchor), adds a glossable word, adds an anchor) of one token."""
    if token.isdigit():
        return (frozenset({"#" + token}), True), 0, 1
    if token in _PUNCTUATION_KEYS:
        return (frozenset({_PUNCTUATION_KEYS[token]}), True), 0, 1
    stem = english_stem(token)
    pieces = () if stem in lexicon.targets else lexicon.english_piece_keys(token)
    keys = {stem, *pieces}
    name = name_key(token) if token[0].isupper() and not (opening and stem in lexicon.targets) else None
    _add(keys, name)
    anchor = bool(name) or (stem not in lexicon.targets and not pieces)
    if name:
        return (frozenset(keys), anchor), 0, 1
    return (frozenset(keys), anchor), int(not anchor and not pieces), 0


@functools.lru_cache(maxsize=100_000)
def _common_russian(word: str) -> bool:
    """Whether pymorphy3 knows ``word`` as a common word (its likeliest parse no proper name)."""
    parse = analyzer().parse(word)[0]
    return analyzer().word_is_known(word.lower()) and not (_NAME_TAGS & parse.tag.grammemes)


def _add(keys: set[str], key: str | None) -> None:
    if key:
        keys.add(key)
