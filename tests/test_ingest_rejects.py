"""Every kind of unreadable input becomes one Reject with a stable code and a message saying what to do."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from crosswire.errors import EncodingError
from crosswire.ingest import ReadOptions, read_inputs
from crosswire.ingest.checks import decode_text
from crosswire.model import Article
from crosswire.pipeline import Reject

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def only_reject(path: Path, options: ReadOptions | None = None) -> Reject:
    items = list(read_inputs([path], options))
    assert len(items) == 1 and isinstance(items[0], Reject), items
    assert items[0].stage == "read"
    return items[0]


@pytest.mark.parametrize(("name", "code"), [
    ("empty.txt", "input.empty"),
    ("whitespace_only.txt", "input.empty"),
    ("image.txt", "input.binary"),
    ("bad_utf16.txt", "input.encoding"),
    ("corrupt.json", "input.corrupt"),
    ("corrupt.xml", "input.corrupt"),
    ("not_a_feed.xml", "input.unsupported"),
])
def test_fixture_rejects(name: str, code: str) -> None:
    reject = only_reject(FIXTURES / name)
    assert reject.code == code
    assert reject.path.endswith(name)
    assert ";" in reject.message  # says what is wrong; what to do


def test_random_high_bytes_are_refused_as_undecodable(tmp_path: Path) -> None:
    noise = random.Random(7)
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(noise.randrange(0x80, 0x100) for _ in range(2000)))
    assert only_reject(path).code == "input.encoding"


def test_legacy_western_encoding_is_decoded() -> None:
    text = "Le caf\u00e9 du port \u00e9tait ferm\u00e9 pendant la gr\u00e8ve des dockers, a dit le maire."
    assert decode_text(text.encode("cp1252"), None) == text


def test_decode_refuses_invalid_utf16() -> None:
    with pytest.raises(EncodingError):
        decode_text(b"\xff\xfe\x00\xdc\x00\xdc", None)


def test_oversized_file_and_record(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("The river rose again overnight. " * 100)
    reject = only_reject(big, ReadOptions(max_bytes=1000))
    assert reject.code == "input.too_large" and "max_bytes" in reject.message
    records = tmp_path / "r.jsonl"
    records.write_text('{"text": "' + "word " * 400 + '"}\n{"text": "A short record that fits."}\n')
    items = list(read_inputs([records], ReadOptions(max_bytes=1000)))
    assert [type(i).__name__ for i in items] == ["Reject", "Article"]
    assert items[0].code == "input.too_large"


def test_unknown_binary_extension_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.7\n\x00\x01\x02\x03binary")
    assert only_reject(path).code == "input.unsupported"


def test_missing_path() -> None:
    reject = only_reject(FIXTURES / "does-not-exist.txt")
    assert reject.code == "input.missing" and "no such file" in reject.message


def test_corrupt_warc(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort")
    assert only_reject(path).code in ("input.corrupt", "input.empty")
    gz = tmp_path / "bad.warc.gz"
    gz.write_bytes(b"\x1f\x8b\x08\x00garbage that is not gzip at all")
    assert only_reject(gz).code == "input.corrupt"


def test_good_inputs_still_read_beside_bad_ones(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("")
    (tmp_path / "b.txt").write_text("The ferry service resumed on Monday after the storm had passed.")
    items = list(read_inputs([tmp_path]))
    assert [type(i) for i in items] == [Reject, Article]
