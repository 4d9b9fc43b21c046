"""The typing rules: one sentence's triggers -> ACLED event type and sub-type.

Rules run in order (`RULES`); the first that decides wins. Territory changes told by the main verb come
first, then weapons (explosions, disrupted weapons), protests and riots, violence (told apart by who
the targets are), strategic developments, and last the lexicon's own typing of a strong trigger.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import lexicon as lex
from .news import AIR_WORDS, fought_over, is_armed_strike, strike_from_air, toll_of_fighting
from .protest import rule_protest
from .sides import (
    civilians_clash,
    mob_perpetrator,
    victims_armed,
    victims_armed_strict,
    victims_civilian,
)
from .territory import rule_territory, territory_typing
from .triggers import (
    Trigger,
    Typing,
    find_triggers,
    is_main_verb,
    is_negligible,
    pick,
    subject_of,
    typed,
)
from .weak import rule_weak
from .weapons import rule_weapons

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


def type_sentence(sent: SpacySpan, lexicon: dict[tuple[str, ...], lex.TriggerEntry]) -> Typing | None:
    """The ACLED typing of a sentence's main event, or None when it tells no event."""
    triggers = [armed_strike_sense(t, sent) for t in find_triggers(sent, lexicon) if not is_negligible(t)]
    if not triggers:
        return None
    strong = [t for t in triggers if not t.entry.weak]
    for rule in RULES:
        typing = rule(sent, triggers, strong)
        if typing is not None:
            return typing
    return None


def armed_strike_sense(trig: Trigger, sent: SpacySpan) -> Trigger:
    """'strike' told of forces or aircraft ('troops struck rocket launchers') is an attack from afar, typed as
    an air strike unless only missiles or shells are named; a labour strike keeps its protest entry. A
    'raid' in a sentence that names aircraft ('warplanes carried out raids') is an air strike too."""
    if trig.entry.phrase == ("raid",) and {t.lemma_.lower() for t in sent} & AIR_WORDS:
        return Trigger(lex.TriggerEntry(trig.entry.phrase, "air", "Explosions/Remote violence", "Air/drone strike",
                                        "ASSAULT"), trig.tokens)
    if not is_armed_strike(trig):
        return trig
    if strike_from_air(sent):
        entry = lex.TriggerEntry(trig.entry.phrase, "air", "Explosions/Remote violence", "Air/drone strike", "ASSAULT")
    else:
        entry = lex.TriggerEntry(trig.entry.phrase, "shell", "Explosions/Remote violence",
                                 "Shelling/artillery/missile attack", "ASSAULT")
    return Trigger(entry, trig.tokens)


def rule_violence(sent: SpacySpan, triggers: list[Trigger], strong: list[Trigger]) -> Typing | None:
    """Abduction, sexual violence, battles and attacks, told apart by who the targets are."""
    lethal = {t.lemma_.lower() for t in sent} & {"kill", "stab", "beat", "shoot", "dead", "murder"}
    main_clash = next((t for t in strong if t.cls == "clash" and is_main_verb(t.head)), None)
    for cls in ("abduct", "sexual"):
        trig = pick(strong, cls) or pick(triggers, cls)
        if trig is not None and main_clash is not None and not is_main_verb(trig.head):
            break  # "troops clashed with militants after they kidnapped a herder": the clash is the event
        if trig is not None and (trig.entry.weak is False or cls == "sexual") and not (cls == "abduct" and lethal):
            if cls == "abduct" and victims_armed_strict(trig, sent):
                return typed(trig, "Battles", "Armed clash", "FIGHT", "armed men abducted")
            return typed(trig, reason=f"{cls} trigger")
    clash = pick(strong, "clash")
    brawl = clash or _main_fight(triggers)
    if brawl is not None and brawl.head.lemma_.lower() in ("clash", "fight", "brawl") and civilians_clash(brawl, sent):
        clash = brawl
        if {t.lemma_.lower() for t in sent} & DEMONSTRATION_WORDS:
            return typed(clash, "Riots", "Violent demonstration", "PROTEST", "demonstrators clashed")
        return typed(clash, "Riots", "Mob violence", "ASSAULT", "unarmed sides clashed")
    if clash is None and brawl is not None and _armed_sides(brawl):
        clash = brawl  # 'the militia is fighting government troops'
    attack = pick(strong, "attack") or pick(triggers, "attack")
    if clash is not None and (attack is None or not victims_civilian(attack, sent) or clash.head.i < attack.head.i):
        return typed(clash, reason="armed clash trigger")
    fight = clash or pick(triggers, "clash")
    if fight is not None and attack is not None and toll_of_fighting(fight, attack):
        return typed(fight, "Battles", "Armed clash", "FIGHT", "toll of the fighting")
    if attack is not None and fought_over(attack, sent) and not victims_civilian(attack, sent):
        return typed(attack, "Battles", "Armed clash", "FIGHT", "attack on a side's ground, fighting told")
    if attack is None:
        return None
    if attack.head.lemma_.lower() in EXECUTION_VERBS and clash is None:
        return typed(attack, "Violence against civilians", "Attack", "ASSAULT", "captives executed")
    if mob_perpetrator(attack):
        return typed(attack, "Riots", "Mob violence", "ASSAULT", "unorganised group attacked")
    if victims_armed_strict(attack, sent):  # an attack on a post kills a passer-by too: still a battle
        return typed(attack, "Battles", "Armed clash", "FIGHT", "armed targets")
    if victims_civilian(attack, sent):
        return typed(attack, "Violence against civilians", "Attack", "ASSAULT", "civilian targets")
    if victims_armed(attack, sent):
        return typed(attack, "Battles", "Armed clash", "FIGHT", "armed targets")
    if not attack.entry.weak or lethal:
        return typed(attack, "Violence against civilians", "Attack", "ASSAULT", "targets not armed")
    return None


