"""Event mentions to events: which mentions, in one report or many, tell one real event.

Two mentions are *compatible* (may tell one event) when every test of `compatible` passes:

- **told as**: a mention told for a period ('727 killed since the offensive began', `nlp.events_told`)
  tells no event at all; a mention told again ('retold') joins its own report's mentions but bridges no
  two reports (its first telling does).
- **type**: the same family. Battles, explosions and violence against civilians are one family (one
  report's "clashes" is another's "shelling"); protests and riots another; a strategic development only
  matches the same sub-type. A mention told as history merges only with history, a planned or threatened
  one only with another such.
- **date**: two day dates at most `date_slack_days` apart across reports (reports differ by a day on
  a night's events), the same day within one report (its days are read against one anchor); a week,
  month or year only the same week, month or year (a coarse date does not bridge the days inside it).
- **place**, as the geocoder was sure of it (`trusted_place`: a toponym read with less than
  `min_place_confidence`, or that is a word of a person's name in the report, places nothing): the same
  gazetteer entry, two points within `near_km`, the same name (two gazetteer readings of one town), or one
  inside the other (a town and its division). A country matches only another mention of the whole
  country. Within one report, a mention with no place matches the report's other mentions of the day,
  and two places within `same_report_km` match (a report names the street, the town, the hospital's town).
  Across reports, a mention with no place (or only a country) matches the mentions of its story
  (`link.stories`) on its day (`story_links_placeless`).
- **actors**: when `actors_must_agree`, two first actors that both are named must be the same (or the
  one's first actor the other's second).

Candidates come from blocking: a mention is filed under its day (or coarse date) with its place block
(country and first-level division), its toponym's name and its story, and under its report; it is
compared only with its report's mentions and those filed under the days within the slack, so the work
grows with the number of mentions, not its square. Compatible pairs link mentions into groups
(union-find); a group is then split into events (`split_component`): a mention joins an event only when
it is *consistent* with every member (days within the slack, places that do not contradict), so a chain
of pairs (a town, its province, another town; day 1, day 2, day 3) does not make one event of many.
Last, a report's lone side mentions (an event only it tells, of its main event's kind and day: the
suspect's home town, a name read as a place) fold into its event (`fold_side_mentions`).

Each step is a function of the mentions alone, so the events do not depend on the order mentions are
added; `EventIndex.add` links only the new mentions and re-splits only the groups they touch, and adding
reports one at a time gives the events adding them at once gives (a property test holds it).
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
    same_report_slack_days: int = 0
    consistent_km: float = 10.0  # two reports' places this near may sit in one event (towns beside each other)
    min_place_confidence: float = 0.7  # a toponym read with less confidence places nothing (often a surname)
    confidence_levels: tuple[str, ...] = ("local", "division")  # the levels `min_place_confidence` applies to
    fold_side_mentions: bool = True  # a report's lone side mentions of its main event's kind and day join it
    fold_lone_main: bool = True  # a report's main event no other report tells joins its event others tell
    story_links_placeless: str = "all"  # off | main | all: which placeless mentions link to other reports of their story


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
        slack = options.same_report_slack_days if a.article_id == b.article_id else options.date_slack_days
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


def same_name(a: PlaceKey, b: PlaceKey) -> bool:
    """Two readings of one toponym: the same name at the same level (the gazetteer chose two entries for it)."""
    return bool(a.name) and a.level == b.level and a.name.casefold() == (b.name or "").casefold()  # type: ignore[union-attr]


def trusted_place(mention: MentionRecord, options: MergeOptions) -> PlaceKey | None:
    """The mention's place when the geocoder was sure enough of it, else None: a low-confidence reading is
    most often a person's name read as a town ('Morgan', 'Justice'), and placing the event there would
    keep it apart from every other report of it."""
    place = mention.place
    if place is None or place.person_name:
        return None
    if place.level in options.confidence_levels and (place.confidence or 1.0) < options.min_place_confidence:
        return None
    return place


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


def tells_an_event(mention: MentionRecord) -> bool:
    """A mention told for a period ('727 killed since the offensive began') tells no event of its own."""
    return mention.told_as != "period"


def compatible(a: MentionRecord, b: MentionRecord, options: MergeOptions) -> bool:
    """Do two mentions tell one event? (symmetric; see the module docstring for each test)"""
    if not (tells_an_event(a) and tells_an_event(b)):
        return False
    if type_family(a) != type_family(b) or not dates_compatible(a, b, options):
        return False
    pa, pb = trusted_place(a, options), trusted_place(b, options)
    if a.article_id == b.article_id:
        return _same_report_places(pa, pb, options)
    if a.told_as != "event" or b.told_as != "event":
        return False  # a mention told again bridges no reports: its first telling does
    if pa is None or pb is None:
        return _placeless_in_one_story(a, b, options)
    if not (places_compatible(pa, pb, options) or same_name(pa, pb)):
        # a country is too coarse to place an event: one story's reports may still tell it
        return COUNTRY in (pa.level, pb.level) and pa.country == pb.country and _placeless_in_one_story(a, b, options)
    return actors_compatible(a, b) if options.actors_must_agree else True


def _placeless_in_one_story(a: MentionRecord, b: MentionRecord, options: MergeOptions) -> bool:
    """Two reports of one story (`link.stories`) telling an event of one kind on one day, one of them
    without a place it is sure of: the main events of both (`main`), or any two mentions (`all`)."""
    if options.story_links_placeless == "off" or a.story is None or a.story != b.story:
        return False
    return options.story_links_placeless == "all" or (a.main and b.main)


def _same_report_places(a: PlaceKey | None, b: PlaceKey | None, options: MergeOptions) -> bool:
    """One report's two mentions of a day: one has no place, or their places are within `same_report_km`."""
    if a is None or b is None:
        return True
    return places_compatible(a, b, options) or same_name(a, b) or _km(a, b) <= options.same_report_km


