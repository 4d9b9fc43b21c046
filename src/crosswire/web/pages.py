"""The web UI's pages, rendered on the server from the same read queries as the API."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from ..present.brief import story_brief
from ..present.records import article_spans, entity_record, event_record, figure_record
from ..present.timeline import build_timeline
from ..store import MAX_LIMIT, BadQuery, Filters, Page, ReadStore, every_row
from .html import article_link, esc, highlight, href, layout, link, pager, seg, sentence_html, table

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)
PAGE = 50


def _store(request: Request) -> ReadStore:
    return request.app.state.store


Store = Annotated[ReadStore, Depends(_store)]
Offset = Annotated[int, Query(ge=0)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]


def _figure_table(figures: list[dict[str, Any]]) -> str:
    rows = [[article_link(f["article_id"], f["start"], f["end"], f["text"]), esc(str(f["value"])),
             esc(f["kind"]), esc(f["group"] or ""), esc(f["attributed_to"] or "the outlet")]
            for f in figures if f["kind"] != "other"]
    return table(["figure", "value", "kind", "who is counted", "said by"], rows, "figures")


def _timeline(events: list[dict[str, Any]]) -> str:
    rows = [[esc(t.when), esc(t.what), esc(t.place or ""), esc(t.killed), esc("; ".join(t.actors)),
             " ".join(article_link(a) for a in t.articles)] for t in build_timeline(events)]
    return table(["date", "what", "where", "killed", "actors", "reports"], rows, "timeline")


def _disputes(page: Page) -> str:
    """Contradictions and updates, each side with the report span that says it."""
    if page.total == 0:
        return "<p>The reports of this story do not contradict one another on what crosswire compares.</p>"
    rows = []
    for f in page.rows:
        sides = "<br>".join(f"{esc(s['outlet'] or s['article_id'])}: “{esc(s['value'])}” "
                            f"{article_link(s['article_id'], s['start'], s['end'], 'cited span')}" for s in f["sides"])
        rows.append([esc(f["kind"]), esc(f"{f['subject']} ({f['field']})"), sides, esc(f["reason"] or "")])
    more = f"<p>{page.total - len(page.rows)} more in the API.</p>" if page.total > len(page.rows) else ""
    return table(["kind", "about", "who says what", "why"], rows, "disputes") + more


def _framing(page: Page) -> str:
    if page.total == 0:
        return "<p>No side words found in this story's reports.</p>"
    rows = [[esc(r["outlet"]), esc(r["side"]), esc(r["word"]), esc(r["voice"]), esc(str(r["count"])),
             " ".join(article_link(m["article_id"], m["start"], m["end"], str(i + 1))
                      for i, m in enumerate(r["mentions"][:5]))] for r in page.rows]
    more = f"<p>{page.total - len(page.rows)} more in the API.</p>" if page.total > len(page.rows) else ""
    return table(["outlet", "side", "word", "voice", "times", "where"], rows, "framing") + more


@router.get("/")
def index(store: Store) -> str:
    stories = every_row(store.stories)
    rows = [[link(f"/stories/{seg(s['id'])}", s["titles"][0] or s["id"]), esc(str(s["n_articles"])),
             esc(", ".join(s["outlets"])), esc((s["first_published"] or "?")[:10]),
             esc((s["last_published"] or "?")[:10])] for s in stories]
    counts = store.counts()
    summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()) if k in
                        ("articles", "events", "figures", "entities", "places"))
    return layout("Stories", f"<p>{esc(summary)}</p>"
                  + table(["story", "reports", "outlets", "first", "last"], rows, "stories"))


BRIEF_SECTIONS = ("Key developments", "Figures")  # the story page's tables show disputes and framing


def _brief(store: ReadStore, story_id: str, derived: Any) -> str:
    """The story's brief (key developments and reconciled figures), each cited part linked to its span."""
    index = derived.index()
    brief = story_brief(store, story_id, index.flags(), index.framing(), derived.reconciled())
    out = []
    for name in BRIEF_SECTIONS:
        items = "".join(f"<li>{sentence_html(s.parts)}</li>" for s in brief.sections.get(name, []))
        out.append(f"<h3>{esc(name)}</h3>" + (f'<ul class="brief">{items}</ul>' if items else
                                               f"<p>Nothing to report under {esc(name.lower())}.</p>"))
    return "".join(out)


