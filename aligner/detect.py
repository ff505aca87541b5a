"""Language of a text and of every script run in a document: ``ru``, ``en``, ``other``, ``und``.

The Unicode script decides almost everything: Latin letters are English, Russian-alphabet
Cyrillic is Russian, other letters are another language, no letters (dates, numbers,
document symbols such as A/RES/77/13, URLs) is ``und``. langdetect (seeded, so the
answer is deterministic) is consulted only where the script is ambiguous: Cyrillic
letters that Russian does not use (Ukrainian і ї є ґ, Belarusian ў, Kazakh қ ң ә ө ү һ,
Serbian ђ ј љ ...), Cyrillic text long enough to judge that lacks the letters only
Russian has (ы э ё) and shows a Bulgarian cue (data/language_cues.tsv), Latin text with
accented letters or, when long, without a frequent English word, and text that mixes
Cyrillic and Latin in comparable amounts.
"""

from __future__ import annotations

import functools
import re

from aligner.records import Document, Segment
from aligner.profile import RU_EN
from aligner.tables import read_rows

# Runs of letters of a kind; _count() sums their lengths (one match per word, not per letter).
_RUSSIAN = re.compile(RU_EN.letter.pattern + "+")
_RUSSIAN_ONLY = re.compile(r"[ЫыЭэЁё]")  # letters Bulgarian, Ukrainian, Macedonian lack
_CYRILLIC = re.compile(r"[\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]+")
_ASCII_LATIN = re.compile(r"[A-Za-z]+")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]+")
_LETTER = re.compile(r"[^\W\d_]+")


def _count(pattern: re.Pattern, text: str) -> int:
    """How many characters of ``text`` the one-class run ``pattern`` covers."""
    return sum(map(len, pattern.findall(text)))


# Every byte but A-Z, a-z: the UTF-8 bytes of other characters are all >= 0x80, so what
# is left of ``text``'s UTF-8 after deleting these is its ASCII letters (no list of runs).
_NOT_ASCII_LETTER_BYTES = bytes(byte for byte in range(256) if not chr(byte).isascii() or not chr(byte).isalpha())


def _ascii_letters(text: str) -> int:
    """How many characters of ``text`` are A-Z or a-z (``_count(_ASCII_LATIN, text)``)."""
    return len(text.encode("utf-8", "surrogatepass").translate(None, _NOT_ASCII_LETTER_BYTES))


# A character that makes a text more than A-Z letters (plus digits, punctuation, symbols):
# a Latin letter beyond ASCII, anything in the Cyrillic blocks, any other letter.
_BEYOND_ASCII_LETTERS = re.compile(
    r"[\u00c0-\u024f\u1e00-\u1eff\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]|[^\W\d_A-Za-z]")
# A character that makes a text more than Russian letters (plus digits, punctuation,
# symbols): any other letter, anything else in the Latin or Cyrillic blocks.
_BEYOND_RUSSIAN_LETTERS = re.compile(
    r"[^\W\d_\u0401\u0410-\u044f\u0451]"
    r"|[\u00c0-\u024f\u1e00-\u1eff\u0400\u0402-\u040f\u0452-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]")


# Tokens whose letters say nothing about the language of the text around them.
_NON_LINGUISTIC = re.compile(
    r"(?:https?://|ftp://|www\.)\S+"                      # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"                        # e-mail addresses
    r"|\b[A-Z][A-Za-z0-9.\-]*(?:/[A-Za-z0-9.\-]+)*/[A-Za-z0-9.\-]*\d[A-Za-z0-9.\-/]*"  # A/RES/77/13
    r"|\b(?!I\b)(?=[MDCLXVI]+\b)M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})\b"  # XXI
)
# What every match of _NON_LINGUISTIC contains: "/", "@", "www." or a word of Roman numeral
# letters other than the pronoun "I"; most lines have none, and this is far quicker to
# look for than the whole pattern (it starts with one character class, so the search
# skips in C to the next candidate character).
_MAY_BE_NON_LINGUISTIC = re.compile(r"[/@wMDCLXVI](?:(?<=[/@])|(?<=w)ww\.|(?<=[MDCLXV])(?<!\w[MDCLXV])[MDCLXVI]*\b"
                                    r"|(?<=I)(?<!\wI)[MDCLXVI]+\b)")


