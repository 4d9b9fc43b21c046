"""The report: what the store holds so far, as Markdown and as one standalone HTML page.

Every item names the reports it came from; in HTML those are links to the report's text on the page.
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..store import Store
from .exports import export_rows
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


def collect(store: Store) -> ReportData:
    return ReportData(*(export_rows(store, k) for k in
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
    """Text fit for one Markdown table cell: one line, pipes escaped."""
    return " ".join(str(text).split()).replace("|", "\\|")


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
    ref = lambda aid: f"[{aid}]"  # noqa: E731 - a one-line formatter used in many places below
    lines = ["# crosswire report", "",
             f"{len(data.articles)} reports, {len(data.stories)} stories, {len(data.entities)} entities, "
             f"{len(data.figures)} figures, {len(data.events)} event mentions, {len(data.rejects)} rejected inputs.",
             "", "## Stories", ""]
    for s in data.stories:
        lines.append(f"### {s['titles'][0] or s['id']} ({len(s['articles'])} reports, "
                     f"{(s['first_published'] or '?')[:10]} to {(s['last_published'] or '?')[:10]})")
        for aid in s["articles"]:
            a = by_id[aid]
            dup = f" — duplicate of {ref(a['duplicate_of'])}" if a["duplicate_of"] else ""
            lines.append(f"- {ref(aid)} {a['title'] or '(untitled)'} — {_label(a)}{dup}")
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
        lines.append(f"- **{c['kind']}** — {c['subject']} {c['field']}: {' vs '.join(c['values'])}. "
                     f"{c['reason']} — {' '.join(ref(a) for a in sorted({x for g in c['articles'] for x in g}))}")
    lines += ["", "## Framing", "", "| outlet | side | own voice | quoted or attributed |", "|---|---|---|---|"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in framing_table(data.framing)]
    lines += ["", "## Entities", ""]
    for e in sorted(data.entities, key=lambda e: -sum(a["count"] for a in e["aliases"]))[:40]:
        aliases = "; ".join(f"{a['name']} ×{a['count']}" for a in e["aliases"])
        arts = sorted({aid for a in e["aliases"] for aid in a["articles"]})
        lines.append(f"- **{e['name']}** ({e['type']}{', ' + e['actor_type'] if e['actor_type'] else ''}): "
                     f"{aliases} — {' '.join(ref(a) for a in arts)}")
    lines += ["", "## Places", ""]
    for name, n, arts in _top_places(data.places):
        lines.append(f"- {name}: {n} mentions — {' '.join(ref(a) for a in sorted(arts))}")
    lines += ["", "## Reports", ""]
    for a in data.articles:
        lines.append(f"- {ref(a['id'])} {a['title'] or '(untitled)'} — {_label(a)} "
                     f"(date from {a['published_source']}) {a['url'] or a['source_path'] or ''}")
    if data.rejects:
        lines += ["", "## Rejected inputs", ""]
        lines += [f"- {r['path']}: {r['code']} — {r['message']}" for r in data.rejects]
    return "\n".join(lines) + "\n"


def to_html(data: ReportData, texts: dict[str, str]) -> str:
    """A standalone page: the Markdown report's content with each report's text at its own anchor."""
    esc = html.escape
    link = lambda aid: f'<a href="#{esc(aid)}">{esc(aid)}</a>'  # noqa: E731 - as in to_markdown
    by_id = {a["id"]: a for a in data.articles}
    parts = [f"<p>{len(data.articles)} reports, {len(data.stories)} stories, {len(data.entities)} entities, "
             f"{len(data.figures)} figures, {len(data.rejects)} rejected inputs.</p>", "<h2>Stories</h2>"]
    for s in data.stories:
        items = "".join(f"<li>{link(aid)} {esc(by_id[aid]['title'] or '(untitled)')} — "
                        f"{esc(_label(by_id[aid]))}</li>" for aid in s["articles"])
        parts.append(f"<h3>{esc(s['titles'][0] or s['id'])}</h3><ul>{items}</ul>")
    steps = "".join(f"<tr><td>{esc(t.when)}</td><td>{esc(t.what)}</td><td>{esc(t.place or '')}</td>"
                    f"<td>{t.killed}</td><td>{esc('; '.join(t.actors))}</td>"
                    f"<td>{esc('; '.join(t.sources) or 'outlet')}</td>"
                    f"<td>{' '.join(link(a) for a in t.articles)}</td></tr>" for t in build_timeline(data.events))
    parts.append("<h2>Timeline</h2><table><tr><th>date</th><th>what</th><th>where</th><th>killed</th>"
                 f"<th>actors</th><th>said by</th><th>reports</th></tr>{steps}</table>")
    rows = "".join(f"<tr><td>{esc(f['text'])}</td><td>{f['value']}</td><td>{esc(f['kind'])}</td>"
                   f"<td>{esc(f['group'] or '')}</td><td>{esc(f['attributed_to'] or 'outlet')}</td>"
                   f"<td>{link(f['article_id'])}</td></tr>" for f in data.figures if f["kind"] != "other")
    parts.append("<h2>Figures</h2><table><tr><th>figure</th><th>value</th><th>kind</th><th>group</th>"
                 f"<th>said by</th><th>report</th></tr>{rows}</table>")
    flags = "".join(f"<li><b>{esc(c['kind'])}</b> — {esc(c['subject'])} {esc(c['field'])}: "
                    f"{esc(' vs '.join(c['values']))}. {esc(c['reason'])}</li>" for c in data.contradictions)
    parts.append(f"<h2>Contradictions and updates</h2><ul>{flags}</ul>")
    frames = "".join("<tr>" + "".join(f"<td>{esc(x)}</td>" for x in row) + "</tr>"
                     for row in framing_table(data.framing))
    parts.append("<h2>Framing</h2><table><tr><th>outlet</th><th>side</th><th>own voice</th>"
                 f"<th>quoted or attributed</th></tr>{frames}</table>")
    ents = "".join(f"<li><b>{esc(e['name'])}</b> ({esc(e['type'] or '')}): "
                   + "; ".join(f"{esc(a['name'])} ×{a['count']}" for a in e["aliases"]) + " — "
                   + " ".join(link(x) for x in sorted({x for a in e["aliases"] for x in a["articles"]}))
                   + "</li>" for e in data.entities)
    parts.append(f"<h2>Entities</h2><ul>{ents}</ul><h2>Reports</h2>")
    for a in data.articles:
        parts.append(f'<section id="{esc(a["id"])}"><h3>{esc(a["title"] or "(untitled)")}</h3>'
                     f"<p><i>{esc(_label(a))} · {esc(a['id'])} · {esc(a['url'] or a['source_path'] or '')}"
                     f"</i></p><pre>{esc(texts.get(a['id'], ''))}</pre></section>")
    style = ("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
             "pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}table{border-collapse:collapse}"
             "td,th{border:1px solid #ccc;padding:.2rem .4rem}")
    return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>crosswire report</title>"
            f"<style>{style}</style></head><body><h1>crosswire report</h1>{''.join(parts)}</body></html>\n")
