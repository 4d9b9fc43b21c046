"""What a report as a whole says about where it is: its countries and the places already placed.

Resolution scores each place name against this record: the report's country votes (the votes of a name
and of every other mention of the same name left out when that name is scored, so a name does not
confirm its own first guess by being repeated), the places
resolved with confidence (anchors a homonym is measured against) and the first-level divisions the
report names ("Novoselivka" in a report naming its oblast).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .distance import NearIndex
from .hierarchy import inside
from .types import Candidate

WORLD_CITY_POPULATION = 1_000_000  # a place inside a province the report names beats a bigger homonym elsewhere


@dataclass
class ReportFocus:
    """What the report as a whole says: its countries and the places already placed with confidence.

    `votes` holds each name's own vote for a country, left out when that same name is scored, so a
    name does not confirm its own first guess; `kin` maps a name to every mention of the same name
    (itself included), whose votes and anchors are left out with its own ("Freeport" three times does
    not vote three times for the Freeport abroad).
    """

    weights: dict[str, float]
    anchors: list[tuple[int, Candidate]]
    votes: dict[int, tuple[str, float]] = field(default_factory=dict)
    provinces: list[tuple[int, Candidate]] = field(default_factory=list)  # first-level divisions named
    kin: dict[int, frozenset[int]] = field(default_factory=dict)
    region_votes: dict[int, tuple[tuple[str, str], float]] = field(default_factory=dict)  # (country, admin1)
    _near: dict[float, NearIndex[tuple[tuple[int, ...], Candidate]]] = field(
        default_factory=dict, repr=False, compare=False)
    _provinces: dict[Candidate, tuple[int, ...]] | None = field(default=None, repr=False, compare=False)

    def anchor_places_near(self, lat: float, lon: float, km: float) -> list[tuple[tuple[int, ...], Candidate]]:
        """The places anchoring the report that may lie within `km` of (lat, lon) (a superset of those
        that do), each with the names anchored there. Each name's candidates are weighed against the
        anchors near them; measuring every anchor for every candidate grew with the square of the
        report's places, and a long report names the same places again and again."""
        if km not in self._near:
            names: dict[tuple[int, float, float], tuple[list[int], Candidate]] = {}
            for j, a in self.anchors:
                if a.lat is not None and a.lon is not None:
                    names.setdefault((a.id, a.lat, a.lon), ([], a))[0].append(j)
            self._near[km] = NearIndex(((a.lat, a.lon, (tuple(js), a)) for js, a in names.values()), km)
        return self._near[km].near(lat, lon)

    def _named_provinces(self) -> dict[Candidate, tuple[int, ...]]:
        """Each distinct province the report names, with the names resolved to it (a long report names
        the same provinces again and again; each is tested once per candidate)."""
        if self._provinces is None:
            names: dict[Candidate, list[int]] = {}
            for j, unit in self.provinces:
                names.setdefault(unit, []).append(j)
            self._provinces = {unit: tuple(js) for unit, js in names.items()}
        return self._provinces

    def in_named_provinces(self, pool: list[Candidate], index: int) -> set[int]:
        """The candidates lying in a province another name of the report resolved to ("Novoselivka" in a
        report naming its oblast). A country, province, capital or world city of the name is not
        outweighed by a province named elsewhere ("Washington" in a report naming Ohio is still the capital);
        one that only an alternate name matches is ("Columbia", an old name of a country, in a report naming
        the state whose capital is Columbia)."""
        found = {c.id for c in pool if any(not self.own(names, index) and inside(c, unit)
                                           for unit, names in self._named_provinces().items())}
        if any(c.match == "main" and (c.code in ("PCLI", "ADM1", "CONT", "PPLC") or c.population >= WORLD_CITY_POPULATION)
               for c in pool):
            return set()
        return found

    def own(self, names: tuple[int, ...], index: int) -> bool:
        """True when every name in `names` is name `index` or another mention of the same name."""
        return set(names) <= self.kin.get(index, frozenset((index,)))

    def _weights_without(self, index: int) -> dict[str, float]:
        weights = dict(self.weights)
        for j in self.kin.get(index, frozenset((index,))):
            if j in self.votes:
                cc, w = self.votes[j]
                weights[cc] -= w
        return weights

    def region_focus_for(self, index: int) -> dict[tuple[str, str], float]:
        """Share of the votes of the report's names placed in a first-level division, per division
        (country, admin1), without the votes of name `index` and its kin: the state or province the rest
        of the report is about ("Rockford" twice says which Freeport a report about Illinois means)."""
        kin = self.kin.get(index, frozenset((index,)))
        weights: dict[tuple[str, str], float] = {}
        for j, (region, w) in self.region_votes.items():
            if j not in kin:
                weights[region] = weights.get(region, 0.0) + w
        total = sum(weights.values())
        return {region: w / total for region, w in weights.items()} if total > 0 else {}

    @property
    def focus(self) -> dict[str, float]:
        return self.focus_for(-1)

    def focus_for(self, index: int) -> dict[str, float]:
        """Share of the report's country votes per country, without the votes of name `index` and its kin."""
        weights = self._weights_without(index)
        total = sum(weights.values())
        if total <= 0:
            return {}
        return {cc: w / total for cc, w in weights.items() if w / total >= 0.15}

    def firm_country(self, index: int) -> str | None:
        """The country the rest of the report is clearly in (most of at least one full vote), if any."""
        weights = self._weights_without(index)
        total = sum(weights.values())
        top = max(weights, key=lambda cc: weights[cc], default=None)
        return top if top is not None and weights[top] >= 1.0 and weights[top] >= 0.6 * total else None
