"""The report: what the store holds so far, as Markdown and as one standalone HTML page.

Every item names the reports it came from; in HTML those are links to the report's text on the page.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..reconcile import Reconciled, reconcile_store
from ..store import Store
from .rows import export_rows
from .safety import csp_meta, md, md_url
from .timeline import build_timeline


@dataclass
class ReportData:
    articles: list[dict[str, Any]]
    stories: list[dict[str, Any]]
    entities: list[dict[str, Any]]
    figures: list[dict[str, Any]]
    places: list[dict[str, Any]]
    events: list[dict[str, Any]]
    rejects: list[dict[str, Any]]
    contradictions: list[dict[str, Any]] = field(default_factory=list)
    framing: list[dict[str, Any]] = field(default_factory=list)


def collect(store: Store, reconciled: Reconciled | None = None) -> ReportData:
    """The report's rows (`reconciled`: the store's reconciliation when the caller holds it already)."""
    if reconciled is None:
        reconciled = reconcile_store(store)
    return ReportData(*(export_rows(store, k, reconciled) for k in
                        ("articles", "stories", "entities", "figures", "places", "events", "rejects",
                         "contradictions", "framing")))


def framing_table(framing: list[dict[str, Any]]) -> list[tuple[str, str, str, str]]:
    """Per outlet and side: the words in the outlet's own voice, and those quoted or attributed (with whose)."""
    cells: dict[tuple[str, str], dict[str, list[str]]] = {}
    for row in framing:
        slot = cells.setdefault((row["outlet"], row["side"]), {"own": [], "other": []})
        if row["voice"] == "own":
            slot["own"].append(f"{row['word']} ×{row['count']}")
        else:
            whose = f" ({'; '.join(row['sources'])})" if row["sources"] else ""
            slot["other"].append(f"{row['word']} ×{row['count']} {row['voice']}{whose}")
    return [(outlet, side, ", ".join(v["own"]), ", ".join(v["other"])) for (outlet, side), v in sorted(cells.items())]


def _label(article: dict[str, Any]) -> str:
    return f"{article['outlet'] or 'unknown outlet'}, {(article['published'] or 'undated')[:10]}"


def _cell(text: object) -> str:
    """Text fit for one Markdown table cell: one line, inert (pipes, HTML and Markdown escaped)."""
    return md(text)


def _top_places(places: list[dict[str, Any]], n: int = 12) -> list[tuple[str, int, set[str]]]:
    counts: Counter[str] = Counter()
    sources: dict[str, set[str]] = {}
    for p in places:
        if p.get("lat") is None:
            continue
        name = p.get("name") or p["text"]
        counts[name] += 1
        sources.setdefault(name, set()).add(p["article_id"])
    return [(name, n_, sources[name]) for name, n_ in counts.most_common(n)]


