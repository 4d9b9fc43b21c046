"""Tolls: one report's toll for the event it tells, and disagreements between reports' tolls.

`report_toll` is the killed figure a report leads with: the first top-level killed figure in the text
(news puts the main event's toll in its first lines), skipping figures about a period ("since 2011",
"since the offensive began"), which are running totals, not the event's toll. Two reports' tolls for one
event that differ are flagged by `toll_flags`: an *update* when the larger toll comes from a report
published at least a day later (a running toll that grew as the dead were counted), else a
*contradiction* (two tolls for the same strike).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from typing import Any

from .claims import Statement
from .contradictions import make_flag

PERIOD_RE = re.compile(r"\b(?:since|so far|in total|overall|to date|toll has risen|cumulative)\b", re.I)
GROWTH_DAYS = 1  # a later report this many days after the first may carry a toll that grew


def report_toll(text: str, figures: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The first top-level killed figure not about a period, or None."""
    for fig in sorted(figures, key=lambda f: f["start"]):
        if fig.get("kind") != "killed" or fig.get("part_of") is not None or fig.get("value") is None:
            continue
        if _about_a_period(text, fig["start"], fig["end"]):
            continue
        return fig
    return None


def _about_a_period(text: str, start: int, end: int) -> bool:
    """A 'since ...' or 'so far' phrase in the figure's clause (up to the next comma or full stop)."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(". ", end), text.find(",", end), text.find("\n", end)) if i >= 0]
    right = min(stops) if stops else len(text)
    return PERIOD_RE.search(text[left:right]) is not None


def event_toll_flags(event: dict[str, Any], statements: list[Statement], copies: dict[str, str] | None = None
                     ) -> list[dict[str, Any]]:
    """The toll flags of one merged event from each report's toll for it; a report that is a copy of
    another report giving a toll (`copies`: copy -> original) is left out, as it adds no second voice.
    The flag's subject names the event: its id, type, place and date."""
    copies = copies or {}
    given = {s.article_id for s in statements}
    statements = [s for s in statements if copies.get(s.article_id) not in given]
    fields = event["fields"]
    place = (fields["place"]["chosen"] or {}).get("name") or "an unknown place"
    day = (fields["date"]["chosen"] or {}).get("date") or "an unknown date"
    label = f"{event['id']}: {fields['event_type']['chosen']} at {place}, {day}"
    return toll_flags([replace(s, subject=label) for s in statements])


def toll_flags(statements: list[Statement]) -> list[dict[str, Any]]:
    """Flags between the tolls reports give for one event (statements with integer values)."""
    if len({s.value for s in statements}) < 2:
        return []
    ordered = sorted(statements, key=lambda s: (str(s.published or ""), s.article_id, s.start))
    low = min(ordered, key=lambda s: int(s.value))
    high = max(ordered, key=lambda s: int(s.value))
    gap = _days(low.published, high.published)
    said = "; ".join(f"{s.outlet} ({s.article_id} [{s.start}, {s.end}]) says {s.value}" for s in ordered)
    if gap is not None and gap >= GROWTH_DAYS:
        return [make_flag("update", ordered, f"a running toll that grew: the larger toll is {gap} day(s) "
                                               f"later: {said}")]
    return [make_flag("contradiction", ordered, f"two tolls for one event, not ordered as a growing count: "
                                                f"{said}")]


def _days(earlier: str | None, later: str | None) -> int | None:
    if not earlier or not later:
        return None
    try:
        return (datetime.fromisoformat(later).date() - datetime.fromisoformat(earlier).date()).days
    except ValueError:
        return None
