"""Event mentions to events: which mentions, in one report or many, tell one real event.

Two mentions tell one event when every test of `compatible` passes:

- **type**: the same family. Battles, explosions and violence against civilians are one family (one
  report's "clashes" is another's "shelling"); protests and riots another; a strategic development only
  matches the same sub-type. A mention told as history merges only with history, a planned or threatened
  one only with another such.
- **date**: two day dates at most `date_slack_days` apart across reports (reports differ by a day on
  a night's events), the same day within one report (its days are read against one anchor); a week, month or year only the same week,
  month or year (a coarse date does not bridge the days inside it, or one "December" would join the
  whole month's events).
- **place**: the same gazetteer entry (or two points within `near_km`), or one inside the other: a town
  and the first-level division it lies in, two mentions of one division. A country is too coarse to
  bridge: it matches only another mention of the whole country. Within one report, a mention with no
  place matches the report's other mentions of the day, and two places within `same_report_km` match
  (a report telling one shooting names its street, its town and the hospital's town).
- **actors**: when `actors_must_agree`, two first actors that both are named must be the same (or the
  one's first actor the other's second).

Events are the connected components of that relation (single link). Candidates come from blocking: a
mention is filed under its day (or coarse date) and its place block (country and first-level division),
and under its report; it is compared only with its report's mentions and those filed under the days
within the slack in the same block, so the work
grows with the number of mentions, not its square. Components do not depend on the order mentions are
added, and adding mentions joins components only through the new mentions: `EventIndex.add` updates
only the events they touch, and adding reports one at a time gives the events adding them at once gives.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from .records import COUNTRY, MentionRecord, PlaceKey

VIOLENCE = ("Battles", "Explosions/Remote violence", "Violence against civilians")
DEMONSTRATION = ("Protests", "Riots")
HISTORY = ("historical",)
FUTURE = ("planned", "threatened")
FINE_PRECISIONS = ("day", "published", "time", None)


@dataclass(frozen=True)
class MergeOptions:
    """How alike two mentions must be to tell one event (defaults chosen on the GVA training half)."""

    date_slack_days: int = 1
    near_km: float = 10.0
    same_report_km: float = 200.0
    actors_must_agree: bool = False


def type_family(mention: MentionRecord) -> str:
    """The family a mention's type belongs to, with its modality class."""
    if mention.event_type in VIOLENCE:
        family = "violence"
    elif mention.event_type in DEMONSTRATION:
        family = "demonstration"
    else:
        family = f"{mention.event_type}:{mention.sub_event_type}"
    if mention.modality in HISTORY:
        return family + "/history"
    if mention.modality in FUTURE:
        return family + "/future"
    return family


def day_of(mention: MentionRecord) -> date | None:
    """The mention's day when its date is a day (or a time on a day), else None."""
    if mention.date_precision not in FINE_PRECISIONS or not mention.date or len(mention.date) < 10:
        return None
    try:
        return date.fromisoformat(mention.date[:10])
    except ValueError:
        return None


def dates_compatible(a: MentionRecord, b: MentionRecord, options: MergeOptions) -> bool:
    da, db = day_of(a), day_of(b)
    if da is not None and db is not None:
        slack = 0 if a.article_id == b.article_id else options.date_slack_days
        return abs((da - db).days) <= slack
    if da is None and db is None and a.date and b.date:
        return (a.date, a.date_precision) == (b.date, b.date_precision)
    return False


def _km(a: PlaceKey, b: PlaceKey) -> float:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return math.inf
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def places_compatible(a: PlaceKey, b: PlaceKey, options: MergeOptions) -> bool:
    """The same place, or one inside the other (a country bridges nothing: it matches only itself)."""
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if a.country != b.country or a.country is None:
        return False
    if COUNTRY in (a.level, b.level):
        return a.level == b.level
    if a.level == b.level == "local":
        return _km(a, b) <= options.near_km
    return a.admin1 is not None and a.admin1 == b.admin1


def _actor(name: str | None) -> str | None:
    if not name:
        return None
    return " ".join(name.split("(")[0].casefold().split()) or None


def actors_compatible(a: MentionRecord, b: MentionRecord) -> bool:
    """Named first actors agree, or one's first actor is the other's second."""
    a1, b1 = _actor(a.actor1), _actor(b.actor1)
    if a1 is None or b1 is None or a1 == b1:
        return True
    return a1 == _actor(b.actor2) or b1 == _actor(a.actor2)


