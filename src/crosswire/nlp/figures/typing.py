"""Typing a count of people from the parse: what the counted noun is, and the verb or adjective on it.

Shared by the numbered figures (`figures`) and the people told without a number (`victims`):
the noun itself ("20 casualties"), an adjective or participle on it ("727 dead", "people wounded"),
or the verb governing it ("were killed", "killing 20", "the death toll rose to 30").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

PEOPLE_NOUNS = {
    "people", "person", "civilian", "fighter", "soldier", "militant", "militiaman", "militia", "child",
    "woman", "man", "men", "protester", "protestor", "demonstrator", "troop", "policeman", "officer",
    "member", "rebel", "insurgent", "worker", "family", "refugee", "resident", "student", "journalist",
    "victim", "migrant", "body", "casualty", "detainee", "prisoner", "hostage", "personnel", "guard",
    "jihadist", "commander", "element", "gunman", "terrorist", "villager", "farmer", "teacher", "boy",
    "girl", "kid", "teen", "teenager", "adult", "individual", "inmate", "suspect", "staff", "doctor",
    "nurse", "patient", "passenger", "pilgrim", "worshipper", "youth", "supporter", "activist",
    "policemen", "police", "cop", "agent", "mercenary", "recruit", "volunteer", "citizen", "national",
    "local", "tribesman", "herder", "miner", "driver", "shepherd", "displaced", "evacuee", "infant",
    "baby", "fatality", "death", "dead", "wounded", "injured", "serviceman", "marine", "paramilitary",
    "combatant", "operative", "leader", "official", "employee", "settler", "asylum", "killed", "life",
    "other", "others",
}


# Kin and roles: words that name victims in crime reports ('his daughter', 'four daughters', 'the clerk').
PEOPLE_NOUNS |= {
    "son", "daughter", "father", "mother", "dad", "mom", "mum", "parent", "wife", "husband", "boyfriend",
    "girlfriend", "fiance", "fiancee", "brother", "sister", "sibling", "friend", "neighbor", "neighbour",
    "uncle", "aunt", "cousin", "nephew", "niece", "grandmother", "grandfather", "grandson", "granddaughter",
    "stepfather", "stepmother", "stepson", "stepdaughter", "relative", "roommate", "toddler", "juvenile",
    "preteen", "newborn", "minor", "owner", "homeowner", "clerk", "cashier", "customer", "bystander",
    "pedestrian", "passerby", "motorist", "cyclist", "jogger", "hunter", "deputy", "trooper", "sergeant",
    "detective", "constable", "robber", "shooter", "intruder", "burglar", "attacker", "assailant",
    "gunman", "bouncer", "tenant", "landlord", "manager", "senior", "veteran", "guy", "lady", "gentleman",
    "male", "female", "sheriff", "classmate", "coworker", "co-worker",
}
NOUN_KIND = {
    "dead": "killed", "death": "killed", "fatality": "killed", "body": "killed", "corpse": "killed",
    "life": "killed", "killed": "killed", "martyr": "killed", "wounded": "injured", "injured": "injured", "injury": "injured",
    "displaced": "displaced", "refugee": "displaced", "evacuee": "displaced", "detainee": "detained",
    "prisoner": "detained", "hostage": "detained", "arrest": "detained", "troop": "troops",
}


VERB_KIND = {
    "kill": "killed", "die": "killed", "slay": "killed", "execute": "killed", "massacre": "killed",
    "behead": "killed", "murder": "killed", "perish": "killed", "lynch": "killed", "claim": "killed",
    "succumb": "killed",
    "wound": "injured", "injure": "injured", "hurt": "injured", "hospitalize": "injured",
    "hospitalise": "injured", "maim": "injured", "displace": "displaced", "flee": "displaced",
    "evacuate": "displaced", "uproot": "displaced", "arrest": "detained", "detain": "detained",
    "capture": "detained", "abduct": "detained", "kidnap": "detained", "apprehend": "detained",
    "round": "detained", "jail": "detained", "imprison": "detained", "release": "released",
    "free": "released", "rescue": "released", "deploy": "troops", "send": "troops", "station": "troops",
    "mobilize": "troops", "mobilise": "troops", "dispatch": "troops",
}


FATAL_ADVERBS = {"fatally", "mortally"}
ADJ_KIND = {"dead": "killed", "killed": "killed", "wounded": "injured", "injured": "injured",
            "hurt": "injured", "displaced": "displaced", "homeless": "displaced", "missing": "other"}


def is_people(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    if lemma in PEOPLE_NOUNS or noun.lower_ in PEOPLE_NOUNS:
        return True
    return noun.pos_ == "PROPN" or noun.ent_type_ in ("NORP", "PERSON")


def kind_for(noun: Token, anchor: Token) -> str | None:
    """Kind from the noun itself, an adjective on it, or the verb that governs it."""
    lemma = noun.lemma_.lower()
    if noun.i != anchor.i and _partitive(noun) and noun.head.head.i == anchor.i:
        told = _verb_kind(anchor)  # "one of the five people wounded has died": the verb speaks of the one
        if told in ("killed", "injured"):
            return told
    if lemma in NOUN_KIND and NOUN_KIND[lemma] != "troops":
        verb = _verb_kind(noun) if NOUN_KIND[lemma] == "detained" else None
        return "released" if verb == "released" else NOUN_KIND[lemma]
    for child in noun.children:
        if child.dep_ in ("amod", "acl", "relcl") and child.i > noun.i - 3:
            kind = ADJ_KIND.get(child.lower_) or VERB_KIND.get(child.lemma_.lower())
            if kind == "injured" and not _partitive(noun) and _verb_kind(noun) == "killed":
                return "killed"  # "five wounded soldiers later died"
            if kind:
                return kind
    return _verb_kind(noun)


def _partitive(noun: Token) -> bool:
    """'one of the five people wounded': what the verb says is said of the one, not of the five."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "of"


