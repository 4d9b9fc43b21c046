"""Claims grouped by subject and relation: what each report states about one thing.

A `Statement` is one report's value for one (subject, relation): an organisation's origin or
affiliation, what happened to a place's control on a day, a report's own date. Each keeps the span it
came from and who said it (the attribution stage's source and voice: the outlet's own, quoted or
reported). Three readers make them, each a general rule over the stored records:

- `origin_statements`: "X, Y's former Syrian arm", "X, an offshoot of Y", "when founded, X was the
  branch of Y": an affiliation noun (arm, branch, affiliate, offshoot, ...) tied to a parent
  organisation, said of the organisation named just before it. With a past marker (former, founded,
  was, began as, emanation, offshoot) it is the organisation's *origin*, a fixed fact; without one it is
  its present *affiliation*, a state that can change.
- `control_statements`: the events that change or test who holds a place (territory taken or
  regained; an attack on it that failed), as the place's *control* state on the event's date.
- `date_statements`: the dates a report states for itself (page line, byline, dateline), as its
  *report_date*.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .reports import ReportView

AFFILIATION_NOUNS = ("arm", "branch", "affiliate", "offshoot", "emanation", "franchise", "wing", "offspring",
                     "splinter", "outgrowth", "successor", "spin-off", "spinoff", "front")
PAST_MARKERS = re.compile(r"\b(?:former|formerly|ex-|founded|was|were|began|started|emanation|offshoot|"
                          r"outgrowth|offspring|splinter|successor|spin-?off|originally|born)\b", re.I)
_NOUN = "|".join(AFFILIATION_NOUNS)
_MODIFIERS = r"(?:[\w-]+\s+){0,3}"  # "former Syrian", "one-time regional"
# "<parent>'s former Syrian arm" / "<parent>’s affiliate"
POSSESSIVE_RE = re.compile(rf"(?P<parent>[A-Z][\w-]*(?:[ -][A-Z][\w-]*){{0,3}})['’]s\s+{_MODIFIERS}"
                           rf"(?P<noun>{_NOUN})\b")
# "the Syrian arm of <parent>" / "an emanation of <parent>"
OF_RE = re.compile(rf"\b(?:the|an?|its)\s+{_MODIFIERS}(?P<noun>{_NOUN})\s+of\s+(?:the\s+)?"
                   rf"(?P<parent>[A-Z][\w-]*(?:[ -][A-Z][\w-]*){{0,3}})")
SUBJECT_WINDOW = 80  # characters between the organisation named and the affiliation phrase

# Events that change or test who holds a place, and the control state they tell (ACLED sub-event types).
CONTROL_STATES = {
    "Non-state actor overtakes territory": "taken by attackers",
    "Government regains territory": "retaken by the government",
    "Non-violent transfer of territory": "handed over",
}
FAILED_STATE = "attack failed"
# The order in which one offensive's states follow each other: a later state may follow an earlier one.
STATE_ORDER = {FAILED_STATE: 0, "taken by attackers": 1, "handed over": 1, "retaken by the government": 2}
FIXED_RELATIONS = ("origin", "report_date")  # facts that cannot change: two values contradict


@dataclass(frozen=True)
class Statement:
    """One report's value for one subject and relation, with its span and who said it."""

    subject: str
    relation: str  # origin | affiliation | control | report_date
    value: str
    article_id: str
    start: int
    end: int
    text: str
    outlet: str
    published: str | None = None
    published_has_time: bool = False
    time: str | None = None  # when the stated thing holds (an event's date), ISO
    source: str | None = None  # who said it; None for the outlet's own voice
    voice: str = "outlet"

    @property
    def key(self) -> tuple[str, str]:
        return (self.subject, self.relation)


def report_statements(report: ReportView) -> list[Statement]:
    """Every statement one report makes, from all readers, in text order."""
    found = origin_statements(report) + control_statements(report) + date_statements(report)
    return sorted(found, key=lambda s: (s.start, s.end, s.relation, s.value))


def _attribution(report: ReportView, start: int, end: int) -> tuple[str | None, str]:
    """Source and voice of the tightest attribution claim covering [start, end)."""
    covering = [c for c in report.claims if c["start"] <= start and end <= c["end"]]
    if not covering:
        return None, "outlet"
    best = min(covering, key=lambda c: c["end"] - c["start"])
    return best.get("source"), best.get("voice") or "outlet"


