"""The brief's figures: reconciliation's figure groups (`reconcile.reconcile_figures`), one sentence each.

A group is the figures that count one thing (the killed of one merged event, the civilians of a period
toll) across reports. Its sentence gives the best figure (the one most reports give: UCDP), the low and
the high, how many outlets carry it and how many independent sources stand behind it (two outlets re-running
one agency's count are one source), each number cited to a report span that states it; a toll that grew
between reports is told as an update, a disagreement as such; a total's breakdown follows it ("of which
111 civilians"). Then each report's own words, quoted.
"""

from __future__ import annotations

from typing import Any

from ..reconcile import FigureStatement, Reconciled
from .brief_parts import Part, Sentence, StoryReports, quote, words

KIND_ORDER = ("killed", "injured", "displaced", "detained", "missing")


def _figure(s: FigureStatement, value: int) -> Part:
    """A number cited to the statement's span (its value, or one bound of its stated range)."""
    return Part(str(value), "figure", s.article_id, s.start, s.end)


def _stating(members: list[FigureStatement], bound: str, value: int) -> FigureStatement:
    """The first statement whose value (or own bound) is `value`."""
    for s in members:
        own = getattr(s, bound) if getattr(s, bound) is not None else s.value
        if value in (s.value, own):
            return s
    return members[0]


def _label(group: dict[str, Any]) -> str:
    who = f" ({group['group']})" if group["group"] else ""
    span = ""
    if group["period"]:
        span = f", since {group['period_start']}" if group["period_start"] else ", over a period"
    return f"{group['kind'].capitalize()}{who}{span}"


def _sources(group: dict[str, Any], members: list[FigureStatement], story: StoryReports) -> list[Part]:
    """'N outlets (…), M independent sources (X[n], …)': a named source cited to a figure attributed to it."""
    n, k = group["outlet_count"], group["independent_count"]
    parts = [words(f"; {n} outlet{'s' if n != 1 else ''} ({', '.join(group['outlets'])}), {k} independent "
                   f"source{'s' if k != 1 else ''}")]
    named = []
    for source in group["independent_sources"]:
        said = next((s for s in members if s.chain and s.chain[0] == source), None)
        attributed = _attribution(story, said) if said else None
        if said and attributed:
            named.append(Part(source, "source", said.article_id, said.start, said.end, attributed))
        else:
            named.append(words(f"{source} (a wire credit)"))
    own = k - len(group["independent_sources"])
    if own > 0:
        named.append(words("the outlet's own count" if own == 1 else f"{own} outlets' own counts"))
    if named:
        parts.append(words(": "))
        for i, part in enumerate(named):
            parts += ([words(", ")] if i else []) + [part]
    return parts


def _attribution(story: StoryReports, s: FigureStatement) -> str | None:
    """Who the report says gave the figure, as its figure record has it."""
    for f in story.ann.get(s.article_id, {}).get("figures", []):
        if f["start"] == s.start and f["end"] == s.end:
            return f.get("attributed_to")
    return None


def group_sentence(group: dict[str, Any], by_id: dict[str, FigureStatement], parts_of: dict[str, dict[str, Any]],
                   story: StoryReports) -> Sentence | None:
    members = [by_id[i] for i in group["statements"] if i in by_id and by_id[i].article_id in story.articles]
    if not members or group["best"] is None:
        return None
    parts = [words(f"{_label(group)}: best "), _figure(_stating(members, "value", group["best"]), group["best"])]
    if group["low"] != group["high"]:
        parts += [words(", low "), _figure(_stating(members, "low", group["low"]), group["low"]),
                  words(", high "), _figure(_stating(members, "high", group["high"]), group["high"])]
    parts += _sources(group, members, story)
    parts += _updates(group, by_id) + _breakdown(group, by_id, parts_of)
    if group["disagree"]:
        parts.append(words("; the reports disagree"))
    parts.append(words(". "))
    for i, s in enumerate(_one_per_report(members)):
        parts += [words(("; " if i else "") + f"{story.outlet(s.article_id)}: "),
                  quote(s.article_id, s.start, s.end, story.text(s.article_id))]
    parts.append(words("."))
    return Sentence(parts)


def _updates(group: dict[str, Any], by_id: dict[str, FigureStatement]) -> list[Part]:
    parts: list[Part] = []
    for up in group["updates"]:
        old, new = by_id.get(up["from"]), by_id.get(up["to"])
        if old is None or new is None:
            continue
        parts += [words("; the toll grew from "), _figure(old, up["from_value"]), words(" to "),
                  _figure(new, up["to_value"]), words(" in a later report")]
    return parts


def _breakdown(group: dict[str, Any], by_id: dict[str, FigureStatement],
               parts_of: dict[str, dict[str, Any]]) -> list[Part]:
    """'of which 111 (civilians), 371 (fighters)': each part's best figure, cited."""
    out: list[Part] = []
    for pid in group["parts"]:
        part = parts_of.get(pid)
        members = [by_id[s] for s in part["statements"] if s in by_id] if part else []
        if not part or not members or part["best"] is None:
            continue
        out += [words(", " if out else "; of which "), _figure(_stating(members, "value", part["best"]),
                                                                  part["best"]),
                words(f" {part['group'] or 'people'}")]
    return out


def _one_per_report(members: list[FigureStatement]) -> list[FigureStatement]:
    seen: dict[str, FigureStatement] = {}
    for s in members:
        seen.setdefault(s.article_id, s)
    return list(seen.values())


def figure_sentences(story: StoryReports, reconciled: Reconciled) -> list[Sentence]:
    """One sentence per figure group told by the story's reports (breakdown parts within their total's)."""
    by_id = {s.id: s for s in reconciled.statements}
    parts_of = {g["id"]: g for g in reconciled.figure_groups if g["total"]}
    groups = [g for g in reconciled.figure_groups if not g["total"] and g["kind"] != "other"
              and any(r in story.articles for r in g["reports"])]
    groups.sort(key=lambda g: (KIND_ORDER.index(g["kind"]) if g["kind"] in KIND_ORDER else len(KIND_ORDER),
                               -(g["best"] or 0), g["id"]))
    return [s for g in groups if (s := group_sentence(g, by_id, parts_of, story)) is not None]