def consistent(a: MentionRecord, b: MentionRecord, options: MergeOptions) -> bool:
    """May two mentions sit in one event? Their days are within the slack and their places do not
    contradict each other (the same place, one inside the other, a country holding the other, or one
    report's places near each other). Weaker than `compatible`: it is what every member of an event
    must share with every other, so that a chain of pairs (a town, its province, another town) does
    not make one event of two."""
    da, db = day_of(a), day_of(b)
    if da is not None and db is not None and abs((da - db).days) > options.date_slack_days:
        return False
    pa, pb = trusted_place(a, options), trusted_place(b, options)
    if pa is None or pb is None:
        return True
    if COUNTRY in (pa.level, pb.level):
        return pa.country == pb.country
    if places_compatible(pa, pb, options) or same_name(pa, pb):
        return True
    return _km(pa, pb) <= (options.same_report_km if a.article_id == b.article_id else options.consistent_km)


def place_block(mention: MentionRecord, options: MergeOptions) -> str:
    """The place part of a mention's blocking key: its country and division, or its report when placeless."""
    place = trusted_place(mention, options)
    if place is None:
        return "report:" + mention.article_id
    if place.level == COUNTRY or place.admin1 is None:
        return f"{place.country}|*"
    return f"{place.country}|{place.admin1}"


def _when(mention: MentionRecord, day: date | None) -> str:
    return day.isoformat() if day else f"{mention.date_precision}:{mention.date}"


def _side_blocks(mention: MentionRecord, options: MergeOptions) -> list[str]:
    """Blocks besides the place block: the toponym's name (two gazetteer readings of one name), and the
    story for a placeless main event."""
    out = []
    place = trusted_place(mention, options)
    if place is not None and place.name and place.level != COUNTRY:
        out.append("name:" + place.name.casefold())
    if mention.story and (options.story_links_placeless == "all" or (
            mention.main and options.story_links_placeless == "main")):
        out.append("story:" + mention.story)
    return out


def filed_keys(mention: MentionRecord, options: MergeOptions) -> list[str]:
    """The blocks a mention is filed under: its date with its place block and side blocks, and its report."""
    when = _when(mention, day_of(mention))
    return [f"{when}|{b}" for b in (place_block(mention, options), *_side_blocks(mention, options))] + [
        "in:" + mention.article_id]


