"""Untrusted text made safe for where it is written: Markdown, HTML pages and spreadsheets.

Report titles, outlets, bylines, urls and texts come from the open web and from adversaries' channels.
- `md` makes a value inert Markdown: one line (a newline cannot start a heading or a list), `& < >`
  as entities (no raw HTML or autolink reaches a CommonMark viewer), and the punctuation that acts
  mid-line backslash-escaped (no emphasis, code, links, images or table cells made from data); `#`,
  `-`, `+` only act at a line's start, which a value never is.
- `md_url` links only http(s) urls (as an autolink, percent-encoded); anything else is shown as text.
- `CSP` is the Content-Security-Policy of every page crosswire writes: nothing loads, no script runs,
  only the page's own stylesheet (by its hash) applies.
- `csv_cell` neutralises spreadsheet formulas: a text cell starting with `=`, `+`, `-`, `@`, a tab or a
  carriage return gets a leading `'` (OWASP's advice); numbers stay numbers.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from typing import Any
from urllib.parse import quote, urlsplit

__all__ = ["csp_meta", "csv_cell", "md", "md_url"]

_MD_PUNCTUATION = re.compile(r"[\\`*_{}\[\]|~]")  # `<>&` become entities; the rest is inert mid-line
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


def md(value: object) -> str:
    """`value` as inert Markdown text on one line."""
    text = " ".join(str(value).split())
    text = html.escape(text, quote=False)
    return _MD_PUNCTUATION.sub(lambda m: "\\" + m.group(), text)


def md_url(url: str | None) -> str:
    """An http(s) url as a Markdown autolink; any other scheme (javascript:, data:, file:) as plain text."""
    if not url:
        return ""
    url = "".join(url.split())
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        return md(url)
    return "<" + quote(url, safe=":/?#@!$&'()*+,;=%~") + ">"


def csp_meta(style: str) -> str:
    """The page's Content-Security-Policy meta element, allowing only `style` (its inline stylesheet)."""
    digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode("ascii")
    policy = (f"default-src 'none'; style-src 'sha256-{digest}'; img-src 'none'; script-src 'none'; "
              "object-src 'none'; base-uri 'none'; form-action 'none'")
    return f'<meta http-equiv="Content-Security-Policy" content="{policy}">'


def csv_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet will not run as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value
