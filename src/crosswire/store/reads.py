"""Read-only queries for the REST API, the web UI and the Python API: filtered, paginated, counted.

Every list query returns a `Page`: the rows asked for and the total that match, so a reader always knows
when there are more (no silent cap). A page is at most `MAX_LIMIT` rows; asking for more is an error, not a
shorter page. Connections are opened read-only (`mode=ro`), so nothing here can change the store.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import CrosswireError, StoreError
from .schema import SCHEMA_VERSION
from .sqlite import open_read_only

MAX_LIMIT = 500
QUERY_TIME_LIMIT_STEPS = 50_000_000  # SQLite VM steps before a query is cut off (a runaway FTS query)


class NotFound(CrosswireError):
    code = "not_found"


class BadQuery(CrosswireError):
    code = "bad_query"


@dataclass
class Page:
    rows: list[dict[str, Any]]
    total: int
    limit: int
    offset: int

    @property
    def next_offset(self) -> int | None:
        return self.offset + self.limit if self.offset + self.limit < self.total else None


@dataclass
class Filters:
    """What a list may be narrowed by; None means 'any'. Dates are ISO strings compared as text."""

    type: str | None = None
    actor: str | None = None
    place: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    story: str | None = None
    article: str | None = None
    mapped: bool | None = None
    extra: dict[str, str] = field(default_factory=dict)


# Per annotation kind: which JSON field each filter reads. `place` for events joins the place annotation.
KIND_FILTERS: dict[str, dict[str, str]] = {
    "events": {"type": "event_type", "actor": "actor1|actor2", "date": "date"},
    "figures": {"type": "kind", "actor": "attributed_to", "place": "place", "date": "time"},
    "places": {"type": "feature_code", "place": "name|text"},
    "claims": {"type": "voice", "actor": "source"},
    "times": {"type": "type", "date": "value"},
    "mentions": {"type": "label", "actor": "text|canonical"},
}


def check_page(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise BadQuery(f"limit must be between 1 and {MAX_LIMIT}, not {limit}; page with offset")
    if offset < 0:
        raise BadQuery(f"offset must be 0 or more, not {offset}")


def every_row(fetch: Callable[[int, int], Page]) -> list[dict[str, Any]]:
    """Every row of a paginated query, fetched page by page (`fetch(limit, offset)`), so nothing is cut off."""
    rows: list[dict[str, Any]] = []
    offset = 0
    while True:
        page = fetch(MAX_LIMIT, offset)
        rows += page.rows
        if page.next_offset is None:
            return rows
        offset = page.next_offset


class ReadStore:
    """A store opened for reading only. It never creates, migrates or writes the file."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if not Path(self.path).is_file():
            raise StoreError(f"no store at {self.path}; create one with `crosswire run INPUT --db {self.path}`")
        with self.connect() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None or int(row[0]) > SCHEMA_VERSION:
            raise StoreError(f"{self.path} is not a crosswire store this version can read")

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        try:
            conn = open_read_only(self.path)  # read-only; immutable on read-only media
        except sqlite3.Error as err:
            raise StoreError(f"cannot open store {self.path}: {err}") from err
        conn.row_factory = sqlite3.Row
        conn.set_progress_handler(lambda: 1, QUERY_TIME_LIMIT_STEPS)
        try:
            yield conn
        except sqlite3.OperationalError as err:
            raise BadQuery(f"query failed: {err}") from err
        finally:
            conn.close()

    # -- annotations -------------------------------------------------------------------------------

    def annotations(self, kind: str, filters: Filters, limit: int, offset: int) -> Page:
        """One kind of annotation, filtered, in store order (report id, position), with the total that match.

        The page is chosen on row ids alone (an index walk), then only its rows are read and joined."""
        check_page(limit, offset)
        where, params, join_place = _annotation_where(kind, filters)
        source = "FROM annotations a" + (f" {PLACE_JOIN}" if join_place else "")
        clause = " AND ".join(where)
        with self.connect() as conn:
            total = conn.execute(f"SELECT count(*) {source} WHERE {clause}", params).fetchone()[0]
            ids = [r[0] for r in conn.execute(f"SELECT a.rowid {source} WHERE {clause} ORDER BY a.article_id, "
                                              "a.idx LIMIT ? OFFSET ?", (*params, limit, offset))]
            rows = conn.execute(f"SELECT a.article_id, a.idx, a.data, p.data AS place_data FROM annotations a "
                                f"{PLACE_JOIN} WHERE a.rowid IN ({', '.join('?' * len(ids))}) "
                                "ORDER BY a.article_id, a.idx", ids).fetchall() if ids else []
        return Page([_annotation(r) for r in rows], total, limit, offset)

    def annotation_by_id(self, kind: str, item_id: str) -> dict[str, Any]:
        """One event or figure by its id (`ARTICLE-e3`, or `ARTICLE.e3` in older stores)."""
        with self.connect() as conn:
            row = conn.execute(
                "SELECT a.article_id, a.idx, a.data, p.data AS place_data FROM annotations a "
                "LEFT JOIN annotations p ON p.kind = 'places' AND p.article_id = a.article_id "
                "AND p.idx = json_extract(a.data, '$.place') WHERE a.kind = ? AND "
                "(json_extract(a.data, '$.id') = ? OR a.article_id || '.' || ? || a.idx = ?)",
                (kind, item_id, kind[0], item_id)).fetchone()
        if row is None:
            raise NotFound(f"no {kind[:-1]} {item_id!r} in this store")
        return _annotation(row)

    def article_annotations(self, article_id: str) -> dict[str, list[dict[str, Any]]]:
        with self.connect() as conn:
            rows = conn.execute("SELECT kind, idx, data FROM annotations WHERE article_id = ? "
                                "ORDER BY kind, idx", (article_id,)).fetchall()
        out: dict[str, list[dict[str, Any]]] = {}
        for r in rows:
            out.setdefault(r["kind"], []).append(dict(json.loads(r["data"]), idx=r["idx"], article_id=article_id))
        return out

    def places_by_geonameid(self, geonameid: int, limit: int, offset: int) -> Page:
        check_page(limit, offset)
        base = "FROM annotations WHERE kind = 'places' AND json_extract(data, '$.geonameid') = ?"
        with self.connect() as conn:
            total = conn.execute(f"SELECT count(*) {base}", (geonameid,)).fetchone()[0]
            rows = conn.execute(f"SELECT article_id, idx, data, NULL AS place_data {base} "
                                "ORDER BY article_id, idx LIMIT ? OFFSET ?", (geonameid, limit, offset)).fetchall()
        if total == 0:
            raise NotFound(f"no place with GeoNames id {geonameid} in this store")
        return Page([_annotation(r) for r in rows], total, limit, offset)

    # -- articles, stories, entities ---------------------------------------------------------------

    def articles(self, filters: Filters, limit: int, offset: int) -> Page:
        check_page(limit, offset)
        where, params = ["1"], []
        _add(where, params, "story_id = ?", filters.story)
        _add(where, params, "outlet = ?", filters.extra.get("outlet"))
        _add(where, params, "substr(published, 1, 10) >= ?", filters.date_from)
        _add(where, params, "substr(published, 1, 10) <= ?", filters.date_to)
        base = f"FROM articles WHERE {' AND '.join(where)}"
        with self.connect() as conn:
            total = conn.execute(f"SELECT count(*) {base}", params).fetchone()[0]
            rows = conn.execute(f"SELECT {ARTICLE_LIST_COLUMNS} {base} ORDER BY published IS NULL, published, id "
                                "LIMIT ? OFFSET ?", (*params, limit, offset)).fetchall()
        return Page([dict(r) for r in rows], total, limit, offset)

    def article(self, article_id: str) -> dict[str, Any]:
        with self.connect() as conn:
            row = conn.execute(f"SELECT {ARTICLE_LIST_COLUMNS}, text FROM articles WHERE id = ?",
                               (article_id,)).fetchone()
        if row is None:
            raise NotFound(f"no article {article_id!r} in this store")
        return dict(row)

    def stories(self, limit: int, offset: int) -> Page:
        check_page(limit, offset)
        with self.connect() as conn:
            total = conn.execute("SELECT count(DISTINCT story_id) FROM articles WHERE story_id IS NOT NULL"
                                 ).fetchone()[0]
            rows = conn.execute(
                "SELECT story_id AS id, count(*) AS n_articles, min(published) AS first_published, "
                "max(published) AS last_published, json_group_array(id) AS articles, "
                "json_group_array(title) AS titles, json_group_array(DISTINCT outlet) AS outlets "
                "FROM (SELECT id, title, outlet, published, story_id FROM articles "
                "ORDER BY published IS NULL, published, id) "
                "WHERE story_id IS NOT NULL GROUP BY story_id ORDER BY count(*) DESC, story_id "
                "LIMIT ? OFFSET ?", (limit, offset)).fetchall()
        return Page([_story(r) for r in rows], total, limit, offset)

    def story(self, story_id: str) -> dict[str, Any]:
        page = self.stories(MAX_LIMIT, 0)
        for offset in range(0, page.total, MAX_LIMIT):
            for row in (page if offset == 0 else self.stories(MAX_LIMIT, offset)).rows:
                if row["id"] == story_id:
                    return row
        raise NotFound(f"no story {story_id!r} in this store")

    def entities(self, filters: Filters, limit: int, offset: int) -> Page:
        check_page(limit, offset)
        where, params = ["1"], []
        _add(where, params, "type = ?", filters.type)
        if filters.actor:
            where.append("(name LIKE ? OR data LIKE ?)")
            params += [f"%{filters.actor}%", f'%"name": "%{filters.actor}%']
        base = f"FROM entities WHERE {' AND '.join(where)}"
        with self.connect() as conn:
            total = conn.execute(f"SELECT count(*) {base}", params).fetchone()[0]
            rows = conn.execute(f"SELECT data {base} ORDER BY name, id LIMIT ? OFFSET ?",
                                (*params, limit, offset)).fetchall()
        return Page([json.loads(r[0]) for r in rows], total, limit, offset)

    def entity(self, entity_id: str) -> dict[str, Any]:
        with self.connect() as conn:
            row = conn.execute("SELECT data FROM entities WHERE id = ?", (entity_id,)).fetchone()
        if row is None:
            raise NotFound(f"no entity {entity_id!r} in this store")
        return json.loads(row[0])

    def search(self, query: str, limit: int, offset: int) -> Page:
        """Full-text search (FTS5 syntax) over titles and texts, best match first."""
        check_page(limit, offset)
        if not query.strip():
            raise BadQuery("the search query is empty; give a word or a quoted phrase")
        try:
            with self.connect() as conn:
                total = conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
                                     (query,)).fetchone()[0]
                rows = conn.execute(
                    "SELECT article_id, title, snippet(articles_fts, 2, '[', ']', '…', 12) AS snippet "
                    "FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
                    (query, limit, offset)).fetchall()
        except BadQuery as err:
            raise BadQuery(f"bad search query {query!r}: {err.message}; quote phrases with double quotes") from err
        return Page([dict(r) for r in rows], total, limit, offset)

    # -- whole-store reads for reconciliation (the same rows `Store` gives) ------------------------

    def article_rows(self) -> list[dict[str, Any]]:
        """Every article with its text and metadata, oldest first (what `reconcile.report_views` reads)."""
        with self.connect() as conn:
            rows = conn.execute(f"SELECT {ARTICLE_LIST_COLUMNS}, text, meta FROM articles "
                                "ORDER BY published IS NULL, published, id").fetchall()
        return [dict(r) for r in rows]

    def annotation_rows(self, kind: str) -> list[dict[str, Any]]:
        with self.connect() as conn:
            rows = conn.execute("SELECT article_id, idx, data FROM annotations WHERE kind = ? "
                                "ORDER BY article_id, idx", (kind,)).fetchall()
        return [dict(json.loads(r["data"]), article_id=r["article_id"], idx=r["idx"]) for r in rows]

    def version(self) -> tuple[int, str | None, int]:
        """Changes whenever reports are added or relinked: (articles, last ingest, entities)."""
        with self.connect() as conn:
            row = conn.execute("SELECT count(*), max(ingested_at), (SELECT count(*) FROM entities) "
                               "FROM articles").fetchone()
        return int(row[0]), row[1], int(row[2])

    def counts(self) -> dict[str, int]:
        with self.connect() as conn:
            out = {"articles": conn.execute("SELECT count(*) FROM articles").fetchone()[0],
                   "entities": conn.execute("SELECT count(*) FROM entities").fetchone()[0]}
            for kind, n in conn.execute("SELECT kind, count(*) FROM annotations GROUP BY kind"):
                out[kind] = n
        return out


