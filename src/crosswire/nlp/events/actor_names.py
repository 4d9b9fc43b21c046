"""How ACLED names an actor: the actor table's canonical names, else ACLED's generic naming.

`table_actor` finds a phrase's group in the curated actor table (data/actors.tsv); `acled_actor` names
the rest as ACLED does ('Afghan soldiers' -> 'Military Forces of Afghanistan', 'gunmen' -> 'Unidentified
Armed Group (Mexico)'), with the country-level conventions of its codebook (branches of a country's forces,
coalition operations, gangs). `actors.py` finds the phrases in the parse.
"""

from __future__ import annotations

from typing import Any

from ...names import country_name
from .lexicon import CIVILIAN_NOUNS, COUNTRY_ADJECTIVES, POLICE_NOUNS, STATE_NOUNS

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



# Countries ACLED writes with an article after 'of' ('Military Forces of the Philippines'), not in brackets.
ARTICLE_COUNTRIES = {"Philippines", "Democratic Republic of Congo", "United States", "Ivory Coast",
                     "Central African Republic", "United Arab Emirates", "United Kingdom", "Netherlands",
                     "Republic of Congo", "Gambia"}

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


# Role words after a group's name ('Taliban suicide bomber', 'Shabaab commander', 'NAF rebel forces',
# 'LNA air force').
TRAILING_ROLES = {"militia", "militias", "forces", "force", "troops", "bomber", "suicide", "infiltrator",
                  "commander", "attacker", "attackers", "commanders", "unit", "units", "cell", "rebel", "air",
                  "militiamen", "fighter", "soldiers"}
# Words before a group's name that hedge or describe it, never part of it ('presumed LNA forces',
# 'anti-Houthi National Resistance forces').
LEADING_HEDGES = {"the", "a", "an", "presumed", "alleged", "suspected", "assumed", "apparent", "reported",
                  "purported", "several", "some"}


# Groups that act in many countries and that ACLED names by the country of each event.
NAMED_BY_COUNTRY = frozenset({"Islamic State"})


# What a side holds or moves in, after its name ('LNA positions', 'GNA camp', 'SNA convoy'): the side is the group.
HELD_THINGS = INSTALLATION_NOUNS | {"positions", "posts", "checkpoints", "bases", "convoys", "outposts", "camp",
                                    "camps", "vehicle", "vehicles", "headquarters"}


def table_actor(phrase: str | None, aliases: Any, country: str | None = None) -> str | None:
    """The canonical name of a group the actor table knows ('Al shabaab militants' -> 'Al Shabaab'): the
    phrase, or the phrase without its article, hedge ('presumed'), stance ('anti-Houthi') and member or role
    nouns, longest first. Only groups (ORG), never persons. A group ACLED names by country takes the
    report's `country` ('Islamic State (Iraq)')."""
    if not phrase or aliases is None:
        return None
    words = phrase.split()
    while len(words) > 1 and (words[0].lower() in LEADING_HEDGES or words[0].lower().startswith("anti-")):
        words = words[1:]
    forms = [" ".join(phrase.split()), " ".join(words)]
    while len(words) > 1 and words[-1].lower() in MEMBER_NOUNS | TRAILING_ROLES | HELD_THINGS:
        words = words[:-1]
        forms.append(" ".join(words))
    for text in dict.fromkeys(forms):
        actor = aliases.lookup(text, fuzzy=False) if text else None
        if actor is not None and actor.type == "ORG" and actor.actor_type:
            if actor.canonical in NAMED_BY_COUNTRY and country:
                return f"{actor.canonical} ({country})"
            return str(actor.canonical)
    return None


