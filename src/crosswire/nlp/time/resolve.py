"""Normalisers of the time tagger: one function per recognition rule, each giving a `Resolution`.

A normaliser reads the rule's named groups and the document `Context` (the DCT, the tense of
the sentence, the last quarter and day the text spoke of) and returns the TIMEX3 value with a
reason saying how it was resolved. Relative expressions resolve against the DCT, never the clock;
without a DCT they keep an underspecified value (`XXXX-12-05`) or None, with the reason.
Named days (weekdays, today/tonight, parts of day) are normalised in `days`, durations in
`durations`, quarters and seasons in `periods`; shared helpers are in `shared`.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .calendar import (
    Resolution,
    day_of_month_before,
    holiday_date,
    month_value,
    nearest_month_year,
    nearest_year_date,
    read_numeric_date,
    safe_date,
    shift,
    value_at_precision,
    week_value,
)
from .context import Context
from .days import (  # noqa: F401 - registered in RESOLVERS below
    resolve_bare_pod,
    resolve_deictic_day,
    resolve_overnight,
    resolve_this_pod,
    resolve_weekday,
    resolve_weekday_bracket,
    resolve_weekday_set,
)
from .durations import (  # noqa: F401 - registered in RESOLVERS below
    count_value,
    duration_value,
    resolve_bare_units,
    resolve_decades_long,
    resolve_duration,
    resolve_set,
    resolve_units_ahead,
    resolve_vague_duration,
    unit_letter,
)
from .lexicon import (
    DECADE_WORDS,
    MONTHS,
    ORDINALS,
    WEEKDAYS,
    number_value,
)
from .periods import (  # noqa: F401 - registered in RESOLVERS below
    _relative_quarter,
    resolve_half,
    resolve_quarter,
    resolve_quarter_ref,
    resolve_season,
    resolve_year_ago_period,
)
from .shared import (
    NO_DCT,
    Groups,
    Resolver,
    day_resolution,
    full_year,
    unresolved,
    with_clock,
    word_key,
)


def resolve_iso(g: Groups, ctx: Context, start: int) -> Resolution:
    d = safe_date(int(g["y"]), int(g["m"]), int(g["d"]))
    if d is None:
        return Resolution("DATE", None, None, None, "explicit date is not a valid calendar day")
    if g.get("hh"):
        return Resolution("TIME", f"{d.isoformat()}T{g['hh']}:{g['mm']}", "time", None, "explicit date and time")
    return day_resolution(d, "explicit date")


def resolve_numeric(g: Groups, ctx: Context, start: int) -> Resolution:
    first, second, year = int(g["a"]), int(g["b"]), full_year(g["y"], ctx.dct)
    d, how = read_numeric_date(first, second, year, ctx.dct, ctx.day_first)
    if d is not None and g.get("wd") and d.weekday() != WEEKDAYS[word_key(g["wd"])]:
        other = safe_date(year, first, second) if d.day == first else safe_date(year, second, first)
        if other is not None and other.weekday() == WEEKDAYS[word_key(g["wd"])]:
            d, how = other, "the reading that matches the weekday"
    if d is None:
        return Resolution("DATE", None, None, None, "numeric date is not a valid calendar day")
    if g.get("time"):
        return with_clock(d, g["time"], f"numeric date, {how}")
    return day_resolution(d, f"numeric date, {how}")


def _month_day(g: Groups, ctx: Context, start: int) -> Resolution:
    month, dom = MONTHS[word_key(g["mon"])], int(re.match(r"\d+", g["d"]).group())  # type: ignore[union-attr]
    if g.get("y"):
        d = safe_date(int(g["y"]), month, dom)
        reason, anchor = "explicit date", None
    elif ctx.dct is not None:
        d = nearest_year_date(month, dom, ctx.dct, ctx.tense(start))
        reason, anchor = "month and day, year from DCT (nearest)", ctx.dct
    else:
        return unresolved("DATE", f"XXXX-{month:02d}-{dom:02d}", "day")
    if d is None:
        return Resolution("DATE", None, None, None, "month and day is not a valid calendar day")
    if g.get("time"):
        return with_clock(d, g["time"], reason)
    return day_resolution(d, reason, anchor)


resolve_month_day = _month_day
resolve_day_month = _month_day


def resolve_week_of(g: Groups, ctx: Context, start: int) -> Resolution:
    res = _month_day(g, ctx, start)
    if res.value is None or "X" in res.value:
        return Resolution("DATE", None, None, res.anchor, res.reason)
    value, _ = value_at_precision(date.fromisoformat(res.value[:10]), "W")
    return Resolution("DATE", value, "week", res.anchor, "week of the date given")


def resolve_month_year(g: Groups, ctx: Context, start: int) -> Resolution:
    month = MONTHS[word_key(g["mon"])]
    if g.get("y"):
        return Resolution("DATE", month_value(int(g["y"]), month), "month", None, "explicit month and year")
    if ctx.dct is None:
        return unresolved("DATE", f"XXXX-{month:02d}", "month")
    year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[word_key(g["rel"])]
    return Resolution("DATE", month_value(year, month), "month", ctx.dct.isoformat(), "month with year relative to DCT")


def resolve_month(g: Groups, ctx: Context, start: int) -> Resolution:
    month, mod = MONTHS[word_key(g["mon"])], word_key(g.get("mod"))
    if ctx.dct is None:
        return unresolved("DATE", f"XXXX-{month:02d}", "month")
    ref = ctx.dct
    if mod in ("last", "this past"):
        year = ref.year if month < ref.month - 1 else ref.year - 1
        reason = "named month before DCT"
    elif mod in ("next", "this coming"):
        year = ref.year if month > ref.month else ref.year + 1
        reason = "named month after DCT"
    elif mod == "this":
        year, reason = ref.year, "named month in DCT's year"
    else:
        year = nearest_month_year(month, ref, ctx.tense(start))
        reason = "named month, year from DCT and tense"
    return Resolution("DATE", month_value(year, month), "month", ref.isoformat(), reason)


def resolve_spelled_year(g: Groups, ctx: Context, start: int) -> Resolution:
    if g.get("c"):
        year = (1900 if word_key(g["c"]) == "nineteen" else 2000) + int(number_value(g["y"]) or 0)
    else:
        year = 2000 + int(number_value(g["small"]) or 0) if g.get("small") else 2000
    if g.get("mon"):
        return Resolution("DATE", month_value(year, MONTHS[word_key(g["mon"])]), "month", None, "explicit month and year")
    return Resolution("DATE", f"{year:04d}", "year", None, "explicit year")


def resolve_decade(g: Groups, ctx: Context, start: int) -> Resolution:
    if g.get("dec"):
        return Resolution("DATE", g["dec"], None, None, "explicit decade (TIMEX3 decade value: 199 = the 1990s)")
    digit = int(g["short"]) if g.get("short") else DECADE_WORDS[word_key(g["word"])]
    century = 19 if ctx.dct is None or digit * 10 > ctx.dct.year % 100 else ctx.dct.year // 100
    return Resolution("DATE", f"{century}{digit}", None, None, "decade, century from DCT")


def resolve_century(g: Groups, ctx: Context, start: int) -> Resolution:
    word = word_key(g["ord"])
    n = ORDINALS.get(word) or int(re.match(r"\d+", word).group())  # type: ignore[union-attr]
    return Resolution("DATE", f"{n - 1:02d}", "year", None, "explicit century")


def resolve_year(g: Groups, ctx: Context, start: int) -> Resolution:
    return Resolution("DATE", f"{int(g['y']):04d}", "year", None, "explicit year")


# Days from the DCT within which a bare holiday name is this season's ("a Halloween party" on Oct. 30).
HOLIDAY_SEASON_DAYS = 7


def resolve_holiday(g: Groups, ctx: Context, start: int) -> Resolution:
    if ctx.dct is None:
        return unresolved("DATE")
    ref, rel = ctx.dct, word_key(g.get("rel"))
    days = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := holiday_date(g["h"], y))]
    if not days:
        return Resolution("DATE", None, None, ref.isoformat(), "holiday not in the table")
    future = rel == "next" or (rel != "last" and ctx.tense(start) == "future")
    pick = min((d for d in days if d >= ref), default=days[-1]) if future else max((d for d in days if d <= ref), default=days[0])
    reason = "holiday, year from DCT and tense"
    close = [d for d in days if abs((d - ref).days) <= HOLIDAY_SEASON_DAYS]
    if close and not rel:
        # a holiday a few days either side of the DCT is the one of this season, whatever the tense
        pick, reason = close[0], "holiday within a week of the DCT"
    if g.get("wk"):
        return Resolution("DATE", week_value(pick), "week", ref.isoformat(), f"week of the {reason}")
    return day_resolution(pick, reason, ref)


REF_VALUES = {
    "PRESENT_REF": ("right now", "now", "currently", "current", "nowadays", "these days", "at present", "presently"),
    "PAST_REF": ("recently", "more recently", "lately", "previously", "formerly", "the past", "earlier", "already",
                 "then current", "then-current"),
}


def resolve_ref(g: Groups, ctx: Context, start: int) -> Resolution:
    word = word_key(g["__text__"])
    value = next((v for v, words in REF_VALUES.items() if word in words), "FUTURE_REF")
    anchor = ctx.dct.isoformat() if ctx.dct else None
    return Resolution("DATE", value, None, anchor, "reference to the present, past or future of the DCT")


def resolve_someday(g: Groups, ctx: Context, start: int) -> Resolution:
    """"will one day be", "someday": an unnamed time in the future, not a length of one day."""
    anchor = ctx.dct.isoformat() if ctx.dct else None
    return Resolution("DATE", "FUTURE_REF", None, anchor, "'one day' after a modal: some time in the future")


REL_STEPS = {"last": -1, "previous": -1, "the previous": -1, "the last": -1, "the past": -1, "prior": -1,
             "the prior": -1, "the latest": -1, "this past": -1, "next": 1, "the next": 1, "coming": 1,
             "the coming": 1, "this coming": 1, "following": 1, "the following": 1, "this": 0,
             "the current": 0, "current": 0, "that": 0, "the same": 0}
NARRATIVE_RELS = ("previous", "the previous", "following", "the following", "that", "the same", "prior", "the prior")
UNIT_LETTERS = {"week": "W", "weekend": "WE", "month": "M", "year": "Y", "fiscal year": "Y", "quarter": "Q",
                "decade": "DE", "century": "CE", "full year": "Y", "current fiscal year": "Y", "day": "D"}


def resolve_rel_unit(g: Groups, ctx: Context, start: int) -> Resolution:
    rel, unit = word_key(g["rel"]), UNIT_LETTERS[word_key(g["unit"])]
    narrative = rel in NARRATIVE_RELS
    ref = ctx.narrative_date(UNIT_LETTERS[word_key(g["unit"])]) if narrative else ctx.dct
    if ref is None:
        return unresolved("DATE")
    if unit == "Q" and rel in ("that", "the same", "the latest", "the current"):
        return _relative_quarter({"the latest": "latest", "the current": "current"}.get(rel, "that"), ctx, start)
    step = REL_STEPS[rel]
    if unit in ("DE", "CE") and rel in ("the past", "the next", "the coming", "past"):
        return Resolution("DURATION", duration_value(1, word_key(g["unit"])), None, None, "length of time")
    if unit == "Y" and step == -1 and ctx.quarter_in_focus(start) and ctx.sentence_at(start)[0] <= ctx.last_quarter_pos:
        return _relative_quarter("year-earlier", ctx, start)
    value, precision = value_at_precision(shift(ref, step * (7 if unit == "WE" else 1), "D" if unit == "WE" else unit)
                                          if unit == "WE" else shift(ref, step, unit), unit)
    what = "the time in focus" if narrative else "DCT"
    return Resolution("DATE", value, precision, ref.isoformat(), f"{rel} {word_key(g['unit'])} relative to {what}")


def resolve_in_the_unit(g: Groups, ctx: Context, start: int) -> Resolution:
    if ctx.dct is None:
        return unresolved("DATE")
    value, precision = value_at_precision(ctx.dct, UNIT_LETTERS[word_key(g["unit"])])
    return Resolution("DATE", value, precision, ctx.dct.isoformat(), "part of the DCT's period")


def resolve_det_unit(g: Groups, ctx: Context, start: int) -> Resolution:
    unit = UNIT_LETTERS[word_key(g["unit"])]
    if unit == "Y" and re.match(r"\s+(?:ended|ending|ends|to)\b", ctx.text[start + len(g["__text__"]):][:10]):
        return Resolution("DURATION", "P1Y", None, None, "length of a (fiscal) year named by its end")
    if ctx.dct is None:
        return unresolved("DATE")
    ref = ctx.dct
    if unit == "WE" and ref.weekday() < 3 and ctx.tense(start) != "future":
        ref = ref - timedelta(days=7)
    value, precision = value_at_precision(ref, unit)
    return Resolution("DATE", value, precision, ctx.dct.isoformat(), "the DCT's period")


def resolve_relative_day(g: Groups, ctx: Context, start: int) -> Resolution:
    base = ctx.narrative_day()
    if base is None:
        return unresolved("DATE")
    step = {"the next": 1, "the following": 1, "the previous": -1, "the prior": -1}.get(word_key(g["rel"]), 0)
    return day_resolution(base + timedelta(days=step), "day relative to the day in focus", base)


def resolve_ago(g: Groups, ctx: Context, start: int) -> Resolution:
    letter, is_clock, mult = unit_letter(g["unit"])
    n = count_value(g["n"])
    later = word_key(g["dir"]) in ("later", "from now", "hence")
    if n is None:
        return Resolution("DATE", "FUTURE_REF" if later else "PAST_REF", None,
                          ctx.dct.isoformat() if ctx.dct else None, "vague distance from DCT")
    if ctx.dct is None:
        return unresolved("DATE")
    if letter == "Y" and n == 1 and ctx.quarter_in_sentence(start):
        return _relative_quarter("year-earlier", ctx, start, 4 if later else 0)
    if is_clock:
        return day_resolution(ctx.dct, "hours or minutes before DCT: the DCT's day", ctx.dct)
    unit = "D" if letter in ("WE",) else letter
    d = shift(ctx.dct, (n * mult) if later else -(n * mult), unit)
    value, precision = value_at_precision(d, "Y" if unit in ("DE", "CE") else unit)
    return Resolution("DATE", value, precision, ctx.dct.isoformat(), f"{g['n']} {g['unit']}(s) {word_key(g['dir'])}, relative to DCT")


def resolve_bare_ago(g: Groups, ctx: Context, start: int) -> Resolution:
    value = "FUTURE_REF" if word_key(g["dir"]) == "later" else "PAST_REF"
    return Resolution("DATE", value, None, ctx.dct.isoformat() if ctx.dct else None, "vague distance from DCT")


def resolve_time(g: Groups, ctx: Context, start: int) -> Resolution:
    day_word = word_key(g.get("day")).split(",")[0]
    d: date | None = ctx.narrative_day()
    reason = "clock time on the day last named (else the DCT's day)"
    if g.get("mon") or g.get("mon2"):  # "3 p.m. July 5", "3 p.m. Sunday, July 5"
        mon, dom, year = (g["mon"], g["d"], None) if g.get("mon") else (g["mon2"], g["d2"], g.get("y2"))
        sub = resolve_month_day({"mon": mon, "d": dom, "y": year}, ctx, start)
        d = date.fromisoformat(sub.value) if sub.value and "X" not in sub.value else None
        reason = "clock time on the date given"
    elif day_word in WEEKDAYS:
        sub = resolve_weekday({"wd": day_word}, ctx, start)
        d = date.fromisoformat(sub.value[:10]) if sub.value and "X" not in sub.value else None
        reason = "clock time on the weekday given"
    elif day_word and ctx.dct is not None:
        d = ctx.dct + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[day_word])
        reason = f"clock time {day_word}"
    if d is None:
        reason = NO_DCT
    return with_clock(d, g["t"], reason)


def resolve_ordinal_day(g: Groups, ctx: Context, start: int) -> Resolution:
    dom = int(re.match(r"\d+", g["d"]).group())  # type: ignore[union-attr]
    if ctx.dct is None:
        return unresolved("DATE", f"XXXX-XX-{dom:02d}", "day")
    d = day_of_month_before(dom, ctx.dct)
    if d is None:
        return Resolution("DATE", None, None, ctx.dct.isoformat(), "no such day of month near the DCT")
    return day_resolution(d, "day of month, latest on or before DCT", ctx.dct)


RESOLVERS: dict[str, Resolver] = {
    name.removeprefix("resolve_"): fn for name, fn in list(globals().items())
    if name.startswith("resolve_") and callable(fn)
}
