"""Who an act of violence was done by and to: civilians, armed men, an unorganised mob.

ACLED's type turns on the sides: an attack on soldiers is a battle, the same attack on villagers is
violence against civilians, a crowd beating someone is mob violence. These read the parse for that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import events_lexicon as lex
from .events_actors import agent_token

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from .events_triggers import Trigger


HARM_VERBS = lex.HARM_VERBS


def target_tokens(trig: Trigger, sent: SpacySpan) -> list[Token]:
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


def mob_perpetrator(trig: Trigger) -> bool:
    """The violence was done by an unorganised group of civilians ('villagers beat', 'attacked by a group of
    traders'): ACLED's mob violence, not an armed group's attack on civilians."""
    agent = agent_token(trig.head)
    if agent is None:
        return False
    if agent.lemma_.lower() in ("group", "crowd", "mob", "gang"):
        of = [g for c in agent.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if agent.lemma_.lower() in ("crowd", "mob"):
            return True
        agent = of[0] if of else agent
    plural = agent.tag_ in ("NNS", "NNPS")
    return plural and agent.lemma_.lower() in lex.CIVILIAN_GROUP_WORDS | lex.CIVILIAN_NOUNS | lex.MOB_NOUNS \
        and not is_armed(agent)


def victims_civilian(trig: Trigger, sent: SpacySpan) -> bool:
    targets = target_tokens(trig, sent)
    if any(is_civilian(t) for t in targets):
        return True
    if targets and any(is_armed(t) for t in targets):
        return False
    return any(is_civilian(t) for t in sent if t.pos_ == "NOUN") and not any(is_armed(t) for t in sent
                                                                               if t.dep_ in ("nsubjpass",))


def victims_armed(trig: Trigger, sent: SpacySpan) -> bool:
    targets = target_tokens(trig, sent)
    if targets:
        return any(is_armed(t) for t in targets)
    return any(is_armed(t) for t in sent)


def victims_armed_strict(trig: Trigger, sent: SpacySpan) -> bool:
    return any(is_armed(t) for t in target_tokens(trig, sent))


def civilians_clash(clash: Trigger, sent: SpacySpan) -> bool:
    """'two groups of villagers clashed', 'students clashed with police': no armed side of their own."""
    sides = [c for c in clash.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    sides += [g for c in clash.head.children if c.dep_ == "prep" and c.lower_ in ("between", "with", "among")
              for g in c.children if g.dep_ == "pobj"]
    subj = [t for t in sides if t.dep_ in ("nsubj", "nsubjpass")]
    if not subj:
        return False
    unarmed = [t for t in subj if t.lemma_.lower() in lex.CIVILIAN_GROUP_WORDS | lex.CIVILIAN_NOUNS]
    return bool(unarmed) and not any(is_armed(t) for t in subj)


def is_civilian(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if lemma in lex.ARMED_NOUNS or any(c.lemma_.lower() in lex.ARMED_NOUNS | {"armed"} for c in tok.children
                                       if c.dep_ in ("compound", "amod")):
        return False
    return lemma in lex.CIVILIAN_NOUNS or "civilian" in {c.lemma_.lower() for c in tok.children}


def is_armed(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if lemma in lex.ARMED_NOUNS and lemma not in ("member", "group"):
        return True
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod")}
    return bool(mods & (lex.ARMED_NOUNS | {"armed", "masked"})) or tok.ent_type_ == "ORG" and tok.dep_ == "nsubj"
