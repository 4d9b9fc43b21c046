"""Events told in a report, typed in ACLED's taxonomy with a PLOVER code.

`EventsStage` finds trigger words (the lexicon in `crosswire/data/event_lexicon.tsv`) in each
sentence and decides the ACLED type and sub-type with explainable rules over the dependency parse:
who acts (subject, "by X") and who is acted on (object, "against X", the counted victims), whether the
victims are civilians or armed, whether a protest met police intervention or turned violent, whether a
capture was only attempted. Each event takes its place, date and fatalities from the other stages'
records in the same sentence (or the report's main place and first date), and its source from claims.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model import Article, EventMention, Span
from . import events_lexicon as lex
from .attribution import article_doc, source_for_span
from .event_place import place_for

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


@dataclass
class Trigger:
    """A lexicon entry found in a sentence, with its tokens."""

    entry: lex.TriggerEntry
    tokens: list[Token]

    @property
    def head(self) -> Token:
        return self.tokens[-1]

    @property
    def cls(self) -> str:
        return self.entry.cls


@dataclass
class Typing:
    """The decision for one sentence and the trigger that carried it."""

    event_type: str
    sub_event_type: str
    plover: str
    trigger: Trigger
    reasons: list[str] = field(default_factory=list)


class EventsStage:
    """Per-report stage: fills `article.events`."""

    name = "events"
    requires = ("text", "sentences", "mentions", "places", "times", "figures", "claims")
    assigns = ("events",)

    def __init__(self, resources: Any) -> None:
        self.resources = resources
        self.lexicon = lex.load_trigger_lexicon()

    def __call__(self, article: Article) -> Article:
        doc = article_doc(article, self.resources)
        country = main_country(article)
        events: list[EventMention] = []
        for sent in doc.sents:
            typing = type_sentence(sent, self.lexicon)
            if typing is not None:
                events.append(self._event(article, sent, typing, country))
        attach_following_fatalities(article, events)
        refine_protests(article, events, doc)
        for i, ev in enumerate(events):
            ev.id = f"{article.id or 'ev'}-e{i}"
        article.events = events
        return article

    def _event(self, article: Article, sent: SpacySpan, typing: Typing, country: str | None) -> EventMention:
        trig = typing.trigger
        start, end = trig.tokens[0].idx, trig.head.idx + len(trig.head)
        actor1, actor2 = lex.find_actors(sent, trig.head, typing.event_type, typing.sub_event_type)
        ev = EventMention(start=start, end=end, text=article.text[start:end], event_type=typing.event_type,
                          sub_event_type=typing.sub_event_type, plover=typing.plover,
                          actor1=lex.acled_actor(actor1, country),
                          actor2=lex.acled_actor(actor2, country))
        ev.evidence = [Span(sent.start_char, sent.end_char)]
        ev.place = place_for(article, sent.start_char, sent.end_char)
        ev.time, ev.date, ev.date_precision = date_for(article, sent.start_char, sent.end_char, start)
        ev.fatalities = fatalities_in(article, sent.start_char, sent.end_char)
        ev.modality, ev.negated = modality_of(trig, sent)
        ev.attributed_to = source_for_span(article, start, end)
        if ev.attributed_to and ev.modality == "happened" and _cue_for(article, start, end) in ("claim", "allege"):
            ev.modality = "claimed"
        if ev.modality == "failed" and typing.sub_event_type.endswith("territory"):
            ev.event_type, ev.sub_event_type, ev.plover = "Battles", "Armed clash", "FIGHT"
        return ev


def find_triggers(sent: SpacySpan, lexicon: dict[tuple[str, ...], lex.TriggerEntry]) -> list[Trigger]:
    """Lexicon entries in the sentence, longest match first, each token used once."""
    toks = list(sent)
    keys = [(t.lemma_.lower(), t.lower_) for t in toks]
    found: list[Trigger] = []
    i = 0
    while i < len(toks):
        for n in (3, 2, 1):
            if i + n > len(toks):
                continue
            for variant in (0, 1):
                phrase = tuple(k[variant] for k in keys[i:i + n])
                if phrase in lexicon:
                    found.append(Trigger(lexicon[phrase], toks[i:i + n]))
                    i += n - 1
                    break
            else:
                continue
            break
        i += 1
    return found


def type_sentence(sent: SpacySpan, lexicon: dict[tuple[str, ...], lex.TriggerEntry]) -> Typing | None:
    """The ACLED typing of a sentence's main event, or None when it tells no event."""
    triggers = [t for t in find_triggers(sent, lexicon) if not _is_negligible(t)]
    if not triggers:
        return None
    strong = [t for t in triggers if not t.entry.weak]
    for rule in RULES:
        typing = rule(sent, triggers, strong)
        if typing is not None:
            return typing
    return None


