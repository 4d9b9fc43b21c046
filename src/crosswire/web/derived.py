"""Contradictions, updates and framing for the API and UI, from the reconciliation package.

They are derived from the stored reports (nothing is stored for them), so the app keeps the last
`ClaimIndex` it built and rebuilds it only when the store has changed (new reports or new links).
"""

from __future__ import annotations

import threading
from typing import Any

from ..reconcile import ClaimIndex, build_index, report_views
from ..store import Filters, Page, ReadStore, check_page


class Derived:
    def __init__(self, store: ReadStore) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._version: tuple[int, str | None, int] | None = None
        self._index: ClaimIndex | None = None

    def index(self) -> ClaimIndex:
        version = self.store.version()
        with self._lock:
            if self._index is None or version != self._version:
                self._index = build_index(report_views(self.store))  # type: ignore[arg-type] - same rows as Store
                self._version = version
            return self._index

    def _story_articles(self, story: str | None) -> set[str] | None:
        return set(self.store.story(story)["articles"]) if story else None

    def contradictions(self, filters: Filters, limit: int, offset: int) -> Page:
        """Flags (contradictions and updates) citing a report of the story, of one kind when asked."""
        check_page(limit, offset)
        keep = self._story_articles(filters.story)
        rows = [f for f in self.index().flags()
                if (keep is None or any(s["article_id"] in keep for s in f["sides"]))
                and (not filters.type or f["kind"] == filters.type)]
        return Page(rows[offset:offset + limit], len(rows), limit, offset)

    def framing(self, filters: Filters, limit: int, offset: int) -> Page:
        """Framing rows (outlet, side, word, voice) with a mention in the story's reports."""
        check_page(limit, offset)
        keep = self._story_articles(filters.story)
        outlet = filters.extra.get("outlet")
        rows: list[dict[str, Any]] = []
        for row in self.index().framing():
            if keep is not None and not any(m["article_id"] in keep for m in row["mentions"]):
                continue
            if (outlet and row["outlet"] != outlet) or (filters.type and row["voice"] != filters.type):
                continue
            rows.append(row)
        return Page(rows[offset:offset + limit], len(rows), limit, offset)
