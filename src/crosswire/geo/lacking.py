"""When a name is more likely a place the gazetteer lacks than its best candidate.

The text often says where a place lies ("Thor (Keur Moussa, Thies)", "Thor, Thies"); when no candidate
of the name lies there, the name is a village or quarter the gazetteer does not have, and its homonym
elsewhere must not stand in for it. `resolve.py` asks `lacking_reason` before it places a name.
"""

from __future__ import annotations

from .context import Cues, qualifier_readings
from .focus import ReportFocus
from .hierarchy import enclosing_candidates, inside, qualifier_divisions, stray
from .types import Candidate, GazetteerLike

# "the Cincinnati suburb of Mason" names a place in a big city, not a Cincinnati inside Mason; a city this
# big is also not outweighed by units found only abroad.
APPOSITIVE_MIN_POPULATION = 100_000
LACKING_SUFFIX = "a place the gazetteer lacks"  # how every reason `lacking_reason` gives ends


def lacking_reason(cand: Candidate, pool: list[Candidate], cue: Cues, context: ReportFocus, index: int,
                   gazetteer: GazetteerLike) -> str | None:
    """Why the name is more likely a place the gazetteer lacks than its best candidate `cand`, or None.

    Three signs: no candidate lies in the units the text says enclose the place ("Thor (Keur Moussa,
    Thies)"; units counted only in the report's countries); no town or district of the name lies in the
    province or country after its comma ("Thor, Thies"); the best is a small place abroad in a report
    firmly set in one country.
    """
    every_unit = enclosing_candidates(cue, gazetteer)
    units = [u for u in every_unit if u.cc in context.focus]  # own vote counts
    appositive = cue.part_of and cand.population >= APPOSITIVE_MIN_POPULATION
    # "Bamenda town (Mezam, Nord-Ouest)" where the only Nord-Ouest known is Haiti's: a city that big is not
    # outweighed by units found only in another country.
    foreign_units = cand.population >= APPOSITIVE_MIN_POPULATION and all(u.cc != cand.cc for u in units)
    # A place inside any reading of the units fits them, also abroad: "Kagara (Rafi LGA, Niger)" is in Niger
    # State although the report's focus took "Niger" for the country.
    misplaced = not cue.part_of and _sole_town(pool, {u.cc for u in units})  # "area of" a city is no province
    if units and not appositive and not foreign_units and not misplaced \
            and not any(inside(c, u) for c in pool for u in every_unit):
        return (f"{len(pool)} gazetteer entries match the name, none inside the units named with it "
                f"({', '.join(cue.enclosing)}): a place the gazetteer lacks")
    readings = qualifier_readings(cue, gazetteer)
    readings += qualifier_divisions(cue, gazetteer) if readings else []
    if readings and all(c.fclass == "P" or c.code in ("ADM2", "ADM3") for c in pool) and not any(
            c.cc == cc and admin1 in (None, c.admin1) for c in pool for cc, admin1 in readings):
        return (f"{len(pool)} gazetteer entries match the name, no town or district of them in "
                f"'{cue.qualifier}' named after it: a place the gazetteer lacks")
    firm = context.firm_country(index)
    if firm and stray(cand, firm, cue) and not any(inside(cand, u) for u in every_unit):  # units tie it abroad
        return (f"{len(pool)} gazetteer entries match the name, all outside {firm} where the rest of the "
                f"report is; the best, {cand.name} ({cand.cc}), is a small place: a place the gazetteer lacks")
    return None


def _sole_town(pool: list[Candidate], countries: set[str | None]) -> bool:
    """True when the name is one town by its own name in the countries of the units named with it:
    "Goniri (Gujba LGA, Borno)" for the Goniri just over the line in Yobe. A report misplacing a town
    in a neighbouring province is likelier than a homonym the gazetteer lacks."""
    return len([c for c in pool if c.fclass == "P" and c.match in ("main", "exact") and c.cc in countries]) == 1
