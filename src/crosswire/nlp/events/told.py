"""Which event mentions of a whole report tell an event, and which one is the report's main event.

A long report tells a few events and mentions many more: a toll for a whole offensive ("727 dead since
the offensive began"), a war's toll ("half a million killed since 2011"), the same attack told again
in the lead and in the body. Each mention keeps its sentence, but `told_as` says how it is told:

- `event`: an occurrence the sentence reports;
- `period`: a toll or fighting stated for a period ("since ...", "so far", "to date", a toll that has
  "risen to"): it belongs to the period, so it takes no report day and gives no event its toll;
- `retold`: the same kind of event, at the same place and day, told again later in the report.

Which mention is the report's main event is `main.py`'s to say.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...model import Article, EventMention

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

TOLD_AS = ("event", "period", "retold")
# Adverbial phrases that make a toll or a fight cumulative.
PERIOD_PHRASES = (("so", "far"), ("to", "date"), ("thus", "far"), ("until", "now"), ("up", "to", "now"))
TOLL_NOUNS = {"toll", "tally", "count"}
TOLL_RISE = {"rise", "climb", "reach", "increase", "jump", "mount", "soar"}
# Modal verbs that make an event a possibility, not an occurrence ('could seek to strike Homs').
POSSIBILITY_MODALS = {"could", "might", "may"}
RELEASE_VERBS = {"free", "release", "liberate"}
DEAL_WORDS = {"exchange", "swap", "deal", "agreement", "truce", "ceasefire", "negotiate", "negotiation", "accord"}


def told_over_period(sent: SpacySpan) -> bool:
    """The sentence states something for a period: 'since' with a time or event after it, 'so far',
    'to date', or a toll that has risen to a figure."""
    words = [t.lower_ for t in sent]
    for i in range(len(words)):
        if any(tuple(words[i:i + len(p)]) == p for p in PERIOD_PHRASES):
            return True
    for tok in sent:
        if tok.lower_ == "since" and tok.dep_ in ("prep", "mark") and tok.i + 1 < sent.end:
            return True
        if tok.lemma_.lower() in TOLL_RISE and any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in TOLL_NOUNS
                                                    for c in tok.children):
            return True
    return False


def possibility_modal(head: Token) -> bool:
    """The trigger, or a verb it hangs from ('seek to strike'), carries could / might / may."""
    chain = [head, *list(head.ancestors)[:2]]
    return any(c.dep_ == "aux" and c.lower_ in POSSIBILITY_MODALS for t in chain for c in t.children)


def release_of_detainees(sent: SpacySpan, head: Token) -> bool:
    """An arrest or deal word in a sentence that tells detainees freed, outside any exchange or deal
    ('freed hundreds of unjustly detained prisoners', 'prisoners released')."""
    lemmas = {t.lemma_.lower() for t in sent}
    if lemmas & DEAL_WORDS:
        return False
    if head.lemma_.lower() in RELEASE_VERBS:
        return True
    return any(t.lemma_.lower() in RELEASE_VERBS and (head in t.subtree or head.head == t.head) for t in sent)


def same_event(a: EventMention, b: EventMention, article: Article) -> bool:
    """The same kind of event at the same place on the same day; a mention dated only by the report's
    publication (a headline, a lead naming no day) agrees with any day."""
    if (a.event_type, a.sub_event_type, a.modality) != (b.event_type, b.sub_event_type, b.modality):
        return False
    undated = b.date is None or "published" in (a.date_precision, b.date_precision)
    return _place_key(article, a) == _place_key(article, b) and (undated or a.date == b.date)


def _place_key(article: Article, ev: EventMention) -> object:
    if ev.place is None:
        return None
    place = article.places[ev.place]
    return place.geonameid or (place.name or place.text).lower()


def mark_retold(article: Article, events: list[EventMention]) -> None:
    """A mention of the same kind of event at the same place and day as an earlier one is 'retold'."""
    told: dict[tuple[object, ...], list[EventMention]] = {}  # events told first, by kind and place
    for ev in events:
        if ev.told_as != "event":
            continue
        kind = (ev.event_type, ev.sub_event_type, ev.modality, _place_key(article, ev))
        first = next((f for f in told.get(kind, ()) if same_event(f, ev, article)), None)
        if first is not None:
            ev.told_as = "retold"
            if first.fatalities is None:
                first.fatalities = ev.fatalities
        else:
            told.setdefault(kind, []).append(ev)