def _without_non_linguistic(text: str, replacement) -> str:
    """``text`` with every _NON_LINGUISTIC token replaced (``replacement`` as in re.sub);
    ``text`` itself when it has no candidate for one."""
    if not _MAY_BE_NON_LINGUISTIC.search(text):
        return text
    return _NON_LINGUISTIC.sub(replacement, text)

# Word runs by script, for segments(); anything else is neutral (digits, punctuation, space).
_WORD = re.compile(
    r"(?P<cyrillic>[\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f\u0301]+)"
    r"|(?P<latin>[A-Za-z\u00c0-\u024f\u1e00-\u1eff]+)"
    r"|(?P<other>[^\W\d_]+)"
)
_SENTENCE_END = re.compile(r"[.!?…]")
# Longest quotation in another script kept inside the sentence around it.
QUOTE_WORDS = 4
# A lone foreign word at a line's edge joins a neighbour of at least this many words.
_HOST_WORDS = 3

# Below this many letters langdetect is unreliable; the script alone decides.
_MIN_LETTERS_FOR_LANGDETECT = 25
# Cyrillic/Latin text counts as mixed when the smaller script has this share of letters.
_MIXED_SHARE = 0.25
# Cyrillic text with this share of letters Russian lacks is another language (a lower
# share is a quoted name or a typo).
_FOREIGN_CYRILLIC_SHARE = 0.02
# Latin text with this share of accented letters may be French, German, Spanish ...
_ACCENTED_SHARE = 0.01
# Latin text this long with no English function word (data/language_cues.tsv) may be
# another language written without accents.
_MIN_LETTERS_WITHOUT_CUE = 60
# langdetect must be this sure before Russian-alphabet or Latin text is called another language.
_OTHER_CONFIDENCE = 0.90


def detect_language(text: str) -> str:
    """``ru``, ``en``, ``other`` (another language) or ``und`` (no letters) for ``text``."""
    return _language(_without_non_linguistic(text, " "))


def _language(text: str) -> str:
    """detect_language() of a text whose non-linguistic tokens are already masked."""
    if text.isascii() or not _BEYOND_ASCII_LETTERS.search(text):
        latin = _ascii_letters(text)  # every letter is A-Z, a-z: one count says everything below
        return _latin(text, latin, latin) if latin else "und"
    if not _BEYOND_RUSSIAN_LETTERS.search(text):  # Russian letters only: all Cyrillic, none foreign
        if _RUSSIAN_ONLY.search(text):
            return "ru"
        russian = _count(_RUSSIAN, text)
        return _russian_alphabet(text, russian) if russian else "und"
    letters = _count(_LETTER, text)
    if not letters:
        return "und"
    cyrillic = _count(_CYRILLIC, text)
    latin = _count(_LATIN, text)
    if cyrillic + latin < letters - (cyrillic + latin):
        return "other"
    if cyrillic and latin and min(cyrillic, latin) >= _MIXED_SHARE * (cyrillic + latin):
        return _mixed(text, cyrillic, latin)
    if cyrillic >= latin:
        return _cyrillic(text, cyrillic)
    return _latin(text, latin)


def _cyrillic(text: str, cyrillic: int) -> str:
    foreign = cyrillic - _count(_RUSSIAN, text)  # і ї є ў қ ң ... are not Russian
    if foreign >= _FOREIGN_CYRILLIC_SHARE * cyrillic:
        return "other"
    return _russian_alphabet(text, cyrillic)


