"""The one options object the readers take (instead of a long keyword-argument list)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

MB = 1024 * 1024


@dataclass(frozen=True)
class ReadOptions:
    """How `read_inputs` reads.

    - `max_bytes`: the largest single report (a .txt/.html file, or one record of a JSON/feed/WARC
      container) that is read; larger ones are rejected with `TooLarge`.
    - `max_container_bytes`: the largest container file (.jsonl, .json array, feed, WARC) that is opened.
    - `published`: a publication time the user gives. When `published_wins` (the default) it overrides
      whatever the report says (published_source "user"); otherwise it is only used when the report
      gives no date. A naive datetime is taken as UTC.
    - `outlet`: the outlet to record when the input does not name one.
    - `header_lines`: how many leading lines of a plain-text report may hold its title and date.
    - `follow_feed_links`: read a feed item's local file when its link points to one beside the feed.
    - `exclude`: paths never read as input (crosswire's own store, report and exports folder).
    - `latest`: the latest possible publication time (later dates are refused as impossible); None
      accepts any date after 1900. crosswire's commands set it to the time of reading plus a day.
    """

    max_bytes: int = 5 * MB
    max_container_bytes: int = 1024 * MB
    published: datetime | None = None
    published_wins: bool = True
    outlet: str | None = None
    header_lines: int = 5
    follow_feed_links: bool = True
    exclude: tuple[Path, ...] = ()
    latest: datetime | None = None
