"""Reference case: the five seed reports stored and reconciled (facts checked, no seed text copied)."""

from __future__ import annotations

import pytest

from crosswire.present import export_rows
from crosswire.store import SQLiteStore as Store

pytestmark = pytest.mark.slow


def test_hts_origin_contradiction_cites_both_sides(seed_store: Store) -> None:
    flags = [f for f in export_rows(seed_store, "contradictions") if f["field"] == "origin"]
    (flag,) = [f for f in flags if f["subject"] == "Hayat Tahrir al-Sham"]
    assert flag["kind"] == "contradiction"
    assert set(flag["values"]) == {"Al Qaeda", "Islamic State"}
    texts = {a["id"]: a["text"] for a in export_rows(seed_store, "articles")}
    sides = {s["value"]: s for s in flag["sides"]}
    for side in flag["sides"]:
        assert texts[side["article_id"]][side["start"]:side["end"]] == side["text"]
    assert "Islamic State" in sides["Islamic State"]["text"]
    assert len({s["article_id"] for s in flag["sides"] if s["value"] == "Al Qaeda"}) >= 3


def test_failed_attack_then_entry_into_hama_is_an_update(seed_store: Store) -> None:
    flags = [f for f in export_rows(seed_store, "contradictions")
             if f["field"] == "control" and f["subject"].startswith("Ḩamāh")]
    changes = [f for f in flags if f["values"] == ["attack failed", "taken by attackers"]]
    assert changes and all(f["kind"] == "update" for f in changes)
    failed, taken = changes[-1]["sides"]
    assert failed["article_id"] != taken["article_id"] and failed["time"] == taken["time"]


def test_page_date_against_byline_is_flagged(seed_store: Store) -> None:
    flags = [f for f in export_rows(seed_store, "contradictions") if f["field"] == "report_date"]
    (flag,) = flags
    assert flag["kind"] == "contradiction" and flag["values"] == ["2024-12-05", "2024-12-20"]
    assert flag["subject"] == flag["sides"][0]["article_id"] == flag["sides"][1]["article_id"]


def test_a_framing_table_per_outlet(seed_store: Store) -> None:
    rows = export_rows(seed_store, "framing")
    outlets = {r["outlet"] for r in rows}
    assert len(outlets) == 5
    for outlet in outlets:
        assert {r["side"] for r in rows if r["outlet"] == outlet} == {"armed opposition", "state"}
    quoted = [r for r in rows if r["word"] == "terrorist" and r["voice"] != "own"]
    assert quoted and all(r["sources"] for r in quoted[:1])
