"""What the SQLite and PostgreSQL stores share: the queries of the storage protocol.

A backend supplies a connection and a few hooks (`_rows`, `_execute`, `_executemany`, `_transaction`,
the text ordering suffix, the full-text parts); the statements here are written in the SQL both
dialects accept, with `?` placeholders that a backend may rewrite.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any

from ..errors import StoreError
from ..model import ANNOTATION_TYPES, Article, annotations_from_json, content_hash, to_jsonable
from ..pipeline import Reject
from .base import AddResult
from .keys import INSERT_KEYS, article_key_rows
from .offsets import decode_offsets, encode_offsets

ANNOTATION_KINDS = tuple(ANNOTATION_TYPES)
ARTICLE_COLUMNS = ("id", "content_hash", "raw_hash", "source_key", "version_of", "title", "outlet", "url",
                   "byline", "published", "published_source", "language", "source_path", "source_format",
                   "raw_text", "text", "offsets", "meta", "duplicate_of", "story_id", "ingested_at")
PAGE_ROWS = 20_000  # rows per query of a full read: a large store is read page by page, never truncated
ID_CHUNK = 500  # ids per `IN (...)` list
KEEP_BRIEFS = 10  # brief states kept for "changes since the previous brief"


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


class SqlStore:
    """The storage protocol over a DB-API connection; subclasses bind it to one database."""

    path: str
    dialect: str
    text_order = ""  # appended to ORDER BY on text columns (PostgreSQL: byte order, as SQLite)

    # -- hooks -----------------------------------------------------------------------------------

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        raise NotImplementedError

    def _all_rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Every row of an ordered query, read in pages of `PAGE_ROWS` (the ORDER BY must be total)."""
        rows: list[dict[str, Any]] = []
        while True:
            page = self._rows(f"{sql} LIMIT {PAGE_ROWS} OFFSET {len(rows)}", params)
            rows += page
            if len(page) < PAGE_ROWS:
                return rows

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one statement in the current transaction; returns the rows it changed."""
        raise NotImplementedError

    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        raise NotImplementedError

    def _transaction(self) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def _link_lock(self) -> None:
        """Serialise linkers (PostgreSQL: an advisory lock held to the end of the transaction)."""

    def close(self) -> None:
        raise NotImplementedError

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        raise NotImplementedError

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------------

    def has_raw(self, text: str) -> str | None:
        rows = self._rows("SELECT id FROM articles WHERE raw_hash = ?", (raw_hash(text),))
        return rows[0]["id"] if rows else None

    def content_of(self, article_id: str) -> str | None:
        """The content hash of the stored article with this id, if any."""
        rows = self._rows("SELECT content_hash FROM articles WHERE id = ?", (article_id,))
        return rows[0]["content_hash"] if rows else None

    def add_article(self, article: Article, now: datetime | None = None) -> AddResult:
        with self._transaction():
            return self._add(article, (now or datetime.now(UTC)).isoformat())

    def add_articles(self, articles: Iterable[Article], now: datetime | None = None) -> list[AddResult]:
        stamp = (now or datetime.now(UTC)).isoformat()
        with self._transaction():
            return [self._add(a, stamp) for a in articles]

    def _add(self, article: Article, stamp: str) -> AddResult:
        chash = content_hash(article.text)
        found = self._rows("SELECT id FROM articles WHERE content_hash = ?", (chash,))
        if found:
            return AddResult("exists", found[0]["id"])
        held = self.content_of(article.id)
        if held == chash:  # another writer stored this very report since the look-up above
            return AddResult("exists", article.id)
        if held is not None:  # a reused id (which `api.settle_id` prevents)
            raise StoreError(f"id {article.id!r} is already stored for a different text; give each report "
                             "its own id", path=article.source_path, stage="store")
        key = source_key(article)
        previous = None
        if key:
            prev = self._rows("SELECT id FROM articles WHERE source_key = ? ORDER BY ingested_at DESC, "
                              f"id{self.text_order} LIMIT 1", (key,))
            previous = prev[0]["id"] if prev else None
        values = _article_values(article, chash, key, previous, stamp)
        inserted = self._execute(f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) VALUES "
                                 f"({', '.join('?' * len(ARTICLE_COLUMNS))}) ON CONFLICT DO NOTHING", values)
        if not inserted:  # another writer stored the same content (or id) first
            found = self._rows("SELECT id FROM articles WHERE content_hash = ?", (chash,))
            return AddResult("exists", found[0]["id"] if found else article.id)
        records = _annotation_records(article)
        self._executemany('INSERT INTO annotations (article_id, kind, idx, start, "end", data) '
                          "VALUES (?, ?, ?, ?, ?, ?)", _annotation_values(article.id, records))
        self._executemany(INSERT_KEYS, article_key_rows(article.id, records))
        self._execute("INSERT INTO articles_fts (article_id, title, text) VALUES (?, ?, ?)",
                      (article.id, article.title or "", article.text))
        return AddResult("version" if previous else "added", article.id, previous)

    def add_reject(self, reject: Reject, now: datetime | None = None) -> bool:
        stamp = (now or datetime.now(UTC)).isoformat()
        with self._transaction():
            return self._execute(
                "INSERT INTO rejects (path, stage, code, message, article_id, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (reject.path, reject.stage, reject.code, reject.message, reject.article_id, stamp)) > 0

    def set_links(self, duplicates: dict[str, str | None], stories: dict[str, str], *, reset: bool = True) -> None:
        with self._transaction():
            self._link_lock()
            if reset:
                self._execute("UPDATE articles SET duplicate_of = NULL, story_id = NULL")
            self._executemany("UPDATE articles SET duplicate_of = ? WHERE id = ?",
                              [(orig, dup) for dup, orig in sorted(duplicates.items())])
            self._executemany("UPDATE articles SET story_id = ? WHERE id = ?",
                              [(sid, aid) for aid, sid in sorted(stories.items())])

    def replace_entities(self, entities: Iterable[dict[str, Any]]) -> None:
        """Make the stored entities these: only rows that changed are written."""
        rows = {e["id"]: (e["id"], e["name"], e.get("type"), e.get("actor_type"), json.dumps(e, ensure_ascii=False))
                for e in entities}
        with self._transaction():
            self._link_lock()
            stored = {r["id"]: r["data"] for r in self._all_rows(f"SELECT id, data FROM entities ORDER BY id{self.text_order}")}
            gone = sorted(set(stored) - set(rows))
            changed = [row for eid, row in sorted(rows.items()) if stored.get(eid) != row[4]]
            self._executemany("DELETE FROM entities WHERE id = ?", [(eid,) for eid in gone + [r[0] for r in changed
                                                                                         if r[0] in stored]])
            self._executemany("INSERT INTO entities (id, name, type, actor_type, data) VALUES (?, ?, ?, ?, ?)", changed)

    def update_entities(self, removed: Iterable[str], added: Iterable[dict[str, Any]]) -> None:
        """Remove some stored entities and add (or overwrite) others, leaving the rest as they are."""
        with self._transaction():
            self._link_lock()
            self._executemany("DELETE FROM entities WHERE id = ?", [(eid,) for eid in sorted(set(removed))])
            self._executemany(
                "INSERT INTO entities (id, name, type, actor_type, data) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO "
                "UPDATE SET name = excluded.name, type = excluded.type, actor_type = excluded.actor_type, "
                "data = excluded.data",
                [(e["id"], e["name"], e.get("type"), e.get("actor_type"), json.dumps(e, ensure_ascii=False))
                 for e in added])

    def set_mention_entities(self, entity_ids: dict[tuple[str, int], str | None]) -> None:
        with self._transaction():
            self._link_lock()
            stored: dict[tuple[str, int], str] = {}
            for chunk in _chunks(sorted({aid for aid, _ in entity_ids})):
                stored.update({(r["article_id"], r["idx"]): r["data"] for r in self._rows(
                    "SELECT article_id, idx, data FROM annotations WHERE kind = 'mentions' AND article_id IN "
                    f"({', '.join('?' * len(chunk))})", chunk)})
            updates = []
            for (aid, idx), eid in sorted(entity_ids.items(), key=lambda kv: kv[0]):
                if (aid, idx) not in stored:
                    continue
                data = json.loads(stored[(aid, idx)])
                if data.get("entity_id", "\0") != eid:
                    data["entity_id"] = eid
                    updates.append((json.dumps(data, ensure_ascii=False), aid, idx))
            self._executemany("UPDATE annotations SET data = ? WHERE article_id = ? AND kind = 'mentions' "
                              "AND idx = ?", updates)

    def save_link_state(self, generation: int, reports: dict[str, tuple[str | None, str]],
                        pairs: Iterable[tuple[str, str, float]], *, reset: bool = False) -> None:
        """Stamp reports as linked at `generation` with (signature, mention keys) each, and add duplicate
        pairs; `reset` first forgets every stamp and pair (a full relink)."""
        with self._transaction():
            self._link_lock()
            if reset:
                self._execute("DELETE FROM duplicate_pairs")
                self._execute("DELETE FROM link_state")
            self._executemany("INSERT INTO link_state (article_id, generation, signature, mention_keys) "
                              "VALUES (?, ?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET generation = "
                              "excluded.generation, signature = excluded.signature, mention_keys = excluded.mention_keys",
                              [(aid, generation, sig, keys) for aid, (sig, keys) in sorted(reports.items())])
            self._executemany("INSERT INTO duplicate_pairs (a, b, score) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                              sorted(pairs))

    def link_state_rows(self) -> list[dict[str, Any]]:
        return self._all_rows("SELECT article_id, generation, signature, mention_keys FROM link_state "
                              f"ORDER BY article_id{self.text_order}")

    def duplicate_pair_rows(self) -> list[tuple[str, str, float]]:
        rows = self._all_rows(f"SELECT a, b, score FROM duplicate_pairs ORDER BY a{self.text_order}, b{self.text_order}")
        return [(r["a"], r["b"], float(r["score"])) for r in rows]

    def add_brief(self, state: dict[str, Any], now: datetime | None = None) -> None:
        """Record a brief's state; only the last `KEEP_BRIEFS` are kept (a state lists every event's mentions)."""
        stamp = (now or datetime.now(UTC)).isoformat()
        with self._transaction():
            self._execute("INSERT INTO briefs (created_at, data) VALUES (?, ?)",
                          (stamp, json.dumps(state, ensure_ascii=False, sort_keys=True)))
            self._execute(f"DELETE FROM briefs WHERE id NOT IN (SELECT id FROM briefs ORDER BY id DESC "
                          f"LIMIT {KEEP_BRIEFS})")

    # -- reading ---------------------------------------------------------------------------------

    def last_brief(self) -> dict[str, Any] | None:
        rows = self._rows("SELECT created_at, data FROM briefs ORDER BY id DESC LIMIT 1")
        return dict(json.loads(rows[0]["data"]), created_at=rows[0]["created_at"]) if rows else None

    def article_rows(self, include_text: bool = True, ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
        cols = ARTICLE_COLUMNS if include_text else tuple(
            c for c in ARTICLE_COLUMNS if c not in ("raw_text", "text", "offsets"))
        order = f"ORDER BY published IS NULL, published{self.text_order}, id{self.text_order}"
        if ids is None:
            return self._all_rows(f"SELECT {', '.join(cols)} FROM articles {order}")
        rows = []
        for chunk in _chunks(sorted(set(ids))):
            rows += self._rows(f"SELECT {', '.join(cols)} FROM articles WHERE id IN "
                               f"({', '.join('?' * len(chunk))})", chunk)
        return sorted(rows, key=lambda r: (r["published"] is None, r["published"] or "", r["id"]))

    def article_texts(self) -> dict[str, str]:
        """Every stored article's cleaned text by id (without its raw text and offsets)."""
        rows = self._all_rows(f"SELECT id, text FROM articles ORDER BY id{self.text_order}")
        return {r["id"]: r["text"] for r in rows}

    def annotation_rows(self, kind: str) -> list[dict[str, Any]]:
        if kind not in ANNOTATION_KINDS:
            raise StoreError(f"unknown annotation kind {kind!r}; one of {', '.join(ANNOTATION_KINDS)}")
        rows = self._all_rows("SELECT article_id, idx, data FROM annotations WHERE kind = ? "
                              f"ORDER BY article_id{self.text_order}, idx", (kind,))
        return [dict(json.loads(r["data"]), article_id=r["article_id"], idx=r["idx"]) for r in rows]

    def load_article(self, article_id: str) -> Article:
        rows = self._rows(f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE id = ?", (article_id,))
        if not rows:
            raise StoreError(f"no article {article_id!r} in {self.path}")
        ann = self._rows(f"SELECT kind, data FROM annotations WHERE article_id = ? "
                         f"ORDER BY kind{self.text_order}, idx", (article_id,))
        return _article_from_row(rows[0], ann)

    def published_dates(self) -> set[str]:
        rows = self._rows("SELECT DISTINCT substr(published, 1, 10) AS day FROM articles "
                          "WHERE published IS NOT NULL AND published_source != 'inferred'")
        return {r["day"] for r in rows}

    def entity_rows(self) -> list[dict[str, Any]]:
        rows = self._all_rows(f"SELECT data FROM entities ORDER BY name{self.text_order}, id{self.text_order}")
        return [json.loads(r["data"]) for r in rows]

    def reject_rows(self) -> list[dict[str, Any]]:
        return self._all_rows("SELECT path, stage, code, message, article_id, created_at FROM rejects ORDER BY id")

    def counts(self) -> dict[str, int]:
        out = {table: int(self._rows(f"SELECT count(*) AS n FROM {table}")[0]["n"])
               for table in ("articles", "rejects", "entities")}
        for row in self._rows(f"SELECT kind, count(*) AS n FROM annotations GROUP BY kind "
                              f"ORDER BY kind{self.text_order}"):
            out[row["kind"]] = int(row["n"])
        return out


def _chunks(ids: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(ids), ID_CHUNK):
        yield ids[start:start + ID_CHUNK]


def _article_values(a: Article, chash: str, key: str | None, previous: str | None,
                    stamp: str) -> tuple[Any, ...]:
    meta = {k: v for k, v in a.meta.items() if not k.startswith("_")}
    return (a.id, chash, raw_hash(a.raw_text), key, previous, a.title, a.outlet, a.url, a.byline,
            a.published.isoformat() if a.published else None, a.published_source, a.language,
            a.source_path, a.source_format, a.raw_text, a.text, encode_offsets(a.offsets),
            json.dumps(to_jsonable(meta), ensure_ascii=False), None, None, stamp)


def _annotation_records(article: Article) -> dict[str, list[dict[str, Any]]]:
    """The article's annotations as the JSON-shaped dicts stored, by kind."""
    return {kind: [to_jsonable(item) for item in getattr(article, kind)] for kind in ANNOTATION_KINDS}


def _annotation_values(article_id: str, records: dict[str, list[dict[str, Any]]]) -> list[tuple[Any, ...]]:
    return [(article_id, kind, idx, data.get("start"), data.get("end"), json.dumps(data, ensure_ascii=False))
            for kind, items in records.items() for idx, data in enumerate(items)]


def _article_from_row(row: dict[str, Any], annotations: list[dict[str, Any]]) -> Article:
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
