"""Protests and riots: peaceful, met with intervention or lethal force, or turned violent.

ACLED's codebook makes a demonstration violent when demonstrators engage in violence or destruction:
stones, arson, vandalism, clashes, road-blocking with barricades or burning tyres. It counts an
intervention only when the authorities act on the demonstrators (dispersal, arrests, tear gas), not
when the report merely names the police or a government measure ('to prevent the spread of the virus').
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import lexicon as lex
from .triggers import Trigger, Typing, pick, typed

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

# Police tools whose mention alone tells that demonstrators were acted on.
POLICE_TOOLS = {"teargas", "tear", "rubber", "cannon", "baton", "lathi", "lathicharge", "pepper", "stun"}
# Acts of dispersal or detention; they count unless they are what the demonstrators demand.
DISPERSAL_VERBS = {"disperse", "arrest", "detain", "intervene", "evict", "break"}
# Acts that count only when the police or troops do them ('police blocked the march').
FORCE_VERBS = {"stop", "prevent", "block", "remove", "contain", "push"}
# Heads of the clause a demand or grievance sits in ('demanding the arrest of', 'against the eviction').
DEMAND_WORDS = {"demand", "call", "urge", "condemn", "denounce", "protest", "against", "over", "seek", "ask",
                "request", "want", "reject", "oppose"}
# Clauses that tell what happened before the protest, not to the protesters ('after a gendarme killed').
CAUSE_MARKERS = {"after", "following", "over", "against", "since", "because"}


def rule_protest(sent: SpacySpan, triggers: list[Trigger], strong: list[Trigger]) -> Typing | None:
    """Protests and Riots: peaceful, with intervention, excessive force, violent, mob."""
    mob = pick(strong, "mob")
    protest = pick(strong, "protest", "riot") or (pick(triggers, "protest") if not strong else None)
    if protest is None:
        return typed(mob, reason="mob trigger") if mob is not None else None
    tokens = list(sent)
    lemmas = {t.lemma_.lower() for t in sent}
    if protest.cls == "riot" or violent_protest_cues(tokens):
        return typed(protest, "Riots", "Violent demonstration", "PROTEST", "protesters used violence")
    if lemmas & (lex.POLICE_NOUNS | lex.STATE_NOUNS) and lethal_on_protest(tokens):
        return typed(protest, "Protests", "Excessive force against protesters", "PROTEST", "lethal force")
    if intervention_cues(tokens):
        return typed(protest, "Protests", "Protest with intervention", "PROTEST", "police intervened")
    if mob is not None:
        return typed(mob, reason="mob trigger")
    return typed(protest, "Protests", "Peaceful protest", "PROTEST", "protest trigger")


def violent_protest_cues(tokens: list[Token]) -> bool:
    """Signs in these tokens that protesters used violence (ACLED's Violent demonstration): thrown stones or
    petrol bombs, burning tyres or objects, barricades, smashed or destroyed property, clashes or scuffles,
    'violent'."""
    for tok in tokens:
        lemma = tok.lemma_.lower()
        if any(a.dep_ == "relcl" for a in tok.ancestors) or tok.dep_ == "relcl" or tok.pos_ == "PROPN":
            continue  # about someone else: "a man who died in clashes"; a name: "the Torch Movement"
        if _in_cause_clause(tok) or _demanded(tok) or _reported_of_others(tok):
            continue  # "after floods destroyed their crops", "the arrest of those who torched the shop"
        if lemma in ("barricade", "storm") and any(c.lower_ in ("themselves", "out") for c in tok.children):
            continue  # "barricaded themselves inside", "stormed out of the hall"
        if lemma == "petrol" and not any(t.lemma_.lower() in ("bomb", "bottle") for t in tok.doc[tok.i:tok.i + 3]):
            continue  # petrol prices, not petrol bombs
        if lemma in lex.HARD_PROTEST_VIOLENCE or lemma == "rock" and tok.pos_ == "NOUN":
            return True
        if lemma in lex.SCUFFLE_WORDS and tok.pos_ in ("VERB", "NOUN"):
            return True
        if lemma in lex.DAMAGE_VERBS and tok.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in tok.children):
            return True
        if lemma in ("burn", "burning", "burnt") and (tok.pos_ == "VERB" and tok.dep_ not in ("amod", "acl")
                                                      or tok.head.lemma_.lower() in BURNABLE):
            return True
        if lemma in ("tyre", "tire") and tok.head.lemma_.lower() in ("light", "burn", "set", "torch"):
            return True
        if lemma in ("alight", "ablaze") or lemma == "fire" and any(a.lemma_ == "set" for a in
                                                                     list(tok.ancestors)[:2]):
            return True
        if lemma == "violent" and tok.head.lemma_.lower() in lex.PROTEST_NOUNS:
            return True
    return False


# What demonstrators set alight on a road or street ('burning tyres'); a 'burnt transformer' is not it.
BURNABLE = {"tyre", "tire", "barricade", "debris", "car", "vehicle", "bus", "truck", "tree", "log", "trash",
            "rubbish", "garbage", "waste", "building", "office", "effigy", "flag", "object", "material", "item"}
# Acts told of others, not done at the protest ('activists accused of vandalising a bank').
REPORTED_ACTS = {"accuse", "charge", "suspect", "allege", "arrest", "detention", "detain", "blame"}


def _reported_of_others(tok: Token) -> bool:
    return any(a.lemma_.lower() in REPORTED_ACTS for a in list(tok.ancestors)[:3])


def lethal_on_protest(tokens: list[Token]) -> bool:
    """Killing or live fire told of the protest itself, not of the killing it protests
    ('residents demonstrated after a gendarme shot a driver' is a protest about force, not force on it)."""
    for tok in tokens:
        if tok.lemma_.lower() in ("kill", "shoot", "die") or tok.lower_ == "live" and tok.head.lemma_.lower() in (
                "ammunition", "round", "bullet", "fire"):
            if not _in_cause_clause(tok):
                return True
    return False


def intervention_cues(tokens: list[Token]) -> bool:
    """Whether the authorities acted on the demonstrators: police tools (tear gas, batons, water cannon),
    dispersal or arrests that are not what the protest demands, or police/troops blocking or stopping."""
    for tok in tokens:
        lemma = tok.lemma_.lower()
        if lemma in POLICE_TOOLS and not _in_cause_clause(tok):
            return True
        if lemma in DISPERSAL_VERBS and not _demanded(tok) and not _in_cause_clause(tok):
            if lemma != "break" or any(c.lower_ == "up" for c in tok.children):
                return True
        if lemma in FORCE_VERBS and tok.pos_ == "VERB" and _done_by_authorities(tok):
            return True
    return False


def _demanded(tok: Token) -> bool:
    """'demanding the arrest of the officer', 'against the eviction': the act is the protest's demand."""
    return any(a.lemma_.lower() in DEMAND_WORDS for a in list(tok.ancestors)[:3])


def _in_cause_clause(tok: Token) -> bool:
    """The token sits under 'after/following/over/against ...' ('after a gendarme shot a driver'), or in a
    clause such a word introduces: what led to the protest, not what happened at it."""
    for anc in [tok, *tok.ancestors]:
        if anc is not tok and anc.dep_ == "prep" and anc.lower_ in CAUSE_MARKERS:
            return True
        if anc.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CAUSE_MARKERS for c in anc.children):
            return True
    return False


def _done_by_authorities(tok: Token) -> bool:
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "agent")), None)
    if subj is None:
        return False
    words = {t.lemma_.lower() for t in subj.subtree}
    return bool(words & (lex.POLICE_NOUNS | lex.STATE_NOUNS | {"authority"}))