def _verb_kind(noun: Token) -> str | None:
    tok = noun
    for _ in range(4):
        head = tok.head
        if head.i == tok.i or tok.dep_ == "agent":
            return None  # "shot to death by two gunmen": the agent of a passive is not the victim
        if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "oprd", "pobj", "conj", "appos", "npadvmod") \
                or head.pos_ in ("ADP", "VERB", "AUX"):
            kind = _kind_of_verb(head, tok)
            if kind:
                return kind
        if head.pos_ in ("VERB",) and tok.dep_ not in ("pobj", "prep"):
            return _oprd_kind(head)
        tok = head
    return None


def _kind_of_verb(head: Token, tok: Token) -> str | None:
    lemma = head.lemma_.lower()
    if lemma == "shoot" and tok.dep_ in ("nsubjpass", "dobj", "nsubj") and head.pos_ == "VERB":
        return _shoot_kind(head, tok)
    if VERB_KIND.get(lemma) == "injured" and any(c.lower_ in FATAL_ADVERBS for c in head.children):
        return "killed"  # "fatally wounded", "mortally injured"
    if lemma in VERB_KIND and not (lemma == "claim" and tok.dep_ != "dobj"):
        return VERB_KIND[lemma]
    if lemma in ("rise", "climb", "reach", "increase", "stand", "jump", "hit", "be", "put") or head.pos_ == "ADP":
        subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj and subj[0].lemma_.lower() == "toll":
            mods = {c.lemma_.lower() for c in subj[0].children}
            return "injured" if mods & {"injury", "casualty"} else "killed"
    if lemma in ("leave",):
        return _oprd_kind(head)
    return None


def _shoot_kind(verb: Token, tok: Token) -> str | None:
    """'were shot dead' / 'shot and killed' = killed; 'four were shot', 'shot two men' = SHOT (resolved later)."""
    if tok.dep_ == "nsubj" and not any(c.dep_ == "auxpass" or c.lemma_ == "get" for c in verb.children):
        return None  # "two gunmen shot ..." counts the shooters
    killed = _oprd_kind(verb)
    if killed == "killed":
        return killed
    if any(c.dep_ == "conj" and VERB_KIND.get(c.lemma_.lower()) == "injured" for c in verb.children):
        return "injured"  # "were shot and wounded": the report says they survived
    return SHOT


SHOT = "shot"


WOUND_VERBS = {"suffer", "sustain", "receive", "have"}
WOUND_NOUNS = {"wound", "injury"}


SURVIVED_WOUND = {"minor", "non", "critical", "serious", "stable", "superficial", "graze", "grazing"}


def wound_object_kind(verb: Token) -> str | None:
    """For one victim told by a wound ('a man suffered minor injuries' = injured): a fatal wound = killed; a
    bare 'had gunshot wounds' = shot, since the dead are described so too; no wound as object says nothing.
    Numbered counts do not use it: 'all five had gunshot wounds' mostly describes the dead."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in WOUND_NOUNS]
    if not objects:
        return None
    words = {t.lower_ for t in objects[0].subtree}
    if words & {"fatal", "deadly", "mortal"}:
        return "killed"
    return "injured" if words & SURVIVED_WOUND else SHOT


def _oprd_kind(verb: Token) -> str | None:
    """'left 20 dead', 'were found dead', 'fatally shot', 'shot to death'."""
    for child in verb.children:
        if child.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "advcl") and child.lower_ in ADJ_KIND:
            return ADJ_KIND[child.lower_]
        if child.dep_ == "advmod" and child.lower_ in FATAL_ADVERBS:
            return "killed"
        if child.dep_ == "prep" and child.lower_ == "to" and any(g.lemma_ == "death" for g in child.children):
            return "killed"
    if verb.lemma_.lower() in VERB_KIND:
        return VERB_KIND[verb.lemma_.lower()]
    for child in verb.children:  # "was shot and killed"
        if child.dep_ == "conj" and child.pos_ == "VERB" and VERB_KIND.get(child.lemma_.lower()) == "killed" \
                and not any(g.dep_ == "dobj" for g in child.children):  # not "shot a man and then killed himself"
            return "killed"
    return None


def group_of(noun: Token, anchor: Token) -> str | None:
    """Who is counted: the counted noun with its modifiers ('pro-Iranian militiamen', 'HTS fighters')."""
    if noun.i == anchor.i or noun.lemma_.lower() in NOUN_KIND and noun.lemma_.lower() != "troop":
        return None
    mods = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i
            and c.lower_ not in ADJ_KIND and not c.like_num and not any(g.lemma_ == "year" for g in c.children)]
    start = min([noun.i] + [m.i for m in mods])
    words = [t for t in noun.doc[start:noun.i + 1] if not t.like_num and t.dep_ != "nummod"]
    return "".join(t.text_with_ws for t in words).strip() or None
