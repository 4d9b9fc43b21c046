"""The rows of every export kind, built from the store: what an analyst's tools receive, in any format.

`EXPORT_FIELDS` is the contract: the keys each kind's rows carry, in order. The README documents each
one, and a test checks that the two agree. Keys are never renamed without a version bump. How rows
become text (JSON Lines, CSV, GeoJSON, ACLED's CSV) is `formats.py`'s business, not this module's.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ..errors import CrosswireError
from ..reconcile import Reconciled, reconcile_store
from ..store import Store

EXPORT_VERSION = 1

EXPORT_FIELDS: dict[str, list[str]] = {
    "articles": ["id", "title", "outlet", "url", "byline", "published", "published_source", "language",
                 "source_path", "source_format", "version_of", "duplicate_of", "story_id", "wire_sources", "text"],
    "entities": ["id", "name", "type", "actor_type", "aliases", "evidence", "mentions"],
    "places": ["article_id", "start", "end", "text", "name", "geonameid", "lat", "lon", "feature_code",
               "admin1", "country", "confidence", "reason"],
    "times": ["article_id", "start", "end", "text", "type", "value", "precision", "anchor", "reason"],
    "figures": ["id", "article_id", "start", "end", "text", "value", "low", "high", "kind", "group",
                "qualifier", "attributed_to", "place", "time", "part_of", "period", "period_start", "event_id",
                "figure_group", "chain"],
    "figure_groups": ["id", "kind", "group", "period", "period_start", "event_id", "best", "low", "high",
                      "conservative", "rule", "disagree", "updates", "outlets", "outlet_count",
                      "independent_sources", "independent_count", "chains", "statements", "reports", "parts",
                      "total", "parts_sum"],
    "events": ["id", "event_type", "sub_event_type", "plover", "date", "date_precision", "actor1", "actor2",
               "place", "fatalities", "injured", "modality", "negated", "attributed_to", "sources", "mentions",
               "outlets", "outlet_count", "independent_sources", "independent_count", "fields"],
    "event_mentions": ["id", "event_id", "article_id", "start", "end", "text", "event_type", "sub_event_type",
                       "plover", "date", "date_precision", "actor1", "actor2", "place", "fatalities", "modality",
                       "negated", "told_as", "main", "attributed_to", "evidence"],
    "claims": ["article_id", "start", "end", "text", "source", "voice", "cue"],
    "claim_groups": ["subject", "relation", "values", "statements"],
    "contradictions": ["id", "field", "values", "articles", "kind", "subject", "sides", "reason"],
    "framing": ["outlet", "side", "word", "voice", "count", "sources", "mentions"],
    "stories": ["id", "articles", "titles", "outlets", "first_published", "last_published"],
    "rejects": ["path", "stage", "code", "message", "article_id", "created_at"],
}
EXPORT_KINDS = list(EXPORT_FIELDS)


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


def figure_rows(store: Store, reconciled: Reconciled | None = None) -> list[dict[str, Any]]:
    """Each report's figure, with its period, the event it tells, its reconciled group and its source chain."""
    rec = reconciled or reconcile_store(store)
    statements = {s.id: s for s in rec.statements}
    rows = []
    for r in store.annotation_rows("figures"):
        row = {f: r.get(f) for f in EXPORT_FIELDS["figures"]}
        row["id"] = r.get("id") or f"{r['article_id']}.f{r['idx']}"
        st = statements.get(row["id"])
        row.update(period=st.period if st else False, period_start=st.period_start if st else None,
                   event_id=st.event_id if st else None, figure_group=rec.group_of.get(row["id"]),
                   chain=list(st.chain) if st else [])
        rows.append(row)
    return rows


def figure_group_rows(store: Store, reconciled: Reconciled | None = None) -> list[dict[str, Any]]:
    """Figures about the same thing across reports, reconciled (see `reconcile.figures`)."""
    groups = (reconciled or reconcile_store(store)).figure_groups
    return [{f: g.get(f) for f in EXPORT_FIELDS["figure_groups"]} for g in groups]


def event_mention_rows(store: Store, reconciled: Reconciled | None = None) -> list[dict[str, Any]]:
    """One row per event mention as its report tells it, with the merged event it belongs to (none for a
    mention told for a period, or told again of nothing told once)."""
    places = {(p["article_id"], p["idx"]): p for p in store.annotation_rows("places")}
    event_of = (reconciled or reconcile_store(store)).event_of
    rows = []
    for ev in store.annotation_rows("events"):
        place = places.get((ev["article_id"], ev["place"])) if ev.get("place") is not None else None
        row = {f: ev.get(f) for f in EXPORT_FIELDS["event_mentions"]}
        row.update(id=event_id(ev), place=event_place(place, ev), event_id=event_of.get(event_id(ev)),
                   told_as=ev.get("told_as", "event"), main=bool(ev.get("main", False)))
        rows.append(row)
    return rows


