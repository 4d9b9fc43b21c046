"""The vocabulary the event rules reason with: trigger lexicon, word classes, ACLED actor names.

The trigger table lives in `crosswire/data/event_lexicon.tsv` (one trigger a line, with its class,
ACLED type/sub-type and PLOVER code). The word classes below decide who is a civilian, who is armed,
what counts as police intervention at a protest, and so on; the rules in `events.py` use them.
`find_actors` reads the actor phrases of a trigger from the parse; `acled_actor` names them as ACLED does.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

WEAK_TRIGGERS = {
    "strike", "march", "gather", "gathering", "demand", "fall", "enter", "engage", "operation", "raid",
    "burn", "destroy", "release", "explosion", "explode", "blast", "bomb", "detonate", "dead", "die",
    "body", "corpse", "wound", "injure", "seize", "capture", "establish", "set up", "deploy", "training",
    "agree", "jet", "aircraft", "helicopter", "encounter", "beat", "rob", "steal", "mine", "explosive",
    "fight", "sniper", "withdraw", "surrender", "disappear", "hostage", "caravan", "boycott", "curfew",
    "shoot", "fighting", "torture", "suicide", "fire", "redeploy", "retreat",
}
CIVILIAN_GROUP_WORDS = {"group", "family", "villager", "resident", "worker", "student", "supporter", "people",
                        "community", "youth", "local", "person", "man", "neighbour", "neighbor", "relative",
                        "farmer", "herder", "trader", "seller", "vendor", "member", "party", "clan", "tribe"}

# Who makes a mob when they attack together (with CIVILIAN_GROUP_WORDS): rivals, neighbours, a crowd.
MOB_NOUNS = {"rival", "crowd", "mob", "villager", "resident", "local", "relative", "supporter", "volunteer",
             "seller", "vendor", "protester", "demonstrator", "youth", "passer", "bystander", "onlooker"}
CIVILIAN_NOUNS = {
    "civilian", "man", "woman", "child", "boy", "girl", "villager", "farmer", "resident", "journalist",
    "reporter", "photographer", "teacher", "student", "worker", "trader", "shopkeeper", "driver",
    "doctor", "nurse", "person", "people", "family", "elder", "cleric", "scholar", "activist", "lawyer",
    "businessman", "merchant", "passenger", "pilgrim", "worshipper", "minor", "teenager", "youth",
    "infant", "baby", "herder", "shepherd", "fisherman", "miner", "official", "councillor", "councilor",
    "mayor", "candidate", "leader", "chief", "member", "relative", "brother", "son", "daughter", "wife",
    "husband", "father", "mother", "individual", "local", "tribesman", "migrant", "refugee", "prisoner",
    "inmate", "body", "corpse", "victim", "house", "home", "village", "vehicle", "car", "shop", "market",
    "school", "hospital", "mosque", "church", "health", "medic", "staff", "employee", "owner", "priest",
    "imam", "citizen", "couple", "landowner", "community", "rancher", "indigenous", "dealer",
}
ARMED_NOUNS = {
    "soldier", "troop", "force", "army", "military", "militant", "insurgent", "rebel", "fighter",
    "militia", "militiaman", "police", "policeman", "policemen", "officer", "personnel", "guard",
    "commander", "jihadist", "element", "security", "checkpoint", "post", "base", "convoy", "position",
    "outpost", "barrack", "unit", "battalion", "brigade", "regiment", "patrol", "gunman", "terrorist",
    "mercenary", "paramilitary", "combatant", "serviceman", "marine", "sniper", "agent", "cop",
    "faction", "group", "gang", "cartel", "member", "frontline", "front", "line", "trench", "taliban",
    "houthi", "shabaab", "boko", "haram", "isis", "isil", "daesh", "is", "tank", "ranger", "commando",
    "gendarme", "gendarmerie", "navy", "sailor", "airman", "trooper", "legionnaire", "separatist",
    "vigilante", "bodyguard", "guerrilla", "guerilla", "warlord", "peacekeeper", "fighters",
}
STATE_NOUNS = {"soldier", "troop", "force", "army", "military", "police", "policeman", "policemen",
               "personnel", "government", "security", "navy", "marine", "serviceman", "officer", "cop",
               "guard", "gendarme", "gendarmerie", "commando"}
POLICE_NOUNS = {"police", "policeman", "policemen", "policewoman", "policewomen", "cop", "gendarme", "gendarmerie", "officer", "constable"}
INTERVENTION_WORDS = {"disperse", "tear", "teargas", "rubber", "cannon", "baton", "lathi", "lathicharge",
                      "intervene", "arrest", "detain", "break", "stun", "pepper", "prevent", "stop",
                      "forcibly", "remove", "evict", "block"}
PROTESTER_VIOLENCE = {"stone", "rock", "pelt", "vandalize", "vandalise", "torch", "loot", "molotov",
                      "throw", "violent", "ransack", "smash", "hurl", "clash", "injure", "attack",
                      "burn", "damage", "set", "brick"}
# Protesters' violence that makes a protest a riot on its own (events.violent_protest_cues).
HARD_PROTEST_VIOLENCE = {"stone", "pelt", "molotov", "vandalize", "vandalise", "vandalism", "ransack", "torch",
                         "brick", "petrol", "arson", "hooliganism", "rampage"}
SCUFFLE_WORDS = {"clash", "scuffle", "brawl", "skirmish", "fistfight", "tussle", "altercation"}
DAMAGE_VERBS = {"destroy", "damage", "smash", "loot", "vandalize", "wreck", "ransack", "storm", "torch"}
PROTEST_NOUNS = {"protest", "demonstration", "rally", "march", "riot", "sit", "unrest", "demonstrator",
                 "protester", "protestor"}
LETHAL_WORDS = {"kill", "shoot", "fire", "die", "dead", "live", "bullet", "ammunition", "wound", "injure"}
FAILED_CUES = {"attempt", "try", "fail", "foil", "thwart"}
PLANNED_CUES = {"plan", "intend", "prepare", "schedule", "will", "aim"}
THREAT_CUES = {"threaten", "vow", "warn"}
DISRUPT_OBJECTS = {"weapon", "arm", "ammunition", "explosive", "ied", "bomb", "mine", "landmine", "rifle",
                   "gun", "grenade", "cache", "drone", "rocket", "missile", "device", "depot", "munition"}
# Verbs of harm done to someone; their objects are who the violence was done to.
HARM_VERBS = {"kill", "injure", "wound", "shoot", "stab", "beat", "abduct", "kidnap", "behead", "execute",
              "murder", "hurt", "torture", "assault", "attack", "hit", "target", "ambush"}
TERRITORY_OBJECTS = {"village", "town", "city", "district", "area", "base", "checkpoint", "post",
                     "position", "territory", "hill", "control", "neighbourhood", "neighborhood", "region",
                     "province", "airport", "road", "locality", "settlement", "outpost", "capital",
                     "stronghold", "suburb", "port", "crossing", "valley", "island"}
COUNTRY_ADJECTIVES = {
    "afghan": "Afghanistan", "yemeni": "Yemen", "syrian": "Syria", "iraqi": "Iraq", "libyan": "Libya",
    "somali": "Somalia", "nigerian": "Nigeria", "indian": "India", "pakistani": "Pakistan",
    "ukrainian": "Ukraine", "russian": "Russia", "turkish": "Turkey", "mexican": "Mexico",
    "israeli": "Israel", "palestinian": "Palestine", "lebanese": "Lebanon", "egyptian": "Egypt",
    "malian": "Mali", "burkinabe": "Burkina Faso", "congolese": "Democratic Republic of Congo",
    "sudanese": "Sudan", "ethiopian": "Ethiopia", "kenyan": "Kenya", "cameroonian": "Cameroon",
    "filipino": "Philippines", "philippine": "Philippines", "brazilian": "Brazil", "venezuelan": "Venezuela",
    "colombian": "Colombia", "azerbaijani": "Azerbaijan", "armenian": "Armenia", "iranian": "Iran",
    "american": "United States", "us": "United States", "saudi": "Saudi Arabia", "emirati": "United Arab Emirates",
}


@dataclass(frozen=True)
class TriggerEntry:
    """One line of the trigger lexicon."""

    phrase: tuple[str, ...]
    cls: str
    event_type: str
    sub_event_type: str
    plover: str

    @property
    def weak(self) -> bool:
        return " ".join(self.phrase) in WEAK_TRIGGERS


def load_trigger_lexicon(text: str | None = None) -> dict[tuple[str, ...], TriggerEntry]:
    """Parse the trigger table (the packaged TSV unless `text` is given)."""
    if text is None:
        text = (Path(__file__).resolve().parent.parent / "data" / "event_lexicon.tsv").read_text("utf-8")
    table: dict[tuple[str, ...], TriggerEntry] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 5:
            raise ValueError(f"event lexicon line needs 5 tab-separated columns: {line!r}")
        phrase = tuple(cols[0].lower().split())
        table[phrase] = TriggerEntry(phrase, cols[1], cols[2], cols[3], cols[4])
    return table


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
    words = [w.strip(".,'\"()").lower() for w in phrase.split()]
    words = [w[:-1] if w.endswith("s") and w[:-1] in _ALL_GENERIC | INSTALLATION_NOUNS else w for w in words]
    words = [{"men": "man", "women": "woman", "children": "child", "people": "person",
              "policemen": "policeman", "militiamen": "militiaman"}.get(w, w) for w in words]
    nation = next((COUNTRY_ADJECTIVES[w] for w in words if w in COUNTRY_ADJECTIVES), None) or country
    head = words[-1] if words else ""
    if head in INSTALLATION_NOUNS and len(words) > 1:  # "a police post", "Afghan military posts"
        head = "police" if "police" in words else "soldier" if set(words) & STATE_NOUNS else head
    for nouns, pattern in GENERIC_ACTORS:
        if head in nouns or (pattern.startswith("Unidentified") and set(words) & {"unknown", "unidentified"}):
            name = pattern.format(c=nation) if nation else pattern.split(" of ")[0].split(" (")[0]
            return name
    return phrase


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
             and w.lower() not in ("the", "a", "an", "unknown", "unidentified", "armed")]
    return " ".join(named) if named and len(named) == len(words) - 1 else None


def find_actors(sent: SpacySpan, head: Token, event_type: str, sub: str) -> tuple[str | None, str | None]:
    """Actor phrases: the trigger's subject or 'by X' agent, and its object / 'against X' / 'between X and Y'."""
    actor1 = _agent(head) or _attack_agent(sent)
    actor2 = _patient(head) or _conj_patient(head)
    pair = _between_pair(head)
    if pair:
        actor1, actor2 = pair
    if event_type == "Protests":
        actor1 = "protesters"
        actor2 = "police" if sub != "Peaceful protest" else None
    if event_type == "Riots":
        actor1 = "rioters"
    if event_type == "Violence against civilians":
        actor2 = "civilians"
    if actor1 is None and event_type == "Violence against civilians":
        actor1 = "unidentified gunmen"
    return actor1, actor2 if actor2 != actor1 else None


def _phrase(tok: Token) -> str:
    """A short noun phrase for a token: its compounds and adjectives, no clauses."""
    left = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod", "poss")]
    start = min([tok.i] + [c.i for c in left])
    return tok.doc[start:tok.i + 1].text


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
    for c in head.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            return _phrase(c)
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("against", "on", "with")):
        pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if pobj is not None and pobj.pos_ in ("NOUN", "PROPN") and pobj.ent_type_ not in ("DATE", "TIME"):
            return _phrase(pobj)
    return None


def _between_pair(head: Token) -> tuple[str, str] | None:
    """'clashes between X and Y'."""
    for prep in (c for c in head.subtree if c.dep_ == "prep" and c.lower_ == "between"):
        pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        conj = next((g for g in pobj.children if g.dep_ == "conj"), None) if pobj is not None else None
        if pobj is not None and conj is not None:
            return _phrase(pobj), _phrase(conj)
    return None
