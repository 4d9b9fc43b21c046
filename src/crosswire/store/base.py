"""The storage protocol: every operation the rest of crosswire performs on a store.

Backends (`SQLiteStore`, `PostgresStore`) implement it; nothing outside `crosswire.store` writes SQL
or touches a connection. `tests/test_store.py` is the contract every backend must pass.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol, runtime_checkable

from ..model import Article
from ..pipeline import Reject


def is_server_url(path: str) -> bool:
    """Whether a `--db` value names a PostgreSQL server rather than a SQLite file."""
    return str(path).startswith(("postgres://", "postgresql://"))


@dataclass
class AddResult:
    """What happened to one article offered to the store."""

    status: str  # added | version | exists
    article_id: str
    version_of: str | None = None


@runtime_checkable
class Store(Protocol):
    """A crosswire store: articles with their annotations, rejects, links and resolved entities."""

    path: str  # where it lives: a file path or a server URL (passwords removed)
    dialect: str  # "sqlite" | "postgresql"

    # -- lifecycle
    def close(self) -> None: ...
    def __enter__(self) -> Store: ...
    def __exit__(self, *exc: object) -> None: ...

    # -- writing
    def has_raw(self, text: str) -> str | None:
        """The id of a stored article read from exactly this raw text, if any."""
    def content_of(self, article_id: str) -> str | None:
        """The content hash of the stored article with this id, if any."""
    def add_article(self, article: Article, now: datetime | None = None) -> AddResult:
        """Store one analysed article once (idempotent); changed content from one source is a version."""
    def add_articles(self, articles: Iterable[Article], now: datetime | None = None) -> list[AddResult]:
        """`add_article` for a batch, in one transaction where the backend allows."""
    def add_reject(self, reject: Reject, now: datetime | None = None) -> bool:
        """Record a rejected input once; False when the same rejection is already stored."""
    def set_links(self, duplicates: dict[str, str | None], stories: dict[str, str], *, reset: bool = True) -> None:
        """Write duplicate_of and story_id (for every article when `reset`, else only those given; a
        duplicate_of of None clears it)."""
    def replace_entities(self, entities: Iterable[dict[str, Any]]) -> None:
        """Replace the resolved entities."""
    def update_entities(self, removed: Iterable[str], added: Iterable[dict[str, Any]]) -> None:
        """Remove some stored entities and add (or overwrite) others."""
    def set_mention_entities(self, entity_ids: dict[tuple[str, int], str | None]) -> None:
        """Point each stored mention, keyed by (article id, index), at its resolved entity."""

    def save_link_state(self, generation: int, reports: dict[str, tuple[str | None, str]],
                        pairs: Iterable[tuple[str, str, float]], *, reset: bool = False) -> None:
        """Stamp reports as linked at `generation` with their (MinHash signature, mention keys as JSON)
        and add near-duplicate pairs (`reset`: forget every stamp and pair first, for a full relink)."""
    def link_state_rows(self) -> list[dict[str, Any]]:
        """Every linked report's `article_id`, `generation`, `signature` and `mention_keys`."""
    def duplicate_pair_rows(self) -> list[tuple[str, str, float]]:
        """Every near-duplicate pair found so far, as (smaller id, larger id, similarity)."""

    def add_brief(self, state: dict[str, Any], now: datetime | None = None) -> None:
        """Record what a brief contained (see `present.brief_changes`), for the next brief to compare with."""

    # -- reading
    def last_brief(self) -> dict[str, Any] | None:
        """What the last recorded brief contained, with its `created_at`; None before the first."""
    def article_rows(self, include_text: bool = True, ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """Stored articles as dicts (oldest first; undated last), all or only `ids`."""
    def article_texts(self) -> dict[str, str]:
        """Every stored article's cleaned text by id."""
    def annotation_rows(self, kind: str) -> list[dict[str, Any]]:
        """Every stored annotation of one kind, as dicts with `article_id` and `idx` added."""
    def load_article(self, article_id: str) -> Article:
        """Rebuild a stored article with all its annotations."""
    def published_dates(self) -> set[str]:
        """Distinct publication days (ISO) of stored reports whose date was not itself inferred."""
    def entity_rows(self) -> list[dict[str, Any]]: ...
    def reject_rows(self) -> list[dict[str, Any]]: ...
    def counts(self) -> dict[str, int]: ...
    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search over titles and texts: [{article_id, title, snippet}], best first."""
