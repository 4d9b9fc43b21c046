"""A page's own stamp, when days before its DCT, is the day its relative days are read from."""

from __future__ import annotations

import re
from datetime import date

from crosswire.nlp.time import date_report_event, find_times, page_stamp

CUE = re.compile(r"\b(?:shot|shooting)\b", re.IGNORECASE)
PAGE = ("Created: 03/12/2019 9:05 AM Updated: 03/13/2019 6:40 PM\n"
        "A cyclist was shot Sunday night near a park, officers said.")


def test_page_stamp_is_the_earliest_stamped_full_date() -> None:
    assert page_stamp(PAGE, find_times(PAGE, date(2021, 6, 1))) == date(2019, 3, 12)
    plain = "A cyclist was shot on March 10, 2019."
    assert page_stamp(plain, find_times(plain, date(2021, 6, 1))) is None


def test_relative_days_are_read_from_a_stamp_well_before_the_dct() -> None:
    chosen = date_report_event(PAGE, date(2021, 6, 1), CUE)
    assert chosen.value == "2019-03-10" and "page stamped" in chosen.reason


def test_a_stamp_on_the_dct_changes_nothing() -> None:
    chosen = date_report_event(PAGE, date(2019, 3, 13), CUE)
    assert chosen.value == "2019-03-10" and "page stamped" not in chosen.reason
