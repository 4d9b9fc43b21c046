"""The vocabulary the event rules reason with: trigger lexicon, word classes, ACLED actor names.

The trigger table lives in `crosswire/data/event_lexicon.tsv` (one trigger a line, with its class,
ACLED type/sub-type and PLOVER code). The word classes below decide who is a civilian, who is armed,
what counts as police intervention at a protest, and so on; the rules in `rules.py` and its
helpers use them, and `actors.py` / `actor_names.py` find and name actors with them.
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
    "shoot", "fighting", "torture", "suicide", "fire", "redeploy", "retreat", "flee", "evacuate", "displace",
    "ban", "prohibit", "lockdown", "molotov", "recover", "discover", "uncover", "find", "join",
    # Acts that tell a protest, shelling or a measure only when no stronger trigger is told ('gunmen blocked
    # the road and kidnapped a driver' is the kidnapping; 'pounded' and 'occupied' have other senses too).
    "bang pot", "bang pan", "take to the street", "take to street", "block the road", "block road",
    "block the highway", "pound", "occupy", "close the border", "close its border", "seal the border", "seal off",
    "halt all entry", "suspend all entry", "take up arm", "take up arms", "smash",
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
    "imam", "citizen", "couple", "landowner", "community", "rancher", "indigenous", "dealer", "ambulance",
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
    "vigilante", "bodyguard", "guerrilla", "guerilla", "warlord", "peacekeeper", "fighters", "policewoman",
    "policewomen", "constable", "soldiers", "troops", "militiamen", "jawan", "sepoy", "conscript", "recruit",
    "arbaki", "arbakis",  # Afghan local militiamen
}
STATE_NOUNS = {"soldier", "troop", "force", "army", "military", "police", "policeman", "policemen",
               "personnel", "government", "security", "navy", "marine", "serviceman", "officer", "cop",
               "guard", "gendarme", "gendarmerie", "commando"}
POLICE_NOUNS = {"police", "policeman", "policemen", "policewoman", "policewomen", "cop", "gendarme", "gendarmerie",
                "officer", "constable"}
INTERVENTION_WORDS = {"disperse", "tear", "teargas", "rubber", "cannon", "baton", "lathi", "lathicharge",
                      "intervene", "arrest", "detain", "break", "stun", "pepper", "prevent", "stop",
                      "forcibly", "remove", "evict", "block"}
PROTESTER_VIOLENCE = {"stone", "rock", "pelt", "vandalize", "vandalise", "torch", "loot", "molotov",
                      "throw", "violent", "ransack", "smash", "hurl", "clash", "injure", "attack",
                      "burn", "damage", "set", "brick"}
# Protesters' violence that makes a protest a riot on its own (events.violent_protest_cues).
HARD_PROTEST_VIOLENCE = {"stone", "pelt", "molotov", "vandalize", "vandalise", "vandalism", "ransack", "torch",
                         "brick", "petrol", "arson", "hooliganism", "rampage", "barricade"}
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
        text = (Path(__file__).resolve().parents[2] / "data" / "event_lexicon.tsv").read_text("utf-8")
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
