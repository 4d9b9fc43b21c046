"""Events told in a report, typed in ACLED's taxonomy with a PLOVER code.

`EventsStage` finds trigger words (the lexicon in `crosswire/data/event_lexicon.tsv`) in each
sentence and decides the ACLED type and sub-type with explainable rules over the dependency parse
(`rules`): who acts and who is acted on, whether the victims are civilians or armed, whether a
protest met police intervention or turned violent, whether a capture was only attempted. Actors are
named ACLED's way (`actors`). Each event takes its place, date and fatalities from the other
stages' records in the same sentence (or the report's main place and first date), and its source from claims.
"""

from __future__ import annotations

import bisect
from collections import Counter
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ...model import Article, Claim, EventMention, Figure, Place, Sentence, Span, TimeRef
from ...names import country_name
from ...positions import ByStart, SpanGrid, SpanSet
from ..claims.attribution import claims_covering, source_for_span
from ..doc import article_doc
from ..time.event import NOT_EVENT_DAY, dates_an_aftermath
from . import lexicon as lex
from .actor_names import acled_actor
from .actors import find_actors, territory_sides
from .history import told_as_history, told_as_now
from .main import mark_main
from .news import intended_capture
from .place import ReportPlaces, event_point, place_for
from .protest import intervention_cues, violent_protest_cues
from .report_actors import ReportActors
from .rules import type_sentence
from .told import mark_retold, possibility_modal, release_of_detainees, told_over_period
from .triggers import Typing, trigger_verb

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Span as SpacySpan

    from .triggers import Trigger


