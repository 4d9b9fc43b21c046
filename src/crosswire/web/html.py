"""HTML building blocks for the web UI. Every value from the store goes through `esc`; no page carries
inline script or style, and data reaches the map script only through the JSON API."""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote, urlencode

esc = html.escape


def href(path: str, **query: Any) -> str:
    """A local link: path segments quoted, query values encoded, the whole escaped for an attribute."""
    q = urlencode({k: v for k, v in query.items() if v not in (None, "")})
    return esc(path + (f"?{q}" if q else ""))


def seg(value: str) -> str:
    return quote(str(value), safe="")


def link(path: str, text: str, **query: Any) -> str:
    return f'<a href="{href(path, **query)}">{esc(text)}</a>'


def article_link(article_id: str, start: int | None = None, end: int | None = None, text: str | None = None) -> str:
    """A link to a report, at one span when given (the span is highlighted there)."""
    hl = f"{start}-{end}" if start is not None and end is not None else None
    url = href(f"/articles/{seg(article_id)}", hl=hl) + ("#hl" if hl else "")
    return f'<a class="cite" href="{url}">{esc(text or article_id)}</a>'


def table(headers: Iterable[str], rows: Iterable[Iterable[str]], css: str = "") -> str:
    """A table of already-escaped cells."""
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="{esc(css)}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def layout(title: str, body: str, map_page: bool = False) -> str:
    vendor = ('<link rel="stylesheet" href="/static/vendor/leaflet.css">'
              '<script src="/static/vendor/leaflet.js" defer></script>'
              '<script src="/static/vendor/topojson-client.min.js" defer></script>') if map_page else ""
    nav = ('<nav><a href="/">stories</a> <a href="/events">events</a> <a href="/entities">entities</a> '
           '<a href="/articles">reports</a> <form action="/search" method="get" class="search">'
           '<input name="q" type="search" placeholder="search reports" aria-label="search reports">'
           '<button type="submit">search</button></form></nav>')
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{esc(title)} · crosswire</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">'
            f'<link rel="stylesheet" href="/static/style.css">{vendor}'
            f'<script src="/static/app.js" defer></script></head>'
            f'<body>{nav}<main><h1>{esc(title)}</h1>{body}</main></body></html>')


def pager(path: str, total: int, limit: int, offset: int, **query: Any) -> str:
    """'rows a–b of N' with previous/next links: a list never hides that it has more."""
    if total == 0:
        return '<p class="pager">none</p>'
    parts = [f"rows {offset + 1}–{min(offset + limit, total)} of {total}"]
    if offset > 0:
        parts.append(link(path, "previous", offset=max(0, offset - limit), limit=limit, **query))
    if offset + limit < total:
        parts.append(link(path, "next", offset=offset + limit, limit=limit, **query))
    return f'<p class="pager">{" · ".join(parts)}</p>'


def highlight(text: str, spans: list[dict[str, Any]], focus: tuple[int, int] | None) -> str:
    """The text with record spans marked; the focused span always shown whole (id `hl`), others that
    overlap an already-marked span are left unmarked (they stay listed below the text)."""
    chosen: list[dict[str, Any]] = []
    if focus and 0 <= focus[0] < focus[1] <= len(text):
        chosen.append({"kind": "focus", "start": focus[0], "end": focus[1], "label": "cited span"})
    for span in spans:
        if span["end"] > len(text) or span["start"] >= span["end"]:
            continue
        if all(span["end"] <= c["start"] or span["start"] >= c["end"] for c in chosen):
            chosen.append(span)
    chosen.sort(key=lambda s: s["start"])
    out, pos = [], 0
    for span in chosen:
        out.append(esc(text[pos:span["start"]]))
        ident = ' id="hl"' if span["kind"] == "focus" else ""
        out.append(f'<mark class="span-{esc(span["kind"])}"{ident} title="{esc(span["label"] or "")}">'
                   f'{esc(text[span["start"]:span["end"]])}</mark>')
        pos = span["end"]
    out.append(esc(text[pos:]))
    return f'<div class="article-text">{"".join(out)}</div>'


def sentence_html(parts: Iterable[Any]) -> str:
    """A brief's sentence: connecting words as text, every cited part a link to its report at the span."""
    out = []
    for p in parts:
        if p.kind is None or p.article_id is None:
            out.append(esc(p.text))
        else:
            out.append(article_link(p.article_id, p.start, p.end, p.text))
    return "".join(out)
