"""Clock times in Russian and English text, read as one value: minutes after midnight.

Every way a time of day is written in either language maps to the same value, so
"14.30" = "14:30" = "2:30 p.m." = "2.30pm" = "14 часов 30 минут", and "9-00" =
"9:00" = "9 a.m." = "9 утра". A time on a 12-hour clock with no a.m./p.m. ("at 6:30")
keeps both readings (6:30 and 18:30); so does a bare "в 6 часов".

A colon always makes a time (also its look-alikes: the Armenian full stop U+0589
that Armenian news sites type for it, the ratio sign U+2236, the fullwidth colon
U+FF1A, the modifier letter colon U+A789; Unicode confusables.txt lists each as
confusable with ":"). Four digits then "hours"/"hrs" ("at 0123 hours", "1430 hrs")
are the 24-hour military/ISO form HHMM; four digits alone stay a number (a year). A point or hyphen ("14.30", "9-00") makes a time only
where a reader would see one: an a.m./p.m. or a time word follows ("часов", "утра",
"мск", "local time"), or a time preposition comes before ("в", "до", "at", "by")
and no unit or other word follows the number (so "в 10-15 км", "до 2.50 раза" and
"at 1.50 dollars" stay numbers). Bare numbers up to 24 in a Russian range with nothing
but punctuation or a time word after it ("сб с 10 до 16") are hours too (and numbers).

:func:`clock_times` returns ``(start, end, readings, numbers)`` spans: ``readings`` the
minutes after midnight of every reading, ``numbers`` the plain numbers the span may
also stand for (a bare hour may be a duration: "3 часа" = "3 hours"; in "2 часа 30
минут" the hour and the minutes are two spans, so "2 hours 30 minutes" matches too).
:mod:`aligner.numbers` turns them into mentions keyed ``("t", minutes)``.
"""

from __future__ import annotations

import re

_SPACE = r"[ \u00a0\u202f]"
_AMPM = r"(?P<ampm>[ap])\.?" + _SPACE + r"?m\b\.?"
_COLONS = ":։∶：꞉"  # the colon and its look-alikes (Unicode confusables.txt)
# Each hour opens with its first digit and looks behind it afterwards, so a search skips in C from digit
# to digit (a look-behind first is tried at every character): _hour("\w.") is (?<![\w.])([01]?\d|2[0-3]),
# _HOUR12 is (?<![\w.:,])(1[0-2]|0?[1-9]), _HOUR24 (?<![\w.,:-])([01]\d|2[0-3]); alternatives in the same order.


def _hour(before: str) -> str:
    return r"(?P<h>\d(?<![%s]\d)(?:(?<=[01])\d||(?<=2)[0-3]))" % before


_HOUR12 = r"(?P<h>\d(?<![\w.:,]\d)(?:(?<=1)[0-2]|(?<=0)[1-9]|(?<=[1-9])))"
_HOUR24 = r"(?P<h>\d(?<![\w.,:-]\d)(?:(?<=[01])\d|(?<=2)[0-3]))"
_COLON = re.compile(_hour(r"\w." + _COLONS) + r"[%s](?P<min>[0-5]\d)(?![\d%s])" % ((_COLONS,) * 2)
                    + r"(?:" + _SPACE + r"?" + _AMPM + r")?", re.IGNORECASE)
_HHMM_HOURS = re.compile(_HOUR24 + r"(?P<min>[0-5]\d)" + _SPACE + r"?(?:hours|hrs)\b",
                         re.IGNORECASE)  # 0123 hours, 1430 hrs: the military/ISO 24-hour form
_POINT = re.compile(_hour(r"\w.,:-") + r"(?P<sep>[.-])(?P<min>[0-5]\d)(?![\d.,:-]\d|\d)"
                    r"(?:" + _SPACE + r"?" + _AMPM + r")?", re.IGNORECASE)
_HOUR_AMPM = re.compile(_HOUR12 + _SPACE + r"?" + _AMPM, re.IGNORECASE)
_O_CLOCK = re.compile(_HOUR12 + _SPACE + r"?o['’]clock\b", re.IGNORECASE)
_RU_HOURS = re.compile(_hour(r"\w.:,") + _SPACE + r"?(?:час(?:а|ов)?|ч\.?)"
                       r"(?:" + _SPACE + r"?(?P<min>[0-5]?\d)" + _SPACE + r"?(?:минут[аы]?|мин\.?))?"
                       r"(?:" + _SPACE + r"(?P<part>утра|дня|вечера|ночи))?(?![\w])", re.IGNORECASE)
_RU_PART = re.compile(_HOUR12 + _SPACE + r"(?P<part>утра|дня|вечера|ночи)\b", re.IGNORECASE)
# Hours as bare numbers in a Russian range of the day ("сб с 10 до 16", opening hours):
# each end is an hour when nothing but punctuation or a time word follows the range.
_RU_HOUR_RANGE = re.compile(r"(?<![\w.:,])(?:с|со|от)" + _SPACE + r"+(?P<a>[01]?\d|2[0-4])" + _SPACE
                            + r"*(?:до|[–—-])" + _SPACE + r"*(?P<b>[01]?\d|2[0-4])(?!\d|[.,:]\d)", re.IGNORECASE)
