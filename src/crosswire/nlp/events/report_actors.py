"""Actors named with what the whole report says, not only the phrase the parse gave.

A one-line note names its actors outright ("Taliban militants attacked ..."); a news report names a group
once and then says "the rebels", "the alliance", "the jihadists"; a headline in title case cuts a phrase
short ("Islamist Forces Attempt"); a capital stands for its state ("Damascus's army"); and a town may be
the object of a strike verb ("could strike Homs"). `ReportActors` names each phrase with the actor table
and ACLED's generic naming (`actor_names`) and then with the report:

- a phrase the parse ran on past its head noun is cut back to it ("Islamist Forces Attempt" ->
  "Islamist Forces", "Damascus's army persist" -> "Damascus's army");
- "<capital>'s army / forces / government" is that country's ("army of Syria"), and a bare "<capital>'s"
  its forces;
- a generic side word ("rebels", "the alliance", "fighters", "Islamist factions") is the non-state armed
  group the report names most (at least twice and more often than any other), else ACLED's
  "Unidentified Armed Group (<country>)", as is any other armed body left unnamed ("paramilitary groups"):
  never a bare common-noun phrase;
- a nation's aircraft are its forces ("US warplanes");
- a phrase that is only a town's or province's name is no actor (a place, not a party).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Any

from ...geo.demonyms import load_demonyms
from ...model import Article
from ...names import country_name
from .actor_names import MEMBER_NOUNS, PEOPLE_HEADS, acled_actor, table_actor
from .lexicon import STATE_NOUNS

# Actor-table types of non-state armed groups: the "rebels" of a report are one of these.
NON_STATE_TYPES = frozenset({"Rebel group", "Political militia", "Identity militia"})

# Words a generic reference to a non-state side is made of ("the rebels", "an alliance of jihadists",
# "Islamist factions", "opposition fighters"); every word of the phrase must be one of these.
_SIDE_HEADS = frozenset({"rebel", "rebels", "fighter", "fighters", "jihadist", "jihadists", "islamist", "islamists",
                         "insurgent", "insurgents", "militant", "militants", "alliance", "coalition", "faction",
                         "factions", "group", "groups", "opposition", "guerrilla", "guerrillas", "insurgency"})
_SIDE_WORDS = _SIDE_HEADS | {"the", "a", "an", "its", "their", "these", "those", "armed", "forces", "force", "of",
                             "and", "radical", "islamic", "hardline", "allied", "jihadi"}

# Head nouns an actor phrase may end in: people, members, armed groups and state forces.
_HEADS = frozenset(PEOPLE_HEADS | MEMBER_NOUNS | STATE_NOUNS | {f"{n}s" for n in STATE_NOUNS} | _SIDE_HEADS
                   | {"army", "armies", "regime", "militia", "militias", "government", "military"})

_POSSESSIVE = re.compile(r"^(?P<owner>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)['’]s?(?:\s+(?P<rest>.*))?$")


def leading_group(article: Article, minimum: int = 2) -> str | None:
    """The non-state armed group the report names most often (actor-table mentions), when it is named at
    least `minimum` times and more often than any other such group."""
    counts = Counter(m.canonical for m in article.mentions
                     if m.canonical and m.label == "ORG" and m.actor_type in NON_STATE_TYPES)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < minimum or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def trimmed_to_head(phrase: str) -> str:
    """The phrase cut back to its last head noun when words the parse ran on follow it ("Islamist Forces
    Attempt" -> "Islamist Forces"); the phrase itself when it ends in a head or has none."""
    words = phrase.split()
    for i in range(len(words) - 1, -1, -1):
        word = words[i].strip(".,'\"()’").lower()
        if word in _HEADS or word.rstrip("s") in _HEADS:
            return " ".join(words[:i + 1])
    return phrase


def is_generic_side(phrase: str) -> bool:
    """True for a reference to a non-state side that names no one ("the rebels", "an alliance of jihadists
    and rebels", "Islamist Forces"): side words only, with at least one side head."""
    words = [w.strip(".,'\"()’").lower() for w in phrase.split()]
    return bool(words) and set(words) <= _SIDE_WORDS and bool(set(words) & _SIDE_HEADS)


# Head nouns of an armed body that a phrase in lower case leaves unnamed ("paramilitary groups").
_ARMED_HEADS = frozenset({"group", "militia", "paramilitary", "paramilitarie", "squad", "cell", "brigade", "battalion",
                          "unit", "gang", "band"})


def _is_armed_unnamed(phrase: str) -> bool:
    words = phrase.lower().split()
    return bool(words) and words[-1].rstrip("s") in _ARMED_HEADS


# Aircraft named with their nation fly for its forces ("US warplanes", "Russian jets").
_AIRCRAFT = frozenset({"warplane", "jet", "aircraft", "helicopter", "gunship", "bomber"})


def _aircraft_as_forces(phrase: str) -> str:
    """ "US warplanes" -> "US forces": a nation's aircraft stand for its forces; a bare "warplanes" says
    nothing of whose, and stays."""
    words = phrase.split()
    if len(words) > 1 and words[-1].lower().rstrip("s") in _AIRCRAFT and words[-2][:1].isupper():
        return " ".join([*words[:-1], "forces"])
    return phrase


class ReportActors:
    """Names a report's actor phrases (see the module docstring). `aliases` is the actor table, `country`
    the report's country as an ACLED name."""

    def __init__(self, article: Article, aliases: Any, country: str | None) -> None:
        self.aliases, self.country = aliases, country
        self.leading = leading_group(article)
        places = [p for p in article.places if p.lat is not None and p.country]
        self._capitals = {p.text: p.country for p in places if (p.feature_code or "") == "P.PPLC"}
        self._places = {p.text for p in places if not (p.feature_code or "").startswith("A.PCL")}

    def name(self, phrase: str | None) -> str | None:
        if not phrase:
            return None
        cut = trimmed_to_head(phrase)
        for form in dict.fromkeys((phrase, cut)):
            named = table_actor(form, self.aliases, self.country)
            if named is not None:
                return named
        cut = _aircraft_as_forces(cut)
        owned = self._capital_owned(cut)
        if owned is not None:
            return owned
        if is_generic_side(cut):
            generic = acled_actor(cut, self.country)
            unnamed = generic if generic and generic.startswith("Unidentified") else self._unidentified()
            return self.leading or unnamed
        if phrase.strip() in self._places:
            return None
        named = acled_actor(cut, self.country)
        if named and named[:1].islower() and _is_armed_unnamed(named):
            return self._unidentified()  # "paramilitary groups", "allied militias": armed, but no one named
        return named

    def _unidentified(self) -> str:
        return f"Unidentified Armed Group ({self.country})" if self.country else "Unidentified Armed Group"

    def _capital_owned(self, phrase: str) -> str | None:
        """ "Damascus's army" -> "Military Forces of Syria", "Damascus's" -> the same: a capital named for
        its state (the bare name is a place, as in "shelled Damascus"), named with the capital's country
        rather than the report's; else None."""
        match = _POSSESSIVE.match(phrase.strip())
        if match is None or match.group("owner") not in self._capitals:
            return None
        nation = country_name(self._capitals[match.group("owner")])
        if not nation:
            return None
        rest = (match.group("rest") or "").strip() or "forces"
        code = self._capitals[match.group("owner")]
        demonym = _demonym(code)
        table = table_actor(f"{demonym} {rest}", self.aliases, nation) if demonym else None
        return table or acled_actor(rest, nation)


@cache
def _demonyms() -> dict[str, str]:
    """Country code -> its first nationality adjective in the demonym table ("SY" -> "Syrian")."""
    first: dict[str, str] = {}
    for word, code in load_demonyms().items():
        if len(code) == 2 and not word.endswith("s"):
            first.setdefault(code, word.title())
    return first


def _demonym(code: str) -> str | None:
    return _demonyms().get(code)
