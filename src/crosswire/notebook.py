"""The Python API for notebooks: `crosswire.open(db)` and one method per kind of record.

    import crosswire
    cw = crosswire.open("out/demo/crosswire.db")
    cw.events(type="Battles", place="Hama")      # merged events; a pandas DataFrame when pandas is installed
    cw.figures(as_frame=False)                    # else (or when asked) a list of dicts

Every method returns every matching record (it pages through the store; nothing is cut off). The store is
opened read-only. Records have the export field names the README documents.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .present.records import annotation_record, entity_record, merged_event_matches
from .store import Filters, ReadStore, every_row


def _pandas() -> Any | None:
    try:
        import pandas
    except ImportError:
        return None
    return pandas


class Crosswire:
    """A read-only view of one store."""

    def __init__(self, db: str | Path) -> None:
        self.store = ReadStore(db)
        self._reconciled: Any = None  # reconciled once per open store: events, claims, flags, framing
        self._events: list[dict[str, Any]] | None = None

    def _out(self, rows: list[dict[str, Any]], as_frame: bool | None) -> Any:
        pandas = _pandas()
        if as_frame and pandas is None:
            from .errors import ConfigError

            raise ConfigError("as_frame=True needs pandas: pip install 'crosswire[pandas]'")
        if as_frame is False or pandas is None:
            return rows
        return pandas.DataFrame(rows)

    def _annotations(self, kind: str, as_frame: bool | None, filters: dict[str, Any]) -> Any:
        f = Filters(**filters)
        rows = every_row(lambda lim, off: self.store.annotations(kind, f, lim, off))
        return self._out([annotation_record(kind, r) for r in rows], as_frame)

    def events(self, as_frame: bool | None = None, **filters: Any) -> Any:
        """Merged events (the events export's rows, in time order); the filters of `event_mentions`."""
        f = Filters(**filters)
        if self._events is None:
            from .present.rows import event_rows

            rows = event_rows(self.store.backend, self._reconciliation())
            self._events = sorted(rows, key=lambda e: (e["date"] is None, e["date"] or "", e["id"]))
        keep = set(self.store.story(f.story)["articles"]) if f.story else None
        if f.article:
            keep = {f.article} if keep is None else keep & {f.article}
        return self._out([e for e in self._events if merged_event_matches(e, f, keep)], as_frame)

    def event_mentions(self, as_frame: bool | None = None, **filters: Any) -> Any:
        """Event mentions (one report's telling each); filters: type, actor, place, date_from, date_to,
        story, article, mapped."""
        return self._annotations("events", as_frame, filters)

    def figures(self, as_frame: bool | None = None, **filters: Any) -> Any:
        return self._annotations("figures", as_frame, filters)

    def places(self, as_frame: bool | None = None, **filters: Any) -> Any:
        return self._annotations("places", as_frame, filters)

    def claims(self, as_frame: bool | None = None, **filters: Any) -> Any:
        return self._annotations("claims", as_frame, filters)

    def times(self, as_frame: bool | None = None, **filters: Any) -> Any:
        return self._annotations("times", as_frame, filters)

    def entities(self, as_frame: bool | None = None, **filters: Any) -> Any:
        f = Filters(**filters)
        rows = every_row(lambda lim, off: self.store.entities(f, lim, off))
        return self._out([entity_record(r) for r in rows], as_frame)

    def stories(self, as_frame: bool | None = None) -> Any:
        return self._out(every_row(self.store.stories), as_frame)

    def articles(self, as_frame: bool | None = None, **filters: Any) -> Any:
        f = Filters(**filters)
        return self._out(every_row(lambda lim, off: self.store.articles(f, lim, off)), as_frame)

    def article(self, article_id: str) -> dict[str, Any]:
        """One report with its text."""
        return self.store.article(article_id)

    def search(self, query: str, as_frame: bool | None = None) -> Any:
        return self._out(every_row(lambda lim, off: self.store.search(query, lim, off)), as_frame)

    def _reconciliation(self) -> Any:
        if self._reconciled is None:
            from .reconcile import reconcile_store

            self._reconciled = reconcile_store(self.store.backend)
        return self._reconciled

    def contradictions(self, as_frame: bool | None = None) -> Any:
        """Contradictions and updates between reports, each side with its span."""
        return self._out(self._reconciliation().flags(), as_frame)

    def framing(self, as_frame: bool | None = None) -> Any:
        return self._out(self._reconciliation().claims.framing(), as_frame)
