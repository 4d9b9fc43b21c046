"""The vocabulary the event rules reason with: trigger lexicon, word classes, ACLED actor names.

The trigger table lives in `crosswire/data/event_lexicon.tsv` (one trigger a line, with its class,
ACLED type/sub-type and PLOVER code). The word classes below decide who is a civilian, who is armed,
what counts as police intervention at a protest, and so on; the rules in `events.py` use them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

WEAK_TRIGGERS = {
    "strike", "march", "gather", "gathering", "demand", "fall", "enter", "engage", "operation", "raid",
    "burn", "destroy", "release", "explosion", "explode", "blast", "bomb", "detonate", "dead", "die",
    "body", "corpse", "wound", "injure", "seize", "capture", "establish", "set up", "deploy", "training",
    "agree", "jet", "aircraft", "helicopter", "encounter", "beat", "rob", "steal", "mine", "explosive",
    "fight", "sniper", "withdraw", "surrender", "disappear", "hostage", "caravan", "boycott", "curfew",
    "shoot", "fighting", "torture", "suicide", "fire",
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
    "houthi", "shabaab", "boko", "haram", "isis", "isil", "daesh", "is", "tank",
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
LETHAL_WORDS = {"kill", "shoot", "fire", "die", "dead", "live", "bullet", "ammunition", "wound", "injure"}
FAILED_CUES = {"attempt", "try", "fail", "foil", "thwart"}
PLANNED_CUES = {"plan", "intend", "prepare", "schedule", "will", "aim"}
THREAT_CUES = {"threaten", "vow", "warn"}
DISRUPT_OBJECTS = {"weapon", "arm", "ammunition", "explosive", "ied", "bomb", "mine", "landmine", "rifle",
                   "gun", "grenade", "cache", "drone", "rocket", "missile", "device", "depot", "munition"}
TERRITORY_OBJECTS = {"village", "town", "city", "district", "area", "base", "checkpoint", "post",
                     "position", "territory", "hill", "control", "neighbourhood", "neighborhood", "region",
                     "province", "airport", "road", "locality", "settlement", "outpost"}
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
