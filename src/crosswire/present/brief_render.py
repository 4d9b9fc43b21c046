"""The brief as Markdown and as one standalone HTML page (for reading and printing), with the same sections.

A section's note (what the changes section compares with) is printed under its heading; it states
nothing about the reports. Each cited part carries a numbered citation; the story's sources list gives, for each number, the outlet,
the report and the character span, and the span's own words.
"""

from __future__ import annotations

import html
from typing import Any

from .brief import SECTIONS, Part, StoryBrief

STYLE = ("body{font-family:Georgia,'Times New Roman',serif;max-width:46rem;margin:2rem auto;padding:0 1rem;"
         "line-height:1.55;color:#1b1b1b}h1,h2,h3{font-family:system-ui,sans-serif}h2{margin-top:2.4rem;"
         "border-bottom:2px solid #333}h3{margin-top:1.6rem}sup a{text-decoration:none;color:#1f5fae}"
         "ol.sources{font-size:.85rem;color:#444}p.meta{color:#555;font-style:italic}"
         "@media print{body{max-width:none;margin:1cm}a{color:inherit}h2{page-break-before:auto}"
         "section.story{page-break-after:always}}")


class _Sources:
    """Numbers the spans a story's sentences cite, each span once."""

    def __init__(self) -> None:
        self.keys: dict[tuple[str, int, int], int] = {}

    def number(self, part: Part) -> int:
        key = (part.article_id or "", part.start or 0, part.end or 0)
        return self.keys.setdefault(key, len(self.keys) + 1)


def _label(texts: dict[str, dict[str, Any]], aid: str, start: int, end: int) -> tuple[str, str]:
    a = texts[aid]
    snippet = " ".join(a["text"][start:end].split())
    if len(snippet) > 160:
        snippet = snippet[:157] + "…"
    return f"{a['outlet'] or 'unknown outlet'}, {(a['published'] or 'undated')[:10]}, {aid} [{start}–{end}]", snippet


def to_markdown(briefs: list[StoryBrief], texts: dict[str, dict[str, Any]]) -> str:
    lines = ["# crosswire brief", ""]
    for b in briefs:
        sources = _Sources()
        lines += [f"## {b.title}", "", f"{len(texts_in(b, texts))} reports from {', '.join(b.outlets)}; "
                  f"{(b.first or '?')[:10]} to {(b.last or '?')[:10]}.", ""]
        for name in SECTIONS:
            lines += [f"### {name}", ""]
            sentences = b.sections.get(name, [])
            if name in b.notes:
                lines += [f"*{b.notes[name]}*", ""]
            elif not sentences:
                lines += [f"Nothing to report under {name.lower()}.", ""]
            for s in sentences:
                text = "".join(p.text + (f" [{sources.number(p)}]" if p.kind else "") for p in s.parts)
                lines.append(f"- {text}")
            lines.append("")
        lines += ["### Sources", ""]
        for (aid, start, end), n in sources.keys.items():
            label, snippet = _label(texts, aid, start, end)
            lines.append(f"{n}. {label}: “{snippet}”")
        lines.append("")
    return "\n".join(lines)


def texts_in(brief: StoryBrief, texts: dict[str, dict[str, Any]]) -> list[str]:
    return [aid for aid, a in texts.items() if a.get("story_id") == brief.story_id]


def to_html(briefs: list[StoryBrief], texts: dict[str, dict[str, Any]]) -> str:
    esc = html.escape
    body = []
    for i, b in enumerate(briefs):
        sources = _Sources()
        parts = [f'<section class="story"><h2>{esc(b.title)}</h2><p class="meta">{len(texts_in(b, texts))} reports '
                 f"from {esc(', '.join(b.outlets))}; {esc((b.first or '?')[:10])} to {esc((b.last or '?')[:10])}.</p>"]
        for name in SECTIONS:
            parts.append(f"<h3>{esc(name)}</h3>")
            sentences = b.sections.get(name, [])
            if name in b.notes:
                parts.append(f'<p class="meta">{esc(b.notes[name])}</p>')
            elif not sentences:
                parts.append(f"<p>Nothing to report under {esc(name.lower())}.</p>")
            if not sentences:
                continue
            items = []
            for s in sentences:
                items.append("".join(esc(p.text) + (f'<sup><a href="#s{i}-{sources.number(p)}">'
                                                    f"{sources.number(p)}</a></sup>" if p.kind else "")
                                     for p in s.parts))
            parts.append("<ul>" + "".join(f"<li>{x}</li>" for x in items) + "</ul>")
        parts.append("<h3>Sources</h3><ol class=\"sources\">")
        for (aid, start, end), n in sources.keys.items():
            label, snippet = _label(texts, aid, start, end)
            parts.append(f'<li id="s{i}-{n}">{esc(label)}: “{esc(snippet)}”</li>')
        parts.append("</ol></section>")
        body.append("".join(parts))
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>crosswire brief</title>'
            f"<style>{STYLE}</style></head><body><h1>crosswire brief</h1>{''.join(body)}</body></html>\n")
