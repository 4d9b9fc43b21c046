"""Whether a word of the parse names an actor at all, and which one a stand-in word names.

ACLED's actors are groups of people, organisations, forces and states. A parse offers many other
nouns in the subject or object slot of an event verb: the place taken ('entered the western districts'),
a time, a count ('dozens'), the event itself ('an overnight attempt'), a quoted person. `actor_head`
refuses those, looks through counts and collectives to the people counted ('columns of fighters from X'),
and resolves a possessive pronoun to the group it stands for ('the army said its units withdrew').
It also reads the clues that name a side the sentence does not state outright: the group before an act
('coalition airstrikes'), before a planted weapon ('a Taliban-planted mine'), and the marks of a gang killing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..doc import sentences_from
from .lexicon import ARMED_NOUNS, TERRITORY_OBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Places a side holds or takes, never a side (installations stand for their holders: see actors).
PLACE_NOUNS = TERRITORY_OBJECTS - {"base", "checkpoint", "post", "position", "outpost", "control"} | {
    "outskirts", "countryside", "street", "quarter", "centre", "center", "edge", "front", "enclave", "country",
    "neighbourhoods", "part", "side", "bank", "coast", "north", "south", "east", "west", "zone", "location"}
TIME_NOUNS = {"day", "night", "week", "month", "year", "hour", "morning", "evening", "afternoon", "time",
              "weekend", "period", "overnight"}
# Events and acts: what a side did, never the side ('an overnight attempt', 'the strikes hit ...').
EVENT_NOUNS = {"attack", "attempt", "strike", "airstrike", "offensive", "assault", "operation", "raid", "fighting",
               "clash", "battle", "advance", "bombardment", "shelling", "fire", "violence", "incident", "war",
               "push", "counterattack", "counter-attack", "ambush", "explosion", "blast", "sortie", "campaign"}
# Things hit or used ('struck weapons systems', 'hit a bridge'): their holder, if named, is the actor.
THING_NOUNS = {"system", "weapon", "launcher", "depot", "facility", "infrastructure", "bridge", "target",
               "warehouse", "stockpile", "equipment", "livestock", "cattle", "property", "crop",
               "aim", "plan", "goal", "purpose", "intention"}
# Counts and collectives: the people counted are the actor ('dozens of militants', 'columns of fighters').
COUNT_NOUNS = {"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "score", "scores", "number",
               "many", "some", "several", "few", "most", "all", "both", "others", "column", "wave", "convoy",
               "group", "band", "contingent", "handful", "majority", "rest", "remnant", "one", "two", "three"}
# Entity types that never name an actor.
# (A PERSON entity may be a group's name the tagger did not know: `named_person` decides.)
NON_ACTOR_ENTITIES = {"LOC", "FAC", "DATE", "TIME", "CARDINAL", "QUANTITY", "PERCENT", "MONEY", "ORDINAL",
                      "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"}
POSSESSIVE_PRONOUNS = {"its", "their", "his", "her", "our"}
PERSONAL_PRONOUNS = {"it", "they", "them", "he", "she", "we"}


def actor_head(tok: Token) -> Token | None:
    """The word that names the actor `tok` stands for, or None when `tok` names none."""
    lemma = tok.lemma_.lower()
    if lemma in COUNT_NOUNS or tok.lower_ in COUNT_NOUNS or tok.pos_ == "NUM":
        counted = _counted_people(tok)
        if counted is not None:
            return actor_head(counted)
        return tok if lemma == "group" or lemma == "convoy" else None  # 'a group' alone is still a group
    if tok.lower_ in PERSONAL_PRONOUNS:
        return _antecedent(tok)
    if tok.ent_type_ in NON_ACTOR_ENTITIES or tok.pos_ in ("PRON", "NUM", "ADV") or named_person(tok):
        return None
    if tok.ent_type_ == "GPE" and tok.dep_ not in ("nsubj", "pobj", "conj", "compound") or lemma in PLACE_NOUNS:
        return None  # a place entered or taken; a state acting ('Russia brokered', 'by Russia') stays
    if tok.ent_type_ == "GPE" and tok.dep_ == "pobj" and tok.head.lower_ != "by":
        return None  # 'entered into Hama', 'fighting in the north'
    if lemma in EVENT_NOUNS:  # 'an attempt by militia fighters' stands for the fighters
        agent = _by_agent(tok) or doer_modifier(tok)
        return actor_head(agent) if agent is not None else None
    if lemma in TIME_NOUNS or lemma in THING_NOUNS:
        return None
    group = _group_of_members(tok) or _leader(tok)
    if group is not None:  # 'fighters from X', 'militants of X': the group they belong to
        return group
    if any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in tok.children) and lemma in ARMED_NOUNS:
        owner = _antecedent(tok)  # 'its units' -> the army the sentence named
        return owner if owner is not None else None
    return tok


MEMBER_LEMMAS = {"fighter", "militant", "member", "gunman", "insurgent", "supporter", "militiaman", "jihadist"}


def _group_of_members(tok: Token) -> Token | None:
    if tok.lemma_.lower() not in MEMBER_LEMMAS:
        return None
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "of")):
        pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if pobj is not None and pobj.ent_type_ in ("ORG", "NORP") and pobj.pos_ == "PROPN":
            return pobj
    return None


def _leader(tok: Token) -> Token | None:
    """'insurgents led by X': a named group X leads is the side ACLED names."""
    for acl in (c for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in ("lead", "head", "command")):
        agent = _by_agent(acl) or next((g for c in acl.children if c.dep_ == "agent" for g in c.children
                                        if g.dep_ == "pobj"), None)
        if agent is not None and agent.ent_type_ == "ORG" and agent.pos_ == "PROPN":
            return agent
    return None


# Nouns that, modifying an act, name who did it ('coalition airstrikes', 'army shelling').
DOER_MODIFIERS = ARMED_NOUNS - {"checkpoint", "post", "base", "convoy", "position", "outpost", "barrack",
                                "frontline", "front", "line", "trench"} | {"coalition"}


def doer_modifier(tok: Token) -> Token | None:
    """'Saudi-led coalition airstrikes', 'a Taliban attack': the group a compound before an act names."""
    for c in tok.lefts:
        if c.dep_ not in ("compound", "nmod"):
            continue
        if c.lemma_.lower() in DOER_MODIFIERS or c.pos_ == "PROPN" and c.ent_type_ in ("ORG", "NORP"):
            return c
    return None


def _by_agent(tok: Token) -> Token | None:
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"):
        return next((g for g in prep.children if g.dep_ == "pobj"), None)
    return None


def _counted_people(tok: Token) -> Token | None:
    """'dozens of militants', 'columns of fighters': the people after 'of'."""
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if pobj is not None:
            return pobj
    return None


def _antecedent(tok: Token) -> Token | None:
    """The named group a pronoun or 'its X' stands for: the subject of a clause it is reported in ('the army
    said its units ...'), else the nearest armed or organisation noun before it in the sentence."""
    for anc in tok.ancestors:
        subj = next((c for c in anc.children if c.dep_ == "nsubj" and c.i != tok.i and c.lower_ not in
                     PERSONAL_PRONOUNS and c not in tok.subtree), None)
        if subj is not None and _names_group(subj):
            return subj
    before = [t for t in tok.sent if t.i < tok.i and _names_group(t) and t.dep_ != "compound"]
    return before[-1] if before else None


def _names_group(tok: Token) -> bool:
    return tok.lemma_.lower() in ARMED_NOUNS or tok.ent_type_ in ("ORG", "NORP") and tok.pos_ in ("PROPN", "NOUN")


# Roles that make a named person a witness or a source ('Ahmad, a shopkeeper, said').
PERSON_ROLES = {"resident", "witness", "spokesman", "spokeswoman", "spokesperson", "reporter", "correspondent",
                "journalist", "shopkeeper", "farmer", "father", "mother", "teacher", "doctor", "student", "driver",
                "worker", "official", "analyst", "researcher", "director", "editor", "writer", "man", "woman"}
SOURCE_VERBS = {"say", "tell", "report", "add", "recall", "describe", "explain", "write"}


def named_person(tok: Token) -> bool:
    """A person's name that tells no party: a byline ('By Jane Roe'), a quoted source ('..., Jane Roe said'),
    or a name with a civilian role beside it ('Jane Roe, a resident'). Other PERSON entities may be a group's
    name the tagger did not know ('a firefight between Dawlah Islamiyah and the army') and stay."""
    if tok.ent_type_ != "PERSON":
        return False
    if tok.dep_ == "pobj" and tok.head.text == "By":
        return True
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in SOURCE_VERBS:
        return True
    near = [*tok.children, tok.head] if tok.dep_ == "appos" else list(tok.children)
    return any(t.lemma_.lower() in PERSON_ROLES for t in near if t.dep_ in ("appos", "compound") or t is tok.head)


# Marks of organised crime around a killing by unknown people: a drive-by shooting, a body bound,
# beheaded or dismembered, a victim tied to the drug trade or a gang ('hallmarks of a gang killing').
GANG_MARKS = {"drive", "behead", "dismember", "mutilate", "cartel", "gang", "criminal", "trafficking",
              "trafficker", "narco", "hitman", "drug"}
BOUND_WORDS = {"tie", "tied", "bind", "bound", "handcuff", "handcuffed"}
# How many sentences after the event's own may still describe it (a note's 'The victim had ...').
GANG_WINDOW = 2


def gang_style(sent: Span) -> bool:
    """Whether the event's sentence or the next ones tell a gang-style killing (`GANG_MARKS`)."""
    for s in sentences_from(sent, GANG_WINDOW):
        for tok in s:
            lemma = tok.lemma_.lower()
            if lemma in GANG_MARKS and not (lemma == "drive" and not drive_by_word(tok)) or lemma in BOUND_WORDS \
                    or tok.lower_ in BOUND_WORDS:
                return True
    return False


def drive_by_word(tok: Token) -> bool:
    """'drive-by' (a shooting from a passing vehicle), not 'drive' alone."""
    nxt = tok.doc[tok.i + 1:tok.i + 3]
    return len(nxt) == 2 and nxt[0].text == "-" and nxt[1].lower_ == "by" or tok.lower_.startswith("drive-by")


# Verbs in '<group>-planted bomb', '<group>-fired rocket': the group did it.
DOER_PARTICIPLES = {"plant", "lay", "place", "fire", "launch", "operate", "detonate"}


def planted_by(sent: Span) -> Token | None:
    """'a Taliban-planted roadside bomb': the group before a hyphenated participle of planting or firing."""
    for tok in sent:
        if tok.lemma_.lower() in DOER_PARTICIPLES and tok.dep_ == "amod" and tok.i > 1 \
                and tok.doc[tok.i - 1].text == "-":
            doer = tok.doc[tok.i - 2]
            if doer.pos_ == "PROPN" or doer.ent_type_ in ("ORG", "NORP"):
                return doer
    return None
