"""The embedded SQLite store: one file, WAL, FTS5 over article text.

One writer connection per `Store`; reads that may run beside a writer (the API, exports) open
read-only connections with `Store.reader()`. All SQL in crosswire lives in this package.
"""

from __future__ import annotations

import hashlib
import json
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
    """What identifies 'the same report' across versions: its URL, else its file and record id."""
    if article.url:
        return "url:" + article.url.strip()
    if article.source_path:
        record = article.meta.get("record_id")
        return "path:" + article.source_path + (f"#{record}" if record is not None else "")
    return None


class Store:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(self.path, timeout=30)
        except sqlite3.Error as err:
            raise StoreError(f"cannot open store {self.path}: {err}; check the path and its permissions") from err
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.migrate()

    # -- lifecycle -------------------------------------------------------------------------------

    def migrate(self) -> None:
        self.conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        current = int(row[0]) if row else 0
        if current > SCHEMA_VERSION:
            raise StoreError(f"store {self.path} has schema {current}, newer than this crosswire "
                             f"({SCHEMA_VERSION}); upgrade crosswire to open it")
        for version, sql in MIGRATIONS:
            if version > current:
                with self.conn:
                    self.conn.executescript(sql)
                    self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(version),))

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def reader(self) -> Iterator[sqlite3.Connection]:
        """A read-only connection (for queries beside the writer)."""
        if self.path == ":memory:":
            yield self.conn
            return
        conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=30)
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

    def add_article(self, article: Article, now: datetime | None = None) -> AddResult:
        """Store one analysed article once: the same content twice is stored once; changed content is a new version."""
        chash = content_hash(article.text)
        row = self.conn.execute("SELECT id FROM articles WHERE content_hash = ?", (chash,)).fetchone()
        if row:
            return AddResult("exists", row[0])
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
