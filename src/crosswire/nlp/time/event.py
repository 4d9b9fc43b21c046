"""Which date a report gives for the event it tells of.

A news report dates its event in the sentence that tells it ("a man was shot Saturday night"), but
the same report names other days too: the day the police spoke ("police said Monday"), the day of
an arrest, a charge or a court hearing ("was arraigned Tuesday", "is due in court Friday"). Those
days belong to what followed the event, so given the report's text they are passed over for the
day of the event itself. A clock time with a day ("11 p.m. Monday") dates its day like a bare day.

`event_date_for_report` takes the first sentence about the event (or its scene: "officers found
the bodies") that names a day. A bare clock time ("the shooting happened around 2 a.m.") dates the
day named before it, if any. When no such sentence names a day, a sentence next to one often does
("At 11 p.m. Sunday, a neighbour heard a bang."); a weekend ("shot over the weekend") gives its
Saturday, within a day of either day of it; the report's DCT comes last.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import NamedTuple

from ...model import TimeRef
from .calendar import as_date
from .context import split_sentences

DATE_LIKE = re.compile(r"^\d{4}-\d{2}-\d{2}")
PRECISIONS = ("day", "week", "month", "year")
# Steps that follow an event and carry their own day: speaking about it, a victim dying of wounds,
# arresting and charging someone, going to court, mourning. A day right after one of these dates
# that step, not the event (a victim "died Tuesday" of a shooting that may be days older).
# An event that "was reported" (to the police) was reported when it happened.
AFTERMATH = re.compile(
    r"\b(?:said|says|told|announced|(?<!was\s)(?<!were\s)reported|confirmed|stated|added|released|identified|updated"
    r"|noted|explained|insisted|claimed|declared|spoke|talked|testified"
    r"|filed|died|dies|arrested|charged|booked|jailed|indicted|arraigned|arraignment|sentenced|sentencing|convicted"
    r"|pleaded|pled|pleas?|condition|appeared|appear|court|hearing|trial|bail|bond|funeral|vigil|memorial|services?)\b",
    re.IGNORECASE)
# Words that tell the event itself: when one stands between the aftermath word and the day, the day
# is the event's ("police said a man was shot Friday", "charged in a gunfight Saturday"). Names
# of crimes are left out: they are also what someone is charged with ("charged with murder Monday").
EVENT_VERB = re.compile(
    r"\b(?:happened|occurred|took\s+place|shot|shooting|killed|wounded|injured|fired|opened|erupted|"
    r"began|started|broke\s+out|attacked|stabbed|struck|found|death|killing|slaying|attack|"
    r"(?:gun)?fight|battle|shootout|incident|crash)\b", re.IGNORECASE)
# A day that names the event after it is the event's, whatever governs it ("charged in Friday's
# shooting", "arrested over the March 3 attack").
NAMES_THE_EVENT = re.compile(
    r"(?:['\u2019]s\s+(?:[\w]+[\s-]+){0,2}|\s+(?:(?:night|morning|afternoon|evening)(?:['\u2019]s)?\s+)?)"
    r"(?:shooting|killing|slaying|attack|incident|crash|stabbing|gunfight|shootout)\b",
    re.IGNORECASE)
# How far back from a day its governing word may stand, and how many words may lie between.
AFTERMATH_REACH = 40
AFTERMATH_GAP_WORDS = 4
# Days that are not the day of an event: the day a count starts from ("since Friday night"), the
# day a state is told at ("as of Friday"), and a page's own time stamp ("Updated: Monday, May 6").
NOT_EVENT_DAY = re.compile(
    r"(?:\b(?:since|through|until|till|as\s+of)\s+(?:on\s+|early\s+|late\s+)?"
    r"|\b(?:posted|updated|published|created|modified)\s*(?:on|at)?\s*:?\s*)$", re.IGNORECASE)
# A date the text opens with ("(09/15/16) - Police said ...", "May 6, 2024 10:52 AM ROME") is the
# report's dateline, not the day of its event.
DATELINE = re.compile(r"\s*\(?")
# How `resolve` says a clock time took the day last named, else the DCT's.
BARE_CLOCK = "clock time on the day last named"
WEEKEND = re.compile(r"^\d{4}-W\d{2}-WE$")
CLAUSE_BREAK = re.compile(r"[,;:()\u2014\"\u201c\u201d]")


class EventDate(NamedTuple):
    """The date chosen for an event: value, precision, where it came from, and the TimeRef index."""

    value: str | None
    precision: str | None
    source: str  # "sentence" | "narrative" | "dct" | "none"
    time_index: int | None
    reason: str


def _precision(times: list[TimeRef], i: int) -> str | None:
    """The calendar precision of a DATE or TIME: a clock time on a named day dates that day. A
    bare clock time ("around 2 a.m.") dates a day only when the text named that day before it;
    otherwise it sits on the DCT's day by default and says nothing of the event's day."""
    t = times[i]
    if t.type == "TIME" and t.value and DATE_LIKE.match(t.value):
        if not t.reason.startswith(BARE_CLOCK):
            return "day"
        day = t.value[:10]
        named = any(u.value and u.value[:10] == day and u.type in ("DATE", "TIME") and u.precision == "day"
                    for u in times[:i])
        return "day" if named else None
    return t.precision if t.precision in PRECISIONS else None


def dates_an_aftermath(text: str, t: TimeRef, start: int, end: int | None = None) -> bool:
    """Whether the day `t` is governed by a word of what followed the event, in its own clause and
    with no verb of the event between them: just before it ("police said Thursday", "was charged
    with murder Wednesday", "is due in court Friday"), or right after it when nothing of the event
    comes before ("prosecutors on Thursday charged"). `start` is where the look back stops (the
    sentence start, or the end of a time expression before `t`, which a word before it governs)."""
    if NAMES_THE_EVENT.match(text, t.end):
        return False
    before = text[max(start, t.start - AFTERMATH_REACH):t.start]
    breaks = list(CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end():]
    cues = list(AFTERMATH.finditer(before))
    if cues and _short_gap(before[cues[-1].end():]):
        return True
    if EVENT_VERB.search(before):
        return False
    after = text[t.end:min(end if end is not None else len(text), t.end + AFTERMATH_REACH)]
    if br := CLAUSE_BREAK.search(after):
        after = after[:br.start()]
    cue = AFTERMATH.search(after)
    return cue is not None and not after[:cue.start()].strip()


def _short_gap(gap: str) -> bool:
    return len(gap.split()) <= AFTERMATH_GAP_WORDS and not EVENT_VERB.search(gap)


def _after_report(t: TimeRef, published: datetime | date | None) -> bool:
    """Whether `t` names a day after the report's: an event told as having happened is not later
    than the report, so such a day is a plan (a hearing, a funeral) or a misread year."""
    dct = as_date(published)
    if dct is None or not t.value or not DATE_LIKE.match(t.value):
        return False
    return t.value[:10] > dct.isoformat()


def event_date_for_sentence(times: list[TimeRef], start: int, end: int,
                            published: datetime | date | None,
                            trigger: tuple[int, int] | None = None,
                            text: str | None = None) -> EventDate:
    """The best date for an event told in the sentence [start, end) of a report.

    Picks the DATE/TIME inside the sentence nearest to `trigger` (or the sentence start), day
    precision first, then week, month, year; falls back to the DCT (`source` "dct", precision
    "day") and says so, or to no date (`source` "none") when the report has no DCT either.
    Given the report's `text`, days that date a later step (a statement, an arrest, a hearing)
    are passed over.
    """
    focus = trigger[0] if trigger else start
    ranked = []
    for i, t in enumerate(times):
        if t.start < start or t.end > end or t.type not in ("DATE", "TIME") or not t.value:
            continue
        precision = _precision(times, i)
        if precision is None or "X" in t.value:
            continue
        look_from = max([start] + [u.end for u in times if start <= u.end <= t.start])
        if text is not None and (dates_an_aftermath(text, t, look_from, end) or _after_report(t, published)
                                 or NOT_EVENT_DAY.search(text, max(start, t.start - 16), t.start)
                                 or DATELINE.fullmatch(text, 0, t.start)):
            continue
        ranked.append((PRECISIONS.index(precision), abs(t.start - focus), i))
    if ranked:
        rank, _, i = min(ranked)
        t = times[i]
        value = t.value[:10] if t.value and DATE_LIKE.match(t.value) else t.value
        return EventDate(value, PRECISIONS[rank], "sentence", i,
                         f"nearest date in the sentence: {t.text!r} ({t.reason})")
    return _dct_date(published, "no date in the sentence")


def _dct_date(published: datetime | date | None, why: str) -> EventDate:
    dct = as_date(published)
    if dct is not None:
        return EventDate(dct.isoformat(), "day", "dct", None, f"{why}: the report's DCT")
    return EventDate(None, None, "none", None, f"{why} and the report has no DCT")


# How reports tell the scene of an incident without naming the act ("officers found the bodies
# about 10 p.m. Sunday", "the incident happened at 2 a.m.", "a stray bullet hit a window Monday"):
# such a sentence is about the event too.
SCENE = re.compile(
    r"\b(?:found\s+dead|bod(?:y|ies)|discovered|discovery|responded|(?:was|were)\s+called|dispatched|"
    r"arrived|incident|attack|happened|occurred|took\s+place|bullets?|gun\s+(?:went|goes)\s+off)\b", re.IGNORECASE)
# Page furniture, not the story: "Posted Monday", "Updated 5:30 PM".
BOILERPLATE = re.compile(r"^\s*(?:posted|updated|published|last\s+updated|copyright)\b", re.IGNORECASE)
# The story of a report is told in its first sentences; later ones drift to other cases.
MAX_EVENT_SENTENCES = 25


def event_sentences(text: str, cue: re.Pattern[str]) -> list[tuple[int, int, tuple[int, int]]]:
    """The sentences of `text` about the event (those `cue` or a word of its scene finds in, page
    furniture left out), each with the span of its first such word, in text order."""
    found = []
    for start, end in split_sentences(text):
        m = _about_event(text, start, end, cue)
        if m and not BOILERPLATE.match(text[start:end]):
            found.append((start, end, (m.start(), m.end())))
    return found[:MAX_EVENT_SENTENCES]


def _about_event(text: str, start: int, end: int, cue: re.Pattern[str]) -> re.Match[str] | None:
    return cue.search(text, start, end) or SCENE.search(text, start, end)


def event_date_for_report(text: str, times: list[TimeRef], published: datetime | date | None,
                          cue: re.Pattern[str]) -> EventDate:
    """The date a report gives for its event: that of the first sentence about the event (found by
    `cue` or a word of its scene) that names a day, days of later steps passed over; else the day of
    a sentence next to one of those; else the Saturday of a weekend one of those names ("shot over
    the weekend": within a day of either day of it); else the DCT."""
    weekend: EventDate | None = None
    for start, end, trigger in event_sentences(text, cue):
        chosen = event_date_for_sentence(times, start, end, published, trigger=trigger, text=text)
        if chosen.source == "sentence" and chosen.precision == "day":
            return chosen
        if weekend is None and chosen.value and WEEKEND.match(chosen.value):
            weekend = chosen
    if (told := _day_next_to_event(text, times, published, cue)) is not None:
        return told
    if weekend is not None and weekend.value:
        saturday = _saturday(weekend.value, as_date(published))
        return EventDate(saturday, "day", "narrative", weekend.time_index,
                         f"the Saturday of the weekend named: {weekend.reason}")
    return _dct_date(published, "no sentence about the event names its day")


def _saturday(weekend: str, dct: date | None) -> str:
    """The Saturday of an ISO weekend value ("2024-W49-WE" -> "2024-12-07"); the one before when
    that is after the report, as an event told of has happened ("shot over the weekend")."""
    year, week = int(weekend[:4]), int(weekend[6:8])
    saturday = date.fromisocalendar(year, week, 6)
    if dct is not None and saturday > dct:
        saturday -= timedelta(days=7)
    return saturday.isoformat()


def _day_next_to_event(text: str, times: list[TimeRef], published: datetime | date | None,
                       cue: re.Pattern[str]) -> EventDate | None:
    """The day named by a sentence right after (else right before) one about the event, when none
    of those names it: a story goes on with its own details ("At 11 p.m. Sunday, a neighbour heard
    a bang.")."""
    sentences = split_sentences(text)
    about = [i for i, (s, e) in enumerate(sentences) if _about_event(text, s, e, cue)][:MAX_EVENT_SENTENCES]
    for j in [n for i in about for n in (i + 1, i - 1) if 0 <= n < len(sentences) and n not in about]:
        start, end = sentences[j]
        if BOILERPLATE.match(text[start:end]):
            continue
        chosen = event_date_for_sentence(times, start, end, published, text=text)
        if chosen.source == "sentence" and chosen.precision == "day":
            return chosen._replace(source="narrative", reason=f"next to a sentence about the event: {chosen.reason}")
    return None
