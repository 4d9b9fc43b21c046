"""Storage: one protocol (`Store`), two backends: SQLite (the embedded default) and PostgreSQL, and the
read API's paginated queries (`ReadStore`, over either backend).

`open_store(path)` picks the backend: a `postgresql://` (or `postgres://`) URL opens the server
store, anything else a SQLite file. All SQL in crosswire lives in this package.
"""

from .base import AddResult, Store, is_server_url
from .reads import MAX_LIMIT, BadQuery, Filters, NotFound, Page, ReadStore, check_page, every_row
from .sqlite import SQLiteStore

__all__ = ["MAX_LIMIT", "AddResult", "BadQuery", "Filters", "NotFound", "Page", "ReadStore", "SQLiteStore",
           "Store", "check_page", "every_row", "is_server_url", "open_store"]


def open_store(path: str, read_only: bool = False) -> Store:
    """Open the store at `path` (a SQLite file or a PostgreSQL URL): creating or migrating it, or, with
    `read_only`, only reading an existing SQLite file (on read-only media too)."""
    if is_server_url(path):
        from .postgres import PostgresStore

        return PostgresStore(str(path))
    return SQLiteStore(path, read_only=read_only)
