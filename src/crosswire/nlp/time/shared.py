"""Helpers the normalisers of the time tagger share: keyed words, day and clock values.

Split from `resolve` so that the normalisers of days (`days`) and of other
expressions build their `Resolution`s the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from .calendar import Resolution, day_value
from .context import Context
from .lexicon import PARTS_OF_DAY

Groups = dict[str, Any]
Resolver = Callable[[Groups, Context, int], Resolution]

NO_DCT = "no DCT: unresolved"


def word_key(word: str | None) -> str:
    """A matched word as the lexicons key it: lower case, no dots, single spaces."""
    return " ".join((word or "").lower().replace(".", "").split())


def day_resolution(d: date, reason: str, anchor: date | None = None, pod: str | None = None,
                   kind: str = "DATE") -> Resolution:
    """A resolved day; with a part of day ("Monday night" read as a time) a TIME."""
    value = day_value(d)
    if pod:
        value += "T" + PARTS_OF_DAY[word_key(pod).replace(" ", "")]
        kind = "TIME"
    return Resolution(kind, value, "day", anchor.isoformat() if anchor else None, reason)


def named_day(d: date, reason: str, anchor: date | None, pod: str | None) -> Resolution:
    """A day named by weekday or narrative ("Monday evening", "the next morning"): the date.

    As annotated in TimeBank/AQUAINT, the part of day of a named day is not in the value; it is
    kept in the reason, so that the event stages see a plain DATE at day precision.
    """
    if pod:
        reason += f"; part of day: {PARTS_OF_DAY[word_key(pod).replace(' ', '')]}"
    return day_resolution(d, reason, anchor)


def unresolved(kind: str, value: str | None = None, precision: str | None = None) -> Resolution:
    """No DCT to resolve against: an underspecified value (or None), saying so."""
    return Resolution(kind, value, precision, None, NO_DCT)


def full_year(text: str, ref: date | None) -> int:
    """A written year; a two-digit one ("'98") in the century that puts it nearest the DCT."""
    year = int(text)
    if len(text) == 2:
        century = (ref.year // 100) * 100 if ref else 2000
        year += century if year <= (ref.year % 100 if ref else 50) + 10 else century - 100
    return year


def read_clock(text: str) -> tuple[int, int] | None:
    """Hour and minute of a clock time ("2:30 p.m.", "noon"), or None when it is not one."""
    t = word_key(text)
    if t in ("noon", "midday"):
        return 12, 0
    if t == "midnight":
        return 0, 0
    m = re.match(r"(\d{1,2})(?::(\d{2}))?\s*([ap])?", t)
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if m.group(3) == "p" and hour < 12:
        hour += 12
    if m.group(3) == "a" and hour == 12:
        hour = 0
    return (hour, minute) if hour < 24 and minute < 60 else None


def with_clock(d: date | None, clock_text: str, reason: str) -> Resolution:
    """A day with a clock time as a TIME value; without a readable clock, the day alone."""
    clock = read_clock(clock_text)
    day = d.isoformat() if d else "XXXX-XX-XX"
    if clock is None:
        return Resolution("DATE", day if d else None, "day" if d else None, None, reason)
    return Resolution("TIME", f"{day}T{clock[0]:02d}:{clock[1]:02d}", "time", None, reason)
