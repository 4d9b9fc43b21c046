"""Date a report that carries no date, from what its text says about time.

The time tagger runs without a DCT; what it finds becomes constraints on the unknown DCT `d`:

hard (always kept)
  - an explicit past date (with its year) is on or before `d`; an explicit past year is <= d's year;
  - "Thursday (5)" (weekday with day of month) is a day 0-7 days before `d` with that weekday and day;
    so is a past "Tuesday, December 3" (weekday with month and day, no year).
soft (kept when they leave at least one date; applied in this order)
  - every "since X" in one report names the same start ("since last Wednesday" and "since Nov. 27"
    describe one offensive, so Nov. 27 must be the Wednesday 1-7 days before `d`);
  - a past year named bare ("in 2019") is before the DCT's year (writers say "this year" otherwise);
  - bare weekdays ("on Tuesday") fall on or after the story's start given by "since".
The candidate days run through a window: around the dates of related reports (`other_dated`) when
given, else from the latest past year the text names. The answer is the earliest day left, with
the reasoning spelled out; None with the reason when nothing bounds the year.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from ..model import Article, Note, TimeRef
from .timex import find_times
from .timex_calendar import nearest_year_date, weekday_before, weekday_on_or_before
from .timex_context import Context
from .timex_lexicon import WEEKDAYS

Check = Callable[[date], bool]
OTHER_DATED_MARGIN = timedelta(days=45)
YEARS_AHEAD = 30


@dataclass
class Constraint:
    """One thing the text says about its own date, as a test on a candidate DCT."""

    description: str
    check: Check
    hard: bool


@dataclass
class Evidence:
    """Time expressions of an undated report, sorted into what the constraints need."""

    past_dates: list[tuple[date, str]] = field(default_factory=list)
    past_years: list[tuple[int, str]] = field(default_factory=list)
    bracket_days: list[tuple[int, int, int | None, str]] = field(default_factory=list)  # (weekday, day, month, text)
    since_anchors: list[tuple[Callable[[date], date | None], str]] = field(default_factory=list)
    bare_weekdays: list[tuple[int, str]] = field(default_factory=list)


def _weekday_of(text: str) -> tuple[str, int] | None:
    m = re.match(r"(?:(last|this\s+past|past|on)\s+)?([A-Za-z]+)", text.strip(), re.IGNORECASE)
    if not m or m.group(2).lower() not in WEEKDAYS:
        return None
    return (m.group(1) or "").lower(), WEEKDAYS[m.group(2).lower()]


def _month_day(value: str) -> tuple[int, int] | None:
    m = re.fullmatch(r"XXXX-(\d\d)-(\d\d)", value or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def collect_evidence(text: str, times: list[TimeRef]) -> Evidence:
    """Sort the DCT-less time expressions of `text` into the kinds the constraints use."""
    ctx, ev = Context(text=text, dct=None), Evidence()
    for t in times:
        since = bool(re.search(r"\bsince\s+$", text[max(0, t.start - 8):t.start], re.IGNORECASE))
        past = since or ctx.tense(t.start) != "future"
        weekday = _weekday_of(t.text)
        md = _month_day(t.value or "")
        if t.value and re.fullmatch(r"\d{4}-\d\d-\d\d", t.value) and past:
            ev.past_dates.append((date.fromisoformat(t.value), t.text))
        elif t.value and re.fullmatch(r"\d{4}", t.value) and t.reason == "explicit year" and past:
            ev.past_years.append((int(t.value), t.text))
        elif weekday and (bracket := re.search(r"\((\d{1,2})", t.text)):
            ev.bracket_days.append((weekday[1], int(bracket.group(1)), None, t.text))
        elif weekday and md and past:
            ev.bracket_days.append((weekday[1], md[1], md[0], t.text))
        elif weekday and since:
            ev.since_anchors.append((_weekday_anchor(*weekday), t.text))
        elif md and since:
            ev.since_anchors.append((_month_day_anchor(*md), t.text))
        elif weekday and weekday[0] in ("", "on") and past:
            ev.bare_weekdays.append((weekday[1], t.text))
    return ev


def _weekday_anchor(rel: str, weekday: int) -> Callable[[date], date | None]:
    if rel in ("last", "past", "this past"):
        return lambda d: weekday_before(d, weekday)
    return lambda d: weekday_on_or_before(d, weekday)


def _month_day_anchor(month: int, day: int) -> Callable[[date], date | None]:
    return lambda d: nearest_year_date(month, day, d, "past")


def build_constraints(ev: Evidence) -> list[Constraint]:
    """Hard constraints first, then the soft ones in the order they are tried."""
    out = [Constraint(f"{text!r} ({when}) is in the past", lambda d, w=when: d >= w, True)
           for when, text in ev.past_dates]
    out += [Constraint(f"{text!r} is a past year", lambda d, y=year: d.year >= y, True) for year, text in ev.past_years]
    for weekday, day, month, text in ev.bracket_days:
        out.append(Constraint(f"{text!r} is a day {day} falling on that weekday, 0-7 days before the DCT",
                              lambda d, w=weekday, n=day, mo=month: _bracket_ok(d, w, n, mo), True))
    if len(ev.since_anchors) >= 2:
        names = " and ".join(repr(text) for _, text in ev.since_anchors)
        out.append(Constraint(f"{names} name the same start", lambda d: _same_start(d, ev), False))
    out += [Constraint(f"{text!r} names a year before the DCT's year", lambda d, y=year: d.year > y, False)
            for year, text in ev.past_years]
    if ev.since_anchors:
        for weekday, text in ev.bare_weekdays:
            out.append(Constraint(f"{text!r} falls on or after the story's start",
                                  lambda d, w=weekday: _after_start(d, w, ev), False))
    return out


def _bracket_ok(d: date, weekday: int, day: int, month: int | None = None) -> bool:
    return any((x := d - timedelta(days=k)).day == day and x.weekday() == weekday and month in (None, x.month)
               for k in range(8))


def _same_start(d: date, ev: Evidence) -> bool:
    starts = {anchor(d) for anchor, _ in ev.since_anchors}
    return len(starts) == 1 and None not in starts


def _after_start(d: date, weekday: int, ev: Evidence) -> bool:
    starts = [s for anchor, _ in ev.since_anchors if (s := anchor(d)) is not None]
    return bool(starts) and weekday_on_or_before(d, weekday) >= min(starts)


def candidate_window(ev: Evidence, other_dated: list[date] | None) -> tuple[date, date] | None:
    """The days the DCT may be: near related reports' dates, else from the latest past year named."""
    if other_dated:
        return min(other_dated) - OTHER_DATED_MARGIN, max(other_dated) + OTHER_DATED_MARGIN
    years = [y for y, _ in ev.past_years] + [d.year for d, _ in ev.past_dates]
    if not years:
        return None
    return date(max(years), 1, 1), date(max(years) + YEARS_AHEAD, 12, 31)


