"""A word or phrase repeated by mistake.

What it does:
    Reports, in English sentences, (1) a word written twice in a row ("the the"),
    (2) a group of two to four words written twice in a row ("Security Council
    Security Council") and (3) a capitalised word repeated inside one multi-word name
    ("United Nations Charter Nations"), where a name is a run of capitalised words; a
    word such as "of", "and" or "the" ends the run, so "the Federation Council of the
    Russian Federation" and "the United Kingdom and the United States" are fine; and
    (4) a stuttered first letter: a lone lowercase letter that is no English word,
    standing before a word that begins with it ("the illegal arms trade and e emergency
    situations"), unless a noun that names things by letters precedes it ("vitamin d
    deficiency", ``aligner/data/letter_labels.tsv``); and, as a warning, (5) a lowercase
    word of five letters or more standing on both sides of one content word ("in the
    interests of the international terrorist international"); "again and again",
    "house to house", "people helping people" and a function word ("is there life
    there?") are fine; and (6) a word of three letters
    or more repeated across one function word, the trace of a garbled edit ("the head of
    head the department", "agreed to agreed the terms", "greetings from the from fresh
    air"): reported after "of", "the", "a", "at", "on", "into", "than" and the like; after
    a preposition English uses to join a word to itself ("to", "by", "after", "for",
    "with", "in", "upon", "from", "against") unless punctuation or the end follows ("task
    by task, dataset by dataset", "year after year.") or "from" precedes ("from
    destination to destination"); after "and"/"or" as a warning, unless punctuation,
    a preposition after it ("lots and lots of", "data and data in real time", "into
    orbit and orbit around"), a comparative ("larger and larger") or a pronoun of one
    form for object and subject ("it excites you and you have ideas") makes it English
    ("petroleum and petroleum products" is English too, hence the warning). Phrases
    listed in ``aligner/data/legit_gap_repeats.tsv`` (day by day, face to face, peer to
    peer ...; any word around "after"/"upon": "array after array of data") are never reported; and, as a warning, (7) a verb in -ed that opens and
    closes one clause of 3-12 words ("announced the addition of new ships announced").
    Case is ignored for (1)-(3), (6) and (7). (6) across "and"/"or" is not reported where
    the aligned source joins two words of one stem by и/или ("oil and oil products" for
    «нефти и нефтепродуктов»). A word written twice is not reported
    where the aligned source writes a word twice too (the translation mirrors it), nor
    "is is"/"was was" after a clause opened by what/where/how ("where a country is is a
    sort of average"), nor (5) where the aligned source has one stem on both sides of a
    word too ("a limited vision limited to" for «ограниченное видение, ограниченное»),
    nor (3) inside one hyphenated compound ("the Blue-White-Blue striker"), nor (1)
    an article before a model code of the same letters ("an An-124"), nor (1) a
    capitalised word that closes a name the aligned source writes in Latin letters,
    followed by the same word in lower case ("Pirelli Scorpion Winter winter tyres" for
    «Зимняя резина Pirelli Scorpion Winter»: the name, then a common word). Words
    that may legitimately stand twice ("had had", "that that") are listed in
    ``aligner/data/legit_repeats.tsv``. The suggestion drops the second occurrence (for
    (4): the stray letter).

Why is this bad?
    Repetitions are the typical trace of a careless edit or of machine translation
    stuttering; inside a name they garble the name itself.

Example:
    ``... based on the principles of the United Nations Charter Nations.``: reported;
    suggestion ``United Nations Charter``.
"""

from __future__ import annotations

import functools
import re
from typing import Iterable

from aligner.checks._script import is_russian
from aligner.tables import read_table
from aligner.records import Finding, Pair