def _is_negligible(trig: Trigger) -> bool:
    """Trigger words used in a sense that tells no event ('demand' as a noun after 'protest', 'mine' as 'my')."""
    tok = trig.head
    if trig.entry.phrase == ("mine",) and tok.pos_ == "PRON":
        return True
    if trig.entry.phrase in (("march",),) and tok.ent_type_ == "DATE":
        return True
    return trig.entry.phrase in (("release",), ("establish",), ("set", "up")) and tok.pos_ not in ("VERB", "NOUN")


def _pick(triggers: list[Trigger], *classes: str) -> Trigger | None:
    """The first trigger of the given classes, strong ones before weak ones."""
    ranked = sorted(triggers, key=lambda t: (t.entry.weak, t.head.i))
    return next((t for t in ranked if t.cls in classes), None)


def _typed(trig: Trigger, event_type: str | None = None, sub: str | None = None, plover: str | None = None,
           reason: str = "") -> Typing:
    e = trig.entry
    return Typing(event_type or e.event_type, sub or e.sub_event_type, plover or e.plover, trig, [reason])


def rule_weapons(sent: SpacySpan, triggers: list[Trigger], strong: list[Trigger]) -> Typing | None:
    """Explosions/Remote violence; defused or seized devices are Disrupted weapons use."""
    disrupt = _pick(strong, "disrupt") or _seized_weapons(triggers)
    if disrupt is not None:
        return _typed(disrupt, "Strategic developments", "Disrupted weapons use", "SEIZE", "weapons disrupted")
    classes = {t.cls for t in triggers}
    if "clash" in {t.cls for t in strong} and not ({"air", "suicide", "grenade"} & classes) \
            and not _pick(strong, "shell", "ied"):
        return None
    for cls in ("chemical", "suicide", "grenade", "air"):
        trig = _pick(strong, cls) or (_pick(triggers, cls) if cls in ("suicide", "air") else None)
        if trig is not None and (cls != "suicide" or _pick(triggers, "ied", "attack", "shell")):
            return _typed(trig, reason=f"{cls} trigger")
    trig = _pick(strong, "ied", "shell") or _pick(triggers, "ied", "shell")
    if trig is not None and not _pick(strong, "protest", "riot", "mob"):
        return _typed(trig, reason="explosive trigger")
    return None


def _seized_weapons(triggers: list[Trigger]) -> Trigger | None:
    for trig in triggers:
        if trig.cls == "seize" or trig.entry.phrase in (("recover",), ("find",)):
            objs = [c for c in trig.head.children if c.dep_ in ("dobj", "nsubjpass")]
            if any(o.lemma_.lower() in lex.DISRUPT_OBJECTS for o in objs):
                return trig
    return None


