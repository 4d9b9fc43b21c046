"""Storage: the embedded SQLite store (the default) behind one interface, and its read-only queries."""

from .reads import MAX_LIMIT, BadQuery, Filters, NotFound, Page, ReadStore, check_page
from .sqlite import AddResult, Store

__all__ = ["MAX_LIMIT", "AddResult", "BadQuery", "Filters", "NotFound", "Page", "ReadStore", "Store", "check_page",
           "open_store"]


def open_store(path: str, read_only: bool = False) -> Store:
    """Open the store at `path`: creating or migrating it, or, with `read_only`, only reading an existing
    one (on read-only media too). PostgreSQL URLs are not supported yet."""
    if path.startswith(("postgres://", "postgresql://")):
        from ..errors import StoreError

        raise StoreError("the PostgreSQL backend is not built yet; use a SQLite file path for --db")
    return Store(path, read_only=read_only)
