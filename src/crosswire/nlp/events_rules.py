"""The typing rules: one sentence's triggers -> ACLED event type and sub-type.

Rules run in order (`RULES`); the first that decides wins. Territory changes told by the main verb come
first, then weapons (explosions, disrupted weapons), protests and riots, violence (told apart by who
the targets are), strategic developments, and last the lexicon's own typing of a strong trigger.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import events_lexicon as lex
from .events_sides import (
    civilians_clash,
    mob_perpetrator,
    victims_armed,
    victims_armed_strict,
    victims_civilian,
)
from .events_territory import rule_territory, territory_typing
from .events_triggers import Trigger, Typing, find_triggers, is_main_verb, is_negligible, pick, typed

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


def type_sentence(sent: SpacySpan, lexicon: dict[tuple[str, ...], lex.TriggerEntry]) -> Typing | None:
    """The ACLED typing of a sentence's main event, or None when it tells no event."""
    triggers = [t for t in find_triggers(sent, lexicon) if not is_negligible(t)]
    if not triggers:
        return None
    strong = [t for t in triggers if not t.entry.weak]
    for rule in RULES:
        typing = rule(sent, triggers, strong)
        if typing is not None:
            return typing
    return None


def rule_weapons(sent: SpacySpan, triggers: list[Trigger], strong: list[Trigger]) -> Typing | None:
    """Explosions/Remote violence; defused or seized devices are Disrupted weapons use."""
    disrupt = pick(strong, "disrupt") or _seized_weapons(triggers)
    if disrupt is not None:
        return typed(disrupt, "Strategic developments", "Disrupted weapons use", "SEIZE", "weapons disrupted")
    classes = {t.cls for t in triggers}
    if "clash" in {t.cls for t in strong} and not ({"air", "suicide", "grenade"} & classes) \
            and not pick(strong, "shell", "ied"):
        return None
    for cls in ("chemical", "suicide", "grenade", "air"):
        trig = pick(strong, cls) or (pick(triggers, cls) if cls in ("suicide", "air") else None)
        if trig is not None and (cls != "suicide" or pick(triggers, "ied", "attack", "shell")):
            return typed(trig, reason=f"{cls} trigger")
    trig = pick(strong, "ied", "shell") or pick(triggers, "ied", "shell")
    if trig is not None and not pick(strong, "protest", "riot", "mob"):
        return typed(trig, reason="explosive trigger")
    return None


def _seized_weapons(triggers: list[Trigger]) -> Trigger | None:
    for trig in triggers:
        if trig.cls == "seize" or trig.entry.phrase in (("recover",), ("find",)):
            objs = [c for c in trig.head.children if c.dep_ in ("dobj", "nsubjpass")]
            if any(o.lemma_.lower() in lex.DISRUPT_OBJECTS for o in objs):
                return trig
    return None


def rule_protest(sent: SpacySpan, triggers: list[Trigger], strong: list[Trigger]) -> Typing | None:
    """Protests and Riots: peaceful, with intervention, excessive force, violent, mob."""
    mob = pick(strong, "mob")
    protest = pick(strong, "protest", "riot") or (pick(triggers, "protest") if not strong else None)
    if protest is None:
        return typed(mob, reason="mob trigger") if mob is not None else None
    lemmas = {t.lemma_.lower() for t in sent}
    if protest.cls == "riot" or _protesters_violent(sent, lemmas):
        return typed(protest, "Riots", "Violent demonstration", "PROTEST", "protesters used violence")
    if lemmas & lex.LETHAL_WORDS and lemmas & (lex.POLICE_NOUNS | lex.STATE_NOUNS) and _lethal_on_protest(sent):
        return typed(protest, "Protests", "Excessive force against protesters", "PROTEST", "lethal force")
    if lemmas & lex.INTERVENTION_WORDS and lemmas & (lex.POLICE_NOUNS | lex.STATE_NOUNS | {"authority"}):
        return typed(protest, "Protests", "Protest with intervention", "PROTEST", "police intervened")
    if mob is not None:
        return typed(mob, reason="mob trigger")
    return typed(protest, "Protests", "Peaceful protest", "PROTEST", "protest trigger")


def _protesters_violent(sent: SpacySpan, lemmas: set[str]) -> bool:
    """Whether the protest turned violent: stones, arson, vandalism, scuffles, a protest called violent."""
    return violent_protest_cues(list(sent))


