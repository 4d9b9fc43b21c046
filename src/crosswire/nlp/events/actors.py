"""Who did it and to whom: actor phrases read from the parse.

`find_actors` reads the trigger's subject or 'by X' agent and its object / 'against X' / 'between X and Y';
`actor_names.acled_actor` names them as ACLED does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..doc import entity_at
from .actor_checks import actor_head, doer_modifier, gang_style, planted_by
from .actor_names import (
    INSTALLATION_NOUNS,
    NON_ACTORS,
    NON_STATE_WORDS,
    WEAPON_NOUNS,
    acled_actor,
    proper_name_with_of,
)
from .lexicon import (
    ARMED_NOUNS,
    HARM_VERBS,
    POLICE_NOUNS,
    STATE_NOUNS,
)

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


def find_actors(sent: SpacySpan, head: Token, event_type: str, sub: str) -> tuple[str | None, str | None]:
    """Actor phrases: the trigger's subject or 'by X' agent, and its object / 'against X' / 'between X and Y'."""
    actor1 = _agent(head) or _attack_agent(sent) or _self_agent(head) or _act_doer(head)
    fired = head.head if head.dep_ == "dobj" and head.lemma_.lower() in WEAPON_NOUNS | {"strike", "airstrike"} \
        or head.dep_ == "nsubj" and head.lemma_.lower() in SELF_AGENTS \
        else head  # 'fired mortars at X', 'conducted air strikes on X', 'the air force targeted X': the verb's target
    actor2 = _patient(head) or _conj_patient(head) or (_patient(fired) if fired is not head else None)
    pair = _between_pair(head) or _repelled_attack(head)
    if pair:
        actor1, actor2 = pair
    if actor2 is None and event_type in ("Explosions/Remote violence", "Battles"):
        actor2 = _fire_target(sent, actor1) or (_conj_subject(head) if event_type == "Battles" else None)
    if actor2 is None and event_type in ("Explosions/Remote violence", "Battles"):
        actor2 = _harmed(sent, head)  # 'shells fired by X injured two health workers'
        if event_type == "Battles" and (acled_actor(actor2, None) or "").startswith("Civilians"):
            actor2 = None  # a battle's toll of bystanders: civilians are no side of it
    if actor1 is None and event_type in ("Explosions/Remote violence", "Battles"):
        actor1, actor2 = _unstated_first_side(sent, head, actor2, event_type)
    if event_type == "Protests":
        actor1 = "protesters"
        actor2 = _state_force(sent) if sub != "Peaceful protest" else None
    if event_type == "Riots":
        actor1 = "rioters"
        if actor2 is None:  # 'a mob clashed with the police': the force the rioters fought
            actor2 = _state_force(sent, default=None)
    if event_type == "Violence against civilians":
        actor2 = "civilians"
    if actor1 is None and event_type == "Violence against civilians":
        actor1 = "unidentified gunmen"
    if _unknown_attackers(actor1) and gang_style(sent):
        actor1 = "unidentified gang members"
    return actor1, actor2 if actor2 != actor1 else None


def _unstated_first_side(sent: SpacySpan, head: Token, actor2: str | None,
                         event_type: str) -> tuple[str | None, str | None]:
    """A fight whose sentence names no attacker. 'soldiers were killed during clashes with X': X is the first
    side and those harmed the second; else an armed subject of another verb ('... when militants fired'), a
    group that planted the bomb ('a Taliban-planted mine'), or the force the previous sentence of the same
    paragraph sent ('Police raided the area. A shoot-out broke out')."""
    harmed = _harmed(sent, head) if event_type == "Battles" else None
    if actor2 is not None and harmed and harmed != actor2 and _with_party(head):
        return actor2, harmed
    planter = planted_by(sent)
    first = _armed_subject(sent, actor2) or (_phrase(planter) or planter.text if planter is not None else None)
    if first is None and event_type == "Battles":
        first = _scene_force(sent)
    return first, actor2 if actor2 != first else None


def _with_party(head: Token) -> bool:
    """Whether the trigger's other side is named with 'with' ('clashes with X', 'exchanged fire with X')."""
    return any(c.dep_ == "prep" and c.lower_ == "with" for t in (head, head.head) for c in t.children)