class EventsStage:
    """Per-report stage: fills `article.events`."""

    name = "events"
    requires = ("id", "text", "published", "published_source", "meta", "sentences", "mentions", "places", "times", "figures", "claims")
    assigns = ("events",)

    def __init__(self, resources: Any) -> None:
        self.resources = resources
        self.lexicon = lex.load_trigger_lexicon()

    def __call__(self, article: Article) -> Article:
        doc = article_doc(article, self.resources)
        typed = [(sent, typing) for sent in doc.sents if (typing := type_sentence(sent, self.lexicon)) is not None]
        country = self._country(article, [(sent.start_char, sent.end_char) for sent, _ in typed], doc)
        report = ReportPlaces(article.places, article.text, self._gazetteer(article))
        records = ReportRecords(article)
        actors = ReportActors(article, getattr(self.resources, "aliases", None), country)
        events = [self._event(article, sent, typing, country, report, records, actors) for sent, typing in typed]
        periods = [(sent.start_char, sent.end_char) for sent in doc.sents if told_over_period(sent)]
        attach_following_fatalities(article, events, periods, records)
        refine_protests(article, events, doc, country)
        refine_gang_victims(article, events, doc)
        for i, ev in enumerate(events):
            ev.id = f"{article.id or 'ev'}-e{i}"
            self._map(article, ev)
            if ev.evidence and (ev.evidence[0].start, ev.evidence[0].end) in periods:
                ev.told_as = "period"
        mark_retold(article, events)
        main = mark_main(events, article)
        if main is not None:
            self._map(article, main)  # the main event may take a finer place from its story
        article.events = events
        return article

    def _country(self, article: Article, spans: list[tuple[int, int]], doc: Any) -> str | None:
        """The country of the report's events (`main_country`, nationality words read as their country);
        when no place says it, the nationality the text names most ('Lebanese demonstrators'), else the home
        country of a group the actor table knows ('NPA rebels' -> the Philippines)."""
        demonyms = getattr(getattr(self.resources, "gazetteer", None), "demonyms", None) or {}
        found = main_country(article, spans, demonyms)
        if found:
            return found
        told = Counter(code for code in (demonyms.get(t.text.casefold(), "") for t in doc if t.text[:1].isupper()) if code[:1].isalpha())
        if told:
            return country_name(told.most_common(1)[0][0])
        return self._home_of_named_group(doc)

    def _home_of_named_group(self, doc: Any) -> str | None:
        aliases = getattr(self.resources, "aliases", None)
        if aliases is None:
            return None
        for chunk in (*doc.ents, *doc.noun_chunks):
            actor = aliases.lookup(chunk.text, fuzzy=False)
            if actor is not None and actor.type == "ORG" and actor.country:
                return country_name(actor.country)
        return None

    def _map(self, article: Article, ev: EventMention) -> None:
        """The event's map point and precision from its place (None when it has no place)."""
        if ev.place is None:
            ev.lat = ev.lon = ev.geo_precision = None
            return
        gazetteer = self._gazetteer(article)
        place = article.places[ev.place]
        ev.lat, ev.lon, ev.geo_precision = event_point(place, gazetteer) if gazetteer else (place.lat, place.lon, None)

    def _gazetteer(self, article: Article) -> Any:
        """The gazetteer, loaded only for a report with places (and None from resources that lack one)."""
        return getattr(self.resources, "gazetteer", None) if article.places else None

    def _event(self, article: Article, sent: SpacySpan, typing: Typing, country: str | None,
               report: ReportPlaces | None = None, records: ReportRecords | None = None,
               actors: ReportActors | None = None) -> EventMention:
        trig = typing.trigger
        start, end = trig.tokens[0].idx, trig.head.idx + len(trig.head)
        actors = actors or ReportActors(article, getattr(self.resources, "aliases", None), country)
        actor1, actor2 = find_actors(sent, trig.head, typing.event_type, typing.sub_event_type)
        if typing.sub_event_type.endswith("territory"):
            actor1, actor2 = territory_sides(sent, trig, typing.sub_event_type, actor1, actor2)
        ev = EventMention(start=start, end=end, text=article.text[start:end], event_type=typing.event_type,
                          sub_event_type=typing.sub_event_type, plover=typing.plover,
                          actor1=actors.name(actor1), actor2=actors.name(actor2))
        if ev.actor2 == ev.actor1:  # two phrases named as one group ('the rebels', 'the alliance'): no second side
            ev.actor2 = None
        ev.evidence = [Span(sent.start_char, sent.end_char)]
        report = report or ReportPlaces(article.places, article.text, self._gazetteer(article))
        ev.place = place_for(article, *_place_window(article, sent, trig, report), self._gazetteer(article), report)
        records = records or ReportRecords(article)
        ev.time, ev.date, ev.date_precision = date_for(article, sent.start_char, sent.end_char, start, records)
        ev.fatalities = fatalities_in(article, sent.start_char, sent.end_char, records)
        ev.modality, ev.negated = modality_of(trig, sent)
        if ev.modality == "happened" and possibility_modal(trig.head):
            ev.modality = "threatened"
        if ev.sub_event_type in ("Arrests", "Agreement") and release_of_detainees(sent, trig.head):
            ev.sub_event_type = "Other"
        ev.attributed_to = source_for_span(article, start, end, records.claims)
        if ev.attributed_to and ev.modality == "happened" and _cue_for(article, start, end, records) in ("claim", "allege"):
            ev.modality = "claimed"
        if ev.modality == "failed" and typing.sub_event_type.endswith("territory"):
            ev.event_type, ev.sub_event_type, ev.plover = "Battles", "Armed clash", "FIGHT"
        if ev.modality == "happened" and told_as_history(article, ev.date, ev.date_precision):
            _history_or_now(article, ev, sent, trig, records)
        return ev


def _history_or_now(article: Article, ev: EventMention, sent: SpacySpan, trig: Trigger,
                    records: ReportRecords | None = None) -> None:
    """An event dated years before the report: told as going on now ('founded in 2011, the group is now
    fighting ...'), the year is not its own and it takes the narrative's day; else it is marked "historical"
    and keeps only a place named in its own sentence (the report's main place is where things happen now)."""
    if told_as_now(trig.head):
        ev.time, ev.date, ev.date_precision = date_for(article, sent.start_char, sent.start_char, ev.start, records)
        return
    ev.modality = "historical"
    if ev.place is not None and not sent.start_char <= article.places[ev.place].start < sent.end_char:
        ev.place = None


