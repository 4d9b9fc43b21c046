"""Parts of the day without a named day, and "then current" (own sentences)."""

from __future__ import annotations

from datetime import date

import pytest

from crosswire.nlp.time import find_times

DCT = date(2024, 12, 5)  # a Thursday


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Shelling eased in the morning.", "the morning", "2024-12-05TMO"),
    ("By mid afternoon the convoy had crossed.", "mid afternoon", "2024-12-05TAF"),
    ("Crowds gathered during the late evening.", "the late evening", "2024-12-05TEV"),
    # the day the text last named is the day the part of day belongs to
    ("The strike came on Monday. In the afternoon, rescuers arrived.", "the afternoon", "2024-12-02TAF"),
])
def test_part_of_day_after_a_preposition(text: str, span: str, value: str) -> None:
    found = [t for t in find_times(text, DCT) if t.text == span]
    assert found and (found[0].type, found[0].value) == ("TIME", value)


def test_clock_hour_in_the_morning_is_not_a_bare_part_of_day() -> None:
    assert [t.text for t in find_times("The bus left at 4 in the morning.", DCT)] == []


@pytest.mark.parametrize("text", ["Holders may buy at the then current price.", "The then-current governor fled."])
def test_then_current_points_to_the_past(text: str) -> None:
    assert [t.value for t in find_times(text, DCT)] == ["PAST_REF"]


def test_part_of_day_before_a_named_day_is_left_to_that_day() -> None:
    text = "The shooting happened during the early morning hours on Thursday."
    assert [(t.text, t.value) for t in find_times(text, date(2024, 12, 7))] == [("Thursday", "2024-12-05")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The island will one day be a nature reserve.", [("one day", "DATE", "FUTURE_REF")]),
    ("Peace may someday come to the valley.", [("someday", "DATE", "FUTURE_REF")]),
    ("The minister had been in office one day.", [("one day", "DURATION", "P1D")]),
])
def test_one_day_after_a_modal_is_some_future_time(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(t.text, t.type, t.value) for t in find_times(text, DCT)] == expected