PLACE_JOIN = ("LEFT JOIN annotations p ON a.kind = 'events' AND p.kind = 'places' AND p.article_id = a.article_id "
              "AND p.idx = json_extract(a.data, '$.place')")
ARTICLE_LIST_COLUMNS = ("id, title, outlet, url, byline, published, published_source, language, source_path, "
                        "source_format, version_of, duplicate_of, story_id")


def _add(where: list[str], params: list[Any], clause: str, value: Any) -> None:
    if value is not None and value != "":
        where.append(clause)
        params.append(value)


def _json_any(fields: str, op: str) -> str:
    """`json_extract(a.data, '$.f1') OP ? OR ...` for `f1|f2`: a filter that reads either field."""
    return "(" + " OR ".join(f"json_extract(a.data, '$.{f}') {op}" for f in fields.split("|")) + ")"


def _annotation_where(kind: str, filters: Filters) -> tuple[list[str], list[Any], bool]:
    """WHERE clauses and parameters for a filtered list, and whether the event's place must be joined."""
    if kind not in KIND_FILTERS:
        raise BadQuery(f"unknown kind {kind!r}; one of {', '.join(KIND_FILTERS)}")
    fields = KIND_FILTERS[kind]
    where, params = ["a.kind = ?"], [kind]
    _add(where, params, "a.article_id = ?", filters.article)
    _add(where, params, "a.article_id IN (SELECT id FROM articles WHERE story_id = ?)", filters.story)
    for name, value in (("type", filters.type), ("actor", filters.actor)):
        if value and name in fields:
            # type is an exact value (indexed for events); actor matches part of a name, any case
            op, arg = ("= ?", value) if name == "type" else ("LIKE ?", f"%{value}%")
            if name == "actor":  # a cheap text test first, so only candidate rows are parsed
                _add(where, params, "a.data LIKE ?", arg)
            where.append(_json_any(fields[name], op))
            params += [arg] * len(fields[name].split("|"))
        elif value:
            raise BadQuery(f"{kind} cannot be filtered by {name}")
    join_place = False
    if filters.place:
        if kind == "events":
            join_place = True
            _add(where, params, "a.article_id IN (SELECT article_id FROM annotations WHERE kind = 'places' "
                 "AND data LIKE ?)", f"%{filters.place}%")
            where.append("(json_extract(p.data, '$.name') LIKE ? OR json_extract(p.data, '$.text') LIKE ?)")
            params += [f"%{filters.place}%"] * 2
        elif "place" in fields:
            where.append(_json_any(fields["place"], "LIKE ?"))
            params += [f"%{filters.place}%"] * len(fields["place"].split("|"))
        else:
            raise BadQuery(f"{kind} cannot be filtered by place")
    _date_where(kind, fields, filters, where, params)
    if filters.mapped is not None:
        where.append(f"json_extract(a.data, '$.lat') IS {'NOT ' if filters.mapped else ''}NULL")
    return where, params, join_place


def _date_where(kind: str, fields: dict[str, str], filters: Filters, where: list[str], params: list[Any]) -> None:
    """Dates compared as ISO text: from the first day given, to the end of the last (its times included)."""
    if not (filters.date_from or filters.date_to):
        return
    if "date" not in fields:
        raise BadQuery(f"{kind} cannot be filtered by date")
    column = f"json_extract(a.data, '$.{fields['date']}')"
    _add(where, params, f"{column} >= ?", filters.date_from)
    _add(where, params, f"{column} <= ? || 'Z'", filters.date_to)


def _annotation(row: sqlite3.Row) -> dict[str, Any]:
    data = dict(json.loads(row["data"]), article_id=row["article_id"], idx=row["idx"])
    if row["place_data"] is not None:
        data["_place"] = json.loads(row["place_data"])
    return data


def _story(row: sqlite3.Row) -> dict[str, Any]:
    out = dict(row)
    for key in ("articles", "titles", "outlets"):
        out[key] = [v for v in json.loads(out[key]) if v is not None] if key == "outlets" else json.loads(out[key])
    return out
