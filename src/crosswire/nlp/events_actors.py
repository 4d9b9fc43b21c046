"""Who did it and to whom: actor phrases read from the parse, named as ACLED names actors.

`find_actors` reads the trigger's subject or 'by X' agent and its object / 'against X' / 'between X and Y';
`acled_actor` turns a phrase into ACLED's naming ('Afghan soldiers' -> 'Military Forces of Afghanistan').
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .events_actor_checks import actor_head
from .events_lexicon import (
    ARMED_NOUNS,
    CIVILIAN_NOUNS,
    COUNTRY_ADJECTIVES,
    HARM_VERBS,
    POLICE_NOUNS,
    STATE_NOUNS,
)

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


def country_name(code: str | None) -> str | None:
    """ISO alpha-2 code -> ACLED-style country name."""
    if not code:
        return None
    import pycountry

    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        return None
    name = getattr(country, "common_name", None) or country.name
    return {"Congo, The Democratic Republic of the": "Democratic Republic of Congo",
            "Russian Federation": "Russia", "Iran, Islamic Republic of": "Iran",
            "Syrian Arab Republic": "Syria", "Palestine, State of": "Palestine",
            "Venezuela, Bolivarian Republic of": "Venezuela", "Türkiye": "Turkey"}.get(name, name)


GENERIC_ACTORS = (
    (STATE_NOUNS - POLICE_NOUNS - {"government"}, "Military Forces of {c}"),
    (POLICE_NOUNS, "Police Forces of {c}"),
    ({"protester", "protestor", "demonstrator", "marcher"}, "Protesters ({c})"),
    ({"rioter", "mob", "crowd"}, "Rioters ({c})"),
    ({"gunman", "assailant", "attacker", "unknown", "unidentified", "perpetrator"}, "Unidentified Armed Group ({c})"),
    ({"militant", "insurgent", "terrorist", "jihadist"}, "Unidentified Armed Group ({c})"),
    ({"gang", "cartel", "criminal"}, "Unidentified Gang ({c})"),
    (CIVILIAN_NOUNS - {"member", "leader", "official", "chief"}, "Civilians ({c})"),
    ({"government"}, "Government of {c}"),
)


# Role words after a group's name ('Taliban suicide bomber', 'Shabaab commander').
TRAILING_ROLES = {"militia", "forces", "force", "troops", "bomber", "suicide", "infiltrator", "commander",
                  "attacker", "attackers", "commanders", "unit", "units", "cell"}


def table_actor(phrase: str | None, aliases: Any) -> str | None:
    """The canonical name of a group the actor table knows ('Al shabaab militants' -> 'Al Shabaab'): the
    phrase, or the phrase without its article and member noun. Only groups (ORG), never persons."""
    if not phrase or aliases is None:
        return None
    words = phrase.split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    while len(words) > 1 and words[-1].lower() in MEMBER_NOUNS | TRAILING_ROLES:
        words = words[:-1]
    for text in dict.fromkeys((" ".join(phrase.split()), " ".join(words))):
        actor = aliases.lookup(text, fuzzy=False) if text else None
        if actor is not None and actor.type == "ORG" and actor.actor_type:
            return str(actor.canonical)
    return None


def acled_actor(phrase: str | None, country: str | None) -> str | None:
    """An actor phrase in ACLED's naming: 'Afghan soldiers' -> 'Military Forces of Afghanistan'.

    Named groups ('Taliban', 'Al Shabaab') keep their name; generic nouns map to ACLED's generic
    actors, with the country from a national adjective in the phrase or else the report's country.
    """
    if not phrase:
        return None
    named = _named_part(phrase)
    if named:
        return named
    if _proper_name_with_of(phrase):
        return phrase  # 'Army of Free Men', 'Party of God': a group's own name
    words = [w.strip(".,'\"()").lower() for w in phrase.split()]
    words = [{"governmental": "government", "pro-government": "government"}.get(w, w) for w in words]
    if set(words) & {"criminal", "gang", "cartel"} and words[-1] in PERSON_NOUNS | {"group", "groups", "member"}:
        return f"Unidentified Gang ({country})" if country else "Unidentified Gang"  # 'a criminal group'
    if set(words) & ARMED_UNKNOWN and words[-1] in PERSON_NOUNS:  # 'armed men', 'masked individuals'
        return f"Unidentified Armed Group ({country})" if country else "Unidentified Armed Group"
    words = [w[:-1] if w.endswith("s") and w[:-1] in _ALL_GENERIC | INSTALLATION_NOUNS else w for w in words]
    words = [{"men": "man", "women": "woman", "children": "child", "people": "person",
              "policemen": "policeman", "militiamen": "militiaman"}.get(w, w) for w in words]
    nation = next((COUNTRY_ADJECTIVES[w] for w in words if w in COUNTRY_ADJECTIVES), None) or country
    head = words[-1] if words else ""
    if head == "force" and set(words) & POLICE_NOUNS:  # 'police forces', 'federal police force'
        head = "police"
    if set(words) & NON_STATE_WORDS and head in STATE_NOUNS:  # 'rebel forces', 'opposition troops'
        return phrase
    if head in INSTALLATION_NOUNS and len(words) > 1:  # "a police post", "Afghan military posts"
        head = "police" if "police" in words else "soldier" if set(words) & STATE_NOUNS else head
    for nouns, pattern in GENERIC_ACTORS:
        if head in nouns or (pattern.startswith("Unidentified") and set(words) & {"unknown", "unidentified"}):
            name = pattern.format(c=nation) if nation else pattern.split(" of ")[0].split(" (")[0]
            return name
    return phrase


# Modifiers that make a few unnamed people an armed group, and the person nouns they modify.
ARMED_UNKNOWN = {"armed", "masked", "unknown", "unidentified"}
PERSON_NOUNS = {"man", "men", "individual", "individuals", "person", "persons", "people", "assailant",
                "assailants", "youth", "youths", "suspect", "suspects"}
# What is fired or used, never who fires it ('fired mortars at the army positions').
WEAPON_NOUNS = {"weapon", "gun", "machinegun", "arm", "mortar", "artillery", "launcher", "grenade", "shell",
                "round", "shot", "fire", "rocket", "missile", "rpg", "ifv", "bullet", "rifle", "projectile",
                "explosive", "bomb", "drone", "ammunition", "tear", "gas", "teargas", "stone"}

# Words that make 'forces' or 'troops' a non-state group's.
NON_STATE_WORDS = {"rebel", "opposition", "insurgent", "separatist", "militia", "resistance", "jihadist",
                   "militant", "tribal", "clan"}
# Nouns that are what was done or used or taken, never a party ('conducted air strikes', 'seized 3 tons').
NON_ACTORS = WEAPON_NOUNS | {"strike", "airstrike", "attack", "raid", "operation", "ton", "kilogram", "kilo",
                             "gram", "pack", "package", "box", "quantity", "amount"}

INSTALLATION_NOUNS = {"post", "checkpoint", "base", "position", "convoy", "outpost", "station", "barrack",
                      "patrol", "unit"}


_ALL_GENERIC = set().union(*(n for n, _ in GENERIC_ACTORS)) | {"soldier", "protester", "rioter", "gunman"}


MEMBER_NOUNS = {"militant", "militants", "fighter", "fighters", "sniper", "snipers", "member", "members",
                "insurgent", "insurgents", "gunmen", "gunman", "elements", "forces", "supporters", "rebels"}


def _named_part(phrase: str) -> str | None:
    """'Taliban militants' -> 'Taliban': a named group before a generic member noun."""
    words = phrase.split()
    if len(words) < 2 or words[-1].lower() not in MEMBER_NOUNS:
        return None
    named = [w for w in words[:-1] if w[:1].isupper() and w.lower() not in COUNTRY_ADJECTIVES
             and w.lower() not in ("the", "a", "an", "unknown", "unidentified", "armed")
             and w.lower() not in NON_STATE_WORDS]  # 'Militia fighters' at a sentence start names no group
    return " ".join(named) if named and len(named) == len(words) - 1 else None


def find_actors(sent: SpacySpan, head: Token, event_type: str, sub: str) -> tuple[str | None, str | None]:
    """Actor phrases: the trigger's subject or 'by X' agent, and its object / 'against X' / 'between X and Y'."""
    actor1 = _agent(head) or _attack_agent(sent) or _self_agent(head)
    fired = head.head if head.dep_ == "dobj" and head.lemma_.lower() in WEAPON_NOUNS | {"strike", "airstrike"} \
        else head  # 'fired mortars at X', 'conducted air strikes on X': the verb's target
    actor2 = _patient(head) or _conj_patient(head) or (_patient(fired) if fired is not head else None)
    pair = _between_pair(head)
    if pair:
        actor1, actor2 = pair
    if actor2 is None and event_type in ("Explosions/Remote violence", "Battles"):
        actor2 = _harmed(sent, head)  # 'shells fired by X injured two health workers'
        if event_type == "Battles" and (acled_actor(actor2, None) or "").startswith("Civilians"):
            actor2 = None  # a battle's toll of bystanders: civilians are no side of it
    if actor1 is None and event_type in ("Explosions/Remote violence", "Battles"):
        actor1 = _armed_subject(sent, actor2)  # '... were killed when militants fired on their vehicle'
    if event_type == "Protests":
        actor1 = "protesters"
        actor2 = _state_force(sent) if sub != "Peaceful protest" else None
    if event_type == "Riots":
        actor1 = "rioters"
        if actor2 is None and sub == "Violent demonstration":
            actor2 = _state_force(sent, default=None)
    if event_type == "Violence against civilians":
        actor2 = "civilians"
    if actor1 is None and event_type == "Violence against civilians":
        actor1 = "unidentified gunmen"
    return actor1, actor2 if actor2 != actor1 else None


