"""Financial periods read against the quarter the text is talking about (own sentences)."""

from __future__ import annotations

from datetime import date

import pytest

from crosswire.nlp.time import find_times

DCT = date(2024, 11, 5)  # the third quarter has just been reported


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Sales rose in the third quarter, from $3 million in the same period a year ago.",
     "the same period a year ago", "2023-Q3"),
    ("Sales rose in the third quarter, from $3 million in the corresponding period last year.",
     "the corresponding period last year", "2023-Q3"),
    ("Sales rose in the third quarter and beat last year's quarter.", "last year's quarter", "2023-Q3"),
    ("Sales rose in the third quarter, against a loss in the corresponding period.",
     "the corresponding period", "2023-Q3"),
    ("Sales rose in the third quarter. Margins in the same quarter last year were thin.",
     "the same quarter last year", "2023-Q3"),
])
def test_year_earlier_periods_go_back_one_year_once(text: str, span: str, value: str) -> None:
    found = [t for t in find_times(text, DCT) if t.text == span]
    assert found, [t.text for t in find_times(text, DCT)]
    assert found[0].value == value


FILLER = " The company cited higher costs for fuel, freight and insurance across its regional network." * 6


def test_a_year_earlier_compares_with_the_quarter_still_in_focus() -> None:
    # the quarter is named far back, but nothing else has been named since: it is still in focus
    text = "Sales fell in the third quarter." + FILLER + " A year earlier, sales were $2 million."
    found = [t for t in find_times(text, DCT) if t.text == "A year earlier"]
    assert found[0].value == "2023-Q3"


def test_a_year_earlier_after_another_period_is_a_year() -> None:
    text = ("Sales fell in the third quarter." + FILLER
            + " In the nine months, sales rose, against a loss a year earlier.")
    found = [t for t in find_times(text, DCT) if t.text == "a year earlier"]
    assert found[0].value == "2023"


@pytest.mark.parametrize(("text", "value"), [
    ("The drought began in the winter of nineteen ninety-four.", "1994-WI"),
    ("In the fall of two thousand and six, the rains failed.", "2006-FA"),
])
def test_season_with_a_year_in_words(text: str, value: str) -> None:
    assert [t.value for t in find_times(text, DCT)] == [value]


@pytest.mark.parametrize(("words", "year"), [
    ("nineteen ninety-four", 1994), ("twenty twelve", 2012), ("two thousand", 2000),
    ("two thousand and six", 2006), ("two thousand fifteen", 2015), ("nineteen", None),
])
def test_spelled_year(words: str, year: int | None) -> None:
    from crosswire.nlp.time import spelled_year

    assert spelled_year(words) == year


@pytest.mark.parametrize(("text", "value"), [
    ("Demand should hold through the first two quarters of 2025.", "2025-H1"),
    ("Output will rise in the last two quarters of next year.", "2025-H2"),
    ("Output fell in the second half of last year.", "2023-H2"),
])
def test_half_years(text: str, value: str) -> None:
    assert [t.value for t in find_times(text, DCT)] == [value]


def test_an_earlier_quarter_named_for_comparison_keeps_the_focus() -> None:
    text = "Profit rose in the third quarter after a flat second quarter. Sales were $3 million a year ago."
    found = [t for t in find_times(text, DCT) if t.text == "a year ago"]
    assert found[0].value == "2023-Q3"


def test_a_fiscal_quarter_reported_in_the_past_is_in_focus() -> None:
    # reported on Nov. 5: the calendar fourth quarter runs, but this fiscal fourth quarter has ended
    text = "The firm reported a sharp fall in fourth-quarter earnings. It earned $3 million a year earlier."
    found = [t for t in find_times(text, DCT) if t.text == "a year earlier"]
    assert found[0].value == "2023-Q4"


def test_a_running_quarter_without_reported_results_stays_out_of_focus() -> None:
    text = "The firm has no estimate of fourth-quarter results. It earned $3 million a year earlier."
    found = [t for t in find_times(text, DCT) if t.text == "a year earlier"]
    assert found[0].value == "2023"
