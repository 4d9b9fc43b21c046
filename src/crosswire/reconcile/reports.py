"""What reconciliation reads of one stored report: a small view built from the store's rows.

Reconciliation never re-runs a per-report stage: it works on what the store holds (text, metadata,
mentions, attribution claims, places, events). `ReportView` is that, and tests build it by hand.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from ..store import Store


@dataclass
class ReportView:
    """One report as reconciliation sees it; annotation lists are the store's rows (dicts)."""

    id: str
    text: str
    outlet: str | None = None
    url: str | None = None
    source_path: str | None = None
    published: str | None = None  # ISO 8601
    published_source: str = "unknown"
    dates_seen: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)

    @property
    def outlet_label(self) -> str:
        """Who published it: the outlet, else the site of its URL, else its file name, else its id."""
        if self.outlet:
            return self.outlet
        if self.url:
            host = urlparse(self.url).netloc
            if host:
                return host.removeprefix("www.")
        if self.source_path:
            return self.source_path.replace("\\", "/").rsplit("/", 1)[-1]
        return self.id

    @property
    def published_has_time(self) -> bool:
        """Whether the publication time is known to the minute (not just the day)."""
        return bool(self.published) and self.published_source != "inferred" and "T00:00:00" not in str(self.published)


def report_views(store: Store) -> list[ReportView]:
    """Every stored report as a `ReportView`, in the store's order."""
    by_kind: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for kind in ("mentions", "claims", "places", "events"):
        grouped: dict[str, list[dict[str, Any]]] = {}
        for row in store.annotation_rows(kind):
            grouped.setdefault(row["article_id"], []).append(row)
        by_kind[kind] = grouped
    views = []
    for a in store.article_rows():
        meta = json.loads(a.get("meta") or "{}")
        views.append(ReportView(
            id=a["id"], text=a["text"], outlet=a.get("outlet"), url=a.get("url"), source_path=a.get("source_path"),
            published=a.get("published"), published_source=a.get("published_source") or "unknown",
            dates_seen=list(meta.get("dates_seen") or []),
            **{kind: by_kind[kind].get(a["id"], []) for kind in by_kind}))
    return views
