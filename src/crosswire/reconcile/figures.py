"""Figures reconciled across reports: statements about the same thing grouped, then best / low / high.

**Period figures.** A count over a span ("half a million dead since 2011", "at least 727 since the
offensive began", "so far", "in total") is a figure about a period, not a toll of one event on the
report's day: `period_of` tells it from its sentence, and such figures never add fatalities to an event.

**Groups.** Statements of one kind (killed, injured, ...) about one group of people (civilians,
fighters, all people, ...) group when they tell the same thing:

- event figures (not a period): the same merged event;
- period figures: the same story, and the same span start when both reports give one; when one does
  not, values within `period_ratio` of each other (a span of days and a span of years give tolls
  orders of magnitude apart);
- breakdown parts: the same group of people as parts of one grouped total (111 civilians of the 727 in
  two reports are one part group, linked to the total's group).

Each group keeps every report's statement; it derives the best figure (the one most reports give, ties
to the smaller: UCDP's best), low and high (the lowest and highest stated, with each statement's own
range), the conservative figure (the lowest: ACLED's rule), the outlets and the independent sources
behind them (`sources.independence`), and for a total the sum of its parts' best figures. Within a
period group, a later report's larger toll over the same or a longer span is an **update** (the toll
grew), recorded in `updates`; a disagreement is two tolls for the same span from reports that are
not in that order.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from .counts import consensus
from .records import FigureStatement
from .sources import independence

PERIOD_CUES = re.compile(
    r"\b(?:since|so far|to date|in total|overall|cumulative|throughout|in all|"
    r"over the (?:past|last) (?:\w+ )?(?:years?|months?|weeks?|decades?)|"
    r"(?:war|conflict|uprising|insurgency|crisis)(?: that)? (?:has|have|had) (?:killed|left|claimed))\b",
    re.IGNORECASE)
SINCE_YEAR = re.compile(r"\bsince\s+(?:the\s+start\s+of\s+|early\s+|late\s+)?((?:19|20)\d\d)\b", re.IGNORECASE)
GROUP_WORDS = {
    "civilians": ("civilian", "people", "resident", "child", "children", "women", "men", "villager"),
    "fighters": ("fighter", "militant", "rebel", "jihadist", "insurgent", "gunmen", "terrorist"),
    "soldiers": ("soldier", "troop", "officer", "army", "servicemen", "police", "personnel"),
    "militia": ("militia", "militiamen", "paramilitar"),
}


@dataclass(frozen=True)
class FigureOptions:
    period_ratio: float = 1.5  # unanchored period statements group when their values are this close


def period_of(sentence: str, published_year: int | None, figure_time: str | None) -> tuple[bool, str | None, str]:
    """(is a period figure, its span start if given, why) from the figure's sentence."""
    match = PERIOD_CUES.search(sentence)
    if not match:
        return False, None, ""
    year = SINCE_YEAR.search(sentence)
    start = year.group(1) if year else None
    if figure_time and re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?)?", figure_time):
        start = start or figure_time
    if start and published_year and start[:4].isdigit() and int(start[:4]) > published_year:
        start = None
    return True, start, f"cue {match.group(0)!r}"


def group_class(group: str | None) -> str | None:
    """Who a figure counts, as one of a few classes (None: people of every kind)."""
    if not group:
        return None
    low = group.casefold()
    for name, words in GROUP_WORDS.items():
        if name != "civilians" and any(w in low for w in words):
            return name
    if low in ("people", "persons", "person", "dead", "victims"):
        return None
    return "civilians" if any(w in low for w in GROUP_WORDS["civilians"]) else low


def _gid(prefix: str, members: list[FigureStatement]) -> str:
    return prefix + hashlib.sha1(min(s.id for s in members).encode("utf-8")).hexdigest()[:12]


def _close(a: int | None, b: int | None, ratio: float) -> bool:
    if not a or not b:
        return False
    return max(a, b) / min(a, b) <= ratio


