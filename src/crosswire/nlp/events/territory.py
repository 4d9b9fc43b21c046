"""Territory changing hands: taken by a non-state actor, regained by the state, or left by its forces.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import lexicon as lex
from .triggers import Trigger, Typing, subject_of, trigger_verb, typed

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan


def rule_territory(sent: SpacySpan, triggers: list[Trigger], strong: list[Trigger]) -> Typing | None:
    """The sentence's main verb tells a place changing hands ('rebels entered the city after fierce battles'):
    the territory change, not the fighting told around it."""
    for trig in triggers:
        head = trigger_verb(trig)
        main = head.dep_ == "ROOT" or head.dep_ == "conj" and head.head.dep_ == "ROOT"
        if main and head.pos_ in ("VERB", "AUX"):
            taken = territory_typing(trig)
            if taken is not None:
                return taken
    return None


def territory_typing(trig: Trigger) -> Typing | None:
    """A change of who holds a place: taken ('captured', 'seized', 'took control of', 'entered', 'fell to'),
    regained by the state, or left by the state's forces ('the army withdrew from the city': the other side
    took it). None when the trigger tells no territory change."""
    if trig.cls not in ("capture", "regain", "seize", "withdraw") or not _takes_territory(trig):
        return None
    state = _actor_is_state(trig)
    if trig.cls == "withdraw":
        if not state:
            return None
        return typed(trig, "Battles", "Non-state actor overtakes territory", "SEIZE", "state forces left")
    if trig.entry.phrase == ("fall",):
        state = _fell_to_state(trig)
    sub = "Government regains territory" if state or trig.cls == "regain" and state is not False \
        else "Non-state actor overtakes territory"
    return typed(trig, "Battles", sub, "SEIZE", "territory taken")


def _fell_to_state(trig: Trigger) -> bool | None:
    """'the town fell to the army': whether the side it fell to is the state's."""
    for prep in (c for c in trig.head.children if c.dep_ == "prep" and c.lower_ in ("to", "into")):
        words = {t.lemma_.lower() for t in prep.subtree}
        return bool(words & (lex.STATE_NOUNS | {"government"}))
    return None


TERRITORY_PREPS = {"of", "from", "into", "over", "out"}  # "control of X", "withdrew from X", "entered into X"


# What 'falls' on a place without taking it.
FALLING_MUNITIONS = {"shell", "rocket", "missile", "bomb", "mortar", "projectile", "round", "grenade", "drone"}


def _takes_territory(trig: Trigger) -> bool:
    """Whether the trigger acts on a place: its object, or the place after 'of/from/into' (never 'near/in X',
    which tells where something else was taken: 'seized drugs in a truck near the village')."""
    objs = [c for c in trig.head.children if c.dep_ in ("dobj", "nsubjpass", "pobj")]
    if trig.cls != "seize":
        objs += [g for c in trig.head.children if c.dep_ == "prep" and c.lower_ in TERRITORY_PREPS
                 for g in c.children if g.dep_ == "pobj"]
    if trig.entry.phrase in (("fall",),):
        subjects = [c for c in trig.head.children if c.dep_ == "nsubj"]
        if any(c.lemma_.lower() in FALLING_MUNITIONS for c in subjects):
            return False  # 'a shell fell into the village'
        objs += subjects
    return any(o.lemma_.lower() in lex.TERRITORY_OBJECTS or o.ent_type_ in ("GPE", "LOC", "FAC") for o in objs)


# Words that make 'forces' or 'troops' a non-state side's, and non-state fighters themselves.
NON_STATE_MODIFIERS = {"rebel", "opposition", "insurgent", "separatist", "militia", "jihadist", "militant",
                       "resistance", "guerrilla", "islamist", "fighter"}


def _actor_is_state(trig: Trigger) -> bool | None:
    """Whether the trigger's subject is the state's forces; a pronoun subject ('the army said it had withdrawn')
    stands for the subject of the clause it is reported in. None when there is no subject."""
    subj = subject_of(trigger_verb(trig))
    if subj is None:
        return None
    own = {subj.lemma_.lower()} | {c.lemma_.lower() for c in subj.lefts}
    if own & NON_STATE_MODIFIERS:
        return False  # 'rebel forces', 'opposition troops'
    words = {t.lemma_.lower() for t in subj.subtree}
    if words & (lex.STATE_NOUNS | {"government"}):
        return True
    if words & lex.ARMED_NOUNS or subj.ent_type_ in ("ORG", "NORP") or subj.pos_ == "PROPN":
        return False
    return None
