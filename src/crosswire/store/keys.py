"""What the read API filters annotations by, kept beside them in plain columns (`annotation_keys`).

The annotations themselves are JSON text. Filtering on fields inside that text means parsing every
candidate record on every request (a type filter, an actor substring, the place an event joins to), in
SQL only one dialect speaks (`json_extract`). So each filterable annotation also gets one narrow row,
written when its article is stored, with the values the filters compare: its type, its actors' and
places' names (lower-cased, one per line, for substring matches), its date, whether it has a map point,
and its own id (an event's or figure's id, a place's GeoNames id). A list query then reads only this
table (an index walk for type, date and order; a scan of short strings for a substring) and the JSON of
the one page it returns, and the same SQL serves SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class KeyFields:
    """Which fields of one kind's records each filter reads (empty: the kind cannot be filtered so)."""

    type: str | None = None
    actor: tuple[str, ...] = ()
    place: tuple[str, ...] = ()  # for events: the name and text of the place annotation it points at
    date: str | None = None
    ref: str | None = None


KEY_FIELDS: dict[str, KeyFields] = {
    "events": KeyFields("event_type", ("actor1", "actor2"), ("name", "text"), "date", "id"),
    "figures": KeyFields("kind", ("attributed_to",), ("place",), "time", "id"),
    "places": KeyFields("feature_code", (), ("name", "text"), None, "geonameid"),
    "claims": KeyFields("voice", ("source",)),
    "times": KeyFields("type", (), (), "value"),
    "mentions": KeyFields("label", ("text", "canonical")),
}
KEY_COLUMNS = ("article_id", "kind", "idx", "ref", "type_key", "actor_key", "place_key", "date_key", "mapped")


def _names(record: dict[str, Any] | None, fields: tuple[str, ...]) -> str | None:
    """The fields' values, lower-cased, one per line (None when the record names none)."""
    if record is None:
        return None
    values = [str(record[f]).lower() for f in fields if record.get(f) not in (None, "")]
    return "\n".join(values) or None


def key_row(article_id: str, kind: str, idx: int, record: dict[str, Any],
            place: dict[str, Any] | None = None) -> tuple[Any, ...]:
    """One annotation's key row; `place` is the place annotation an event points at."""
    fields = KEY_FIELDS[kind]
    ref = record.get(fields.ref) if fields.ref else None
    date = record.get(fields.date) if fields.date else None
    return (article_id, kind, idx, None if ref is None else str(ref),
            None if not fields.type or record.get(fields.type) is None else str(record[fields.type]),
            _names(record, fields.actor), _names(place if kind == "events" else record, fields.place),
            None if date is None else str(date), int(record.get("lat") is not None))


def article_key_rows(article_id: str, records: dict[str, Sequence[dict[str, Any]]]) -> list[tuple[Any, ...]]:
    """Key rows for one article's annotations, by kind (records as stored: JSON-shaped dicts)."""
    places = list(records.get("places", ()))
    rows = []
    for kind in KEY_FIELDS:
        for idx, record in enumerate(records.get(kind, ())):
            at = record.get("place") if kind == "events" else None
            place = places[at] if isinstance(at, int) and 0 <= at < len(places) else None
            rows.append(key_row(article_id, kind, idx, record, place))
    return rows


class _Backend(Protocol):
    def _all_rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]: ...
    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...


INSERT_KEYS = (f"INSERT INTO annotation_keys ({', '.join(KEY_COLUMNS)}) "
               f"VALUES ({', '.join('?' * len(KEY_COLUMNS))})")


def fill_annotation_keys(store: _Backend) -> None:
    """Write the key rows of annotations stored before the table existed (a migration's data step)."""
    import json

    kinds = tuple(KEY_FIELDS)
    stored = store._all_rows(f"SELECT article_id, kind, idx, data FROM annotations WHERE kind IN "
                         f"({', '.join('?' * len(kinds))}) ORDER BY article_id, kind, idx", kinds)
    by_article: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for row in stored:
        by_article.setdefault(row["article_id"], {}).setdefault(row["kind"], []).append(json.loads(row["data"]))
    for article_id, records in by_article.items():
        store._executemany(INSERT_KEYS, article_key_rows(article_id, records))