@router.get("/stories/{story_id}")
def story_page(story_id: str, store: Store, request: Request) -> str:
    derived = request.app.state.derived
    story = store.story(story_id)
    events = [event_record(r) for r in every_row(
        lambda lim, off: store.annotations("events", Filters(story=story_id), lim, off))]
    figures = [figure_record(r) for r in every_row(
        lambda lim, off: store.annotations("figures", Filters(story=story_id), lim, off))]
    merged = every_row(lambda lim, off: derived.events(Filters(story=story_id), lim, off))
    mapped = sum(1 for e in merged if (e["place"] or {}).get("lat") is not None)
    reports = "".join(f"<li>{article_link(aid, text=title or aid)}</li>"
                      for aid, title in zip(story["articles"], story["titles"], strict=False))
    body = (f'<p>{story["n_articles"]} reports from {esc(", ".join(story["outlets"]))}, '
            f'{esc((story["first_published"] or "?")[:10])} to {esc((story["last_published"] or "?")[:10])}.</p>'
            f'<section class="brief"><h2>Brief</h2>{_brief(store, story_id, derived)}</section>'
            f'<section><h2>Map</h2><p>{mapped} of {len(merged)} events ({len(events)} mentions across the reports) '
            f'have a map point; {link("/events", "list them", story=story_id)}.</p>'
            f'<div id="map" data-events="{href("/api/events", story=story_id, mapped="true")}"></div>'
            '<p class="legend">marker colour: event type; size: place precision (largest = the town itself)</p>'
            f'</section><section><h2>Timeline</h2>{_timeline(events)}</section>'
            f'<section><h2>Figures</h2>{_figure_table(figures)}</section>'
            f'<section><h2>Disputes</h2>{_disputes(derived.contradictions(Filters(story=story_id), MAX_LIMIT, 0))}'
            f'</section><section><h2>Framing</h2>{_framing(derived.framing(Filters(story=story_id), MAX_LIMIT, 0))}'
            '</section>'
            f'<section><h2>Reports</h2><ul>{reports}</ul></section>')
    return layout(story["titles"][0] or story_id, body, map_page=True)


@router.get("/entities")
def entities_page(store: Store, offset: Offset = 0, limit: Limit = PAGE, actor: str | None = None,
                  type: str | None = None) -> str:
    page = store.entities(Filters(actor=actor, type=type), limit, offset)
    rows = [[link(f"/entities/{seg(e['id'])}", e["name"]), esc(e.get("type") or ""),
             esc("; ".join(a["name"] for a in e.get("aliases", [])))] for e in page.rows]
    form = (f'<form method="get" action="/entities" class="filters"><label>name <input name="actor" '
            f'value="{esc(actor or "")}"></label><button type="submit">filter</button></form>')
    return layout("Entities", form + pager("/entities", page.total, limit, offset, actor=actor, type=type)
                  + table(["entity", "type", "aliases"], rows, "entities"))


@router.get("/entities/{entity_id}")
def entity_page(entity_id: str, store: Store) -> str:
    e = entity_record(store.entity(entity_id))
    aliases = [[esc(a["name"]), esc(str(a["count"])), " ".join(article_link(x) for x in a["articles"])]
               for a in e["aliases"] or []]
    mentions = "".join(f"<li>{article_link(m['article_id'], m['start'], m['end'])}</li>" for m in e["mentions"])
    body = (f"<p>{esc(e['type'] or '')} {esc(e['actor_type'] or '')}</p><h2>Aliases</h2>"
            + table(["name", "times", "reports"], aliases, "aliases")
            + f"<h2>Why merged</h2><p>{esc(str(e['evidence'] or 'one name'))}</p><h2>Mentions</h2><ul>{mentions}</ul>")
    return layout(e["name"], body)


