"""Reconcile what the store holds: merged events, figure groups, claims, contradictions and framing.

`reconcile_store` is the one entry point: it reads the stored reports once and returns a `Reconciled`
holding every merged event (with its mentions, outlets and independent sources), every figure group, the
claims index (claims, their contradictions and updates, framing) and the toll flags between the reports
of one event. A run reconciles once and hands the result to every export, the report and the brief;
the web app keeps one per store version.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..store import Store
from .counts import StatedCounts
from .events import EventIndex, MergeOptions
from .fields import merged_event
from .figures import FigureOptions, reconcile_figures
from .index import ClaimIndex, build_index
from .load import (
    figure_events,
    figure_statements,
    lead_events,
    mention_records,
    read_store,
    stated_tolls,
    toll_statements,
)
from .records import FigureStatement, MentionRecord
from .reports import report_views
from .sources import independence
from .tolls import event_toll_flags


@dataclass
class Reconciled:
    events: list[dict[str, Any]] = field(default_factory=list)
    event_of: dict[str, str] = field(default_factory=dict)  # mention id -> event id
    mentions: list[MentionRecord] = field(default_factory=list)
    figure_groups: list[dict[str, Any]] = field(default_factory=list)
    group_of: dict[str, str] = field(default_factory=dict)  # figure id -> group id
    statements: list[FigureStatement] = field(default_factory=list)
    claims: ClaimIndex = field(default_factory=ClaimIndex)  # claims, their flags, framing
    toll_flags: list[dict[str, Any]] = field(default_factory=list)  # tolls one event's reports disagree on

    def flags(self) -> list[dict[str, Any]]:
        """Every contradiction and update: the claims' (origin, control, report date, ...) and the tolls'."""
        return self.claims.flags() + self.toll_flags


def _alias_lookup() -> Any:
    from ..names import load_alias_table

    table = load_alias_table()

    def lookup(name: str) -> str | None:
        actor = table.lookup(name)
        return actor.canonical if actor else None

    return lookup


def reconcile_store(store: Store, options: MergeOptions | None = None,
                    figure_options: FigureOptions | None = None) -> Reconciled:
    """Everything reconciliation derives from the store, computed once (see the module docstring)."""
    data = read_store(store)
    mentions = mention_records(data)
    index = EventIndex(options)
    index.add(mentions)
    copies = {a: row["duplicate_of"] for a, row in data.articles.items() if row.get("duplicate_of")}
    out = Reconciled(mentions=mentions)
    groups = sorted(index.groups().items())
    out.event_of = {m.id: eid for eid, members in groups for m in members}
    reports_of = {eid: len({m.article_id for m in members}) for eid, members in groups}
    figure_event = figure_events(data, out.event_of, lead_events(data, out.event_of, reports_of))
    tolls = stated_tolls(data, figure_event)
    for eid, members in groups:
        stated = {a: StatedCounts(t.get("killed"), t.get("injured")) for a, t in tolls.get(eid, {}).items()}
        record = merged_event(eid, members, stated)
        record.update(independence(((m.article_id, (m.outlet or m.article_id,)) for m in members), copies))
        out.events.append(record)
    tolls_said = toll_statements(data, figure_event)
    out.toll_flags = [f for e in out.events for f in event_toll_flags(e, tolls_said.get(e["id"], []), copies)]
    out.statements = figure_statements(data, figure_event, _alias_lookup())
    story_of = {a: row["story_id"] for a, row in data.articles.items() if row.get("story_id")}
    out.figure_groups, out.group_of = reconcile_figures(out.statements, story_of, copies, figure_options)
    out.claims = build_index(report_views(store))
    return out
