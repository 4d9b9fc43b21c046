"""Contradictions told apart from updates, over statements grouped by subject and relation.

A *contradiction* is two sources disagreeing about the same fixed fact (an organisation's origin, a
report's own date) or about the same span (two control states for one day, where the later report tells
the state that cannot follow the earlier one). An *update* is a state that changed: an attack on a place
that failed, then the place taken on a later day, or later the same day (the later report, or the state
that follows in an offensive's order when the publication times cannot order them); an affiliation
that differs between reports months apart. Each flag cites the statements on both sides and says why.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import Any

from .claims import FIXED_RELATIONS, STATE_ORDER, Statement

AFFILIATION_CHANGE_DAYS = 30  # affiliations stated this far apart may have changed in between
REPORT_DATE_TOLERANCE_DAYS = 1  # a report's dates within a day of each other agree (time zones, late edits)


def flags_for_group(statements: list[Statement]) -> list[dict[str, Any]]:
    """The contradiction and update flags of one (subject, relation) group."""
    if len({s.value for s in statements}) < 2:
        return []
    relation = statements[0].relation
    if relation == "report_date":
        return _report_date_flags(statements)
    if relation in FIXED_RELATIONS:
        return [_fixed_flag(statements)]
    if relation == "affiliation":
        return _affiliation_flags(statements)
    return _state_flags(statements)


def _side(s: Statement) -> dict[str, Any]:
    return {"value": s.value, "article_id": s.article_id, "outlet": s.outlet, "start": s.start, "end": s.end,
            "text": s.text, "source": s.source, "voice": s.voice, "published": s.published, "time": s.time}


def _said(s: Statement) -> str:
    who = f"{s.source} via {s.outlet}" if s.source else s.outlet
    return f"{who} ({s.article_id} [{s.start}, {s.end}]) says {s.value!r}"


def make_flag(kind: str, statements: list[Statement], reason: str) -> dict[str, Any]:
    """One flag row: the values in first-seen order, the reports behind each, every side's span, and why."""
    first = statements[0]
    values: list[str] = []
    for s in statements:
        if s.value not in values:
            values.append(s.value)
    articles = [sorted({s.article_id for s in statements if s.value == v}) for v in values]
    refs = "|".join(f"{s.article_id}:{s.start}:{s.end}:{s.value}" for s in statements)
    digest = hashlib.sha1(f"{first.subject}|{first.relation}|{kind}|{refs}".encode()).hexdigest()[:12]
    return {"id": "k" + digest, "field": first.relation, "subject": first.subject, "kind": kind,
            "values": values, "articles": articles, "sides": [_side(s) for s in statements], "reason": reason}


def _fixed_flag(statements: list[Statement]) -> dict[str, Any]:
    ordered = sorted(statements, key=_order_key)
    first = ordered[0]
    reason = (f"{first.subject}'s {first.relation} is a fixed fact, so differing values contradict: "
              + "; ".join(_said(s) for s in _one_per_value_and_report(ordered)))
    return make_flag("contradiction", ordered, reason)


def _one_per_value_and_report(statements: list[Statement]) -> list[Statement]:
    seen: set[tuple[str, str]] = set()
    out = []
    for s in statements:
        if (s.value, s.article_id) not in seen:
            seen.add((s.value, s.article_id))
            out.append(s)
    return out


def _report_date_flags(statements: list[Statement]) -> list[dict[str, Any]]:
    ordered = sorted(statements, key=lambda s: (s.value, s.start))
    low, high = ordered[0], ordered[-1]
    if (date.fromisoformat(high.value) - date.fromisoformat(low.value)).days <= REPORT_DATE_TOLERANCE_DAYS:
        return []
    reason = (f"the report's own metadata disagree: the line {low.text!r} [{low.start}, {low.end}] dates it "
              f"{low.value}, the line {high.text!r} [{high.start}, {high.end}] dates it {high.value}, "
              f"{(date.fromisoformat(high.value) - date.fromisoformat(low.value)).days} days apart")
    return [make_flag("contradiction", [low, high], reason)]


def _affiliation_flags(statements: list[Statement]) -> list[dict[str, Any]]:
    ordered = sorted(statements, key=_order_key)
    flags = []
    for before, after in _changes(ordered):
        gap = _days_between(before.published, after.published)
        if gap is not None and gap > AFFILIATION_CHANGE_DAYS:
            kind, why = "update", f"reports {gap} days apart: an affiliation can change in that time"
        else:
            kind, why = "contradiction", "reports close in time name different affiliations"
        flags.append(make_flag(kind, [before, after], f"{why}: {_said(before)}; {_said(after)}"))
    return flags


def _state_flags(statements: list[Statement]) -> list[dict[str, Any]]:
    """A changeable state (a place's control): each change in time order is an update or a contradiction."""
    ordered = sorted(statements, key=_order_key)
    flags = []
    for before, after in _changes(ordered):
        kind, why = _state_change(before, after)
        flags.append(make_flag(kind, [before, after], f"{why}: {_said(before)}; then {_said(after)}"))
    return flags


def _state_change(before: Statement, after: Statement) -> tuple[str, str]:
    if before.time and after.time and before.time[:10] != after.time[:10]:
        return "update", f"a state that changed between {before.time[:10]} and {after.time[:10]}"
    day = (after.time or after.published or "")[:10] or "an undated day"
    if before.published_has_time and after.published_has_time and before.published != after.published:
        earlier, later = sorted((before, after), key=lambda s: str(s.published))
        if STATE_ORDER.get(later.value, 0) >= STATE_ORDER.get(earlier.value, 0):
            return "update", (f"on {day} the later report (published {later.published}) tells the state that "
                              f"follows the earlier report's (published {earlier.published})")
        return "contradiction", (f"on {day} the later report (published {later.published}) tells a state that "
                                 f"cannot follow the one reported at {earlier.published}")
    if STATE_ORDER.get(after.value, 0) > STATE_ORDER.get(before.value, 0):
        return "update", (f"on {day} {before.value!r} then {after.value!r}: the second follows the first in an "
                          f"offensive, and the publication times do not order the reports otherwise")
    return "contradiction", f"two states for the same day ({day}) that cannot follow each other"


def _changes(ordered: list[Statement]) -> list[tuple[Statement, Statement]]:
    """Consecutive statements whose values differ."""
    return [(a, b) for a, b in zip(ordered, ordered[1:], strict=False) if a.value != b.value]


def _order_key(s: Statement) -> tuple[str, int, str, str, int, int]:
    """Time order: the stated thing's date, then the offensive's state order, then publication, then span."""
    return ((s.time or s.published or "")[:10], STATE_ORDER.get(s.value, 0), str(s.published or ""),
            s.article_id, s.start, s.end)


def _days_between(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    try:
        return abs((datetime.fromisoformat(b).date() - datetime.fromisoformat(a).date()).days)
    except ValueError:
        return None