def to_markdown(data: ReportData) -> str:
    by_id = {a["id"]: a for a in data.articles}
    ref = lambda aid: f"[{md(aid)}]"  # noqa: E731 - a one-line formatter used in many places below
    lines = ["# crosswire report", "",
             f"{len(data.articles)} reports, {len(data.stories)} stories, {len(data.entities)} entities, "
             f"{len(data.figures)} figures, {len(data.events)} event mentions, {len(data.rejects)} rejected inputs.",
             "", "## Stories", ""]
    for s in data.stories:
        lines.append(f"### {md(s['titles'][0] or s['id'])} ({len(s['articles'])} reports, "
                     f"{(s['first_published'] or '?')[:10]} to {(s['last_published'] or '?')[:10]})")
        for aid in s["articles"]:
            a = by_id[aid]
            dup = f" — duplicate of {ref(a['duplicate_of'])}" if a["duplicate_of"] else ""
            lines.append(f"- {ref(aid)} {md(a['title'] or '(untitled)')} — {md(_label(a))}{dup}")
        lines.append("")
    lines += ["## Timeline", "", "| date | what | where | killed | actors | said by | reports |",
              "|---|---|---|---|---|---|---|"]
    for t in build_timeline(data.events):
        cells = (t.when, t.what, t.place or "", t.killed, "; ".join(t.actors), "; ".join(t.sources) or "outlet",
                 " ".join(ref(a) for a in t.articles))
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    lines += ["", "## Figures", "", "| figure | kind | group | said by | report |", "|---|---|---|---|---|"]
    for f in data.figures:
        if f["kind"] == "other":
            continue
        cells = (f"{f['text']} ({f['value']})", f["kind"], f["group"] or "", f["attributed_to"] or "outlet",
                 ref(f["article_id"]))
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    lines += ["", "## Contradictions and updates", ""]
    for c in data.contradictions:
        lines.append(f"- **{md(c['kind'])}** — {md(c['subject'])} {md(c['field'])}: {md(' vs '.join(c['values']))}. "
                     f"{md(c['reason'])} — {' '.join(ref(a) for a in sorted({x for g in c['articles'] for x in g}))}")
    lines += ["", "## Framing", "", "| outlet | side | own voice | quoted or attributed |", "|---|---|---|---|"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in framing_table(data.framing)]
    lines += ["", "## Entities", ""]
    for e in sorted(data.entities, key=lambda e: -sum(a["count"] for a in e["aliases"]))[:40]:
        aliases = "; ".join(f"{md(a['name'])} ×{a['count']}" for a in e["aliases"])
        arts = sorted({aid for a in e["aliases"] for aid in a["articles"]})
        kind = md(e["type"]) + (", " + md(e["actor_type"]) if e["actor_type"] else "")
        lines.append(f"- **{md(e['name'])}** ({kind}): "
                     f"{aliases} — {' '.join(ref(a) for a in arts)}")
    lines += ["", "## Places", ""]
    for name, n, arts in _top_places(data.places):
        lines.append(f"- {md(name)}: {n} mentions — {' '.join(ref(a) for a in sorted(arts))}")
    lines += ["", "## Reports", ""]
    for a in data.articles:
        where = md_url(a["url"]) if a["url"] else md(a["source_path"] or "")
        lines.append(f"- {ref(a['id'])} {md(a['title'] or '(untitled)')} — {md(_label(a))} "
                     f"(date from {md(a['published_source'])}) {where}")
    if data.rejects:
        lines += ["", "## Rejected inputs", ""]
        lines += [f"- {md(r['path'])}: {md(r['code'])} — {md(r['message'])}" for r in data.rejects]
    return "\n".join(lines) + "\n"


STYLE = ("body{font-family:Georgia,'Times New Roman',serif;max-width:60rem;margin:2rem auto;padding:0 1rem;"
         "line-height:1.5}h1,h2,h3{font-family:system-ui,sans-serif}pre{white-space:pre-wrap;background:#f6f6f6;"
         "padding:1rem}table{border-collapse:collapse;font-size:.92rem}td,th{border:1px solid #ccc;"
         "padding:.2rem .4rem;vertical-align:top}@media print{body{max-width:none;margin:1cm}pre{background:none}"
         "section.text{page-break-before:always}}")


def to_html(data: ReportData, texts: dict[str, str]) -> str:
    """A standalone page: the Markdown report rendered (so both carry the same sections, by construction),
    each cited report id a link to that report's text, and the texts at their own anchors at the end."""
    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark", {"html": False}).enable("table").render(to_markdown(data))
    known = {a["id"] for a in data.articles}
    body = re.sub(r"\[([^\[\]<>\s]+)\]", lambda m: (f'<a href="#{m[1]}">{m[1]}</a>' if html.unescape(m[1]) in known
                                              else m[0]), body)
    esc = html.escape
    for a in data.articles:
        body += (f'<section class="text" id="{esc(a["id"])}"><p><b>{esc(a["title"] or "(untitled)")}</b><br>'
                 f"<i>{esc(_label(a))} · {esc(a['id'])} · {esc(a['url'] or a['source_path'] or '')}"
                 f"</i></p><pre>{esc(texts.get(a['id'], ''))}</pre></section>")
    return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">{csp_meta(STYLE)}"
            f"<title>crosswire report</title>"
            f"<style>{STYLE}</style></head><body>{body}</body></html>\n")
