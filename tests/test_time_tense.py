"""How the tense around a time expression picks the year of a bare month or the week of a weekday."""

from __future__ import annotations

from datetime import date

import pytest

from crosswire.nlp.time import find_times

DCT = date(2024, 12, 5)  # a Thursday


def value_of(text: str, span: str, dct: date = DCT) -> str | None:
    found = [t for t in find_times(text, dct) if t.text == span]
    assert found, f"{span!r} not found in {[t.text for t in find_times(text, dct)]}"
    return found[0].value


@pytest.mark.parametrize(("text", "span", "value"), [
    # An intention told with an infinitive looks forward from the time it was formed.
    ("The ministry agreed to buy the grain stocks in February.", "February", "2025-02"),
    ("The council announced a decision to close the crossing in January.", "January", "2025-01"),
    ("The parties voted to hold the poll in March.", "March", "2025-03"),
    ("Both sides pledged to exchange prisoners on Monday.", "Monday", "2024-12-09"),
    # A time named before a past-tense intention dates the intention itself.
    ("On Monday, the governor planned to visit the camps.", "Monday", "2024-12-02"),
    # A present-tense plan still looks forward.
    ("On Monday, the governor plans to visit the camps.", "Monday", "2024-12-09"),
    # "supposed to" is an expectation about the future, not a past tense.
    ("The talks, which are supposed to end by March, resumed.", "March", "2025-03"),
    # Without an intention the past tense still reads backward.
    ("The ministry bought the grain stocks in February.", "February", "2024-02"),
])
def test_intentions_look_forward(text: str, span: str, value: str) -> None:
    assert value_of(text, span) == value


def test_a_capitalised_name_ending_in_ed_is_not_a_past_verb() -> None:
    # "United" is a name here: the sentence is in the future ("will travel").
    assert value_of("The envoy will travel to the United States Saturday.", "Saturday") == "2024-12-07"
    assert value_of("The envoy would travel to the United States on Friday.", "Friday") == "2024-12-06"


@pytest.mark.parametrize(("text", "span", "value"), [
    # "that year", "the following month" read from the year or month the text last named.
    ("Exports reached $3 million in 2011, a record for that year.", "that year", "2011"),
    ("The militia fled in June 2016 and returned later that year.", "later that year", "2016"),
    ("The siege began in March. The following month, the town fell.", "The following month", "2024-04"),
    ("Aid stopped on Feb. 3, 2019. The previous month, the road had been cut.", "The previous month", "2019-01"),
    # With nothing named before, they still count from the DCT.
    ("The following month, the town fell.", "The following month", "2025-01"),
])
def test_that_year_and_following_month_follow_the_narrative(text: str, span: str, value: str) -> None:
    assert value_of(text, span) == value


def test_irregular_past_verbs_set_the_past_tense() -> None:
    # "brought" is past even though a future verb follows later in the sentence.
    text = "In January, the army brought in a new commander, who will stay on."
    assert value_of(text, "January", dct=date(2024, 10, 20)) == "2024-01"


@pytest.mark.parametrize(("text", "value"), [
    ("Until Thursday, police had not named a suspect.", "2024-12-05"),  # pluperfect: the past Thursday
    ("The curfew lasts until Thursday.", "2024-12-12"),  # otherwise "until" looks ahead
])
def test_until_looks_ahead_unless_the_clause_is_pluperfect(text: str, value: str) -> None:
    assert value_of(text, "Thursday", dct=date(2024, 12, 7)) == value


@pytest.mark.parametrize(("text", "value"), [
    # a participle describing a noun sets no tense: the finite verb does
    ("A vigil planned at the stadium for Saturday was cancelled.", "2024-11-30"),
    ("On Friday, as the hastily planned visit began, the envoy landed.", "2024-11-29"),
    # a finite "planned" with an object still looks ahead to what was planned
    ("Protesters planned a march on Saturday.", "2024-12-07"),
    # with an auxiliary it is a verb looking ahead
    ("A vigil is planned for Saturday.", "2024-12-07"),
])
def test_planned_as_a_noun_modifier_sets_no_tense(text: str, value: str) -> None:
    found = find_times(text, DCT)
    assert [t.value for t in found] == [value]


@pytest.mark.parametrize(("text", "value"), [
    # a possessive weekday names an event already told of, even in a sentence about the future
    ("Lawyers said they would appeal Tuesday's ruling.", "2024-12-03"),
    # unless it is announced as ahead
    ("Troops deployed ahead of Saturday's vote.", "2024-12-07"),
    ("Officials will discuss Saturday's scheduled vote.", "2024-12-07"),
])
def test_possessive_weekday_is_a_day_already_told_of(text: str, value: str) -> None:
    assert [t.value for t in find_times(text, DCT)] == [value]


def test_an_ed_word_after_a_determiner_describes_a_noun() -> None:
    # "a still unspecified date" is no past verb: "would" sets the tense
    text = "The bonus would be paid on a still unspecified date in January."
    assert value_of(text, "January", dct=date(2024, 10, 20)) == "2025-01"