def _scene_force(sent: SpacySpan) -> str | None:
    """The armed subject of the sentence before, in the same paragraph: the force whose operation the
    shoot-out broke out in ('Military police raided the area. A shoot-out broke out ...')."""
    doc = sent.doc
    if sent.start == 0:
        return None
    previous = doc[sent.start - 1].sent
    if "\n" in doc[previous.start:sent.start].text:  # another paragraph tells another event
        return None
    return next((_phrase(t) for t in previous if t.dep_ == "nsubj" and t.lemma_.lower() in ARMED_NOUNS
                 and not _source_of_report(t)), None)


def _act_doer(head: Token) -> str | None:
    """'Saudi-led coalition air raids were reported on X': the doer a compound before the act names."""
    if head.pos_ != "NOUN":
        return None
    doer = doer_modifier(head)
    return _phrase(doer) if doer is not None else None


def _unknown_attackers(phrase: str | None) -> bool:
    """A phrase ACLED names 'Unidentified Armed Group': unknown or armed people, gunmen, assailants."""
    return bool(phrase) and (acled_actor(phrase, None) or "").startswith("Unidentified Armed Group")


# Trigger words that name the attacker themselves ('the air force struck', 'warplanes bombed').
SELF_AGENTS = {"force", "jet", "warplane", "aircraft", "helicopter", "drone", "sniper", "suicide", "bomber"}


def _self_agent(head: Token) -> str | None:
    if head.lemma_.lower() in SELF_AGENTS and head.dep_ in ("nsubj", "nsubjpass", "pobj") and head.pos_ == "NOUN":
        return _phrase(head)
    return None


def _armed_subject(sent: SpacySpan, other: str | None) -> str | None:
    """The first armed subject of any verb in the sentence, other than the second actor."""
    for tok in sent:
        if tok.dep_ == "nsubj" and (tok.lemma_.lower() in ARMED_NOUNS or tok.ent_type_ == "ORG") \
                and not _source_of_report(tok):
            phrase = _phrase(tok)
            if phrase and phrase != other:
                return phrase
    return None


def _source_of_report(tok: Token) -> bool:
    """'the monitoring group said ...': the subject of a reporting verb is a source, unless the verb tells what
    the subject itself did ('forces claimed to have shelled')."""
    verb = tok.head
    return verb.lemma_.lower() in REPORTING_VERBS and not any(c.dep_ == "xcomp" for c in verb.children)


def _harmed(sent: SpacySpan, head: Token) -> str | None:
    """Who a harm verb of the sentence names as hurt ('killed two soldiers', 'a policeman was wounded')."""
    for tok in sent:
        if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in HARM_VERBS and tok.i != head.i \
                and tok.pos_ in ("NOUN", "PROPN", "NUM") and tok.lemma_.lower() not in NON_ACTORS:
            return _phrase(_counted(tok))
    return None


def _counted(tok: Token) -> Token:
    """'two of the soldiers', '3 policemen' parsed with the number as head: the people counted."""
    if tok.pos_ != "NUM":
        return tok
    of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return of[0] if of else tok


def _state_force(sent: SpacySpan, default: str | None = "police") -> str | None:
    """The police or troops a protest sentence names ('soldiers dispersed ...'), else `default`."""
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma in POLICE_NOUNS or lemma in ("soldier", "troop", "army", "military"):
            return lemma
    return default


def _phrase(tok: Token) -> str | None:
    """A short noun phrase for the actor a token names (its compounds and adjectives, no clauses), or None
    when the token names no actor: a place, a time, a number, an event, a person's name (`actor_head`)."""
    head = actor_head(tok)
    if head is None:
        return None
    left = [c for c in head.lefts if c.dep_ in ("compound", "amod", "nmod", "poss")]
    if head.dep_ in ("compound", "nmod"):  # 'Saudi-led coalition airstrikes': the doer's modifiers sit beside it
        left += [c for c in head.head.lefts if c.i < head.i and c.dep_ in ("compound", "amod", "nmod")]
    start = min([head.i] + [c.left_edge.i for c in left])  # 'Saudi-led coalition', not 'led coalition'
    ent = entity_at(head.doc, head.i)
    if ent is not None and ent.label_ in ("ORG", "NORP") and head.pos_ == "PROPN":  # a group's whole name ('Northern Liberation Front')
        return ent[int(ent[0].lower_ == "the"):].text
    while start < head.i and "\n" in head.doc[start:head.i].text:  # a headline or dateline run into the text
        start += 1
    while start < head.i and head.doc[start].tag_ == "VBG" and head.doc[start].dep_ != "compound":
        start += 1  # 'Spearheading jihadist rebels, who ...': a participle the parse hung on the phrase
    return head.doc[start:_country_of_end(head) + 1].text


