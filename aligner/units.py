"""Units of measure after a number, metric or imperial, for the number rule's conversions.

A translator for an American reader may convert "4,5 метра" to "15 feet" or "30
сантиметров" to "about a foot". The number rule then sees a source figure that is
missing and an English one that is not in the source; :func:`converted` names that
case so the rule abstains rather than flag a correct conversion.
"""

from __future__ import annotations

import re

# dimension -> (Russian metric units, English imperial/US units); unit names from
# the SI brochure and NIST Handbook 44 (the units a conversion goes between)
_UNITS = {
    "length": (r"м|метр\w*|см|сантиметр\w*|км|километр\w*|мм|миллиметр\w*",
               r"foot|feet|ft|inch|inches|mile|miles|yard|yards"),
    "mass": (r"кг|килограмм\w*|г|грамм\w*|т|тонн\w*",
             r"pound|pounds|lb|lbs|ounce|ounces|oz|stone"),
    "temperature": (r"°\s?[CС]|градус\w*", r"°\s?F|degrees? Fahrenheit|Fahrenheit"),
    "volume": (r"л|литр\w*|мл|миллилитр\w*", r"gallon|gallons|pint|pints|quart|quarts|fl\.? oz"),
    "area": (r"га|гектар\w*|кв\.?\s?(?:м|км)|квадратн\w+ (?:метр|километр)\w*",
             r"acre|acres|square (?:feet|foot|miles?|yards?)|sq\.? ?(?:ft|mi)"),
    "speed": (r"км/ч|километр\w* в час", r"mph|miles per hour"),
}
# "2,5 и 3,5 метровые": the unit after the last of coordinated figures
_AFTER = r"(?:\s?(?:и|или|[-–—])\s?\d+(?:[.,]\d+)?)*[\s\u00a0]?[-‑]?[\s\u00a0]?"
_METRIC = {dimension: re.compile(_AFTER + r"(?:" + metric + r")(?![^\W\d_])", re.IGNORECASE)
           for dimension, (metric, _) in _UNITS.items()}
_IMPERIAL = {dimension: re.compile(r"(?<![^\W\d_])(?:" + imperial + r")(?![^\W\d_])", re.IGNORECASE)
             for dimension, (_, imperial) in _UNITS.items()}


def metric_unit(text: str, end: int) -> str | None:
    """The dimension of the metric unit right after a number ending at ``end``, if any."""
    for dimension, pattern in _METRIC.items():
        if pattern.match(text, end):
            return dimension
    return None


def imperial_dimensions(text: str) -> set[str]:
    """Dimensions of the imperial units an English text names ("a foot long", "15-foot")."""
    return {dimension for dimension, pattern in _IMPERIAL.items() if pattern.search(text)}


def converted(source_text: str, source_end: int, english_text: str) -> bool:
    """The source number is in a metric unit and the English names an imperial unit of the
    same dimension: a conversion, not a lost number."""
    dimension = metric_unit(source_text, source_end)
    return dimension is not None and dimension in imperial_dimensions(english_text)