TERRITORY_CLASSES = {"capture", "regain", "withdraw", "seize"}


def _place_window(article: Article, sent: SpacySpan, trig: Trigger,
                  report: ReportPlaces | None = None) -> tuple[int, int]:
    """Where to look for the event's place: for a place changing hands, the trigger verb's own clause when
    it names a resolved place ('pressed towards X, a day after the army withdrew from Y': Y); else the
    whole sentence."""
    verb = trigger_verb(trig)
    clause = list(verb.subtree) if verb.pos_ in ("VERB", "AUX") and trig.cls in TERRITORY_CLASSES else []
    if clause:
        start, end = clause[0].idx, clause[-1].idx + len(clause[-1])
        report = report or ReportPlaces(article.places, article.text)
        if report.any_resolved_in(start, end):
            return start, end
    return sent.start_char, sent.end_char


def modality_of(trig: Trigger, sent: SpacySpan) -> tuple[str, bool]:
    """happened | failed | planned | threatened | denied, and whether the trigger is negated (an event
    dated years before the report is then marked "historical" by `_event`)."""
    head = trig.head
    negated = any(c.dep_ == "neg" for c in head.children) or any(
        c.lower_ in ("no", "never") for c in head.children if c.dep_ == "det")
    chain = [head, *list(head.ancestors)[:3]]
    lemmas = {t.lemma_.lower() for t in chain} | {c.lemma_.lower() for t in chain for c in t.children
                                                  if c.dep_ in ("aux", "xcomp", "advmod")}
    if lemmas & lex.FAILED_CUES or any(t.lemma_.lower() in ("repel", "repulse", "foil", "thwart")
                                       and head in t.subtree for t in sent if trig.cls in ("capture", "regain")):
        return "failed", negated
    if lemmas & lex.THREAT_CUES:
        return "threatened", negated
    if lemmas & {"deny"}:
        return "denied", negated
    if lemmas & lex.PLANNED_CUES or trig.cls in ("capture", "regain", "seize") and intended_capture(trig):
        return "planned", negated
    return "happened", negated


def _cue_for(article: Article, start: int, end: int, records: ReportRecords | None = None) -> str | None:
    covering = claims_covering(article, start, end, records.claims if records else None)
    return min(covering, key=lambda c: c.end - c.start).cue if covering else None


# Words after a place name that make it an origin or a currency, not where anything happened
# ('a Britain-based monitor', 'a US-made rifle', 'the US dollar').
ORIGIN_SUFFIXES = ("-based", "-made", "-born", "-built", "-funded", "-registered", "-headquartered", "-listed")
CURRENCY_WORDS = {"dollar", "dollars", "pound", "pounds", "euro", "euros", "rouble", "roubles", "ruble", "lira",
                  "yuan", "yen", "rupee", "rupees", "franc", "francs", "dinar", "dinars", "riyal", "shekel"}


def main_country(article: Article, spans: list[tuple[int, int]] | None = None,
                 demonyms: dict[str, str] | None = None) -> str | None:
    """The country the report's events happen in, as an ACLED-style name: the most common country among
    the report's places, a place in an event sentence (`spans`) counting twice; origin and currency
    mentions ('Britain-based', 'US-made', 'US dollar') never count. A place written as a nationality word
    in `demonyms` ('a Somali army base' resolved to a region of that name abroad) counts for the nation."""
    demonyms = demonyms or {}
    places = [p for p in article.places if p.country and not _origin_mention(article.text, p.end)]

    def code(p: Place) -> str:
        nation = demonyms.get(article.text[p.start:p.end].casefold(), "")
        return nation if nation[:1].isalpha() else str(p.country)

    codes = Counter(code(p) for p in places)
    in_events = SpanSet(spans or ())
    codes.update(code(p) for p in places if in_events.overlaps(p.start, p.start + 1))  # count twice
    return country_name(codes.most_common(1)[0][0]) if codes else None


