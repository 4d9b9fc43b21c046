"""The embedded SQLite store: one file, WAL, FTS5 over article text.

One writer connection per store; reads open read-only connections (`reader()`) so that queries can
run beside a writer (the API, exports). The queries themselves are shared with PostgreSQL (`sql.py`).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import StoreError
from .schema import MIGRATIONS, SCHEMA_VERSION, Migration
from .sql import SqlStore


class SQLiteStore(SqlStore):
    dialect = "sqlite"

    def __init__(self, path: str | Path, read_only: bool = False, step_limit: int | None = None) -> None:
        """`read_only` opens it for reading only (never created, migrated or written), which also works
        on read-only media; otherwise it is created or migrated. `step_limit` cuts off a read that runs
        more SQLite VM steps than that (a runaway query behind a public API)."""
        self.path = str(path)
        self.read_only = read_only
        self.step_limit = step_limit
        self._depth = 0
        try:
            self.conn = open_read_only(self.path) if read_only else self._open_writer()
            self.conn.row_factory = sqlite3.Row
            self.migrate()
        except sqlite3.Error as err:
            raise StoreError(f"cannot open store {self.path}: {_sqlite_reason(err)}") from err

    def _open_writer(self) -> sqlite3.Connection:
        if self.path != ":memory:":
            check_writable_store(Path(self.path))
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        return conn

    def migrate(self) -> None:
        if not self.read_only:
            self.conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        current = self._schema_version()
        if current > SCHEMA_VERSION:
            raise StoreError(f"store {self.path} has schema {current}, newer than this crosswire "
                             f"({SCHEMA_VERSION}); upgrade crosswire to open it")
        if self.read_only:
            if current < SCHEMA_VERSION:
                raise StoreError(f"store {self.path} has schema {current}, older than this crosswire "
                                 f"({SCHEMA_VERSION}); run `crosswire link --db {self.path}` once to upgrade it")
            return
        for migration in MIGRATIONS:
            if migration.version > current:
                self._apply(migration)

    def _apply(self, migration: Migration) -> None:
        """One migration in one transaction: its SQL, its data step, the version it brings."""
        # the data step reads and writes inside this transaction
        with self._outermost(lambda: self.conn.executescript("BEGIN;" + migration.sql("sqlite"))):
            if migration.fill is not None:
                migration.fill(self)
            self.conn.execute("INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET "
                              "value = excluded.value", (str(migration.version),))

    def _schema_version(self) -> int:
        has_meta = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
        if not has_meta:
            return 0
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def reader(self) -> Iterator[sqlite3.Connection]:
        """A read-only connection of its own for each read (so reads run beside the writer, and from any
        thread: the web app reads from a pool); the writer's own inside a transaction."""
        if self.path == ":memory:" or self._depth:
            yield self.conn
            return
        conn = open_read_only(self.path)
        conn.row_factory = sqlite3.Row
        if self.step_limit:
            conn.set_progress_handler(lambda: 1, self.step_limit)
        try:
            yield conn
        finally:
            conn.close()

    # -- hooks of SqlStore ------------------------------------------------------------------------

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        try:
            with self.reader() as conn:
                return [dict(r) for r in conn.execute(sql, params).fetchall()]
        except sqlite3.OperationalError as err:
            raise StoreError(f"query failed on {self.path}: {err}") from err

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        return self.conn.execute(sql, params).rowcount

    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        with self._outermost(lambda: self.conn.execute("BEGIN IMMEDIATE")):
            yield

    @contextmanager
    def _outermost(self, begin: Callable[[], object]) -> Iterator[None]:
        """The outermost transaction: `begin` opens it; the block's work commits, or rolls back on any error."""
        begin()
        self._depth = 1
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._depth = 0

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search over titles and texts (SQLite FTS5 query syntax)."""
        return self.search_page(query, min(limit, 1000), 0)[1]

    def search_page(self, query: str, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
        """(how many reports match, one page of them best first with a snippet each).

        The page is ranked on row ids alone; snippets are made for its rows only (made in the ranked
        query, FTS5 would build one for every match before sorting)."""
        try:
            total = self._rows("SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH ?", (query,))[0]["n"]
            ranked = [r["rowid"] for r in self._rows(
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?", (query, limit, offset))]
            rows = self._rows(
                "SELECT rowid, article_id, title, snippet(articles_fts, 2, '[', ']', '…', 12) AS snippet "
                f"FROM articles_fts WHERE articles_fts MATCH ? AND rowid IN ({', '.join('?' * len(ranked))})",
                (query, *ranked)) if ranked else []
        except StoreError as err:
            raise StoreError(f"bad search query {query!r}: {err.message}; quote phrases with double quotes") from err
        by_rowid = {r.pop("rowid"): r for r in rows}
        return int(total), [by_rowid[r] for r in ranked if r in by_rowid]


def _file_uri(path: str, query: str) -> str:
    return f"{Path(path).resolve().as_uri()}?{query}"


def open_read_only(path: str) -> sqlite3.Connection:
    """A read-only connection; on read-only media (where SQLite cannot make its -shm file) an immutable one."""
    if not Path(path).is_file():
        raise StoreError(f"no store at {path}; create one with `crosswire run INPUT --db {path}`")
    # any thread may use or close it (it only reads): the web app opens its store in one thread and
    # closes it in the server's at shutdown
    conn = sqlite3.connect(_file_uri(path, "mode=ro"), uri=True, timeout=30, check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
    conn = sqlite3.connect(_file_uri(path, "immutable=1"), uri=True, timeout=30, check_same_thread=False)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


def check_writable_store(path: Path) -> None:
    """Refuse, with what to do, a store path the writing commands cannot use."""
    parent = path.parent
    for folder in (parent, *parent.parents):
        if folder.exists() and not folder.is_dir():
            raise StoreError(f"cannot create store {path}: {folder} is a file, not a folder; choose another --db")
        if folder.exists():
            break
    if path.exists() and path.is_dir():
        raise StoreError(f"--db {path} is a folder; give a file path such as {path / 'crosswire.db'}")
    if path.exists() and not os.access(path, os.W_OK):
        raise StoreError(f"store {path} is read-only; reading commands (report, export, search, status) can "
                         "still open it, or copy it somewhere writable to add reports")
    if parent.is_dir() and not os.access(parent, os.W_OK | os.X_OK):
        raise StoreError(f"cannot write store {path}: its folder {parent} is not writable; choose another --db")
    if path.exists() and path.stat().st_size and not _is_sqlite(path):
        raise StoreError(f"{path} is not a crosswire store (not a SQLite file); choose another --db")


def _is_sqlite(path: Path) -> bool:
    with path.open("rb") as stream:
        return stream.read(16) == b"SQLite format 3\x00"


def _sqlite_reason(err: sqlite3.Error) -> str:
    text = str(err)
    if "not a database" in text:
        return "it is not a SQLite file; choose another --db"
    if "readonly" in text or "read-only" in text:
        return "it is read-only; reading commands can still open it"
    return f"{text}; check the path and its permissions"