def _country_of_end(head: Token) -> int:
    """Where a state force's phrase ends: after 'of <country>' ('the military forces of Armenia'), which
    says whose forces they are; else at the head."""
    if head.lemma_.lower() not in STATE_NOUNS:
        return head.i
    for prep in (c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"):
        pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if pobj is not None and pobj.ent_type_ in ("GPE", "ORG", "NORP") and pobj.pos_ == "PROPN":
            return pobj.i
    return head.i


def _agent(head: Token) -> str | None:
    tok = agent_token(head)
    return _phrase(tok) if tok is not None else None


def agent_token(head: Token) -> Token | None:
    """Who did it: the trigger's subject, its 'by X' agent, or the agent of the clause it sits in."""
    for c in head.children:
        if c.dep_ == "nsubj":
            return c
        if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by":
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
        if c.dep_ == "acl" and c.pos_ == "VERB":  # "a bomb planted by X"
            found = agent_token(c)
            if found is not None:
                return found
    if head.dep_ == "compound" and head.head.pos_ == "NOUN":  # 'artillery fire by X'
        return agent_token(head.head)
    if head.dep_ == "conj" and head.head.pos_ == "VERB":  # "villagers caught and beat him"
        return next((c for c in head.head.children if c.dep_ == "nsubj"), None)
    if head.dep_ in ("dobj", "nsubj", "pobj", "nsubjpass") and head.head.pos_ in ("VERB", "AUX"):
        return agent_token(head.head) if head.dep_ != "nsubj" else None
    return None


def _attack_agent(sent: SpacySpan) -> str | None:
    """'... were killed following an attack by X': the agent of an attack noun elsewhere in the sentence."""
    for tok in sent:
        if tok.lemma_.lower() in ("attack", "assault", "ambush", "raid", "offensive") and tok.pos_ == "NOUN":
            for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"):
                pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return _phrase(pobj)
    return None


def _conj_patient(head: Token) -> str | None:
    """'attacked and killed 8 soldiers': the object of a coordinated harm verb."""
    for conj in (c for c in head.children if c.dep_ == "conj" and c.lemma_.lower() in HARM_VERBS):
        obj = next((c for c in conj.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
            return _phrase(obj)
    return None


def _patient(head: Token) -> str | None:
    """Who the act was done to: its object or passive subject (not the weapon fired), else 'against/on/
    with/at X'; 'the positions of X' stands for X."""
    for c in head.children:
        found = _phrase(_holder(c)) if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() not in NON_ACTORS \
            else None
        if found:
            return found
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("against", "on", "with", "at")):
        pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if pobj is not None and pobj.pos_ in ("NOUN", "PROPN") and pobj.lemma_.lower() not in NON_ACTORS \
                and pobj.ent_type_ not in ("DATE", "TIME", "GPE", "LOC", "FAC"):
            return _phrase(_holder(pobj))
    if head.pos_ == "NOUN":  # 'air strikes targeting X'
        for acl in (c for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in ("target", "hit", "aim")):
            found = _patient(acl)
            if found:
                return found
    return None


def _holder(tok: Token) -> Token:
    """'the positions of the militia' -> 'militia', 'GNA positions' -> 'GNA': an installation stands for the
    force holding it."""
    if tok.lemma_.lower() in INSTALLATION_NOUNS:
        of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
              if g.dep_ == "pobj"]
        if of:
            return of[0]
        named = [c for c in tok.lefts if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"
                 and c.ent_type_ in ("ORG", "NORP")]
        if named:
            return named[-1]
    return tok


def _fire_target(sent: SpacySpan, actor1: str | None) -> str | None:
    """'fired mortars and grenade launchers at the positions of X' however the parse attaches 'at': the
    force holding the installation fired at or on, anywhere in the sentence (an installation without a
    holder or a modifier names no one)."""
    for prep in (t for t in sent if t.dep_ == "prep" and t.lower_ in ("at", "on", "against")):
        pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if pobj is None or pobj.lemma_.lower() not in INSTALLATION_NOUNS:
            continue
        holder = _holder(pobj)
        if holder is pobj and not any(c.dep_ in ("amod", "compound") for c in pobj.lefts):
            continue
        phrase = _phrase(holder)
        if phrase and phrase != actor1:
            return phrase
    return None


# Verbs of fending off an attack: the attacker, not the defender, is ACLED's first actor.
REPEL_VERBS = {"repel", "repulse", "thwart", "foil", "fend", "beat", "push"}
ATTACK_NOUNS = {"attack", "assault", "offensive", "incursion", "raid", "ambush", "advance", "infiltration"}


def _repelled_attack(head: Token) -> tuple[str, str] | None:
    """'the army repelled an attack by X' / 'X's attack was repulsed by the army': (X, the army)."""
    verb = head if head.lemma_.lower() in REPEL_VERBS else head.head if head.dep_ in ("dobj", "nsubjpass") \
        and head.head.lemma_.lower() in REPEL_VERBS else None
    if verb is None:
        return None
    attack = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
                   and c.lemma_.lower() in ATTACK_NOUNS), None)
    defender = agent_token(verb)
    if attack is None or defender is None:
        return None
    by = [g for c in attack.children if c.dep_ == "prep" and c.lower_ in ("by",) for g in c.children
          if g.dep_ == "pobj"]
    own = [c for c in attack.lefts if c.dep_ in ("poss", "compound") and c.pos_ in ("PROPN", "PRON", "NOUN")]
    attacker = _phrase(by[0]) if by else _phrase(own[0]) if own else None
    first, second = attacker, _phrase(defender)
    return (first, second) if first and second else None


