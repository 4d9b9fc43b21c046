"""Read-only queries for the REST API, the web UI and the Python API: filtered, paginated, counted.

Every list query returns a `Page`: the rows asked for and the total that match, so a reader always knows
when there are more (no silent cap). A page is at most `MAX_LIMIT` rows; asking for more is an error, not a
shorter page.

`ReadStore` runs over either backend of the storage protocol (a SQLite file opened read-only, or a
PostgreSQL URL): its SQL is written once, in what both dialects accept, and run through the backend. Lists
filter and order on the narrow `annotation_keys` table (`keys.py`), then read the JSON of one page only.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import CrosswireError, StoreError
from .base import is_server_url
from .keys import KEY_FIELDS
from .sql import SqlStore

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



def _open(where: str) -> SqlStore:
    """The backend for a path or URL: PostgreSQL for a server URL, else the SQLite file, read-only."""
    if is_server_url(where):
        from .postgres import PostgresStore

        return PostgresStore(where)
    from .sqlite import SQLiteStore

    return SQLiteStore(where, read_only=True, step_limit=QUERY_TIME_LIMIT_STEPS)


class ReadStore:
    """A store opened for reading: a SQLite file (read-only: never created, migrated or written) or a
    PostgreSQL URL; or an already open store of either backend."""

    def __init__(self, where: str | Path | SqlStore) -> None:
        self.backend = where if isinstance(where, SqlStore) else _open(str(where))
        self.path = self.backend.path
        self._order = self.backend.text_order

    def close(self) -> None:
        self.backend.close()

    def _q(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        try:
            return self.backend._rows(sql, params)
        except StoreError as err:
            raise BadQuery(f"query failed: {err.message}") from err

    # -- annotations -------------------------------------------------------------------------------

    def annotations(self, kind: str, filters: Filters, limit: int, offset: int) -> Page:
        """One kind of annotation, filtered, in store order (report id, position), with the total that match.

        The filters and the page are read from the key table alone; then only the page's records."""
        check_page(limit, offset)
        where, params = _key_where(kind, filters)
        clause = " AND ".join(where)
        total = self._q(f"SELECT count(*) AS n FROM annotation_keys k WHERE {clause}", params)[0]["n"]
        keys = self._q(f"SELECT k.article_id, k.idx FROM annotation_keys k WHERE {clause} "
                       f"ORDER BY k.article_id{self._order}, k.idx LIMIT ? OFFSET ?", (*params, limit, offset))
        return Page(self._records(kind, [(r["article_id"], r["idx"]) for r in keys]), int(total), limit, offset)

    def _records(self, kind: str, keys: list[tuple[str, int]]) -> list[dict[str, Any]]:
        """The stored records at (article, index) keys, in that order; an event with its place as `_place`."""
        if not keys:
            return []
        articles = sorted({a for a, _ in keys})
        marks = ", ".join("?" * len(articles))
        rows = {(r["article_id"], r["idx"]): r for r in self._q(
            f"SELECT article_id, idx, data FROM annotations WHERE kind = ? AND article_id IN ({marks})",
            (kind, *articles))}
        places = {}
        if kind == "events":
            places = {(r["article_id"], r["idx"]): r["data"] for r in self._q(
                f"SELECT article_id, idx, data FROM annotations WHERE kind = 'places' AND article_id IN ({marks})",
                articles)}
        out = []
        for key in keys:
            if key not in rows:
                continue
            data = dict(json.loads(rows[key]["data"]), article_id=key[0], idx=key[1])
            place = places.get((key[0], data.get("place"))) if kind == "events" else None
            if place is not None:
                data["_place"] = json.loads(place)
            out.append(data)
        return out

    def annotation_by_id(self, kind: str, item_id: str) -> dict[str, Any]:
        """One event or figure by its id (`ARTICLE-e3`, or `ARTICLE.e3` in older stores)."""
        keys = [(r["article_id"], r["idx"]) for r in self._q(
            "SELECT article_id, idx FROM annotation_keys WHERE kind = ? AND ref = ?", (kind, item_id))]
        if not keys and kind in KEY_FIELDS:
            article_id, _, position = item_id.rpartition(f".{kind[0]}")
            keys = [(article_id, int(position))] if article_id and position.isdigit() else []
        found = self._records(kind, keys[:1]) if kind in KEY_FIELDS else []
        if not found:
            raise NotFound(f"no {kind[:-1]} {item_id!r} in this store")
        return found[0]

    def article_annotations(self, article_id: str) -> dict[str, list[dict[str, Any]]]:
        rows = self._q(f"SELECT kind, idx, data FROM annotations WHERE article_id = ? "
                       f"ORDER BY kind{self._order}, idx", (article_id,))
        out: dict[str, list[dict[str, Any]]] = {}
        for r in rows:
            out.setdefault(r["kind"], []).append(dict(json.loads(r["data"]), idx=r["idx"], article_id=article_id))
        return out

    def places_by_geonameid(self, geonameid: int, limit: int, offset: int) -> Page:
        check_page(limit, offset)
        base = "FROM annotation_keys WHERE kind = 'places' AND ref = ?"
        total = self._q(f"SELECT count(*) AS n {base}", (str(geonameid),))[0]["n"]
        if total == 0:
            raise NotFound(f"no place with GeoNames id {geonameid} in this store")
        keys = self._q(f"SELECT article_id, idx {base} ORDER BY article_id{self._order}, idx LIMIT ? OFFSET ?",
                       (str(geonameid), limit, offset))
        return Page(self._records("places", [(r["article_id"], r["idx"]) for r in keys]), int(total), limit, offset)

    # -- articles, stories, entities ---------------------------------------------------------------

    def articles(self, filters: Filters, limit: int, offset: int) -> Page:
        """Reports without their text, oldest first (undated last): ids paged first, then their columns."""
        check_page(limit, offset)
        where, params = ["1 = 1"], []
        _add(where, params, "story_id = ?", filters.story)
        _add(where, params, "outlet = ?", filters.extra.get("outlet"))
        _add(where, params, "substr(published, 1, 10) >= ?", filters.date_from)
        _add(where, params, "substr(published, 1, 10) <= ?", filters.date_to)
        base = f"FROM articles WHERE {' AND '.join(where)}"
        total = self._q(f"SELECT count(*) AS n {base}", params)[0]["n"]
        ids = [r["id"] for r in self._q(f"SELECT id {base} ORDER BY published IS NULL, published{self._order}, "
                                        f"id{self._order} LIMIT ? OFFSET ?", (*params, limit, offset))]
        rows = {r["id"]: r for r in self._q(f"SELECT {ARTICLE_LIST_COLUMNS} FROM articles WHERE id IN "
                                            f"({', '.join('?' * len(ids))})", ids)} if ids else {}
        return Page([rows[i] for i in ids], int(total), limit, offset)

    def article(self, article_id: str) -> dict[str, Any]:
        rows = self._q(f"SELECT {ARTICLE_LIST_COLUMNS}, text FROM articles WHERE id = ?", (article_id,))
        if not rows:
            raise NotFound(f"no article {article_id!r} in this store")
        return rows[0]

    def stories(self, limit: int, offset: int) -> Page:
        """Stories, largest first: the page's story ids from the story index, then their reports."""
        check_page(limit, offset)
        total = self._q("SELECT count(DISTINCT story_id) AS n FROM articles WHERE story_id IS NOT NULL")[0]["n"]
        ids = [r["story_id"] for r in self._q(
            "SELECT story_id FROM articles WHERE story_id IS NOT NULL GROUP BY story_id "
            f"ORDER BY count(*) DESC, story_id{self._order} LIMIT ? OFFSET ?", (limit, offset))]
        return Page(self._story_rows(ids), int(total), limit, offset)

    def story(self, story_id: str) -> dict[str, Any]:
        found = self._story_rows([story_id])
        if not found:
            raise NotFound(f"no story {story_id!r} in this store")
        return found[0]

    def _story_rows(self, ids: list[str]) -> list[dict[str, Any]]:
        """Each story: its reports oldest first (undated last), their titles, outlets, first and last date."""
        if not ids:
            return []
        members: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
        for row in self._q(f"SELECT id, title, outlet, published, story_id FROM articles WHERE story_id IN "
                           f"({', '.join('?' * len(ids))})", ids):
            members[row["story_id"]].append(row)
        return [_story(sid, rows) for sid, rows in members.items() if rows]

    def entities(self, filters: Filters, limit: int, offset: int) -> Page:
        check_page(limit, offset)
        where, params = ["1 = 1"], []
        _add(where, params, "type = ?", filters.type)
        if filters.actor:
            part = _like(filters.actor.lower())
            where.append("(lower(name) LIKE ? ESCAPE '\\' OR lower(data) LIKE ? ESCAPE '\\')")
            params += [f"%{part}%", f'%"name": "%{part}%']
        base = f"FROM entities WHERE {' AND '.join(where)}"
        total = self._q(f"SELECT count(*) AS n {base}", params)[0]["n"]
        rows = self._q(f"SELECT data {base} ORDER BY name{self._order}, id{self._order} LIMIT ? OFFSET ?",
                       (*params, limit, offset))
        return Page([json.loads(r["data"]) for r in rows], int(total), limit, offset)

    def entity(self, entity_id: str) -> dict[str, Any]:
        rows = self._q("SELECT data FROM entities WHERE id = ?", (entity_id,))
        if not rows:
            raise NotFound(f"no entity {entity_id!r} in this store")
        return json.loads(rows[0]["data"])

    def search(self, query: str, limit: int, offset: int) -> Page:
        """Full-text search over titles and texts, best match first (the backend's query syntax)."""
        check_page(limit, offset)
        if not query.strip():
            raise BadQuery("the search query is empty; give a word or a quoted phrase")
        try:
            total, rows = self.backend.search_page(query, limit, offset)
        except StoreError as err:
            raise BadQuery(err.message) from err
        return Page(rows, total, limit, offset)

    # -- whole-store reads for reconciliation (the storage protocol's own) --------------------------

    def article_rows(self) -> list[dict[str, Any]]:
        """Every article with its text and metadata, oldest first (what `reconcile.report_views` reads)."""
        return self.backend.article_rows()

    def annotation_rows(self, kind: str) -> list[dict[str, Any]]:
        return self.backend.annotation_rows(kind)

    def version(self) -> tuple[int, str | None, int]:
        """Changes whenever reports are added or relinked: (articles, last ingest, entities)."""
        row = self._q("SELECT count(*) AS n, max(ingested_at) AS last, (SELECT count(*) FROM entities) AS e "
                      "FROM articles")[0]
        return int(row["n"]), row["last"], int(row["e"])

    def counts(self) -> dict[str, int]:
        return self.backend.counts()

    def last_brief(self) -> dict[str, Any] | None:
        return self.backend.last_brief()