def infer_publication_date(text: str, times: list[TimeRef] | None = None,
                           other_dated: list[date] | None = None) -> tuple[date | None, str]:
    """The earliest publication date consistent with what `text` says, and the reasoning.

    `times` are `find_times(text, None)` (computed when not given); `other_dated` are dates of
    related reports (same story), which bound the year. Returns (None, reason) when unbounded.
    """
    ev = collect_evidence(text, times if times is not None else find_times(text, None))
    window = candidate_window(ev, other_dated)
    if window is None:
        return None, "no year named in the text and no dated related reports to bound the date"
    days = [window[0] + timedelta(days=i) for i in range((window[1] - window[0]).days + 1)]
    steps = [f"window {window[0]} to {window[1]}"]
    for c in build_constraints(ev):
        kept = [d for d in days if c.check(d)]
        if kept:
            days = kept
            steps.append(f"{'hard' if c.hard else 'soft'}: {c.description} -> {_span(days)}")
        elif c.hard:
            return None, "; ".join(steps + [f"conflict: {c.description} leaves no date"])
        else:
            steps.append(f"soft, dropped (would leave no date): {c.description}")
    if len(steps) == 1:
        return None, f"nothing in the text constrains the date within {window[0]} to {window[1]}"
    return days[0], "; ".join(steps) + f"; earliest consistent date {days[0]}"


def _span(days: list[date]) -> str:
    return f"{days[0]}..{days[-1]} ({len(days)} days)"


class DatingStage:
    """Pipeline stage "dating": gives an undated report the date its content implies.

    Related reports' dates may be passed in `article.meta["other_dated"]` (ISO dates). Writes a
    Note "date.inferred" with the reasoning, or "date.unknown" with why no date was found.
    """

    name = "dating"
    requires = ("text", "published")
    assigns = ("published", "published_source")

    def __init__(self, resources: object = None) -> None:
        del resources  # needs no model

    def __call__(self, article: Article) -> Article:
        if article.published is not None:
            return article
        other = [date.fromisoformat(str(v)[:10]) for v in article.meta.get("other_dated", [])]
        inferred, reasoning = infer_publication_date(article.text, other_dated=other or None)
        if inferred is None:
            article.notes.append(Note(self.name, "date.unknown", reasoning))
            return article
        article.published = datetime(inferred.year, inferred.month, inferred.day, tzinfo=UTC)
        article.published_source = "inferred"
        article.notes.append(Note(self.name, "date.inferred", reasoning))
        return article
