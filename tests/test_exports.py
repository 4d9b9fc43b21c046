"""Exports and the report from a store filled by hand (no models)."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crosswire.model import Article, EventMention, Figure, Place, TimeRef, article_id
from crosswire.present import EXPORT_FIELDS, ExportError, export_rows, export_text, render
from crosswire.present.write import write_outputs
from crosswire.store import SQLiteStore as Store


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    text = "Rebels entered Hamah on Thursday; 20 people were killed."
    a = Article(raw_text=text, text=text, id=article_id(text), title="Hamah entered", outlet="Radio Orontes",
                published=datetime(2024, 12, 5, tzinfo=UTC), published_source="metadata",
                offsets=list(range(len(text))))
    a.places = [Place(15, 20, "Hamah", name="Hama", geonameid=170017, lat=35.13, lon=36.75,
                      feature_code="P.PPLA", admin1="Hama", country="SY", confidence=0.9, reason="exact")]
    a.times = [TimeRef(24, 32, "Thursday", "DATE", "2024-12-05", "day", "2024-12-05", "weekday of DCT")]
    a.figures = [Figure(34, 36, "20", 20, 20, 20, kind="killed", group="people")]
    a.events = [EventMention(7, 14, "entered", "Battles", "Non-state actor overtakes territory", place=0,
                             date="2024-12-05", date_precision="day", fatalities=20)]
    s = Store(tmp_path / "s.db")
    s.add_article(a)
    s.set_links({}, {a.id: "s1"})
    yield s
    s.close()


@pytest.mark.parametrize("kind", list(EXPORT_FIELDS))
def test_every_kind_has_exactly_its_documented_fields(store: Store, kind: str) -> None:
    for row in export_rows(store, kind):
        assert list(row) == EXPORT_FIELDS[kind]


def test_event_row_joins_its_place(store: Store) -> None:
    (event,) = export_rows(store, "events")
    assert event["place"]["name"] == "Hama" and event["place"]["lat"] == 35.13
    assert {k: event["fatalities"][k] for k in ("best", "low", "high", "conservative")} == {
        "best": 20, "low": 20, "high": 20, "conservative": 20}
    assert event["mentions"][0]["start"] == 7 and event["sources"] == [event["mentions"][0]["article_id"]]


def test_an_event_is_mapped_at_its_own_point_with_its_precision(tmp_path: Path) -> None:
    text = "Fighting was reported in Northland province on Monday."
    a = Article(raw_text=text, text=text, id=article_id(text), offsets=list(range(len(text))))
    a.places = [Place(25, 34, "Northland", name="Northland", lat=10.0, lon=10.0, feature_code="A.ADM1",
                      admin1="01", country="AF", confidence=0.9, reason="hand-made")]
    a.events = [EventMention(0, 8, "Fighting", "Battles", "Armed clash", place=0, lat=10.4, lon=10.2, geo_precision=3)]
    with Store(tmp_path / "s.db") as s:
        s.add_article(a)
        (event,) = export_rows(s, "event_mentions")
        (merged,) = export_rows(s, "events")
    assert (event["place"]["lat"], event["place"]["lon"], event["place"]["geo_precision"]) == (10.4, 10.2, 3)
    assert (merged["place"]["lat"], merged["place"]["lon"], merged["place"]["level"]) == (10.4, 10.2, "division")
    assert event["place"]["precision"] == "A.ADM1"  # the division named, mapped at its capital


def test_formats(store: Store) -> None:
    rows = export_rows(store, "events")
    parsed = [json.loads(line) for line in render(rows, "events", "jsonl").splitlines()]
    assert parsed == rows
    table = list(csv.DictReader(io.StringIO(render(rows, "events", "csv"))))
    assert json.loads(table[0]["place"])["name"] == "Hama"
    geo = json.loads(render(rows, "events", "geojson"))
    assert geo["features"][0]["geometry"]["coordinates"] == [36.75, 35.13]
    with pytest.raises(ExportError, match="coordinates"):
        render(export_rows(store, "figures"), "figures", "geojson")


def test_contradictions_are_empty_not_invented(store: Store) -> None:
    assert export_rows(store, "contradictions") == []


def test_write_outputs_links_every_item_to_its_report(store: Store, tmp_path: Path) -> None:
    paths = write_outputs(store, tmp_path / "out")
    page = Path(paths["report_html"]).read_text()
    (article,) = export_rows(store, "articles")
    assert f'id="{article["id"]}"' in page and f'href="#{article["id"]}"' in page
    md = Path(paths["report"]).read_text()
    assert "Hamah entered" in md and f"[{article['id']}]" in md
    assert Path(paths["events"]).read_text().count("\n") == 1


def test_acled_columns(store: Store) -> None:
    from crosswire.present.acled_csv import ACLED_FIELDS

    (row,) = list(csv.DictReader(io.StringIO(export_text(store, "events", "acled"))))
    assert list(row) == ACLED_FIELDS
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2024-12-05", "2024", "1")
    assert (row["country"], row["location"], row["latitude"], row["geo_precision"]) == ("Syria", "Hama", "35.13", "")
    assert row["source"] == "Radio Orontes" and row["fatalities"] == "20"
    assert row["notes"] == "entered"  # no evidence sentence stored: the trigger
    with pytest.raises(ExportError, match="exports events"):
        export_text(store, "figures", "acled")
