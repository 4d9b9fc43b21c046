"""Fuzzing (Hypothesis, fixed budget): no input makes a reader or the per-report pipeline raise
anything but a coded CrosswireError; every reader turns any bytes into Articles or Rejects."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosswire.errors import CrosswireError
from crosswire.ingest import read_inputs
from crosswire.model import Article
from crosswire.pipeline import Reject

SUFFIXES = [".txt", ".html", ".json", ".jsonl", ".xml", ".warc", ".warc.gz", ".md", ""]
FRAGMENTS = [b"<html><body><p>", b"</p>", b"<?xml version='1.0'?><rss><channel><item><title>", b"</item>",
             b'{"text": "', b'", "id": 1}\n', b"WARC/1.0\r\nWARC-Type: response\r\n\r\n", b"\x00", b"\xff\xfe",
             b"\xe2\x80\xae", b"\n", b"Rebels entered the town on Monday, officials said. ", b"<!ENTITY a 'x'>",
             b"\x1f\x8b", b"]]>", b"&a;", b"2099-01-01"]
BUDGET = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

hostile_bytes = st.one_of(st.binary(max_size=600),
                          st.lists(st.sampled_from(FRAGMENTS) | st.binary(max_size=20), max_size=25).map(b"".join))


@BUDGET
@given(data=hostile_bytes, suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_read_as_articles_or_rejects(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        for item in read_inputs([path]):
            assert isinstance(item, Article | Reject)
            if isinstance(item, Article):
                assert item.raw_text.strip()
            else:
                assert item.code.startswith("input") and item.message


records = st.dictionaries(st.sampled_from(["id", "text", "title", "url", "outlet", "published", "author", "content"]),
                          st.one_of(st.text(max_size=80), st.integers(), st.none(), st.lists(st.text(max_size=5))),
                          max_size=6)


@BUDGET
@given(rows=st.lists(records, max_size=6))
def test_any_json_lines_read_record_by_record(rows: list[dict[str, object]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "records.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        items = list(read_inputs([path]))
        assert all(isinstance(i, Article | Reject) for i in items)
        assert len(items) <= max(1, len(rows))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=400))
def test_pipeline_never_crashes(full_pipeline, text: str) -> None:
    article = Article(raw_text=text, source_path="fuzz.txt")
    try:
        done = full_pipeline(article)
    except CrosswireError as err:
        assert err.code and err.message
        return
    for kind in ("sentences", "mentions", "places", "times", "figures", "events", "claims"):
        for item in getattr(done, kind):
            start, end = getattr(item, "start", None), getattr(item, "end", None)
            if start is not None and end is not None:
                assert 0 <= start <= end <= len(done.text), (kind, item)
