"""The report's main event: the occurrence its headline and lead are about.

A news report puts its main event first: the headline names it in a few words ("Syria strikes kill 20"),
the lead (the first sentences of the body) tells it in full, with its weapon, its town and its day, and
the rest of the report goes on to reactions, background and other events. So the main event is:

1. the first violent event (not a strategic development) that the lead tells as happened, one with a
   toll first (`LEAD_SENTENCES` sentences after the headline, which is the first line when it is short,
   has no closing full stop and more text follows);
2. else the first event told as happened that carries a toll;
3. else the first violent event told as happened, else the first told as happened, else the first mention.

A main event chosen in the lead takes the headline's toll when the headline gives one (the lead may
restate it beside other figures), else its own, else the first toll the report gives a violent event; a
vague count there ('dozens') gives way to the lead's exact toll when that is no smaller.
A main event whose mention names only a country or province, or no place, takes the first finer place
(in the same country, or province) that the other mentions of the story give (`PLACE_FROM_SENTENCES` sentences
after the lead), else the first such town the story names after "in", "near" or "at" (not where a victim was
treated). A main event first told in the headline and retold in the lead is told as an event
where the lead tells it. A main event that only the publication date dates, when the report does not
state that date itself (a fetch time), takes the day the story's next mention of its kind names in its
own sentence (`DAY_FROM_SENTENCES` sentences after the lead). A main event told by a bare word of harm
("killed", "attack") takes the weapon the headline or lead tells ("air strikes", "a gas attack").
"""

from __future__ import annotations

import re

from ...model import Article, EventMention, Place
from .place import is_locative_object, kind_rank, place_rank
from .told import same_event

LEAD_SENTENCES = 2
HEADLINE_MAX_CHARS = 300
# How far past the lead a main event named only by its country may look for its town, and one whose
# sentence names no day for its day.
PLACE_FROM_SENTENCES = 3
DAY_FROM_SENTENCES = 6


def lead_span(article: Article) -> tuple[int, int]:
    """Where the report's lead lies: the first `LEAD_SENTENCES` sentences after its headline, else the
    report's first ones (start and end offsets)."""
    return _story_span(article, LEAD_SENTENCES)


def _story_span(article: Article, sentences: int) -> tuple[int, int]:
    body = headline_end(article.text)
    following = [s for s in article.sentences if s.start >= body][:sentences]
    return body, following[-1].end if following else body


def headline_end(text: str) -> int:
    """Where the headline ends: the end of the first line when it is short, has no closing full stop and
    more text follows; 0 when the report opens with its story."""
    first = text.find("\n")
    if first <= 0 or first > HEADLINE_MAX_CHARS or not text[first:].strip():
        return 0
    line = text[:first].rstrip()
    return 0 if line.endswith((".", "!", "?", ":")) else first


def _violent_happened(ev: EventMention) -> bool:
    return ev.modality == "happened" and not ev.negated and ev.event_type != "Strategic developments"


def mark_main(events: list[EventMention], article: Article | None = None) -> EventMention | None:
    """Mark the report's main event (see the module docstring) and return it (None without events).
    Without the article, the lead is unknown and rules 2-3 choose."""
    for ev in events:
        ev.main = False
    happened = [ev for ev in events if ev.told_as == "event" and ev.modality == "happened" and not ev.negated]
    with_toll = [ev for ev in happened if ev.fatalities]
    violent = [ev for ev in happened if ev.event_type != "Strategic developments"]
    in_lead: list[EventMention] = []
    if article is not None:
        start, end = lead_span(article)
        in_lead = [ev for ev in events if start <= ev.start < end and ev.told_as in ("event", "retold")
                   and _violent_happened(ev)]
    pick = [ev for ev in in_lead if ev.fatalities] or in_lead or with_toll or violent or happened or events
    if not pick:
        return None
    main = pick[0]
    main.main = True
    if article is None:
        return main
    if main.told_as == "retold":
        _tell_where_main(article, events, main)
    if main in in_lead:
        _take_report_toll(article, events, main)
    _take_story_place(article, events, main)
    _take_story_day(article, events, main)
    _take_story_weapon(article, events, main)
    return main


# Triggers that tell a death or an attack without saying how it was done.
BARE_HARM_WORDS = ("kill", "dead", "death", "die", "attack", "assault", "massacre", "martyr", "claim", "lose")


def _take_story_weapon(article: Article, events: list[EventMention], main: EventMention) -> None:
    """A main event told by a bare word of harm ('22 dead in heavy raids', 'the attack killed five') takes the
    weapon the headline or the lead tells for the story ('killed in air strikes', 'a nerve gas attack'):
    ACLED types an event by its means when the report gives them."""
    if main.event_type not in ("Violence against civilians", "Battles") or \
            main.sub_event_type not in ("Attack", "Armed clash") or not main.text.lower().startswith(BARE_HARM_WORDS):
        return
    end = lead_span(article)[1]
    weapon = next((ev for ev in events if ev.start < end and ev.event_type == "Explosions/Remote violence"
                   and _violent_happened(ev) and ev.told_as != "period"), None)
    if weapon is not None:
        main.event_type, main.sub_event_type, main.plover = weapon.event_type, weapon.sub_event_type, weapon.plover


def _own_day(article: Article, ev: EventMention) -> bool:
    """Whether the mention's date is a day named in its own sentence."""
    if ev.time is None or not ev.evidence or ev.date_precision != "day":
        return False
    return ev.evidence[0].start <= article.times[ev.time].start < ev.evidence[0].end