def _origin_mention(text: str, end: int) -> bool:
    after = text[end:end + 16].lower()
    words = after.split(maxsplit=1)
    return after.startswith(ORIGIN_SUFFIXES) or bool(words) and words[0].strip(".,;") in CURRENCY_WORDS


def date_for(article: Article, start: int, end: int, anchor: int,
             records: ReportRecords | None = None) -> tuple[int | None, str | None, str | None]:
    """The DATE TimeRef nearest the trigger in the sentence, else the narrative's day before it, else the
    first event day after it (a headline's), else publication date (precision 'published').

    References that name no period ("now", "recently") and bounds of spans ("since 2016") are passed
    over, and days that date a later step ("police said Thursday", "was charged Friday") only count
    when the sentence names no other day. `records` finds the report's times by position (built here when
    not given)."""
    records = records if records is not None and records.article is article else ReportRecords(article)
    dates = [i for i in records.times.indices_within(start, end) if (t := article.times[i]).type == "DATE"
             and t.value and t.value[:1].isdigit() and not _bound_of_span(article.text, t.start)
             and not _in_stamp(t, records.stamps, article.text)]
    # Prefer the event's own day to the day of a statement about it; a statement's day is still better
    # than none (wire copy often dates the event by the day it was announced).
    own = [i for i in dates if not dates_an_aftermath(article.text, article.times[i], start, end)]
    dates = own or dates
    if dates:
        i = min(dates, key=lambda j: abs(article.times[j].start - anchor))
        return i, article.times[i].value, article.times[i].precision
    i = records.narrative_days.last_before(start)
    if i is not None:  # the narrative's current day: "On Monday, ... Later, ..."
        return i, article.times[i].value, article.times[i].precision
    told = records.own_days.first_from(end)
    if told is not None and article.times[told].start >= records.day_after_limit(end):
        told = None  # too far down the report to be the headline's day
    if told is not None:  # a headline or a lead without a day: the day the report goes on to give its event
        return told, article.times[told].value, article.times[told].precision
    if article.published is not None:
        return None, article.published.date().isoformat(), "published"
    return None, None, None


# How many sentences after a headline (or a lead without a day) may give it the day of its event: the
# lead tells the headline's event in full; later paragraphs go on to other days and other events.
DAY_AFTER_SENTENCES = 2


def _narrative_day(t: TimeRef) -> bool:
    """A day the narrative may stand on: a DATE with a value to the day."""
    return t.type == "DATE" and bool(t.value) and t.precision == "day"


def _own_day(article: Article, sentences: SpanGrid[Sentence], t: TimeRef) -> bool:
    """A day that dates an event rather than a later step ("police said Friday"), within its own sentence."""
    if t.type != "DATE" or t.precision != "day" or not (t.value or "")[:1].isdigit():
        return False
    at = sentences.containing(t.start)
    sent = article.sentences[at] if at is not None else None
    return sent is not None and not _bound_of_span(article.text, t.start) \
        and not dates_an_aftermath(article.text, t, sent.start, sent.end) \
        and not _in_stamp(t, report_stamps(article), article.text)