ARTICLE_LIST_COLUMNS = ("id, title, outlet, url, byline, published, published_source, language, source_path, "
                        "source_format, version_of, duplicate_of, story_id")


def _add(where: list[str], params: list[Any], clause: str, value: Any) -> None:
    if value is not None and value != "":
        where.append(clause)
        params.append(value)


def _like(text: str) -> str:
    """`text` as a literal inside a LIKE pattern (its % and _ match only themselves)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _key_where(kind: str, filters: Filters) -> tuple[list[str], list[Any]]:
    """WHERE clauses and parameters over `annotation_keys k` for a filtered list of one kind."""
    if kind not in KEY_FIELDS:
        raise BadQuery(f"unknown kind {kind!r}; one of {', '.join(KEY_FIELDS)}")
    fields = KEY_FIELDS[kind]
    where, params = ["k.kind = ?"], [kind]
    _add(where, params, "k.article_id = ?", filters.article)
    _add(where, params, "k.article_id IN (SELECT id FROM articles WHERE story_id = ?)", filters.story)
    wanted = {"type": (filters.type, fields.type), "actor": (filters.actor, fields.actor),
              "place": (filters.place, fields.place),
              "date": (filters.date_from or filters.date_to, fields.date)}
    for name, (value, readable) in wanted.items():
        if value and not readable:
            raise BadQuery(f"{kind} cannot be filtered by {name}")
    _add(where, params, "k.type_key = ?", filters.type)  # an exact value (indexed)
    for column, value in (("actor_key", filters.actor), ("place_key", filters.place)):
        if value:  # part of a name, any case
            where.append(f"k.{column} LIKE ? ESCAPE '\\'")
            params.append(f"%{_like(value.lower())}%")
    # dates compared as ISO text: from the first day given, to the end of the last (its times included)
    _add(where, params, "k.date_key >= ?", filters.date_from)
    _add(where, params, "k.date_key <= ?", filters.date_to + "Z" if filters.date_to else None)
    if filters.mapped is not None:
        where.append("k.mapped = ?")
        params.append(int(filters.mapped))
    return where, params


def _story(story_id: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    rows = sorted(rows, key=lambda r: (r["published"] is None, r["published"] or "", r["id"]))
    dated = [r["published"] for r in rows if r["published"]]
    outlets = list(dict.fromkeys(r["outlet"] for r in rows if r["outlet"] is not None))
    return {"id": story_id, "n_articles": len(rows), "first_published": min(dated) if dated else None,
            "last_published": max(dated) if dated else None, "articles": [r["id"] for r in rows],
            "titles": [r["title"] for r in rows], "outlets": outlets}