def _period_clusters(statements: list[FigureStatement], options: FigureOptions) -> list[list[FigureStatement]]:
    """Period statements of one (story, kind, class) in clusters of one span (single link, id order)."""
    parent = {s.id: s.id for s in statements}

    def root(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    ordered = sorted(statements, key=lambda s: s.id)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if a.period_start and b.period_start:
                same = a.period_start[:10] == b.period_start[:10] or a.period_start[:4] == b.period_start[:4] and \
                    min(len(a.period_start), len(b.period_start)) == 4
            else:
                same = _close(a.value, b.value, options.period_ratio)
            if same:
                ra, rb = sorted((root(a.id), root(b.id)))
                parent[rb] = ra
    clusters: dict[str, list[FigureStatement]] = defaultdict(list)
    for s in ordered:
        clusters[root(s.id)].append(s)
    return list(clusters.values())


def group_statements(statements: list[FigureStatement], story_of: dict[str, str],
                     options: FigureOptions | None = None) -> list[list[FigureStatement]]:
    """Top-level statements grouped (breakdown parts are grouped by `part_groups`)."""
    options = options or FigureOptions()
    keyed: dict[tuple[Any, ...], list[FigureStatement]] = defaultdict(list)
    for s in statements:
        if s.part_of is not None or s.value is None:
            continue
        scope = ("period", story_of.get(s.article_id, s.article_id)) if s.period else ("event", s.event_id or s.id)
        keyed[(*scope, s.kind, group_class(s.group))].append(s)
    groups = []
    for key, members in sorted(keyed.items(), key=lambda kv: str(kv[0])):
        groups.extend(_period_clusters(members, options) if key[0] == "period" else [sorted(members, key=lambda s: s.id)])
    return groups


def part_groups(statements: list[FigureStatement], group_of: dict[str, str]) -> dict[str, list[FigureStatement]]:
    """Breakdown parts grouped by (their total's group, kind, class): part group key -> statements."""
    parts: dict[str, list[FigureStatement]] = defaultdict(list)
    for s in statements:
        if s.part_of is not None and s.part_of in group_of and s.value is not None:
            parts[f"{group_of[s.part_of]}|{s.kind}|{group_class(s.group)}"].append(s)
    return parts


def per_report(members: list[FigureStatement]) -> dict[str, FigureStatement]:
    """Each report's statement in a group: its largest (a report restating its figure votes once)."""
    out: dict[str, FigureStatement] = {}
    for s in sorted(members, key=lambda s: s.id):
        if s.article_id not in out or (s.value or 0) > (out[s.article_id].value or 0):
            out[s.article_id] = s
    return out


def updates_in(members: list[FigureStatement]) -> list[dict[str, Any]]:
    """Later reports stating a larger toll over the same span: the toll grew (an update, not a disagreement)."""
    stated = sorted(per_report(members).values(), key=lambda s: (s.published or "", s.id))
    return [{"from": a.id, "to": b.id, "from_value": a.value, "to_value": b.value, "kind": "update",
             "reason": "a later report gives a larger toll over the same span"}
            for a, b in zip(stated, stated[1:], strict=False)
            if (a.value or 0) < (b.value or 0) and (a.published or "") < (b.published or "")]


def report_chains(members: list[FigureStatement]) -> list[tuple[str, tuple[str, ...]]]:
    """(report, chain) of each statement; a report's unattributed restatement takes its attributed ones' chains."""
    sourced = {s.article_id for s in members if len(s.chain) > 1}
    return [(s.article_id, s.chain) for s in members if len(s.chain) > 1 or s.article_id not in sourced]


def reconcile_group(gid: str, members: list[FigureStatement], copies: dict[str, str]) -> dict[str, Any]:
    """One group's reconciled record."""
    stated = per_report(members)
    values = [s.value for s in stated.values() if s.value is not None]
    lows = [s.low if s.low is not None else s.value for s in stated.values() if s.value is not None]
    highs = [s.high if s.high is not None else s.value for s in stated.values() if s.value is not None]
    first = members[0]
    ups = updates_in(members) if first.period else []
    return {
        "id": gid, "kind": first.kind, "group": group_class(first.group), "period": first.period,
        "period_start": next((s.period_start for s in members if s.period_start), None),
        "event_id": first.event_id if not first.period else None,
        "best": consensus(values) if values else None, "low": min(lows) if lows else None,
        "high": max(highs) if highs else None, "conservative": min(values) if values else None,
        "rule": "best: the figure most reports give, ties to the smaller (UCDP); conservative: the lowest (ACLED)",
        "disagree": len(set(values)) > 1 and not ups,
        "updates": ups,
        **independence(report_chains(members), copies),
        "statements": [s.id for s in members], "reports": sorted(stated),
        "parts": [], "total": None, "parts_sum": None,
    }


def reconcile_figures(statements: list[FigureStatement], story_of: dict[str, str], copies: dict[str, str],
                      options: FigureOptions | None = None) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """(figure groups, statement id -> its group id): totals, their breakdown parts, each reconciled."""
    records, group_of = [], {}
    for members in group_statements(statements, story_of, options):
        gid = _gid("fg", members)
        records.append(reconcile_group(gid, members, copies))
        group_of.update({s.id: gid for s in members})
    by_id = {r["id"]: r for r in records}
    for key, members in sorted(part_groups(statements, group_of).items()):
        gid = _gid("fp", members)
        record = reconcile_group(gid, members, copies)
        record["total"] = key.split("|")[0]
        group_of.update({s.id: gid for s in members})
        by_id[record["total"]]["parts"].append(gid)
        records.append(record)
    parts_of = {r["id"]: r for r in records}
    for r in records:
        if r["parts"]:
            r["parts_sum"] = sum(parts_of[p]["best"] or 0 for p in r["parts"])
    return records, group_of