class ReportRecords:
    """One report's times, figures, claims and sentences found by position, built once per report: each
    event looks up those of its own sentence instead of scanning the whole report's (which made the stage
    quadratic in the report's length). Built on first use, for what the report's events ask."""

    def __init__(self, article: Article) -> None:
        self.article = article

    @cached_property
    def times(self) -> ByStart[TimeRef]:
        return ByStart(self.article.times)

    @cached_property
    def narrative_days(self) -> ByStart[TimeRef]:
        return ByStart(self.article.times, keep=_narrative_day)

    @cached_property
    def own_days(self) -> ByStart[TimeRef]:
        """The days after which `date_for` looks for the first one dating an event (a headline's)."""
        sentences = SpanGrid(self.article.sentences)
        return ByStart(self.article.times, keep=lambda t: _own_day(self.article, sentences, t))

    @cached_property
    def stamps(self) -> list[tuple[int, int]]:
        return report_stamps(self.article)

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [s.start for s in self.article.sentences]

    def day_after_limit(self, end: int) -> int:
        """Where the `DAY_AFTER_SENTENCES` sentences after `end` end (the text's end when fewer follow)."""
        at = bisect.bisect_left(self.sentence_starts, end) + DAY_AFTER_SENTENCES - 1
        return self.article.sentences[at].end if at < len(self.article.sentences) else len(self.article.text)

    @cached_property
    def figures(self) -> ByStart[Figure]:
        return ByStart(self.article.figures)

    @cached_property
    def claims(self) -> SpanGrid[Claim]:
        return SpanGrid(self.article.claims)


def report_stamps(article: Article) -> list[tuple[int, int]]:
    """Where the report states its own date (a date line, a lead's dateline: the metadata stage's
    `dates_seen`): the day a report was written or printed is not the day of the events it tells,
    which it names in their own words ("on Wednesday")."""
    return [(int(d["start"]), int(d["end"])) for d in article.meta.get("dates_seen") or ()
            if isinstance(d, dict) and "start" in d and "end" in d]


def _in_stamp(t: TimeRef, stamps: Sequence[tuple[int, int]], text: str = "") -> bool:
    """Whether `t` is the report's own date: a lead dateline (`stamps`), or a day after a page label
    ("Posted: ...", "Updated: ...", "as of ...")."""
    if text and NOT_EVENT_DAY.search(text, max(0, t.start - 16), t.start):
        return True
    return any(a <= t.start < b or t.start <= a < t.end for a, b in stamps)


# Words before a date that make it the bound of a span, not the day of the event ('the first strikes since 2016').
SPAN_BOUND_WORDS = ("since", "until", "till")


def _bound_of_span(text: str, start: int) -> bool:
    before = text[max(0, start - 12):start].split()
    return bool(before) and before[-1].lower() in SPAN_BOUND_WORDS


def fatalities_in(article: Article, start: int, end: int, records: ReportRecords | None = None) -> int | None:
    """Sum of the killed totals stated in [start, end) (breakdown parts not counted twice), on the line of
    the first: a headline run into the body's first line without a full stop is told again there, not added."""
    figures = records.figures.within(start, end) if records is not None and records.article is article else \
        [f for f in article.figures if start <= f.start < end]
    killed = [f for f in figures if f.kind == "killed" and f.part_of is None and f.value is not None]
    if not killed:
        return None
    line_end = article.text.find("\n", killed[0].start)
    return sum(f.value or 0 for f in killed if line_end < 0 or f.start < line_end)


def attach_following_fatalities(article: Article, events: list[EventMention],
                                periods: list[tuple[int, int]] | None = None,
                                records: ReportRecords | None = None) -> None:
    """An event with no toll in its sentence takes killed figures from the sentences that follow it, but
    not a toll stated for a period (`periods`: such sentences' spans)."""
    period_starts = sorted(start for start, _end in periods or [])
    for i, ev in enumerate(events):
        if ev.fatalities is not None or not ev.evidence:
            continue
        stop = events[i + 1].evidence[0].start if i + 1 < len(events) else len(article.text)
        if i + 1 < len(events) and events[i + 1].evidence[0].start == ev.evidence[0].start:
            continue
        at = bisect.bisect_left(period_starts, ev.evidence[0].end)  # the first period after the event
        if at < len(period_starts) and period_starts[at] < stop:
            stop = period_starts[at]
        ev.fatalities = fatalities_in(article, ev.evidence[0].end, stop, records)


