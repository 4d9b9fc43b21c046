"""People killed or hurt told without a number: 'a man was shot dead', 'the victim died at the hospital'.

Crime and conflict reports often name one victim instead of counting: 'a 3-year-old was shot in the
leg', 'his daughter died at the hospital', 'the fatal shooting of a teenager', 'the boy shot himself'.
Each such mention is a figure of 1; a report naming the same person twice still states 1, because a
document's count is read as its largest figure, never as a sum of mentions. People joined by 'and'
('a man and a woman were killed') are counted together. A negated or unreal verb ('was not hurt',
'threatened to kill a clerk') states nothing, and the subject of a verb with an object is the one who
acted ('a man shot his neighbour' counts the neighbour, not the man).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Figure
from .figures_headline import headline_victim
from .figures_typing import FATAL_ADVERBS, NOUN_KIND, PEOPLE_NOUNS, SHOT, VERB_KIND, group_of, kind_for

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Nouns for a death whose 'of' names the dead: 'the shooting death of his daughter'.
DEATH_NOUNS = {"death", "killing", "murder", "slaying", "homicide"}
REFLEXIVES = {"himself", "herself", "themselves", "self", "themself"}
SINGULAR_DETS = {"a", "an", "one", "the", "this", "that", "another"}
UNREAL_AUX = {"could", "would", "might", "may", "should", "must", "to", "ca", "can", "will"}
# "A man shot at police" / "fired into a crowd": the subject fired, nobody is said to be hit.
AIMED_PREPS = {"at", "into", "toward", "towards", "through"}
INJURED_OBJECTS = {"wound", "injury"}


def singular_victims(doc: Doc, taken: list[Figure]) -> list[Figure]:
    """A figure of 1 (or of the people joined by 'and') for each person told killed, hurt or shot."""
    counted = {(f.start, f.end) for f in taken}
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
        if any(s <= start < e for s, e in counted):
            continue
        out.append(Figure(start=start, end=end, text=doc.text[start:end], value=1, low=1, high=1,
                          kind=kind, group=group_of(tok, dets[0]) if dets and tok.pos_ == "NOUN" else None))
    headline = headline_victim(doc.text)
    if headline is not None and not any(f.start < headline.end and headline.start < f.end for f in taken + out):
        out.append(headline)  # title case defeats the parse: 'Teen Shot In Duquesne'
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
    if lemma in ("suffer", "sustain", "receive"):
        return _wound_kind(objects[0]) if objects and objects[0].lemma_.lower() in INJURED_OBJECTS else None
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


def _wound_kind(obj: Token) -> str:
    """'suffered a fatal wound' = killed; 'suffered minor injuries' = injured; a bare wound = shot."""
    words = {t.lower_ for t in obj.subtree}
    if words & {"fatal", "deadly", "mortal"}:
        return "killed"
    if words & {"minor", "non", "critical", "serious", "stable", "superficial", "graze"}:
        return "injured"
    return SHOT


def _unreal(verb: Token) -> bool:
    """A negated, modal or infinitive verb: 'was not hurt', 'could have killed', 'threatened to shoot'."""
    return any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in UNREAL_AUX) for c in verb.children) \
        or verb.dep_ in ("xcomp",)


def add_self_killings(figures: list[Figure], doc: Doc) -> list[Figure]:
    """A killer who then killed himself adds one death to the people he killed, told in the same sentence:
    'the gunman killed two people before killing himself' = 3 dead (2 + 1). The sum is added as a total
    with the victims and the killer as its parts; a count that already includes him ('four dead, including
    the gunman, who killed himself') is not the object of his killing and gets nothing added."""
    added: list[tuple[Figure, list[Figure]]] = []
    for killer in figures:
        if killer.kind != "killed" or killer.part_of is not None or killer.text.lower() not in REFLEXIVES:
            continue
        sent_start = doc.char_span(killer.start, killer.end, alignment_mode="expand").sent.start_char
        victims = [f for f in figures if f.kind == "killed" and f.part_of is None and f.value is not None
                   and sent_start <= f.start < killer.start and f.text.lower() not in REFLEXIVES
                   and _is_killed_object(doc, f)]
        if victims:
            victim = max(victims, key=lambda f: f.value or 0)
            added.append((_total_of(doc, [victim, killer]), [victim, killer]))
    return insert_totals(figures, added)


def self_killers(doc: Doc) -> list[Figure]:
    """One death for each killer told to have killed himself ('before killing himself', 'shot his wife,
    then himself'): GVA and ACLED both count the perpetrator among the dead."""
    return [Figure(start=tok.idx, end=tok.idx + len(tok), text=tok.text, value=1, low=1, high=1, kind="killed")
            for tok in doc if tok.lower_ in REFLEXIVES and _kills_self(tok)]


def add_joined_totals(figures: list[Figure], doc: Doc) -> list[Figure]:
    """People joined by 'and' or commas under one verb are counted together: 'a man and a woman were
    killed' = 2, 'killed his wife and four daughters' = 5, 'killed his son, his daughter and himself' = 3.
    A member whose number is not told ('his wife and children') leaves the sum unstated."""
    by_noun = {}
    for fig in figures:
        noun = _counted_token(doc, fig)
        if noun is not None:
            by_noun[noun.i] = fig
    added: list[tuple[Figure, list[Figure]]] = []
    for fig in figures:
        noun = _counted_token(doc, fig)
        if fig.part_of is not None or fig.kind not in ("killed", "injured") or noun is None or noun.dep_ == "conj":
            continue
        members = [t for t in noun.subtree if t.dep_ == "conj" and _in_chain(t, noun)
                   and "\n" not in doc.text[noun.idx:t.idx]  # a repeated headline is not a list
                   and not any(w.pos_ in ("VERB", "AUX") for w in doc[noun.i + 1:t.i])]  # nor two clauses
        if not members:
            continue
        parts, extra = [fig], 0
        for member in members:
            if member.pos_ == "NUM" or member.like_num:
                break  # "8 killed, 5 from one clan and 3 from the other": a breakdown, not more people
            if member.i in by_noun and by_noun[member.i].value is not None:
                parts.append(by_noun[member.i])
            elif member.lower_ in REFLEXIVES or is_one_person(member):
                extra += 1
            else:
                break
        else:
            total = _total_of(doc, parts, extra=extra, end=members[-1].idx + len(members[-1]))
            added.append((total, [p for p in parts if p.kind in (fig.kind, "other")]))
    return insert_totals(figures, added)


def _in_chain(tok: Token, first: Token) -> bool:
    """Whether `tok` is joined to `first` through conj links only."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
        if tok.i == first.i:
            return True
    return False


def _counted_token(doc: Doc, fig: Figure) -> Token | None:
    """The noun a figure counts: 'people' in 'two people', 'wife' in 'his wife'."""
    span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    while tok.dep_ in ("nummod", "quantmod", "det") and tok.head.i != tok.i and tok.head.i > tok.i:
        tok = tok.head
    return tok


def _total_of(doc: Doc, parts: list[Figure], extra: int = 0, end: int | None = None) -> Figure:
    """The sum of `parts` (plus `extra` people told without a figure) as one figure spanning them."""
    first = parts[0]
    end = max([f.end for f in parts] + ([end] if end is not None else []))
    value = sum(f.value or 0 for f in parts) + extra
    low = sum(f.low if f.low is not None else f.value or 0 for f in parts) + extra
    high = None if any(f.high is None for f in parts) else sum(f.high or 0 for f in parts) + extra
    return Figure(start=first.start, end=end, text=doc.text[first.start:end], value=value, low=low, high=high,
                  kind=first.kind, qualifier=first.qualifier, attributed_to=first.attributed_to,
                  time=first.time, place=first.place)


def insert_totals(figures: list[Figure], added: list[tuple[Figure, list[Figure]]]) -> list[Figure]:
    """`figures` with each new total placed before its parts, parts pointing at it, indices kept right."""
    if not added:
        return figures
    owner = {id(f): figures[f.part_of] for f in figures if f.part_of is not None}
    new = []
    for total, parts in added:
        for part in parts:
            owner[id(part)] = total
        new.append(total)
        new.extend(p for p in parts if all(p is not f for f in figures) and all(p is not f for f in new))
    merged = sorted(figures + new, key=lambda f: (f.start, -f.end))
    index = {id(f): i for i, f in enumerate(merged)}
    for fig in merged:
        fig.part_of = index[id(owner[id(fig)])] if id(fig) in owner else None
    return merged


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


def _is_killed_object(doc: Doc, fig: Figure) -> bool:
    """Whether a killed figure counts the object of a killing ('killed two people', 'killed his wife')."""
    span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    while tok.dep_ in ("nummod", "quantmod", "det") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "dobj" or (tok.dep_ in ("conj", "appos") and tok.head.dep_ == "dobj")