def query_keys(mention: MentionRecord, options: MergeOptions) -> list[str]:
    """The blocks a mention's candidates are filed under: its own, over the days within the slack."""
    day = day_of(mention)
    blocks = (place_block(mention, options), *_side_blocks(mention, options))
    if day is None:
        whens = [_when(mention, None)]
    else:
        slack = options.date_slack_days
        whens = [(day + timedelta(days=d)).isoformat() for d in range(-slack, slack + 1)]
    return [f"{w}|{b}" for w in whens for b in blocks] + ["in:" + mention.article_id]


def event_id(member_ids: Iterable[str]) -> str:
    """A stable event id from its smallest mention id."""
    return "ev" + hashlib.sha1(min(member_ids).encode("utf-8")).hexdigest()[:12]


LEVEL_ORDER = {"local": 0, "division": 1, "country": 2}


def seed_rank(mention: MentionRecord, options: MergeOptions) -> tuple[int, int, int, str]:
    """Who founds an event first when a linked group is split: reports' main events, then mentions told as
    events, then the finest places; ties by id, so the split depends only on the group's members."""
    place = trusted_place(mention, options)
    return (0 if mention.main else 1, 0 if mention.told_as == "event" else 1,
            LEVEL_ORDER.get(place.level, 3) if place else 4, mention.id)


def split_component(members: list[MentionRecord], options: MergeOptions) -> list[list[MentionRecord]]:
    """Events of one linked group: each mention, in `seed_rank` order, joins the event it is compatible with
    most often among those every member of which it is consistent with; a mention told as an event that
    joins none founds one; a mention told again that joins none is left out (it tells no event of its own).
    A function of the members alone, so the split does not depend on the order reports were added."""
    events: list[list[MentionRecord]] = []
    for m in sorted(members, key=lambda x: seed_rank(x, options)):
        best, best_links = None, 0
        for event in events:
            links = sum(compatible(m, x, options) for x in event)
            if links > best_links and all(consistent(m, x, options) for x in event):
                best, best_links = event, links
        if best is not None:
            best.append(m)
        elif m.told_as == "event":
            events.append([m])
    return [sorted(e, key=lambda x: x.id) for e in events]


class EventIndex:
    """Mentions filed in blocks and linked as they are added (union-find over compatible pairs); each
    linked group is split into events by `split_component`, recomputed only for the groups an addition
    touched."""

    def __init__(self, options: MergeOptions | None = None) -> None:
        self.options = options or MergeOptions()
        self.mentions: dict[str, MentionRecord] = {}
        self.blocks: dict[str, list[str]] = defaultdict(list)
        self.parent: dict[str, str] = {}
        self._split: dict[str, list[list[MentionRecord]]] = {}  # group root -> its events

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
            self._split.pop(keep, None)
            self._split.pop(fold, None)

    def add(self, mentions: Iterable[MentionRecord]) -> set[str]:
        """File new mentions and link them to the mentions they are compatible with; returns the roots of
        the touched groups. Mentions told for a period are kept but tell no event."""
        touched = []
        for m in sorted(mentions, key=lambda m: m.id):
            if m.id in self.mentions:
                continue
            self.mentions[m.id] = m
            self.parent[m.id] = m.id
            if not tells_an_event(m):
                continue
            for other in sorted({o for key in query_keys(m, self.options) for o in self.blocks.get(key, ())}):
                if compatible(m, self.mentions[other], self.options):
                    self._union(m.id, other)
            for key in filed_keys(m, self.options):
                self.blocks[key].append(m.id)
            touched.append(m.id)
        roots = {self._root(t) for t in touched}
        for root in roots:
            self._split.pop(root, None)
        return roots

    def _members(self, wanted: set[str] | None) -> dict[str, list[MentionRecord]]:
        members: dict[str, list[MentionRecord]] = defaultdict(list)
        for mid in sorted(self.mentions):
            root = self._root(mid)
            if (wanted is None or root in wanted) and tells_an_event(self.mentions[mid]):
                members[root].append(self.mentions[mid])
        return members

    def groups(self, roots: Iterable[str] | None = None) -> dict[str, list[MentionRecord]]:
        """Events as event id -> member mentions (sorted by id); only those holding a mention of the given
        groups if given."""
        events = []
        for root, members in self._members(None).items():
            if root not in self._split:
                self._split[root] = split_component(members, self.options)
            events.extend(self._split[root])
        if self.options.fold_side_mentions:
            events = fold_side_mentions(events, self.options)
        wanted = None if roots is None else {self._root(r) for r in roots}
        return {event_id(m.id for m in e): e for e in events
                if wanted is None or any(self._root(m.id) in wanted for m in e)}