def _take_story_day(article: Article, events: list[EventMention], main: EventMention) -> None:
    """A main event that no day of the report dates (it took a publication date the report does not state
    itself, such as a fetch time) takes the day that the report's next mention of the same kind of event names in its own sentence ("Police say a boy was shot ... The shooting happened
    about 10 p.m. Sunday"), within `DAY_FROM_SENTENCES` sentences of the story; else it keeps the
    narrative's day or the report's."""
    if main.date_precision != "published" or article.published_source == "text":
        return  # a report that states its own day tells that day's news when its lead names no other
    end = _story_span(article, LEAD_SENTENCES + DAY_FROM_SENTENCES)[1]
    for ev in events:
        if ev is not main and ev.start < end and ev.event_type == main.event_type and _violent_happened(ev) \
                and ev.told_as != "period" and _own_day(article, ev):
            main.time, main.date, main.date_precision = ev.time, ev.date, ev.date_precision
            return


def _take_report_toll(article: Article, events: list[EventMention], main: EventMention) -> None:
    """The headline's toll, else the main mention's own, else the first toll of a violent event. A toll
    told only as a vague count ('Strikes kill dozens', 'tens of civilians') gives way to an exact one
    the lead gives, when that is no smaller ('... killed at least 61 people')."""
    body, lead_end = lead_span(article)
    tolls = [ev for ev in events if ev.fatalities and _violent_happened(ev) and ev.told_as != "period"]
    headline = next((ev for ev in tolls if ev.start < body), None)
    ordered = [headline] if headline is not None else []
    ordered += ([main] if main.fatalities else []) + [ev for ev in tolls if ev.start >= body]
    if not ordered:
        return
    pick = ordered[0]
    if _vague_toll(article, pick):
        pick = next((ev for ev in ordered if ev.start < lead_end and not _vague_toll(article, ev)
                     and (ev.fatalities or 0) >= (pick.fatalities or 0)), pick)
    main.fatalities = pick.fatalities


# Vague counts as the figures stage writes their qualifier (ACLED's conservative figure stands for them).
VAGUE_COUNTS = frozenset({"dozens", "dozen", "tens", "scores", "hundreds", "thousands", "several", "many",
                          "numerous", "few", "handful", "couple"})


def _vague_toll(article: Article, ev: EventMention) -> bool:
    """Whether every killed figure of the mention's sentence is a vague count."""
    if not ev.evidence:
        return False
    span = ev.evidence[0]
    killed = [f for f in article.figures if span.start <= f.start < span.end and f.kind == "killed"
              and f.part_of is None]
    return bool(killed) and all((f.qualifier or "").lower() in VAGUE_COUNTS for f in killed)


def _take_story_place(article: Article, events: list[EventMention], main: EventMention) -> None:
    """A main event placed only in a country or province (or nowhere) takes the first finer place in that
    country that another violent mention of the story gives: after the main mention first, then before it."""
    own = article.places[main.place] if main.place is not None else None
    if own is not None and kind_rank(own) == 0:
        return
    end = _story_span(article, LEAD_SENTENCES + PLACE_FROM_SENTENCES)[1]
    story = [ev for ev in events if ev is not main and ev.start < end and ev.place is not None
             and _violent_happened(ev) and ev.told_as != "period"]
    story.sort(key=lambda ev: (ev.start < main.start, abs(ev.start - main.start)))
    for ev in story:
        place = article.places[ev.place]  # type: ignore[index]
        if own is None or kind_rank(place) < kind_rank(own) and _within(place, own):
            main.place = ev.place
            return
    scene = _story_scene(article, main, own, end) if own is not None else None
    if scene is not None:
        main.place = scene


# "taken to a hospital in X", "treated at X Medical Center": where a victim was treated, not the scene.
_CARE_BEFORE = re.compile(r"\b(?:hospital|medical cent(?:er|re)|clinic|trauma cent(?:er|re))s?\s+(?:in|at|near)\s+$",
                          re.IGNORECASE)


def _story_scene(article: Article, main: EventMention, own: Place, end: int) -> int | None:
    """The first town inside the main event's province or country that the story names as where something is
    ("reported near X", "in X") after the main mention and before `end`, none named as where a victim was
    treated: a lead that places its event only in a state ("in some North Carolina woods") names its town
    in the next sentence, whether or not that sentence tells an event."""
    for i, place in enumerate(article.places):
        if main.start < place.start < end and place.lat is not None and place_rank(place) == 0 \
                and _within(place, own) and is_locative_object(article.text, place) \
                and not _CARE_BEFORE.search(article.text[max(0, place.start - 40):place.start]):
            return i
    return None


def _within(place: Place, wider: Place) -> bool:
    """Whether `place` can lie inside `wider`: the same country, and the same province for a province."""
    if wider.country is not None and place.country != wider.country:
        return False
    return kind_rank(wider) != 1 or place.admin1 == wider.admin1


def _tell_where_main(article: Article, events: list[EventMention], main: EventMention) -> None:
    """The main event is told as an event in the sentence chosen for it; the earlier mention it retells
    (a headline's) is then the retelling."""
    first = next((ev for ev in events if ev.told_as == "event" and same_event(ev, main, article)), None)
    main.told_as = "event"
    if first is not None:
        first.told_as = "retold"
