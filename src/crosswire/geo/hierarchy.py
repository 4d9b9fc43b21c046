"""Where a name's place lies relative to what the text says about it.

The units named in brackets after a toponym ("Thor (Keur Moussa, Thies)") enclose it; a place found
inside a longer name ("Colorado State University") stands for it only under conditions; a small
place abroad is not taken for a name in a report firmly set in one country. Pure functions over
gazetteer candidates; `resolve.py` weighs them.
"""

from __future__ import annotations

from dataclasses import replace

from .context import Cues
from .distance import haversine_km
from .division_names import COMMON_WORDS
from .normalise import ARTICLES, tokens
from .types import Candidate, GazetteerLike, coarse_district

# How far from a coarse district's point (its province's) a same-named place may lie to stand in for it.
COARSE_STAND_IN_KM = 200.0
STRAY_MAX_POPULATION = 50_000  # a place abroad smaller than this is not taken in a report set elsewhere

# Words that name a kind of place and are also some place's name ("Bay" is a Somali region): inside a
# longer name ("Macuto Bay") they say what the place is, not where.
GENERIC_PLACE_WORDS = COMMON_WORDS | {"bay", "sea", "valley", "beach", "hill", "hills", "desert", "forest", "camp",
                                      "port", "mount", "cape", "peninsula", "oasis", "plain", "plains", "bank"}

# Generic words GeoNames puts after a division's name ("Niger State", "Central Department").
DIVISION_SUFFIXES = ("State", "Region", "Department", "Province", "Governorate", "District")
# French compass words in division names ("Sud-Ouest", "Extreme-Nord"), which GeoNames names in English.
FRENCH_COMPASS = {"nord": "North", "sud": "South", "est": "East", "ouest": "West", "extreme": "Far",
                  "extrême": "Far"}

# Last words of names of streets and squares, which are often named after other places.
FACILITY_HEADS = frozenset({"street", "road", "avenue", "highway", "bridge", "square", "boulevard", "lane"})


def is_acronym(name: str) -> bool:
    """An abbreviation, not a spelled-out name: up to four letters mostly capitals ("GNA", "J&K"), or
    capitals inside a mixed-case word ("NaTaLa"). A dateline in capitals ("BEIRUT") is a name."""
    letters = [ch for ch in name if ch.isalpha()]
    capitals = sum(ch.isupper() for ch in letters)
    if capitals < 2 or capitals * 2 < len(letters):
        return False
    return len(letters) <= 4 or capitals < len(letters)


def embedded_candidates(name: str, gazetteer: GazetteerLike) -> list[Candidate]:
    """The place inside a longer name ("Colorado State University" -> Colorado): the longest run of
    capitalised words that is a country, division, continent or city by its main or exact name.

    Not for a street or square named after a city ("Baghdad Street" is not in Baghdad), and never a
    run of articles or a generic word alone ("Al" of "Al Rahba", "Bay" of "Macuto Bay"); a city only by
    its main name, as alternate names hold short forms in other languages ("Kash" for Kashgar)."""
    words = name.split()
    if words and words[-1].casefold() in FACILITY_HEADS:
        return []
    # "Nahri Saraj", "Chamkar Mon": a two-word name is mostly one name, so only a country, province or
    # big city inside it counts ("Dubai Turf").
    two_names = len(words) == 2 and all(w[:1].isupper() and not w.isupper() for w in words)
    for size in range(len(words) - 1, 0, -1):
        for i in range(len(words) - size + 1):
            part = words[i:i + size]
            if not all(w[:1].isupper() for w in part) or all(t in ARTICLES for t in tokens(" ".join(part))) \
                    or " ".join(part).casefold() in GENERIC_PLACE_WORDS:
                continue
            found = [replace(c, match="embedded") for c in gazetteer.lookup(" ".join(part))
                     if c.match in ("main", "exact") and (c.fclass != "P" or c.population >= 100_000 and c.match == "main")
                     and not (two_names and c.code not in ("PCLI", "ADM1", "CONT") and c.fclass != "P")]
            if found:
                return found
    return []


