"""Hostile and broken files, one class each: every one is read as reports or refused with a coded reason,
quickly and without reading beyond what it may (no entity expansion, no external entity, no unpacking)."""

from __future__ import annotations

import gzip
import json
import time
from pathlib import Path

import pytest

from crosswire.ingest import ReadOptions, read_inputs
from crosswire.model import Article
from crosswire.pipeline import Reject

TEXT = "Bridge reopens\n\nThe old bridge at Westmoor reopened to traffic on Monday, the council said.\n"
FEED = ('<?xml version="1.0"?>{doctype}<rss><channel><item><title>{title}</title>'
        "<description>{body}</description></item></channel></rss>")


def _read(path: Path, data: bytes, options: ReadOptions | None = None) -> tuple[list[Article | Reject], float]:
    path.write_bytes(data)
    start = time.perf_counter()
    items = list(read_inputs([path], options))
    return items, time.perf_counter() - start


def _one(items: list[Article | Reject]) -> Article | Reject:
    assert len(items) == 1, items
    return items[0]


def test_billion_laughs_feed_is_refused(tmp_path: Path) -> None:
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY b{i} "{("&b" + str(i - 1) + ";") * 10 if i else "&a;"}">' for i in range(9))
    feed = FEED.format(doctype=f"<!DOCTYPE l [{entities}]>", title="&b8;", body="words")
    items, seconds = _read(tmp_path / "laughs.xml", feed.encode())
    reject = _one(items)
    assert isinstance(reject, Reject) and reject.code == "input.corrupt" and reject.message
    assert seconds < 5


@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE r [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>',
    '<!DOCTYPE r [<!ENTITY x SYSTEM "http://127.0.0.1:9/leak">]>',
])
def test_external_entities_are_never_fetched(tmp_path: Path, doctype: str) -> None:
    feed = FEED.format(doctype=doctype, title="Bridge &x; reopens", body="The bridge &x; reopened on Monday.")
    items, _ = _read(tmp_path / "xxe.xml", feed.encode())
    for item in items:
        shown = item.raw_text + (item.title or "") if isinstance(item, Article) else item.message
        assert "root:" not in shown and "/bin/" not in shown


def test_gzip_bomb_is_refused_without_unpacking(tmp_path: Path) -> None:
    items, seconds = _read(tmp_path / "bomb.txt.gz", gzip.compress(b"0" * 30_000_000))
    reject = _one(items)
    assert isinstance(reject, Reject) and reject.code == "input.unsupported" and seconds < 2


def test_a_file_past_the_size_cap_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:  # a sparse 50 MB file: nothing to read if the size is checked first
        stream.truncate(50_000_000)
    start = time.perf_counter()
    reject = _one(list(read_inputs([path])))
    assert isinstance(reject, Reject) and reject.code == "input.too_large"
    assert "--max-bytes" not in reject.message and "max_bytes" in reject.message
    assert time.perf_counter() - start < 2


def test_deeply_nested_html_keeps_its_text(tmp_path: Path) -> None:
    page = "<html><body>" + "<div>" * 50_000 + TEXT + "</div>" * 50_000 + "</body></html>"
    items, seconds = _read(tmp_path / "deep.html", page.encode())
    article = _one(items)
    assert isinstance(article, Article) and "reopened to traffic on Monday" in article.raw_text
    assert seconds < 20


def test_malformed_html_is_read(tmp_path: Path) -> None:
    page = b"<html><body><p>The old bridge at Westmoor <b><i>reopened <table><tr><td>on Monday, the council said."
    article = _one(_read(tmp_path / "broken.html", page)[0])
    assert isinstance(article, Article) and "reopened" in article.raw_text and "<" not in article.raw_text


def test_html_declaring_the_wrong_encoding_is_decoded(tmp_path: Path) -> None:
    body = "Les réfugiés sont arrivés à Genève lundi, a dit le maire de la ville, et les écoles les accueillent."
    page = f'<html><head><meta charset="utf-8"><title>Réfugiés</title></head><body><p>{body}</p></body></html>'
    article = _one(_read(tmp_path / "declared.html", page.encode("cp1252"))[0])
    assert isinstance(article, Article) and "réfugiés sont arrivés à Genève" in article.raw_text


def test_feed_declaring_the_wrong_encoding_is_refused_with_its_reason(tmp_path: Path) -> None:
    feed = FEED.format(doctype="", title="Réfugiés", body="Les réfugiés sont arrivés à Genève lundi.")
    feed = feed.replace('version="1.0"?>', 'version="1.0" encoding="utf-8"?>')
    reject = _one(_read(tmp_path / "declared.xml", feed.encode("cp1252"))[0])
    assert isinstance(reject, Reject) and reject.code == "input.corrupt" and "encoding" in reject.message


@pytest.mark.parametrize(("name", "data"), [
    ("cut.json", b'{"text": "The bridge reopened on Mon'),
    ("cut.xml", FEED.format(doctype="", title="Bridge", body="The bridge reopened").encode()[:-40]),
    ("cut.warc.gz", gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5000\r\n\r\n"
                                  b"HTTP/1.1 200 OK\r\n\r\n<p>The bridge reopened")[:-12]),
])
def test_truncated_files_are_refused_as_corrupt(tmp_path: Path, name: str, data: bytes) -> None:
    reject = _one(_read(tmp_path / name, data)[0])
    assert isinstance(reject, Reject) and reject.code == "input.corrupt" and ";" in reject.message


def test_mixed_scripts_and_bidi_controls(tmp_path: Path) -> None:
    text = ("Bridge \u202eopens\u202c at Харків\n\nThe bridge between Харків and حماه reopened on Monday\u200b, "
            "the council said; 橋は月曜日に再開された.\n")
    article = _one(_read(tmp_path / "mixed.txt", text.encode())[0])
    assert isinstance(article, Article) and "Харків and حماه" in article.raw_text and "橋" in article.raw_text
    record = {"id": "m\u202e1", "title": "Bridge \u202eopens\u202c at Харків", "outlet": "حماه\u200f News",
              "text": text}
    article = _one(_read(tmp_path / "mixed.jsonl", (json.dumps(record) + "\n").encode())[0])
    assert isinstance(article, Article)
    assert (article.id, article.title, article.outlet) == ("m1", "Bridge opens at Харків", "حماه News")


def test_a_gigantic_single_line_file_is_one_report(tmp_path: Path) -> None:
    line = ("The convoy reached the town on Monday, officials said. " * 40_000).encode()  # 2.2 MB, no line break
    items, seconds = _read(tmp_path / "one-line.txt", line)
    article = _one(items)
    assert isinstance(article, Article) and len(article.raw_text) == len(line.decode()) and seconds < 10


def test_broken_lines_of_a_jsonl_file_are_refused_alone(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "a", "text": TEXT}), '{"id": "b", "text": "cut', "[1, 2]", "",
             json.dumps({"id": "c", "text": TEXT.replace("Monday", "Friday")}), '{"id": "d"}']
    items, _ = _read(tmp_path / "broken.jsonl", ("\n".join(lines) + "\n").encode())
    assert [i.id for i in items if isinstance(i, Article)] == ["a", "c"]
    assert all(r.code.startswith("input.") and r.message for r in items if isinstance(r, Reject))
    assert len([i for i in items if isinstance(i, Reject)]) == 3
