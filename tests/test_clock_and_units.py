"""Clock times as one value, and unit conversions: the cases come from WMT21/WMT22
human translations (bench/false_alarms.py), where a correct rendering was flagged."""

import pytest
from rule_pairs import findings

from aligner.checks import num001_number_mismatch as rule
from aligner.clock import clock_times
from aligner.numbers import extract


@pytest.mark.parametrize("ru, en", [
    ("В 17 часов 47 минут поступило сообщение.", "At 5:47 PM, it was reported."),
    ("27 июля в 18:30 в Карасунском округе.", "On July 27 at 6:30 pm in Karasunsky District."),
    ("Его нашли незадолго до 17:30.", "He was found just before 5.30pm."),
    ("25-го июля в 01։23 поступил сигнал.", "On July 25 at 1:23 a.m. a call came in."),
    ("Магазин открыт с 9-00.", "The shop opens at 9 a.m."),
    ("12:00, полдень, — пороговое время.", "12.00 mid-day is the cut-off time."),
    # WMT21 ru-en MT (Online-Y, armenpress-ru.8501): the military 24-hour form
    ("25-го июля в 01։23 часов в Национальный центр кризисного управления поступил сигнал.",
     "On 25 July, at 0123 hours, the National Crisis Management Centre received a signal."),
    ("Вылет в 14∶30.", "Departure at 1430 hrs."),
])
def test_clock_time_written_the_other_way_is_not_flagged(ru, en):
    assert findings(rule, ru, en) == []


def test_changed_clock_time_is_flagged():
    found = findings(rule, "В 17 часов 47 минут поступило сообщение.", "At 5:17 PM, it was reported.")
    assert [f[0] for f in found] == ["NUM001"]
    found = findings(rule, "25-го июля в 01։23 часов поступил сигнал.", "On 25 July, at 0132 hours, a signal came.")
    assert [f[0] for f in found] == ["NUM001"]


@pytest.mark.parametrize("text", ["в 10-15 км от города", "в 2.50 раза", "at 1.50 dollars", "in 2021 the plan",
                                  "at 2021 prices", "2460 hours"])
def test_numbers_that_are_not_times(text):
    assert clock_times(text) == []


def test_duration_in_hours_matches_hours():
    assert findings(rule, "Операция длилась 3 часа.", "The operation took 3 hours.") == []


@pytest.mark.parametrize("text, lang, value", [
    ("двух с половиной миллионов", "ru", 2_500_000),
    ("over 2 1/2 million tenge", "en", 2_500_000),
    ("a quarter of a million", "en", 250_000),
    ("Четверть миллиона", "ru", 250_000),
    ("another $1 tln", "en", 1e12),
])
def test_fractions_and_halves(text, lang, value):
    assert [m.value for m in extract(text, lang) if m.hard] == [value]


@pytest.mark.parametrize("ru, en", [
    ("Длиной примерно 4,5 метра.", "That's about a 15-foot boat."),
    ("Вот эта штука примерно 30 сантиметров длиной.", "That bit there is about a foot long."),
    ("В России за сутки выявили 5765 новых случаев.", "In the past 24 hours, 5765 new cases were found in Russia."),
    ("Суды двух первых инстанций отказались.", "The first two courts refused."),
    ("В КНДР зафиксирован первый случай подозрения на коронавирус.", "North Korea reports first suspected COVID-19 case."),
])
def test_correct_renderings_are_not_flagged(ru, en):
    assert findings(rule, ru, en) == []


def test_unit_conversion_does_not_hide_a_changed_metric_figure():
    assert [f[0] for f in findings(rule, "Длиной примерно 4,5 метра.", "About 5.5 metres long.")] == ["NUM001"]