def compatible(a: MentionRecord, b: MentionRecord, options: MergeOptions) -> bool:
    """Do two mentions tell one event? (symmetric; see the module docstring for each test)"""
    if type_family(a) != type_family(b) or not dates_compatible(a, b, options):
        return False
    if a.article_id == b.article_id and _same_report_places(a.place, b.place, options):
        return True
    if a.place is None or b.place is None:
        return False
    if not places_compatible(a.place, b.place, options):
        return False
    return actors_compatible(a, b) if options.actors_must_agree else True


def _same_report_places(a: PlaceKey | None, b: PlaceKey | None, options: MergeOptions) -> bool:
    """One report's two mentions of a day: one has no place, or their places are within `same_report_km`."""
    if a is None or b is None:
        return True
    return places_compatible(a, b, options) or _km(a, b) <= options.same_report_km


def place_block(mention: MentionRecord) -> str:
    """The place part of a mention's blocking key: its country and division, or its report when placeless."""
    place = mention.place
    if place is None:
        return "report:" + mention.article_id
    if place.level == COUNTRY or place.admin1 is None:
        return f"{place.country}|*"
    return f"{place.country}|{place.admin1}"


def filed_keys(mention: MentionRecord) -> list[str]:
    """The blocks a mention is filed under: its date and place block, and its report."""
    day = day_of(mention)
    when = day.isoformat() if day else f"{mention.date_precision}:{mention.date}"
    return [f"{when}|{place_block(mention)}", "in:" + mention.article_id]


def query_keys(mention: MentionRecord, options: MergeOptions) -> list[str]:
    """The blocks a mention's candidates are filed under: its own, and the days within the slack."""
    day = day_of(mention)
    if day is None:
        return filed_keys(mention)
    block = place_block(mention)
    slack = options.date_slack_days
    return [f"{(day + timedelta(days=d)).isoformat()}|{block}" for d in range(-slack, slack + 1)] + [
        "in:" + mention.article_id]


def event_id(member_ids: Iterable[str]) -> str:
    """A stable event id from its smallest mention id."""
    return "ev" + hashlib.sha1(min(member_ids).encode("utf-8")).hexdigest()[:12]


class EventIndex:
    """Mentions filed in blocks, joined into events as they are added (union-find over compatible pairs)."""

    def __init__(self, options: MergeOptions | None = None) -> None:
        self.options = options or MergeOptions()
        self.mentions: dict[str, MentionRecord] = {}
        self.blocks: dict[str, list[str]] = defaultdict(list)
        self.parent: dict[str, str] = {}

    def _root(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._root(a), self._root(b)
        if ra != rb:
            keep, fold = sorted((ra, rb))
            self.parent[fold] = keep

    def add(self, mentions: Iterable[MentionRecord]) -> set[str]:
        """File new mentions and join them to the events they tell; returns the roots of touched events."""
        touched = []
        for m in sorted(mentions, key=lambda m: m.id):
            if m.id in self.mentions:
                continue
            self.mentions[m.id] = m
            self.parent[m.id] = m.id
            for other in sorted({o for key in query_keys(m, self.options) for o in self.blocks.get(key, ())}):
                if compatible(m, self.mentions[other], self.options):
                    self._union(m.id, other)
            for key in filed_keys(m):
                self.blocks[key].append(m.id)
            touched.append(m.id)
        return {self._root(t) for t in touched}

    def groups(self, roots: Iterable[str] | None = None) -> dict[str, list[MentionRecord]]:
        """Events as event id -> member mentions (sorted by id); only those with the given roots if given."""
        wanted = None if roots is None else {self._root(r) for r in roots}
        members: dict[str, list[MentionRecord]] = defaultdict(list)
        for mid in sorted(self.mentions):
            root = self._root(mid)
            if wanted is None or root in wanted:
                members[root].append(self.mentions[mid])
        return {event_id(m.id for m in group): group for group in members.values()}


def merge_mentions(mentions: Iterable[MentionRecord], options: MergeOptions | None = None
                   ) -> dict[str, list[MentionRecord]]:
    """Every event the mentions tell, as event id -> its mentions."""
    index = EventIndex(options)
    index.add(mentions)
    return index.groups()
