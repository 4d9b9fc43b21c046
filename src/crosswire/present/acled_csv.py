"""Events as ACLED's own CSV columns, so analysts can load crosswire's output into the tools they use for ACLED.

One row per merged event (`reconcile.events`), with ACLED's column names for what crosswire knows: the event's date and
ACLED time precision, type, actors, country and first-level division by name, location, map point and
geo precision, the reporting outlets as source, the sentence that tells the event as notes, fatalities
and the report's publication time. Columns ACLED fills from its own coding (interaction codes, associated
actors, source scale) are left out rather than guessed.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..store import Store
from .rows import event_id, event_rows
from .safety import csv_cell

if TYPE_CHECKING:
    from ..geo.types import GazetteerLike
    from ..reconcile import Reconciled

ACLED_FIELDS = ["event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1",
                "actor2", "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes",
                "fatalities", "timestamp"]
# ACLED's time precision: 1 the day is known, 2 the week (or only the report's date dates it), 3 the month or wider.
TIME_PRECISION = {"day": 1, "week": 2, "published": 2, "month": 3, "year": 3}


def acled_rows(store: Store, gazetteer: GazetteerLike | None = None, reconciled: Reconciled | None = None
               ) -> list[dict[str, Any]]:
    """Every merged event in ACLED's columns, with its reconciled fatalities (the conservative figure).

    `gazetteer` names each event's admin1: the run's own (with a user's `--gazetteer` on top), else the
    default offline one."""
    from ..names import country_name

    articles = {a["id"]: a for a in store.article_rows()}
    mentions = {event_id(ev): ev for ev in store.annotation_rows("events")}
    if gazetteer is None:
        from ..geo.gazetteer import Gazetteer

        gazetteer = Gazetteer.load()
    rows = []
    for ev in event_rows(store, reconciled):
        where = ev["place"]
        division = gazetteer.admin1(where["country"], where["admin1"]) if where and where["admin1"] else None
        reports = [articles[a] for a in ev["sources"] if a in articles]
        first = _first_mention(ev, mentions, articles)
        stamps = sorted(a["published"] for a in reports if a.get("published"))
        rows.append({
            "event_id_cnty": ev["id"],
            "event_date": ev.get("date"), "year": (ev.get("date") or "")[:4] or None,
            "time_precision": TIME_PRECISION.get(ev.get("date_precision") or ""),
            "event_type": ev["event_type"], "sub_event_type": ev.get("sub_event_type"),
            "actor1": ev.get("actor1"), "actor2": ev.get("actor2"),
            "country": country_name(where["country"]) if where and where["country"] else None,
            "admin1": division.name if division else None,
            "location": where["name"] if where else None,
            "latitude": where["lat"] if where else None, "longitude": where["lon"] if where else None,
            "geo_precision": first.get("geo_precision") if first else None,
            "source": "; ".join(ev["outlets"]),
            "notes": _notes(first, articles[first["article_id"]].get("text") or "") if first else "",
            "fatalities": ev["fatalities"]["conservative"] or 0,
            "timestamp": int(datetime.fromisoformat(stamps[0]).timestamp()) if stamps else None,
        })
    return rows


def _first_mention(ev: dict[str, Any], mentions: dict[str, dict[str, Any]],
                   articles: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """The event's mention from its earliest report (its sentence becomes the notes)."""
    members = [mentions[m["id"]] for m in ev["mentions"] if m["id"] in mentions]
    if not members:
        return None
    return min(members, key=lambda m: (articles.get(m["article_id"], {}).get("published") or "", m["article_id"],
                                       m["start"]))


def _notes(ev: dict[str, Any], text: str) -> str:
    """The sentence that tells the event (its evidence span), else its trigger, on one line as ACLED's notes are."""
    spans = ev.get("evidence") or [{"start": ev["start"], "end": ev["end"]}]
    return " ".join(" ".join(text[s["start"]:s["end"]].split()) for s in spans) or ev.get("text", "")


def render_acled(rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=ACLED_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows)
    return buf.getvalue()
