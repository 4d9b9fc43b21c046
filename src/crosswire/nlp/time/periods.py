"""Normalisers for calendar periods: quarters, halves, seasons and financial "periods".

Split from `resolve` (which registers these in `RESOLVERS`). Quarters follow the text's
focus: "the quarter", "the year-earlier period" and "a year ago" in results reporting refer to
the quarter named shortly before, or the one named by its end date ("the quarter ended Sept. 30"),
else the last full quarter before the DCT.
"""

from __future__ import annotations

import re

from .calendar import Resolution, nearest_year_date, quarter_of, quarter_value, shift_quarter
from .context import Context
from .lexicon import MONTHS, SEASONS, spelled_year
from .shared import Groups, unresolved, word_key

# Words that put a period one year before the quarter in focus ("the year-ago period").
YEAR_BACK_WORDS = ("same", "comparable", "corresponding", "year-earlier", "year-ago", "comparable year-ago")
QUARTER_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _quarter_from_year_ref(text: str, ctx: Context) -> int | None:
    key = word_key(text)
    if re.fullmatch(r"\d{4}", key):
        return int(key)
    if ctx.dct is None:
        return None
    offsets = {"this year's": 0, "last year's": -1, "next year's": 1, "this year": 0, "last year": -1, "next year": 1}
    return ctx.dct.year + offsets[key] if key in offsets else None


def resolve_quarter(g: Groups, ctx: Context, start: int) -> Resolution:
    ordinal = word_key(g["ord"])
    yr = word_key(g.get("yr"))
    if ordinal in QUARTER_ORDINALS:
        q = QUARTER_ORDINALS[ordinal]
        year = _quarter_from_year_ref(g.get("y") or g.get("yr") or "", ctx) if (g.get("y") or yr[:1].isdigit() or "year's" in yr) else None
        if yr.startswith(("year-", "comparable")):
            base = ctx.last_quarter[0] if ctx.last_quarter else (ctx.dct.year if ctx.dct else None)
            year = base - 1 if base is not None else None
        if year is None and ctx.dct is not None:
            this_year, this_q = quarter_of(ctx.dct)
            year = this_year - 1 if q > this_q and ctx.tense(start) == "past" else this_year
        if year is None:
            return unresolved("DATE", f"XXXX-Q{q}", "month")
        ctx.note_quarter(year, q, start)
        return Resolution("DATE", quarter_value(year, q), "month", None, "ordinal quarter")
    return _relative_quarter(ordinal or yr, ctx, start)


def _relative_quarter(word: str, ctx: Context, start: int, shift_by: int = 0) -> Resolution:
    """"the quarter", "the latest quarter", "the year-earlier quarter": from the quarter in focus."""
    if ctx.dct is None and ctx.last_quarter is None:
        return unresolved("DATE", "XXXX-QX", "month")
    focus = ctx.quarter_in_focus(start)
    if word == "current" and ctx.dct is not None:
        year, q = quarter_of(ctx.dct)
    elif ended := _quarter_ended(ctx, start):
        year, q = ended
    elif focus is not None:
        year, q = focus
    else:
        assert ctx.dct is not None
        year, q = shift_quarter(*quarter_of(ctx.dct), -1)
    if word in YEAR_BACK_WORDS:
        shift_by -= 4
    elif re.fullmatch(r"\d{4}", word):
        year = int(word)
    year, q = shift_quarter(year, q, shift_by)
    if shift_by == 0:
        ctx.note_quarter(year, q, start)
    return Resolution("DATE", quarter_value(year, q), "month", ctx.dct.isoformat() if ctx.dct else None,
                      "quarter in focus in the text (else the last full quarter before DCT)")


def _quarter_ended(ctx: Context, start: int) -> tuple[int, int] | None:
    """The quarter named by its end date: "the quarter ended Sept. 30" is the quarter holding Sept. 30."""
    after = ctx.text[start:start + 60]
    m = re.search(r"^[\w\s'-]*?(?:quarter|period)\s+(?:ended|ending|ends|that\s+ended)\s+([A-Z][a-z]+)\.?\s+(\d{1,2})\b", after)
    if not m or word_key(m.group(1)) not in MONTHS or ctx.dct is None:
        return None
    month = MONTHS[word_key(m.group(1))]
    end = nearest_year_date(month, int(m.group(2)), ctx.dct, "past")
    return quarter_of(end) if end else None


def resolve_quarter_ref(g: Groups, ctx: Context, start: int) -> Resolution:
    """"the latest period", "the same period a year ago", "last year's quarter"."""
    word = word_key(g.get("ord")) or word_key(g["det"])
    if g.get("ago") or word == "last year's":
        # the year back is said once: "the same period a year ago" is one year earlier, not two
        return _relative_quarter("that" if word in YEAR_BACK_WORDS else word, ctx, start, -4)
    return _relative_quarter(word, ctx, start)


def resolve_year_ago_period(g: Groups, ctx: Context, start: int) -> Resolution:
    word = word_key(g["w"])
    if word.startswith("year-") and ctx.last_quarter is not None:
        return _relative_quarter("year-earlier", ctx, start)
    if ctx.dct is None:
        return unresolved("DATE")
    year = ctx.dct.year - 1 if word.startswith("year-") and word != "year-end" else ctx.dct.year
    return Resolution("DATE", f"{year:04d}", "year", ctx.dct.isoformat(), "year relative to DCT")


def resolve_half(g: Groups, ctx: Context, start: int) -> Resolution:
    """"the first half of 1998", and "the first two quarters of 1990" (the same half year)."""
    half = 1 if word_key(g["ord"]) == "first" else 2
    explicit, rel = g.get("y") or g.get("y2"), g.get("rel") or g.get("rel2")
    if explicit:
        year: int | None = int(explicit)
    else:
        year = _quarter_from_year_ref(f"{rel} year", ctx) if rel else (ctx.dct.year if ctx.dct else None)
    if year is None:
        return unresolved("DATE", f"XXXX-H{half}", "month")
    return Resolution("DATE", f"{year:04d}-H{half}", "month", None, "half year")


def resolve_season(g: Groups, ctx: Context, start: int) -> Resolution:
    code = SEASONS[word_key(g["s"])]
    year = int(g["y"]) if g.get("y") else spelled_year(g["sy"]) if g.get("sy") else None
    if year is not None:
        return Resolution("DATE", f"{year}-{code}", "month", None, "explicit season and year")
    if ctx.dct is None:
        return unresolved("DATE", f"XXXX-{code}", "month")
    first_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    rel, ref = word_key(g.get("rel")), ctx.dct
    in_season = first_month <= ref.month < first_month + 3 or (code == "WI" and ref.month <= 2)
    if rel in ("last", "this past"):
        year = ref.year if first_month + 2 < ref.month and not in_season else ref.year - 1
    elif rel in ("next", "this coming"):
        year = ref.year if first_month > ref.month else ref.year + 1
    elif rel == "this":
        year = ref.year
    else:
        year = ref.year - 1 if first_month > ref.month and ctx.tense(start) == "past" else ref.year
    return Resolution("DATE", f"{year}-{code}", "month", ref.isoformat(), "season relative to DCT")