def rule_protest(sent: SpacySpan, triggers: list[Trigger], strong: list[Trigger]) -> Typing | None:
    """Protests and Riots: peaceful, with intervention, excessive force, violent, mob."""
    mob = _pick(strong, "mob")
    protest = _pick(strong, "protest", "riot") or (_pick(triggers, "protest") if not strong else None)
    if protest is None:
        return _typed(mob, reason="mob trigger") if mob is not None else None
    lemmas = {t.lemma_.lower() for t in sent}
    if protest.cls == "riot" or _protesters_violent(sent, lemmas):
        return _typed(protest, "Riots", "Violent demonstration", "PROTEST", "protesters used violence")
    if lemmas & lex.LETHAL_WORDS and lemmas & (lex.POLICE_NOUNS | lex.STATE_NOUNS) and _lethal_on_protest(sent):
        return _typed(protest, "Protests", "Excessive force against protesters", "PROTEST", "lethal force")
    if lemmas & lex.INTERVENTION_WORDS and lemmas & (lex.POLICE_NOUNS | lex.STATE_NOUNS | {"authority"}):
        return _typed(protest, "Protests", "Protest with intervention", "PROTEST", "police intervened")
    if mob is not None:
        return _typed(mob, reason="mob trigger")
    return _typed(protest, "Protests", "Peaceful protest", "PROTEST", "protest trigger")


def _protesters_violent(sent: SpacySpan, lemmas: set[str]) -> bool:
    """Whether the protest turned violent: stones, arson, vandalism, scuffles, a protest called violent."""
    return violent_protest_cues(list(sent))


def violent_protest_cues(tokens: list[Token]) -> bool:
    """Signs in these tokens that protesters used violence (ACLED's Violent demonstration): thrown stones or
    petrol bombs, burning tyres or objects, smashed or destroyed property, clashes or scuffles, 'violent'."""
    for tok in tokens:
        lemma = tok.lemma_.lower()
        if any(a.dep_ == "relcl" for a in tok.ancestors) or tok.dep_ == "relcl":
            continue  # about someone else: "a man who died in clashes"
        if lemma in lex.HARD_PROTEST_VIOLENCE or lemma == "rock" and tok.pos_ == "NOUN":
            return True
        if lemma in lex.SCUFFLE_WORDS and tok.pos_ in ("VERB", "NOUN"):
            return True
        if lemma in lex.DAMAGE_VERBS and tok.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in tok.children):
            return True
        if lemma in ("burn", "burning") and (tok.dep_ in ("amod", "compound") or tok.pos_ == "VERB"):
            return True
        if lemma in ("alight", "ablaze") or lemma == "fire" and any(a.lemma_ == "set" for a in
                                                                     list(tok.ancestors)[:2]):
            return True
        if lemma == "violent" and tok.head.lemma_.lower() in lex.PROTEST_NOUNS:
            return True
    return False


def _lethal_on_protest(sent: SpacySpan) -> bool:
    return any(t.lemma_.lower() in ("kill", "shoot", "die") for t in sent) or "live" in sent.text.lower()


def rule_violence(sent: SpacySpan, triggers: list[Trigger], strong: list[Trigger]) -> Typing | None:
    """Abduction, sexual violence, battles and attacks, told apart by who the targets are."""
    lethal = {t.lemma_.lower() for t in sent} & {"kill", "stab", "beat", "shoot", "dead", "murder"}
    main_clash = next((t for t in strong if t.cls == "clash" and _is_main_verb(t.head)), None)
    for cls in ("abduct", "sexual"):
        trig = _pick(strong, cls) or _pick(triggers, cls)
        if trig is not None and main_clash is not None and not _is_main_verb(trig.head):
            break  # "troops clashed with militants after they kidnapped a herder": the clash is the event
        if trig is not None and (trig.entry.weak is False or cls == "sexual") and not (cls == "abduct" and lethal):
            return _typed(trig, reason=f"{cls} trigger")
    clash = _pick(strong, "clash")
    if clash is not None and clash.head.lemma_.lower() == "clash" and _civilians_clash(clash, sent):
        police = {t.lemma_.lower() for t in sent} & lex.POLICE_NOUNS
        sub = "Violent demonstration" if police else "Mob violence"
        return _typed(clash, "Riots", sub, "PROTEST" if police else "ASSAULT", "unarmed sides clashed")
    attack = _pick(strong, "attack") or _pick(triggers, "attack")
    if clash is not None and (attack is None or not _victims_civilian(attack, sent) or clash.head.i < attack.head.i):
        return _typed(clash, reason="armed clash trigger")
    if attack is None:
        return None
    if _mob_perpetrator(attack) and not _victims_armed_strict(attack, sent):
        return _typed(attack, "Riots", "Mob violence", "ASSAULT", "unorganised group attacked")
    if _victims_civilian(attack, sent):
        return _typed(attack, "Violence against civilians", "Attack", "ASSAULT", "civilian targets")
    if _victims_armed(attack, sent):
        return _typed(attack, "Battles", "Armed clash", "FIGHT", "armed targets")
    if not attack.entry.weak or lethal:
        return _typed(attack, "Violence against civilians", "Attack", "ASSAULT", "targets not armed")
    return None


