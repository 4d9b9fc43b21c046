"""The embedded SQLite store: one file, WAL, FTS5 over article text.

One writer connection per `Store`; reads that may run beside a writer (the API, exports) open
read-only connections with `Store.reader()`. All SQL in crosswire lives in this package.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..model import ANNOTATION_TYPES, Article, annotations_from_json, content_hash, to_jsonable
from ..pipeline import Reject
from .offsets import decode_offsets, encode_offsets
from .schema import MIGRATIONS, SCHEMA_VERSION

ANNOTATION_KINDS = tuple(ANNOTATION_TYPES)
ARTICLE_COLUMNS = ("id", "content_hash", "raw_hash", "source_key", "version_of", "title", "outlet", "url",
                   "byline", "published", "published_source", "language", "source_path", "source_format",
                   "raw_text", "text", "offsets", "meta", "duplicate_of", "story_id", "ingested_at")
ROW_CAP = 1_000_000


@dataclass
class AddResult:
    """What happened to one article offered to the store."""

    status: str  # added | version | exists
    article_id: str
    version_of: str | None = None


def raw_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def source_key(article: Article) -> str | None:
    """What identifies 'the same report' across versions: its URL, else its file and record id.

    A record of a container (a JSON Lines line, a feed item, a WARC record) that has neither a URL
    nor a record id has no key: its position in the file says nothing about which report it is, so
    records of one file are never taken for versions of each other.
    """
    if article.url:
        return "url:" + article.url.strip()
    if not article.source_path:
        return None
    record = article.meta.get("record_id")
    if record is not None:
        return f"path:{article.source_path}#{record}"
    if any(k in article.meta for k in CONTAINER_KEYS):
        return None
    return "path:" + article.source_path


CONTAINER_KEYS = ("record", "feed_item", "warc_record")  # meta keys the container readers set


class Store:
    """The store at `path`. `read_only` opens it for reading only (never created, migrated or
    written), which also works on read-only media; otherwise it is created or migrated."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
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
        conn = sqlite3.connect(self.path, timeout=30)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        return conn

    # -- lifecycle -------------------------------------------------------------------------------

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
        for version, sql in MIGRATIONS:
            if version > current:
                with self.conn:
                    self.conn.executescript(sql)
                    self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(version),))

    def _schema_version(self) -> int:
        has_meta = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
        if not has_meta:
            return 0
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def reader(self) -> Iterator[sqlite3.Connection]:
        """A read-only connection (for queries beside the writer)."""
        if self.path == ":memory:" or self.read_only:
            yield self.conn
            return
        conn = sqlite3.connect(_file_uri(self.path, "mode=ro"), uri=True, timeout=30)
        conn.row_factory = sqlite3.Row
        try:
            yield conn
        finally:
            conn.close()

    # -- writing ---------------------------------------------------------------------------------

    def has_raw(self, text: str) -> str | None:
        """The id of a stored article read from exactly this raw text, if any."""
        row = self.conn.execute("SELECT id FROM articles WHERE raw_hash = ?", (raw_hash(text),)).fetchone()
        return row[0] if row else None

    def content_of(self, article_id: str) -> str | None:
        """The content hash of the stored article with this id, if any."""
        row = self.conn.execute("SELECT content_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def add_article(self, article: Article, now: datetime | None = None) -> AddResult:
        """Store one analysed article once: the same content twice is stored once; changed content is a new version.

        An id already held by other content (a record id reused for a different text, which
        `api.settle_id` prevents) is refused with a StoreError, never a constraint traceback.
        """
        chash = content_hash(article.text)
        row = self.conn.execute("SELECT id FROM articles WHERE content_hash = ?", (chash,)).fetchone()
        if row:
            return AddResult("exists", row[0])
        if self.content_of(article.id) is not None:
            raise StoreError(f"id {article.id!r} is already stored for a different text; give each report "
                             "its own id", path=article.source_path, stage="store")
        key = source_key(article)
        previous = None
        if key:
            prev = self.conn.execute("SELECT id FROM articles WHERE source_key = ? ORDER BY ingested_at DESC",
                                     (key,)).fetchone()
            previous = prev[0] if prev else None
        stamp = (now or datetime.now(UTC)).isoformat()
        values = self._article_values(article, chash, key, previous, stamp)
        with self.conn:
            self.conn.execute(f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) "
                              f"VALUES ({', '.join('?' * len(ARTICLE_COLUMNS))})", values)
            self._insert_annotations(article)
            self.conn.execute("INSERT INTO articles_fts (article_id, title, text) VALUES (?, ?, ?)",
                              (article.id, article.title or "", article.text))
        return AddResult("version" if previous else "added", article.id, previous)

    def _article_values(self, a: Article, chash: str, key: str | None, previous: str | None,
                        stamp: str) -> tuple[Any, ...]:
        meta = {k: v for k, v in a.meta.items() if not k.startswith("_") and k != "doc"}
        return (a.id, chash, raw_hash(a.raw_text), key, previous, a.title, a.outlet, a.url, a.byline,
                a.published.isoformat() if a.published else None, a.published_source, a.language,
                a.source_path, a.source_format, a.raw_text, a.text, encode_offsets(a.offsets),
                json.dumps(to_jsonable(meta), ensure_ascii=False), None, None, stamp)

    def _insert_annotations(self, article: Article) -> None:
        rows = []
        for kind in ANNOTATION_KINDS:
            for idx, item in enumerate(getattr(article, kind)):
                data = to_jsonable(item)
                rows.append((article.id, kind, idx, data.get("start"), data.get("end"),
                             json.dumps(data, ensure_ascii=False)))
        self.conn.executemany(
            'INSERT INTO annotations (article_id, kind, idx, start, "end", data) VALUES (?, ?, ?, ?, ?, ?)', rows)

    def add_reject(self, reject: Reject, now: datetime | None = None) -> bool:
        """Record a rejected input once; returns False when the same rejection is already stored."""
        stamp = (now or datetime.now(UTC)).isoformat()
        with self.conn:
            cur = self.conn.execute(
                "INSERT OR IGNORE INTO rejects (path, stage, code, message, article_id, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (reject.path, reject.stage, reject.code, reject.message, reject.article_id, stamp))
        return cur.rowcount > 0

    def set_links(self, duplicates: dict[str, str], stories: dict[str, str]) -> None:
        """Write the results of linking: duplicate_of and story_id for every article."""
        with self.conn:
            self.conn.execute("UPDATE articles SET duplicate_of = NULL, story_id = NULL")
            self.conn.executemany("UPDATE articles SET duplicate_of = ? WHERE id = ?",
                                  [(orig, dup) for dup, orig in duplicates.items()])
            self.conn.executemany("UPDATE articles SET story_id = ? WHERE id = ?",
                                  [(sid, aid) for aid, sid in stories.items()])

    def replace_entities(self, entities: Iterable[dict[str, Any]]) -> None:
        """Replace the resolved entities (linking recomputes them from the stored mentions)."""
        with self.conn:
            self.conn.execute("DELETE FROM entities")
            self.conn.executemany(
                "INSERT INTO entities (id, name, type, actor_type, data) VALUES (?, ?, ?, ?, ?)",
                [(e["id"], e["name"], e.get("type"), e.get("actor_type"), json.dumps(e, ensure_ascii=False))
                 for e in entities])

    def set_mention_entities(self, entity_ids: dict[tuple[str, int], str | None]) -> None:
        """Point each stored mention, keyed by (article id, index), at its resolved entity."""
        with self.conn:
            self.conn.executemany(
                "UPDATE annotations SET data = json_set(data, '$.entity_id', ?) "
                "WHERE article_id = ? AND kind = 'mentions' AND idx = ?",
                [(eid, aid, idx) for (aid, idx), eid in entity_ids.items()])

    # -- reading ---------------------------------------------------------------------------------

    def article_rows(self, include_text: bool = True) -> list[dict[str, Any]]:
        cols = ARTICLE_COLUMNS if include_text else tuple(
            c for c in ARTICLE_COLUMNS if c not in ("raw_text", "text", "offsets"))
        with self.reader() as conn:
            rows = conn.execute(f"SELECT {', '.join(cols)} FROM articles ORDER BY published IS NULL, "
                                f"published, id LIMIT {ROW_CAP}").fetchall()
        return [dict(r) for r in rows]

    def annotation_rows(self, kind: str) -> list[dict[str, Any]]:
        """Every stored annotation of one kind, as dicts with `article_id` and `idx` added."""
        if kind not in ANNOTATION_KINDS:
            raise StoreError(f"unknown annotation kind {kind!r}; one of {', '.join(ANNOTATION_KINDS)}")
        with self.reader() as conn:
            rows = conn.execute("SELECT article_id, idx, data FROM annotations WHERE kind = ? "
                                f"ORDER BY article_id, idx LIMIT {ROW_CAP}", (kind,)).fetchall()
        return [dict(json.loads(r["data"]), article_id=r["article_id"], idx=r["idx"]) for r in rows]

    def load_article(self, article_id: str) -> Article:
        """Rebuild a stored article with all its annotations."""
        with self.reader() as conn:
            row = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
            if row is None:
                raise StoreError(f"no article {article_id!r} in {self.path}")
            ann = conn.execute("SELECT kind, data FROM annotations WHERE article_id = ? ORDER BY kind, idx",
                               (article_id,)).fetchall()
        return _article_from_row(dict(row), ann)

    def published_dates(self) -> set[str]:
        """The distinct publication days (ISO) of stored reports whose date was not itself inferred."""
        with self.reader() as conn:
            rows = conn.execute("SELECT DISTINCT substr(published, 1, 10) FROM articles "
                                "WHERE published IS NOT NULL AND published_source != 'inferred'").fetchall()
        return {r[0] for r in rows}

    def entity_rows(self) -> list[dict[str, Any]]:
        with self.reader() as conn:
            rows = conn.execute(f"SELECT data FROM entities ORDER BY name LIMIT {ROW_CAP}").fetchall()
        return [json.loads(r[0]) for r in rows]

    def reject_rows(self) -> list[dict[str, Any]]:
        with self.reader() as conn:
            rows = conn.execute(f"SELECT path, stage, code, message, article_id, created_at FROM rejects "
                                f"ORDER BY id LIMIT {ROW_CAP}").fetchall()
        return [dict(r) for r in rows]

    def counts(self) -> dict[str, int]:
        with self.reader() as conn:
            out = {"articles": conn.execute("SELECT count(*) FROM articles").fetchone()[0],
                   "rejects": conn.execute("SELECT count(*) FROM rejects").fetchone()[0],
                   "entities": conn.execute("SELECT count(*) FROM entities").fetchone()[0]}
            for kind, n in conn.execute("SELECT kind, count(*) FROM annotations GROUP BY kind"):
                out[kind] = n
        return out

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search over titles and texts (SQLite FTS5 query syntax)."""
        with self.reader() as conn:
            try:
                rows = conn.execute(
                    "SELECT article_id, title, snippet(articles_fts, 2, '[', ']', '…', 12) AS snippet "
                    "FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
                    (query, min(limit, 1000))).fetchall()
            except sqlite3.OperationalError as err:
                raise StoreError(f"bad search query {query!r}: {err}; quote phrases with double quotes") from err
        return [dict(r) for r in rows]


def _file_uri(path: str, query: str) -> str:
    return f"{Path(path).resolve().as_uri()}?{query}"


def open_read_only(path: str) -> sqlite3.Connection:
    """A read-only connection; on read-only media (where SQLite cannot make its -shm file) an immutable one."""
    if not Path(path).is_file():
        raise StoreError(f"no store at {path}; create one with `crosswire run INPUT --db {path}`")
    conn = sqlite3.connect(_file_uri(path, "mode=ro"), uri=True, timeout=30)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
    conn = sqlite3.connect(_file_uri(path, "immutable=1"), uri=True, timeout=30)
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


def _article_from_row(row: dict[str, Any], annotations: list[sqlite3.Row]) -> Article:
    published = datetime.fromisoformat(row["published"]) if row["published"] else None
    article = Article(raw_text=row["raw_text"], text=row["text"], id=row["id"], title=row["title"],
                      outlet=row["outlet"], url=row["url"], byline=row["byline"], published=published,
                      published_source=row["published_source"], language=row["language"],
                      source_path=row["source_path"], source_format=row["source_format"],
                      offsets=decode_offsets(row["offsets"]), meta=json.loads(row["meta"]))
    grouped: dict[str, list[dict[str, Any]]] = {}
    for ann in annotations:
        grouped.setdefault(ann["kind"], []).append(json.loads(ann["data"]))
    for kind, items in grouped.items():
        setattr(article, kind, annotations_from_json(kind, items))
    return article
