"""Web archives (.warc, .warc.gz): one report per successful HTML or plain-text response record.

HTML responses go through the HTML reader; the record's target URI is kept as the article URL and
its WARC-Date in `meta["warc_date"]`. The WARC-Date is when the page was crawled, so it is used as
the publication time only when neither the page's metadata nor its text gives one, and then with
published_source "inferred" (the report was published no later than that).
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import CorruptInput, EmptyInput, InputError, TooLarge
from ..model import Article
from ..pipeline import Reject
from .checks import bytes_to_text, check_size
from .dates import parse_datetime_value
from .html import html_to_article
from .options import ReadOptions
from .records import Found, apply_user_published, reject
from .text import text_to_article

_READ_TYPES = ("response", "resource")


def read_warc_file(path: Path, options: ReadOptions) -> Iterator[Article | Reject]:
    """Every HTML or text response in a WARC file; a damaged archive ends with a CorruptInput reject."""
    check_size(path.stat().st_size, options.max_container_bytes, str(path))
    check_warc_start(path, options.max_container_bytes)
    used = 0
    with path.open("rb") as stream:
        for index, record in enumerate(_records(stream, path)):
            item = _read_record(record, index, path, options)
            if item is not None:
                used += 1
                yield item
    if not used:
        raise EmptyInput("the WARC file holds no HTML or plain-text responses to read", path=str(path))


MAX_HEADER_BYTES = 64 * 1024  # the first record's header block must end within this
CHUNK_BYTES = 1024 * 1024


def check_warc_start(path: Path, max_bytes: int = 1024 ** 3) -> None:
    """Refuse a file that does not begin with a WARC record header of a sane length (after gunzip when
    it is gzipped), or that unpacks to more than `max_bytes`."""
    try:
        with path.open("rb") as raw:
            magic = raw.read(2)
        opener = gzip.open if magic == b"\x1f\x8b" else open
        with opener(path, "rb") as stream:
            start = stream.read(MAX_HEADER_BYTES)  # bounded: a bomb's first line is never read whole
            if magic == b"\x1f\x8b":
                check_decompressed_size(stream, len(start), max_bytes, path)
    except (OSError, EOFError, zlib.error) as err:
        raise CorruptInput(f"damaged WARC file ({err}); re-export the archive", path=str(path)) from err
    if not start.startswith(b"WARC/"):
        raise CorruptInput("the file does not start with a WARC record header; give a .warc or .warc.gz "
                           "archive", path=str(path))
    if b"\r\n\r\n" not in start and b"\n\n" not in start:
        raise CorruptInput(f"the first WARC record header is longer than {MAX_HEADER_BYTES:,} bytes (a real one "
                           "is a few hundred); the archive is damaged or hostile", path=str(path))


def check_decompressed_size(stream: Any, read: int, limit: int, path: Path) -> None:
    """Refuse a .warc.gz that unpacks to more than `limit` bytes, reading it in bounded chunks."""
    while chunk := stream.read(CHUNK_BYTES):
        read += len(chunk)
        if read > limit:
            raise TooLarge(f"the archive unpacks to more than {limit:,} bytes; split it, or raise the "
                           "limit in ReadOptions.max_container_bytes", path=str(path))


def _records(stream: Any, path: Path) -> Iterator[Any]:
    """The archive's records; warcio's assorted errors on damaged input become CorruptInput."""
    from warcio.archiveiterator import ArchiveIterator

    try:
        records = iter(ArchiveIterator(stream))
        while True:
            try:
                record = next(records)
            except StopIteration:
                return
            yield record
    except Exception as err:  # warcio raises ArchiveLoadFailed, zlib/EOF/Value/Attribute errors
        raise CorruptInput(f"damaged WARC file ({type(err).__name__}: {err}); re-export the archive",
                           path=str(path)) from err


def _read_record(record: Any, index: int, path: Path, options: ReadOptions) -> Article | Reject | None:
    if record.rec_type not in _READ_TYPES:
        return None
    kind = _content_kind(record)
    if kind is None:
        return None
    where = f"{path}#{index}"
    try:
        return _record_to_article(record, kind, where, path, options)
    except InputError as err:
        return reject(err, where)


def _content_kind(record: Any) -> str | None:
    """"html" or "text" for a successful response worth reading, else None."""
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    content_type = content_type.lower()
    if "html" in content_type:
        return "html"
    if content_type.startswith("text/plain"):
        return "text"
    return None


def _record_to_article(record: Any, kind: str, where: str, path: Path, options: ReadOptions) -> Article:
    payload = record.content_stream().read(options.max_bytes + 1)
    check_size(len(payload), options.max_bytes, where)
    text = bytes_to_text(payload, where)
    url = record.rec_headers.get_header("WARC-Target-URI")
    warc_date = record.rec_headers.get_header("WARC-Date")
    found = Found(path=str(path), format="warc", url=url,
                  meta={"warc_date": warc_date, "warc_record": index_of(where),
                        "warc_record_id": record.rec_headers.get_header("WARC-Record-ID")})
    article = html_to_article(text, found, options) if kind == "html" else text_to_article(text, found, options)
    crawled = parse_datetime_value(warc_date)
    if article.published is None and crawled is not None:
        article.published, article.published_source = crawled, "inferred"
    apply_user_published(article, options)
    return article


def index_of(where: str) -> int:
    return int(where.rsplit("#", 1)[1])
