"""The PostgreSQL store, for a team sharing one server: same schema, migrations and queries as SQLite.

`--db postgresql://user@host:port/dbname`. Needs the `psycopg` package (pinned; installed with
crosswire). Full-text search uses a generated tsvector with a GIN index (`websearch_to_tsquery`
syntax: words, "quoted phrases", OR, -excluded). Concurrent writers are safe: an article is inserted
once whoever gets there first (`ON CONFLICT DO NOTHING` on its content hash), migrations and link
writes take advisory locks, and each write is one transaction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from ..errors import StoreError
from .schema import MIGRATIONS, SCHEMA_VERSION
from .sql import SqlStore

MIGRATE_LOCK = 0x63770001  # advisory lock ids: "cw" + 1 / 2
LINK_LOCK = 0x63770002
PASSWORD = re.compile(r"(://[^:/@]*):[^@/]*@")


def redact(url: str) -> str:
    """The URL without its password, fit for messages and `store.path`."""
    return PASSWORD.sub(r"\1:***@", url)


class PostgresStore(SqlStore):
    dialect = "postgresql"
    text_order = ' COLLATE "C"'

    def __init__(self, url: str) -> None:
        self.path = redact(url)
        try:
            import psycopg
            from psycopg.rows import dict_row
        except ImportError as err:
            raise StoreError("the PostgreSQL store needs the psycopg package; run `make install` "
                             "(or `pip install 'psycopg[binary]'`)") from err
        self._errors = psycopg.Error
        try:
            self.conn = psycopg.connect(url, autocommit=True, row_factory=dict_row, connect_timeout=10)
        except psycopg.Error as err:
            raise StoreError(f"cannot connect to {self.path}: {_first_line(err)}; check the server, "
                             "user, password and database name in --db") from err
        self._depth = 0
        self.migrate()

    def migrate(self) -> None:
        with self._transaction():
            self._execute("SELECT pg_advisory_xact_lock(?)", (MIGRATE_LOCK,))
            self._execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            row = self._rows("SELECT value FROM meta WHERE key = 'schema_version'")
            current = int(row[0]["value"]) if row else 0
            if current > SCHEMA_VERSION:
                raise StoreError(f"store {self.path} has schema {current}, newer than this crosswire "
                                 f"({SCHEMA_VERSION}); upgrade crosswire to open it")
            for migration in MIGRATIONS:
                if migration.version > current:
                    self.conn.execute(migration.sql("postgresql").encode())
                    if migration.fill is not None:
                        migration.fill(self)
                    self._execute("INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT (key) "
                                  "DO UPDATE SET value = excluded.value", (str(migration.version),))

    def close(self) -> None:
        self.conn.close()

    # -- hooks of SqlStore ------------------------------------------------------------------------

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        try:
            return self.conn.execute(_pg(sql), params).fetchall()
        except self._errors as err:
            raise StoreError(f"query failed on {self.path}: {_first_line(err)}") from err

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        try:
            return self.conn.execute(_pg(sql), params).rowcount
        except self._errors as err:
            raise StoreError(f"write failed on {self.path}: {_first_line(err)}") from err

    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(_pg(sql), rows)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._depth += 1
        try:
            with self.conn.transaction():
                yield
        finally:
            self._depth -= 1

    def _link_lock(self) -> None:
        self._execute("SELECT pg_advisory_xact_lock(?)", (LINK_LOCK,))

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search over titles and texts (PostgreSQL `websearch_to_tsquery` syntax)."""
        return self.search_page(query, min(limit, 1000), 0)[1]

    def search_page(self, query: str, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
        """(how many reports match, one page of them best first with a snippet each)."""
        total = self._rows("SELECT count(*) AS n FROM articles_fts, websearch_to_tsquery('simple', ?) AS q "
                           "WHERE tsv @@ q", (query,))[0]["n"]
        rows = self._rows(
            "SELECT article_id, title, ts_headline('simple', text, q, "
            "'StartSel=[, StopSel=], MaxWords=24, MinWords=6, ShortWord=2') AS snippet "
            "FROM articles_fts, websearch_to_tsquery('simple', ?) AS q WHERE tsv @@ q "
            "ORDER BY ts_rank(tsv, q) DESC, article_id COLLATE \"C\" LIMIT ? OFFSET ?", (query, limit, offset))
        return int(total), rows


def _pg(sql: str) -> str:
    """Our statements use `?` placeholders (none appears inside a literal); psycopg takes `%s`."""
    return sql.replace("?", "%s")


def _first_line(err: BaseException) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0]
