"""Russian text left in the English translation.

What it does:
    Reports, in the English file, (1) a whole sentence written in Russian, (2) Russian
    words inside an English sentence and (3) English words containing Cyrillic
    look-alike letters ("Sеcurity" with a Cyrillic е) and single look-alike letters
    ("50°С", "60х190" with Cyrillic С and х), with the Latin spelling as the
    suggestion. A sentence that is an exact copy of its aligned source is left to
    UNT002.

    A deliberate bilingual headline is not an error: a Russian line of its own that is
    short (at most 25 words), has no closing sentence punctuation and stands next to an
    English headline of comparable length (within a factor of 2.5; only blank lines
    between), as line 3 of ``corpus/en/002_63d1d6def9e2a9b0.txt`` under line 1, is
    reported at ``info`` severity, so an editor sees it but ``--fail-on error`` (the
    default) does not fail. Russian words in quotation marks or brackets (a quoted
    original title) and single look-alike letters are a ``warning``; anything else is
    an ``error``.

Why is this bad?
    Readers of the English text cannot read it; look-alike letters break search,
    spell-checking and terminology checks while looking right on screen.

Example:
    ``The meeting was chaired by Sergei Vershinin. Заседание продлилось три часа.``:
    the second sentence is reported as left in Russian.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Iterable

from aligner.checks._script import CYRILLIC, LATIN, is_russian, mirrored_headline
from aligner.profile import RU_EN
from aligner.tables import read_table
from aligner.records import Finding, Pair

CODE = "UNT001"
NAME = "untranslated-text"
SEVERITY = "error"
SUMMARY = "Russian text (a sentence, words, or Cyrillic look-alike letters) left in the English file."
EXAMPLES = [
    # corpus/en/002_63d1d6def9e2a9b0.txt lines 1-3: a bilingual headline (info, still reported)
    ("В Совбезе ООН обсудили роль ОДКБ, ШОС и СНГ в поддержании международного мира",
     "The role of the CSTO, SCO and CIS in maintaining international peace was discussed at "
     "the UN Security Council\n\nВ Совбезе ООН обсудили роль ОДКБ, ШОС и СНГ в поддержании "
     "международного мира", True),
    # WMT22 ru-en dev: a clean rendering
    ("Подросткам вообще редко интересна психология героев.",
     "Teenagers are generally rarely interested in the psychology of characters.", False),
    ("Подросткам вообще редко интересна психология героев.",
     "Teenagers are generally rarely interested in the психология of characters.", True),
    ("Совет Безопасности ООН", "UN Sеcurity Council", True),
]

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_CYRILLIC_RUN = re.compile(f"[{RU_EN.script}]+(?:[\\s\\-‑'’]+[{RU_EN.script}]+)*")
_OPENERS, _CLOSERS = "\"«“„'‘([", "\"»”“'’)]"


@functools.lru_cache(maxsize=1)
def homoglyphs() -> dict[str, str]:
    """Cyrillic letter -> the Latin letter it looks like (aligner/data/homoglyphs.tsv)."""
    return {row["cyrillic"]: row["latin"] for row in read_table("homoglyphs.tsv")}


def check(pair: Pair) -> Iterable[Finding]:
    copies = pair.facts.copies
    sources = _sources(pair)
    for index, sentence in enumerate(pair.target_sentences):
        if not CYRILLIC.search(sentence.text):
            continue
        if index in copies and mirrored_headline(pair.target, sentence) is None:
            continue  # a plain copy of the source: UNT002
        evidence = sources.get(index)
        source_text = " ".join(s.text for s in evidence or ())
        if is_russian(sentence) and not _english_beside_kept_words(pair, sentence, source_text):
            english_line = mirrored_headline(pair.target, sentence)
            if english_line is not None:
                side = "above" if english_line < pair.target.position(sentence.start)[0] else "below"
                yield pair.finding(
                    CODE, "info", sentence.start, sentence.end,
                    f"Russian headline beside its English version (the headline {side}); "
                    "fine if the bilingual headline is deliberate", evidence=evidence)
            else:
                yield pair.finding(CODE, SEVERITY, sentence.start, sentence.end,
                                   "sentence left in Russian (untranslated)", evidence=evidence)
            continue
        yield from _inside(pair, sentence, evidence, source_text)


def _english_beside_kept_words(pair: Pair, sentence, source_text: str) -> bool:
    """Is the sentence English once the Russian it keeps on purpose is set aside ("The
    website стопкоронавирус.рф.", 'The "Вкусно – и точка" chain opened restaurants.')?
    The segmenter may have cut the line where the script changes, so the English around
    it on the same line counts too."""
    rest = sentence.text
    for run in reversed(list(_CYRILLIC_RUN.finditer(sentence.text))):
        if not _kept_on_purpose(pair, sentence, run, source_text):
            return False
        rest = rest[:run.start()] + rest[run.end():]
    text = pair.target.text
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.end)
    line_end = len(text) if line_end < 0 else line_end
    rest += " " + text[line_start:sentence.start] + " " + text[sentence.end:line_end]
    return len(LATIN_WORD.findall(rest)) >= 2


LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def _kept_on_purpose(pair: Pair, sentence, run: re.Match, source_text: str) -> bool:
    """Russian a translation keeps on purpose: a Cyrillic web address (стопкоронавирус.рф),
    or, copied as it is from the aligned source, a hashtag (#МыВместе) or a name or title
    in quotation marks («Катюша», "Вкусно – и точка"): the original cited, which a reader
    may look up, not text left untranslated."""
    if _in_web_address(sentence.text, run.start(), run.end()):
        return True
    if not source_text or run.group() not in source_text:
        return False
    if sentence.text[run.start() - 1:run.start()] == "#":
        return True
    quoted = _quotation(pair.target.text, sentence.start + run.start(), sentence.start + run.end())
    return quoted is not None and quoted[:1].isupper() and quoted in source_text


_QUOTATION = re.compile(r"[\"«“„]([^\"«»“”„\n]{1,80})[\"»”“]")


def _quotation(text: str, start: int, end: int) -> str | None:
    """The text of the quotation marks around ``text[start:end]`` on its line, if any."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    for match in _QUOTATION.finditer(text, line_start, len(text) if line_end < 0 else line_end):
        if match.start(1) <= start and end <= match.end(1):
            return match.group(1)
    return None


def _inside(pair: Pair, sentence, evidence, source_text: str = "") -> Iterable[Finding]:
    text = pair.target.text
    table = homoglyphs()
    mixed_spans = []
    for word in _WORD.finditer(sentence.text):
        token = word.group()
        if CYRILLIC.search(token) and LATIN.search(token):
            start = sentence.start + word.start()
            mixed_spans.append((word.start(), word.end()))
            letters = ", ".join(sorted({c for c in token if CYRILLIC.match(c)}))
            latin = "".join(table.get(c, c) for c in token)
            yield pair.finding(CODE, SEVERITY, start, start + len(token),
                               f"“{token}” mixes Latin and Cyrillic letters (Cyrillic: {letters})",
                               replacement=latin if not CYRILLIC.search(latin) else None,
                               evidence=evidence)
    mixed_starts = [a for a, _ in mixed_spans]  # sorted: searched by bisection, not rescanned
    for run in _CYRILLIC_RUN.finditer(sentence.text):
        inside = bisect.bisect_right(mixed_starts, run.start()) - 1
        if inside >= 0 and run.start() < mixed_spans[inside][1]:
            continue
        start, end = sentence.start + run.start(), sentence.start + run.end()
        if len(run.group()) == 1 and run.group() in table:  # 50°С, 60х190: a look-alike letter
            yield pair.finding(CODE, "warning", start, end,
                               f"“{run.group()}” is the Cyrillic letter, not the Latin “{table[run.group()]}”",
                               replacement=table[run.group()], evidence=evidence)
            continue
        if _kept_on_purpose(pair, sentence, run, source_text):
            continue  # стопкоронавирус.рф, #МыВместе, «Катюша» copied from the source: cited on purpose
        quoted = text[start - 1:start] in _OPENERS and text[end:end + 1] in _CLOSERS
        yield pair.finding(CODE, "warning" if quoted else SEVERITY, start, end,
                           f"Russian words left untranslated: “{run.group()}”"
                           + (" (quoted; fine if the original is cited on purpose)" if quoted else ""),
                           evidence=evidence)


_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.(?:рф|рус|москва|дети|онлайн|сайт|орг|ком|бел|укр|срб|қаз)(?![\w])",
                     re.IGNORECASE)


def _in_web_address(text: str, start: int, end: int) -> bool:
    """Whether the span lies inside a web address with a Cyrillic top-level domain (.рф, .рус)."""
    return any(m.start() <= start and end <= m.end() for m in _DOMAIN.finditer(text))


def _sources(pair: Pair) -> dict[int, list]:
    """English sentence index -> the Russian sentences aligned with it."""
    found = {}
    for ru, _, bead in pair.aligned():
        for index in bead.target:
            if ru:
                found[index] = ru
    return found
