"""Who an act of violence was done by and to: civilians, armed men, an unorganised mob.

ACLED's type turns on the sides: an attack on soldiers is a battle, the same attack on villagers is
violence against civilians, a crowd beating someone is mob violence. These read the parse for that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import lexicon as lex
from .actors import agent_token

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from .triggers import Trigger


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
    out = [t for t in out if t.ent_type_ not in ("DATE", "TIME")]
    out += [c for t in out for c in t.children if c.dep_ == "conj"]  # 'on the army and the militia'
    out = [n for t in out for n in counted_noun(t)]
    if not any(is_armed(t) or is_civilian(t) for t in out):  # '... were killed following an attack on a post'
        out += [g for t in sent if t.lemma_.lower() in ATTACK_NOUNS and t.pos_ == "NOUN" and t.i != head.i
                for c in t.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
                for g in c.children if g.dep_ == "pobj"]
    return out


ATTACK_NOUNS = {"attack", "assault", "ambush", "raid", "offensive"}


QUANTITY_WORDS = {"dozen", "dozens", "number", "score", "hundred", "hundreds", "several", "some", "many", "few",
                  "all", "most", "one", "two", "three", "four", "five", "tens"}


def counted_noun(tok: Token) -> list[Token]:
    """'dozens of fighters', 'a number of soldiers', '15 IS militants' parsed with the number as head: the
    people counted, not the count."""
    if tok.pos_ != "NUM" and tok.lemma_.lower() not in QUANTITY_WORDS:
        return [tok]
    of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if of:
        return of
    after = [t for t in tok.doc[tok.i + 1:tok.i + 4] if t.pos_ in ("NOUN", "PROPN")]
    nouns = [t for t in after if t.dep_ not in ("compound", "amod")]
    return nouns[:1] or after[-1:] or [tok]


def mob_perpetrator(trig: Trigger) -> bool:
    """The violence was done by an unorganised group of civilians ('villagers beat', 'attacked by a group of
    traders'): ACLED's mob violence, not an armed group's attack on civilians."""
    agent = agent_token(trig.head)
    if agent is None or trig.head.lemma_.lower() in FIREARM_VERBS:
        return False  # shooting is an armed attack, whoever shoots
    grouped = agent.lemma_.lower() in ("group", "crowd", "mob")
    if grouped:
        of = [g for c in agent.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if agent.lemma_.lower() in ("crowd", "mob"):
            return True
        agent = of[0] if of else agent
    if {c.lemma_.lower() for c in agent.subtree} & {"unknown", "unidentified", "armed", "masked", "gunman"}:
        return False
    lemma = agent.lemma_.lower()
    if lemma == "member" and any(c.lemma_.lower() == "community" for c in agent.children):
        return True  # 'community members'
    if grouped and lemma in ("people", "person", "man", "local"):
        return True  # 'a group of people', 'a group of men'
    plural = agent.tag_ in ("NNS", "NNPS")
    return plural and lemma in lex.MOB_NOUNS | MOB_CIVILIANS | CROWD_NOUNS and not is_armed(agent)


# Plain words for several people ('three persons beat a policeman', 'about 250 people attacked the police'):
# unarmed people acting together, so a mob when they beat or stone someone (shooting is excluded above).
CROWD_NOUNS = {"people", "person", "national"}
# Verbs of firearm use and killing by design; a group doing these is an armed group, not a mob.
FIREARM_VERBS = {"shoot", "fire", "execute", "gun", "assassinate", "behead", "massacre"}
# Civilians who, acting together, make a mob (a few 'men' or 'people' shooting do not).
MOB_CIVILIANS = {"villager", "resident", "youth", "local", "neighbour", "neighbor", "student", "worker", "trader",
                 "farmer", "herder", "driver", "laborer", "labourer", "citizen", "inhabitant", "supporter"}


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
    agent = agent_token(trig.head)
    doers = set(agent.subtree) if agent is not None else set()
    return any(is_armed(t) for t in sent if t not in doers)  # the attackers being armed says nothing


def victims_armed_strict(trig: Trigger, sent: SpacySpan) -> bool:
    return any(is_armed(t) for t in target_tokens(trig, sent))


def civilians_clash(clash: Trigger, sent: SpacySpan) -> bool:
    """'two groups of villagers clashed', 'students clashed with police': no armed side of their own."""
    subj = [n for c in clash.head.children if c.dep_ in ("nsubj", "nsubjpass") for n in counted_noun(c)]
    near = list(clash.head.children)
    if clash.head.dep_ == "nsubj":  # 'clashes broke out between X and Y'
        near += [c for c in clash.head.head.children if c.dep_ == "prep"]
    between = [n for c in near if c.dep_ == "prep" and c.lower_ in ("between", "among")
               for g in c.children if g.dep_ == "pobj" for n in counted_noun(g)]
    between += [c for g in between for c in g.children if c.dep_ == "conj"]
    if not subj and between:
        subj = between[:1]  # 'clashes between Y and police': the first side named acts
    if not subj:
        return False
    others = [g for c in clash.head.children if c.dep_ == "prep" and c.lower_ == "with"
              for g in c.children if g.dep_ == "pobj"] + between[1:]
    state_other = any(t.lemma_.lower() in lex.STATE_NOUNS for o in others for t in o.subtree)
    unarmed = [t for t in subj if t.lemma_.lower() in UNARMED_SIDES
               or state_other and t.ent_type_ == "NORP" and t.tag_ in ("NNS", "NNPS")]
    return bool(unarmed) and not any(is_armed(t) for t in subj)


# Who clashes without being an armed side. Clans and tribes are not among them: when they fight, ACLED
# counts their men as identity militias, and the clash as a battle.
IDENTITY_SIDES = {"clan", "tribe", "tribesman", "tribesmen", "clansman", "clansmen"}
UNARMED_SIDES = (lex.CIVILIAN_GROUP_WORDS | lex.CIVILIAN_NOUNS | MOB_CIVILIANS) - IDENTITY_SIDES


def is_civilian(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if off_duty(tok):
        return True
    if is_gang_member(tok):
        return False
    if lemma in lex.ARMED_NOUNS or any(c.lemma_.lower() in lex.ARMED_NOUNS | {"armed"} for c in tok.children
                                       if c.dep_ in ("compound", "amod")):
        return False
    return lemma in lex.CIVILIAN_NOUNS or "civilian" in {c.lemma_.lower() for c in tok.children}


def is_armed(tok: Token) -> bool:
    """An armed person or group: soldiers, police, militants, a gang's members, members of a named
    armed organisation ('NDS members'); off-duty or former soldiers and police are civilians to ACLED."""
    lemma = tok.lemma_.lower()
    if off_duty(tok):
        return False
    if is_gang_member(tok):
        return True
    if lemma in lex.ARMED_NOUNS and lemma not in NEED_MODIFIER:
        return True
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod")]
    mod_lemmas = {m.lemma_.lower() for m in mods}
    if mod_lemmas & (lex.ARMED_NOUNS | {"armed", "masked"}) or lemma == "point" and "check" in mod_lemmas:
        return True
    if lemma in ("member", "element", "personnel", "commander", "unit"):  # 'a member of the elite forces'
        of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
              if g.dep_ == "pobj"]
        if any(is_armed(g) for g in of):
            return True
    return tok.ent_type_ == "ORG" and tok.dep_ == "nsubj"


# Nouns that say 'armed' only with a modifier: 'security agent' is, 'real estate agent' is not.
NEED_MODIFIER = {"member", "group", "agent"}
# Words that make a soldier or police officer a civilian to ACLED: not on duty when attacked.
OFF_DUTY_WORDS = {"off-duty", "former", "retired", "ex", "off"}
# Criminal trades whose members ACLED counts as armed (a killing among them is a clash between gangs).
GANG_WORDS = {"drug", "gang", "cartel", "narco", "trafficking", "criminal"}


def off_duty(tok: Token) -> bool:
    mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "advmod")}
    told = tok.doc[max(tok.i - 4, 0):tok.i].text.lower() + " ".join(
        c.text for c in tok.children if c.dep_ == "relcl" for c in c.subtree).lower()
    return bool(mods & OFF_DUTY_WORDS) or "off-duty" in told or "off duty" in told  # '... who was off-duty'


def is_gang_member(tok: Token) -> bool:
    """'a drug dealer', 'a gang member', 'drug traffickers', 'members of a cartel'."""
    lemma = tok.lemma_.lower()
    if lemma in ("trafficker", "gangster", "narco", "hitman", "sicario", "gangmember"):
        return True
    if lemma not in ("dealer", "member", "leader", "boss", "seller"):
        return False
    near = {t.lemma_.lower() for t in tok.subtree}
    return bool(near & GANG_WORDS)
