"""Explosions and remote violence, and the weapons events that are not one.

ACLED codes heavy weapons fired from a distance as Shelling/artillery/missile attack, but an exchange of
fire, or heavy weapons used together with small arms, as an Armed clash; weapons found, defused, seized
or destroyed, and devices that go off prematurely, as Disrupted weapons use; and old ordnance left from
an earlier war as a strategic development (Other).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import lexicon as lex
from .triggers import Trigger, Typing, is_main_verb, pick, typed

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

# Verbs of coming upon or taking weapons: with a weapon as object they tell a disrupted weapons use.
FOUND_VERBS = {"seize", "recover", "find", "discover", "locate", "uncover", "confiscate", "destroy", "dismantle",
               "defuse", "neutralize", "neutralise"}
# A device that went off before its time, or was blown up on purpose by those who found it.
MISFIRE_WORDS = {"prematurely", "accidentally", "controlled", "mishandle", "mishandled"}
# Ordnance left from an earlier war.
REMNANT_WORDS = {"remnant", "unexploded", "uxo", "leftover"}
# Small arms: their use with heavy weapons makes an armed clash.
# (Rifles and bursts of heavy machine-gun fire at an area stay a shelling in ACLED's coding.)
SMALL_ARMS_WORDS = {"gunfire", "kalashnikov"}
# Fire in both directions.
RECIPROCAL_WORDS = {"exchange", "trade", "direction", "each", "mutual", "reciprocal"}
# Phrases that make weapons a detail of a fight told around them ('a clash involving artillery').
SUPPORT_WORDS = {"involve", "support", "back", "include", "accompany", "use", "with", "including"}


def rule_weapons(sent: SpacySpan, triggers: list[Trigger], strong: list[Trigger]) -> Typing | None:
    """Explosions/Remote violence; defused or seized devices are Disrupted weapons use; an exchange of
    heavy fire or heavy weapons with small arms is an Armed clash."""
    lemmas = {t.lemma_.lower() for t in sent}
    disrupt = pick(strong, "disrupt") or _found_weapons(sent, triggers)
    explosive = pick(strong, "ied", "shell", "grenade", "air", "suicide") or pick(triggers, "ied", "shell")
    if explosive is not None and disrupt is None and lemmas & MISFIRE_WORDS:
        disrupt = explosive
    if disrupt is not None:
        return typed(disrupt, "Strategic developments", "Disrupted weapons use", "SEIZE", "weapons disrupted")
    if explosive is not None and lemmas & REMNANT_WORDS:
        return typed(explosive, "Strategic developments", "Other", "ASSAULT", "ordnance from an earlier war")
    classes = {t.cls for t in triggers}
    clash = pick(strong, "clash")
    if explosive is not None and explosive.cls in ("shell", "air") and _fight_not_strike(sent, explosive, clash):
        return typed(clash or explosive, "Battles", "Armed clash", "FIGHT", "fire exchanged or small arms used")
    if clash is not None and not ({"air", "suicide", "grenade", "chemical"} & classes) and not pick(strong, "shell", "ied"):
        return None
    for cls in ("chemical", "suicide", "grenade", "air"):
        trig = pick(strong, cls) or (pick(triggers, cls) if cls in ("suicide", "air") else None)
        if trig is not None and (cls != "suicide" or pick(triggers, "ied", "attack", "shell")):
            return typed(trig, reason=f"{cls} trigger")
    trig = pick(strong, "ied", "shell") or pick(triggers, "ied", "shell")
    if trig is not None and not pick(strong, "protest", "riot", "mob"):
        return typed(trig, reason="explosive trigger")
    return None


def _fight_not_strike(sent: SpacySpan, explosive: Trigger, clash: Trigger | None) -> bool:
    """Heavy fire that ACLED reads as a fight: exchanged ('exchanged artillery', 'in both directions'), used
    with small arms, or a detail of a clash that is the sentence's main event ('a clash involving shelling')."""
    lemmas = {t.lemma_.lower() for t in sent}
    if lemmas & RECIPROCAL_WORDS and _reciprocal(sent):
        return True
    if lemmas & SMALL_ARMS_WORDS or (clash is not None and clash.entry.phrase == ("small", "arm")):
        return explosive.cls == "shell"
    if clash is None:
        return False
    clash_main = is_main_verb(clash.head) or clash.head.dep_ in ("nsubj", "nsubjpass") and clash.head.head.dep_ == "ROOT"
    return clash_main and _supporting(explosive.head)


def _reciprocal(sent: SpacySpan) -> bool:
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma in ("exchange", "trade") and tok.pos_ in ("VERB", "NOUN"):
            return True
        if lemma == "direction" and any(c.lower_ == "both" for c in tok.children):
            return True
        if lemma in ("each", "mutual", "reciprocal") and tok.head.lemma_.lower() in ("other", "fire", "shelling"):
            return True
    return False


def _supporting(tok: Token) -> bool:
    return any(a.lemma_.lower() in SUPPORT_WORDS for a in list(tok.ancestors)[:4])


def _found_weapons(sent: SpacySpan, triggers: list[Trigger]) -> Trigger | None:
    """'police recovered arms and ammunition', 'an IED was found and defused': a weapon as the object
    of a finding or seizing verb (the trigger returned is the verb's, else the weapon's)."""
    for tok in sent:
        if tok.lemma_.lower() not in FOUND_VERBS or tok.pos_ != "VERB":
            continue
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        objs += [g for o in objs for g in o.children if g.dep_ == "conj"]
        if any(o.lemma_.lower() in lex.DISRUPT_OBJECTS for o in objs):
            return next((t for t in triggers if t.head.i == tok.i), None) or next(
                (t for t in triggers if t.head in objs), None) or (triggers[0] if triggers else None)
    return None
