"""A calque or false friend of Russian diplomatic wording ("conjugation of integration projects").

What it does:
    Reports English wording that follows a Russian word's look-alike or literal sense
    where official English usage has another term, from the table
    ``aligner/data/calques.tsv``: "non-alternative" (безальтернативный → indispensable),
    "project of the resolution" (проект резолюции → draft resolution), "global peace and
    international security" (the Charter's "international peace and security"),
    "Please draw your attention" (Прошу обратить внимание → I would like to draw your
    attention). Each row has an English pattern, the replacement(s), a note and its source
    (the UN Charter, UNTERM, the UN Editorial Manual, Oxford or Collins usage notes).
    Rows whose English also has an ordinary sense ("actual problems", "its project",
    "the UN site") carry a Russian gate: they fire only when the Russian sentence
    aligned with the English one contains the word they calque (актуальн*, площадк*;
    context words such as резолюц* for "its project" may also stand in the Russian
    sentence before); without a source they stay silent. The 88 rows each carry an
    example sentence that the tests run.

Why is this bad?
    A calque reads as a translation at once, and in a diplomatic text it can say
    something else: "the UN site" is the UN's website, not its platform; a "Deputy of
    the House" is someone's deputy, not a Member; a quotation of the Charter in
    non-Charter words ("to establish faith in human rights") is a misquotation.

Example:
    ``... designed to serve the conjugation of integration projects ...``
    (corpus/en/001_471792af4a523792.txt line 25; the source has «сопряжению
    интеграционных проектов»): reported; suggestion ``alignment of``.
"""

from __future__ import annotations

import bisect
import functools
import re
import string
from dataclasses import dataclass
from typing import Iterable

try:
    from re import _parser as regex_parser  # the parser re itself uses (Python >= 3.11)
except ImportError:  # Python 3.10
    import sre_parse as regex_parser

from aligner.checks._script import is_russian
from aligner.tables import read_table
from aligner.records import Pair
from aligner.morph import forms, ru_tokens
from aligner.records import Finding, Sentence

CODE = "CLQ001"
NAME = "russian-calque"
SEVERITY = "warning"
SUMMARY = "A calque or false friend of Russian diplomatic wording ('non-alternative role', 'Its project')."
EXAMPLES = [
    # corpus/en/001_471792af4a523792.txt line 25, with its Russian reconstruction
    ("Это инициатива, призванная служить сопряжению интеграционных проектов.",
     "This is an initiative designed to serve the conjugation of integration projects.", True),
    ("Это инициатива, призванная служить сопряжению интеграционных проектов.",
     "This is an initiative designed to serve the alignment of integration projects.", False),
    # corpus/en/003_d8baf50c479c5e8c.txt line 10: fires without a source too
    ("", "It is their recognition of the non-alternative central role of the world organization.", True),
    # corpus/en/003_d8baf50c479c5e8c.txt line 32: 'project' only with проект резолюции in the source
    ("В ходе текущей, 73-й сессии планируется вновь принять аналогичную, обновленную резолюцию. "
     "Ее проект был предварительно согласован представителями государств – членов ОДКБ.",
     "In the course of the current, 73rd session, it is planned to adopt a similar resolution once "
     "again updated. Its project was previously agreed by representatives of the CSTO member states.", True),
    ("", "In the course of the current, 73rd session, it is planned to adopt a similar resolution once "
     "again updated. Its project was previously agreed by representatives of the CSTO member states.", False),
    # WMT22 ru-en dev ecommerce_ru_88 reference: "a complex of diseases" is not "a complex of measures"
    ("Гибрид обладает устойчивостью к комплексу болезней.", "The hybrid is resistant to a complex of diseases.",
     False),
]


@dataclass(frozen=True)
class Calque:
    """One row of calques.tsv."""

    gate: tuple[tuple[str, ...], ...]  # all groups must match; any alternative within a group
    pattern: re.Pattern
    suggestions: tuple[str, ...]
    note: str
    source: str
    line: int

    @functools.cached_property
    def trigger(self) -> tuple[str, ...] | None:
        """The lower-case ASCII texts one of which every match begins with (the
        alternatives' starts), to be found in `_folded` text; None when some alternative
        does not begin with literal ASCII text (a character class, a repeat)."""
        starts, _ = _literal_starts(regex_parser.parse(self.pattern.pattern, self.pattern.flags))
        if not all(starts):
            return None
        return tuple(sorted(set(starts)))


