"""The SQLite store: idempotent adds, versions, rejects, round trips, offsets, search."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from crosswire.model import Article, Figure, Mention, Note, Sentence, article_id
from crosswire.pipeline import Reject
from crosswire.store import Store
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


def test_same_report_twice_is_stored_once(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        first = store.add_article(make_article("Rebels entered the city on Thursday."))
        again = store.add_article(make_article("Rebels  entered the city on Thursday."))  # spacing only
        assert (first.status, again.status) == ("added", "exists")
        assert store.counts()["articles"] == 1


def test_changed_report_is_a_new_version(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        old = store.add_article(make_article("Attack on the city failed.", url="http://x/1"))
        new = store.add_article(make_article("Rebels entered the city; the army withdrew.", url="http://x/1"))
        assert new.status == "version" and new.version_of == old.article_id
        assert store.counts()["articles"] == 2


def test_article_round_trip(tmp_path: Path) -> None:
    a = make_article("Fighting near the bridge went on all night.")
    with Store(tmp_path / "s.db") as store:
        store.add_article(a)
        back = store.load_article(a.id)
    assert back.text == a.text and back.raw_text == a.raw_text and back.offsets == a.offsets
    assert back.published == a.published and back.mentions == a.mentions and back.figures == a.figures
    assert back.notes == a.notes and back.sentences == a.sentences


def test_rejects_are_recorded_once(tmp_path: Path) -> None:
    reject = Reject("bad.json", "read", "input.corrupt", "not valid JSON at line 1")
    with Store(tmp_path / "s.db") as store:
        assert store.add_reject(reject) is True
        assert store.add_reject(reject) is False
        assert [r["code"] for r in store.reject_rows()] == ["input.corrupt"]


def test_reopen_keeps_everything_and_schema(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.add_article(make_article("Aid convoys reached the north."))
    with Store(path) as store:
        assert store.counts()["articles"] == 1
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_full_text_search(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
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


def test_mentions_point_at_their_entities(tmp_path: Path) -> None:
    a = make_article("Fighters of the group advanced overnight.")
    with Store(tmp_path / "s.db") as store:
        store.add_article(a)
        store.set_mention_entities({(a.id, 0): "e42"})
        (row,) = store.annotation_rows("mentions")
        assert row["entity_id"] == "e42" and store.load_article(a.id).mentions[0].entity_id == "e42"
