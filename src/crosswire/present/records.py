"""Stored rows shaped as the API's records: the export field names, plus the spans they came from."""

from __future__ import annotations

from typing import Any

from ..store import Filters
from .rows import EXPORT_FIELDS, event_id, event_place


def event_record(row: dict[str, Any]) -> dict[str, Any]:
    """One event mention as the events export shapes it, with its article and span (and the place's
    GeoNames id, which the place page is found by)."""
    place = event_place(row.get("_place"), row)
    if place is not None:
        place["geonameid"] = row["_place"].get("geonameid")
    return {
        "id": event_id(row), "article_id": row["article_id"], "start": row["start"], "end": row["end"],
        "text": row.get("text"), "event_type": row["event_type"], "sub_event_type": row.get("sub_event_type"),
        "plover": row.get("plover"), "date": row.get("date"), "date_precision": row.get("date_precision"),
        "actor1": row.get("actor1"), "actor2": row.get("actor2"),
        "place": place,
        "fatalities": {"best": row.get("fatalities"), "low": row.get("fatalities"), "high": row.get("fatalities")},
        "modality": row.get("modality"), "negated": row.get("negated"), "attributed_to": row.get("attributed_to"),
        "sources": [row["article_id"]],
        "mentions": [{"article_id": row["article_id"], "start": row["start"], "end": row["end"]}],
    }


def figure_record(row: dict[str, Any]) -> dict[str, Any]:
    out = {f: row.get(f) for f in EXPORT_FIELDS["figures"]}
    out["id"] = row.get("id") or f"{row['article_id']}.f{row['idx']}"
    return out


def annotation_record(kind: str, row: dict[str, Any]) -> dict[str, Any]:
    """Places, times, claims and mentions: their export fields (mentions keep their own)."""
    if kind == "events":
        return event_record(row)
    if kind == "figures":
        return figure_record(row)
    if kind in EXPORT_FIELDS:
        return {f: row.get(f) for f in EXPORT_FIELDS[kind]}
    return {k: v for k, v in row.items() if not k.startswith("_")}


def entity_record(row: dict[str, Any]) -> dict[str, Any]:
    out = {f: row.get(f) for f in EXPORT_FIELDS["entities"]}
    out["mentions"] = [{"article_id": a, "start": s, "end": e} for a, s, e in row.get("mention_refs", [])]
    return out


HIGHLIGHT_KINDS = ("mentions", "places", "times", "figures", "events", "claims")


def article_spans(annotations: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Every span an article's records point at: kind, start, end, and the record's id or index."""
    spans = []
    for kind in HIGHLIGHT_KINDS:
        for row in annotations.get(kind, []):
            if row.get("start") is None or row.get("end") is None:
                continue
            ref = {"events": lambda r: event_id(r), "figures": lambda r: figure_record(r)["id"],
                   "mentions": lambda r: r.get("entity_id"), "places": lambda r: r.get("geonameid")}.get(
                       kind, lambda r: None)(row)
            spans.append({"kind": kind, "start": row["start"], "end": row["end"], "idx": row["idx"], "id": ref,
                          "label": _span_label(kind, row)})
    return sorted(spans, key=lambda s: (s["start"], -s["end"]))


def _span_label(kind: str, row: dict[str, Any]) -> str:
    if kind == "events":
        return f"{row.get('event_type')}: {row.get('sub_event_type') or ''}".strip(": ")
    if kind == "figures":
        return f"{row.get('kind')} {row.get('value')}"
    if kind == "places":
        return row.get("name") or row.get("reason") or "unresolved place"
    if kind == "times":
        return row.get("value") or "unresolved time"
    if kind == "claims":
        return f"said by {row.get('source') or 'the outlet'}"
    return row.get("label") or ""


def merged_event_matches(e: dict[str, Any], filters: Filters, keep: set[str] | None) -> bool:
    """Whether a merged event (an events export row) passes the list filters, as an event mention would:
    type exact, actor or place part of a name in any case, dates as ISO text, mapped; `keep`, when given,
    the reports one of its mentions must be in (a story's, or one report)."""
    place = e["place"] or {}
    date = e["date"] or ""
    if keep is not None and not any(m["article_id"] in keep for m in e["mentions"]):
        return False
    if filters.type and e["event_type"] != filters.type:
        return False
    if filters.actor and filters.actor.lower() not in "\n".join(a for a in (e["actor1"], e["actor2"]) if a).lower():
        return False
    if filters.place and filters.place.lower() not in (place.get("name") or "").lower():
        return False
    if (filters.date_from and not (date and date >= filters.date_from)) or (
            filters.date_to and not (date and date <= filters.date_to + "Z")):
        return False
    return filters.mapped is None or (place.get("lat") is not None) == filters.mapped