CODE = "REP001"
NAME = "repeated-word"
SEVERITY = "error"
SUMMARY = "A word or phrase is repeated by mistake (the the; United Nations Charter Nations)."
EXAMPLES = [
    # WMT22 ru-en dev, first document, with a doubled article
    ("Подросткам вообще редко интересна психология героев.",
     "Teenagers are generally rarely interested in the the psychology of characters.", True),
    ("Подросткам вообще редко интересна психология героев.",
     "Teenagers are generally rarely interested in the psychology of characters.", False),
    # a name garbled the way corpus/en texts garble them
    ("на основе Устава ООН", "on the basis of the United Nations Charter Nations", True),
    ("Она уже была сыта по горло.", "She had had enough.", False),
    # corpus/en/003_d8baf50c479c5e8c.txt line 24, a stuttered first letter
    ("незаконной торговлей оружием, а также чрезвычайные ситуации",
     "the illegal arms trade and e emergency situations", True),
    ("дефицит витамина D", "vitamin d deficiency", False),
    # corpus/en/001_471792af4a523792.txt line 53
    ("в интересах международного террористического интернационала",
     "in the interests of the international terrorist international", True),
    ("снова и снова", "again and again", False),
    # the examples of a word repeated across a function word
    ("глава департамента", "the head of head the department", True),
    ("согласились с условиями", "They agreed to agreed the terms.", True),
    ("шаг за шагом", "step by step", False),
    ("из пункта в пункт", "delivery times vary from destination to destination.", False),
]

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_CONNECTORS = frozenset({"of", "the", "for", "on", "de", "and"})
_NAME_DISTANCE = 3  # a repeated name word at most this many capitalised words later
# a lone lowercase letter (not the words "a", "i", "o"; not "(e)", "e.g.", "x-ray")
# followed by a word that starts with the same letter
_STUTTER = re.compile(r"(?<![\w.'’&/()\[\]-])([b-hj-np-z])[ \t]+(\1[a-z]+)")
# the same lowercase word on both sides of one other word, no punctuation between
_ECHO = re.compile(r"\b([a-z]{5,})[ \t]+([a-z]+)[ \t]+\1\b")
# closed-class words that legitimately join a word to itself ("again and again",
# "house to house", "brother against brother")
_ECHO_JOINERS = frozenset(
    "a an the and or nor but of to in on at by for with from as into onto upon over under "
    "after before against versus via per about within without between through than then "
    "is are was were be been that this these those it its so not no more less".split())
# function words of five letters or more, which (5) does not report on both sides of a word
_FUNCTION_ECHOES = frozenset("there where which while their these those other about after before "
                             "under since until would could should might".split())
# (6) a word, one function word, the same word again
_GAP = re.compile(r"\b([^\W\d_]{3,})[ \t]+(of|the|a|an|at|on|into|onto|than|as|about|between|under|"
                  r"via|per|to|by|after|for|with|in|upon|from|against|versus|and|or)[ \t]+(\1)\b"
                  r"(?:[ \t]+([^\W\d_]+))?", re.IGNORECASE)
_ARTICLES = frozenset({"the", "a", "an"})
_CLOSING = ".,;:!?)»”\"'—–-"
_SELF_JOINERS = frozenset("to by after for with in upon from against versus".split())
_DETERMINERS = frozenset("the a an this that these those its his her their our my your some any each every "
                         "all no".split())
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)\W*$")
_LOOK_BACK = 64  # characters searched for the previous word: a bounded window keeps a long line linear
_POSSESSIVES = ("'s", "’s")
_COPULAS = frozenset({"is", "was"})
_WH_WORDS = frozenset({"what", "where", "how", "who", "why", "whatever", "wherever"})


@functools.lru_cache(maxsize=1)
def legit_repeats() -> frozenset:
    return frozenset(row["word"].lower() for row in read_table("legit_repeats.tsv"))


