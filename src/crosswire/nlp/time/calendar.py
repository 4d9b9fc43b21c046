"""Calendar arithmetic for time normalisation: pure functions of dates, never of the clock.

Every function here takes the reference date it needs as an argument. Values follow TIMEX3:
days `2024-12-05`, ISO weeks `2024-W49`, months `2024-12`, quarters `2024-Q4`, seasons `2024-WI`.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta


@dataclass(frozen=True)
class Resolution:
    """The normalised reading of one time expression (what `TimeRef` stores, minus the span)."""

    type: str  # DATE | TIME | DURATION | SET
    value: str | None
    precision: str | None
    anchor: str | None
    reason: str


def as_date(value: datetime | date | None) -> date | None:
    """The calendar day of a DCT given as datetime or date (None stays None)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    return value


def day_value(d: date) -> str:
    return d.isoformat()


def week_value(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def quarter_of(d: date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def quarter_value(year: int, quarter: int) -> str:
    return f"{year:04d}-Q{quarter}"


def shift_quarter(year: int, quarter: int, n: int) -> tuple[int, int]:
    index = year * 4 + (quarter - 1) + n
    return index // 4, index % 4 + 1


def shift_months(d: date, n: int) -> date:
    """`d` moved by `n` calendar months, the day clipped to the target month's length."""
    index = d.year * 12 + (d.month - 1) + n
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(d.day, last))


def shift(d: date, n: float, unit: str) -> date:
    """`d` moved by `n` units of D, W, M, Q, Y, DE or CE (fractions of months round down)."""
    if unit == "D":
        return d + timedelta(days=round(n))
    if unit == "W":
        return d + timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months is None:
        raise ValueError(f"cannot shift a date by unit {unit!r}")
    return shift_months(d, int(n * months))


def value_at_precision(d: date, unit: str) -> tuple[str, str]:
    """The TIMEX3 value of the `unit`-long period containing `d`, and its precision word."""
    if unit == "D":
        return day_value(d), "day"
    if unit in ("W", "WE"):
        return week_value(d) + ("-WE" if unit == "WE" else ""), "week"
    if unit == "M":
        return month_value(d.year, d.month), "month"
    if unit == "Q":
        return quarter_value(*quarter_of(d)), "month"
    if unit == "DE":
        return f"{d.year // 10:03d}", "year"  # TIMEX3 decade: 199 = the 1990s
    if unit == "CE":
        return f"{d.year // 100:02d}", "year"
    return f"{d.year:04d}", "year"


def weekday_on_or_before(ref: date, weekday: int) -> date:
    """The latest day on or before `ref` that falls on `weekday` (0 = Monday)."""
    return ref - timedelta(days=(ref.weekday() - weekday) % 7)


def weekday_on_or_after(ref: date, weekday: int) -> date:
    return ref + timedelta(days=(weekday - ref.weekday()) % 7)


def weekday_before(ref: date, weekday: int) -> date:
    """The latest day strictly before `ref` on `weekday` ("last Friday")."""
    return weekday_on_or_before(ref - timedelta(days=1), weekday)


def weekday_after(ref: date, weekday: int) -> date:
    """The first day strictly after `ref` on `weekday` ("next Friday")."""
    return weekday_on_or_after(ref + timedelta(days=1), weekday)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def nearest_year_date(month: int, day: int, ref: date, tense: str | None = None) -> date | None:
    """The date with this month and day nearest to `ref` (previous, same or next year).

    With tense "past" a date after `ref` is only chosen when it is within a week; with "future"
    a date before `ref` only when within a week (otherwise such a date costs 5x its distance). That keeps "Nov. 27" in a December report in
    the same year and "Jan. 3" in a late-December report in the next one.
    """
    candidates = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := safe_date(y, month, day))]
    if not candidates:
        return None

    def cost(d: date) -> float:
        gap = (d - ref).days
        if tense == "past" and gap > 7:
            return gap * 5
        if tense == "future" and gap < -7:
            return -gap * 5
        return abs(gap)

    return min(candidates, key=cost)


def nearest_month_year(month: int, ref: date, tense: str | None) -> int:
    """The year of the month named without a year: the past one in past-tense text, else nearest."""
    if tense == "future":
        return ref.year if month >= ref.month else ref.year + 1
    if tense == "past":
        return ref.year if month <= ref.month else ref.year - 1
    gap = month - ref.month
    if gap > 6:
        return ref.year - 1
    if gap < -6:
        return ref.year + 1
    return ref.year


