"""The read API's queries (`ReadStore`) on every backend: the same pages, filters and totals from SQLite and
PostgreSQL, and filter keys filled in for annotations stored before the key table existed."""

from __future__ import annotations

import sqlite3

import pytest
from tests.web_fixtures import articles

from crosswire.store import Filters, NotFound, ReadStore, SQLiteStore, every_row, open_store


def _fill(where: str) -> None:
    with open_store(where) as store:
        for article in articles():
            store.add_article(article)
        store.set_links({}, {"rep-a": "story-1", "rep-b": "story-1"})
        store.replace_entities([{"id": "ent-militia", "name": "Militia", "type": "ORG", "actor_type": None,
                                 "aliases": [{"name": "Militia", "count": 2, "articles": ["rep-a", "rep-b"]}],
                                 "evidence": [], "mention_refs": []}])


def _ids(page) -> list[str]:
    return [r.get("id") for r in page.rows]


def test_lists_filter_and_page_alike_on_every_backend(store_url):
    _fill(store_url)
    reader = ReadStore(store_url)
    events = lambda **f: reader.annotations("events", Filters(**f), 50, 0)  # noqa: E731
    assert _ids(events()) == ["rep-a-e0", "rep-a-e1", "rep-b-e0", "rep-b-e1"]
    assert _ids(events(type="Battles")) == ["rep-b-e1"]
    assert _ids(events(actor="MILITIA")) == ["rep-a-e0", "rep-b-e1"]
    assert _ids(events(place="carrow")) == ["rep-a-e1"]
    assert _ids(events(date_from="2031-03-05", date_to="2031-03-05")) == ["rep-b-e0", "rep-b-e1"]
    assert events(mapped=True).total == 3 and events(story="story-1").total == 4
    assert events(actor="%").total == 0, "LIKE wildcards in a filter match only themselves"
    second = reader.annotations("events", Filters(), 3, 3)
    assert (_ids(second), second.total, second.next_offset) == (["rep-b-e1"], 4, None)
    assert reader.annotation_by_id("events", "rep-a-e0")["_place"]["name"] == "Dunmore"
    assert reader.annotation_by_id("figures", "rep-b-f0")["value"] == 9
    with pytest.raises(NotFound):
        reader.annotation_by_id("events", "nope")
    assert reader.places_by_geonameid(9001, 50, 0).total == 2
    story = reader.story("story-1")
    assert story["articles"] == ["rep-a", "rep-b"] and story["outlets"] == ["Harbour Post", "Valley Times"]
    assert reader.stories(50, 0).rows == [story]
    assert [a["id"] for a in reader.articles(Filters(date_from="2031-03-06"), 50, 0).rows] == ["rep-b"]
    assert reader.entities(Filters(actor="mili"), 50, 0).total == 1
    hits = reader.search("convoys", 20, 0)
    assert hits.total == 1 and hits.rows[0]["article_id"] == "rep-b" and "[convoys]" in hits.rows[0]["snippet"]
    assert len(every_row(lambda lim, off: reader.annotations("places", Filters(), lim, off))) == 3
    reader.close()


def test_keys_are_filled_for_a_store_written_before_them(tmp_path):
    db = tmp_path / "old.db"
    _fill(str(db))
    before = ReadStore(db).annotations("events", Filters(actor="militia"), 50, 0).rows
    with sqlite3.connect(db) as conn:  # the store as schema 2 left it: no key rows
        conn.execute("DELETE FROM annotation_keys")
        conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    with pytest.raises(Exception, match="older than this crosswire"):
        ReadStore(db)
    SQLiteStore(db).close()  # a writer migrates it
    assert ReadStore(db).annotations("events", Filters(actor="militia"), 50, 0).rows == before


def test_the_web_api_serves_a_postgresql_store(postgres_url):
    import json
    import urllib.request

    from tests.web_fixtures import live_server

    _fill(postgres_url)
    with live_server(postgres_url) as base:
        with urllib.request.urlopen(base + "/api/event_mentions?actor=militia", timeout=10) as r:
            events = json.loads(r.read())
        with urllib.request.urlopen(base + "/stories/story-1", timeout=10) as r:
            page = r.read().decode()
    assert [e["id"] for e in events["items"]] == ["rep-a-e0", "rep-b-e1"]
    assert "Shelling hits Dunmore" in page
