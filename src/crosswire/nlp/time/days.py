"""Normalisers of named days: weekdays ("Monday", "last Friday", "Wednesday's ruling"), days
relative to the DCT ("today", "tonight", "yesterday morning", "overnight") and bare parts of day.

Split from `resolve` (which registers these in `RESOLVERS`). A bare weekday resolves from
the day `Context.weekday_anchor` gives (the DCT, or a past date the narrative is at), backwards
unless the sentence is in the future tense or the weekday is a possessive of an event told of.
"""

from __future__ import annotations

import re
from datetime import timedelta

from .calendar import (
    Resolution,
    day_of_month_with_weekday,
    weekday_after,
    weekday_before,
    weekday_on_or_after,
    weekday_on_or_before,
)
from .context import Context
from .lexicon import PARTS_OF_DAY, WEEKDAYS
from .shared import Groups, day_resolution, named_day, unresolved, word_key


def resolve_weekday_bracket(g: Groups, ctx: Context, start: int) -> Resolution:
    dom, wd = int(re.match(r"\d+", g["d"]).group()), WEEKDAYS[word_key(g["wd"])]  # type: ignore[union-attr]
    if ctx.dct is None:
        return unresolved("DATE", f"XXXX-XX-{dom:02d}", "day")
    d = day_of_month_with_weekday(dom, wd, ctx.dct)
    if d is None:
        return Resolution("DATE", None, None, ctx.dct.isoformat(), "no date with that weekday and day of month")
    return day_resolution(d, "weekday with day of month in brackets, nearest at or before DCT", ctx.dct)


def resolve_deictic_day(g: Groups, ctx: Context, start: int) -> Resolution:
    word = word_key(g["w"])
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
               "the day before yesterday": -2, "the day after tomorrow": 2}
    pod = g.get("pod") or ("night" if word == "tonight" else None)
    mod = word_key(g.get("mod"))
    if mod.startswith("mid") and not pod:
        pod = mod.replace("mid-", "mid")
    if ctx.dct is None:
        return unresolved("TIME" if pod else "DATE")
    d = ctx.dct + timedelta(days=offsets[word])
    return day_resolution(d, f"{word} relative to DCT", ctx.dct, pod)


def resolve_this_pod(g: Groups, ctx: Context, start: int) -> Resolution:
    rel, pod = word_key(g["rel"]), g["pod"]
    if rel in ("the next", "the following", "the previous", "that"):
        base = ctx.narrative_day()
        if base is None:
            return unresolved("TIME")
        step = {"the next": 1, "the following": 1, "the previous": -1, "that": 0}[rel]
        return named_day(base + timedelta(days=step), "part of day relative to the day in focus", base, pod)
    if ctx.dct is None:
        return unresolved("TIME")
    step = {"this": 0, "tomorrow": 1, "yesterday": -1, "last": -1}[rel]
    return day_resolution(ctx.dct + timedelta(days=step), "part of day relative to DCT", ctx.dct, pod)


def resolve_overnight(g: Groups, ctx: Context, start: int) -> Resolution:
    if ctx.dct is None:
        return unresolved("TIME")
    return day_resolution(ctx.dct, "overnight before DCT", ctx.dct, "night")


def resolve_bare_pod(g: Groups, ctx: Context, start: int) -> Resolution:
    """"in the morning", "by mid afternoon": that part of the day the text is telling of."""
    pod = re.sub(r"[\s-]", "", word_key(g.get("pod") or g.get("mid")))
    base = ctx.narrative_day()
    if base is None:
        return unresolved("TIME")
    return day_resolution(base, "part of the day last named (else the DCT's day)", base, pod)


def resolve_weekday_set(g: Groups, ctx: Context, start: int) -> Resolution:
    wd = WEEKDAYS[word_key(g.get("wd") or g.get("wd2"))]
    value = f"XXXX-WXX-{wd + 1}"
    if g.get("pod"):
        value += "T" + PARTS_OF_DAY[word_key(g["pod"])]
    return Resolution("SET", value, None, None, "recurring weekday")


def resolve_weekday(g: Groups, ctx: Context, start: int) -> Resolution:
    wd, rel = WEEKDAYS[word_key(g["wd"])], word_key(g.get("rel"))
    if rel in ("the previous", "the following"):
        base = ctx.narrative_day()
        if base is None:
            return unresolved("DATE")
        d = weekday_before(base, wd) if rel == "the previous" else weekday_after(base, wd)
        return named_day(d, f"weekday {rel[4:]} the day in focus", base, g.get("pod"))
    ref, how = ctx.weekday_anchor(start)
    if ref is None:
        return unresolved("DATE", f"XXXX-WXX-{wd + 1}", "day")
    if rel in ("last", "past", "this past"):
        d, reason = weekday_before(ref, wd), f"weekday before {how}"
    elif rel in ("next",):
        d, reason = weekday_after(ref, wd), f"weekday after {how}"
    elif rel in ("coming", "this coming"):
        d, reason = weekday_on_or_after(ref, wd), f"weekday on or after {how}"
    elif rel == "this":
        d, reason = ref + timedelta(days=wd - ref.weekday()), f"weekday in the week of {how}"
    elif _known_event_day(g, ctx, start):
        d, reason = weekday_on_or_before(ref, wd), f"weekday on or before {how} (possessive: a day already told of)"
    elif ctx.tense(start) == "future":
        d, reason = weekday_on_or_after(ref, wd), f"weekday on or after {how} (future tense)"
    else:
        d, reason = weekday_on_or_before(ref, wd), f"weekday on or before {how}"
    return named_day(d, reason, ref, g.get("pod"))


def _known_event_day(g: Groups, ctx: Context, start: int) -> bool:
    """"Wednesday's ruling": a possessive weekday names the day of an event the reader is told of as
    done, whatever the tense around it, unless it is announced as ahead ("ahead of Sunday's vote",
    "Sunday's scheduled vote")."""
    text = g.get("__text__", "")
    if not text.endswith(("'s", "’s")):
        return False
    end = start + len(text)
    if re.search(r"\bahead\s+of\s+$", ctx.text[max(0, start - 12):start], re.IGNORECASE):
        return False
    return not re.match(r"\s+(?:scheduled|planned|expected|upcoming|coming|proposed)\b", ctx.text[end:end + 14], re.IGNORECASE)
