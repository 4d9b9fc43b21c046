"""Holidays fixed by their place in the month, and holiday names written with a curly apostrophe."""

from __future__ import annotations

from datetime import date

import pytest

from crosswire.nlp.time import find_times

DCT = date(2023, 12, 20)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The store was robbed on Mother's Day.", "2023-05-14"),
    ("The store was robbed on Mother’s Day.", "2023-05-14"),
    ("The family met on Father's Day.", "2023-06-18"),
    ("Lines formed early on Black Friday.", "2023-11-24"),
    ("The bridge reopened on Martin Luther King Jr. Day.", "2023-01-16"),
    ("Schools closed on Presidents Day.", "2023-02-20"),
    ("A parade marched on Columbus Day.", "2023-10-09"),
    ("A ceremony was held on Veterans Day.", "2023-11-11"),
    ("The pub was crowded on St. Patrick's Day.", "2023-03-17"),
])
def test_holidays_resolve_to_their_day(sentence: str, expected: str) -> None:
    (t,) = find_times(sentence, DCT)
    assert (t.type, t.value) == ("DATE", expected)