def _is_main_verb(tok: Token) -> bool:
    """The sentence's main verb, or a verb coordinated with it ('chased and clashed with')."""
    return tok.dep_ == "ROOT" or tok.dep_ == "conj" and tok.head.dep_ == "ROOT"


def _target_tokens(trig: Trigger, sent: SpacySpan) -> list[Token]:
    """Who or what the violence was done to: objects, passive subjects, 'on/against X', counted victims.

    Objects of coordinated harm verbs count too ('attacked and killed 8 soldiers'); dates and times
    ('On 3 March') never do.
    """
    head = trig.head
    heads = [head, *(c for c in head.children if c.dep_ == "conj" and c.lemma_.lower() in HARM_VERBS)]
    out = [c for h in heads for c in h.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "of")
                 and c.i > head.i):
        out += [c for c in prep.children if c.dep_ == "pobj"]
    if head.dep_ in ("amod", "acl") and head.head.pos_ in ("NOUN", "PROPN"):
        out.append(head.head)  # "civilians killed"
    out += [t for t in sent if t.dep_ == "nsubjpass" and t.head.lemma_.lower() in HARM_VERBS]
    return [t for t in out if t.ent_type_ not in ("DATE", "TIME")]


HARM_VERBS = lex.HARM_VERBS


def _mob_perpetrator(trig: Trigger) -> bool:
    """The violence was done by an unorganised group of civilians ('villagers beat', 'attacked by a group of
    traders'): ACLED's mob violence, not an armed group's attack on civilians."""
    agent = lex.agent_token(trig.head)
    if agent is None:
        return False
    if agent.lemma_.lower() in ("group", "crowd", "mob", "gang"):
        of = [g for c in agent.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if agent.lemma_.lower() in ("crowd", "mob"):
            return True
        agent = of[0] if of else agent
    plural = agent.tag_ in ("NNS", "NNPS")
    return plural and agent.lemma_.lower() in lex.CIVILIAN_GROUP_WORDS | lex.CIVILIAN_NOUNS | lex.MOB_NOUNS \
        and not _is_armed(agent)


def _victims_civilian(trig: Trigger, sent: SpacySpan) -> bool:
    targets = _target_tokens(trig, sent)
    if any(_is_civilian(t) for t in targets):
        return True
    if targets and any(_is_armed(t) for t in targets):
        return False
    return any(_is_civilian(t) for t in sent if t.pos_ == "NOUN") and not any(_is_armed(t) for t in sent
                                                                               if t.dep_ in ("nsubjpass",))


def _victims_armed(trig: Trigger, sent: SpacySpan) -> bool:
    targets = _target_tokens(trig, sent)
    if targets:
        return any(_is_armed(t) for t in targets)
    return any(_is_armed(t) for t in sent)


def _victims_armed_strict(trig: Trigger, sent: SpacySpan) -> bool:
    return any(_is_armed(t) for t in _target_tokens(trig, sent))


def _civilians_clash(clash: Trigger, sent: SpacySpan) -> bool:
    """'two groups of villagers clashed', 'students clashed with police': no armed side of their own."""
    sides = [c for c in clash.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    sides += [g for c in clash.head.children if c.dep_ == "prep" and c.lower_ in ("between", "with", "among")
              for g in c.children if g.dep_ == "pobj"]
    subj = [t for t in sides if t.dep_ in ("nsubj", "nsubjpass")]
    if not subj:
        return False
    unarmed = [t for t in subj if t.lemma_.lower() in lex.CIVILIAN_GROUP_WORDS | lex.CIVILIAN_NOUNS]
    return bool(unarmed) and not any(_is_armed(t) for t in subj)


def _is_civilian(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if lemma in lex.ARMED_NOUNS or any(c.lemma_.lower() in lex.ARMED_NOUNS | {"armed"} for c in tok.children
                                       if c.dep_ in ("compound", "amod")):
        return False
    return lemma in lex.CIVILIAN_NOUNS or "civilian" in {c.lemma_.lower() for c in tok.children}


def _is_armed(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if lemma in lex.ARMED_NOUNS and lemma not in ("member", "group"):
        return True
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod")}
    return bool(mods & (lex.ARMED_NOUNS | {"armed", "masked"})) or tok.ent_type_ == "ORG" and tok.dep_ == "nsubj"


def rule_territory(sent: SpacySpan, triggers: list[Trigger], strong: list[Trigger]) -> Typing | None:
    """The sentence's main verb tells a place changing hands ('rebels entered the city after fierce battles'):
    the territory change, not the fighting told around it."""
    for trig in triggers:
        head = trigger_verb(trig)
        main = head.dep_ == "ROOT" or head.dep_ == "conj" and head.head.dep_ == "ROOT"
        if main and head.pos_ in ("VERB", "AUX"):
            taken = _territory_typing(trig)
            if taken is not None:
                return taken
    return None


def rule_strategic(sent: SpacySpan, triggers: list[Trigger], strong: list[Trigger]) -> Typing | None:
    """Territory, arrests, agreements, property destruction, bases, transfers, group changes."""
    for trig in sorted(triggers, key=lambda t: (t.entry.weak, t.head.i)):
        taken = _territory_typing(trig)
        if taken is not None:
            return taken
        if trig.cls in ("capture", "regain", "seize"):
            continue
        if trig.cls in ("arrest", "agree", "loot", "base", "withdraw", "change"):
            if trig.entry.weak and trig.cls in ("loot", "agree", "base", "withdraw", "change") and len(triggers) > 1:
                continue
            return _typed(trig, reason=f"{trig.cls} trigger")
    return None


def _territory_typing(trig: Trigger) -> Typing | None:
    """A change of who holds a place: taken ('captured', 'seized', 'took control of', 'entered', 'fell to'),
    regained by the state, or left by the state's forces ('the army withdrew from the city': the other side
    took it). None when the trigger tells no territory change."""
    if trig.cls not in ("capture", "regain", "seize", "withdraw") or not _takes_territory(trig):
        return None
    state = _actor_is_state(trig)
    if trig.cls == "withdraw":
        if not state:
            return None
        return _typed(trig, "Battles", "Non-state actor overtakes territory", "SEIZE", "state forces left")
    if trig.entry.phrase == ("fall",):
        state = _fell_to_state(trig)
    sub = "Government regains territory" if state or trig.cls == "regain" and state is not False \
        else "Non-state actor overtakes territory"
    return _typed(trig, "Battles", sub, "SEIZE", "territory taken")


def _fell_to_state(trig: Trigger) -> bool | None:
    """'the town fell to the army': whether the side it fell to is the state's."""
    for prep in (c for c in trig.head.children if c.dep_ == "prep" and c.lower_ in ("to", "into")):
        words = {t.lemma_.lower() for t in prep.subtree}
        return bool(words & (lex.STATE_NOUNS | {"government"}))
    return None


TERRITORY_PREPS = {"of", "from", "into", "over", "out"}  # "control of X", "withdrew from X", "entered into X"


def _takes_territory(trig: Trigger) -> bool:
    """Whether the trigger acts on a place: its object, or the place after 'of/from/into' (never 'near/in X',
    which tells where something else was taken: 'seized drugs in a truck near the village')."""
    objs = [c for c in trig.head.children if c.dep_ in ("dobj", "nsubjpass", "pobj")]
    if trig.cls != "seize":
        objs += [g for c in trig.head.children if c.dep_ == "prep" and c.lower_ in TERRITORY_PREPS
                 for g in c.children if g.dep_ == "pobj"]
    if trig.entry.phrase in (("fall",),):
        objs += [c for c in trig.head.children if c.dep_ == "nsubj"]
    return any(o.lemma_.lower() in lex.TERRITORY_OBJECTS or o.ent_type_ in ("GPE", "LOC", "FAC") for o in objs)


def _actor_is_state(trig: Trigger) -> bool | None:
    """Whether the trigger's subject is the state's forces; a pronoun subject ('the army said it had withdrawn')
    stands for the subject of the clause it is reported in. None when there is no subject."""
    subj = _subject_of(trigger_verb(trig))
    if subj is None:
        return None
    words = {t.lemma_.lower() for t in subj.subtree}
    if words & (lex.STATE_NOUNS | {"government"}):
        return True
    if words & lex.ARMED_NOUNS or subj.ent_type_ in ("ORG", "NORP") or subj.pos_ == "PROPN":
        return False
    return None


def trigger_verb(trig: Trigger) -> Token:
    """The verb of a trigger phrase ('took' in 'took control'), else its head word."""
    return next((t for t in trig.tokens if t.pos_ in ("VERB", "AUX")), trig.head)


def _subject_of(head: Token) -> Token | None:
    subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subj is None and head.dep_ in ("conj", "xcomp", "advcl") and head.head.i != head.i:
        return _subject_of(head.head)  # "troops withdrew and redeployed", "forced to withdraw"
    if subj is not None and subj.lower_ in ("it", "they", "he", "she", "we"):
        for anc in head.ancestors:
            outer = next((c for c in anc.children if c.dep_ == "nsubj"), None)
            if outer is not None and outer.lower_ not in ("it", "they", "he", "she", "we"):
                return outer
    return subj


def rule_fallback(sent: SpacySpan, triggers: list[Trigger], strong: list[Trigger]) -> Typing | None:
    """A strong trigger that no rule above took: its own lexicon typing."""
    return _typed(strong[0], reason="lexicon default") if strong else None


RULES = (rule_territory, rule_weapons, rule_protest, rule_violence, rule_strategic, rule_fallback)


def modality_of(trig: Trigger, sent: SpacySpan) -> tuple[str, bool]:
    """happened | failed | planned | threatened | denied, and whether the trigger is negated."""
    head = trig.head
    negated = any(c.dep_ == "neg" for c in head.children) or any(
        c.lower_ in ("no", "never") for c in head.children if c.dep_ == "det")
    chain = [head, *list(head.ancestors)[:3]]
    lemmas = {t.lemma_.lower() for t in chain} | {c.lemma_.lower() for t in chain for c in t.children
                                                  if c.dep_ in ("aux", "xcomp", "advmod")}
    if lemmas & lex.FAILED_CUES or any(t.lemma_.lower() in ("repel", "repulse", "foil", "thwart") for t in sent
                                       if trig.cls in ("capture", "regain")):
        return "failed", negated
    if lemmas & lex.THREAT_CUES:
        return "threatened", negated
    if lemmas & {"deny"}:
        return "denied", negated
    if lemmas & lex.PLANNED_CUES:
        return "planned", negated
    return "happened", negated


def _cue_for(article: Article, start: int, end: int) -> str | None:
    covering = [c for c in article.claims if c.start <= start and end <= c.end]
    return min(covering, key=lambda c: c.end - c.start).cue if covering else None


def main_country(article: Article) -> str | None:
    """The country most places of the report resolve to, as an ACLED-style name."""
    codes = Counter(p.country for p in article.places if p.country)
    return lex.country_name(codes.most_common(1)[0][0]) if codes else None


def date_for(article: Article, start: int, end: int, anchor: int) -> tuple[int | None, str | None, str | None]:
    """The DATE TimeRef nearest the trigger in the sentence, else publication date (precision 'published')."""
    dates = [i for i, t in enumerate(article.times) if start <= t.start < end and t.type == "DATE" and t.value]
    if dates:
        i = min(dates, key=lambda j: abs(article.times[j].start - anchor))
        return i, article.times[i].value, article.times[i].precision
    earlier = [i for i, t in enumerate(article.times) if t.start < start and t.type == "DATE" and t.value
               and t.precision == "day"]
    if earlier:  # the narrative's current day: "On Monday, ... Later, ..."
        i = max(earlier, key=lambda j: article.times[j].start)
        return i, article.times[i].value, article.times[i].precision
    if article.published is not None:
        return None, article.published.date().isoformat(), "published"
    return None, None, None


def fatalities_in(article: Article, start: int, end: int) -> int | None:
    """Sum of the killed totals stated in [start, end) (breakdown parts not counted twice)."""
    killed = [f.value for f in article.figures
              if start <= f.start < end and f.kind == "killed" and f.part_of is None and f.value is not None]
    return sum(killed) if killed else None


def attach_following_fatalities(article: Article, events: list[EventMention]) -> None:
    """An event with no toll in its sentence takes killed figures from the sentences that follow it."""
    for i, ev in enumerate(events):
        if ev.fatalities is not None or not ev.evidence:
            continue
        stop = events[i + 1].evidence[0].start if i + 1 < len(events) else len(article.text)
        if i + 1 < len(events) and events[i + 1].evidence[0].start == ev.evidence[0].start:
            continue
        ev.fatalities = fatalities_in(article, ev.evidence[0].end, stop)


def refine_protests(article: Article, events: list[EventMention], doc: Any) -> None:
    """A protest whose next sentences tell of protesters' violence (stones, clashes, arson) was a violent
    demonstration; a peaceful one whose next sentences tell of police arrests or dispersal had an intervention.
    The window runs to the next event that is not part of the protest (another protest or riot sentence is)."""
    for i, ev in enumerate(events):
        if ev.event_type != "Protests" or not ev.evidence:
            continue
        after = doc.char_span(ev.evidence[0].end, _protest_window_end(article, events, i), alignment_mode="contract")
        tokens = list(after) if after is not None else []
        if violent_protest_cues(tokens):
            ev.event_type, ev.sub_event_type = "Riots", "Violent demonstration"
            continue
        if ev.sub_event_type != "Peaceful protest":
            continue
        lemmas = {t.lemma_.lower() for t in tokens}
        if i + 1 < len(events) and events[i + 1].sub_event_type == "Arrests":
            lemmas |= {"arrest", "police"}
        if lemmas & lex.INTERVENTION_WORDS and lemmas & (lex.POLICE_NOUNS | lex.STATE_NOUNS | {"they"}):
            ev.sub_event_type = "Protest with intervention"


def _next_other(events: list[EventMention], i: int) -> int:
    """Index of the first event after `i` that is neither a protest nor a riot (len(events) if none)."""
    return next((j for j in range(i + 1, len(events)) if events[j].event_type not in ("Protests", "Riots")),
                len(events))


def _protest_window_end(article: Article, events: list[EventMention], i: int) -> int:
    """Where the sentences telling protest `i` end: the start of the next unrelated event, else the text end."""
    j = _next_other(events, i)
    stop = events[j].evidence[0].start if j < len(events) and events[j].evidence else len(article.text)
    return max(stop, events[i].evidence[0].end + 1)
