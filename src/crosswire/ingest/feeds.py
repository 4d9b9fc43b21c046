"""RSS and Atom feeds: one report per item.

An item's text is its content or summary (HTML fragments reduced to visible text). When the item's
link names a file beside the feed (a relative path or a file: URL that resolves inside the feed's
folder), that file is read instead, with the item's title, link and date as metadata. Links are
never fetched: crosswire works offline. The XML is checked with entity resolution and network
access turned off before feedparser reads it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from ..errors import CorruptInput, EmptyInput, InputError, UnsupportedFormat
from ..model import Article
from ..pipeline import Reject
from .checks import bytes_to_text, check_size, read_bytes_checked
from .html import visible_text
from .options import ReadOptions
from .records import Found, apply_user_published, build_article, reject

FEED_ROOTS = ("rss", "feed", "rdf")
ReadLocal = Callable[[Path, ReadOptions], Iterator[Article | Reject]]


def read_feed_file(path: Path, options: ReadOptions, read_local: ReadLocal) -> Iterator[Article | Reject]:
    """Every item of a feed; `read_local` reads a file an item links to (the dispatcher's reader)."""
    data = read_bytes_checked(path, options.max_container_bytes)
    bytes_to_text(data, str(path))  # empty / binary / encoding checks
    check_feed_xml(data, str(path))
    import feedparser

    parsed = feedparser.parse(data)
    outlet = parsed.feed.get("title") or None
    fmt = "atom" if str(parsed.get("version", "")).startswith("atom") else "rss"
    for index, entry in enumerate(parsed.entries):
        where = f"{path}#{index}"
        try:
            yield from _read_entry(entry, index, path, fmt, outlet, options, read_local)
        except InputError as err:
            yield reject(err, where)


def check_feed_xml(data: bytes, where: str) -> None:
    """Refuse malformed XML (CorruptInput) and XML that is not RSS or Atom (UnsupportedFormat)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as err:
        raise CorruptInput(f"malformed XML ({err}); fix the feed or give its items as files",
                           path=where) from err
    name = etree.QName(root).localname.lower()
    if name not in FEED_ROOTS:
        raise UnsupportedFormat(f"XML with root <{name}> is not an RSS or Atom feed; give reports as "
                                "text, HTML, JSON, a feed or a WARC file", path=where)


def _read_entry(entry: Any, index: int, feed: Path, fmt: str, outlet: str | None,
                options: ReadOptions, read_local: ReadLocal) -> Iterator[Article | Reject]:
    link = entry.get("link") or None
    published = _entry_published(entry)
    local = local_link_target(link, feed.parent) if options.follow_feed_links else None
    if local is not None:
        for item in read_local(local, options):
            if isinstance(item, Article):
                _merge_entry(item, entry, link, published, outlet, options)
                item.meta.update({"feed": str(feed), "feed_item": index})
            yield item
        return
    text = _entry_text(entry)
    if not text.strip():
        raise EmptyInput("feed item has no content or summary and its link is not a local file; "
                         "add the text to the item", path=f"{feed}#{index}")
    check_size(len(text.encode("utf-8")), options.max_bytes, f"{feed}#{index}")
    found = Found(path=str(feed), format=fmt, title=entry.get("title"), outlet=outlet, url=link,
                  byline=entry.get("author"), published=published,
                  meta={"feed": str(feed), "feed_item": index})
    yield build_article(text, found, options)


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    value = contents[0].get("value", "") if contents else entry.get("summary", "")
    if "<" in value and ">" in value:
        return visible_text(f"<html><body>{value}</body></html>")
    return value.strip()


def _entry_published(entry: Any) -> datetime | None:
    parsed: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime(*parsed[:6], tzinfo=UTC)


def _merge_entry(article: Article, entry: Any, link: str | None, published: datetime | None,
                 outlet: str | None, options: ReadOptions) -> None:
    """The feed item's metadata on an article read from the item's local file (the file's own wins)."""
    article.title = article.title or entry.get("title")
    article.outlet = article.outlet or outlet
    article.byline = article.byline or entry.get("author")
    article.meta["feed_link"] = link
    if published is not None and article.published_source not in ("metadata", "user"):
        article.published, article.published_source = published, "metadata"
    apply_user_published(article, options)


def local_link_target(link: str | None, folder: Path) -> Path | None:
    """The file a relative or file: link names inside `folder`, or None (remote, outside, missing)."""
    if not link:
        return None
    parts = urlparse(link)
    if parts.scheme not in ("", "file") or parts.netloc not in ("", "localhost"):
        return None
    target = folder / unquote(parts.path)
    if not target.resolve().is_relative_to(folder.resolve()) or not target.is_file():
        return None
    return target