def _russian_alphabet(text: str, cyrillic: int) -> str:
    """The language of Cyrillic text without (or with too few) letters Russian lacks:
    ``ru`` unless langdetect is sure of Bulgarian, Macedonian, Serbian, Ukrainian or
    Belarusian for a long text with a Bulgarian cue and none of ы э ё."""
    if (cyrillic < _MIN_LETTERS_FOR_LANGDETECT or _RUSSIAN_ONLY.search(text)
            or not _bulgarian_cue().search(text)):
        return "ru"
    best, probability = _langdetect(text)
    if best in ("bg", "mk", "sr", "uk", "be") and probability >= _OTHER_CONFIDENCE:
        return "other"
    return "ru"


def _latin(text: str, latin: int, ascii_latin: int | None = None) -> str:
    """``ascii_latin``: how many of the ``latin`` letters are A-Z, a-z, if known."""
    if latin < _MIN_LETTERS_FOR_LANGDETECT:
        return "en"
    if ascii_latin is None:
        ascii_latin = _ascii_letters(text)
    accented = latin - ascii_latin  # é ü ñ ß ...: French, German, Spanish
    if accented < _ACCENTED_SHARE * latin and (latin < _MIN_LETTERS_WITHOUT_CUE
                                               or _english_cue().search(text)):
        return "en"
    best, probability = _langdetect(text)
    return "other" if best != "en" and probability >= _OTHER_CONFIDENCE else "en"


def _mixed(text: str, cyrillic: int, latin: int) -> str:
    if cyrillic + latin >= _MIN_LETTERS_FOR_LANGDETECT:
        ranked = dict(_ranked(text))
        ru, en = ranked.get("ru", 0.0), ranked.get("en", 0.0)
        if ru != en:
            return "ru" if ru > en else "en"
    return "ru" if cyrillic >= latin else "en"


@functools.lru_cache(maxsize=None)
def _cue_words(language: str) -> tuple[str, ...]:
    """The ``language`` rows of ``data/language_cues.tsv``."""
    rows = read_rows(RU_EN.data["language_cues"], 3, "'language<TAB>word<TAB>note'")
    return tuple(word for _, (lang, word, _note) in rows if lang == language)


