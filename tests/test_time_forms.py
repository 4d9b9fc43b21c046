"""Time expressions in their many written forms, normalised against a DCT (own sentences)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from crosswire.model import Article, Sentence
from crosswire.nlp.time import TimeStage, event_date_for_sentence, find_times

DCT = date(2024, 12, 5)  # a Thursday


def only(text: str, dct: date | datetime | None = DCT, **kw):
    found = find_times(text, dct, **kw)
    assert found, f"no time expression found in {text!r}"
    return found


def first(text: str, dct: date | datetime | None = DCT, **kw):
    return only(text, dct, **kw)[0]


@pytest.mark.parametrize(("text", "span", "type_", "value"), [
    ("The convoy arrived yesterday.", "yesterday", "DATE", "2024-12-04"),
    ("Talks resume tomorrow.", "tomorrow", "DATE", "2024-12-06"),
    ("Prices rose today.", "today", "DATE", "2024-12-05"),
    ("Exports fell last week.", "last week", "DATE", "2024-W48"),
    ("The vote comes next month.", "next month", "DATE", "2025-01"),
    ("Output grew this year.", "this year", "DATE", "2024"),
    ("The clinic was shelled on Tuesday.", "Tuesday", "DATE", "2024-12-03"),
    ("Fighting began on Thursday, officials said.", "Thursday", "DATE", "2024-12-05"),
    ("The bridge fell two days ago.", "two days ago", "DATE", "2024-12-03"),
    ("The dam was built 40 years ago.", "40 years ago", "DATE", "1984"),
    ("The front moved in Nov. 27 raids.", "Nov. 27", "DATE", "2024-11-27"),
    ("The siege ended December 3.", "December 3", "DATE", "2024-12-03"),
    ("The siege ended on 3 December.", "3 December", "DATE", "2024-12-03"),
    ("It ended on Tuesday, December 3.", "Tuesday, December 3", "DATE", "2024-12-03"),
    ("The group was set up in 2014.", "2014", "DATE", "2014"),
    ("Trade collapsed in the 1990s.", "the 1990s", "DATE", "199"),
    ("Rates peaked in mid-2019.", "mid-2019", "DATE", "2019"),
    ("Aid was cut earlier this month.", "earlier this month", "DATE", "2024-12"),
    ("Snow fell in late November.", "late November", "DATE", "2024-11"),
    ("The mayor recently resigned.", "recently", "DATE", "PAST_REF"),
    ("The town is now calm.", "now", "DATE", "PRESENT_REF"),
    ("Residents are currently sheltering.", "currently", "DATE", "PRESENT_REF"),
    ("Crops failed in the summer of 2023.", "summer of 2023", "DATE", "2023-SU"),
    ("Sales fell in the first quarter of 1998.", "the first quarter of 1998", "DATE", "1998-Q1"),
    ("The raid came on Monday morning.", "Monday morning", "DATE", "2024-12-02"),
    ("Shelling resumed this morning.", "this morning", "TIME", "2024-12-05TMO"),
    ("The grant is payable in February.", "February", "DATE", "2025-02"),
    ("The court has scheduled a hearing Friday.", "Friday", "DATE", "2024-12-06"),
    ("Medics reached the village three days later.", "three days", "DURATION", "P3D"),
    ("Rain fell for the last twenty four hours.", "twenty four hours", "DURATION", "P1D"),
    ("Sirens sounded at 8:45 a.m. today.", "8:45 a.m. today", "TIME", "2024-12-05T08:45"),
    ("Shelling lasted over the past two days.", "the past two days", "DURATION", "P2D"),
    ("The talks lasted three weeks.", "three weeks", "DURATION", "P3W"),
    ("The operation took five hours.", "five hours", "DURATION", "PT5H"),
    ("Curfew held for 24 hours.", "24 hours", "DURATION", "P1D"),
    ("Markets meet every Monday.", "every Monday", "SET", "XXXX-WXX-1"),
    ("The bulletin appears weekly.", "weekly", "SET", "P1W"),
    ("The offensive has gone on since last Wednesday.", "last Wednesday", "DATE", "2024-12-04"),
])
def test_forms_resolve_against_dct(text: str, span: str, type_: str, value: str) -> None:
    found = only(text)
    match = [t for t in found if span in t.text or t.text in span]
    assert match, f"{span!r} not found in {[t.text for t in found]}"
    t = match[0]
    assert (t.type, t.value) == (type_, value), t
    assert t.reason, "every time expression says how it was resolved"
    assert text[t.start:t.end] == t.text


@pytest.mark.parametrize(("text", "value"), [
    ("Rebels entered the city on Thursday (5).", "2024-12-05"),
    ("The offensive reached the outskirts on Sunday (1st).", "2024-12-01"),
    ("Clashes began on Wednesday (27).", "2024-11-27"),
    ("A ceasefire was signed on Friday (29th).", "2024-11-29"),
])
def test_bracket_weekday_forms(text: str, value: str) -> None:
    t = first(text)
    assert t.value == value and t.precision == "day"
    assert "bracket" in t.reason


@pytest.mark.parametrize(("text", "day_first", "value"), [
    ("Filed on 05/12/2024.", True, "2024-12-05"),
    ("Filed on 05/12/2024.", False, "2024-05-12"),
    ("Filed on 05/12/2024.", None, "2024-12-05"),  # the day-first reading is the DCT
    ("Filed on 12/05/2024.", None, "2024-12-05"),  # the month-first reading is the DCT
    ("Filed on 25/11/2024.", None, "2024-11-25"),  # 25 cannot be a month
    ("Filed on 11/25/2024.", None, "2024-11-25"),
    ("Filed on 05.12.2024.", True, "2024-12-05"),
])
def test_day_first_and_month_first(text: str, day_first: bool | None, value: str) -> None:
    assert first(text, day_first=day_first).value == value


def test_wire_dateline_with_clock_time() -> None:
    t = first("Thu, 12/05/2024 - 10:40 | Staff report")
    assert (t.type, t.value, t.precision) == ("TIME", "2024-12-05T10:40", "time")


def test_ordinal_day_of_month() -> None:
    t = first("The strike happened on the 3rd, witnesses said.")
    assert t.value == "2024-12-03"


def test_future_tense_weekday_looks_forward() -> None:
    assert first("The envoy will arrive on Monday.").value == "2024-12-09"


def test_weekday_with_last_is_never_the_dct_day() -> None:
    assert first("He spoke last Thursday.").value == "2024-11-28"


def test_month_day_picks_nearest_year() -> None:
    assert first("Elections are due Jan. 3.", dct=date(2024, 12, 28)).value == "2025-01-03"
    assert first("The law passed Dec. 20.", dct=date(2025, 1, 4)).value == "2024-12-20"


def test_without_dct_relative_values_are_unresolved_with_reason() -> None:
    t = first("The convoy arrived yesterday.", dct=None)
    assert t.value is None and "no DCT" in t.reason
    t = first("The siege ended December 3.", dct=None)
    assert t.value == "XXXX-12-03"


def test_explicit_date_anchors_following_weekday_in_paragraph() -> None:
    text = "On March 4, 2019, troops crossed the river. On Friday they reached the dam."
    times = find_times(text, DCT)
    assert [t.value for t in times] == ["2019-03-04", "2019-03-01"]
    assert "just before" in times[1].reason


def test_stage_uses_published_as_dct() -> None:
    text = "Rebels said yesterday they had taken the airport."
    article = Article(raw_text=text, text=text, published=datetime(2024, 12, 5, 9, 30),
                      sentences=[Sentence(0, len(text))])
    stage = TimeStage(None)
    assert (stage.name, stage.requires, stage.assigns) == ("times", ("text", "sentences", "published"), ("times",))
    out = stage(article)
    assert [(t.text, t.value) for t in out.times] == [("yesterday", "2024-12-04")]


def test_event_date_prefers_day_in_sentence_then_dct() -> None:
    text = "Police said a man was shot Monday evening. Nobody has been arrested."
    times = find_times(text, DCT)
    found = event_date_for_sentence(times, 0, 42, DCT)
    assert (found.value, found.precision, found.source) == ("2024-12-02", "day", "sentence")
    fallback = event_date_for_sentence(times, 43, len(text), DCT)
    assert (fallback.value, fallback.source) == ("2024-12-05", "dct")
    none = event_date_for_sentence([], 0, 10, None)
    assert none.value is None and none.source == "none" and none.reason


def test_a_month_abbreviation_inside_a_longer_word_is_no_month() -> None:
    """'3 Marines' or '4 martyrs' is a count of people, not the third or fourth of March."""
    assert find_times("The blast claimed 4 martyrs at the checkpoint.", DCT) == []
    assert [t.value for t in find_times("The talks open on 4 Mar 2025.", DCT)] == ["2025-03-04"]
