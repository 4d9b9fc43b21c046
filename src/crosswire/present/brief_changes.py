"""What changed since the previous brief of the same store: new events, figures that changed, new disputes.

Each brief records what it contained (`brief_state`, kept in the store's `briefs` table): every merged
event by its mentions, every figure group by its statements with its best / low / high, every dispute
by what it is about. Event and group ids are derived from their smallest member, so a new report can
change them; the comparison therefore goes by members: an event is new when none of its mentions was in
the previous brief, a figure group is the previous one that shares a statement with it, and it changed
when its best, low or high moved. A dispute is new when the previous brief had none on the same subject,
field and values. Each change is a sentence citing the spans behind it, like the rest of the brief; what
the previous brief said is marked as such (it is the brief's record, not a report's words).
"""

from __future__ import annotations

from typing import Any

from ..reconcile import Reconciled
from ..store import ReadStore
from .brief import dispute_sentences
from .brief_figures import KIND_ORDER
from .brief_parts import Part, Sentence, StoryBrief, StoryReports, quote, words

SECTION = "Changes since the previous brief"


def dispute_key(flag: dict[str, Any]) -> str:
    values = sorted(str(side.get("value")) for side in flag.get("sides", []))
    return "|".join([str(flag.get("subject")), str(flag.get("field")), str(flag.get("kind")), *values])


def brief_state(reconciled: Reconciled, flags: list[dict[str, Any]], reports: int) -> dict[str, Any]:
    """What a brief contains, by members (see the module docstring)."""
    return {
        "reports": reports,
        "events": [{"mentions": sorted(m["id"] for m in e["mentions"])} for e in reconciled.events],
        "figures": [{"statements": sorted(g["statements"]), "kind": g["kind"], "best": g["best"], "low": g["low"],
                     "high": g["high"]} for g in reconciled.figure_groups],
        "disputes": sorted({dispute_key(f) for f in flags}),
    }


def _mention(story: StoryReports, mention: dict[str, Any]) -> dict[str, Any] | None:
    for ev in story.ann.get(mention["article_id"], {}).get("events", []):
        if (ev.get("id") or f"{ev['article_id']}.e{ev['idx']}") == mention["id"]:
            return ev
    return None


def _new_event(event: dict[str, Any], story: StoryReports) -> Sentence | None:
    """'New: TYPE[n], DATE, PLACE, told by N reports. OUTLET: “…”[n].' cited to its first mention in the story."""
    for m in event["mentions"]:
        ev = _mention(story, m) if m["article_id"] in story.articles else None
        if ev is None:
            continue
        evidence = ev.get("evidence") or [{"start": ev["start"], "end": ev["end"]}]
        start, end = evidence[0]["start"], evidence[0]["end"]
        aid = m["article_id"]
        n = len(event["sources"])
        where = (event["fields"]["place"]["chosen"] or {}).get("name")
        when = (event["fields"]["date"]["chosen"] or {}).get("date") or "undated"
        return Sentence([words("New event: "), Part(ev["event_type"], "event", aid, start, end),
                         words(f", {when}{', ' + where if where else ''}, told by {n} "
                               f"report{'s' if n != 1 else ''}. {story.outlet(aid)}: "),
                         quote(aid, start, end, story.text(aid)), words(".")])
    return None


def _figure_change(group: dict[str, Any], before: dict[str, Any] | None, reconciled: Reconciled,
                   story: StoryReports) -> Sentence | None:
    """A new figure group, or one whose best, low or high moved; the number now cited to a span giving it."""
    if before is not None and (before["best"], before["low"], before["high"]) == (
            group["best"], group["low"], group["high"]):
        return None
    stated = {s.id: s for s in reconciled.statements}
    giving = next((stated[i] for i in group["statements"] if i in stated and stated[i].value == group["best"]
                   and stated[i].article_id in story.articles), None)
    if giving is None or group["best"] is None:
        return None
    who = f" ({group['group']})" if group["group"] else ""
    parts = [words(f"{'New figure' if before is None else 'Figure changed'}: {group['kind']}{who}, best "),
             Part(str(group["best"]), "figure", giving.article_id, giving.start, giving.end)]
    if before is not None:
        parts.append(words(f" (the previous brief: best {before['best']}, low {before['low']}, high {before['high']}); "
                           f"now low {group['low']}, high {group['high']}"))
    elif group["low"] != group["high"]:
        parts.append(words(f", low {group['low']}, high {group['high']}"))
    parts += [words(f". {story.outlet(giving.article_id)}: "),
              quote(giving.article_id, giving.start, giving.end, story.text(giving.article_id)), words(".")]
    return Sentence(parts)


def change_sentences(story: StoryReports, previous: dict[str, Any], reconciled: Reconciled,
                     flags: list[dict[str, Any]]) -> list[Sentence]:
    """New events, changed figures and new disputes of one story since `previous` (a `brief_state`)."""
    seen = {mid for e in previous.get("events", []) for mid in e["mentions"]}
    out = [s for e in reconciled.events if any(m["article_id"] in story.articles for m in e["mentions"])
           and not seen.intersection(m["id"] for m in e["mentions"]) if (s := _new_event(e, story)) is not None]
    before_of = {sid: f for f in previous.get("figures", []) for sid in f["statements"]}
    groups = sorted((g for g in reconciled.figure_groups if not g["total"] and g["kind"] in KIND_ORDER
                     and any(r in story.articles for r in g["reports"])), key=lambda g: (g["kind"], g["id"]))
    for g in groups:
        before = next((before_of[s] for s in g["statements"] if s in before_of), None)
        if (sentence := _figure_change(g, before, reconciled, story)) is not None:
            out.append(sentence)
    known = set(previous.get("disputes", []))
    fresh = [f for f in flags if dispute_key(f) not in known
             and any(side["article_id"] in story.articles for side in f["sides"])]
    for sentence in dispute_sentences(fresh, story):
        out.append(Sentence([words("New dispute: "), *sentence.parts]))
    return out


def add_changes(briefs: list[StoryBrief], store: ReadStore, previous: dict[str, Any] | None,
                reconciled: Reconciled, flags: list[dict[str, Any]], reports: int) -> None:
    """Fill each brief's changes section, and its note: what it is compared with."""
    for brief in briefs:
        if previous is None:
            brief.notes[SECTION] = "This is the first brief of this store: there is nothing to compare it with."
            brief.sections[SECTION] = []
            continue
        changes = change_sentences(StoryReports(store, brief.story_id), previous, reconciled, flags)
        brief.notes[SECTION] = (f"Compared with the previous brief of this store ({previous['created_at'][:16]} "
                                f"UTC, {previous['reports']} reports; now {reports})."
                                + ("" if changes else " No new events, changed figures or new disputes."))
        brief.sections[SECTION] = changes
