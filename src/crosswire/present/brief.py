"""The brief: per story, what happened in time order, the reconciled figures, what is disputed, what changed
since the previous brief, and the framing.

It is extractive. Every sentence is a list of `Part`s, and every part that states something cites the
stored span it comes from, with the kind of record that backs it:

- `quote`: the words are the report's own, exactly `text[start:end]`;
- `event`: an event mention of that type whose trigger lies inside the span;
- `place`: a toponym at the span resolved to that name;
- `time`: a time expression at the span normalised to that value;
- `figure`: a figure at the span with that value (or that bound of the range it states);
- `source`: a figure at the span that the report attributes to that source (as written);
- `word`: the span's text is that word (framing).

`check_sentence` verifies a sentence against the store, so a test can hold every sentence of a brief
to its citations. Dates the text does not give (the report's own date) and places resolved with low
confidence are marked as such in the sentence.
"""

from __future__ import annotations

from typing import Any

from ..reconcile import Reconciled, reconcile_store
from ..store import MAX_LIMIT, ReadStore
from .brief_figures import figure_sentences
from .brief_parts import SECTIONS, Part, Sentence, StoryBrief, StoryReports, quote, words

__all__ = ["SECTIONS", "Part", "Sentence", "StoryBrief", "build_brief", "check_sentence", "story_brief"]

LOW_CONFIDENCE = 0.5
MAX_DEVELOPMENTS = 15


def _event_span(ev: dict[str, Any]) -> tuple[int, int]:
    evidence = ev.get("evidence") or []
    return (evidence[0]["start"], evidence[0]["end"]) if evidence else (ev["start"], ev["end"])


def _told(ev: dict[str, Any]) -> bool:
    """A mention the developments tell: it happened (not negated, not history) and is dated."""
    return not ev.get("negated") and ev.get("modality") != "historical" and bool(ev.get("date"))


def _event_groups(story: StoryReports, reconciled: Reconciled) -> list[list[dict[str, Any]]]:
    """The story's merged events as groups of their mentions in the story (copies left out), the lead first:
    a mention of the event's chosen date (the date the sentence gives), of its chosen type if one is, whose
    text gives the date if one does.
    The events most reports tell, at most `MAX_DEVELOPMENTS`, in time order."""
    stored = {(ev.get("id") or f"{aid}.e{ev['idx']}"): ev for aid in story.meta["articles"]
              if not story.articles[aid]["duplicate_of"] for ev in story.ann[aid].get("events", [])}
    groups = []
    for event in reconciled.events:
        members = [stored[m["id"]] for m in event["mentions"] if m["id"] in stored and _told(stored[m["id"]])]
        if not members:
            continue
        chosen = event["fields"]["event_type"]["chosen"]
        day = (event["fields"]["date"]["chosen"] or {}).get("date")
        ranked = sorted(members, key=lambda ev: (ev["date"] != day, ev["event_type"] != chosen,
                                                 _time_of(story, ev) is None, ev["article_id"], ev["start"]))
        groups.append(ranked)
    top = sorted(groups, key=lambda g: (-len({e["article_id"] for e in g}), g[0]["date"]))[:MAX_DEVELOPMENTS]
    return sorted(top, key=lambda g: (g[0]["date"], g[0]["event_type"]))


def _place_of(story: StoryReports, ev: dict[str, Any]) -> dict[str, Any] | None:
    places = story.ann[ev["article_id"]].get("places", [])
    idx = ev.get("place")
    place = places[idx] if idx is not None and idx < len(places) else None
    return place if place and place.get("name") else None


def _time_of(story: StoryReports, ev: dict[str, Any]) -> dict[str, Any] | None:
    times = story.ann[ev["article_id"]].get("times", [])
    idx = ev.get("time")
    t = times[idx] if idx is not None and idx < len(times) else None
    return t if t and t.get("value") == ev.get("date") else None


def development(story: StoryReports, group: list[dict[str, Any]]) -> Sentence:
    """'DATE, PLACE: TYPE (N reports): “the report's sentence”' — each piece cited; `group` is one merged
    event's mentions, its lead first, and every other report that tells it is cited too."""
    ev = group[0]
    aid = ev["article_id"]
    when = _time_of(story, ev)
    parts = [Part(ev["date"], "time", aid, when["start"], when["end"]) if when
             else words(f"{ev['date']} (the report's date; the text gives none)")]
    place = _place_of(story, ev)
    if place:
        parts += [words(", "), Part(place["name"], "place", aid, place["start"], place["end"])]
        if (place.get("confidence") or 0) < LOW_CONFIDENCE:
            parts.append(words(" (place uncertain)"))
    kind = ev["event_type"] + (f" – {ev['sub_event_type']}" if ev.get("sub_event_type") else "")
    start, end = _event_span(ev)
    parts += [words(": "), Part(kind, "event", aid, start, end, ev["event_type"])]
    others = [e for e in group[1:] if e["article_id"] != aid]
    reports = len({e["article_id"] for e in group})
    parts.append(words(f" ({reports} report{'s' if reports > 1 else ''}). {story.outlet(aid)}: "))
    parts.append(quote(aid, start, end, story.text(aid)))
    seen = {aid}
    for other in others:
        if other["article_id"] in seen:
            continue
        seen.add(other["article_id"])
        s, e = _event_span(other)
        parts += [words(f"; also {story.outlet(other['article_id'])} "),
                  Part("(cited)", "event", other["article_id"], s, e, other["event_type"])]
    parts.append(words("."))
    return Sentence(parts)


