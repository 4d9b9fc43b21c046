"""Reference case: the seed reports' merged events and reconciled figures (facts checked, no text copied)."""

from __future__ import annotations

import csv
import io

import pytest

from crosswire.present import export_rows, export_text
from crosswire.store import SQLiteStore as Store

pytestmark = pytest.mark.slow


def test_the_offensive_toll_is_one_figure_from_two_outlets_and_one_source(seed_store: Store) -> None:
    groups = [g for g in export_rows(seed_store, "figure_groups") if g["kind"] == "killed" and g["best"] == 727]
    (toll,) = groups
    assert toll["period"] and toll["outlet_count"] == 2 and toll["independent_count"] == 1
    assert toll["independent_sources"] == ["Syrian Observatory for Human Rights"]
    parts = {g["id"]: g for g in export_rows(seed_store, "figure_groups") if g["total"] == toll["id"]}
    assert sorted(p["best"] for p in parts.values()) == [25, 111, 220, 371]
    assert toll["parts_sum"] == 727
    civilians = next(p for p in parts.values() if p["best"] == 111)
    assert civilians["outlet_count"] == 2  # the civilians' share is in both outlets' breakdowns


def test_period_figures_add_no_fatalities(seed_store: Store) -> None:
    rows = list(csv.DictReader(io.StringIO(export_text(seed_store, "events", "acled"))))
    total = sum(int(r["fatalities"]) for r in rows)
    assert total < 727, total
    mentions = export_rows(seed_store, "event_mentions")
    assert len(rows) == len(export_rows(seed_store, "events")) < len(mentions)
    for figure in export_rows(seed_store, "figures"):
        if figure["value"] in (500000, 727):
            assert figure["period"] and figure["event_id"] is None


def test_every_mention_told_as_an_event_is_in_one_merged_event(seed_store: Store) -> None:
    events = export_rows(seed_store, "events")
    members = [m["id"] for e in events for m in e["mentions"]]
    assert len(members) == len(set(members))
    mentions = export_rows(seed_store, "event_mentions")
    assert {m["id"] for m in mentions if m["told_as"] == "event"} <= set(members)
    assert not {m["id"] for m in mentions if m["told_as"] == "period"} & set(members)  # a period is no event
    by_id = {e["id"]: e for e in events}
    for m in mentions:
        assert (m["event_id"] is None) == (m["id"] not in members)
        if m["event_id"] is not None:
            assert m["id"] in {x["id"] for x in by_id[m["event_id"]]["mentions"]}
