"""The UI's event pages: merged events (one real event as all its reports tell it) and event mentions (one
report's telling). A merged event's page shows the chosen value of each field with the rule that chose it,
every value the reports gave, the toll's best / low / high, the outlets and independent sources, and
links to each mention at its span."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from ..present.records import event_record
from ..store import MAX_LIMIT, Filters, ReadStore
from .api import list_filters
from .derived import Derived
from .html import article_link, esc, layout, link, pager, seg, table

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)
PAGE = 50
EVENT_HEADERS = ["date", "event", "place", "actors", "killed (best)", "outlets", "independent sources", "mentions"]


def _store(request: Request) -> ReadStore:
    return request.app.state.store


def _derived(request: Request) -> Derived:
    return request.app.state.derived


Store = Annotated[ReadStore, Depends(_store)]
Reconciled = Annotated[Derived, Depends(_derived)]
Offset = Annotated[int, Query(ge=0)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]


def _what(e: dict[str, Any]) -> str:
    return e["event_type"] + (f" – {e['sub_event_type']}" if e["sub_event_type"] else "")


def _mention_links(e: dict[str, Any]) -> str:
    return " ".join(article_link(m["article_id"], m["start"], m["end"], str(i + 1))
                    for i, m in enumerate(e["mentions"]))


def event_cells(e: dict[str, Any]) -> list[str]:
    place = e["place"] or {}
    killed = e["fatalities"]["best"]
    return [esc(e["date"] or ""), link(f"/events/{seg(e['id'])}", _what(e)), esc(place.get("name") or ""),
            esc("; ".join(a for a in (e["actor1"], e["actor2"]) if a)), esc("" if killed is None else str(killed)),
            esc(str(e["outlet_count"])), esc(str(e["independent_count"])), _mention_links(e)]


@router.get("/events")
def events_page(derived: Reconciled, filters: Annotated[Filters, Depends(list_filters)], offset: Offset = 0,
                limit: Limit = PAGE) -> str:
    page = derived.events(filters, limit, offset)
    query = {"type": filters.type, "actor": filters.actor, "place": filters.place,
             "date_from": filters.date_from, "date_to": filters.date_to, "story": filters.story}
    inputs = "".join(f'<label>{esc(k.replace("_", " "))} <input name="{esc(k)}" value="{esc(v or "")}"></label>'
                     for k, v in query.items() if k != "story")
    form = f'<form method="get" action="/events" class="filters">{inputs}<button type="submit">filter</button></form>'
    note = "<p>Each row is one event as every report that tells it, merged; its mentions link to the reports.</p>"
    return layout("Events", form + note + pager("/events", page.total, limit, offset, **query)
                  + table(EVENT_HEADERS, [event_cells(e) for e in page.rows], "events"))


def _toll(name: str, toll: dict[str, Any]) -> list[str]:
    if toll["best"] is None:
        return [esc(name), "not stated"]
    return [esc(name), esc(f"best {toll['best']} (low {toll['low']}, high {toll['high']}; conservative "
                           f"{toll['conservative']}) from {len(toll['reports'])} report(s) — {toll['rule']}")]


def _field_rows(e: dict[str, Any]) -> list[list[str]]:
    """Each merged field: the chosen value, its rule, and every value the reports gave."""
    rows = []
    for name, field in e["fields"].items():
        seen = "; ".join(f"{_value(v['value'])} ({len(v['reports'])} report{'s' if len(v['reports']) > 1 else ''})"
                         for v in field.get("values", []))
        rows.append([esc(name), esc(_value(field.get("chosen"))), esc(field.get("rule") or ""), esc(seen)])
    return rows


def _independent(e: dict[str, Any]) -> str:
    """'2: SOHR, and one outlet's own reporting': the named original sources, and the outlets that name none."""
    named = list(e["independent_sources"])
    own = e["independent_count"] - len(named)
    if own > 0:
        named.append("one outlet's own reporting" if own == 1 else f"{own} outlets' own reporting")
    return f"{e['independent_count']}: {', '.join(named)}"


def _value(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("name") or value.get("date") or value)
    return "" if value is None else str(value)


@router.get("/events/{event_id}")
def event_page(event_id: str, derived: Reconciled) -> str:
    e = derived.event(event_id)
    place = e["place"] or {}
    facts = [[esc("type"), esc(_what(e))], [esc("date"), esc(f"{e['date']} ({e['date_precision']})")],
             [esc("actors"), esc("; ".join(a for a in (e["actor1"], e["actor2"]) if a))],
             [esc("place"), link(f"/places/{place['geonameid']}", place.get("name") or "")
              if place.get("geonameid") is not None else esc(place.get("name") or "none")],
             _toll("killed", e["fatalities"]), _toll("injured", e["injured"]),
             [esc("outlets"), esc(f"{e['outlet_count']}: {', '.join(e['outlets'])}")],
             [esc("independent sources"), esc(_independent(e))]]
    mentions = "".join(f"<li>{link('/event_mentions/' + seg(m['id']), m['id'])}: "
                       f"{article_link(m['article_id'], m['start'], m['end'])}</li>" for m in e["mentions"])
    body = (table(["field", "value"], facts, "facts") + "<h2>How each field was chosen</h2>"
            + table(["field", "chosen", "rule", "values the reports give"], _field_rows(e), "fields")
            + f'<h2>Mentions</h2><ul class="mentions">{mentions}</ul>')
    return layout(f"{_what(e)}, {e['date'] or 'undated'}", body)


@router.get("/event_mentions/{mention_id}")
def event_mention_page(mention_id: str, store: Store, derived: Reconciled) -> str:
    e = event_record(store.annotation_by_id("events", mention_id))
    place = e["place"] or {}
    facts = [("type", _what(e)), ("date", f"{e['date']} ({e['date_precision']})"),
             ("actor 1", e["actor1"]), ("actor 2", e["actor2"]),
             ("map point", f"{place.get('lat')}, {place.get('lon')} (precision {place.get('geo_precision')})"
              if place.get("lat") is not None else "none"),
             ("modality", e["modality"]), ("said by", e["attributed_to"])]
    rows = [[esc(k), esc("" if v is None else str(v))] for k, v in facts]
    if place.get("geonameid") is not None:
        rows.insert(4, ["place", link(f"/places/{place['geonameid']}", place.get("name") or "")])
    merged = derived.event_of_mention(e["id"])
    if merged is not None:
        rows.insert(0, ["event", link(f"/events/{seg(merged)}", "the merged event")])
    body = table(["field", "value"], rows, "facts") + f"<p>From {article_link(e['article_id'], e['start'], e['end'])}: " \
        f"“{esc(e['text'] or '')}”</p>"
    return layout(f"Event mention {mention_id}", body)
