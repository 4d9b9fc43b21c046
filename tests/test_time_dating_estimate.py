"""Choosing the year of an undated report from spans tied to a named year (own sentences)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.nlp.time import find_times, infer_publication_date, year_estimates

MARCH_4 = "Protesters filled the square on Tuesday, March 4, organisers said. Rationing has been in force since 2010."


def ranges(text: str) -> list[tuple[int, int]]:
    return [(e.low, e.high) for e in year_estimates(text, find_times(text, None))]


@pytest.mark.parametrize(("text", "expected"), [
    ("Farmers have endured seven years of drought since 2016.", [(2023, 2024)]),
    ("The town has lived through ten years of blockade since 2012.", [(2022, 2026)]),
    ("The dam burst in 2001, more than 20 years ago, and was never rebuilt.", [(2021, 2025)]),
    ("The accord was signed in 1995. It ended a feud that began nearly 30 years ago.", [(2021, 2024)]),
    ("Seven years after 2015, the bridge still lies in ruins.", [(2022, 2023)]),
    ("Crowds gathered for the 25th anniversary of the 1994 ceasefire.", [(2019, 2019)]),
])
def test_spans_tied_to_a_year_estimate_the_report_year(text: str, expected: list[tuple[int, int]]) -> None:
    assert ranges(text) == expected


@pytest.mark.parametrize("text", [
    "Two years after 2014, the army launched a new offensive.",  # told in the past: not the report's time
    "Rents have doubled since 2018.",  # a lower bound only
    "The dam burst 20 years ago.",  # no year to count from
    "In 2009 the mayor resigned.\nThe inquiry closed 5 years ago.",  # the year is in another paragraph
])
def test_no_estimate_without_a_present_span_from_a_named_year(text: str) -> None:
    assert ranges(text) == []


def test_without_an_estimate_the_earliest_year_is_kept_with_low_confidence() -> None:
    inferred, reasoning = infer_publication_date(MARCH_4)
    assert inferred == date(2014, 3, 4)
    assert "confidence low" in reasoning and "2025" in reasoning


def test_span_since_a_year_picks_the_candidate_near_the_estimate() -> None:
    text = MARCH_4 + " Families have now lived through fifteen years of rationing since 2010."
    inferred, reasoning = infer_publication_date(text)
    assert inferred == date(2025, 3, 4)
    assert "fifteen years" in reasoning and "confidence medium" in reasoning


def test_equally_close_candidates_go_to_the_latest() -> None:
    text = MARCH_4 + " The old regime fell in 1996, thirty years ago."
    inferred, _ = infer_publication_date(text)  # 2026..2030: 2025 and 2031 both a year off
    assert inferred == date(2031, 3, 4)


def test_estimate_below_the_lower_bound_gives_way_to_it() -> None:
    text = MARCH_4 + " The treaty of 1990, signed thirty years ago, was renewed in 2022."
    inferred, reasoning = infer_publication_date(text)  # 2020..2024, but 2022 is already past
    assert inferred == date(2025, 3, 4)
    assert "1 year(s) off" in reasoning and "confidence low" in reasoning


def test_month_and_day_without_year_is_recent() -> None:
    base = "Schools closed on Monday (6), the ministry said. Teachers have been on strike since 2015."
    inferred, _ = infer_publication_date(base)
    assert inferred is not None and inferred.month not in (1, 2)
    inferred, reasoning = infer_publication_date(base + " The curfew imposed on December 30 remains.")
    assert inferred is not None and inferred.month in (1, 2) and inferred.day == 6
    assert "'December 30' (no year given) is within" in reasoning


def test_related_reports_pin_the_week_with_high_confidence() -> None:
    inferred, reasoning = infer_publication_date(MARCH_4, other_dated=[date(2025, 3, 5)])
    assert inferred == date(2025, 3, 4) and "confidence high" in reasoning


@settings(max_examples=15, deadline=None)
@given(since=st.integers(1990, 2030), span=st.integers(2, 19))
def test_chosen_day_always_fits_the_hard_evidence(since: int, span: int) -> None:
    text = (f"Protesters filled the square on Tuesday, March 4, organisers said. "
            f"Rationing has been in force for {span} years since {since}.")
    inferred, _ = infer_publication_date(text)
    assert inferred is not None and (inferred.month, inferred.day, inferred.weekday()) == (3, 4, 1)
    assert inferred.year >= since


@pytest.mark.parametrize("footer", ["Copyright 2021 Valley Courier. All rights reserved.", "© 2021 Valley Courier"])
def test_copyright_line_names_the_year_of_publication(footer: str) -> None:
    text = f"Two men were hurt in a shooting on Friday (12), police said. The block saw a similar attack in 2019.\n{footer}"
    inferred, reasoning = infer_publication_date(text)
    assert inferred is not None and inferred.year == 2021 and (inferred.day, inferred.weekday()) == (12, 4)
    assert "names the year of publication" in reasoning
    without, _ = infer_publication_date(text.rsplit("\n", 1)[0])
    assert without is not None and without.year == 2020


@pytest.mark.parametrize(("text", "years"), [
    ("Officers were sent to the 1900 block of Elm Street.", []),
    ("A man was shot outside 1501 W. Lake Shore Drive on Friday.", []),
    ("In 1998 Main Street flooded twice.", ["1998"]),
    ("The 2014 Street Fair was cancelled.", ["2014"]),
])
def test_house_and_block_numbers_are_not_years(text: str, years: list[str]) -> None:
    assert [t.value for t in find_times(text, None) if t.reason == "explicit year"] == years


def test_years_ago_in_another_sentence_counts_only_for_a_historic_span() -> None:
    assert ranges("He was jailed in 2014. He walked free two years ago.") == []
    assert ranges("He was jailed in 2014, two years ago.") == [(2016, 2017)]
    assert ranges("The town was razed in 1960. Elders still mourn what happened fifty years ago.") == [(2010, 2014)]


@pytest.mark.parametrize(("sentence", "year"), [
    ("There have also been 28 robberies reported in 2023.", 2023),
    ("Nine crashes have happened on the road so far in 2022.", 2022),
    ("(Source: Valley News Wire © Valley Courier 2021)", 2021),
])
def test_running_tallies_and_copyright_lines_name_the_report_year(sentence: str, year: int) -> None:
    text = f"A clerk was hurt on Friday (12), police said. The store was also robbed in 2017.\n{sentence}"
    inferred, reasoning = infer_publication_date(text)
    assert inferred is not None and inferred.year == year
    assert "names the year of publication" in reasoning


def test_possession_and_since_are_not_running_tallies() -> None:
    for sentence in ("He has a long record, including an arrest in 2012.", "She has lived here since 2012."):
        _, reasoning = infer_publication_date(sentence)
        assert "names the year of publication" not in reasoning and "'2012' names a year before" in reasoning


def test_year_split_off_its_date_rejoins_it() -> None:
    inferred, reasoning = infer_publication_date("The fire was reported at 5 p.m. on March 4, 2015, officials said.")
    assert inferred == date(2015, 3, 4) and "'March 4, 2015' (2015-03-04) is in the past" in reasoning
    future, _ = infer_publication_date("The trial will open at 9 a.m. on May 3, 2016. The crime took place in 2014.")
    assert future is not None and future.year == 2015
