"""Days counted from a named day, and weeks named by a holiday (own sentences)."""

from __future__ import annotations

from datetime import date

import pytest

from crosswire.nlp.time import find_times


@pytest.mark.parametrize(("text", "dct", "span", "value"), [
    ("Troops left two days after Christmas.", date(2023, 12, 30), "two days after Christmas", "2023-12-27"),
    ("The day before last Tuesday's hearing, the lawyer resigned.", date(2024, 12, 5),
     "The day before last Tuesday's", "2024-12-02"),
    ("A day after Jan. 3, the town fell.", date(2024, 1, 10), "A day after Jan. 3", "2024-01-04"),
    ("He was freed three weeks before March 4, 2019.", date(2024, 1, 10),
     "three weeks before March 4, 2019", "2019-02-11"),
])
def test_offset_from_a_named_day_is_one_date(text: str, dct: date, span: str, value: str) -> None:
    found = find_times(text, dct)
    assert [(t.text, t.value) for t in found] == [(span, value)]
    assert found[0].anchor is not None
    assert "before the day named" in found[0].reason or "after the day named" in found[0].reason


def test_a_count_of_trading_days_stays_a_duration() -> None:
    found = find_times("Eight trading days after Oct. 12, prices fell.", date(2024, 12, 5))
    assert [(t.text, t.value) for t in found] == [("Eight trading days", "P8D"), ("Oct. 12", "2024-10-12")]


@pytest.mark.parametrize(("text", "dct", "value"), [
    ("Pilgrims arrived as Easter week began.", date(2000, 4, 17), "2000-W16"),  # Easter 2000: April 23
    ("Shops stayed shut during Christmas week.", date(2023, 12, 27), "2023-W52"),
])
def test_holiday_week_is_the_week_holding_the_holiday(text: str, dct: date, value: str) -> None:
    t = find_times(text, dct)[0]
    assert (t.type, t.value, t.precision) == ("DATE", value, "week")


@pytest.mark.parametrize(("text", "span", "value"), [
    ("A minute and a half later, the second blast came.", "A minute and a half", "PT1M30S"),
    ("The march lasted two hours and a half.", "two hours and a half", "PT2H30M"),
    ("Aid groups expect more arrivals in the weeks ahead.", "the weeks ahead", "PXW"),
])
def test_halves_and_vague_lengths_ahead(text: str, span: str, value: str) -> None:
    found = [t for t in find_times(text, date(2024, 12, 5)) if t.text == span]
    assert found and (found[0].type, found[0].value) == ("DURATION", value)


@pytest.mark.parametrize(("text", "expected"), [
    ("The summit meets on April 24 and 25.", [("April 24", "2025-04-24"), ("25", "2025-04-25")]),
    ("Raids on March 3 and 4, 2019 killed 12.", [("March 3", "2019-03-03"), ("4, 2019", "2019-03-04")]),
    ("Talks on Jan. 30 and 31 in Geneva stalled.", [("Jan. 30", "2025-01-30"), ("31", "2025-01-31")]),
    # a number that goes on into a noun counts something else
    ("On April 24 and 25 people were hurt.", [("April 24", "2024-04-24")]),
])
def test_day_number_joined_to_a_date_takes_its_month(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in find_times(text, date(2024, 12, 5))] == expected


@pytest.mark.parametrize(("text", "dct", "value"), [
    ("She had just come home from a Halloween party.", date(2016, 10, 30), "2016-10-31"),  # this season's
    ("Shops were looted at Christmas.", date(2016, 6, 30), "2015-12-25"),  # far off: the last one before
    ("The truce will hold until Christmas.", date(2016, 6, 30), "2016-12-25"),  # far off, future: the next
])
def test_holiday_near_the_dct_is_this_seasons(text: str, dct: date, value: str) -> None:
    assert [t.value for t in find_times(text, dct)] == [value]


@pytest.mark.parametrize(("text", "value"), [
    ("The valley was ruled by outsiders for centuries.", "PXC"),
    ("The feud has lasted for decades.", "PXE"),
    ("The feud has lasted two decades.", "P20Y"),  # a known count is given in years
])
def test_long_units_use_timeml_letters_when_the_count_is_unknown(text: str, value: str) -> None:
    assert [t.value for t in find_times(text, date(2024, 12, 5))] == [value]


@pytest.mark.parametrize(("text", "type_", "value"), [
    ("Wages lost ground in the last decade.", "DATE", "198"),  # the previous calendar decade
    ("Attacks rose over the past decade.", "DURATION", "P10Y"),  # the ten years up to now
    ("Prices doubled this decade.", "DATE", "199"),
])
def test_last_decade_is_a_decade_and_the_past_decade_a_length(text: str, type_: str, value: str) -> None:
    found = find_times(text, date(1998, 2, 6))
    assert [(t.type, t.value) for t in found] == [(type_, value)]
