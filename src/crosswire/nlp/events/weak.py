"""Sentences whose only triggers are weak words, typed when the parse shows the eventful sense.

Weak triggers ('fire', 'hostage', 'find', 'disappear', 'fight', 'wound') tell an event in one sense and
none in another: 'fired machine guns at the area' is an attack, 'fired the coach' is not; 'took them
hostage' is an abduction, 'hostage talks' is not; 'a human head was found' is a killing, 'the head of the
council was found guilty' is not. `rule_weak` runs after every other rule and reads only those senses.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .actors import agent_token
from .sides import is_armed, is_civilian, mob_perpetrator, victims_armed_strict
from .triggers import Trigger, Typing, typed

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

# The typings the readings give: (event type, sub-type, PLOVER code).
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack", "ASSAULT")
ABDUCTION = ("Violence against civilians", "Abduction/forced disappearance", "ASSAULT")
CIVILIAN_ATTACK = ("Violence against civilians", "Attack", "ASSAULT")
ARMED_CLASH = ("Battles", "Armed clash", "FIGHT")
MOB_VIOLENCE = ("Riots", "Mob violence", "ASSAULT")

# Weapons that, fired at an area, make a shelling in ACLED's coding (crew-served or explosive rounds).
HEAVY_WEAPON_WORDS = {"rpg", "rpgs", "recoilless", "cannon", "launcher", "dshk", "anti-aircraft", "antiaircraft",
                      "zu-23", "b10", "b-10", "spg-9", "bazooka"}
# Modifiers that make a weapon heavy ('heavy and medium machine guns', 'machine guns, assumedly heavy').
HEAVY_MODIFIERS = {"heavy", "medium", "anti", "large"}
# Machine guns: fired at an area rather than at people they are a remote attack too.
MACHINE_GUN_WORDS = {"machinegun", "machine-gun"}
# Anything fired: a 'fire' verb with one of these as object is shooting, not dismissing someone.
FIRED_OBJECTS = HEAVY_WEAPON_WORDS | MACHINE_GUN_WORDS | {
    "gun", "weapon", "rifle", "shot", "gunshot", "bullet", "round", "burst", "mm", "caliber", "calibre", "pistol",
    "kalashnikov", "ak-47", "pk", "pkm", "grenade", "salvo", "volley"}
# What is fired that hurts nobody by design (crowd control, signals); such fire is no attack.
NONLETHAL_WORDS = {"tear", "teargas", "gas", "water", "rubber", "pellet", "stun", "pepper", "smoke", "flare",
                   "firework", "warning", "blank", "canister", "shell-less"}
# Prepositions naming what was fired at.
FIRE_TARGET_PREPS = {"at", "on", "upon", "towards", "toward", "into", "against"}
# Areas fired at (not people, not a side's position): fire at these from afar is a remote attack.
AREA_WORDS = {"area", "location", "neighbourhood", "neighborhood", "district", "street", "farm", "town", "city",
              "outskirt", "hill", "locality", "part", "quarter", "zone", "region", "surroundings", "vicinity",
              "field", "direction", "sector", "settlement", "front", "frontline"}
# The calibre in mm from which a machine gun is heavy (12.7 mm, 14.5 mm).
HEAVY_CALIBRE_MM = 12.7
# Verbs that hold someone as a hostage ('took 40 civilians hostage', 'were held hostage', 'took them as hostages').
HOSTAGE_VERBS = {"take", "hold", "keep", "seize", "taking"}
# Human remains whose finding tells a killing ('body' and 'corpse' too, unless an organisation is meant).
REMAINS_WORDS = {"skull", "torso", "remains", "limb", "skeleton"}
# Modifiers that make a 'head' a body part, not a leader ('a human head', 'a severed head').
SEVERED_WORDS = {"human", "severed", "decapitated", "dismembered", "mutilated", "cut", "chopped"}
# Verbs of finding a body.
FIND_VERBS = {"find", "discover", "uncover", "recover"}
# Modifiers that make a 'body' an organisation ('the governing body', 'a regulatory body').
ORGANISATION_MODIFIERS = {"governing", "regulatory", "student", "advisory", "legislative", "electoral", "professional",
                          "statutory", "supervisory", "oversight", "umbrella", "representative", "administrative",
                          "apex", "judicial", "sporting", "sports", "football", "religious", "federal", "trade",
                          "independent", "international", "government", "public", "standards", "local"}
# Verbs a fight 'breaks out' with ('a fight broke out between ...', 'fighting erupted').
OUTBREAK_VERBS = {"break", "erupt", "ensue", "occur", "rage", "flare", "start", "take"}
# Modifiers of 'fight' that make it a brawl between people, not a war.
BRAWL_MODIFIERS = {"physical", "fist", "violent", "street", "bloody"}
# Harm verbs whose victims the rule reads when the doer is armed ('wounded by a sniper').
WOUND_VERBS = {"wound", "injure", "shoot"}


def rule_weak(sent: SpacySpan, triggers: list[Trigger], strong: list[Trigger]) -> Typing | None:
    """The last rule: a weak trigger in its eventful sense, when no rule above decided."""
    weak = [t for t in triggers if t.entry.weak]
    for reading in WEAK_READINGS:
        for trig in weak:
            typing = reading(trig, sent)
            if typing is not None:
                return typing
    return None


def as_typing(trig: Trigger, kind: tuple[str, str, str], reason: str) -> Typing:
    return typed(trig, *kind, reason=reason)


def fire_at_area(trig: Trigger, sent: SpacySpan) -> Typing | None:
    """'fired machine guns, assumedly heavy, at residential areas', 'fired RPGs at the district centre': heavy
    weapons fired, or any gunfire aimed at an area rather than at people or a side's post, is shelling in
    ACLED's coding. Fire at people or posts is typed by the violence rule; tear gas, warning shots into the
    air and 'fired the coach' are no attack."""
    tok = trig.head
    if tok.lemma_.lower() != "fire" or not _shooting(tok):
        return None
    shooter = _fire_verb(tok)
    weapons = _fired_weapons(shooter) + _weapon_modifiers(tok)
    targets = _fire_targets(shooter)
    if any(_nonlethal(w) for w in weapons) or any(t.lemma_.lower() in ("air", "sky") for t in targets):
        return None
    if any(_heavy(w) for w in weapons):
        return as_typing(trig, SHELLING, "heavy weapons fired")
    if targets and all(_area(t) for t in targets) and not any(_small_arm(w) for w in weapons):
        return as_typing(trig, SHELLING, "fire at an area")
    return None


def _shooting(tok: Token) -> bool:
    """'fire' used of weapons: a verb with a weapon object or a target, or a noun that is opened ('opened
    fire on') or has a weapon modifier ('machine-gun fire'); 'a fire broke out' and 'fired two advisers' are not."""
    verb = _fire_verb(tok)
    if tok.pos_ != "VERB" and verb.i == tok.i and not _weapon_modifiers(tok):
        return False
    return bool(_fired_weapons(verb)) or bool(_fire_targets(verb))


def _weapon_modifiers(tok: Token) -> list[Token]:
    """Weapons named as modifiers of 'fire' ('machine-gun fire', 'RPG fire')."""
    return [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and _weapon(c)]


def _fire_verb(tok: Token) -> Token:
    """The verb whose objects and targets tell the fire: 'fire' itself, or 'open' in 'opened fire on'."""
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("open", "direct", "unleash"):
        return tok.head
    return tok


def _fired_weapons(verb: Token) -> list[Token]:
    """The weapons fired: the verb's objects and what is coordinated with them, 'with machine guns'."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    objs += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children
             if g.dep_ == "pobj"]
    objs += [c for o in objs for c in o.children if c.dep_ == "conj"]
    if verb.lemma_.lower() != "fire":
        objs = [o for o in objs if o.lemma_.lower() != "fire"]
    return [o for o in objs if _weapon(o)]


def _fire_targets(verb: Token) -> list[Token]:
    """What was fired at: objects of 'at', 'on', 'towards' (and what is coordinated with them)."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() == "fire")]
    out = [g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in FIRE_TARGET_PREPS
           for g in c.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")]
    return out + [c for t in out for c in t.children if c.dep_ == "conj"]


def _weapon(tok: Token) -> bool:
    """Something fired: a weapon or round, or a crowd-control round (kept, so that such fire is read and
    then passed over as no attack)."""
    words = {t.lemma_.lower() for t in tok.subtree if t.i <= tok.i} | {tok.lower_}
    return bool(words & FIRED_OBJECTS) or bool(words & NONLETHAL_WORDS) and tok.lemma_.lower() != "fire"


def _nonlethal(weapon: Token) -> bool:
    return any(t.lemma_.lower() in NONLETHAL_WORDS for t in weapon.subtree if t.i <= weapon.i)


def _heavy(weapon: Token) -> bool:
    """A heavy weapon: named as one ('RPG', 'recoilless rifle'), called heavy or medium, or of a calibre of
    12.7 mm or more ('14.5mm machine guns')."""
    near = [t for t in weapon.subtree if t.dep_ != "conj" or t.i == weapon.i]
    near = [t for t in near if t.i == weapon.i or t.head.i == weapon.i or t.head.head.i == weapon.i]
    if any(t.lemma_.lower() in HEAVY_WEAPON_WORDS for t in near):
        return True
    if any(t.lemma_.lower() in HEAVY_MODIFIERS and t.dep_ in ("amod", "conj") for t in near):
        return True
    return any(_calibre(t) >= HEAVY_CALIBRE_MM for t in near)


def _calibre(tok: Token) -> float:
    """The calibre in mm a token tells ('14.5' before 'mm', '12.7mm'), else 0."""
    match = re.fullmatch(r"(\d{1,3}(?:\.\d)?)\s*mm", tok.lower_)
    if match:
        return float(match.group(1))
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if tok.like_num and nxt is not None and nxt.lower_ == "mm":
        try:
            return float(tok.text)
        except ValueError:
            return 0.0
    return 0.0


def _small_arm(weapon: Token) -> bool:
    """Rifles, pistols, shots: small arms, unless a heavy or machine gun is what was named."""
    lemma = weapon.lemma_.lower()
    machine = lemma in MACHINE_GUN_WORDS or any(c.lemma_.lower() in ("machine", "machinegun") for c in weapon.children)
    return not machine and not _heavy(weapon)


def _area(tok: Token) -> bool:
    return tok.lemma_.lower() in AREA_WORDS and not is_armed(tok) and not is_civilian(tok)


def hostage_taking(trig: Trigger, sent: SpacySpan) -> Typing | None:
    """'took 55 civilians hostage', 'were held hostage', 'took them as hostages', 'the hostage-taking': an
    abduction; soldiers or police taken are an armed clash, as the violence rule codes armed men abducted.
    'hostage talks' and 'freed the hostages' tell no taking."""
    tok = trig.head
    if trig.entry.phrase != ("hostage",):
        return None
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "as" else tok.head
    if verb.i == tok.i or verb.lemma_.lower() not in HOSTAGE_VERBS:
        return None
    if tok.dep_ == "compound" and verb.pos_ != "NOUN":
        return None
    held = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.i != tok.i]
    if any(is_armed(h) for h in held) and not any(is_civilian(h) for h in held):
        return as_typing(trig, ARMED_CLASH, "armed men taken hostage")
    return as_typing(trig, ABDUCTION, "taken hostage")


def forced_disappearance(trig: Trigger, sent: SpacySpan) -> Typing | None:
    """'forces forcibly disappeared a street vendor', 'a journalist was disappeared': 'disappear' done to
    someone (an object, a passive, 'forcibly') is an abduction; 'the man disappeared' alone is not."""
    tok = trig.head
    if tok.lemma_.lower() != "disappear" or tok.pos_ not in ("VERB", "ADJ"):
        return None
    forced = any(c.lemma_.lower() in ("forcibly", "forcefully", "forced", "enforced") for c in tok.children)
    done_to = any(c.dep_ in ("dobj", "auxpass", "nsubjpass") for c in tok.children)
    return as_typing(trig, ABDUCTION, "forcibly disappeared") if forced or done_to else None


def remains_found(trig: Trigger, sent: SpacySpan) -> Typing | None:
    """'two human heads were found', 'a skull was discovered in a grave': human remains found tell a killing
    (ACLED codes a found body as an attack). 'The head of the council was found guilty' is not."""
    tok = trig.head
    if tok.lemma_.lower() not in FIND_VERBS or tok.pos_ != "VERB":
        return None
    if any(_judged(c) for c in tok.children):
        return None  # 'was found guilty', 'was found to have lied'
    found = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")]
    found += [c for f in found for c in f.children if c.dep_ == "conj"]
    return as_typing(trig, CIVILIAN_ATTACK, "human remains found") if any(_remains(f) for f in found) else None


def _remains(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if lemma in REMAINS_WORDS or lemma in ("body", "corpse") and not _organisation(tok):
        return True
    return lemma == "head" and any(c.lemma_.lower() in SEVERED_WORDS for c in tok.children if c.dep_ == "amod")


def _judged(tok: Token) -> bool:
    """A finding that is a verdict: 'found guilty', 'found to have lied', 'found that ...'."""
    if tok.dep_ == "ccomp" or tok.dep_ in ("xcomp", "acomp", "oprd") and tok.pos_ in ("ADJ", "NOUN") \
            and tok.lemma_.lower() not in ("dead", "lifeless", "decomposed", "charred"):
        return True
    return tok.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _organisation(tok: Token) -> bool:
    """'the governing body', 'a regulatory body', 'a body of evidence': a body that is no person's."""
    if any(c.lower_ in ORGANISATION_MODIFIERS for c in tok.children if c.dep_ in ("amod", "compound")):
        return True
    of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return bool(of) and not any(is_civilian(g) or is_armed(g) or g.ent_type_ == "PERSON" for g in of)


def fight_broke_out(trig: Trigger, sent: SpacySpan) -> Typing | None:
    """'a physical fight broke out between members of parliament': a brawl between sides that are not armed
    is mob violence; 'fighting erupted between the army and rebels' is an armed clash. Sides neither all armed
    nor all unarmed ('between soldiers and traders'), or 'fighting' between unarmed sides, stay untyped."""
    tok = trig.head
    lemma = tok.lemma_.lower()
    if lemma not in ("fight", "fighting") or tok.pos_ != "NOUN":
        return None
    broke_out = tok.dep_ == "nsubj" and tok.head.lemma_.lower() in OUTBREAK_VERBS
    sides = _sides(tok, tok.head if broke_out else tok)
    if not sides:
        return None
    armed = [s for s in sides if is_armed(s)]
    if armed and len(armed) == len(sides):
        return as_typing(trig, ARMED_CLASH, "fighting between armed sides")
    brawl = lemma == "fight" and (broke_out or any(c.lemma_.lower() in BRAWL_MODIFIERS for c in tok.children))
    if brawl and not armed:
        return as_typing(trig, MOB_VIOLENCE, "a brawl between unarmed sides")
    return None


def _sides(fight: Token, verb: Token) -> list[Token]:
    """Who fought: objects of 'between' or 'among' after the fight or its verb, with what is coordinated."""
    preps = [c for h in {fight, verb} for c in h.children if c.dep_ == "prep" and c.lower_ in ("between", "among")]
    sides = [g for p in preps for g in p.children if g.dep_ == "pobj"]
    return sides + [c for s in sides for c in s.children if c.dep_ == "conj"]


def armed_harm(trig: Trigger, sent: SpacySpan) -> Typing | None:
    """'a trader was wounded by gunmen', 'wounded by a sniper': harm done by an armed doer is an armed clash
    when the victims are armed, else an attack on civilians. Harm with no armed doer ('injured by a falling
    tree') tells no event."""
    head = trig.head
    if head.lemma_.lower() not in WOUND_VERBS or head.pos_ != "VERB":
        return None
    doer = agent_token(head)
    if doer is None or not (is_armed(doer) or doer.lemma_.lower() in ("sniper", "gunman", "assailant", "attacker")):
        return None
    if mob_perpetrator(trig):
        return None
    if victims_armed_strict(trig, sent):
        return as_typing(trig, ARMED_CLASH, "armed victims of an armed doer")
    return as_typing(trig, CIVILIAN_ATTACK, "victims of an armed doer, not armed")


# The readings rule_weak tries, in order; each returns a typing or None.
WEAK_READINGS: tuple[Callable[[Trigger, SpacySpan], Typing | None], ...] = (
    hostage_taking, forced_disappearance, remains_found, fire_at_area, fight_broke_out, armed_harm)
