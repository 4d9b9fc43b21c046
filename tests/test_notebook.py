"""crosswire.open(db): every record of a kind, as dicts or DataFrames, from a read-only store."""

from __future__ import annotations

import pytest
from tests.web_fixtures import build_store

import crosswire


@pytest.fixture(scope="module")
def cw(tmp_path_factory):
    return crosswire.open(build_store(tmp_path_factory.mktemp("nb") / "store.db"))


def test_records_as_dicts_with_filters(cw):
    mentions = cw.event_mentions(as_frame=False)
    assert {e["id"] for e in mentions} == {"rep-a-e0", "rep-a-e1", "rep-b-e0", "rep-b-e1"}
    assert [e["id"] for e in cw.event_mentions(type="Battles", as_frame=False)] == ["rep-b-e1"]
    events = cw.events(as_frame=False)  # merged: the shelling and the clash in Dunmore are one event
    assert len(events) == 3 and sorted(len(e["mentions"]) for e in events) == [1, 1, 2]
    assert [len(e["mentions"]) for e in cw.events(actor="militia", as_frame=False)] == [2]
    assert len(cw.events(story="story-1", article="rep-b", as_frame=False)) == 2
    assert [f["value"] for f in cw.figures(as_frame=False)] == [14, 9]
    assert cw.stories(as_frame=False)[0]["articles"] == ["rep-a", "rep-b"]
    assert cw.search("convoys", as_frame=False)[0]["article_id"] == "rep-b"


def test_dataframes_when_pandas_is_installed(cw):
    pandas = pytest.importorskip("pandas")
    frame = cw.event_mentions(mapped=True)
    assert isinstance(frame, pandas.DataFrame) and len(frame) == 3
    assert len(cw.events()) == 3
    assert list(cw.entities()["name"]) == ["Militia"]


def test_a_missing_store_is_a_clear_error(tmp_path):
    from crosswire.errors import StoreError

    with pytest.raises(StoreError, match="no store at"):
        crosswire.open(tmp_path / "none.db")
