"""HTML pages (.html/.htm): the main text and metadata through trafilatura and htmldate.

trafilatura finds the article body and its title, author, site name and date (htmldate, limited
to the page's own markup: no extensive search, no clock-based upper bound). When trafilatura finds
no body (very short pages, odd markup), the visible text of the page is used instead and
`meta["extraction"]` says so; a page nested too deep for lxml is read flat, tag by tag (`flat_text`);
a page without any text is rejected as empty.
"""

from __future__ import annotations

import re
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

from ..errors import EmptyInput
from ..model import Article
from .checks import bytes_to_text, read_bytes_checked
from .dates import parse_datetime_value
from .options import ReadOptions
from .records import Found, build_article
from .text import note_decoding

# htmldate refuses dates after max_date; a fixed far bound keeps extraction independent of the clock.
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "max_date": "2099-12-31",
                "outputformat": "%Y-%m-%dT%H:%M:%S%z"}
_SKIP_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form")
_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article", "section",
               "blockquote", "pre", "td", "dd", "dt")


def read_html_file(path: Path, options: ReadOptions) -> Article:
    """One report from an HTML file."""
    data = read_bytes_checked(path, options.max_bytes)
    article = html_to_article(bytes_to_text(data, str(path)), Found(path=str(path), format="html"), options)
    note_decoding(article, data)
    return article


def html_to_article(html: str, found: Found, options: ReadOptions) -> Article:
    """One report from an HTML page; `found` may already carry a URL, date or title (feeds, WARC)."""
    document = _extract(html, found.url)
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if text:
        if found.published is None:
            precise = published_time_in_markup(html)
            if precise is not None:
                found.published, found.published_source = precise, "metadata"
        _merge_metadata(found, document)
        found.meta["extraction"] = "trafilatura"
    else:
        text = visible_text(html)
        found.meta["extraction"] = "visible-text"
    if not text.strip():  # lxml keeps nothing past 255 levels of nesting: read the page flat instead
        text = flat_text(html)
        found.meta["extraction"] = "flat-text"
    if not text.strip():
        raise EmptyInput("the HTML page has no readable text; check that it is the article page itself",
                         path=found.path)
    return build_article(text, found, options)


def _extract(html: str, url: str | None) -> object | None:
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            date_extraction_params=dict(_DATE_PARAMS))
    except Exception:  # trafilatura raises assorted errors on odd markup; fall back to visible text
        return None


def _merge_metadata(found: Found, document: object) -> None:
    """Fill what `found` does not know yet from trafilatura's metadata (the caller's values win)."""
    found.title = found.title or getattr(document, "title", None)
    found.byline = found.byline or getattr(document, "author", None)
    found.outlet = found.outlet or getattr(document, "sitename", None)
    found.url = found.url or getattr(document, "url", None)
    found.language = found.language or _short_language(getattr(document, "language", None))
    if found.published is None:
        published = parse_datetime_value(getattr(document, "date", None))
        if published is not None:
            found.published, found.published_source = published, "metadata"


_PUBLISHED_XPATHS = (
    "//meta[@property='article:published_time']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//meta[@name='pubdate' or @name='publishdate' or @name='dc.date' or @name='DC.date.issued']/@content",
    "//time[@datetime][1]/@datetime",
)
_JSONLD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')


def published_time_in_markup(html: str) -> datetime | None:
    """The publication time the page's markup states with its time of day (htmldate keeps only the day).

    Only values that carry a time ("T" or a clock) are taken; a bare day is left to htmldate.
    """
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.document_fromstring(html)
    except (ParserError, ValueError):
        return None
    candidates = [str(v) for xpath in _PUBLISHED_XPATHS for v in root.xpath(xpath)]
    candidates += _JSONLD_PUBLISHED.findall(html)
    for value in candidates:
        if re.search(r"\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}", value):
            parsed = parse_datetime_value(value)
            if parsed is not None:
                return parsed
    return None


def _short_language(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip().lower().split("-")[0].split("_")[0][:3] or None


def visible_text(html: str) -> str:
    """The text a reader sees on a page, one line per block, without scripts, styles and navigation."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.document_fromstring(html)
    except (ParserError, ValueError):
        return ""
    for tag in _SKIP_TAGS:
        for element in list(root.iter(tag)):
            if element.getparent() is not None:
                element.drop_tree()
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


class _FlatText(HTMLParser):
    """The text outside scripts, styles and navigation, a line per block, read tag by tag without a tree."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0  # how many skipped elements are open

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in _SKIP_TAGS:
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def flat_text(html: str) -> str:
    """`visible_text` for a page no tree can hold (nested past lxml's limit): linear in the page's length."""
    parser = _FlatText()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)
