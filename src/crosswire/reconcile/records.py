"""The records reconciliation works on, built by hand in tests or from the store by `load`.

A `MentionRecord` is one event mention as one report tells it, with what merging needs: its type, the
place it resolved to (gazetteer id, level, country and first-level division), its date with precision,
its actors and the killed and injured counts the report states for it (period figures left out). A
`Statement` is one figure one report states, with the report's outlet and the chain of sources behind it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The level a place sits at, from its GeoNames feature code: a town or site, a division, a whole country.
LOCAL, DIVISION, COUNTRY = "local", "division", "country"


@dataclass(frozen=True)
class PlaceKey:
    """Where a mention is: enough to tell the same place, or one inside the other."""

    name: str | None
    geonameid: int | None
    level: str  # local | division | country
    country: str | None
    admin1: str | None
    lat: float | None = None
    lon: float | None = None
    confidence: float | None = None  # the geocoder's confidence in this reading of the toponym (None: not given)
    person_name: bool = False  # the toponym is a name the report gives a person ('Morgan' of 'Tracy Morgan')


@dataclass(frozen=True)
class MentionRecord:
    """One event mention, as merging sees it."""

    id: str
    article_id: str
    event_type: str
    sub_event_type: str | None = None
    date: str | None = None  # ISO day, ISO week (2024-W49), month (2024-12) or year
    date_precision: str | None = None  # day | week | month | year
    place: PlaceKey | None = None
    actor1: str | None = None
    actor2: str | None = None
    modality: str = "happened"
    negated: bool = False
    told_as: str = "event"  # event | period | retold (see `nlp.events_told`)
    main: bool = False  # the report's main event
    story: str | None = None  # the story the report belongs to (link.stories), when linked
    killed: int | None = None
    injured: int | None = None
    outlet: str | None = None
    published: str | None = None
    start: int = 0
    end: int = 0
    text: str = ""


@dataclass(frozen=True)
class FigureStatement:
    """One figure as one report states it, with the sources it reached the report through."""

    id: str
    article_id: str
    kind: str
    value: int | None
    low: int | None = None
    high: int | None = None
    group: str | None = None  # who is counted, normalised: civilians, fighters, soldiers, militia, ... or None
    qualifier: str | None = None
    period: bool = False  # a count over a period (since 2011, since the offensive began), not one event's
    period_start: str | None = None  # the span's start when the report gives it (ISO date or year)
    period_reason: str = ""
    part_of: str | None = None  # id of the statement this one is a breakdown of (same report)
    event_id: str | None = None  # the merged event the figure tells, when it tells one
    outlet: str | None = None
    published: str | None = None
    chain: tuple[str, ...] = field(default_factory=tuple)  # original source first, the outlet last
    start: int = 0
    end: int = 0
    text: str = ""
