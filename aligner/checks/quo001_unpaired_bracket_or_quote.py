"""Unpaired or mismatched brackets and quotation marks.

What it does:
    On every line of the English file, pairs ( ) [ ] { } « » and curly quotes “ ”,
    and counts straight double quotes. Reports a closing mark with no opening one,
    an opening mark never closed on its line, a pair that does not match ("(…]") and
    reversed curly quotes ("”…“"): a ” between a space and a word opens, a “ between
    a word and a space closes. List markers such as "1)" and "a)" are not closing
    brackets. A quotation may run over several paragraphs, each opening with “ and only
    the last closing, so an unclosed “ is not reported when the next line opens with
    “. An odd number of straight quotes is not reported when the aligned source has
    quotation marks too (straight quotes nest ambiguously). When the Russian source is given and the Russian sentences aligned with the line
    are unbalanced too (a quotation that spans lines in both), nothing is reported.

Why is this bad?
    A lost or reversed mark garbles where a quotation or an aside starts and ends.

Example:
    ``In “new” areas (such as information security, they cooperate.``: the ``(`` is
    reported as never closed.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from aligner.checks._script import is_russian
from aligner.records import Finding, Pair

CODE = "QUO001"
NAME = "unpaired-bracket-or-quote"
SEVERITY = "warning"
SUMMARY = "A bracket or quotation mark is unpaired, mismatched or reversed (”…“)."
EXAMPLES = [
    # corpus/en/000_eee432a0b58034d3.txt line 7 (cut)
    ("Мы также развиваем сотрудничество в «новых» областях.",
     "We are also continuously developing cooperation in “new” areas.", False),
    ("Мы также развиваем сотрудничество в «новых» областях.",
     "We are also continuously developing cooperation in ”new“ areas.", True),
    # adapted from corpus/en/000_eee432a0b58034d3.txt line 13, with the ) lost
    ("Контртеррористический центр СНГ поддерживает контакты с Региональным центром ООН (РЦПДЦА).",
     "The CIS Anti-Terrorism Center maintains contacts with the United Nations Regional Centre "
     "for Preventive Diplomacy for Central Asia (UNRCCA.", True),
    ("Наши задачи: 1) мир; 2) безопасность.", "Our tasks: 1) peace; 2) security.", False),
]

_PAIRS = {"(": ")", "[": "]", "{": "}", "«": "»", "“": "”"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_MARKS = re.compile(r"[()\[\]{}«»“”\"]")
_LIST_MARKER = re.compile(r"(?:^|[\s;:,(])(?:\d{1,2}|[a-zа-я]|[ivx]{1,4})\)$", re.IGNORECASE)
_QUOTE_COUNT = re.compile(r"[«»“”\"„]")


def check(pair: Pair) -> Iterable[Finding]:
    sources = _sources_by_line(pair)
    lines = pair.target.lines()
    following_at = _next_nonblank(lines)
    for number, line in enumerate(lines):
        problems = list(problems_in(line.text))
        if not problems:
            continue
        ru = sources.get(number + 1)
        if ru is not None and _unbalanced(" ".join(s.text for s in ru)):
            continue  # the source line is unbalanced the same way
        following = lines[following_at[number]].text.lstrip() if following_at[number] is not None else ""
        in_paragraph = _paragraph_problems(pair, lines, number)
        for offset, length, message in problems:
            if line.start + offset not in in_paragraph:
                continue  # paired on another line of the paragraph: a quotation running over a line break
            if message.startswith("“ is never closed") and following.startswith("“"):
                continue
            if message.startswith("odd number") and ru and _QUOTE_COUNT.search(" ".join(s.text for s in ru)):
                continue  # straight quotes nest ambiguously; the source quotes there too
            yield pair.finding(CODE, SEVERITY, line.start + offset, line.start + offset + length,
                               message, evidence=ru)


def _paragraph_problems(pair: Pair, lines: list, number: int) -> set[int]:
    """Document offsets of the marks left unpaired in the whole paragraph around line ``number``
    (the lines up to the blank lines before and after it)."""
    first = last = number
    while first > 0 and lines[first - 1].text.strip():
        first -= 1
    while last + 1 < len(lines) and lines[last + 1].text.strip():
        last += 1
    start, end = lines[first].start, lines[last].end
    return {start + offset for offset, _, _ in problems_in(pair.target.text[start:end])}


def problems_in(text: str) -> Iterable[tuple[int, int, str]]:
    """(offset, length, message) for each unpaired, mismatched or reversed mark in one line."""
    stack: list[tuple[str, int]] = []
    open_count = Counter()  # marks on the stack, by mark: no rescan of a long stack per mark

    def push(opener: str, at: int) -> None:
        stack.append((opener, at))
        open_count[opener] += 1

    def pop() -> tuple[str, int]:
        opener, at = stack.pop()
        open_count[opener] -= 1
        return opener, at

    straight: list[int] = []
    reversed_open: int | None = None
    for match in _MARKS.finditer(text):
        mark, at = match.group(), match.start()
        role = _curly_role(text, at) if mark in "“”" else None
        if mark == "”" and role == "open":  # ”in a joint Declaration
            reversed_open = at
            push("“", at)
            continue
        if mark == "“" and role == "close":  # it is“ the prevention
            if stack and stack[-1] == ("“", reversed_open):
                pop()
                yield reversed_open, at - reversed_open + 1, "quotation marks are reversed: ” opens and “ closes"
            else:
                yield at, 1, "“ stands where a closing quotation mark (”) belongs"
                if open_count["“"]:
                    while pop()[0] != "“":
                        pass
            continue
        if mark == '"':
            if at and text[at - 1].isdigit() and not text[at + 1:at + 2].isalpha():
                continue  # 6x4" (10x15cm): the inch sign, not a quotation mark
            straight.append(at)
        elif mark in _PAIRS:
            push(mark, at)
        elif mark == ")" and not open_count["("] and _LIST_MARKER.search(text, max(0, at - 6), at + 1):
            continue
        else:
            opener = _CLOSERS[mark]
            if stack and stack[-1][0] == opener:
                pop()
            elif open_count[opener]:
                while stack[-1][0] != opener:
                    inner, inner_at = pop()
                    yield inner_at, 1, f"{inner} is never closed (its group ends at {mark})"
                pop()
            elif stack and stack[-1][0] in "([{" and mark in ")]}":
                inner, inner_at = pop()
                yield inner_at, at - inner_at + 1, f"{inner} is closed by {mark} instead of {_PAIRS[inner]}"
            else:
                yield at, 1, f"{mark} has no opening {opener} on this line"
    for opener, at in stack:
        if at == reversed_open:
            yield at, 1, "” stands where an opening quotation mark (“) belongs"
        else:
            yield at, 1, f"{opener} is never closed on this line"
    if len(straight) % 2:
        yield straight[-1], 1, 'odd number of straight quotation marks (") on this line'


def _next_nonblank(lines: list) -> list[int | None]:
    """For each line, the index of the next line that is not blank (None at the end)."""
    found: list[int | None] = [None] * len(lines)
    upcoming = None
    for index in range(len(lines) - 1, -1, -1):
        found[index] = upcoming
        if lines[index].text.strip():
            upcoming = index
    return found


def _curly_role(text: str, at: int) -> str | None:
    """'open' for a quote between a space and a word, 'close' for one between a word and a space."""
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if (before.isspace() or before in "([{—–-/") and after.isalnum():
        return "open"
    if before.isalnum() and (after.isspace() or after in ".,;:!?)]}"):
        return "close"
    return None


def _unbalanced(text: str) -> bool:
    return any(True for _ in problems_in(text))


def _sources_by_line(pair: Pair) -> dict[int, list]:
    """English line number -> the Russian sentences aligned with the sentences on that line."""
    found: dict[int, list] = {}
    for ru, en, _ in pair.aligned():
        for sentence in en:
            if is_russian(sentence):
                continue
            line, _ = pair.target.position(sentence.start)
            found.setdefault(line, [])
            found[line].extend(s for s in ru if s not in found[line])
    return found