# Trigger words that name the attacker themselves ('the air force struck', 'warplanes bombed').
SELF_AGENTS = {"force", "jet", "warplane", "aircraft", "helicopter", "drone", "sniper", "suicide", "bomber"}


def _self_agent(head: Token) -> str | None:
    if head.lemma_.lower() in SELF_AGENTS and head.dep_ in ("nsubj", "nsubjpass", "pobj") and head.pos_ == "NOUN":
        return _phrase(head)
    return None


def _armed_subject(sent: SpacySpan, other: str | None) -> str | None:
    """The first armed subject of any verb in the sentence, other than the second actor."""
    for tok in sent:
        if tok.dep_ == "nsubj" and (tok.lemma_.lower() in ARMED_NOUNS or tok.ent_type_ == "ORG") \
                and not _source_of_report(tok):
            phrase = _phrase(tok)
            if phrase and phrase != other:
                return phrase
    return None


def _source_of_report(tok: Token) -> bool:
    """'the monitoring group said ...': the subject of a reporting verb is a source, unless the verb tells what
    the subject itself did ('forces claimed to have shelled')."""
    verb = tok.head
    return verb.lemma_.lower() in REPORTING_VERBS and not any(c.dep_ == "xcomp" for c in verb.children)


def _harmed(sent: SpacySpan, head: Token) -> str | None:
    """Who a harm verb of the sentence names as hurt ('killed two soldiers', 'a policeman was wounded')."""
    for tok in sent:
        if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in HARM_VERBS and tok.i != head.i \
                and tok.pos_ in ("NOUN", "PROPN", "NUM") and tok.lemma_.lower() not in NON_ACTORS:
            return _phrase(_counted(tok))
    return None