def enclosing_candidates(cue: Cues, gazetteer: GazetteerLike) -> list[Candidate]:
    """Gazetteer entries the names in brackets after a toponym may be ("Thor (Keur Moussa, Thies)"): the
    units the place lies in. A name after a comma is not used: "Tamil Nadu, Kerala" is a list."""
    units: list[Candidate] = []
    for name in (n for n in cue.enclosing if not is_acronym(n)):  # "J&K", "UP": look-ups of acronyms are guesses
        units.extend(unit_candidates(name, gazetteer))
    return units


def unit_candidates(name: str, gazetteer: GazetteerLike) -> list[Candidate]:
    """Divisions and towns a name given as an enclosing unit may be. GeoNames names many divisions with
    their generic word ("Niger State", "Central Department") or in English ("South-West" for a report's
    "Sud-Ouest"), and a bare name that is a common word is not indexed alone, so these spellings are
    tried too: "(Rafi LGA, Niger)" names Niger State as well as the country."""
    found = [c for c in gazetteer.lookup(name) if c.match in ("main", "exact", "article") and c.fclass in ("A", "P")]
    for variant in _division_spellings(name):
        found.extend(c for c in gazetteer.lookup(variant)
                     if c.match in ("main", "exact") and c.code in ("ADM1", "ADM2") and c not in found)
    return found


def qualifier_divisions(cue: Cues, gazetteer: GazetteerLike) -> list[tuple[str, str | None]]:
    """First-level divisions the name after a comma may be by the spellings of `unit_candidates`
    ("Rafi LGA, Niger" -> Niger State), as (country, admin1) readings."""
    if cue.qualifier is None or is_acronym(cue.qualifier):
        return []
    return [(c.cc, c.admin1) for c in unit_candidates(cue.qualifier, gazetteer) if c.code == "ADM1" and c.cc]


def _division_spellings(name: str) -> list[str]:
    """The name with each generic division word after it, and in English when it is a French compass name."""
    parts = name.split("-")
    spellings = [f"{name} {word}" for word in DIVISION_SUFFIXES]
    if any(p.casefold() in FRENCH_COMPASS for p in parts):
        spellings.append("-".join(FRENCH_COMPASS.get(p.casefold(), p) for p in parts))
    return spellings


def inside(cand: Candidate, unit: Candidate) -> bool:
    """Whether `cand` lies in `unit` (its country, admin1 or admin2, or within 50 km of a named town), or is
    the unit itself."""
    if cand.id == unit.id:  # "Banfora (Banfora, Comoe)": the town named like its district
        return True
    if cand.cc != unit.cc:
        return False
    if unit.code == "PCLI":
        return True
    if unit.code == "ADM1":
        return cand.admin1 == unit.admin1
    if unit.code == "ADM2":
        return cand.admin1 == unit.admin1 and cand.admin2 in (unit.admin2, None)  # admin2 of towns is often unknown
    if None in (cand.lat, cand.lon, unit.lat, unit.lon):
        return False
    return haversine_km(cand.lat, cand.lon, unit.lat, unit.lon) <= 50  # type: ignore[arg-type]


def coarse_district_stand_in(ranked: list[Candidate]) -> Candidate:
    """The best of `ranked`, or a same-named place near it when it is a coarse district ("Bagram" the
    district, placed at its province's point, and the town): the town's point is where the name is."""
    top = ranked[0]
    if not coarse_district(top) or top.lat is None or top.lon is None:
        return top
    for other in ranked[1:]:
        if other.cc == top.cc and other.lat is not None and other.lon is not None and not coarse_district(other) \
                and haversine_km(other.lat, other.lon, top.lat, top.lon) <= COARSE_STAND_IN_KM:
            return other
    return top


def stray(cand: Candidate, firm: str, cue: Cues) -> bool:
    """A small town or district abroad, picked for a name in a report firmly set in another country
    with nothing in the text tying it abroad: more likely a local place the gazetteer lacks."""
    if cand.cc == firm or cue.qualifier is not None or cand.population >= STRAY_MAX_POPULATION:
        return False
    return cand.fclass == "P" or cand.code in ("ADM2", "ADM3")
