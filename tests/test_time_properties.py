"""Invariants of the time tagger: spans inside the text, and no dependence on the wall clock."""

from __future__ import annotations

import datetime as real_datetime
import sys
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.nlp.time import find_times

PIECES = ["yesterday", "on Tuesday", "Thursday (5)", "since Nov. 27", "last week", "05/12/2024",
          "two days ago", "in 2014", "the 1990s", "now", "every Monday", "for three weeks", "at 8 a.m.",
          "the third quarter", "next month", "early December", "Monday evening", "the 3rd", " ", ", ",
          "troops", "said", ".", "\n", "12/31/99", "May", "fall", "1,500", "2019-2020"]

texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=12).map(" ".join)
dcts = st.none() | st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))


@settings(max_examples=150, deadline=None)
@given(texts, dcts)
def test_spans_lie_inside_the_text_and_every_value_has_a_reason(text: str, dct: date | None) -> None:
    for t in find_times(text, dct):
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        assert t.reason


@settings(max_examples=60, deadline=None)
@given(texts, dcts)
def test_same_input_same_output(text: str, dct: date | None) -> None:
    assert find_times(text, dct) == find_times(text, dct)


class _FrozenDate(real_datetime.date):
    @classmethod
    def today(cls) -> real_datetime.date:
        return real_datetime.date(1971, 3, 3)


class _FrozenDatetime(real_datetime.datetime):
    @classmethod
    def now(cls, tz=None) -> real_datetime.datetime:  # noqa: ANN001
        return real_datetime.datetime(1971, 3, 3, 12, 0)

    @classmethod
    def today(cls) -> real_datetime.datetime:
        return cls.now()


@settings(max_examples=40, deadline=None)
@given(texts, st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)))
def test_results_do_not_depend_on_the_system_date(text: str, dct: date) -> None:
    before = find_times(text, dct)
    import pytest

    with pytest.MonkeyPatch.context() as mp:
        time_modules = [m for name, m in sys.modules.items() if name.startswith("crosswire.nlp.time.")]
        for module in time_modules:
            if hasattr(module, "date"):
                mp.setattr(module, "date", _FrozenDate)
            if hasattr(module, "datetime"):
                mp.setattr(module, "datetime", _FrozenDatetime)
        mp.setattr(real_datetime, "date", _FrozenDate)
        mp.setattr(real_datetime, "datetime", _FrozenDatetime)
        after = find_times(text, dct)
    assert before == after


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)))
def test_yesterday_is_always_the_day_before_the_dct(dct: date) -> None:
    (t,) = find_times("It happened yesterday.", dct)
    assert t.value == (dct - timedelta(days=1)).isoformat()