@functools.lru_cache(maxsize=1)
def _bulgarian_cue() -> re.Pattern:
    """A ъ Russian spelling does not allow (only before е ё ю я), a Bulgarian word, or a
    Bulgarian definite-noun ending."""
    words = "|".join(re.escape(word) for word in _cue_words("bg"))
    endings = "|".join(re.escape(ending) for ending in _cue_words("bg-ending"))
    return re.compile(rf"ъ(?![еёюя])|(?<![\w\-])(?<!т\.)(?<!т\. )(?:{words})(?![\w\-])"
                      rf"|\w(?:{endings})\b", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _english_cue() -> re.Pattern:
    """A frequent English word that the other Latin-script languages do not have."""
    words = "|".join(re.escape(word) for word in _cue_words("en"))
    return re.compile(rf"(?<![\w\-'’])(?:{words})(?![\w\-])", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _factory():
    """langdetect's profiles, loaded once, with the seed fixed so results repeat."""
    from langdetect import DetectorFactory
    from langdetect.detector_factory import PROFILES_DIRECTORY

    DetectorFactory.seed = 0
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    return factory


@functools.lru_cache(maxsize=4096)
def _ranked(text: str) -> tuple[tuple[str, float], ...]:
    """langdetect's (language, probability) pairs, best first; cached (headers and
    footers repeat)."""
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.append(text)
    try:
        return tuple((found.lang, found.prob) for found in detector.get_probabilities())
    except LangDetectException:
        return ()


def _langdetect(text: str) -> tuple[str, float]:
    """langdetect's best guess and its probability; ('', 0.0) when it has none."""
    ranked = _ranked(text)
    return ranked[0] if ranked else ("", 0.0)


def segments(document: Document) -> list[Segment]:
    """Every non-blank line of ``document``, cut where the script changes, each labelled.

    A single foreign word inside a line (a brand, an acronym) stays with the text around
    it unless sentence punctuation separates them; a line with no letters is one ``und``
    segment. Offsets are into ``document.text``.
    """
    found = []
    for line in document.lines():
        found.extend(line_segments(line.text, line.start))
    return found


def language_blocks(document: Document) -> list[Segment]:
    """Like segments(), but a short quotation in another script (up to
    ``QUOTE_WORDS`` words, with the same language on both sides and no sentence
    punctuation around it) stays inside its sentence: the pieces sentences are split in.
    """
    found = []
    for line in document.lines():
        found.extend(line_segments(line.text, line.start, embedded_words=QUOTE_WORDS))
    return found


def line_segments(text: str, offset: int = 0, embedded_words: int = 1) -> list[Segment]:
    """The script runs of one line (no line breaks inside), labelled; offsets shifted by ``offset``.

    A one-word run joins a neighbouring run of three words or more, and a run of at most
    ``embedded_words`` words joins the run around it, when no sentence punctuation
    separates them.
    """
    stripped = text.strip()
    if not stripped:
        return []
    lead = len(text) - len(text.lstrip())
    masked = _without_non_linguistic(text, _spaces)
    if masked is text:
        script = _one_script(text)
        if script is not None:  # at most one run: the whole line is one segment (as below)
            return [Segment(offset + lead, offset + lead + len(stripped), stripped,
                            _language(stripped) if script else "und")]
    runs = _script_runs(masked)
    if not runs:
        start, end = offset + lead, offset + lead + len(stripped)
        return [Segment(start, end, stripped, "und")]
    runs = _absorb(runs, text, embedded_words)
    found = []
    for start, end in _cut_points(runs, text):
        piece = text[start:end]
        found.append(Segment(offset + start, offset + end, piece, detect_language(piece)))
    return found


def _spaces(match: re.Match) -> str:
    return " " * len(match.group())


def _one_script(text: str) -> str | None:
    """For a line with nothing to mask: "latin" or "cyrillic" when all its words are in
    that script (_script_runs would find one run), "" when it has none (no run), None
    when it may have several runs.

    A one-run line is one segment, the line without its edge spaces; as nothing in the
    line is masked, nothing in that segment is (the masks' look-behinds and word
    boundaries see a space or the line's edge alike), so its language is _language()'s.
    """
    if text.isascii():
        return "latin" if _ascii_letters(text) else ""
    if not _NOT_CYRILLIC_WORD.search(text):
        return "cyrillic" if _CYRILLIC_WORD.search(text) else ""
    if not _NOT_LATIN_WORD.search(text):  # e.g. English with curly quotes or dashes
        return "latin"  # a character starts a Latin word here, since one is not Cyrillic
    return None


# A character that can start a Latin or an "other" _WORD match: when a line has none,
# every word is Cyrillic and the line is one run.
_NOT_CYRILLIC_WORD = re.compile(
    r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]|[^\W\d_\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]")
# A character that can start a Cyrillic or an "other" _WORD match: when a line has none,
# every word is Latin and the line is one run.
_NOT_LATIN_WORD = re.compile(
    r"[\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f\u0301]|[^\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_CYRILLIC_WORD = re.compile(r"[\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f\u0301]+")
_LAST_CYRILLIC_WORD = re.compile(r".*(" + _CYRILLIC_WORD.pattern + ")", re.DOTALL)
_LAST_ASCII_WORD = re.compile(r".*([A-Za-z]+)", re.DOTALL)


def _script_runs(text: str) -> list[list]:
    """[script, first word start, last word end, word count] for each run of one script."""
    if text.isascii():  # every _WORD match is then a Latin one
        return _one_run("latin", _ASCII_LATIN, _LAST_ASCII_WORD, text)
    if not _NOT_CYRILLIC_WORD.search(text):
        return _one_run("cyrillic", _CYRILLIC_WORD, _LAST_CYRILLIC_WORD, text)
    runs: list[list] = []
    script = last = None
    for match in _WORD.finditer(text):
        if match.lastgroup == script:
            last[2] = match.end()
            last[3] += 1
        else:
            script = match.lastgroup
            last = [script, match.start(), match.end(), 1]
            runs.append(last)
    return runs


def _one_run(script: str, word: re.Pattern, last_word: re.Pattern, text: str) -> list[list]:
    """_script_runs() of a line whose words are all of ``script`` (``word`` matches one)."""
    words = word.findall(text)
    if not words:
        return []
    return [[script, word.search(text).start(), last_word.match(text).end(1), len(words)]]


def _absorb(runs: list[list], text: str, embedded_words: int) -> list[list]:
    """Merge short runs into a neighbour not separated from them by sentence punctuation.

    Runs are taken left to right; after a merge the scan steps back two runs (only
    those neighbours can decide differently now), so a line of a million runs is
    merged in linear time.
    """
    todo = runs[::-1]  # the next run is todo[-1]
    done: list[list] = []
    while todo:
        run = todo.pop()
        before = done[-1] if done else None
        after = todo[-1] if todo else None
        host = _host(run, before, after, text, embedded_words)
        if host is None:
            done.append(run)
            continue
        host[1], host[2], host[3] = min(host[1], run[1]), max(host[2], run[2]), host[3] + run[3]
        if before is not None and after is not None and before[0] == after[0]:
            before[2], before[3] = after[2], before[3] + after[3]  # neighbours of one script now touch
            todo.pop()
        for _ in range(2):
            if done:
                todo.append(done.pop())
    return done


def _host(run: list, before: list | None, after: list | None, text: str, embedded_words: int) -> list | None:
    """The neighbouring run that ``run`` should join, or None when it stands on its own."""
    if before is not None and _SENTENCE_END.search(text, before[2], run[1]):
        before = None
    if after is not None and _SENTENCE_END.search(text, run[2], after[1]):
        after = None
    if (run[3] <= embedded_words and before is not None and after is not None
            and before[0] == after[0]):
        return before
    if run[3] == 1:
        candidates = [host for host in (before, after)
                      if host is not None and host[3] >= _HOST_WORDS]
        if candidates:
            return max(candidates, key=lambda host: host[3])
    return None


def _cut_points(runs: list[list], text: str) -> list[tuple[int, int]]:
    """(start, end) of each run in the line, the neutral text between runs shared out."""
    starts = [len(text) - len(text.lstrip())]
    ends = []
    for left, right in zip(runs, runs[1:]):
        cut_end, cut_start = _split_gap(text, left[2], right[1])
        ends.append(cut_end)
        starts.append(cut_start)
    ends.append(len(text.rstrip()))
    return list(zip(starts, ends))


def _split_gap(text: str, gap_start: int, gap_end: int) -> tuple[int, int]:
    """Where the left run ends and the right run starts inside the neutral gap between them.

    The cut goes after the last sentence punctuation followed by a space, else at the
    first space; trailing punctuation stays left, opening quotes go right.
    """
    gap = text[gap_start:gap_end]
    spaces = list(re.finditer(r"\s+", gap))
    if not spaces:
        opening = re.search(r"[«“„\"'(\[]*$", gap)
        cut = gap_start + opening.start()
        return cut, cut
    chosen = spaces[0]
    for space in spaces:
        if _SENTENCE_END.search(gap[:space.start()]):
            chosen = space
    return gap_start + chosen.start(), gap_start + chosen.end()


def detect_document(document: Document) -> list[tuple[int, int, Segment]]:
    """(line, column, segment) for every segment of ``document``."""
    return [(*document.position(segment.start), segment) for segment in segments(document)]
