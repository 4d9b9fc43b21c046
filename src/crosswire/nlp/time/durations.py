"""Normalisers for lengths of time and recurrences: "three weeks", "several years", "every Monday".

Split from `resolve` (which registers these in `RESOLVERS`). Values are TIMEX3 durations
(P3W, PT5H, PXY for an unknown count, P10Y for a decade) and sets (P1W for "weekly").
"""

from __future__ import annotations

from .calendar import Resolution
from .context import Context
from .lexicon import MONTHS, SEASONS, UNITS, number_value
from .shared import Groups, word_key


def count_value(word: str) -> float | None:
    value = number_value(word)
    return None if value is None else float(value)


def unit_letter(word: str) -> tuple[str, bool, int]:
    key = word_key(word)
    key = "century" if key == "centurie" else key
    return UNITS[key]


SET_ADVERBS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
               "bimonthly": "P2M", "quarterly": "P3M", "yearly": "P1Y", "annually": "P1Y",
               "semiannually": "P6M", "semi-annually": "P6M", "hourly": "PT1H"}


def resolve_set(g: Groups, ctx: Context, start: int) -> Resolution:
    if g.get("adv"):
        return Resolution("SET", SET_ADVERBS[word_key(g["adv"])], None, None, "frequency adverb")
    unit_word = word_key(g.get("unit") or g.get("unit2"))
    if unit_word in MONTHS:
        return Resolution("SET", f"XXXX-{MONTHS[unit_word]:02d}", None, None, "every named month")
    if unit_word in SEASONS:
        return Resolution("SET", f"XXXX-{SEASONS[unit_word]}", None, None, "every season")
    n = 2.0 if word_key(g.get("n")) == "other" else (count_value(g["n"]) if g.get("n") else 1.0)
    return Resolution("SET", duration_value(n or 1.0, unit_word), None, None, "recurring period")


# TimeML's duration letters for decades and centuries (no ISO 8601 letter exists for them).
VAGUE_LONG_UNITS = {"DE": "E", "CE": "C"}


def duration_value(n: float | None, unit_word: str) -> str:
    """TIMEX3 duration: P2D, P3W, PT5H, P10Y for a decade; 24 hours is P1D as in TimeBank.

    An unknown count keeps its unit, with TimeML's letters for the long ones: "decades" PXE,
    "centuries" PXC (a known count of them is given in years: "two decades" P20Y).
    """
    letter, is_clock, mult = unit_letter(unit_word)
    if n is None:
        return f"{'PT' if is_clock else 'P'}X{VAGUE_LONG_UNITS.get(letter, letter)}"
    if letter == "H" and n == 24:
        return "P1D"
    n = n * mult
    if letter in ("DE", "CE"):
        n, letter = n * (10 if letter == "DE" else 100), "Y"
    whole = int(n)
    text = f"{whole}{letter}"
    if n != whole:
        smaller = {"Y": (12, "M"), "D": (24, "H"), "H": (60, "M"), "M": (60, "S") if is_clock else (30, "D")}
        if letter in smaller:
            factor, small = smaller[letter]
            text += f"{round((n - whole) * factor)}{small}"
    return ("PT" if is_clock else "P") + text


def resolve_duration(g: Groups, ctx: Context, start: int) -> Resolution:
    n = count_value(g["n"])
    if n is not None and "half" in word_key(g.get("post")):  # "a minute and a half"
        n += 0.5
    return Resolution("DURATION", duration_value(n, g["unit"]), None, None, "length of time")


def resolve_vague_duration(g: Groups, ctx: Context, start: int) -> Resolution:
    return Resolution("DURATION", duration_value(None, g["unit"]), None, None, "vague length of time")


def resolve_bare_units(g: Groups, ctx: Context, start: int) -> Resolution:
    return Resolution("DURATION", duration_value(None, g["unit"]), None, None, "vague length of time")


resolve_units_ahead = resolve_bare_units  # "the weeks ahead": an unknown number of weeks


def resolve_decades_long(g: Groups, ctx: Context, start: int) -> Resolution:
    return Resolution("DURATION", duration_value(None, g["unit"]), None, None, "vague length of time")
