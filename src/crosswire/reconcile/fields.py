"""One merged event's fields from its mentions: every value seen, the mentions behind it, the chosen value
and the rule that chose it.

Votes are counted by report, not by mention: a report that tells an event three times votes once.

- type and sub-type, actors: the value most reports give (ties to the first in sorted order);
- date: the finest precision any mention has, then the most reports, then the earliest;
- place: the finest level (a town over a division over a country), then the most reports;
- killed: each report's own statement (the largest it gives for the event), then the figure most reports
  give, ties to the smaller (UCDP's best), with the lowest and highest as low and high and the lowest as
  the conservative figure (ACLED's rule when sources disagree);
- injured: the same, except that a report stating fewer deaths than the chosen toll does not vote: it was
  written before some of the wounded died (an update, not a disagreement; see `counts.incident_counts`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable
from typing import Any

from .counts import StatedCounts, consensus, incident_counts
from .records import MentionRecord

PRECISION_RANK = {"time": 0, "day": 0, "published": 1, "week": 2, "month": 3, "year": 4, None: 5}
LEVEL_RANK = {"local": 0, "division": 1, "country": 2}


def values_seen(mentions: list[MentionRecord], get: Callable[[MentionRecord], Hashable]) -> list[dict[str, Any]]:
    """Each distinct non-empty value with the mentions and reports that give it, most reports first."""
    behind: dict[Hashable, list[MentionRecord]] = defaultdict(list)
    for m in mentions:
        value = get(m)
        if value is not None:
            behind[value].append(m)
    rows = [{"value": v, "mentions": [m.id for m in ms], "reports": sorted({m.article_id for m in ms})}
            for v, ms in behind.items()]
    return sorted(rows, key=lambda r: (-len(r["reports"]), str(r["value"])))


def plurality(mentions: list[MentionRecord], get: Callable[[MentionRecord], Hashable]) -> dict[str, Any]:
    seen = values_seen(mentions, get)
    return {"chosen": seen[0]["value"] if seen else None, "rule": "most reports, ties in sorted order",
            "values": seen}


def chosen_date(mentions: list[MentionRecord]) -> dict[str, Any]:
    seen = values_seen(mentions, lambda m: (m.date, m.date_precision) if m.date else None)
    seen.sort(key=lambda r: (PRECISION_RANK.get(r["value"][1], 5), -len(r["reports"]), r["value"][0]))
    for row in seen:
        row["value"] = {"date": row["value"][0], "precision": row["value"][1]}
    return {"chosen": seen[0]["value"] if seen else None,
            "rule": "finest precision, then most reports, then earliest", "values": seen}


def chosen_place(mentions: list[MentionRecord]) -> dict[str, Any]:
    by_id = {m.place.geonameid or m.place.name: m.place for m in mentions if m.place is not None}
    seen = values_seen(mentions, lambda m: (m.place.geonameid or m.place.name) if m.place else None)
    seen.sort(key=lambda r: (LEVEL_RANK.get(by_id[r["value"]].level, 3), -len(r["reports"]), str(r["value"])))
    for row in seen:
        p = by_id[row["value"]]
        row["value"] = {"name": p.name, "geonameid": p.geonameid, "level": p.level, "country": p.country,
                        "admin1": p.admin1, "lat": p.lat, "lon": p.lon}
    return {"chosen": seen[0]["value"] if seen else None,
            "rule": "finest level (town, division, country), then most reports", "values": seen}


def report_counts(mentions: list[MentionRecord]) -> dict[str, StatedCounts]:
    """Each report's own statement of the event's killed and injured: the largest it gives."""
    killed: dict[str, int | None] = {}
    injured: dict[str, int | None] = {}
    for m in mentions:
        for table, value in ((killed, m.killed), (injured, m.injured)):
            current = table.get(m.article_id)
            table[m.article_id] = value if current is None else (current if value is None else max(current, value))
    return {a: StatedCounts(killed.get(a), injured.get(a)) for a in sorted(killed)}


def _toll(chosen: int, values: list[int], rule: str, per_report: dict[str, int | None]) -> dict[str, Any]:
    stated = sorted({v for v in values})
    return {"best": chosen if stated else None, "low": stated[0] if stated else None,
            "high": stated[-1] if stated else None, "conservative": stated[0] if stated else None,
            "rule": rule, "reports": {a: v for a, v in per_report.items() if v is not None}}


def chosen_tolls(mentions: list[MentionRecord], stated: dict[str, StatedCounts] | None = None
                 ) -> tuple[dict[str, Any], dict[str, Any]]:
    """(killed, injured) of the event with best / low / high / conservative and each report's statement
    (`stated` when given, else the mentions' own counts)."""
    per_report = report_counts(mentions) if stated is None else dict(sorted(stated.items()))
    reports = list(per_report.values())
    killed, injured = incident_counts(reports)
    k_values = [r.killed for r in reports if r.killed is not None]
    voters = {a: r.injured for a, r in per_report.items() if (r.killed or 0) >= killed}
    i_values = [v for v in voters.values() if v is not None]
    return (_toll(killed, k_values, "most reports, ties to the smaller (UCDP best); conservative the lowest",
                  {a: r.killed for a, r in per_report.items()}),
            _toll(consensus(i_values) if i_values else injured, i_values,
                  "most reports not written before a death, ties to the smaller", voters))


def merged_event(event_id: str, mentions: list[MentionRecord],
                 stated: dict[str, StatedCounts] | None = None) -> dict[str, Any]:
    """One event's record: chosen fields with their rules and every value seen, and its mentions; each
    report's killed and injured are `stated` (see `load.stated_tolls`), else the mentions' own."""
    killed, injured = chosen_tolls(mentions, stated)
    return {
        "id": event_id,
        "fields": {
            "event_type": plurality(mentions, lambda m: m.event_type),
            "sub_event_type": plurality(mentions, lambda m: m.sub_event_type),
            "date": chosen_date(mentions),
            "place": chosen_place(mentions),
            "actor1": plurality(mentions, lambda m: m.actor1),
            "actor2": plurality(mentions, lambda m: m.actor2),
            "modality": plurality(mentions, lambda m: m.modality),
        },
        "fatalities": killed,
        "injured": injured,
        "mentions": [{"id": m.id, "article_id": m.article_id, "start": m.start, "end": m.end} for m in mentions],
        "sources": sorted({m.article_id for m in mentions}),
    }