def _counted(tok: Token) -> Token:
    """'two of the soldiers', '3 policemen' parsed with the number as head: the people counted."""
    if tok.pos_ != "NUM":
        return tok
    of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return of[0] if of else tok


def _state_force(sent: SpacySpan, default: str | None = "police") -> str | None:
    """The police or troops a protest sentence names ('soldiers dispersed ...'), else `default`."""
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma in POLICE_NOUNS or lemma in ("soldier", "troop", "army", "military"):
            return lemma
    return default


def _phrase(tok: Token) -> str | None:
    """A short noun phrase for the actor a token names (its compounds and adjectives, no clauses), or None
    when the token names no actor: a place, a time, a number, an event, a person's name (`actor_head`)."""
    head = actor_head(tok)
    if head is None:
        return None
    left = [c for c in head.lefts if c.dep_ in ("compound", "amod", "nmod", "poss")]
    start = min([head.i] + [c.i for c in left])
    ent = next((e for e in head.doc.ents if e.start <= head.i < e.end and e.label_ in ("ORG", "NORP")), None)
    if ent is not None and head.pos_ == "PROPN":  # a group's whole name ('Northern Liberation Front')
        return ent[int(ent[0].lower_ == "the"):].text
    while start < head.i and "\n" in head.doc[start:head.i].text:  # a headline or dateline run into the text
        start += 1
    return head.doc[start:head.i + 1].text


def _agent(head: Token) -> str | None:
    tok = agent_token(head)
    return _phrase(tok) if tok is not None else None


def agent_token(head: Token) -> Token | None:
    """Who did it: the trigger's subject, its 'by X' agent, or the agent of the clause it sits in."""
    for c in head.children:
        if c.dep_ == "nsubj":
            return c
        if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by":
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
        if c.dep_ == "acl" and c.pos_ == "VERB":  # "a bomb planted by X"
            found = agent_token(c)
            if found is not None:
                return found
    if head.dep_ == "compound" and head.head.pos_ == "NOUN":  # 'artillery fire by X'
        return agent_token(head.head)
    if head.dep_ == "conj" and head.head.pos_ == "VERB":  # "villagers caught and beat him"
        return next((c for c in head.head.children if c.dep_ == "nsubj"), None)
    if head.dep_ in ("dobj", "nsubj", "pobj", "nsubjpass") and head.head.pos_ in ("VERB", "AUX"):
        return agent_token(head.head) if head.dep_ != "nsubj" else None
    return None