def violent_protest_cues(tokens: list[Token]) -> bool:
    """Signs in these tokens that protesters used violence (ACLED's Violent demonstration): thrown stones or
    petrol bombs, burning tyres or objects, smashed or destroyed property, clashes or scuffles, 'violent'."""
    for tok in tokens:
        lemma = tok.lemma_.lower()
        if any(a.dep_ == "relcl" for a in tok.ancestors) or tok.dep_ == "relcl":
            continue  # about someone else: "a man who died in clashes"
        if lemma in lex.HARD_PROTEST_VIOLENCE or lemma == "rock" and tok.pos_ == "NOUN":
            return True
        if lemma in lex.SCUFFLE_WORDS and tok.pos_ in ("VERB", "NOUN"):
            return True
        if lemma in lex.DAMAGE_VERBS and tok.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in tok.children):
            return True
        if lemma in ("burn", "burning") and (tok.dep_ in ("amod", "compound") or tok.pos_ == "VERB"):
            return True
        if lemma in ("alight", "ablaze") or lemma == "fire" and any(a.lemma_ == "set" for a in
                                                                     list(tok.ancestors)[:2]):
            return True
        if lemma == "violent" and tok.head.lemma_.lower() in lex.PROTEST_NOUNS:
            return True
    return False


def _lethal_on_protest(sent: SpacySpan) -> bool:
    return any(t.lemma_.lower() in ("kill", "shoot", "die") for t in sent) or "live" in sent.text.lower()


def rule_violence(sent: SpacySpan, triggers: list[Trigger], strong: list[Trigger]) -> Typing | None:
    """Abduction, sexual violence, battles and attacks, told apart by who the targets are."""
    lethal = {t.lemma_.lower() for t in sent} & {"kill", "stab", "beat", "shoot", "dead", "murder"}
    main_clash = next((t for t in strong if t.cls == "clash" and is_main_verb(t.head)), None)
    for cls in ("abduct", "sexual"):
        trig = pick(strong, cls) or pick(triggers, cls)
        if trig is not None and main_clash is not None and not is_main_verb(trig.head):
            break  # "troops clashed with militants after they kidnapped a herder": the clash is the event
        if trig is not None and (trig.entry.weak is False or cls == "sexual") and not (cls == "abduct" and lethal):
            return typed(trig, reason=f"{cls} trigger")
    clash = pick(strong, "clash")
    if clash is not None and clash.head.lemma_.lower() == "clash" and civilians_clash(clash, sent):
        police = {t.lemma_.lower() for t in sent} & lex.POLICE_NOUNS
        sub = "Violent demonstration" if police else "Mob violence"
        return typed(clash, "Riots", sub, "PROTEST" if police else "ASSAULT", "unarmed sides clashed")
    attack = pick(strong, "attack") or pick(triggers, "attack")
    if clash is not None and (attack is None or not victims_civilian(attack, sent) or clash.head.i < attack.head.i):
        return typed(clash, reason="armed clash trigger")
    if attack is None:
        return None
    if mob_perpetrator(attack) and not victims_armed_strict(attack, sent):
        return typed(attack, "Riots", "Mob violence", "ASSAULT", "unorganised group attacked")
    if victims_civilian(attack, sent):
        return typed(attack, "Violence against civilians", "Attack", "ASSAULT", "civilian targets")
    if victims_armed(attack, sent):
        return typed(attack, "Battles", "Armed clash", "FIGHT", "armed targets")
    if not attack.entry.weak or lethal:
        return typed(attack, "Violence against civilians", "Attack", "ASSAULT", "targets not armed")
    return None


def rule_strategic(sent: SpacySpan, triggers: list[Trigger], strong: list[Trigger]) -> Typing | None:
    """Territory, arrests, agreements, property destruction, bases, transfers, group changes."""
    for trig in sorted(triggers, key=lambda t: (t.entry.weak, t.head.i)):
        taken = territory_typing(trig)
        if taken is not None:
            return taken
        if trig.cls in ("capture", "regain", "seize"):
            continue
        if trig.cls in ("arrest", "agree", "loot", "base", "withdraw", "change"):
            if trig.entry.weak and trig.cls in ("loot", "agree", "base", "withdraw", "change") and len(triggers) > 1:
                continue
            return typed(trig, reason=f"{trig.cls} trigger")
    return None


def rule_fallback(sent: SpacySpan, triggers: list[Trigger], strong: list[Trigger]) -> Typing | None:
    """A strong trigger that no rule above took: its own lexicon typing."""
    return typed(strong[0], reason="lexicon default") if strong else None


RULES = (rule_territory, rule_weapons, rule_protest, rule_violence, rule_strategic, rule_fallback)
