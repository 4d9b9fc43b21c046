"""How many years after a named year a report speaks: "13 years of war since 2011", "40 years ago".

An undated report that names years only bounds its own year from below ("since 2011" says nothing
of how long since). A span of years tied to a named year does say it: "the war that has lasted 13
years since 2011" is written about 2024, "the 1982 massacre ... 40 years ago" about 2022 or a little
later. Each such pairing gives an estimate of the report's year as a range `low..high`:
  - an exact count is that year, or the next (the anniversary may not have come round yet);
  - a round count (a multiple of five, "a decade", "half a century") is rounded down by writers
    more than up, so it reads as N to N+4 years;
  - "more than N" moves the range up, "nearly N" / "almost N" down.
Only pairings that put the year in the present count: "N years ago", "N years (of war) since Y",
"N years after/on from Y" in a sentence not told in the past, "the Nth anniversary of ... Y".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import TimeRef
from .context import Context
from .lexicon import NUMBER_RE, YEAR_RE, number_value

SPAN_RE = (rf"(?P<q>more\s+than|over|nearly|almost|close\s+to|about|around|some|at\s+least)?\s*"
           rf"(?P<n>{NUMBER_RE}|a|one|half\s+a)\s+(?P<unit>years?|decades?|century|centuries)")
YEARS_AGO = re.compile(rf"\b{SPAN_RE}\s+ago\b", re.IGNORECASE)
YEARS_SINCE = re.compile(rf"\b{SPAN_RE}\b[^.;\n]{{0,50}}?\bsince\b[^.;\n]{{0,60}}?\b(?P<y>{YEAR_RE})\b",
                         re.IGNORECASE)
YEARS_AFTER = re.compile(rf"\b{SPAN_RE}\s+(?:after|on\s+from)\s+(?:[^.;\n]{{0,40}}?\b)?(?P<y>{YEAR_RE})\b",
                         re.IGNORECASE)
ANNIVERSARY = re.compile(rf"\b(?P<n>\d{{1,3}})(?:st|nd|rd|th)\s+anniversary\s+of\b[^.;\n]{{0,80}}?\b(?P<y>{YEAR_RE})\b",
                         re.IGNORECASE)
AGO_REACH = 400  # characters around "N years ago" searched, within its paragraph, for the year it counts from
# "N years ago" in another sentence than the year counts from it only for a historic span: "jailed in
# 2014 ... released two years ago" are two events, "the 1982 massacre ... 40 years ago" one.
HISTORIC_YEARS = 10
UNIT_YEARS = {"year": 1, "decade": 10, "century": 100}


@dataclass(frozen=True)
class YearEstimate:
    """The report's year as the text implies it: between `low` and `high` (inclusive)."""

    low: int
    high: int
    description: str

    def distance(self, year: int) -> int:
        return max(self.low - year, 0, year - self.high)


def span_years(m: re.Match[str]) -> tuple[int, int] | None:
    """The range of years a span phrase such as "more than 40 years" or "a decade" may mean."""
    word = " ".join(m.group("n").lower().split())
    count = {"a": 1, "one": 1, "half a": 0.5}.get(word) or number_value(word)
    unit = m.group("unit").lower().rstrip("s").replace("centurie", "century")
    if count is None or unit not in UNIT_YEARS:
        return None
    years = count * UNIT_YEARS[unit]
    if not float(years).is_integer() or years < 1:
        return None
    n = int(years)
    slack = 4 if n >= 10 and n % 5 == 0 else 1
    qualifier = " ".join((m.group("q") or "").lower().split())
    if qualifier in ("more than", "over", "at least"):
        return n, n + slack
    if qualifier in ("nearly", "almost", "close to"):
        return n - slack, n - 1
    return n, n + slack


def year_estimates(text: str, times: list[TimeRef]) -> list[YearEstimate]:
    """Every estimate of the report's year that a span tied to a named year gives."""
    ctx = Context(text=text, dct=None)
    out: list[YearEstimate] = []
    for m in YEARS_SINCE.finditer(text):
        out += _estimate(m, int(m.group("y")))
    for m in YEARS_AFTER.finditer(text):
        if ctx.tense(m.start()) != "past":
            out += _estimate(m, int(m.group("y")))
    for m in ANNIVERSARY.finditer(text):
        year, n = int(m.group("y")), int(m.group("n"))
        out.append(YearEstimate(year + n, year + n, f"{' '.join(m.group(0).split())!r} puts the report in {year + n}"))
    years = [t for t in times if t.reason == "explicit year" and t.value and t.value.isdigit()]
    for m in YEARS_AGO.finditer(text):
        if (year := _nearest_year(text, m.start(), years)) is not None and _ago_counts_from(ctx, m, year[1]):
            out += _estimate(m, year[0])
    return out


def _ago_counts_from(ctx: Context, m: re.Match[str], year_at: int) -> bool:
    """Whether "N years ago" at `m` counts from the year named at `year_at` (see HISTORIC_YEARS)."""
    start, end = ctx.sentence_at(m.start())
    span = span_years(m)
    return start <= year_at < end or (span is not None and span[0] >= HISTORIC_YEARS)


def _estimate(m: re.Match[str], year: int) -> list[YearEstimate]:
    span = span_years(m)
    if span is None:
        return []
    low, high = year + span[0], year + span[1]
    return [YearEstimate(low, high, f"{' '.join(m.group(0).split())!r} counted from {year} puts the report in {low}..{high}")]


def _nearest_year(text: str, pos: int, years: list[TimeRef]) -> tuple[int, int] | None:
    """The explicit year (and where it is) nearest to `pos` in its paragraph and within reach."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    near = [t for t in years if start <= t.start < end and abs(t.start - pos) <= AGO_REACH]
    if not near:
        return None
    nearest = min(near, key=lambda t: abs(t.start - pos))
    return int(nearest.value or 0), nearest.start
