"""Exports in formats analysts' tools read: JSON Lines, CSV and GeoJSON.

`EXPORT_FIELDS` is the contract: the keys each kind's rows carry, in order. The README documents each
one, and a test checks that the two agree. Keys are never renamed without a version bump.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from typing import Any

from ..errors import CrosswireError
from ..reconcile import ClaimIndex, build_index, report_views
from ..store import Store
from .safety import csv_cell

EXPORT_VERSION = 1

EXPORT_FIELDS: dict[str, list[str]] = {
    "articles": ["id", "title", "outlet", "url", "byline", "published", "published_source", "language",
                 "source_path", "source_format", "version_of", "duplicate_of", "story_id", "wire_sources", "text"],
    "entities": ["id", "name", "type", "actor_type", "aliases", "evidence", "mentions"],
    "places": ["article_id", "start", "end", "text", "name", "geonameid", "lat", "lon", "feature_code",
               "admin1", "country", "confidence", "reason"],
    "times": ["article_id", "start", "end", "text", "type", "value", "precision", "anchor", "reason"],
    "figures": ["id", "article_id", "start", "end", "text", "value", "low", "high", "kind", "group",
                "qualifier", "attributed_to", "place", "time", "part_of"],
    "events": ["id", "event_type", "sub_event_type", "plover", "date", "date_precision", "actor1", "actor2",
               "place", "fatalities", "modality", "negated", "told_as", "main", "attributed_to", "sources",
               "mentions"],
    "claims": ["article_id", "start", "end", "text", "source", "voice", "cue"],
    "claim_groups": ["subject", "relation", "values", "statements"],
    "contradictions": ["id", "field", "values", "articles", "kind", "subject", "sides", "reason"],
    "framing": ["outlet", "side", "word", "voice", "count", "sources", "mentions"],
    "stories": ["id", "articles", "titles", "outlets", "first_published", "last_published"],
    "rejects": ["path", "stage", "code", "message", "article_id", "created_at"],
}
EXPORT_KINDS = list(EXPORT_FIELDS)
FORMATS = ("jsonl", "csv", "geojson", "acled")  # acled: events in ACLED's own CSV columns (acled_csv.py)


class ExportError(CrosswireError):
    code = "export"


def _annotation_rows(kind: str, fields: list[str]) -> Callable[[Store], list[dict[str, Any]]]:
    def rows(store: Store) -> list[dict[str, Any]]:
        return [{f: r.get(f) for f in fields} for r in store.annotation_rows(kind)]

    return rows


def article_rows(store: Store) -> list[dict[str, Any]]:
    rows = []
    for r in store.article_rows():
        row = {f: r.get(f) for f in EXPORT_FIELDS["articles"]}
        row["wire_sources"] = json.loads(r.get("meta") or "{}").get("wire_sources", [])
        rows.append(row)
    return rows


def entity_rows(store: Store) -> list[dict[str, Any]]:
    out = []
    for e in store.entity_rows():
        row = {f: e.get(f) for f in EXPORT_FIELDS["entities"]}
        row["mentions"] = [{"article_id": a, "start": s, "end": t} for a, s, t in e.get("mention_refs", [])]
        out.append(row)
    return out


def figure_rows(store: Store) -> list[dict[str, Any]]:
    rows = []
    for r in store.annotation_rows("figures"):
        row = {f: r.get(f) for f in EXPORT_FIELDS["figures"]}
        row["id"] = r.get("id") or f"{r['article_id']}.f{r['idx']}"
        rows.append(row)
    return rows


def event_rows(store: Store) -> list[dict[str, Any]]:
    """One row per event mention (cross-report merging is the reconciliation stage's job)."""
    places: dict[tuple[str, int], dict[str, Any]] = {
        (p["article_id"], p["idx"]): p for p in store.annotation_rows("places")}
    rows = []
    for ev in store.annotation_rows("events"):
        place = places.get((ev["article_id"], ev["place"])) if ev.get("place") is not None else None
        rows.append({
            "id": event_id(ev),
            "event_type": ev["event_type"], "sub_event_type": ev.get("sub_event_type"),
            "plover": ev.get("plover"), "date": ev.get("date"), "date_precision": ev.get("date_precision"),
            "actor1": ev.get("actor1"), "actor2": ev.get("actor2"),
            "place": event_place(place, ev),
            "fatalities": {"best": ev.get("fatalities"), "low": ev.get("fatalities"),
                           "high": ev.get("fatalities")},
            "modality": ev.get("modality"), "negated": ev.get("negated"),
            "told_as": ev.get("told_as", "event"), "main": bool(ev.get("main", False)),
            "attributed_to": ev.get("attributed_to"), "sources": [ev["article_id"]],
            "mentions": [{"article_id": ev["article_id"], "start": ev["start"], "end": ev["end"]}],
        })
    return rows


def event_id(ev: dict[str, Any]) -> str:
    """A stored event mention's id (older stores kept none: article id and index)."""
    return ev.get("id") or f"{ev['article_id']}.e{ev['idx']}"


def event_place(place: dict[str, Any] | None, ev: dict[str, Any]) -> dict[str, Any] | None:
    """The event's place: the toponym's gazetteer entry, mapped at the event's own point (a division's seat)."""
    if place is None:
        return None
    mapped = ev.get("lat") is not None
    return {"name": place.get("name") or place.get("text"),
            "lat": ev["lat"] if mapped else place.get("lat"), "lon": ev["lon"] if mapped else place.get("lon"),
            "admin1": place.get("admin1"), "country": place.get("country"),
            "precision": place.get("feature_code"), "geo_precision": ev.get("geo_precision")}


def story_rows(store: Store) -> list[dict[str, Any]]:
    stories: dict[str, list[dict[str, Any]]] = {}
    for a in store.article_rows(include_text=False):
        if a["story_id"]:
            stories.setdefault(a["story_id"], []).append(a)
    rows = []
    for sid, members in sorted(stories.items()):
        dates = sorted(a["published"] for a in members if a["published"])
        rows.append({"id": sid, "articles": [a["id"] for a in members],
                     "titles": [a["title"] for a in members],
                     "outlets": sorted({a["outlet"] for a in members if a["outlet"]}),
                     "first_published": dates[0] if dates else None,
                     "last_published": dates[-1] if dates else None})
    return rows


def claim_index(store: Store) -> ClaimIndex:
    """The store's statements, flags and framing, built from the stored reports."""
    return build_index(report_views(store))


def claim_group_rows(store: Store) -> list[dict[str, Any]]:
    """One row per (subject, relation): the values stated and every statement behind them."""
    groups: dict[tuple[str, str], list[Any]] = {}
    for s in claim_index(store).statements():
        groups.setdefault(s.key, []).append(s)
    rows = []
    for (subject, relation), members in groups.items():
        values = list(dict.fromkeys(s.value for s in members))
        rows.append({"subject": subject, "relation": relation, "values": values,
                     "statements": [{"value": s.value, "article_id": s.article_id, "outlet": s.outlet,
                                     "start": s.start, "end": s.end, "text": s.text, "source": s.source,
                                     "voice": s.voice, "published": s.published, "time": s.time}
                                    for s in members]})
    return rows


def contradiction_rows(store: Store) -> list[dict[str, Any]]:
    """Contradictions and updates between statements about the same subject and relation."""
    return [{f: flag.get(f) for f in EXPORT_FIELDS["contradictions"]} for flag in claim_index(store).flags()]


def framing_export_rows(store: Store) -> list[dict[str, Any]]:
    """Per outlet, the words used for each side of a conflict, by voice."""
    return claim_index(store).framing()


ROW_BUILDERS: dict[str, Callable[[Store], list[dict[str, Any]]]] = {
    "articles": article_rows,
    "entities": entity_rows,
    "places": _annotation_rows("places", EXPORT_FIELDS["places"]),
    "times": _annotation_rows("times", EXPORT_FIELDS["times"]),
    "figures": figure_rows,
    "events": event_rows,
    "claims": _annotation_rows("claims", EXPORT_FIELDS["claims"]),
    "claim_groups": claim_group_rows,
    "contradictions": contradiction_rows,
    "framing": framing_export_rows,
    "stories": story_rows,
    "rejects": lambda store: store.reject_rows(),
}


def export_rows(store: Store, kind: str) -> list[dict[str, Any]]:
    if kind not in ROW_BUILDERS:
        raise ExportError(f"unknown export kind {kind!r}; one of: {', '.join(EXPORT_KINDS)}")
    return ROW_BUILDERS[kind](store)


def export_text(store: Store, kind: str, fmt: str) -> str:
    """One kind of record from the store as text in one of FORMATS."""
    if fmt == "acled":
        if kind != "events":
            raise ExportError(f"the acled format has ACLED's event columns; it exports events, not {kind}")
        from .acled_csv import acled_rows, render_acled

        return render_acled(acled_rows(store))
    return render(export_rows(store, kind), kind, fmt)


def render(rows: Iterable[dict[str, Any]], kind: str, fmt: str) -> str:
    """Rows as text in one of FORMATS."""
    rows = list(rows)
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if fmt == "csv":
        return _csv(rows, EXPORT_FIELDS[kind])
    if fmt == "geojson":
        return json.dumps(_geojson(rows, kind), ensure_ascii=False, indent=1)
    raise ExportError(f"unknown format {fmt!r}; one of: {', '.join(FORMATS)}")


def _csv(rows: list[dict[str, Any]], fields: list[str]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: csv_cell(json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v)
                         for k, v in row.items()})
    return buf.getvalue()


def _geojson(rows: list[dict[str, Any]], kind: str) -> dict[str, Any]:
    if kind not in ("places", "events"):
        raise ExportError(f"GeoJSON needs coordinates; only places and events have them, not {kind}")
    features = []
    for row in rows:
        where = row["place"] if kind == "events" else row
        if not where or where.get("lat") is None or where.get("lon") is None:
            continue
        features.append({"type": "Feature", "properties": row,
                         "geometry": {"type": "Point", "coordinates": [where["lon"], where["lat"]]}})
    return {"type": "FeatureCollection", "features": features}
