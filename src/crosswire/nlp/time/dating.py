"""Date a report that carries no date, from what its text says about time.

The time tagger runs without a DCT; what it finds becomes constraints on the unknown DCT `d`:

hard (always kept)
  - an explicit past date (with its year) is on or before `d`; an explicit past year is <= d's year;
  - "Thursday (5)" (weekday with day of month) is a day 0-7 days before `d` with that weekday and day;
    so is a past "Tuesday, December 3" (weekday with month and day, no year).
soft (kept when they leave at least one date; applied in this order)
  - a year after "Copyright" / "©", "so far in", or in a present perfect ("have been reported in
    2015") is the year of publication (a footer can lag or lead the story: not a hard bound);
  - every "since X" in one report names the same start ("since last Wednesday" and "since Nov. 27"
    describe one offensive, so Nov. 27 must be the Wednesday 1-7 days before `d`);
  - a past year named bare ("in 2019") is before the DCT's year (writers say "this year" otherwise);
  - a past day named by month and day without a year ("said on March 4") is within the two months
    before `d` (writers add the year to anything older);
  - a past year named bare ("in 2019") is before the DCT's year (writers say "this year" otherwise);
  - bare weekdays ("on Tuesday") fall on or after the story's start given by "since".
The candidate days run through a window: around the dates of related reports (`other_dated`) when
given, else from the latest past year the text names. What is left is often several runs of days
some years apart (a weekday falls on the same day of the month every 5-6 years). Spans tied to a
named year ("13 years of war since 2011", see `year_estimate`) estimate the report's year:
the run closest to the estimate wins, among equally close ones the latest (the estimate's counts
are rounded down more often than up). Without an estimate the earliest run is kept. The answer is
the first day of the chosen run, with the reasoning and a confidence (high, medium, low) spelled
out; None with the reason when nothing bounds the year.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from ...model import Article, Note, TimeRef
from .calendar import nearest_year_date, safe_date, weekday_before, weekday_on_or_before
from .context import Context
from .lexicon import MONTH_RE, MONTHS, WEEKDAYS
from .stage import find_times
from .year_estimate import YearEstimate, year_estimates

Check = Callable[[date], bool]
OTHER_DATED_MARGIN = timedelta(days=45)
YEARS_AHEAD = 30
RECENT_DAYS = 62  # a past month-and-day named without its year lies within this many days before the DCT
# What comes before a year that names the report's own year: a copyright line ("© Daily Star 2015"),
# a running tally ("so far in 2016"), a present perfect ("have been reported in 2015"; English does
# not put a finished past year in the present perfect, so the year is still running).
CURRENT_YEAR_BEFORE = re.compile(
    r"(?:(?:\bcopyright|©|\(c\))(?:\s+[A-Z][\w.&'’-]*){0,4}|\bso\s+far\s+in|\bto\s+date\s+in"
    r"|\b(?:has|have)\s+(?:(?:also|already|now)\s+)?(?:been|[a-z]+ed)\b[^.;:\n]{0,60}?\bin)\s*$", re.IGNORECASE)
# A year right after a month and day is that date's year, when the tagger split it off the date
# ("at 5 p.m. on March 4" + "2015"): the whole date is then a past date.
DATE_YEAR_BEFORE = re.compile(rf"\b(?P<mon>{MONTH_RE})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s*$", re.IGNORECASE)
PINNED_DAYS = 8  # candidate days left within this span count as one pinned week


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
    current_years: list[tuple[int, str]] = field(default_factory=list)  # "© 2015", "so far in 2016"
    recent_month_days: list[tuple[int, int, str]] = field(default_factory=list)  # (month, day, text)
    estimates: list[YearEstimate] = field(default_factory=list)


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
        elif t.value and re.fullmatch(r"\d{4}", t.value) and t.reason == "explicit year":
            _sort_year(text, t, past, ev)
        elif weekday and (bracket := re.search(r"\((\d{1,2})", t.text)):
            ev.bracket_days.append((weekday[1], int(bracket.group(1)), None, t.text))
        elif weekday and md and past:
            ev.bracket_days.append((weekday[1], md[1], md[0], t.text))
        elif weekday and since:
            ev.since_anchors.append((_weekday_anchor(*weekday), t.text))
        elif md and since:
            ev.since_anchors.append((_month_day_anchor(*md), t.text))
            ev.recent_month_days.append((md[0], md[1], t.text))
        elif md and past:
            ev.recent_month_days.append((md[0], md[1], t.text))
        elif weekday and weekday[0] in ("", "on") and past:
            ev.bare_weekdays.append((weekday[1], t.text))
    ev.estimates = year_estimates(text, times)
    return ev


def _sort_year(text: str, t: TimeRef, past: bool, ev: Evidence) -> None:
    """File a bare year as the report's own year, a date's year, or a past year (when not future)."""
    before = text[max(0, t.start - 80):t.start]
    if CURRENT_YEAR_BEFORE.search(before):
        ev.current_years.append((int(t.value or 0), t.text))
    elif past and (m := DATE_YEAR_BEFORE.search(before)) and (
            day := safe_date(int(t.value or 0), MONTHS[m.group("mon").lower().rstrip(".")], int(m.group("day")))):
        ev.past_dates.append((day, f"{m.group(0).strip()} {t.text}"))
    elif past:
        ev.past_years.append((int(t.value or 0), t.text))


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
    out += [Constraint(f"{text!r} is a past year", lambda d, y=year: d.year >= y, True)
            for year, text in ev.past_years]
    for weekday, day, month, text in ev.bracket_days:
        out.append(Constraint(f"{text!r} is a day {day} falling on that weekday, 0-7 days before the DCT",
                              lambda d, w=weekday, n=day, mo=month: _bracket_ok(d, w, n, mo), True))
    out += [Constraint(f"{text!r} names the year of publication (copyright line or running tally)",
                       lambda d, y=year: d.year == y, False) for year, text in ev.current_years]
    if len(ev.since_anchors) >= 2:
        names = " and ".join(repr(text) for _, text in ev.since_anchors)
        out.append(Constraint(f"{names} name the same start", lambda d: _same_start(d, ev), False))
    out += [Constraint(f"{text!r} (no year given) is within {RECENT_DAYS} days before the DCT",
                       lambda d, mo=month, n=day: _recent(d, mo, n), False)
            for month, day, text in ev.recent_month_days]
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


def _recent(d: date, month: int, day: int) -> bool:
    """Whether the last `month`/`day` on or before `d` is at most RECENT_DAYS before it."""
    for year in (d.year, d.year - 1):
        if (past := safe_date(year, month, day)) is not None and past <= d:
            return (d - past).days <= RECENT_DAYS
    return False


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
    years = [y for y, _ in ev.past_years + ev.current_years] + [d.year for d, _ in ev.past_dates]
    if not years:
        return None
    return date(max(years), 1, 1), date(max(years) + YEARS_AHEAD, 12, 31)


def infer_publication_date(text: str, times: list[TimeRef] | None = None,
                           other_dated: list[date] | None = None) -> tuple[date | None, str]:
    """The publication date `text` implies, and the reasoning (ending with a confidence).

    Of the days consistent with the text, the first of the run nearest the text's own estimate
    of its year (see `choose_day`); the earliest consistent day when the text gives no estimate.

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
    if len(steps) == 1 and not ev.estimates:
        return None, f"nothing in the text constrains the date within {window[0]} to {window[1]}"
    chosen, why = choose_day(days, ev.estimates)
    return chosen, "; ".join(steps + why)