def day_of_month_with_weekday(day: int, weekday: int, ref: date, months: int = 36) -> date | None:
    """The date nearest before or at `ref` whose day of month is `day` and weekday `weekday`.

    Reads wire forms like "Thursday (5)": falls back to the nearest such date after `ref`.
    """
    for back in range(months):
        d = safe_date(*_month_shifted(ref, -back), day)
        if d is not None and d <= ref and d.weekday() == weekday:
            return d
    for ahead in range(1, months):
        d = safe_date(*_month_shifted(ref, ahead), day)
        if d is not None and d.weekday() == weekday:
            return d
    return None


def day_of_month_before(day: int, ref: date) -> date | None:
    """The latest date on or before `ref` with this day of month ("on the 3rd")."""
    for back in range(3):
        d = safe_date(*_month_shifted(ref, -back), day)
        if d is not None and d <= ref:
            return d
    return None


def _month_shifted(ref: date, n: int) -> tuple[int, int]:
    index = ref.year * 12 + ref.month - 1 + n
    return index // 12, index % 12 + 1


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th `weekday` of a month; n = -1 gives the last one."""
    if n > 0:
        first = weekday_on_or_after(date(year, month, 1), weekday)
        return first + timedelta(weeks=n - 1)
    last_day = date(year, month, calendar.monthrange(year, month)[1])
    return weekday_on_or_before(last_day, weekday)


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


def holiday_date(name: str, year: int) -> date | None:
    """The date of a named holiday in `year`, or None for a name this table does not know."""
    key = " ".join(name.lower().replace("'", "").replace("’", "").replace(".", "").split())
    key = key.replace("martin luther king jr day", "martin luther king day").replace("mlk day", "martin luther king day")
    fixed = {"veterans day": (11, 11), "st patricks day": (3, 17), "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new years day": (1, 1), "new years": (1, 1), "new years eve": (12, 31),
             "independence day": (7, 4), "fourth of july": (7, 4), "halloween": (10, 31), "valentines day": (2, 14)}
    if key in fixed:
        return date(year, *fixed[key])
    if key.startswith("thanksgiving"):
        return nth_weekday(year, 11, 3, 4)
    if key == "black friday":
        return nth_weekday(year, 11, 3, 4) + timedelta(days=1)
    # Sundays and Mondays fixed by their place in the month (US observances)
    nth = {"mothers day": (5, 6, 2), "fathers day": (6, 6, 3), "martin luther king day": (1, 0, 3),
           "presidents day": (2, 0, 3), "columbus day": (10, 0, 2)}
    if key in nth:
        return nth_weekday(year, *nth[key])
    if key.startswith("easter"):
        return easter(year)
    if key == "labor day":
        return nth_weekday(year, 9, 0, 1)
    if key == "memorial day":
        return nth_weekday(year, 5, 0, -1)
    if key == "election day":
        return nth_weekday(year, 11, 0, 1) + timedelta(days=1)
    return None


def read_numeric_date(first: int, second: int, year: int, ref: date | None,
                      day_first: bool | None) -> tuple[date | None, str]:
    """Read "05/12/2024" as a date, day-first or month-first, and say which reading was used.

    With `day_first` None the reading is chosen when one part is over 12, else the reading
    within a few days of `ref` (the DCT), else month-first (the English-language default).
    """
    dm = safe_date(year, second, first)
    md = safe_date(year, first, second)
    if day_first is True:
        return dm, "day-first by locale hint"
    if day_first is False:
        return md, "month-first by locale hint"
    if dm is None or md is None:
        chosen = dm or md
        how = "day-first" if chosen is dm else "month-first"
        return chosen, f"{how}: only reading that is a valid date"
    if dm == md:
        return dm, "day and month equal"
    if ref is not None:
        gap_dm, gap_md = abs((dm - ref).days), abs((md - ref).days)
        if min(gap_dm, gap_md) <= 7 and gap_dm != gap_md:
            if gap_dm < gap_md:
                return dm, "day-first: the reading within a week of the DCT"
            return md, "month-first: the reading within a week of the DCT"
    return md, "month-first by default (ambiguous, no locale hint)"