# Killing people held captive: ACLED codes it as violence against civilians even when they are soldiers.
EXECUTION_VERBS = {"execute", "behead"}


def _main_fight(triggers: list[Trigger]) -> Trigger | None:
    """'fight' as the sentence's own event ('supporters fought one another', 'a fight broke out between
    ...'): weak on its own, it tells a brawl when unarmed sides are told fighting."""
    for trig in triggers:
        head = trig.head
        if trig.cls == "clash" and head.lemma_.lower() == "fight" and (
                is_main_verb(head) or head.dep_ == "nsubj" and is_main_verb(head.head)):
            return trig
    return None


def _armed_sides(fight: Trigger) -> bool:
    """Whether both who fights and whom it fights are armed ('rebels fought soldiers', 'the militia fought
    with troops'); 'fighting corruption' or 'fighting the virus' is no battle."""
    head = fight.head
    subj = subject_of(head)
    others = [c for c in head.children if c.dep_ == "dobj"]
    others += [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("with", "against") for g in c.children
               if g.dep_ == "pobj"]

    def armed(tok: Token | None) -> bool:
        return tok is not None and any(t.lemma_.lower() in lex.ARMED_NOUNS for t in tok.subtree)

    return armed(subj) and any(armed(o) for o in others)


def rule_strategic(sent: SpacySpan, triggers: list[Trigger], strong: list[Trigger]) -> Typing | None:
    """Territory, arrests, agreements, property destruction, bases, transfers, group changes."""
    for trig in sorted(triggers, key=lambda t: (t.entry.weak, t.head.i)):
        taken = territory_typing(trig)
        if taken is not None:
            return taken
        if trig.cls in ("capture", "regain"):
            continue
        if trig.cls == "seize":  # not a place, not weapons: goods, vehicles, livestock, drugs
            return typed(trig, "Strategic developments", "Looting/property destruction", "SEIZE", "goods seized")
        if trig.cls in ("arrest", "agree", "loot", "base", "withdraw", "change", "other"):
            if trig.entry.weak and trig.cls != "arrest" and _other_kind_told(trig, triggers):
                continue
            if trig.cls == "loot":
                return _destruction_typing(trig, sent)
            return typed(trig, reason=f"{trig.cls} trigger")
    return None


def _other_kind_told(trig: Trigger, triggers: list[Trigger]) -> bool:
    """Whether the sentence has a trigger of another class (a weak finder like 'found' does not count: it
    tells an event only with a weapon as its object)."""
    return any(t is not trig and t.cls != trig.cls and not (t.entry.weak and t.cls == "disrupt") for t in triggers)


# Words that make a riot a demonstration: a grievance told, a road blocked with burning tyres.
DEMONSTRATION_WORDS = {"protest", "demonstration", "demonstrate", "demand", "denounce", "agitate", "reject",
                       "tyre", "tire", "barricade", "grievance", "protester", "demonstrator"}


def _destruction_typing(trig: Trigger, sent: SpacySpan) -> Typing:
    """Property destroyed or looted: by a crowd of civilians it is a riot (a demonstration when a grievance
    or a burning-tyre roadblock is told), else a strategic development."""
    lemmas = {t.lemma_.lower() for t in sent}
    if lemmas & {"tyre", "tire", "barricade"} or mob_perpetrator(trig) and lemmas & DEMONSTRATION_WORDS:
        return typed(trig, "Riots", "Violent demonstration", "PROTEST", "demonstrators destroyed property")
    if mob_perpetrator(trig):
        return typed(trig, "Riots", "Mob violence", "ASSAULT", "a crowd destroyed property")
    return typed(trig, reason="loot trigger")


def rule_fallback(sent: SpacySpan, triggers: list[Trigger], strong: list[Trigger]) -> Typing | None:
    """A strong trigger that no rule above took: its own lexicon typing."""
    return typed(strong[0], reason="lexicon default") if strong else None


# rule_weak comes last: it types only sentences whose weak triggers nothing above could read.
RULES = (rule_territory, rule_weapons, rule_protest, rule_violence, rule_strategic, rule_fallback, rule_weak)