def check(pair: Pair) -> Iterable[Finding]:
    for sentence in pair.target_sentences:
        if is_russian(sentence):
            continue
        text = pair.target.text[sentence.start:sentence.end]
        words = list(_WORD.finditer(text))
        for first, second, keep_end in _repeats(text, words):
            if _source_doubles(pair, sentence):
                continue  # the source doubles a word too ("Оплата Оплата" / "Payment Payment")
            if _name_then_word(pair, sentence, first, second):
                continue  # "Scorpion Winter winter tyres": the source's Latin name, then a common word
            start, end = sentence.start + first.start(), sentence.start + second.end()
            phrase = pair.target.text[start:end]
            kept = pair.target.text[start:sentence.start + keep_end]
            yield pair.finding(CODE, SEVERITY, start, end,
                               f"“{second.group()}” is repeated in “{phrase}”", replacement=kept)
        echoes = _may_echo(text)
        for echo in _ECHO.finditer(text) if echoes else ():
            if echo.group(2) in _ECHO_JOINERS or echo.group(2).endswith("ing"):
                continue  # "again and again", "people helping people"
            if echo.group(1) in _FUNCTION_ECHOES:
                continue  # "is there life there?": a function word may well come back
            if _source_echoes(pair, sentence):
                continue  # "a limited vision limited to" for «ограниченное видение, ограниченное»
            yield pair.finding(CODE, "warning", sentence.start + echo.start(),
                               sentence.start + echo.end(),
                               f"“{echo.group(1)}” stands on both sides of “{echo.group(2)}” "
                               f"in “{echo.group()}”: one of them is probably a garble")
        for gap, severity in _gap_repeats(text) if echoes else ():
            if gap.group(2).lower() in ("and", "or") and _source_coordinates_stem(pair, sentence):
                continue  # "oil and oil products" for «нефти и нефтепродуктов»: the source says it twice
            start = sentence.start + gap.start()
            yield pair.finding(CODE, severity, start, sentence.start + gap.end(3),
                               f"“{gap.group(1)}” is repeated across “{gap.group(2)}” in "
                               f"“{gap.group(1)} {gap.group(2)} {gap.group(3)}”",
                               f"{gap.group(1)} {gap.group(2)}")
        for first, last in _clause_echoes(text):
            yield pair.finding(CODE, "warning", sentence.start + first.start(), sentence.start + last.end(),
                               f"“{last.group()}” opens and closes one clause: one of them is "
                               f"probably left over from an edit", advice="keep one of the two")
        for stray in _stutters(text):
            start = sentence.start + stray.start()
            yield pair.finding(CODE, SEVERITY, start, sentence.start + stray.end(),
                               f"stray letter “{stray.group(1)}” before “{stray.group(2)}”",
                               replacement=stray.group(2))


def _may_echo(text: str) -> bool:
    """What _ECHO and _GAP need (three whole \\w+ tokens, the third the first again), told
    at once in ASCII text: two lowercased tokens two apart are equal."""
    tokens = _TOKEN.findall(text.lower()) if text.isascii() else None
    return tokens is None or any(map(str.__eq__, tokens, tokens[2:]))


_TOKEN = re.compile(r"\w+")
_DOUBLED = re.compile(r"\b([^\W\d_]+)[ \t]+\1\b", re.IGNORECASE)


# one word may stand before the second: «подписки или набора подписок»
_STEM_COORDINATED = re.compile(r"(?<!\w)(\w{4})\w*,?[ \t]+(?:и|или)[ \t]+(?:\w+[ \t]+)?\1", re.IGNORECASE)


def _source_coordinates_stem(pair: Pair, sentence) -> bool:
    """The aligned source joins two words of one stem by и/или («нефти и нефтепродуктов»,
    «данные и данные», «подписки или набора подписок»): the English "X and X ..." renders
    what the source says twice."""
    return any(_STEM_COORDINATED.search(r.text) for r in _aligned_source(pair, sentence))


def _aligned_source(pair: Pair, sentence) -> list:
    for ru, en, _ in pair.aligned():
        if any(e.start == sentence.start for e in en):
            return ru
    return []


def _source_doubles(pair: Pair, sentence) -> bool:
    """The source sentence aligned with ``sentence`` writes a word twice in a row itself:
    the translation mirrors its source (a form's doubled heading), not a slip of its own."""
    return any(_DOUBLED.search(r.text) for r in _aligned_source(pair, sentence))


def _name_then_word(pair: Pair, sentence, first: re.Match, second: re.Match) -> bool:
    """A capitalised word, then the same word in lower case, where the aligned source writes
    the capitalised one in Latin letters («Зимняя резина Pirelli Scorpion Winter» / "Pirelli
    Scorpion Winter winter tyres"): the end of a product name kept from the source, then
    the common word the source says in Russian (зимняя), not a stutter."""
    name, word = first.group(), second.group()
    if not (name[:1].isupper() and word.islower() and name.lower() == word):
        return False
    kept = re.compile(rf"(?<![^\W\d_]){re.escape(name)}(?![^\W\d_])")
    return any(kept.search(r.text) for r in _aligned_source(pair, sentence))


