"""What reconciliation derives from the stored reports, for the API and UI: merged events, contradictions,
updates and framing.

Nothing is stored for them, so the app keeps what it last built and rebuilds it only when the store has
changed (new reports or new links): one reconciliation per store version, not one per request. Lists of
them are filtered and paged here, over the cached records.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from ..present.records import merged_event_matches
from ..present.rows import event_rows
from ..reconcile import ClaimIndex, Reconciled, build_index, reconcile_store, report_views
from ..store import Filters, NotFound, Page, ReadStore, check_page

Version = tuple[int, str | None, int]


class Derived:
    def __init__(self, store: ReadStore) -> None:
        self.store = store
        self._lock = threading.RLock()  # one build may use another (a mention's event from the events)
        self._built: dict[str, tuple[Version, Any]] = {}

    def _cached(self, name: str, build: Callable[[], Any]) -> Any:
        """`build()`'s result for the store as it is now, built again only when the store has changed."""
        version = self.store.version()
        with self._lock:
            held = self._built.get(name)
            if held is None or held[0] != version:
                held = (version, build())
                self._built[name] = held
            return held[1]

    def index(self) -> ClaimIndex:
        return self._cached("claims", lambda: build_index(report_views(self.store.backend)))

    def reconciled(self) -> Reconciled:
        """Merged events and figure groups (`reconcile_store`) for the store as it is now."""
        return self._cached("reconciled", lambda: reconcile_store(self.store.backend))

    def merged_events(self) -> list[dict[str, Any]]:
        """Every merged event (the events export's rows), in time order (undated last), then by id."""
        def build() -> list[dict[str, Any]]:
            rows = event_rows(self.store.backend, self.reconciled())
            return sorted(rows, key=lambda e: (e["date"] is None, e["date"] or "", e["id"]))
        return self._cached("events", build)

    def events(self, filters: Filters, limit: int, offset: int) -> Page:
        """Merged events, filtered like event mentions: type, actor or place (part of a name), dates, story,
        report (an event with a mention in it), mapped."""
        check_page(limit, offset)
        keep = self._story_articles(filters.story)
        if filters.article:
            keep = {filters.article} if keep is None else keep & {filters.article}
        events = self.merged_events()
        if keep is not None:  # only the events with a mention in those reports, from the report index
            by_article = self._cached("events_by_article", lambda: _positions_by_article(self.merged_events()))
            events = [events[i] for i in sorted({i for a in keep for i in by_article.get(a, ())})]
        if any((filters.type, filters.actor, filters.place, filters.date_from, filters.date_to,
                filters.mapped is not None)):
            events = [e for e in events if merged_event_matches(e, filters, None)]
        return Page(events[offset:offset + limit], len(events), limit, offset)

    def event(self, event_id: str) -> dict[str, Any]:
        for e in self.merged_events():
            if e["id"] == event_id:
                return e
        raise NotFound(f"no event {event_id!r} in this store")

    def event_of_mention(self, mention_id: str) -> str | None:
        """The merged event a mention belongs to."""
        held = self._cached("event_of", lambda: {m["id"]: e["id"] for e in self.merged_events()
                                                  for m in e["mentions"]})
        return held.get(mention_id)

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


def _positions_by_article(events: list[dict[str, Any]]) -> dict[str, list[int]]:
    """Report id -> positions of the events with a mention in it."""
    out: dict[str, list[int]] = {}
    for i, e in enumerate(events):
        for article in dict.fromkeys(m["article_id"] for m in e["mentions"]):
            out.setdefault(article, []).append(i)
    return out