def candidate_runs(days: list[date]) -> list[list[date]]:
    """The consistent days cut into runs of consecutive days (each a possible week of the story)."""
    runs: list[list[date]] = []
    for d in days:
        if runs and (d - runs[-1][-1]).days == 1:
            runs[-1].append(d)
        else:
            runs.append([d])
    return runs


def choose_day(days: list[date], estimates: list[YearEstimate]) -> tuple[date, list[str]]:
    """The first day of the run closest to the text's estimates of its year, with the reasoning.

    Ties go to the latest run; with no estimate the earliest run is kept. Confidence is high when
    the days left fit in one week, medium when an estimate picked a run, low otherwise.
    """
    runs = candidate_runs(days)
    if not estimates:
        chosen = runs[0][0]
        why = [f"earliest consistent date {chosen}"]
        if len(runs) > 1:
            why.append(f"no span of years in the text estimates the year among {_years(runs)}")
        return chosen, why + [f"confidence {_confidence(days, runs, False)}"]
    scored = [(sum(e.distance(d.year) for e in estimates), -i, d)
              for i, run in enumerate(runs) for d in _first_day_each_year(run)]
    score, _, chosen = min(scored)
    why = [f"estimate: {e.description}" for e in estimates]
    why.append(f"earliest consistent date {chosen} of the run {score} year(s) off the estimates "
               f"(the latest such run), among {_years(runs)}")
    return chosen, why + [f"confidence {_confidence(days, runs, score == 0)}"]


def _first_day_each_year(run: list[date]) -> list[date]:
    firsts: dict[int, date] = {}
    for d in run:
        firsts.setdefault(d.year, d)
    return list(firsts.values())


def _years(runs: list[list[date]]) -> str:
    years = sorted({d.year for run in runs for d in (run[0], run[-1])})
    shown = ", ".join(map(str, years[:8])) + (", ..." if len(years) > 8 else "")
    return f"candidate years {shown}"


def _confidence(days: list[date], runs: list[list[date]], estimate_fits: bool) -> str:
    if (days[-1] - days[0]).days < PINNED_DAYS:
        return "high"
    return "medium" if estimate_fits and len(runs) > 1 else "low"


def _span(days: list[date]) -> str:
    return f"{days[0]}..{days[-1]} ({len(days)} days)"


class DatingStage:
    """Pipeline stage "dating": gives an undated report the date its content implies.

    Related reports' dates may be passed in the transient `article.other_dated` (ISO dates). Writes a
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
        other = [date.fromisoformat(str(v)[:10]) for v in article.other_dated]
        inferred, reasoning = infer_publication_date(article.text, other_dated=other or None)
        if inferred is None:
            article.notes.append(Note(self.name, "date.unknown", reasoning))
            return article
        article.published = datetime(inferred.year, inferred.month, inferred.day, tzinfo=UTC)
        article.published_source = "inferred"
        article.notes.append(Note(self.name, "date.inferred", reasoning))
        return article