def _found_at(text: str, literals: tuple[str, ...]) -> dict[str, list[int]]:
    """literal -> every place it occurs in ``text`` (overlapping ones too): one search of the
    text for where any of them starts (a trie of the literals in a look-ahead), then the
    literals compared at those places only."""
    by_first: dict[str, list[str]] = {}
    for literal in literals:
        by_first.setdefault(literal[:1], []).append(literal)
    found: dict[str, list[int]] = {}
    if not literals:
        return found
    for match in _starts_pattern(literals).finditer(text):
        position = match.start()
        for literal in by_first[text[position]]:
            if text.startswith(literal, position):
                found.setdefault(literal, []).append(position)
    return found


@functools.lru_cache(maxsize=4)
def _starts_pattern(literals: tuple[str, ...]) -> re.Pattern:
    """Matches (empty) where one of ``literals`` starts."""
    return re.compile(f"(?={_trie(literals)})")


def _trie(literals) -> str:
    by_first: dict[str, list[str]] = {}
    for literal in literals:
        by_first.setdefault(literal[:1], []).append(literal[1:])
    if "" in by_first:
        return ""  # a literal ends here: one starts wherever this point is reached
    alternatives = [re.escape(first) + _trie(rests) for first, rests in sorted(by_first.items())]
    return alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"


_MAX_STARTS = 64  # alternatives a row's literal start is spelled out into, at most
_LITERAL_CHARACTERS = frozenset(string.ascii_letters + string.digits + string.punctuation + " ")
# ASCII case folded, with the four non-ASCII letters that match an ASCII letter under
# re.IGNORECASE (İ ı ſ K, found by matching [a-z] against every code point)
_FOLD = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}


def _folded(text: str) -> str:
    """``text`` with each character that matches an ASCII letter case-insensitively made
    that lower-case letter (same length, so offsets carry over). bytes.lower() changes the
    ASCII capitals only (UTF-8 writes every other character in bytes >= 0x80): a pass in
    C, where str.translate looks each character up in a table."""
    folded = text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")
    for letter, ascii_letter in _FOLD.items():
        folded = folded.replace(letter, ascii_letter)
    return folded


def _literal_starts(sequence) -> tuple[list[str], bool]:
    """The lower-case literal text each alternative of a parsed pattern starts with
    ('' for an alternative whose start is not literal ASCII), and whether that text is
    the whole of every alternative (so that what follows extends it)."""
    starts = [""]
    for op, value in sequence:
        if op in (regex_parser.AT, regex_parser.ASSERT, regex_parser.ASSERT_NOT):
            continue  # \b, ^, lookarounds: zero-width
        if op is regex_parser.LITERAL and chr(value) in _LITERAL_CHARACTERS:
            starts = [start + chr(value).lower() for start in starts]
            continue
        if op is regex_parser.SUBPATTERN and not value[1] and not value[2]:  # no inline flags
            inner, whole = _literal_starts(value[3])
        elif op is regex_parser.BRANCH:
            parts = [_literal_starts(alternative) for alternative in value[1]]
            inner = [start for part, _ in parts for start in part]
            whole = all(whole for _, whole in parts)
        elif op in (regex_parser.MAX_REPEAT, regex_parser.MIN_REPEAT) and value[:2] == (0, 1):
            inner, whole = _literal_starts(value[2])
            inner = inner + [""]  # optional
        else:
            return starts, False
        if len(starts) * len(inner) > _MAX_STARTS:
            return starts, False
        starts = [start + more for start in starts for more in inner]
        if not whole:
            return starts, False
    return starts, True


@functools.lru_cache(maxsize=1)
def calques() -> tuple[Calque, ...]:
    """The table, compiled (line numbers count data rows from 1)."""
    rows = []
    for number, row in enumerate(read_table("calques.tsv"), start=1):
        gate = tuple(tuple(alt.strip().lower() for alt in group.split("|") if alt.strip())
                     for group in row["ru"].split(" & ") if group.strip())
        english = row["en"]
        left = r"\b" if re.match(r"[\w(^]", english) and not english.startswith("^") else ""
        right = r"\b" if re.search(r"[\w)?]$", english) else ""
        pattern = re.compile(f"{left}(?:{english}){right}", re.IGNORECASE)
        rows.append(Calque(gate, pattern, tuple(s.strip() for s in row["suggestion"].split("|")),
                           row["note"], row["source"], number))
    return tuple(rows)


def _gate_word(alternative: str, words: dict[str, frozenset[str]]) -> str | None:
    """The Russian word that matches one gate alternative (a lemma or ``stem*``), if any."""
    stem = alternative[:-1] if alternative.endswith("*") else None
    for word, word_forms in words.items():
        if stem is not None:
            if any(form.startswith(stem) for form in word_forms):
                return word
        elif alternative in word_forms:
            return word
    return None


