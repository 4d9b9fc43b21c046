"""Readings that long news reports need and short coder notes rarely do.

A news report uses 'strike' for a military attack far more often than for a labour stoppage, tells a
campaign's cumulative toll ('727 people have been killed since the offensive began'), and talks of
places an advancing side means to take ('rebels set their sights on the capital'). These helpers keep
each of those from being read as a protest, a one-sided attack on civilians, or a capture that happened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import lexicon as lex

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from .triggers import Trigger

# Who goes on a labour strike; with these as subject or modifier 'strike' is a stoppage of work.
LABOUR_NOUNS = {"worker", "union", "teacher", "employee", "staff", "doctor", "nurse", "driver", "miner",
                "trader", "labourer", "laborer", "student", "docker", "pilot", "lawyer", "farmer", "workforce"}
# Modifiers of a labour strike ('general strike', 'hunger strike', 'sit-down strike').
LABOUR_STRIKE_MODIFIERS = {"general", "hunger", "labour", "labor", "sit", "wildcat", "nationwide", "indefinite",
                           "transport", "warning", "day", "teachers", "workers"}
# Modifiers and subjects that make 'strike' an armed attack ('a drone strike', 'the strikes hit a depot').
ARMED_STRIKE_MODIFIERS = {"air", "drone", "missile", "rocket", "military", "retaliatory", "precision", "artillery",
                          "israeli", "russian", "american", "us", "coalition", "pre-emptive", "preemptive", "naval"}
ARMED_DOERS = lex.ARMED_NOUNS | {"aircraft", "jet", "warplane", "helicopter", "drone", "plane", "bomber",
                                 "missile", "rocket", "coalition", "air"}
# Words that say the strike came from the air.
AIR_WORDS = {"air", "aircraft", "jet", "warplane", "helicopter", "drone", "plane", "bomber", "airstrike", "sortie"}
# Subjects that 'strike' something by running into it ('a truck struck a mine', 'the boat struck rocks').
STRUCK_BY_THINGS = {"vehicle", "car", "truck", "bus", "boat", "ship", "tank", "apc", "convoy", "motorcycle",
                    "lightning", "earthquake", "storm"}
# Devices that go off when something runs into them.
CONTACT_DEVICES = {"ied", "mine", "landmine", "bomb", "explosive", "device"}
STRIKE_HIT_VERBS = {"hit", "target", "kill", "destroy", "wound", "injure", "damage", "level", "flatten"}


def is_armed_strike(trig: Trigger) -> bool:
    """Whether a 'strike' trigger tells an armed attack: a verb with an object or an armed subject
    ('US forces struck weapons systems'), or a noun made armed by a modifier or by what it did
    ('drone strikes', 'the strikes hit a depot'). Workers, unions and 'went on strike' keep the labour sense."""
    tok = trig.head
    if trig.entry.phrase != ("strike",) or _labour_strike(tok):
        return False
    if tok.pos_ in ("VERB", "AUX"):
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "agent")), None)
        if subj is not None and subj.lemma_.lower() in STRUCK_BY_THINGS or any(
                c.dep_ == "dobj" and c.lemma_.lower() in CONTACT_DEVICES
                for c in tok.children):
            return False  # 'the vehicle struck a landmine': the device went off, nobody struck
        armed_subject = subj is not None and (subj.lemma_.lower() in ARMED_DOERS or subj.ent_type_ in ("NORP", "GPE"))
        return armed_subject or any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children)
    modifiers = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
    if modifiers & ARMED_STRIKE_MODIFIERS or any(c.ent_type_ in ("NORP", "GPE") for c in tok.children
                                                 if c.dep_ in ("compound", "amod", "poss")):
        return True
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in STRIKE_HIT_VERBS


def _labour_strike(tok: Token) -> bool:
    if tok.head.lemma_.lower() in ("go", "call", "stage", "hold", "declare", "join", "end") and tok.dep_ in (
            "pobj", "dobj"):
        return True  # 'went on strike', 'called a strike'
    near = [c for c in tok.children if c.dep_ in ("nsubj", "compound", "amod", "nmod", "poss")]
    return any(c.lemma_.lower() in LABOUR_NOUNS or c.lower_ in LABOUR_STRIKE_MODIFIERS for c in near)


def strike_from_air(sent: SpacySpan) -> bool:
    """Whether the sentence tells the strike came from the air; missiles, rockets or shells without any
    aircraft make it a missile attack instead."""
    lemmas = {t.lemma_.lower() for t in sent}
    if lemmas & AIR_WORDS:
        return True
    return not any(t.lemma_.lower() in ("missile", "artillery", "shell") and t.dep_ in ("pobj", "compound", "nsubj")
                   and t.head.lemma_.lower() in ("with", "strike", "fire") for t in sent)


# Prepositions and subordinators that make fighting the setting of a toll ('killed in the fighting',
# 'dead since the offensive began').
TOLL_SETTING_WORDS = {"in", "during", "since", "amid", "from", "throughout", "as"}


def toll_of_fighting(clash: Trigger, harm: Trigger) -> bool:
    """Whether a killing is told as the toll of fighting: the fight is the killing's subject ('the fighting
    has killed ...'), or its setting ('killed since the offensive began', 'dead in the clashes'). Such a
    toll counts fighters and civilians alike; it is a battle's, never one side's attack on civilians."""
    fight, verb = clash.head, harm.head
    if fight.lemma_.lower() not in FIGHTING_NOUNS:
        return False  # a raid or an ambush is one side's act: its victims say what it was
    if fight.dep_ == "nsubj" and fight.head.i == verb.i:
        return True
    path = [fight, *fight.ancestors]
    if verb not in path:
        return False
    below = path[:path.index(verb)]
    return any(t.lower_ in TOLL_SETTING_WORDS and t.dep_ in ("prep", "mark") for t in below) or any(
        c.lower_ in TOLL_SETTING_WORDS and c.dep_ == "mark" for t in below for c in t.children)


# Fighting between sides, whose toll is a battle's ('the fighting', 'the offensive', 'clashes').
FIGHTING_NOUNS = {"fighting", "fight", "clash", "offensive", "battle", "war", "combat", "hostility", "firefight",
                  "gunfight", "skirmish", "counteroffensive", "counter-offensive", "confrontation"}


def fought_over(attack: Trigger, sent: SpacySpan) -> bool:
    """An attack that the sentence also tells as fighting ('launched an attack ..., in the heaviest fighting in
    years') or that is aimed at ground a side holds ('an attack on government-held areas'): a battle."""
    if any(t.lemma_.lower() in FIGHTING_NOUNS and t.i != attack.head.i and t.pos_ == "NOUN" for t in sent):
        return True
    targets = [g for c in attack.head.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
               for g in c.children if g.dep_ == "pobj"]
    return any(c.lower_.endswith("-held") or c.lower_ == "held" for t in targets for c in t.subtree)


# Phrases of intent towards a place not yet taken ('set sights on', 'push towards', 'aim to take').
INTENT_VERBS = {"aim", "plan", "seek", "intend", "vow", "threaten", "hope", "try", "eye", "prepare", "want"}
ADVANCE_VERBS = {"push", "advance", "press", "head", "move", "march", "close", "bear"}
TOWARDS_WORDS = {"towards", "toward", "on", "for", "in"}


def intended_capture(trig: Trigger) -> bool:
    """Whether a capture is told as meant, not done: governed by a verb of intent ('aim to take'), by 'set
    (its) sights on', or by an advance 'towards' the place. A capture in an 'after taking X' clause happened."""
    verb = trig.head
    for anc in [verb, *list(verb.ancestors)[:2]]:
        lemma = anc.lemma_.lower()
        if lemma in INTENT_VERBS and anc.i != verb.i:
            return True
        if lemma == "set" and any(c.lemma_.lower() == "sight" for c in anc.children):
            return True
        if lemma in ADVANCE_VERBS and anc.i != verb.i and any(
                c.lower_ in TOWARDS_WORDS for c in anc.children if c.dep_ in ("prep", "prt", "advmod")):
            return True
    return False
