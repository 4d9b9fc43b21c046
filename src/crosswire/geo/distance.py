"""Distance on the globe between two points given in degrees, and points found near a point."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Generic, TypeVar

T = TypeVar("T")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return EARTH_KM * 2 * math.asin(min(1.0, math.sqrt(a)))


EARTH_KM = 6371.0088


def _unit_vector(lat: float, lon: float) -> tuple[float, float, float]:
    phi, lam = math.radians(lat), math.radians(lon)
    return math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi)


class NearIndex(Generic[T]):
    """Points bucketed in cubes of space so that those within `km` of a point are found without measuring
    the distance to every one: a point within `km` lies in the same cube or a neighbouring one (the cube's
    side is the straight-line chord of a little more than `km`, so rounding never loses one). `near`
    gives a superset of the points within `km`; measure those."""

    def __init__(self, points: Iterable[tuple[float, float, T]], km: float) -> None:
        self.side = 2 * math.sin(min(math.pi / 2, (km * 1.01 + 1.0) / (2 * EARTH_KM)))
        self._cells: dict[tuple[int, int, int], list[tuple[int, T]]] = {}
        for n, (lat, lon, item) in enumerate(points):
            self._cells.setdefault(self._cell(lat, lon), []).append((n, item))

    def _cell(self, lat: float, lon: float) -> tuple[int, int, int]:
        x, y, z = _unit_vector(lat, lon)
        return math.floor(x / self.side), math.floor(y / self.side), math.floor(z / self.side)

    def near(self, lat: float, lon: float) -> list[T]:
        """The points in the cube of (lat, lon) and its 26 neighbours."""
        cx, cy, cz = self._cell(lat, lon)
        return [item for dx in (-1, 0, 1) for dy in (-1, 0, 1) for dz in (-1, 0, 1)
                for _, item in self._cells.get((cx + dx, cy + dy, cz + dz), ())]
