"""People killed or hurt told without a number: 'a man was shot dead', 'the victim died at the hospital'.

Crime and conflict reports often name one victim instead of counting: 'a 3-year-old was shot in the
leg', 'his daughter died at the hospital', 'the fatal shooting of a teenager', 'the boy shot himself'.
Each such mention is a figure of 1; a report naming the same person twice still states 1, because a
document's count is read as its largest figure, never as a sum of mentions (people joined by 'and' are
summed in `totals`). A negated or unreal verb ('was not hurt', 'threatened to kill a clerk')
states nothing, and the subject of a verb with an object is the one who acted ('a man shot his
neighbour' counts the neighbour, not the man). A killer who killed himself is one death.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...model import Figure
from ...positions import SpanSet
from ..doc import doc_text
from .headline import headline_victims
from .typing import (
    FATAL_ADVERBS,
    NOUN_KIND,
    PEOPLE_NOUNS,
    SHOT,
    VERB_KIND,
    WOUND_VERBS,
    group_of,
    kind_for,
    wound_object_kind,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Nouns for a death whose 'of' names the dead: 'the shooting death of his daughter'.
DEATH_NOUNS = {"death", "killing", "murder", "slaying", "homicide"}
REFLEXIVES = {"himself", "herself", "themselves", "self", "themself"}
SINGULAR_DETS = {"a", "an", "one", "the", "this", "that", "another"}
UNREAL_AUX = {"could", "would", "might", "may", "should", "must", "to", "ca", "can", "will"}
# "A man shot at police" / "fired into a crowd": the subject fired, nobody is said to be hit.
AIMED_PREPS = {"at", "into", "toward", "towards", "through"}


def singular_victims(doc: Doc, taken: list[Figure]) -> list[Figure]:
    """A figure of 1 for each person told killed, hurt or shot, and for each killer who killed himself."""
    counted = SpanSet({(f.start, f.end) for f in taken})
    out = []
    for tok in doc:
        if not is_one_person(tok):
            continue
        kind = victim_kind(tok)
        if kind not in ("killed", "injured", SHOT):
            continue
        dets = [c for c in tok.children if c.dep_ in ("det", "nummod", "poss") and c.i < tok.i]
        start = min([d.idx for d in dets] + [_phrase_start(tok).idx])
        end = tok.idx + len(tok)
        if counted.overlaps(start, start + 1):  # the phrase starts inside a figure already read
            continue
        out.append(Figure(start=start, end=end, text=doc_text(doc)[start:end], value=1, low=1, high=1,
                          kind=kind, group=group_of(tok, dets[0]) if dets and tok.pos_ == "NOUN" else None))
    occupied = SpanSet(taken + out)
    for headline in headline_victims(doc_text(doc)):  # title case defeats the parse: 'Teen Shot In Duquesne'
        if not occupied.overlaps(headline.start, headline.end):
            out.append(headline)
            occupied.add(headline.start, headline.end)
    return out + self_killers(doc)


def is_one_person(tok: Token) -> bool:
    """A singular mention of one person: 'a man', 'his daughter', 'Ana Ruiz', 'a 3-year-old'."""
    if _is_age_noun(tok):
        pass
    elif tok.tag_ not in ("NN", "NNP"):
        return False
    elif tok.ent_type_ == "PERSON":
        if tok.dep_ == "compound":
            return False  # "Ana" in "Ana Ruiz": the last name stands for the person
    elif tok.pos_ != "NOUN" or tok.lemma_.lower() not in PEOPLE_NOUNS:
        return False
    if tok.lemma_.lower() in NOUN_KIND:
        return False  # "a body", "the dead": a count of its own
    dets = [c for c in tok.children if c.dep_ in ("det", "nummod")]
    return all(d.lower_ in SINGULAR_DETS for d in dets)


def _is_age_noun(tok: Token) -> bool:
    """'a 3-year-old', where the parse leaves 'old' as the noun."""
    return tok.lower_ == "old" and tok.dep_ != "amod" and any(c.lemma_ == "year" for c in tok.children)


def _phrase_start(tok: Token) -> Token:
    """The first token of the person's modifiers ('2-year-old daughter' starts at '2')."""
    left = [t for t in tok.subtree if t.i < tok.i and t.dep_ in ("amod", "compound", "nummod", "npadvmod", "punct")]
    return min(left, key=lambda t: t.i) if left else tok


