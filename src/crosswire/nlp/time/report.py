"""The date a news page gives for its event, from its text and the date it came with.

A page's DCT is often the day it was fetched, not the day it was written; the page's own stamp
("Created: 01/26/2015 1:24 PM", "Posted: Tuesday, August 18, 2015") says when it was written.
When the stamp is days before the DCT, relative days ("Sunday", "last night") are read from the
stamp, then `event.event_date_for_report` picks the event's day.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from ...model import TimeRef
from .calendar import as_date
from .event import DATE_LIKE, EventDate, event_date_for_report
from .stage import find_times

PAGE_STAMP = re.compile(r"\b(?:posted|updated|published|created)\s*(?:on|at)?\s*:?\s*$", re.IGNORECASE)
# A stamp this much earlier than the DCT means the DCT is a later fetch of the page.
STAMP_BEFORE_DCT = timedelta(days=2)


def page_stamp(text: str, times: list[TimeRef]) -> date | None:
    """The earliest full date the page stamps itself with ("Updated: 08/26/2015"), or None."""
    stamps = [date.fromisoformat(t.value[:10]) for t in times
              if t.value and DATE_LIKE.match(t.value) and t.anchor is None
              and PAGE_STAMP.search(text, max(0, t.start - 16), t.start)]
    return min(stamps, default=None)


def date_report_event(text: str, published: datetime | date | None, cue: re.Pattern[str]) -> EventDate:
    """The day `text` gives for its event (see `event_date_for_report`), reading relative days
    from the page's own stamp when the DCT is a later fetch."""
    dct = as_date(published)
    times = find_times(text, dct)
    stamp = page_stamp(text, times)
    if dct is not None and stamp is not None and stamp <= dct - STAMP_BEFORE_DCT:
        times = find_times(text, stamp)
        chosen = event_date_for_report(text, times, stamp, cue)
        return chosen._replace(reason=f"{chosen.reason} (page stamped {stamp}, before its DCT {dct})")
    return event_date_for_report(text, times, dct, cue)