_STEM_ECHOED = re.compile(r"(?<!\w)(\w{6})\w*\W+\w+\W+\1", re.IGNORECASE)  # six letters: интересах ≠ интернационала


def _source_echoes(pair: Pair, sentence) -> bool:
    """The aligned source has a word of one stem on both sides of one word as well
    («ограниченное видение, ограниченное единым набором»): the English echo renders it."""
    return any(_STEM_ECHOED.search(r.text) for r in _aligned_source(pair, sentence))


@functools.lru_cache(maxsize=1)
def legit_gap_repeats() -> frozenset:
    return frozenset(row["phrase"].lower() for row in read_table("legit_gap_repeats.tsv"))


def _listed_gap_phrase(word: str, joiner: str, second: str) -> bool:
    """The phrase is in ``legit_gap_repeats.tsv``: as written ("day by day") or as a pattern
    of any word on both sides ("* after *": "task after task", "array after array")."""
    listed = legit_gap_repeats()
    return f"{word} {joiner} {second}" in listed or f"* {joiner} *" in listed


def _gap_repeats(text: str) -> Iterable[tuple[re.Match, str]]:
    """(match, severity) for a word repeated across one function word where English would not."""
    for match in _GAP.finditer(text):
        word, joiner = match.group(1).lower(), match.group(2).lower()
        if (word in legit_repeats() or word in _ECHO_JOINERS) and joiner not in _ARTICLES:
            continue  # "as to as"; but "from the from", "with a with" are garbles
        if _listed_gap_phrase(word, joiner, match.group(3).lower()):
            continue
        rest = text[match.end(3):]
        closed = not rest.strip() or rest.lstrip()[0] in _CLOSING
        following = (match.group(4) or "").lower()
        if joiner in ("and", "or"):
            if closed or following in _PREPOSITIONS or _comparative(word):
                continue  # "Batrukha and Batrukha.", "lots and lots of", "data and data in", "larger and larger"
            if _clause_pronoun(word):
                continue  # "it excites you and you have ideas": two clauses, two roles
            yield match, "warning"  # "physics and physics information" vs "petroleum and petroleum products"
        elif joiner in _SELF_JOINERS:
            before = _PREVIOUS_WORD.search(text[:match.start()])
            if closed or (joiner == "to" and before and before.group(1).lower() == "from"):
                continue  # "task by task, dataset by dataset", "from destination to destination"
            yield match, SEVERITY
        else:
            yield match, SEVERITY


_CLAUSE = re.compile(r"[^,;:.!?—–()\"“”«»]+")


def _clause_echoes(text: str) -> Iterable[tuple[re.Match, re.Match]]:
    """(first, last) word of a clause of 3-12 words that opens and closes on one verb in -ed."""
    for clause in _CLAUSE.finditer(text):
        if "ed" not in clause.group().lower():
            continue  # no word of it ends in -ed: most clauses, decided in C
        words = list(_WORD.finditer(text, clause.start(), clause.end()))
        if not 3 <= len(words) <= 12:
            continue
        last = words[-1].group().lower()
        if len(last) >= 5 and last.endswith("ed"):
            for first in words[:2]:
                if first.group().lower() == last:
                    yield first, words[-1]
                    break


# a preposition after the second word: it takes a complement of its own ("historical data and
# data in real time", "fall into orbit and orbit around the Sun"), so the two are two things
_PREPOSITIONS = frozenset("of in on at to from with for by about around over under into onto through "
                          "across against between within without after before during".split())
# pronouns whose object and subject (or possessive) forms are one word
_CLAUSE_PRONOUNS = frozenset({"you", "it", "her"})


def _clause_pronoun(word: str) -> bool:
    """A pronoun that can end one clause as its object and open the next after "and" as its
    subject or possessive ("it excites you and you have ideas", "we called her and her
    sister came"): English grammar, not a garble."""
    return word in _CLAUSE_PRONOUNS


