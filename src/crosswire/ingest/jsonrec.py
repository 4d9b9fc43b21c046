"""JSON and JSON Lines inputs: one report per record.

A record is an object with the report's text under `text` or `content` (also `body`), and
optionally `id`, `title`, `url`, `outlet`, `published` (also `date`, `dct`), `byline`/`author` and
`language`. A `.json` file may hold one record, an array of records, or an object whose
`articles`/`items`/`records`/`documents`/`data` list holds them. A bad record becomes its own
`Reject` (path `file#L<line>` for JSON Lines, `file#<index>` for arrays) and the others are read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import CorruptInput, EmptyInput, EncodingError, InputError
from ..model import Article, Note
from ..pipeline import Reject
from .checks import bytes_to_text, check_not_binary, check_size, decode_text, read_bytes_checked
from .dates import parse_datetime_value
from .options import ReadOptions
from .records import READ_STAGE, Found, build_article, reject

TEXT_KEYS = ("text", "content", "body")
ID_KEYS = ("id", "doc_id", "_id")
TITLE_KEYS = ("title", "headline")
URL_KEYS = ("url", "link", "uri")
OUTLET_KEYS = ("outlet", "sitename", "publisher", "source")
PUBLISHED_KEYS = ("published", "date", "dct", "published_at", "pubdate", "datetime")
BYLINE_KEYS = ("byline", "author", "authors")
LIST_KEYS = ("articles", "items", "records", "documents", "data")


def read_json_file(path: Path, options: ReadOptions) -> Iterator[Article | Reject]:
    """Every record of a .json file (one object, an array, or an object holding a list)."""
    text = bytes_to_text(read_bytes_checked(path, options.max_container_bytes), str(path))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        if _looks_like_json_lines(text):
            yield from _read_lines(text, path, options)
            return
        raise CorruptInput(f"malformed JSON at line {err.lineno}, column {err.colno}: {err.msg}; "
                           "fix the file or give one JSON object per line (.jsonl)", path=str(path)) from err
    for index, record in _records_of(data, path):
        yield _record_or_reject(record, f"{path}#{index}", str(path), index, options)


def read_jsonl_file(path: Path, options: ReadOptions) -> Iterator[Article | Reject]:
    """Every record of a JSON Lines file; a malformed line (bad JSON, a NUL, bytes that are not UTF-8
    in a UTF-8 file) is rejected alone, with its line number. A file in another encoding throughout
    is decoded by a charset guess, recorded on each report (`meta["encoding"]`)."""
    data = read_bytes_checked(path, options.max_container_bytes)
    if not data.strip():
        raise EmptyInput("input is empty or holds only whitespace; remove it or give the report's text",
                         path=str(path))
    check_not_binary(data.replace(b"\x00", b""), str(path))  # a stray NUL rejects its line, not the file
    try:
        text, encoding = data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        if not _mostly_utf8(data):
            text, encoding = decode_text(data, str(path)), "guessed"
        else:
            yield from _read_lines_bytes(data, path, options)
            return
    yield from _read_lines(text, path, options, encoding)


def _mostly_utf8(data: bytes) -> bool:
    """Whether some line with non-ASCII bytes is valid UTF-8 (so the file is UTF-8 with a few bad lines)."""
    for line in data.split(b"\n"):
        if max(line, default=0) > 127:
            try:
                line.decode("utf-8")
                return True
            except UnicodeDecodeError:
                continue
    return False


def _read_lines_bytes(data: bytes, path: Path, options: ReadOptions) -> Iterator[Article | Reject]:
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as err:
            where = f"{path}#L{number}"
            yield reject(EncodingError(f"line {number} is not UTF-8 (byte 0x{raw[err.start]:02x} at column "
                                       f"{err.start + 1}) while the rest of the file is; fix or remove that line",
                                       path=where), where)
            continue
        yield from _read_lines(line, path, options, None, first=number)


def _read_lines(text: str, path: Path, options: ReadOptions, encoding: str | None = None,
                first: int = 1) -> Iterator[Article | Reject]:
    for number, line in enumerate(text.split("\n"), start=first):
        if not line.strip():
            continue
        where = f"{path}#L{number}"
        if "\x00" in line:
            yield reject(CorruptInput(f"line {number} holds a NUL byte; fix or remove that line", path=where), where)
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield reject(CorruptInput(f"line {number} is not valid JSON ({err.msg}, column {err.colno}); "
                                      "fix or remove that line", path=where), where)
            continue
        item = _record_or_reject(record, where, str(path), number, options)
        if encoding and isinstance(item, Article):
            item.meta["encoding"] = "not UTF-8; decoded by a charset guess"
        yield item


def _looks_like_json_lines(text: str) -> bool:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return len(lines) > 1 and all(line.startswith("{") for line in lines[:5])


def _records_of(data: Any, path: Path) -> Iterator[tuple[int, Any]]:
    if isinstance(data, list):
        yield from enumerate(data)
        return
    if isinstance(data, dict):
        if any(key in data for key in TEXT_KEYS):
            yield 0, data
            return
        for key in LIST_KEYS:
            if isinstance(data.get(key), list):
                yield from enumerate(data[key])
                return
    raise CorruptInput("the JSON holds no report: give an object with `text` or `content`, or a list of "
                       "such objects", path=str(path))


def _record_or_reject(record: Any, where: str, path: str, number: int,
                      options: ReadOptions) -> Article | Reject:
    try:
        return record_to_article(record, where, path, number, options)
    except InputError as err:
        return reject(err, where)


def record_to_article(record: Any, where: str, path: str, number: int, options: ReadOptions) -> Article:
    """One report from one JSON record; raises an InputError saying what is wrong with it."""
    if not isinstance(record, dict):
        raise CorruptInput(f"record is a JSON {type(record).__name__}, not an object; give each report as "
                           "an object with `text` or `content`", path=where)
    text = _first_string(record, TEXT_KEYS)
    if text is None or not text.strip():
        raise EmptyInput("record has no `text` or `content`; add the report's text or drop the record",
                         path=where)
    check_size(len(text.encode("utf-8")), options.max_bytes, where)
    found = _found_from_record(record, path, number)
    article = build_article(text, found, options)
    raw_published = _first_value(record, PUBLISHED_KEYS)
    if raw_published not in (None, "") and found.published is None:
        article.meta["published_raw"] = raw_published
        article.notes.append(Note(READ_STAGE, "published.unreadable",
                                  f"the record's date {raw_published!r} could not be read; "
                                  "give it as ISO 8601 (2024-12-05T10:40:00Z)"))
    return article


def _found_from_record(record: dict[str, Any], path: str, number: int) -> Found:
    record_id = _first_value(record, ID_KEYS)
    record_id = str(record_id) if record_id not in (None, "") else ""
    published = parse_datetime_value(_first_value(record, PUBLISHED_KEYS))
    meta: dict[str, Any] = {"record": number}
    if record_id:
        meta["record_id"] = record_id
    return Found(
        path=path, format="jsonl" if path.endswith((".jsonl", ".ndjson")) else "json",
        title=_first_string(record, TITLE_KEYS), outlet=_first_string(record, OUTLET_KEYS),
        url=_first_string(record, URL_KEYS), byline=_byline(record), published=published,
        id=record_id, language=_first_string(record, ("language", "lang")), meta=meta)


def _first_value(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        if record.get(key) not in (None, ""):
            return record[key]
    return None


def _first_string(record: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _byline(record: dict[str, Any]) -> str | None:
    value = _first_value(record, BYLINE_KEYS)
    if isinstance(value, list):
        names = [str(v) for v in value if isinstance(v, str) and v.strip()]
        return ", ".join(names) or None
    return value if isinstance(value, str) else None