_BEFORE_TIME = re.compile(r"(?:\b(?:в|во|до|с|со|к|по|около|после|между|at|by|until|till|from|before|"
                          r"after|around|about|since|to|and|и)" + _SPACE + r"+|[–—-]" + _SPACE + r"*)$",
                          re.IGNORECASE)
_AFTER_TIME = re.compile(r"\s*(?:$|[,;:)»\"”.!?]|[–—-]|(?:часов|час|ч\b|утра|дня|вечера|ночи|мск|"
                         r"по\b|местного|local|GMT|UTC|CET|hours|hrs|o['’]clock|noon|mid-?day|midnight|полдень|полночь|и\b|and\b|до\b|to\b|"
                         r"в\b|on\b|at\b|а\b|but\b))", re.IGNORECASE)
_HOURS_WORD = re.compile(r"\s*(?:ч\b|час|hours|hrs|o['’]clock)", re.IGNORECASE)


# What follows the hour's last digit in every pattern above (a colon, a point or hyphen,
# a.m./p.m., hours/hrs, o'clock, час/ч, утра/дня/вечера/ночи, до of an hour range): most sentences with
# digits have none of these, and one search says so instead of seven.
_MAY_BE_TIME = re.compile(r"\d(?:[%s.-]|" % _COLONS + _SPACE + r"?(?:[ap]\.?" + _SPACE + r"?m\b|hours|hrs|o['’]clock|ч)"
                          r"|" + _SPACE + r"(?:утра|дня|вечера|ночи|до\b))", re.IGNORECASE)


def clock_times(text: str) -> list[tuple[int, int, frozenset, frozenset]]:
    """Every clock time in ``text``: (start, end, minutes after midnight of each reading, numbers)."""
    if not _MAY_BE_TIME.search(text):
        return []
    found: list[tuple[int, int, frozenset, frozenset]] = []
    none = frozenset()

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b, _, _ in found)

    for match in _COLON.finditer(text):
        found.append((match.start(), match.end(), _readings(int(match["h"]), int(match["min"]), match["ampm"]),
                      none))
    for match in _HHMM_HOURS.finditer(text):  # a 24-hour time; without a leading zero maybe a duration too
        duration = frozenset() if match["h"].startswith("0") else frozenset({int(match["h"] + match["min"])})
        found.append((match.start(), match.end(), frozenset({int(match["h"]) * 60 + int(match["min"])}), duration))
    for match in _POINT.finditer(text):
        if not free(match.start(), match.end()):
            continue
        said = match["ampm"] or _HOURS_WORD.match(text, match.end())
        placed = (_BEFORE_TIME.search(text[max(0, match.start() - 12):match.start()])
                  or (match["sep"] == "." and match["min"] == "00"
                      and not re.search(r"[$€£¥₽]\s?$", text[max(0, match.start() - 2):match.start()])))
        if said or (placed and _AFTER_TIME.match(text, match.end())):
            found.append((match.start(), match.end(),
                          _readings(int(match["h"]), int(match["min"]), match["ampm"]), none))
    for pattern in (_HOUR_AMPM, _O_CLOCK):
        for match in pattern.finditer(text):
            if free(match.start(), match.end()):
                hour = int(match["h"])
                found.append((match.start(), match.end(), _readings(hour, 0, match.groupdict().get("ampm")),
                              frozenset({hour})))
    for pattern in (_RU_HOURS, _RU_PART):
        for match in pattern.finditer(text):
            if not free(match.start(), match.end()):
                continue
            hour, groups = int(match["h"]), match.groupdict()
            readings = _readings(hour, int(groups.get("min") or 0), None, groups.get("part"))
            if groups.get("min"):  # the hour and the minutes, each its own span
                hour_end = match.start() + len(text[match.start():match.start("min")].rstrip())
                found.append((match.start(), hour_end, readings, frozenset({hour})))
                found.append((match.start("min"), match.end(), readings, frozenset({int(groups["min"])})))
            else:
                found.append((match.start(), match.end(), readings, frozenset({hour})))
    for match in _RU_HOUR_RANGE.finditer(text):
        if _AFTER_TIME.match(text, match.end()) and free(match.start("a"), match.end("b")):
            for end in ("a", "b"):
                hour = int(match[end])
                found.append((match.start(end), match.end(end), _readings(hour % 24, 0, None), frozenset({hour})))
    return sorted(found)


def _readings(hour: int, minute: int, ampm: str | None, part: str | None = None) -> frozenset:
    """Minutes after midnight for every reading of an hour and minute on the clock."""
    if ampm:
        return frozenset({(hour % 12 + (12 if ampm.lower() == "p" else 0)) * 60 + minute})
    if part:
        evening = part.lower() in ("дня", "вечера") and hour < 12
        late_night = part.lower() == "ночи" and hour == 12
        return frozenset({((hour + 12 if evening else hour) % 24 - (12 if late_night else 0)) * 60 + minute})
    if 1 <= hour <= 12:
        return frozenset({hour % 12 * 60 + minute, (hour % 12 + 12) * 60 + minute})
    return frozenset({hour * 60 + minute})