def _comparative(word: str) -> bool:
    return word in ("more", "less", "fewer") or (word.endswith("er") and len(word) > 4)


@functools.lru_cache(maxsize=1)
def letter_labels() -> frozenset:
    return frozenset(row["word"].lower() for row in read_table("letter_labels.tsv"))


def _stutters(text: str) -> Iterable[re.Match]:
    """Lone letters before a word with the same first letter, not used as labels."""
    for match in _STUTTER.finditer(text):
        if text[match.end():match.end() + 1] in ("-", ".", "’", "'"):
            continue  # "x x-ray", a hyphenated or abbreviated word
        before = _PREVIOUS_WORD.search(text, max(0, match.start() - _LOOK_BACK), match.start())
        previous = before.group(1).lower() if before else ""
        if previous in letter_labels() or _lost_apostrophe(match.group(1), previous):
            continue
        yield match


def _lost_apostrophe(letter: str, previous: str) -> bool:
    """A contraction whose apostrophe was lost ("it s", "don t", "I m"), not a stutter."""
    return letter == "s" or (letter == "t" and previous.endswith("n")) or previous == "i"


def _repeats(text: str, words: list[re.Match]) -> Iterable[tuple[re.Match, re.Match, int]]:
    """(first word of the span, last word of the span, where the kept text ends)."""
    reported_until = -1
    lowered = [w.group().lower() for w in words]
    lower = [w[:-2] if w.endswith(_POSSESSIVES) else w for w in lowered]  # New's = New
    last = {word: i for i, word in enumerate(lower)}
    for i in range(len(words)):
        if last[lower[i]] == i or words[i].start() < reported_until:
            continue  # both kinds of repeat need the same word again later
        found = _adjacent(text, words, lower, i) or _in_name(text, words, lower, i)
        if found:
            reported_until = found[1].end()
            yield found


def _adjacent(text, words, lower, i):
    for size in range(1, 5):
        j = i + size
        if j + size > len(words):
            break
        if lower[i] != lower[j] or lower[i:j] != lower[j:j + size]:
            continue
        if size == 1 and lower[i] in legit_repeats():
            continue
        if size == 1 and lower[i] in _COPULAS and _WH_WORDS & set(lower[max(0, i - 5):i]):
            continue  # "what it is is", "where a country is is": a clause as subject, then its verb
        if size == 1 and words[j].group().isupper() != words[i].group().isupper() and len(lower[i]) > 1:
            continue  # "very VERY": a repeat for emphasis, the second one shouted
        if size == 1 and _model_code(text, words[j]):
            continue  # "an An-124", "a A-50": the article, then an aircraft's model code
        gaps = [text[words[k].end():words[k + 1].start()] for k in range(i, j + size - 1)]
        if all(gap.strip() == "" for gap in gaps):  # no punctuation: "No, no" is fine
            return words[i], words[j + size - 1], words[j - 1].end()
    return None


_CODE_NUMBER = re.compile(r"-\d")


def _model_code(text: str, word: re.Match) -> bool:
    """Is the word the letters of a model code, joined by a hyphen to a number (An-124,
    Su-35)? Then it is a name, and a word before it that looks the same is another word."""
    return word.group()[:1].isupper() and _CODE_NUMBER.match(text, word.end()) is not None


def _in_name(text, words, lower, i):
    word = words[i].group()
    if not (word[0].isupper() and len(word) >= 3 and lower[i] not in _CONNECTORS):
        return None
    capitalised = 0
    hyphenated = True
    for k in range(i + 1, len(words)):
        gap = text[words[k - 1].end():words[k].start()]
        if gap.strip() not in ("", "-"):
            return None  # punctuation ends the name
        hyphenated = hyphenated and gap == "-"
        if lower[k] in _CONNECTORS:
            return None  # "the Federation Council of the Russian Federation" is right
        if not words[k].group()[0].isupper():
            return None
        capitalised += 1
        if capitalised > _NAME_DISTANCE:
            return None
        if lower[k] == lower[i] and capitalised > 1:
            if hyphenated:
                return None  # one hyphenated compound (Blue-White-Blue, a club's colours): a word of its own
            return words[i], words[k], words[k - 1].end()
    return None
