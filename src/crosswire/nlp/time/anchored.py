"""Days counted from another day expression: "the day before Christmas", "two days after Jan. 3".

TIMEX3 annotates such an anchored expression as one DATE whose value is the anchor's day moved
by the count ("the day before last Tuesday's hearing" is the Monday), so the offset phrase joins
the span of the day expression it counts from.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .calendar import Resolution
from .lexicon import NUMBER_RE, YEAR_RE, number_value

OFFSET_BEFORE = re.compile(
    rf"\b(?:the|a|one|(?P<n>{NUMBER_RE}))\s+(?P<unit>day|week)s?\s+(?P<dir>before|after)\s+$", re.IGNORECASE)
REACH = 40  # characters before a day expression searched for its offset phrase


def count_from_day(text: str, start: int, res: Resolution) -> tuple[int, Resolution] | None:
    """The span start and reading of "<count> days before/after" + the day resolved at `start`.

    None when no offset phrase comes right before, or when the day itself is not a known day.
    """
    if res.precision != "day" or not res.value or "X" in res.value[:10]:
        return None
    m = OFFSET_BEFORE.search(text, max(0, start - REACH), start)
    if not m:
        return None
    count = number_value(m.group("n")) if m.group("n") else 1
    if count is None or not float(count).is_integer():
        return None
    step = int(count) * (7 if m.group("unit").lower() == "week" else 1)
    if m.group("dir").lower() == "before":
        step = -step
    anchor = res.value[:10]
    day = date.fromisoformat(anchor) + timedelta(days=step)
    phrase = " ".join(m.group(0).split())
    return m.start(), Resolution("DATE", day.isoformat(), "day", anchor, f"{phrase} the day named ({res.reason})")


# "April 24 and 25": a bare day number joined to a month-and-day takes its month and year; a year
# after the second day ("March 3 and 4, 2019") belongs to both. The number must end the phrase
# ("April 24 and 25 people" counts people).
COORDINATED_DAY = re.compile(
    rf"\s+(?:and|or|&)\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?:,?\s+(?P<y>{YEAR_RE})\b"
    r"|\b(?=\s*(?:[.,;:)!?\"'”]|$|\s(?:in|at|on|of|for|when|while|as|after|before|with|respectively)\b)))",
    re.IGNORECASE)


def coordinated_day(text: str, end: int, res: Resolution) -> tuple[Resolution, tuple[int, int, Resolution]] | None:
    """The day number coordinated with the day resolved just before `end`: the first day's reading
    (its year corrected when a year follows the second) and the second's span and reading."""
    if res.precision != "day" or not res.value or len(res.value) != 10 or "X" in res.value:
        return None
    m = COORDINATED_DAY.match(text, end)
    if not m:
        return None
    first = date.fromisoformat(res.value)
    try:
        if m.group("y"):
            first = first.replace(year=int(m.group("y")))
        day = first.replace(day=int(m.group("d")))
    except ValueError:
        return None
    if day <= first:
        return None
    if first.isoformat() != res.value:
        res = Resolution(res.type, first.isoformat(), res.precision, None, "explicit date: the year given after the day joined to it")
    second = Resolution("DATE", day.isoformat(), "day", first.isoformat(),
                        f"day number joined to {first.isoformat()} takes its month and year")
    return res, (m.start("d"), m.end(), second)