def _attack_agent(sent: SpacySpan) -> str | None:
    """'... were killed following an attack by X': the agent of an attack noun elsewhere in the sentence."""
    for tok in sent:
        if tok.lemma_.lower() in ("attack", "assault", "ambush", "raid", "offensive") and tok.pos_ == "NOUN":
            for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"):
                pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return _phrase(pobj)
    return None


def _conj_patient(head: Token) -> str | None:
    """'attacked and killed 8 soldiers': the object of a coordinated harm verb."""
    for conj in (c for c in head.children if c.dep_ == "conj" and c.lemma_.lower() in HARM_VERBS):
        obj = next((c for c in conj.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
            return _phrase(obj)
    return None


def _patient(head: Token) -> str | None:
    """Who the act was done to: its object or passive subject (not the weapon fired), else 'against/on/
    with/at X'; 'the positions of X' stands for X."""
    for c in head.children:
        found = _phrase(_holder(c)) if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() not in NON_ACTORS \
            else None
        if found:
            return found
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("against", "on", "with", "at")):
        pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if pobj is not None and pobj.pos_ in ("NOUN", "PROPN") and pobj.lemma_.lower() not in NON_ACTORS \
                and pobj.ent_type_ not in ("DATE", "TIME", "GPE", "LOC", "FAC"):
            return _phrase(_holder(pobj))
    if head.pos_ == "NOUN":  # 'air strikes targeting X'
        for acl in (c for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in ("target", "hit", "aim")):
            found = _patient(acl)
            if found:
                return found
    return None


def _holder(tok: Token) -> Token:
    """'the positions of the militia' -> 'militia': an installation stands for the force holding it."""
    if tok.lemma_.lower() in INSTALLATION_NOUNS:
        of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
              if g.dep_ == "pobj"]
        if of:
            return of[0]
    return tok


def _between_pair(head: Token) -> tuple[str, str] | None:
    """'clashes between X and Y'."""
    for prep in (c for c in head.subtree if c.dep_ == "prep" and c.lower_ == "between"):
        pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        conj = next((g for g in pobj.children if g.dep_ == "conj"), None) if pobj is not None else None
        if pobj is not None and conj is not None:
            first, second = _phrase(pobj), _phrase(conj)
            if first and second:
                return first, second
    return None


# Verbs whose subject is a source, not a party ('the monitoring group said', 'the agency put the toll at').
REPORTING_VERBS = {"say", "report", "tell", "add", "claim", "state", "announce", "confirm", "note", "estimate",
                   "count", "document", "record", "quote", "cite", "describe", "accuse", "warn", "put"}
# Head nouns of a non-state armed side.
NON_STATE_NOUNS = {"rebel", "insurgent", "militant", "fighter", "jihadist", "militia", "separatist", "guerrilla",
                   "guerilla", "militiaman", "faction", "insurgency", "opposition"}


def territory_sides(sent: SpacySpan, trig: Any, sub: str, actor1: str | None,
                    actor2: str | None) -> tuple[str | None, str | None]:
    """Who took a place and from whom. The army that withdrew, or a state force read as the taker of a
    non-state takeover, is the side that lost it; the taker is then the non-state side the sentence names.
    'X fell to Y': Y took it (the subject is the place)."""
    if trig.entry.phrase == ("fall",):
        to = [g for c in trig.head.children if c.dep_ == "prep" and c.lower_ in ("to", "into")
              for g in c.children if g.dep_ == "pobj"]
        return (_phrase(to[0]) if to else None), None
    if sub.startswith("Non-state") and (trig.cls == "withdraw" or _is_state_phrase(actor1)):
        return _non_state_side(sent), actor1
    return actor1, actor2


def _proper_name_with_of(phrase: str) -> bool:
    words = phrase.split()
    if "of" not in words[1:-1]:
        return False
    return all(w[:1].isupper() for w in words if w not in ("of", "the", "and", "for"))


def _is_state_phrase(phrase: str | None) -> bool:
    if phrase and _proper_name_with_of(phrase):
        return False  # a group's own name ('Army of Free Men')
    words = {w.strip(".,'\"").lower().rstrip("s") for w in (phrase or "").split()}
    return bool(words & (STATE_NOUNS | {"government"})) and not words & NON_STATE_WORDS


def _non_state_side(sent: SpacySpan) -> str | None:
    """The first non-state armed group the sentence names ('Rebel forces led by X', 'insurgents')."""
    for tok in sent:
        if tok.lemma_.lower() not in NON_STATE_NOUNS:
            continue
        noun = tok.head if tok.dep_ in ("amod", "compound") and tok.head.pos_ == "NOUN" else tok
        phrase = _phrase(noun)
        if phrase:
            return phrase
    return None
