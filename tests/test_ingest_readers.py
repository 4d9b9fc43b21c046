"""Each reader turns its format into Article records with the metadata the input carries."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from crosswire.ingest import ReadOptions, detect_format, read_inputs
from crosswire.model import Article
from crosswire.pipeline import Reject

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def read_all(*paths: Path, options: ReadOptions | None = None) -> tuple[list[Article], list[Reject]]:
    items = list(read_inputs(paths, options))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Reject)]


def test_plain_text_title_and_header_date() -> None:
    [article], rejects = read_all(FIXTURES / "plain_report.txt")
    assert rejects == []
    assert article.source_format == "txt"
    assert article.title == "Floodwaters Cut Off Two River Towns"
    assert article.published == datetime(2023, 3, 3, 18, 15, tzinfo=UTC)
    assert article.published_source == "text"
    assert article.language == "en"
    assert article.raw_text.startswith("Floodwaters Cut Off")
    assert article.meta["dates_seen"][0]["kind"] == "page"


def test_html_main_text_and_metadata() -> None:
    [article], _ = read_all(FIXTURES / "page.html")
    assert article.source_format == "html"
    assert article.title == "Harbour workers end a week-long strike"
    assert article.outlet == "Coastline Daily"
    assert article.byline == "Mara Lindqvist"
    assert article.published == datetime(2023, 6, 14, 9, 30, tzinfo=timezone(timedelta(hours=2)))
    assert article.published_source == "metadata"
    assert "new pay offer" in article.raw_text
    assert "Sport" not in article.raw_text  # navigation left out


def test_html_without_extractable_body_falls_back_to_visible_text(tmp_path: Path) -> None:
    page = tmp_path / "short.html"
    page.write_text("<html><body><script>var x = 1;</script><div>Bridge closed for repairs.</div></body></html>")
    [article], _ = read_all(page)
    assert "Bridge closed for repairs." in article.raw_text
    assert "var x" not in article.raw_text


def test_jsonl_bad_records_rejected_alone() -> None:
    articles, rejects = read_all(FIXTURES / "records.jsonl")
    assert [a.id for a in articles] == ["rec-1", "rec-3"]
    assert articles[0].outlet == "Valley Courier" and articles[0].url == "https://valley.example/school"
    assert articles[0].published == datetime(2022, 9, 5, 8, tzinfo=UTC)
    assert articles[1].raw_text.startswith("Farmers")  # `content` accepted as the text
    assert [(r.path.rsplit("#", 1)[1], r.code) for r in rejects] == [
        ("L2", "input.corrupt"), ("L4", "input.empty"), ("L5", "input.corrupt")]
    assert all(r.stage == "read" for r in rejects)


def test_json_array_and_single_object(tmp_path: Path) -> None:
    articles, rejects = read_all(FIXTURES / "records_array.json")
    assert [a.id for a in articles] == ["arr-1", "arr-2"] and rejects == []
    assert articles[0].published == datetime(2023, 1, 8, 19, 45, tzinfo=UTC)
    single = tmp_path / "one.json"
    single.write_text('{"text": "The museum reopened its east wing after a long restoration of the roof.", '
                      '"published": "not a date at all"}')
    [article], _ = read_all(single)
    assert article.published is None
    assert [n.code for n in article.notes] == ["published.unreadable"]


def test_rss_items_and_local_link() -> None:
    articles, rejects = read_all(FIXTURES / "feed.rss")
    linked, inline = articles
    assert linked.source_path.endswith("road.html") and linked.source_format == "html"
    assert "retaining wall" in linked.raw_text
    assert linked.outlet == "Northern Ledger"
    assert linked.published == datetime(2023, 10, 10, 14, tzinfo=UTC)
    assert linked.meta["feed_link"] == "items/road.html"
    assert inline.source_format == "rss" and inline.url == "https://ledger.example/bus-lanes"
    assert inline.raw_text.startswith("The city council voted") and "<p>" not in inline.raw_text
    assert [r.code for r in rejects] == ["input.empty"]


def test_feed_link_outside_the_feed_folder_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("This file sits outside the feed folder and must not be read.")
    feed_dir = tmp_path / "feed"
    feed_dir.mkdir()
    (feed_dir / "f.rss").write_text(
        '<rss version="2.0"><channel><title>T</title><item><title>x</title><link>../secret.txt</link>'
        "<description>The summary of the item is used instead of the linked file.</description>"
        "</item></channel></rss>")
    [article], _ = read_all(feed_dir / "f.rss")
    assert "summary of the item" in article.raw_text


def _warc_bytes(records: list[tuple[str, str, bytes]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, content_type, payload in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.0")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), length=len(payload),
                                           http_headers=headers,
                                           warc_headers_dict={"WARC-Date": "2023-11-02T07:00:00Z"})
        writer.write_record(record)
    return buffer.getvalue()


def test_warc_html_responses(tmp_path: Path) -> None:
    html = (FIXTURES / "items" / "road.html").read_bytes()
    archive = tmp_path / "crawl.warc.gz"
    archive.write_bytes(_warc_bytes([("https://roads.example/pass", "text/html; charset=utf-8", html),
                                     ("https://roads.example/logo.png", "image/png", b"\x89PNG\x00")]))
    [article], rejects = read_all(archive)
    assert rejects == []
    assert article.source_format == "warc" and article.url == "https://roads.example/pass"
    assert "retaining wall" in article.raw_text
    assert article.meta["warc_date"] == "2023-11-02T07:00:00Z"
    assert article.published == datetime(2023, 11, 2, 7, tzinfo=UTC)
    assert article.published_source == "inferred"


def test_folder_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    for name in ("b/2.txt", "a/1.txt", "c.txt", ".hidden.txt"):
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(f"Report {name} says the harbour was calm and boats sailed as usual today.")
    articles, _ = read_all(tmp_path)
    assert [Path(a.source_path).relative_to(tmp_path).as_posix() for a in articles] == ["a/1.txt", "b/2.txt", "c.txt"]


def test_user_published_wins_or_falls_back() -> None:
    given = datetime(2020, 1, 1, tzinfo=UTC)
    [article], _ = read_all(FIXTURES / "plain_report.txt", options=ReadOptions(published=given, outlet="Desk"))
    assert (article.published, article.published_source, article.outlet) == (given, "user", "Desk")
    assert article.meta["published_found"]["source"] == "text"
    fallback = ReadOptions(published=given, published_wins=False)
    [article], _ = read_all(FIXTURES / "plain_report.txt", options=fallback)
    assert article.published_source == "text"


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("a.txt", b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
    ("a.data", b"Just a line of plain text about a harbour.", "txt"),
    ("a.xml", b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>', "feed"),
    ("a", b'{"text": "x"}', "json"),
])
def test_format_detection(tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert detect_format(path) == expected