def refine_protests(article: Article, events: list[EventMention], doc: Any, country: str | None) -> None:
    """A protest whose next sentences tell of protesters' violence (stones, clashes, arson) was a violent
    demonstration; a peaceful one whose next sentences tell of police arrests or dispersal had an intervention.
    The window runs to the next event that is not part of the protest (another protest or riot sentence is)."""
    if not any(ev.event_type == "Protests" and ev.evidence for ev in events):
        return
    for i, ev in enumerate(events):
        if ev.event_type != "Protests" or not ev.evidence:
            continue
        after = doc.char_span(ev.evidence[0].end, _protest_window_end(article, events, i), alignment_mode="contract")
        tokens = list(after) if after is not None else []
        if violent_protest_cues(tokens):
            ev.event_type, ev.sub_event_type = "Riots", "Violent demonstration"
            ev.actor1 = acled_actor("rioters", country)
            ev.actor2 = ev.actor2 or _force_named(tokens, country)
            continue
        if ev.sub_event_type != "Peaceful protest":
            continue
        arrests_follow = i + 1 < len(events) and events[i + 1].sub_event_type == "Arrests"
        if arrests_follow or intervention_cues(tokens):
            ev.sub_event_type = "Protest with intervention"
            ev.actor2 = _force_named(tokens, country) or acled_actor("police", country)


def _force_named(tokens: list[Any], country: str | None) -> str | None:
    """The state force a protest's sentences name first (police, or soldiers), in ACLED's naming."""
    for tok in tokens:
        lemma = tok.lemma_.lower()
        if lemma in lex.POLICE_NOUNS or lemma in ("soldier", "troop", "army", "military"):
            return acled_actor(lemma, country)
    return None


def _next_other(events: list[EventMention], i: int) -> int:
    """Index of the first event after `i` that is neither a protest nor a riot (len(events) if none)."""
    return next((j for j in range(i + 1, len(events)) if events[j].event_type not in ("Protests", "Riots")),
                len(events))


def _protest_window_end(article: Article, events: list[EventMention], i: int) -> int:
    """Where the sentences telling protest `i` end: the start of the next unrelated event, else the text end."""
    j = _next_other(events, i)
    if j < len(events) and events[j].evidence and _told_of_protesters(article, events[j]):
        j = _next_other(events, j)
    stop = events[j].evidence[0].start if j < len(events) and events[j].evidence else len(article.text)
    return max(stop, events[i].evidence[0].end + 1)


def _told_of_protesters(article: Article, event: EventMention) -> bool:
    """A following sentence that goes on about the protesters ('They clashed with police', 'The
    demonstrators attacked ...') is part of the protest, whatever event it tells."""
    first = article.text[event.evidence[0].start:event.evidence[0].end].split(maxsplit=2)[:2]
    words = {w.strip(",.").lower() for w in first}
    return bool(words & {"they", "protesters", "protestors", "demonstrators", "rioters", "some"})


# Words that tie a victim to organised crime.
GANG_TIES = {"trafficking", "trafficker", "gang", "cartel", "hitman", "dealer"}


def refine_gang_victims(article: Article, events: list[EventMention], doc: Any) -> None:
    """An attack whose next sentences say the victim was in a gang or the drug trade ('The victim had been
    charged with drug trafficking') was, in ACLED's coding, a clash between armed groups, not an attack on
    civilians. The window runs to the next event's sentence."""
    for i, ev in enumerate(events):
        if ev.sub_event_type != "Attack" or not ev.evidence:
            continue
        stop = next((e.evidence[0].start for e in events[i + 1:] if e.evidence
                     and e.evidence[0].start > ev.evidence[0].start), len(article.text))
        after = doc.char_span(ev.evidence[0].end, stop, alignment_mode="contract")
        lemmas = {t.lemma_.lower() for t in after} if after is not None else set()
        if lemmas & {"victim", "he", "she", "they", "man"} and lemmas & GANG_TIES:
            ev.event_type, ev.sub_event_type, ev.plover = "Battles", "Armed clash", "FIGHT"
            ev.actor2 = None

