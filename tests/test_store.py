"""The storage contract every backend passes (SQLite and PostgreSQL, via the `store_url` fixture):
idempotent adds, versions, rejects, round trips, offsets, search, links, concurrent writers."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from crosswire.model import Article, Figure, Mention, Note, Sentence, article_id
from crosswire.pipeline import Reject
from crosswire.store import SQLiteStore, Store, open_store
from crosswire.store.offsets import decode_offsets, encode_offsets


def make_article(text: str, url: str | None = None) -> Article:
    a = Article(raw_text="  " + text, text=text, id=article_id(text), title="T", outlet="Wire", url=url,
                published=datetime(2024, 12, 5, 8, 45, tzinfo=UTC), published_source="text",
                offsets=[i + 2 for i in range(len(text))])
    a.sentences = [Sentence(0, len(text))]
    a.mentions = [Mention(0, 5, text[:5], "ORG", canonical="X")]
    a.figures = [Figure(0, 3, text[:3], 3, kind="killed", qualifier="at least")]
    a.notes = [Note("clean", "repeat.removed", "a repeated body was removed")]
    return a


def test_same_report_twice_is_stored_once(store_url: str) -> None:
    with open_store(store_url) as store:
        first = store.add_article(make_article("Rebels entered the city on Thursday."))
        again = store.add_article(make_article("Rebels  entered the city on Thursday."))  # spacing only
        assert (first.status, again.status) == ("added", "exists")
        assert store.counts()["articles"] == 1


def test_changed_report_is_a_new_version(store_url: str) -> None:
    with open_store(store_url) as store:
        old = store.add_article(make_article("Attack on the city failed.", url="http://x/1"))
        new = store.add_article(make_article("Rebels entered the city; the army withdrew.", url="http://x/1"))
        assert new.status == "version" and new.version_of == old.article_id
        assert store.counts()["articles"] == 2


def test_article_round_trip(store_url: str) -> None:
    a = make_article("Fighting near the bridge went on all night.")
    with open_store(store_url) as store:
        store.add_article(a)
        back = store.load_article(a.id)
    assert back.text == a.text and back.raw_text == a.raw_text and back.offsets == a.offsets
    assert back.published == a.published and back.mentions == a.mentions and back.figures == a.figures
    assert back.notes == a.notes and back.sentences == a.sentences


def test_rejects_are_recorded_once(store_url: str) -> None:
    reject = Reject("bad.json", "read", "input.corrupt", "not valid JSON at line 1")
    with open_store(store_url) as store:
        assert store.add_reject(reject) is True
        assert store.add_reject(reject) is False
        assert [r["code"] for r in store.reject_rows()] == ["input.corrupt"]


def test_reopen_keeps_everything_and_schema(store_url: str) -> None:
    with open_store(store_url) as store:
        store.add_article(make_article("Aid convoys reached the north."))
    with open_store(store_url) as store:
        assert isinstance(store, Store) and store.counts()["articles"] == 1


def test_sqlite_store_is_write_ahead_logged(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "s.db") as store:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_full_text_search(store_url: str) -> None:
    with open_store(store_url) as store:
        store.add_article(make_article("Shelling hit the outskirts of Hamah overnight."))
        store.add_article(make_article("Talks resumed in Geneva."))
        hits = store.search("hamah")
    assert len(hits) == 1 and "[Hamah]" in hits[0]["snippet"]


@given(st.lists(st.integers(min_value=0, max_value=5), max_size=60))
def test_offsets_round_trip(gaps: list[int]) -> None:
    offsets, pos = [], 0
    for gap in gaps:
        pos += gap + 1
        offsets.append(pos)
    assert decode_offsets(encode_offsets(offsets)) == offsets


def test_mentions_point_at_their_entities(store_url: str) -> None:
    a = make_article("Fighters of the group advanced overnight.")
    with open_store(store_url) as store:
        store.add_article(a)
        store.set_mention_entities({(a.id, 0): "e42"})
        (row,) = store.annotation_rows("mentions")
        assert row["entity_id"] == "e42" and store.load_article(a.id).mentions[0].entity_id == "e42"


def test_batch_add_and_links(store_url: str) -> None:
    texts = ["Shelling resumed near the dam at dawn.", "A convoy left the port on Monday.",
             "Shelling resumed near the dam at dawn."]
    with open_store(store_url) as store:
        results = store.add_articles([make_article(t) for t in texts])
        assert [r.status for r in results] == ["added", "added", "exists"]
        ids = sorted(r.article_id for r in results[:2])
        store.set_links({ids[1]: ids[0]}, {ids[0]: "s1", ids[1]: "s1"})
        store.set_links({}, {ids[1]: "s2"}, reset=False)
        rows = {r["id"]: r for r in store.article_rows(include_text=False)}
        assert (rows[ids[1]]["duplicate_of"], rows[ids[1]]["story_id"], rows[ids[0]]["story_id"]) == (
            ids[0], "s2", "s1")
        assert [r["id"] for r in store.article_rows(ids=[ids[1]])] == [ids[1]]
        store.replace_entities([{"id": "e1", "name": "Zed", "type": "ORG"}, {"id": "e2", "name": "Abu"}])
        assert [e["name"] for e in store.entity_rows()] == ["Abu", "Zed"]
        assert store.published_dates() == {"2024-12-05"}


def test_bad_search_query_is_a_store_error(store_url: str) -> None:
    from crosswire.errors import StoreError

    with open_store(store_url) as store:
        store.add_article(make_article("Talks resumed in Geneva."))
        try:
            hits = store.search('"unclosed')
        except StoreError as err:
            assert err.code == "store" or err.code.startswith("store")
        else:  # websearch syntax forgives an open quote: then it is a phrase search
            assert hits == []


def test_concurrent_writers_store_each_report_once(store_url: str) -> None:
    """Two writers (own connections, own threads) adding overlapping reports: no error, no double."""
    from concurrent.futures import ThreadPoolExecutor

    if store_url.endswith(".db"):
        open_store(store_url).close()  # create the file before two writers race to
    texts = [f"Report number {n} on the fighting near the river crossing." for n in range(30)]

    def write(order: list[str]) -> list[str]:
        with open_store(store_url) as store:
            return [store.add_article(make_article(t)).status for t in order]

    with ThreadPoolExecutor(2) as pool:
        a, b = pool.map(write, [texts, texts[::-1]])
    assert sorted(a + b).count("added") == 30 and len(a + b) == 60
    with open_store(store_url) as store:
        assert store.counts()["articles"] == 30


def test_full_reads_page_through_a_store_larger_than_one_page(store_url: str, monkeypatch) -> None:  # noqa: ANN001
    """Reads of every row come in pages; a store bigger than a page is read whole, never truncated."""
    monkeypatch.setattr("crosswire.store.sql.PAGE_ROWS", 2)
    texts = [f"Report number {i} says the shelling of the town went on for a day." for i in range(5)]
    with open_store(store_url) as store:
        store.add_articles([make_article(t) for t in texts])
        for i in range(3):
            store.add_reject(Reject(f"bad-{i}.txt", "read", "encoding", "not UTF-8"))
        assert sorted(r["id"] for r in store.article_rows()) == sorted(article_id(t) for t in texts)
        assert len(store.annotation_rows("figures")) == 5
        assert [r["path"] for r in store.reject_rows()] == ["bad-0.txt", "bad-1.txt", "bad-2.txt"]


def test_brief_states_round_trip_and_only_the_last_are_kept(store_url: str) -> None:
    from crosswire.store.sql import KEEP_BRIEFS

    with open_store(store_url) as store:
        assert store.last_brief() is None
        for n in range(KEEP_BRIEFS + 3):
            store.add_brief({"reports": n, "events": [{"mentions": ["a-e0"]}], "figures": [], "disputes": []},
                            now=datetime(2031, 1, 1, tzinfo=UTC))
        last = store.last_brief()
        assert last is not None and last["reports"] == KEEP_BRIEFS + 2 and last["events"][0]["mentions"] == ["a-e0"]
        assert last["created_at"].startswith("2031-01-01")
        assert store.counts()["articles"] == 0