def _statement(report: ReportView, subject: str, relation: str, value: str, start: int, end: int,
               time: str | None = None) -> Statement:
    source, voice = _attribution(report, start, end)
    return Statement(subject=subject, relation=relation, value=value, article_id=report.id, start=start, end=end,
                     text=report.text[start:end], outlet=report.outlet_label, published=report.published,
                     published_has_time=report.published_has_time, time=time, source=source, voice=voice)


def _organisations(report: ReportView) -> list[dict[str, Any]]:
    return [m for m in report.mentions if m.get("label") == "ORG"]


def _name(mention: dict[str, Any]) -> str:
    return mention.get("canonical") or mention["text"]


def _parent_name(report: ReportView, start: int, end: int, written: str) -> str:
    """The parent organisation's canonical name when a mention covers it, else as written."""
    for m in _organisations(report):
        if m["start"] < end and start < m["end"]:
            return _name(m)
    return re.sub(r"^(?:the|The)\s+", "", written).strip()


def _subject_before(report: ReportView, pos: int, parent: str) -> dict[str, Any] | None:
    """The organisation an affiliation phrase at `pos` describes: the last one named shortly before it."""
    line_start = max(report.text.rfind(". ", 0, pos), report.text.rfind("\n", 0, pos)) + 1
    before = [m for m in _organisations(report)
              if line_start <= m["start"] and m["end"] <= pos and pos - m["end"] <= SUBJECT_WINDOW
              and _name(m) != parent]
    return max(before, key=lambda m: m["end"]) if before else None


def _sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    stop = text.rfind(". ", 0, start)
    left = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, start) + 1)
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(stops) + 1 if stops else len(text)
    return left, min(right, len(text))


def origin_statements(report: ReportView) -> list[Statement]:
    """Origin and affiliation statements: an affiliation noun tied to a parent organisation."""
    out = []
    for pattern in (POSSESSIVE_RE, OF_RE):
        for match in pattern.finditer(report.text):
            parent = _parent_name(report, match.start("parent"), match.end("parent"), match.group("parent"))
            subject = _subject_before(report, match.start(), parent)
            if subject is None:
                continue
            sent_start, _ = _sentence_span(report.text, match.start(), match.end())
            context = report.text[max(sent_start, subject["start"]):match.end()]
            relation = "origin" if PAST_MARKERS.search(context) else "affiliation"
            start = min(subject["start"], match.start())
            out.append(_statement(report, _name(subject), relation, parent, start, match.end()))
    return out


def control_statements(report: ReportView) -> list[Statement]:
    """Control of a place on a day, from events that take, regain or hand over territory or fail to."""
    out = []
    for ev in report.events:
        place = _event_place(report, ev)
        if place is None or ev.get("negated"):
            continue
        if ev.get("modality") == "failed" and ev.get("event_type") in ("Battles", "Violence against civilians"):
            state = FAILED_STATE
        elif ev.get("modality") == "happened" and ev.get("sub_event_type") in CONTROL_STATES:
            state = CONTROL_STATES[ev["sub_event_type"]]
        else:
            continue
        start, end = _sentence_span(report.text, ev["start"], ev["end"])
        out.append(_statement(report, place, "control", state, start, end, time=ev.get("date")))
    return out


def _event_place(report: ReportView, ev: dict[str, Any]) -> str | None:
    """The event's place as a stable subject: its gazetteer name and id."""
    idx = ev.get("place")
    if idx is None or idx >= len(report.places):
        return None
    place = report.places[idx]
    if place.get("geonameid") is None:
        return None
    return f"{place.get('name') or place['text']} (geonames {place['geonameid']})"


def date_statements(report: ReportView) -> list[Statement]:
    """The dates a report states for itself: each page, byline or dateline date it carries."""
    out = []
    for seen in report.dates_seen:
        if seen.get("kind") == "updated" or not seen.get("value"):
            continue
        start = report.text.find(seen["text"]) if seen.get("text") else -1
        if start < 0:
            continue
        day = str(seen["value"])[:10]
        stmt = _statement(report, report.id, "report_date", day, start, start + len(seen["text"]))
        out.append(stmt)
    return out