def dispute_sentences(flags: list[dict[str, Any]], story: StoryReports) -> list[Sentence]:
    out = []
    for flag in flags:
        parts = [words(f"{flag['kind'].capitalize()} on {flag['subject']} ({flag['field']}): ")]
        for i, side in enumerate(flag["sides"]):
            if side["article_id"] not in story.articles:
                continue
            parts += [words(("; " if i else "") + f"{side['outlet'] or side['article_id']} says "),
                      quote(side["article_id"], side["start"], side["end"], story.text(side["article_id"]))]
        parts.append(words("."))
        out.append(Sentence(parts))
    return out


def framing_sentences(rows: list[dict[str, Any]], story: StoryReports) -> list[Sentence]:
    by_outlet: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in rows:
        by_outlet.setdefault((row["outlet"], row["side"]), []).append(row)
    out = []
    for (outlet, side), used in sorted(by_outlet.items()):
        parts = [words(f"{outlet} calls the {side}: ")]
        for i, row in enumerate(sorted(used, key=lambda r: -r["count"])):
            m = next((m for m in row["mentions"] if m["article_id"] in story.articles), None)
            if m is None:
                continue
            written = story.text(m["article_id"])[m["start"]:m["end"]]
            parts += [words(", " if i else ""),
                      Part(written, "word", m["article_id"], m["start"], m["end"], written),
                      words(f" ({row['voice']}, ×{row['count']})")]
        parts.append(words("."))
        out.append(Sentence(parts))
    return out


def build_brief(store: ReadStore, flags: list[dict[str, Any]], framing: list[dict[str, Any]],
                reconciled: Reconciled | None = None) -> list[StoryBrief]:
    """A brief per story (largest first); `flags`, `framing` and `reconciled` (merged events and figure
    groups: reconciled here when not given) are reconciliation's for the whole store."""
    reconciled = reconciled or reconcile_store(store.backend)
    return [story_brief(store, meta["id"], flags, framing, reconciled) for meta in store.stories(MAX_LIMIT, 0).rows]


def story_brief(store: ReadStore, story_id: str, flags: list[dict[str, Any]], framing: list[dict[str, Any]],
                reconciled: Reconciled) -> StoryBrief:
    """One story's brief (without the changes section, which needs the previous brief)."""
    story = StoryReports(store, story_id)
    meta = story.meta
    keep = set(meta["articles"])
    brief = StoryBrief(meta["id"], meta["titles"][0] or meta["id"], meta["outlets"], meta["first_published"],
                       meta["last_published"])
    brief.sections["Key developments"] = [development(story, g) for g in _event_groups(story, reconciled)]
    brief.sections["Figures"] = figure_sentences(story, reconciled)
    brief.sections["Disputed"] = dispute_sentences(
        [f for f in flags if any(s["article_id"] in keep for s in f["sides"])], story)
    brief.sections["Framing"] = framing_sentences(
        [r for r in framing if any(m["article_id"] in keep for m in r["mentions"])], story)
    return brief


def check_sentence(sentence: Sentence, store: ReadStore) -> list[str]:
    """What in the sentence its citations do not back (empty when every part holds)."""
    problems = []
    for part in sentence.citations:
        text = store.article(part.article_id)["text"]
        ann = store.article_annotations(part.article_id)
        claim = part.claim if part.claim is not None else part.text
        if not _holds(part, claim, text, ann):
            problems.append(f"{part.kind} {claim!r} not at {part.article_id}[{part.start}:{part.end}]")
    return problems


def _holds(part: Part, claim: str, text: str, ann: dict[str, list[dict[str, Any]]]) -> bool:
    s, e = part.start, part.end
    assert s is not None and e is not None
    at = lambda kind: [r for r in ann.get(kind, []) if r["start"] == s and r["end"] == e]  # noqa: E731
    if part.kind in ("quote", "word"):
        return text[s:e] == claim
    if part.kind == "event":
        return any(r["event_type"] == claim and s <= r["start"] and r["end"] <= e for r in ann.get("events", []))
    if part.kind == "place":
        return any(r.get("name") == claim for r in at("places"))
    if part.kind == "time":
        return any(r.get("value") == claim for r in at("times"))
    if part.kind == "figure":
        return any(claim in (str(r.get("value")), str(r.get("low")), str(r.get("high"))) for r in at("figures"))
    if part.kind == "source":
        return any(r.get("attributed_to") == claim for r in at("figures"))
    return False
