"""Error injector for the QA bench: the mistakes careless translators and MT systems make.

Each ``inject_<kind>(ru, en, rng)`` takes one aligned sentence pair (Russian source,
clean English reference) and returns the corrupted English, or None when the pair
offers nothing to corrupt. The kinds:

- ``number``: a figure changed the way people and MT change them: a digit mistyped
  or transposed, a zero added or lost, a year off by one, a scale word swapped
  (million/billion), a number word changed, or the Russian number format copied into
  English ("3,5 million"; "1.066" for 1,066).
- ``omission``: the sentence is left out of the translation.
- ``untranslated``: the Russian sentence is pasted in its place.
- ``repeat``: a word doubled ("the the"), a two-word phrase doubled, or a word of a
  multi-word name repeated inside it ("United Nations Charter Nations").
"""

from __future__ import annotations

import random
import re

_DIGITS = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w])|(?<![\w.,])\d+(?:\.\d+)?(?![\w,]\d)")
_SCALES = {"million": "billion", "billion": "million", "thousand": "million", "trillion": "billion"}
_NUMBER_WORDS = {"two": "three", "three": "four", "four": "five", "five": "six", "six": "seven",
                 "seven": "eight", "eight": "nine", "nine": "ten", "ten": "twelve", "twenty": "thirty",
                 "thirty": "forty", "forty": "fifty", "fifty": "sixty", "hundred": "thousand",
                 "first": "second", "second": "third", "third": "fourth"}
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
_FUNCTION_WORDS = frozenset({"The", "A", "An", "In", "On", "At", "For", "Of", "And", "But", "If", "It",
                             "This", "That", "He", "She", "We", "They", "I", "As", "By", "To"})
_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:of\s+(?:the\s+)?|for\s+|and\s+)?[A-Z][a-z]+){1,4}\b")


def inject_number(ru: str, en: str, rng: random.Random) -> str | None:
    """Change one figure of ``en`` (value or format)."""
    matches = list(_DIGITS.finditer(en))
    words = [m for m in re.finditer(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", en)]
    scales = [m for m in re.finditer(r"\b(" + "|".join(_SCALES) + r")\b", en)]
    options = []
    if matches:
        options += ["digit", "digit", "zero", "swap", "format"]
    if scales and matches:
        options.append("scale")
    if words:
        options.append("word")
    if not options:
        return None
    kind = rng.choice(options)
    if kind == "word":
        match = rng.choice(words)
        return en[:match.start()] + _NUMBER_WORDS[match.group()] + en[match.end():]
    if kind == "scale":
        match = rng.choice(scales)
        return en[:match.start()] + _SCALES[match.group()] + en[match.end():]
    match = rng.choice(matches)
    number = match.group()
    changed = _change_number(number, kind, rng)
    if changed is None or changed == number:
        changed = _change_number(number, "digit", rng)
    return en[:match.start()] + changed + en[match.end():]


def _change_number(number: str, kind: str, rng: random.Random) -> str | None:
    digits = [i for i, c in enumerate(number) if c.isdigit()]
    if kind == "zero":
        return number + "0" if "." not in number else number.replace(".", "0.", 1)
    if kind == "swap":
        pairs = [(a, b) for a, b in zip(digits, digits[1:]) if b == a + 1 and number[a] != number[b]]
        if not pairs:
            return None
        a, b = rng.choice(pairs)
        return number[:a] + number[b] + number[a] + number[b + 1:]
    if kind == "format":
        if "," in number:
            return number.replace(",", ".")  # 1,066 -> 1.066 (a Russian reader's thousands point)
        if "." in number:
            return number.replace(".", ",")  # 3.5 -> 3,5 (the Russian decimal comma)
        return None
    position = rng.choice(digits)  # a mistyped digit
    old = number[position]
    new = rng.choice([d for d in "0123456789" if d != old and not (position == 0 and d == "0")])
    return number[:position] + new + number[position + 1:]


def inject_omission(ru: str, en: str, rng: random.Random) -> str | None:
    """Leave the sentence out."""
    return "" if len(en.split()) >= 4 else None


def inject_untranslated(ru: str, en: str, rng: random.Random) -> str | None:
    """Paste the Russian source instead of the translation."""
    return ru if len(ru.split()) >= 3 else None


def inject_repeat(ru: str, en: str, rng: random.Random) -> str | None:
    """Double a word or a phrase, or repeat a word inside a multi-word name."""
    names = [m for m in _NAME.finditer(en) if len(m.group().split()) >= 2]
    kinds = ["word", "word", "phrase"] + (["name", "name"] if names else [])
    kind = rng.choice(kinds)
    words = list(_WORD.finditer(en))
    if len(words) < 4:
        return None
    if kind == "name":
        name = rng.choice(names)
        parts = [w for w in _WORD.finditer(name.group())
                 if w.group()[0].isupper() and w.group() not in _FUNCTION_WORDS]
        if not parts:
            return None
        repeated = rng.choice(parts[:-1] or parts).group()
        return en[:name.end()] + " " + repeated + en[name.end():]
    if kind == "phrase":
        index = rng.randrange(len(words) - 1)
        first, second = words[index], words[index + 1]
        if en[first.end():second.start()] != " ":
            return None
        phrase = en[first.start():second.end()]
        return en[:second.end()] + " " + phrase + en[second.end():]
    word = rng.choice(words)
    return en[:word.end()] + " " + word.group() + en[word.end():]


INJECTORS = {"number": inject_number, "omission": inject_omission,
             "untranslated": inject_untranslated, "repeat": inject_repeat}