def _gate_words(calque: Calque, words: dict[str, frozenset[str]],
                context: dict[str, frozenset[str]]) -> list[str] | None:
    """The Russian words that open the gate (one per group), or None when it stays shut.

    The first group (the word calqued) must be in the aligned sentences; further groups
    (context: резолюц* for "its project") may also be in the Russian sentence before them.
    """
    found = []
    for number, group in enumerate(calque.gate):
        where = words if number == 0 else context
        word = next(filter(None, (_gate_word(alt, where) for alt in group)), None)
        if word is None:
            return None
        found.append(word)
    return found


def _sources(pair: Pair) -> dict[int, tuple[list[Sentence], list[Sentence]]]:
    """English sentence index -> (the Russian sentences aligned with it, the one before those)."""
    aligned: dict[int, tuple[list[Sentence], list[Sentence]]] = {}
    for ru, _, bead in pair.aligned():
        before = [pair.source_sentences[bead.source[0] - 1]] if bead.source and bead.source[0] > 0 else []
        for index in bead.target:
            aligned[index] = (ru, before)
    return aligned


def _words(sentences: list[Sentence]) -> dict[str, frozenset[str]]:
    """Every Russian word of the sentences with its forms (surface and pymorphy3 lemmas)."""
    return {token.text: forms(token.text) for s in sentences for token in ru_tokens(s.text)}


def _fit_case(suggestion: str, flagged: str) -> str:
    """Capitalize the replacement when the flagged text starts a sentence or name."""
    if flagged[:1].isupper() and suggestion[:1].islower():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def _candidates(sentences: list[Sentence], table: tuple[Calque, ...]) -> dict[int, list[Calque]]:
    """Sentence index -> the rows (in table order) that may match in it: those whose
    literal start occurs in it (searched once over the whole document, case-folded), and
    those without a literal start everywhere. Each is then searched in its sentence."""
    starts, offset = [], 0
    for sentence in sentences:
        starts.append(offset)
        offset += len(sentence.text) + 1
    text = _folded("\n".join(sentence.text for sentence in sentences))
    at = _found_at(text, tuple(sorted({t for calque in table if calque.trigger for t in calque.trigger})))
    rows: dict[int, list[Calque]] = {}
    for calque in table:
        if calque.trigger is None:
            found = range(len(sentences))
        else:
            found = dict.fromkeys(bisect.bisect_right(starts, position) - 1 for position in
                                  sorted({p for literal in calque.trigger for p in at.get(literal, ())}))
        for index in found:
            rows.setdefault(index, []).append(calque)
    return rows


def check(pair: Pair) -> Iterable[Finding]:
    candidates = _candidates(pair.target_sentences, calques())
    aligned = _sources(pair)
    for index, sentence in enumerate(pair.target_sentences):
        if index not in candidates or is_russian(sentence):
            continue
        source, before = aligned.get(index, ([], []))
        words = context = None  # the Russian words are looked up only when a gated row matches
        hits = []
        for calque in candidates[index]:
            matches = [m for m in calque.pattern.finditer(sentence.text) if m.end() > m.start()]
            if not matches:
                continue
            evidence_words: list[str] = []
            if calque.gate:
                if words is None:
                    words = _words(source)
                    context = {**_words(before), **words}
                opened = _gate_words(calque, words, context) if words else None
                if opened is None:
                    continue
                evidence_words = opened
            hits.extend((m.start(), -m.end(), calque, m, evidence_words) for m in matches)
        covered_until = -1
        for start, negative_end, calque, match, evidence_words in sorted(hits, key=lambda h: h[:2]):
            if start < covered_until:
                continue  # one finding per stretch of text: the earliest, longest match
            covered_until = -negative_end
            yield _finding(pair, sentence, calque, match, evidence_words, source)


def _finding(pair: Pair, sentence: Sentence, calque: Calque, match: re.Match,
             evidence_words: list[str], source: list[Sentence]) -> Finding:
    flagged = match.group().rstrip()  # a pattern may end in a space before its lookahead
    start = sentence.start + match.start()
    options = [_fit_case(match.expand(s).strip(), flagged) for s in calque.suggestions]
    others = ", ".join(f"“{o}”" for o in options[1:])
    message = f"“{flagged}” is a calque: use “{options[0]}”" + (f" (or {others})" if others else "")
    message += f"; {calque.note}"
    if evidence_words:
        message += " (the source has " + ", ".join(f"«{w}»" for w in evidence_words) + ")"
    message += f" [source: {calque.source}]"
    return pair.finding(CODE, SEVERITY, start, start + len(flagged), message, replacement=options[0], evidence=source or None)
