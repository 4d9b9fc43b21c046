"""Reconciliation's records built from what the store holds (no per-report stage is re-run).

Each figure that is not a period figure tells one merged event: the event of the mention whose sentence
holds it; a figure outside every mention's sentence (a headline's toll, a toll told in the sentences
after the event) tells the report's lead event, the one of its violent events that the most reports tell
(ties: the one it tells first). A report's killed (injured) count for an event is the largest top-level
figure of that kind that tells the event.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from ..store import Store
from .claims import Statement
from .events import VIOLENCE
from .figures import period_of
from .records import COUNTRY, DIVISION, LOCAL, FigureStatement, MentionRecord, PlaceKey
from .reports import ReportView
from .sources import canonical_source, chain_of, wire_credits

TOLL_KINDS = ("killed", "injured")


@dataclass
class StoredReports:
    """What reconciliation reads of the store, grouped by report."""

    articles: dict[str, dict[str, Any]]
    by_kind: dict[str, dict[str, list[dict[str, Any]]]] = field(default_factory=dict)

    def rows(self, kind: str, article_id: str) -> list[dict[str, Any]]:
        return self.by_kind.get(kind, {}).get(article_id, [])


def read_store(store: Store) -> StoredReports:
    articles = {a["id"]: a for a in store.article_rows()}
    data = StoredReports(articles)
    for kind in ("events", "places", "figures", "sentences", "mentions"):
        grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in store.annotation_rows(kind):
            grouped[row["article_id"]].append(row)
        data.by_kind[kind] = grouped
    return data


def outlet_of(article: dict[str, Any]) -> str:
    return ReportView(id=article["id"], text="", outlet=article.get("outlet"), url=article.get("url"),
                      source_path=article.get("source_path")).outlet_label


def person_names(mentions: list[dict[str, Any]]) -> set[str]:
    """Every word of the names a report gives people (casefolded): a toponym that is one of them ('Justin',
    'Somers' of 'Sheila Somers') is far more often the person than a town of that name."""
    return {w.casefold() for m in mentions if m.get("label") == "PERSON" for w in (m.get("text") or "").split()}


def place_key(place: dict[str, Any] | None, ev: dict[str, Any], people: frozenset[str] | set[str] = frozenset()
              ) -> PlaceKey | None:
    if place is None or (place.get("geonameid") is None and not place.get("country")):
        return None
    code = place.get("feature_code") or ""
    if code.startswith("A.PCL") or not place.get("admin1"):
        level = COUNTRY
    elif code.startswith("A.ADM") or code.startswith("L."):
        level = DIVISION
    else:
        level = LOCAL
    lat = ev.get("lat") if ev.get("lat") is not None else place.get("lat")
    lon = ev.get("lon") if ev.get("lon") is not None else place.get("lon")
    return PlaceKey(name=place.get("name") or place.get("text"), geonameid=place.get("geonameid"), level=level,
                    country=place.get("country"), admin1=place.get("admin1"), lat=lat, lon=lon,
                    confidence=place.get("confidence"), person_name=(place.get("text") or "").casefold() in people)


def _sentence(text: str, sentences: list[dict[str, Any]], at: int) -> str:
    starts = [s["start"] for s in sentences]
    i = bisect.bisect_right(starts, at) - 1
    if i < 0:
        return text[max(0, at - 200):at + 200]
    return text[sentences[i]["start"]:sentences[i]["end"]]


def _published_year(article: dict[str, Any]) -> int | None:
    published = article.get("published") or ""
    return int(published[:4]) if published[:4].isdigit() else None


def figure_period(data: StoredReports, article_id: str, fig: dict[str, Any]) -> tuple[bool, str | None, str]:
    article = data.articles[article_id]
    sentence = _sentence(article["text"], data.rows("sentences", article_id), fig["start"])
    return period_of(sentence, _published_year(article), fig.get("time"))


def _span(ev: dict[str, Any]) -> tuple[int, int]:
    spans = ev.get("evidence") or [{"start": ev["start"], "end": ev["end"]}]
    return spans[0]["start"], spans[-1]["end"]


def sentence_owner(events: list[dict[str, Any]], fig: dict[str, Any]) -> int | None:
    """Index of the event mention whose sentence holds the figure (the first such), or None."""
    for i, ev in enumerate(events):
        lo, hi = _span(ev)
        if lo <= fig["start"] < hi:
            return i
    return None


def mention_id(article_id: str, ev: dict[str, Any]) -> str:
    return ev.get("id") or f"{article_id}.e{ev['idx']}"


def lead_events(data: StoredReports, event_of: dict[str, str], reports_of: dict[str, int]) -> dict[str, str]:
    """Report id -> its lead event (see the module docstring)."""
    lead = {}
    for article_id, events in data.by_kind["events"].items():
        ranked = [(-reports_of.get(event_of[mention_id(article_id, ev)], 0), _span(ev)[0], event_of[mention_id(
            article_id, ev)]) for ev in events if ev["event_type"] in VIOLENCE and ev.get("modality") != "historical"
            and mention_id(article_id, ev) in event_of]
        if ranked:
            lead[article_id] = min(ranked)[2]
    return lead


def figure_events(data: StoredReports, event_of: dict[str, str], lead: dict[str, str]) -> dict[str, str | None]:
    """Figure id -> the merged event it tells (None for a period figure or a report with no event)."""
    out: dict[str, str | None] = {}
    for article_id, figures in data.by_kind["figures"].items():
        events = data.rows("events", article_id)
        for fig in figures:
            fid = fig.get("id") or f"{article_id}.f{fig['idx']}"
            if figure_period(data, article_id, fig)[0]:
                out[fid] = None
                continue
            owner = sentence_owner(events, fig)
            held = event_of.get(mention_id(article_id, events[owner])) if owner is not None else None
            out[fid] = held or lead.get(article_id)  # a mention told again or for a period tells no event
    return out


def stated_tolls(data: StoredReports, event_of_figure: dict[str, str | None]) -> dict[str, dict[str, dict[str, int]]]:
    """Event id -> report id -> {killed, injured}: the largest top-level figure of each kind telling it."""
    out: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    for article_id, figures in data.by_kind["figures"].items():
        for fig in figures:
            event = event_of_figure.get(fig.get("id") or f"{article_id}.f{fig['idx']}")
            kind = fig.get("kind")
            if event is None or kind not in TOLL_KINDS or fig.get("part_of") is not None or fig.get("value") is None:
                continue
            held = out[event][article_id]
            held[kind] = max(held.get(kind, 0), fig["value"])
    return out


def toll_statements(data: StoredReports, event_of_figure: dict[str, str | None]) -> dict[str, list[Statement]]:
    """Event id -> each report's killed toll for it (the figure `stated_tolls` counts) as a statement with
    its span, for the toll flags (`tolls.toll_flags`)."""
    best: dict[tuple[str, str], dict[str, Any]] = {}
    for article_id, figures in data.by_kind["figures"].items():
        for fig in figures:
            event = event_of_figure.get(fig.get("id") or f"{article_id}.f{fig['idx']}")
            if event is None or fig.get("kind") != "killed" or fig.get("part_of") is not None or fig.get("value") is None:
                continue
            held = best.get((event, article_id))
            if held is None or fig["value"] > held["value"]:
                best[(event, article_id)] = fig
    out: dict[str, list[Statement]] = defaultdict(list)
    for (event, article_id), fig in sorted(best.items()):
        article = data.articles[article_id]
        out[event].append(Statement(subject=event, relation="toll", value=str(fig["value"]), article_id=article_id,
                                    start=fig["start"], end=fig["end"], text=fig.get("text") or "",
                                    outlet=outlet_of(article), published=article.get("published"),
                                    source=fig.get("attributed_to")))
    return out


def mention_records(data: StoredReports) -> list[MentionRecord]:
    records = []
    for article_id, events in data.by_kind["events"].items():
        article = data.articles[article_id]
        places = {p["idx"]: p for p in data.rows("places", article_id)}
        people = person_names(data.rows("mentions", article_id))
        for ev in events:
            place = places.get(ev["place"]) if ev.get("place") is not None else None
            records.append(MentionRecord(
                id=mention_id(article_id, ev), article_id=article_id,
                event_type=ev["event_type"], sub_event_type=ev.get("sub_event_type"), date=ev.get("date"),
                date_precision=ev.get("date_precision"), place=place_key(place, ev, people), actor1=ev.get("actor1"),
                actor2=ev.get("actor2"), modality=ev.get("modality") or "happened",
                negated=bool(ev.get("negated")), told_as=ev.get("told_as") or "event", main=bool(ev.get("main")),
                story=article.get("story_id"), outlet=outlet_of(article),
                published=article.get("published"), start=ev["start"], end=ev["end"], text=ev.get("text") or ""))
    return records


def figure_statements(data: StoredReports, event_of_figure: dict[str, str | None],
                      lookup: Callable[[str], str | None]) -> list[FigureStatement]:
    """Every stored figure as a statement with its period, event, and source chain."""
    out = []
    for article_id, figures in data.by_kind["figures"].items():
        article = data.articles[article_id]
        wires = wire_credits(article["text"])
        outlet = outlet_of(article)
        ids = [f.get("id") or f"{article_id}.f{f['idx']}" for f in figures]
        for fig, fid in zip(figures, ids, strict=True):
            period, start, reason = figure_period(data, article_id, fig)
            out.append(FigureStatement(
                id=fid, article_id=article_id, kind=fig.get("kind") or "other", value=fig.get("value"),
                low=fig.get("low"), high=fig.get("high"), group=fig.get("group"), qualifier=fig.get("qualifier"),
                period=period, period_start=start, period_reason=reason,
                part_of=ids[fig["part_of"]] if fig.get("part_of") is not None and fig["part_of"] < len(ids) else None,
                event_id=event_of_figure.get(fid),
                outlet=outlet, published=article.get("published"),
                chain=chain_of(canonical_source(fig.get("attributed_to"), lookup), wires, outlet),
                start=fig["start"], end=fig["end"], text=fig.get("text") or ""))
    return inherit_periods(out)


def inherit_periods(statements: list[FigureStatement]) -> list[FigureStatement]:
    """A breakdown part counts over its total's period ('727 since ..., 371 of them fighters')."""
    by_id = {s.id: s for s in statements}
    out = []
    for s in statements:
        total = by_id.get(s.part_of) if s.part_of else None
        if total is not None and total.period and not s.period:
            s = replace(s, period=True, period_start=total.period_start, period_reason="part of a period total",
                        event_id=None)
        out.append(s)
    return out