def event_rows(store: Store, reconciled: Reconciled | None = None) -> list[dict[str, Any]]:
    """One row per merged event: the chosen value of each field, and in `fields` every value seen
    (from `reconciled` when the caller has reconciled the store already)."""
    mentions = {event_id(ev): ev for ev in store.annotation_rows("events")}
    rows = []
    for e in (reconciled or reconcile_store(store)).events:
        members = [mentions[m["id"]] for m in e["mentions"] if m["id"] in mentions]
        chosen = {name: f["chosen"] for name, f in e["fields"].items()}
        when = chosen["date"] or {}
        plovers = [m.get("plover") for m in members if m.get("plover")]
        sources = sorted({m.get("attributed_to") for m in members if m.get("attributed_to")})
        rows.append({
            "id": e["id"], "event_type": chosen["event_type"], "sub_event_type": chosen["sub_event_type"],
            "plover": max(sorted(set(plovers)), key=plovers.count) if plovers else None,
            "date": when.get("date"), "date_precision": when.get("precision"),
            "actor1": chosen["actor1"], "actor2": chosen["actor2"], "place": _merged_place(chosen["place"]),
            "fatalities": _toll(e["fatalities"]), "injured": _toll(e["injured"]),
            "modality": chosen["modality"], "negated": all(m.get("negated") for m in members) if members else False,
            "attributed_to": sources, "sources": e["sources"], "mentions": e["mentions"],
            "outlets": e["outlets"], "outlet_count": e["outlet_count"],
            "independent_sources": e["independent_sources"], "independent_count": e["independent_count"],
            "fields": e["fields"],
        })
    return rows


def _toll(toll: dict[str, Any]) -> dict[str, Any]:
    return {k: toll[k] for k in ("best", "low", "high", "conservative", "rule", "reports")}


def _merged_place(place: dict[str, Any] | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {"name": place["name"], "geonameid": place["geonameid"], "lat": place["lat"], "lon": place["lon"],
            "admin1": place["admin1"], "country": place["country"], "level": place["level"]}


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


def claim_group_rows(store: Store, reconciled: Reconciled | None = None) -> list[dict[str, Any]]:
    """One row per (subject, relation): the values stated and every statement behind them."""
    groups: dict[tuple[str, str], list[Any]] = {}
    for s in (reconciled or reconcile_store(store)).claims.statements():
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


def contradiction_rows(store: Store, reconciled: Reconciled | None = None) -> list[dict[str, Any]]:
    """Contradictions and updates between statements about the same subject and relation, and between the
    tolls one event's reports give (field `toll`)."""
    flags = (reconciled or reconcile_store(store)).flags()
    return [{f: flag.get(f) for f in EXPORT_FIELDS["contradictions"]} for flag in flags]


def framing_export_rows(store: Store, reconciled: Reconciled | None = None) -> list[dict[str, Any]]:
    """Per outlet, the words used for each side of a conflict, by voice."""
    return (reconciled or reconcile_store(store)).claims.framing()


RowBuilder = Callable[[Store, Reconciled | None], list[dict[str, Any]]]


def _store_only(rows: Callable[[Store], list[dict[str, Any]]]) -> RowBuilder:
    """A kind read from the store alone: it needs no reconciliation."""
    def build(store: Store, reconciled: Reconciled | None = None) -> list[dict[str, Any]]:
        return rows(store)

    return build


# Each kind's rows from the store and, for the kinds reconciliation derives, the run's one `Reconciled`
# (built here when the caller has none).
ROW_BUILDERS: dict[str, RowBuilder] = {
    "articles": _store_only(article_rows),
    "entities": _store_only(entity_rows),
    "places": _store_only(_annotation_rows("places", EXPORT_FIELDS["places"])),
    "times": _store_only(_annotation_rows("times", EXPORT_FIELDS["times"])),
    "figures": figure_rows,
    "figure_groups": figure_group_rows,
    "events": event_rows,
    "event_mentions": event_mention_rows,
    "claims": _store_only(_annotation_rows("claims", EXPORT_FIELDS["claims"])),
    "claim_groups": claim_group_rows,
    "contradictions": contradiction_rows,
    "framing": framing_export_rows,
    "stories": _store_only(story_rows),
    "rejects": _store_only(lambda store: store.reject_rows()),
}


def export_rows(store: Store, kind: str, reconciled: Reconciled | None = None) -> list[dict[str, Any]]:
    """One kind's rows; `reconciled` is the store's reconciliation when the caller holds it already (a run
    reconciles once for every export), else it is computed for this call."""
    if kind not in ROW_BUILDERS:
        raise ExportError(f"unknown export kind {kind!r}; one of: {', '.join(EXPORT_KINDS)}")
    return ROW_BUILDERS[kind](store, reconciled)