def acled_actor(phrase: str | None, country: str | None) -> str | None:
    """An actor phrase in ACLED's naming: 'Afghan soldiers' -> 'Military Forces of Afghanistan'.

    Named groups ('Taliban', 'Al Shabaab') keep their name; generic nouns map to ACLED's generic
    actors, with the country from a national adjective in the phrase or else the report's country.
    """
    if not phrase:
        return None
    militia = identity_militia(phrase, country)
    if militia:
        return militia
    named = _named_part(phrase)
    if named:
        return named
    if proper_name_with_of(phrase):
        return phrase  # 'Army of Free Men', 'Party of God': a group's own name
    words = [w.strip(".,'\"()").lower() for w in phrase.split()]
    words = [{"governmental": "government", "pro-government": "government"}.get(w, w) for w in words]
    owner = _country_after_of(phrase)
    if owner:  # 'the military forces of Armenia': the force is the head, the country its owner
        words = words[:words.index("of")]
    if set(words) & {"criminal", "criminals", "gang", "gangs", "cartel"} \
            and words[-1] in PERSON_NOUNS | {"group", "groups", "member", "members", "criminals", "gangs"}:
        return _unidentified_gang(words, country)  # 'a criminal group', 'unidentified gang members'
    if set(words) & ARMED_UNKNOWN and words[-1] in PERSON_NOUNS:  # 'armed men', 'masked individuals'
        return f"Unidentified Armed Group ({country})" if country else "Unidentified Armed Group"
    words = [w[:-1] if w.endswith("s") and w[:-1] in _ALL_GENERIC | INSTALLATION_NOUNS else w for w in words]
    words = [{"men": "man", "women": "woman", "children": "child", "people": "person",
              "policemen": "policeman", "militiamen": "militiaman", "gunmen": "gunman"}.get(w, w) for w in words]
    nation = next((COUNTRY_ADJECTIVES[w] for w in words if w in COUNTRY_ADJECTIVES), None) or owner or country
    branch = _force_branch(words, nation) or _coalition_operation(words, nation, country)
    if branch:
        return branch
    head = words[-1] if words else ""
    if head == "force" and set(words) & POLICE_NOUNS:  # 'police forces', 'federal police force'
        head = "police"
    if set(words) & NON_STATE_WORDS and head in STATE_NOUNS:  # 'rebel forces', 'opposition troops'
        return phrase
    if head in INSTALLATION_NOUNS and len(words) > 1:  # "a police post", "Afghan military posts"
        head = "police" if "police" in words else "soldier" if set(words) & STATE_NOUNS else head
    for nouns, pattern in GENERIC_ACTORS:
        if head in nouns or (pattern.startswith("Unidentified") and set(words) & {"unknown", "unidentified"}):
            owner = f"the {nation}" if nation in ARTICLE_COUNTRIES and "of {c}" in pattern else nation
            name = pattern.format(c=owner) if nation else pattern.split(" of ")[0].split(" (")[0]
            return name
    return phrase if names_something(phrase) else None


# Identity militias: ACLED names an armed group of an ethnic group, clan, tribe, caste or community by that
# identity, the kind of identity and the country ('Tiv Ethnic Militia (Nigeria)', 'Hawiye Clan Militia
# (Somalia)', 'Unidentified Tribal Militia (Yemen)'). The word the report uses says the kind; a named group
# with no such word is an ethnic group's militia ('Fulani militiamen').
IDENTITY_KINDS = {"clan": "Clan", "clansman": "Clan", "clansmen": "Clan", "tribal": "Tribal", "tribesman": "Tribal",
                  "tribesmen": "Tribal", "communal": "Communal", "community": "Communal", "caste": "Caste",
                  "ethnic": "Ethnic"}
MILITIA_HEADS = {"militia", "militias", "militiaman", "militiamen", "tribesmen", "clansmen"}  # one tribesman is no group
# Capitalised words that say what a militia is for or whose side it is on, never whose identity it carries.
NOT_IDENTITY = {"local", "armed", "government", "pro-government", "rebel", "village", "youth", "self-defence",
                "self-defense", "defence", "defense", "vigilante", "private", "militia", "militias", "unknown",
                "unidentified", "popular", "state", "civilian", "allied", "rival", "shia", "sunni", "islamist"}


def identity_militia(phrase: str, country: str | None) -> str | None:
    """'suspected Tiv militias' -> 'Tiv Ethnic Militia (Nigeria)', 'Al Hayash tribesmen' -> 'Al Hayash Tribal
    Militia (Yemen)', 'clan militiamen' -> 'Unidentified Clan Militia (Somalia)'; None for other phrases
    (a force's or a named movement's militia, 'pro-Hadi militias', 'Afghan militiamen')."""
    words = [w.strip(".,'\"()") for w in phrase.split()]
    while words and (words[0].lower() in LEADING_HEDGES | {"unknown", "unidentified"}):
        words = words[1:]
    if not words or words[-1].lower() not in MILITIA_HEADS:
        return None
    kinds = [IDENTITY_KINDS[w.lower()] for w in words if w.lower() in IDENTITY_KINDS]
    name = [w for w in words[:-1] if w.lower() not in IDENTITY_KINDS]
    if any(not w[:1].isupper() or w.lower() in NOT_IDENTITY | COUNTRY_ADJECTIVES.keys()
           or w.lower().startswith(("pro-", "anti-")) for w in name):
        return None
    kind = kinds[0] if kinds else "Ethnic" if name else None
    if kind is None:
        return None  # 'militiamen' alone: no identity told
    group = " ".join(name) if name else "Unidentified"
    return f"{group} {kind} Militia ({country})" if country else f"{group} {kind} Militia"


