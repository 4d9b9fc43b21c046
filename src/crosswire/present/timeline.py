"""The timeline: event mentions of all reports, in date order, with the reports that tell them.

Mentions of the same kind of event at the same place on the same day (and with the same modality: a
failed assault is not a capture) share one line, so an analyst sees at a glance how many reports carry
it. This is a reading aid, not reconciliation: the figures on a line are the range the mentions give,
and each line keeps every report it came from. Events dated only by their report's publication day are
marked, since the report may tell of an earlier day without naming it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

# Precision of the event dates a timeline line can stand on, finest first; "published" means the date is
# the report's own, not one the text gives.
PRECISIONS = ("day", "week", "month", "year", "published")
# TIMEX3 calendar values a line can be placed by: 2024, 2024-12, 2024-12-05, 2024-W48. Values such as
# PRESENT_REF or durations say no point in time and stay off the timeline.
CALENDAR = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2}))?$")


def period_start(value: str) -> date | None:
    """First day of the period a TIMEX3 calendar value names, None when it names no calendar period."""
    m = CALENDAR.match(value)
    if m is None:
        return None
    year, month, day, week = m.groups()
    try:
        if week:
            return date.fromisocalendar(int(year), int(week), 1)
        return date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None


@dataclass
class TimelineEntry:
    date: str
    precision: str
    event_type: str
    sub_event_type: str | None
    place: str | None
    modality: str
    negated: bool
    actors: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    fatalities: list[int] = field(default_factory=list)
    mentions: int = 0

    @property
    def what(self) -> str:
        kind = f"{self.event_type} – {self.sub_event_type}" if self.sub_event_type else self.event_type
        if self.negated:
            kind = f"no {kind}"
        return kind if self.modality == "happened" else f"{kind} ({self.modality})"

    @property
    def killed(self) -> str:
        if not self.fatalities:
            return ""
        low, high = min(self.fatalities), max(self.fatalities)
        return str(low) if low == high else f"{low}–{high}"

    @property
    def when(self) -> str:
        return f"{self.date} (report date)" if self.precision == "published" else self.date


def build_timeline(events: list[dict[str, Any]]) -> list[TimelineEntry]:
    """Timeline lines from exported event rows, oldest first; events with no calendar date are left out."""
    lines: dict[tuple[Any, ...], TimelineEntry] = {}
    for ev in events:
        if not ev.get("date") or period_start(ev["date"]) is None:
            continue
        precision = ev.get("date_precision") or "published"
        place = (ev.get("place") or {}).get("name")
        modality = ev.get("modality") or "happened"
        key = (ev["date"], precision, ev["event_type"], ev.get("sub_event_type"), place, modality,
               bool(ev.get("negated")))
        entry = lines.get(key)
        if entry is None:
            entry = lines[key] = TimelineEntry(ev["date"], precision, ev["event_type"], ev.get("sub_event_type"),
                                               place, modality, bool(ev.get("negated")))
        entry.mentions += 1
        for actor in (ev.get("actor1"), ev.get("actor2")):
            if actor and actor not in entry.actors:
                entry.actors.append(actor)
        said_by = ev.get("attributed_to") or []
        for source in [said_by] if isinstance(said_by, str) else said_by:
            if source and source not in entry.sources:
                entry.sources.append(source)
        for aid in ev.get("sources") or []:
            if aid not in entry.articles:
                entry.articles.append(aid)
        best = (ev.get("fatalities") or {}).get("best")
        if best is not None:
            entry.fatalities.append(best)
    rank = {p: i for i, p in enumerate(PRECISIONS)}
    return sorted(lines.values(), key=lambda e: (period_start(e.date), rank.get(e.precision, len(PRECISIONS)), -e.mentions,
                                                 e.event_type, e.sub_event_type or "", e.place or ""))