def victim_kind(tok: Token) -> str | None:
    """Whether the person was killed, injured or shot, from the verb or the death noun governing them."""
    head = tok.head
    if tok.dep_ == "conj":
        return None  # counted with the first of the people joined by 'and'
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in DEATH_NOUNS | {"shooting"}:
        return None if _told_as_cause(head.head) else _death_noun_kind(head.head)
    if tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "ROOT") or _unreal(head):
        return None
    if tok.dep_ == "nsubj" and head.pos_ == "VERB":
        return _subject_kind(head)
    if tok.dep_ == "ROOT":
        return None
    return kind_for(tok, tok)


# Words that make a death the cause or the background of what is reported: 'protests over the killing of',
# 'clashes in the wake of the murder of', 'in retaliation for the death of'.
CAUSE_WORDS = {"over", "following", "wake", "retaliation", "revenge", "reprisal", "protest", "protesting",
               "condemn", "condemning", "against", "mourn", "mourning", "anniversary", "avenge"}


def _told_as_cause(noun: Token) -> bool:
    """Whether a death noun is the cause or background of another event, not the event itself."""
    tok = noun
    for _ in range(4):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.lower_ in CAUSE_WORDS or tok.lemma_.lower() in CAUSE_WORDS:
            return True
        if tok.pos_ == "VERB" and tok.lemma_.lower() not in CAUSE_WORDS:
            return False
    return False


def _death_noun_kind(noun: Token) -> str:
    """'the death of', 'the fatal shooting of' = killed; 'the shooting of' = shot."""
    if noun.lemma_.lower() in DEATH_NOUNS or any(c.lower_ in ("fatal", "deadly") for c in noun.children):
        return "killed"
    return SHOT


def _subject_kind(verb: Token) -> str | None:
    """The subject of an active verb is the victim only when the verb takes no one else as its object:
    'the boy shot himself', 'a teen died', 'toddler shot in head' (a headline), 'a woman suffered a wound'."""
    lemma = verb.lemma_.lower()
    objects = [c for v in [verb, *(c for c in verb.children if c.dep_ == "conj")] for c in v.children
               if c.dep_ == "dobj"]  # "X shot and killed his wife": X is the one who acted
    passive = any(c.dep_ == "auxpass" or c.lemma_ == "get" for c in verb.children)
    if lemma in WOUND_VERBS:
        return wound_object_kind(verb)
    if lemma == "pass" and any(c.dep_ in ("prt", "advmod") and c.lower_ == "away" for c in verb.children):
        return "killed"
    if objects and not any(o.lower_ in REFLEXIVES for o in objects) and not passive:
        return None
    if lemma == "shoot":
        if not objects and any(c.dep_ == "prep" and c.lower_ in AIMED_PREPS for c in verb.children):
            return None
        fatal = any(c.lower_ in FATAL_ADVERBS | {"dead"} for c in verb.children)
        return "killed" if fatal or _has_killed_conj(verb) else SHOT
    if lemma in ("die", "perish", "succumb"):
        return "killed"
    kind = VERB_KIND.get(lemma)
    if kind == "injured" and any(c.lower_ in FATAL_ADVERBS for c in verb.children):
        return "killed"
    return kind if kind in ("killed", "injured") else None


def _has_killed_conj(verb: Token) -> bool:
    return any(c.dep_ == "conj" and VERB_KIND.get(c.lemma_.lower()) == "killed" for c in verb.children)


def _unreal(verb: Token) -> bool:
    """A negated, modal or infinitive verb: 'was not hurt', 'could have killed', 'threatened to shoot'."""
    return any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in UNREAL_AUX) for c in verb.children) \
        or verb.dep_ in ("xcomp",)


def self_killers(doc: Doc) -> list[Figure]:
    """One death for each killer told to have killed himself ('before killing himself', 'shot his wife,
    then himself'): GVA and ACLED both count the perpetrator among the dead."""
    return [Figure(start=tok.idx, end=tok.idx + len(tok), text=tok.text, value=1, low=1, high=1, kind="killed")
            for tok in doc if tok.lower_ in REFLEXIVES and _kills_self(tok)]


def _kills_self(reflexive: Token) -> bool:
    """'killing himself', 'fatally shot himself', 'shoots his daughter, himself'; not 'wanted to kill himself'."""
    head = reflexive.head
    if reflexive.dep_ in ("appos", "conj") and head.dep_ == "dobj":
        head = head.head
    elif reflexive.dep_ not in ("dobj", "npadvmod"):
        return False
    if _unreal(head):
        return False
    lemma = head.lemma_.lower()
    if VERB_KIND.get(lemma) == "killed":
        return True
    return lemma in ("shoot", "wound") and (any(c.lower_ in FATAL_ADVERBS for c in head.children)
                                            or _has_killed_conj(head))
