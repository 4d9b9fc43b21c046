"""One reconciliation per run, shared by every export; toll disagreements in the contradictions export.

Stores filled by hand (no models): two reports of one strike, each with its own toll.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from crosswire.model import Article, EventMention, Figure, Place, article_id
from crosswire.present import export_rows
from crosswire.store import SQLiteStore as Store

TOWN = dict(name="Dunmore", geonameid=9_900_001, lat=34.5, lon=36.5, feature_code="P.PPL", admin1="09",
            country="SY", confidence=0.9, reason="hand-made")


def strike_report(text: str, toll: int, outlet: str, published: datetime) -> Article:
    """A report telling the strike on Dunmore's market, with its toll; `text` names Dunmore and the toll."""
    a = Article(raw_text=text, text=text, id=article_id(text), title=text[:30], outlet=outlet, published=published,
                published_source="metadata", offsets=list(range(len(text))))
    town = text.index("Dunmore")
    a.places = [Place(town, town + 7, "Dunmore", **TOWN)]  # type: ignore[arg-type]
    figure = text.index(str(toll))
    a.figures = [Figure(figure, figure + len(str(toll)), str(toll), toll, toll, toll, kind="killed", group="people")]
    trigger = text.index("strike")
    a.events = [EventMention(trigger, trigger + 6, "strike", "Explosions/Remote violence", "Air/drone strike",
                             place=0, date="2024-03-04", date_precision="day", main=True)]
    return a


def fill(path: Path, later_days: int, second_toll: int = 15) -> Store:
    first = strike_report("A strike on the market of Dunmore killed 12 people on Monday.", 12, "Valley Herald",
                          datetime(2024, 3, 4, 18, tzinfo=UTC))
    second = strike_report(f"Monday's strike on Dunmore market left {second_toll} dead, medics said.", second_toll,
                           "Coast Courier", datetime(2024, 3, 4 + later_days, 20, tzinfo=UTC))
    store = Store(path)
    for a in (first, second):
        store.add_article(a)
    store.set_links({}, {first.id: "s1", second.id: "s1"})
    return store


@pytest.mark.parametrize(("later_days", "kind"), [(0, "contradiction"), (2, "update")])
def test_two_tolls_for_one_strike_are_flagged_in_the_contradictions_export(tmp_path: Path, later_days: int,
                                                                          kind: str) -> None:
    with fill(tmp_path / "s.db", later_days) as store:
        (event,) = export_rows(store, "events")
        assert event["fatalities"]["reports"] and sorted(event["fatalities"]["reports"].values()) == [12, 15]
        (flag,) = [f for f in export_rows(store, "contradictions") if f["field"] == "toll"]
        texts = {a["id"]: a["text"] for a in export_rows(store, "articles")}
    assert flag["kind"] == kind and sorted(flag["values"]) == ["12", "15"]
    assert flag["subject"].startswith(event["id"])
    for side in flag["sides"]:  # each side cites its span
        assert texts[side["article_id"]][side["start"]:side["end"]] == side["value"]


def test_one_toll_told_by_both_reports_is_no_flag(tmp_path: Path) -> None:
    with fill(tmp_path / "s.db", 0, second_toll=12) as store:
        (event,) = export_rows(store, "events")
        assert len(event["sources"]) == 2 and event["fatalities"]["best"] == 12
        assert [f for f in export_rows(store, "contradictions") if f["field"] == "toll"] == []


def test_a_run_reconciles_the_store_once_for_the_report_the_brief_and_every_export(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import crosswire.present.brief as brief
    import crosswire.present.report as report
    import crosswire.present.rows as rows
    import crosswire.present.write as write
    from crosswire.reconcile import reconcile_store

    calls: list[Any] = []

    def counted(store: Store) -> Any:
        calls.append(store)
        return reconcile_store(store)

    def refused(store: Store) -> Any:
        raise AssertionError("reconciled again inside the run")

    monkeypatch.setattr(write, "reconcile_store", counted)
    monkeypatch.setattr(rows, "reconcile_store", refused)
    monkeypatch.setattr(report, "reconcile_store", refused)
    monkeypatch.setattr(brief, "reconcile_store", refused)
    with fill(tmp_path / "s.db", 0) as store:
        written = write.write_outputs(store, tmp_path / "out")
    assert len(calls) == 1
    assert Path(written["contradictions"]).read_text(encoding="utf-8").count('"field": "toll"') == 1