def names_something(phrase: str) -> bool:
    """A phrase no table or generic pattern knows is an actor only when it names someone: a capitalised
    word past an opening article, or a head noun for people or an armed group ('rebel fighters'). A bare
    common-noun phrase ('vast swaths', 'impenetrable defensive lines', 'positions') names no one."""
    words = [w.strip(".,'\"()") for w in phrase.split()]
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    if any(w[:1].isupper() for w in words):
        return True
    head = words[-1].lower() if words else ""
    return head in PEOPLE_HEADS or head.rstrip("s") in PEOPLE_HEADS | NON_STATE_WORDS


# Head nouns for people or armed groups, which name a side even without a name.
PEOPLE_HEADS = PERSON_NOUNS | MEMBER_NOUNS | {"group", "groups", "alliance", "coalition", "faction", "factions",
                                              "jihadist", "jihadists", "islamist", "islamists", "civilian",
                                              "civilians", "resident", "residents", "villager", "villagers"}


# Countries where ACLED names unidentified perpetrators of gang-style killings 'Unidentified Gang and/or
# Police Militia' (Brazil: militias of former and off-duty police run the same trade as gangs); a gang the
# report names as such stays 'Unidentified Gang (<country>)'.
GANG_OR_MILITIA = {"Brazil": "Unidentified Gang and/or Police Militia"}


def _unidentified_gang(words: list[str], country: str | None) -> str:
    """'unidentified gang members' -> ACLED's unidentified gang of the country."""
    if "unidentified" in words and country in GANG_OR_MILITIA:
        return GANG_OR_MILITIA[country]
    return f"Unidentified Gang ({country})" if country else "Unidentified Gang"


# National force branches ACLED names as their own actors: (country, words of the branch) -> name.
# Brazil's state Military Police is a military force; Afghanistan's local police and commandos are units.
FORCE_BRANCHES = {
    ("Brazil", ("military", "police")): "Military Forces of Brazil Military Police",
    ("Brazil", ("federal", "police")): "Police Forces of Brazil Federal Police",
    ("Brazil", ("civil", "police")): "Police Forces of Brazil Civil Police",
    ("Afghanistan", ("local", "police")): "Police Forces of Afghanistan Afghan Local Police",
    ("Afghanistan", ("local", "policeman")): "Police Forces of Afghanistan Afghan Local Police",
    ("Afghanistan", ("commando",)): "Military Forces of Afghanistan Special Forces",
}


# Foreign forces ACLED codes under the name of the coalition operation they fight in: (where, whose) -> name.
COALITION_OPERATIONS = {("Yemen", "Saudi Arabia"): "Operation Restoring Hope",
                        ("Yemen", "United Arab Emirates"): "Operation Restoring Hope"}


def _coalition_operation(words: list[str], nation: str | None, country: str | None) -> str | None:
    """'Saudi forces' firing into Yemen -> 'Operation Restoring Hope' (`COALITION_OPERATIONS`)."""
    if words and words[-1] in STATE_NOUNS - POLICE_NOUNS:
        return COALITION_OPERATIONS.get((country or "", nation or ""))
    return None


def _force_branch(words: list[str], nation: str | None) -> str | None:
    """'federal police forces' in Brazil -> 'Police Forces of Brazil Federal Police' (`FORCE_BRANCHES`)."""
    for (where, branch), name in FORCE_BRANCHES.items():
        n = len(branch)
        if where == nation and any(tuple(words[i:i + n]) == branch for i in range(len(words) - n + 1)):
            return name
    return None


def _country_after_of(phrase: str) -> str | None:
    """'military forces of Armenia' -> 'Armenia': the country a force 'of X' belongs to."""
    words = phrase.split()
    if "of" not in words[1:-1]:
        return None
    after = " ".join(words[words.index("of") + 1:]).removeprefix("the ").strip(".,")
    import pycountry

    try:
        return country_name(pycountry.countries.lookup(after).alpha_2)
    except LookupError:
        return None


_ALL_GENERIC = set().union(*(n for n, _ in GENERIC_ACTORS)) | {"soldier", "protester", "rioter", "gunman"}


def proper_name_with_of(phrase: str) -> bool:
    words = phrase.split()
    if "of" not in words[1:-1]:
        return False
    return all(w[:1].isupper() for w in words if w not in ("of", "the", "and", "for"))


