"""The records and the interface place resolution shares: a gazetteer candidate and what a gazetteer offers.

Kept apart from `gazetteer.py` (the SQLite implementation) so that the readers of places (`context`,
`hierarchy`, `resolve`, the events stage) depend on the shape of a gazetteer, not on one gazetteer.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Protocol

from .demonyms import load_demonyms


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name may refer to, and how the name matched it."""

    id: int
    name: str
    lat: float | None
    lon: float | None
    fcode: str
    cc: str | None
    admin1: str | None
    admin2: str | None
    population: int
    origin: str
    match: str = "exact"  # main | exact (an alternate name) | article | fuzzy | skeleton | embedded
    edits: int = 0

    @property
    def fclass(self) -> str:
        return self.fcode.split(".", 1)[0]

    @property
    def code(self) -> str:
        return self.fcode.split(".", 1)[-1]


# The origin the builder gives a district it could only put at its province's point (no town of it was known).
COARSE_ORIGIN = "point of its admin1"


def coarse_district(cand: Candidate) -> bool:
    """A district whose point is only its province's: a coarse place to put an event at."""
    return cand.code == "ADM2" and COARSE_ORIGIN in cand.origin


class GazetteerLike(Protocol):
    """What resolution needs from a gazetteer."""

    def lookup(self, name: str) -> list[Candidate]: ...

    def fuzzy(self, name: str, countries: frozenset[str] | None = None) -> list[Candidate]: ...

    @cached_property
    def demonyms(self) -> dict[str, str]:
        """Demonym -> country code or "@" continent code, from the curated table."""
        return load_demonyms()

    def get(self, place_id: int) -> Candidate | None: ...

    def country(self, cc: str) -> Candidate | None: ...

    def admin1(self, cc: str, code: str) -> Candidate | None: ...

    def seat(self, division: Candidate) -> Candidate | None: ...