def _base_family(event: list[MentionRecord]) -> str:
    return type_family(event[0]).split("/")[0]


def _is_side_of(side: list[MentionRecord], event: list[MentionRecord], options: MergeOptions) -> bool:
    """`side` (one report's lone event, not its main one) is of `event`'s kind and, if told as planned or
    threatened, still of its kind (the shooting threatened, then done), and every day it gives is within
    the slack of a day its report gives `event`."""
    if "/history" in type_family(side[0]) or "/history" in type_family(event[0]):
        return False
    if _base_family(side) != _base_family(event):
        return False
    report = side[0].article_id
    days = {d for d in (day_of(m) for m in event if m.article_id == report) if d is not None}
    own = [d for d in (day_of(m) for m in side) if d is not None]
    return bool(days and own) and all(any(abs((d - t).days) <= options.date_slack_days for t in days) for d in own)


def _fold_rank(event: list[MentionRecord]) -> tuple[int, int, str]:
    return (-len({m.article_id for m in event}), 0 if any(m.main for m in event) else 1, min(m.id for m in event))


def fold_side_mentions(events: list[list[MentionRecord]], options: MergeOptions) -> list[list[MentionRecord]]:
    """A report tells one event and mentions its side places (the hospital's town, the suspect's home, a
    name read as a place): an event only one report tells, holding none of its main event, is folded into
    the event of that report it is a side of (`_is_side_of`) that the most reports tell (then the one
    holding the report's main event). Only events more than one report tells, or holding a main event,
    receive folds, and a folded event joins one report's event to another event of the same report, so
    no two reports are joined this way. A function of the events alone: order-free."""
    def lone(e: list[MentionRecord]) -> bool:
        return len({m.article_id for m in e}) == 1

    def is_side(e: list[MentionRecord]) -> bool:
        return lone(e) and (options.fold_lone_main or not any(m.main for m in e))

    def receives(e: list[MentionRecord], side: list[MentionRecord]) -> bool:
        """A side mention joins the event holding its report's main mention; a lone main event joins an
        event other reports tell too."""
        report = side[0].article_id
        if any(m.main for m in side):
            return not lone(e)
        return any(m.main and m.article_id == report for m in e)

    of_report: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        for report in {m.article_id for m in e}:
            of_report[report].append(i)
    into: dict[int, int] = {}
    for i, e in enumerate(events):
        if not is_side(e):
            continue
        targets = [t for t in of_report.get(e[0].article_id, []) if t != i and receives(events[t], e)
                   and _is_side_of(e, events[t], options) and (not any(m.main for m in e) or all(
                       consistent(a, b, options) for a in e for b in events[t]))]
        if targets:
            into[i] = min(targets, key=lambda t: _fold_rank(events[t]))
    folded: dict[int, list[MentionRecord]] = {i: list(e) for i, e in enumerate(events) if i not in into}
    for i, target in into.items():
        while target in into:  # a side of a lone main event that itself joined an event others tell
            target = into[target]
        folded[target].extend(events[i])
    return [sorted(e, key=lambda m: m.id) for _, e in sorted(folded.items())]


def merge_mentions(mentions: Iterable[MentionRecord], options: MergeOptions | None = None
                   ) -> dict[str, list[MentionRecord]]:
    """Every event the mentions tell, as event id -> its mentions."""
    index = EventIndex(options)
    index.add(mentions)
    return index.groups()
