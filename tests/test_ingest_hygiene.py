"""Input hygiene: a bad line rejects that line only, bad bytes are decoded with a recorded reason,
invisible characters leave metadata, impossible publication dates are refused."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from crosswire.ingest import ReadOptions, read_inputs
from crosswire.ingest.hygiene import clean_field
from crosswire.model import Article
from crosswire.pipeline import Reject

TEXT = "Harbour reopens\n\nThe harbour at Southport reopened to fishing boats on Monday, the port office said.\n"


def _split(items: list[Article | Reject]) -> tuple[list[Article], list[Reject]]:
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Reject)]


def test_one_nul_or_bad_byte_rejects_only_its_line(tmp_path: Path) -> None:
    good = json.dumps({"id": "a", "text": TEXT + " café"}, ensure_ascii=False).encode()
    lines = [good, b'{"id": "b", "text": "nul \x00 here"}', b'{"id": "c", "text": "bad \xff byte"}',
             json.dumps({"id": "d", "text": TEXT.replace("Monday", "Friday")}).encode()]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    articles, rejects = _split(list(read_inputs([path])))
    assert [a.id for a in articles] == ["a", "d"]
    assert sorted((r.path or "").rsplit("#", 1)[1] for r in rejects) == ["L2", "L3"]
    assert {r.code for r in rejects} == {"input.corrupt", "input.encoding"}


def test_a_file_in_another_encoding_is_decoded_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Réfugiés à Genève\n\nLes réfugiés sont arrivés à Genève lundi, a dit le maire.\n".encode("cp1252"))
    [article] = list(read_inputs([path]))
    assert isinstance(article, Article) and "Réfugiés" in article.raw_text
    assert "not UTF-8" in article.meta["encoding"] and any(n.code == "input.decoded" for n in article.notes)


def test_utf8_files_have_no_decoding_note(tmp_path: Path) -> None:
    path = tmp_path / "utf8.txt"
    path.write_text(TEXT + "Genève\n", encoding="utf-8")
    [article] = list(read_inputs([path]))
    assert isinstance(article, Article) and "encoding" not in article.meta


def test_invisible_characters_leave_metadata(tmp_path: Path) -> None:
    record = {"id": "r\u200b1\u202e", "title": "Harbour\u202e reopens\u200d\x00", "outlet": "Port\u2066 News\u2069",
              "byline": "By\u200b Ann\x07 Lee", "text": TEXT}
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(record) + "\n")
    [article] = list(read_inputs([path]))
    assert isinstance(article, Article)
    assert (article.id, article.title, article.outlet, article.byline) == ("r1", "Harbour reopens", "Port News",
                                                                          "By Ann Lee")
    assert clean_field("\u200b\u200f") is None


def test_impossible_publication_dates_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "dates.jsonl"
    rows = [{"id": "f", "text": TEXT, "published": "2099-01-01T00:00:00Z"},
            {"id": "o", "text": TEXT.replace("Monday", "Sunday"), "published": "1066-10-14"},
            {"id": "k", "text": TEXT.replace("Monday", "Tuesday"), "published": "2024-12-05"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    latest = datetime(2026, 1, 1, tzinfo=UTC)
    articles = {a.id: a for a in _split(list(read_inputs([path], ReadOptions(latest=latest))))[0]}
    assert articles["f"].published is None and articles["o"].published is None
    assert articles["f"].meta["published_refused"].startswith("2099")
    assert any(n.code == "published.refused" for n in articles["f"].notes)
    assert articles["k"].published == datetime(2024, 12, 5, tzinfo=UTC) or articles["k"].published.year == 2024


def test_warc_whose_first_header_line_never_ends(tmp_path: Path) -> None:
    import gzip
    import time

    path = tmp_path / "bomb.warc.gz"
    with gzip.open(path, "wb") as stream:
        stream.write(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x/" + b"a" * 30_000_000)
    start = time.perf_counter()
    [item] = list(read_inputs([path]))
    assert isinstance(item, Reject) and item.code == "input.corrupt" and "longer than" in item.message
    assert time.perf_counter() - start < 10


def test_warc_that_unpacks_past_the_limit(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "big.warc.gz"
    with gzip.open(path, "wb") as stream:
        stream.write(b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 5000000\r\n\r\n" + b"b" * 5_000_000)
    [item] = list(read_inputs([path], ReadOptions(max_container_bytes=1_000_000)))
    assert isinstance(item, Reject) and item.code == "input.too_large"