@router.get("/places/{geonameid}")
def place_page(geonameid: int, store: Store, offset: Offset = 0, limit: Limit = PAGE) -> str:
    page = store.places_by_geonameid(geonameid, limit, offset)
    first = page.rows[0]
    rows = [[article_link(p["article_id"], p["start"], p["end"], p["text"]), esc(p.get("reason") or "")]
            for p in page.rows]
    body = (f"<p>{esc(first.get('feature_code') or '')} · {esc(first.get('admin1') or '')} · "
            f"{esc(first.get('country') or '')} · {esc(str(first.get('lat')))}, {esc(str(first.get('lon')))}</p>"
            + pager(f"/places/{geonameid}", page.total, limit, offset) + table(["as written", "how resolved"], rows))
    return layout(first.get("name") or first["text"], body)


@router.get("/articles")
def articles_page(store: Store, offset: Offset = 0, limit: Limit = PAGE, story: str | None = None) -> str:
    page = store.articles(Filters(story=story), limit, offset)
    rows = [[article_link(a["id"], text=a["title"] or a["id"]), esc(a["outlet"] or ""),
             esc((a["published"] or "undated")[:10]), esc(a["published_source"])] for a in page.rows]
    return layout("Reports", pager("/articles", page.total, limit, offset, story=story)
                  + table(["report", "outlet", "published", "date from"], rows, "articles"))


def _focus(hl: str | None) -> tuple[int, int] | None:
    if not hl:
        return None
    try:
        start, end = (int(x) for x in hl.split("-", 1))
    except ValueError as err:
        raise BadQuery(f"hl must be START-END character offsets, not {hl!r}") from err
    return start, end


RECORD_PAGES = {"events": "/event_mentions", "mentions": "/entities", "places": "/places"}


def _record_links(spans: list[dict[str, Any]]) -> str:
    items = []
    for s in spans:
        target = esc(s["label"])
        if s["id"] is not None and s["kind"] in RECORD_PAGES:
            target = link(f"{RECORD_PAGES[s['kind']]}/{seg(str(s['id']))}", s["label"])
        items.append(f'<li>{esc(s["kind"])}: {article_link(s["article_id"], s["start"], s["end"], s["text"])} '
                     f"— {target}</li>")
    return f'<ul class="records">{"".join(items)}</ul>'


@router.get("/articles/{article_id}")
def article_page(article_id: str, store: Store, hl: str | None = None) -> str:
    a = store.article(article_id)
    spans = article_spans(store.article_annotations(article_id))
    for s in spans:
        s["article_id"], s["text"] = article_id, a["text"][s["start"]:s["end"]]
    meta = (f"<p>{esc(a['outlet'] or 'unknown outlet')} · {esc(a['published'] or 'undated')} "
            f"(date from {esc(a['published_source'])}) · {esc(a['url'] or a['source_path'] or '')}</p>")
    story_url = "/stories/" + seg(a["story_id"] or "")
    story = f"<p>Story: {link(story_url, a['story_id'])}</p>" if a["story_id"] else ""
    body = meta + story + highlight(a["text"], spans, _focus(hl)) + "<h2>Records from this report</h2>" \
        + _record_links(spans)
    return layout(a["title"] or article_id, body)


@router.get("/search")
def search_page(store: Store, q: str = "", offset: Offset = 0, limit: Limit = 20) -> str:
    if not q.strip():
        return layout("Search", "<p>Type a word in the search box.</p>")
    page = store.search(q, limit, offset)
    items = "".join(f'<li class="hit">{article_link(h["article_id"], text=h["title"] or h["article_id"])}'
                    f"<br><span class=\"snippet\">{esc(h['snippet'])}</span></li>" for h in page.rows)
    return layout(f"Search: {q}", pager("/search", page.total, limit, offset, q=q) + f'<ol class="hits">{items}</ol>')
