"""Trigger words found in a sentence, and the typing decision a rule makes from them.

The trigger lexicon is matched on lemmas and word forms, longest phrase first; the helpers here
(`pick`, `typed`, `trigger_verb`, `subject_of`) are what every typing rule reads the parse with.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import lexicon as lex

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


@dataclass
class Trigger:
    """A lexicon entry found in a sentence, with its tokens."""

    entry: lex.TriggerEntry
    tokens: list[Token]

    @property
    def head(self) -> Token:
        return self.tokens[-1]

    @property
    def cls(self) -> str:
        return self.entry.cls


@dataclass
class Typing:
    """The decision for one sentence and the trigger that carried it."""

    event_type: str
    sub_event_type: str
    plover: str
    trigger: Trigger
    reasons: list[str] = field(default_factory=list)


def find_triggers(sent: SpacySpan, lexicon: dict[tuple[str, ...], lex.TriggerEntry]) -> list[Trigger]:
    """Lexicon entries in the sentence, longest match first, each token used once."""
    toks = list(sent)
    keys = [(t.lemma_.lower(), t.lower_) for t in toks]
    found: list[Trigger] = []
    i = 0
    while i < len(toks):
        for n in (4, 3, 2, 1):
            if i + n > len(toks):
                continue
            for variant in (0, 1):
                phrase = tuple(k[variant] for k in keys[i:i + n])
                if phrase in lexicon:
                    found.append(Trigger(lexicon[phrase], toks[i:i + n]))
                    i += n - 1
                    break
            else:
                continue
            break
        i += 1
    return found


# Restrictions told as a noun; they are an event only when declared, imposed or lifted.
RESTRICTION_NOUNS = {("lockdown",), ("curfew",), ("ban",), ("state", "of", "emergency")}
DECLARE_VERBS = {"impose", "declare", "announce", "order", "extend", "introduce", "institute", "lift", "issue",
                 "enact", "decree", "reimpose", "proclaim", "enforce"}


def is_negligible(trig: Trigger) -> bool:
    """Trigger words used in a sense that tells no event ('demand' as a noun after 'protest', 'mine' as 'my')."""
    tok = trig.head
    if trig.entry.phrase == ("mine",) and tok.pos_ == "PRON":
        return True
    if trig.entry.phrase in (("march",),) and tok.ent_type_ == "DATE":
        return True
    if tok.lemma_.lower() == "fire" and tok.dep_ == "pobj" and tok.head.lower_ == "of" \
            and tok.head.head.lemma_.lower() in ("line", "field", "arc"):
        return True  # 'a clear line of fire over the city': a vantage, not a shot fired
    if trig.entry.phrase in RESTRICTION_NOUNS and tok.pos_ == "NOUN" \
            and tok.head.lemma_.lower() not in DECLARE_VERBS:
        return True  # 'during the lockdown', 'violating the curfew': the setting, not a new restriction
    if trig.entry.phrase == ("join",):  # 'joined the rebels', not 'joined the march' or 'joined hands'
        return not any(c.dep_ == "dobj" and (c.ent_type_ in ("ORG", "NORP") or c.lemma_.lower() in lex.ARMED_NOUNS
                                             | {"rank"}) for c in tok.children)
    if trig.entry.phrase in VERB_ONLY and trig.tokens[0].pos_ in ("NOUN", "PROPN", "NUM"):
        return True  # 'stole 500 pounds': the currency, not a bombardment
    if trig.entry.phrase[0] == "block":  # residents blocking a road protest; police or a landslide do not
        subj = subject_of(trig.tokens[0])
        blockers = lex.CIVILIAN_GROUP_WORDS | lex.MOB_NOUNS | ROAD_BLOCKERS  # 'hundreds of traders' counts too
        if subj is None:  # a parse without a subject: an active verb still tells someone blocked it
            return any(c.dep_ == "auxpass" for c in trig.tokens[0].children)
        return not any(t.lemma_.lower() in blockers for t in subj.subtree)
    return trig.entry.phrase in (("release",), ("establish",), ("set", "up")) and tok.pos_ not in ("VERB", "NOUN")


# Who blocks roads in protest, besides civilian groups and crowds (an official blocking a road does not protest).
ROAD_BLOCKERS = {"driver", "motorist", "taxi", "activist", "inhabitant", "citizen", "teacher", "nurse", "miner",
                 "woman", "man", "trucker", "transporter", "demonstrator", "protester", "protestor"}
# Triggers that tell an event only as verbs ('rebels pounded the base', not 'ten pounds'); a quoted verb may be
# tagged as an adjective, so only noun readings are passed over.
VERB_ONLY = {("pound",), ("occupy",), ("smash",)}


def pick(triggers: list[Trigger], *classes: str) -> Trigger | None:
    """The first trigger of the given classes, strong ones before weak ones."""
    ranked = sorted(triggers, key=lambda t: (t.entry.weak, t.head.i))
    return next((t for t in ranked if t.cls in classes), None)


def typed(trig: Trigger, event_type: str | None = None, sub: str | None = None, plover: str | None = None,
           reason: str = "") -> Typing:
    e = trig.entry
    return Typing(event_type or e.event_type, sub or e.sub_event_type, plover or e.plover, trig, [reason])


def trigger_verb(trig: Trigger) -> Token:
    """The verb of a trigger phrase ('took' in 'took control'), else its head word."""
    return next((t for t in trig.tokens if t.pos_ in ("VERB", "AUX")), trig.head)


def subject_of(head: Token) -> Token | None:
    subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subj is None and head.dep_ in ("conj", "xcomp", "advcl") and head.head.i != head.i:
        return subject_of(head.head)  # "troops withdrew and redeployed", "forced to withdraw"
    if subj is not None and subj.lower_ in ("it", "they", "he", "she", "we"):
        for anc in head.ancestors:
            outer = next((c for c in anc.children if c.dep_ == "nsubj"), None)
            if outer is not None and outer.lower_ not in ("it", "they", "he", "she", "we"):
                return outer
    return subj


def is_main_verb(tok: Token) -> bool:
    """The sentence's main verb, or a verb coordinated with it ('chased and clashed with')."""
    return tok.dep_ == "ROOT" or tok.dep_ == "conj" and tok.head.dep_ == "ROOT"
