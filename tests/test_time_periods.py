"""Financial periods read against the quarter the text is talking about (own sentences)."""

from __future__ import annotations

from datetime import date

import pytest

from crosswire.nlp.timex import find_times

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