def _conj_subject(head: Token) -> str | None:
    """'X and Y forces clashed': the second of two coordinated subjects is the other side."""
    verb = head.head if head.dep_ == "dobj" else head  # 'X and Y exchanged fire'
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    conj = next((c for c in subject.children if c.dep_ == "conj"), None)
    if conj is not None:
        return _phrase(conj)
    owners = [g for c in subject.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
              if g.dep_ == "pobj" and g.ent_type_ == "GPE"]
    other = next((c for c in owners[0].children if c.dep_ == "conj"), None) if owners else None
    if other is not None:  # 'military forces of India and Pakistan exchanged fire'
        return f"{subject.doc[subject.left_edge.i:owners[0].i].text} {other.text}"
    return None


def _between_pair(head: Token) -> tuple[str, str] | None:
    """'clashes between X and Y'."""
    for prep in (c for c in head.subtree if c.dep_ == "prep" and c.lower_ == "between"):
        pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        conj = next((g for g in pobj.children if g.dep_ == "conj"), None) if pobj is not None else None
        if pobj is not None and conj is not None:
            first, second = _phrase(pobj), _phrase(conj)
            if first and second:
                return first, second
    return None


# Verbs whose subject is a source, not a party ('the monitoring group said', 'the agency put the toll at').
REPORTING_VERBS = {"say", "report", "tell", "add", "claim", "state", "announce", "confirm", "note", "estimate",
                   "count", "document", "record", "quote", "cite", "describe", "accuse", "warn", "put"}
# Head nouns of a non-state armed side.
NON_STATE_NOUNS = {"rebel", "insurgent", "militant", "fighter", "jihadist", "militia", "separatist", "guerrilla",
                   "guerilla", "militiaman", "faction", "insurgency", "opposition"}


def territory_sides(sent: SpacySpan, trig: Any, sub: str, actor1: str | None,
                    actor2: str | None) -> tuple[str | None, str | None]:
    """Who took a place and from whom. The army that withdrew, or a state force read as the taker of a
    non-state takeover, is the side that lost it; the taker is then the non-state side the sentence names.
    'X fell to Y': Y took it (the subject is the place)."""
    if trig.entry.phrase == ("fall",):
        to = [g for c in trig.head.children if c.dep_ == "prep" and c.lower_ in ("to", "into")
              for g in c.children if g.dep_ == "pobj"]
        return (_phrase(to[0]) if to else None), None
    if sub.startswith("Non-state") and (trig.cls == "withdraw" or _is_state_phrase(actor1)):
        return _non_state_side(sent), actor1
    return actor1, actor2


def _is_state_phrase(phrase: str | None) -> bool:
    if phrase and proper_name_with_of(phrase):
        return False  # a group's own name ('Army of Free Men')
    words = {w.strip(".,'\"").lower().rstrip("s") for w in (phrase or "").split()}
    return bool(words & (STATE_NOUNS | {"government"})) and not words & NON_STATE_WORDS


def _non_state_side(sent: SpacySpan) -> str | None:
    """The first non-state armed group the sentence names ('Rebel forces led by X', 'insurgents')."""
    for tok in sent:
        if tok.lemma_.lower() not in NON_STATE_NOUNS:
            continue
        noun = tok.head if tok.dep_ in ("amod", "compound") and tok.head.pos_ == "NOUN" else tok
        phrase = _phrase(noun)
        if phrase:
            return phrase
    return None
