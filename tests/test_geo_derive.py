"""Capital, admin-seat and admin2 codes derived by name for the default gazetteer's cities."""

from crosswire.geo.derive import derive_codes, division_keys
from crosswire.geo.store import PlaceRow


def _city(gid: int, name: str, admin1: str, population: int, lat: float = 10.0, lon: float = 20.0,
          alternates: tuple[str, ...] = ()) -> tuple[PlaceRow, list[str]]:
    return PlaceRow(gid, name, lat, lon, "P.PPL", "XX", admin1, None, population, "test"), [name, *alternates]


def _codes(cities, capitals=None, admin1=None, admin2=None) -> dict[int, tuple[str, str | None]]:
    out = derive_codes(cities, capitals or {}, admin1 or {}, admin2 or {})
    return {row.id: (row.fcode, row.admin2) for row, _ in out}


def test_division_keys_drop_generic_words():
    assert "tartus" in division_keys(["Tartus District"])
    assert "northfield" in division_keys(["Northfield Governorate"])


def test_capital_prefers_main_name_over_a_bigger_alternate():
    cities = [_city(1, "Oldport", "01", 900_000, alternates=("New Harbour",)), _city(2, "New Harbour", "02", 300_000)]
    assert _codes(cities, capitals={"XX": "New Harbour"})[2][0] == "P.PPLC"
    assert _codes(cities, capitals={"XX": "New Harbour"})[1][0] == "P.PPL"


def test_admin1_seat_is_the_biggest_city_named_like_its_division():
    cities = [_city(1, "Velor", "01", 50_000), _city(2, "Velor", "02", 90_000), _city(3, "Amsel", "01", 70_000)]
    codes = _codes(cities, admin1={"XX.01": ["Velor Province", "Velor Province"]})
    assert codes[1][0] == "P.PPLA"  # the Velor inside division 01, not the bigger one in 02
    assert codes[2][0] == codes[3][0] == "P.PPL"


def test_admin2_seat_and_nearest_seat_membership():
    cities = [_city(1, "Brask", "01", 20_000, lat=0.0, lon=0.0), _city(2, "Tolm", "01", 15_000, lat=0.0, lon=1.0),
              _city(3, "Pell", "01", 800, lat=0.0, lon=0.1), _city(4, "Vard", "01", 900, lat=0.0, lon=0.95)]
    codes = _codes(cities, admin2={"XX.01.A": ["Brask District"] * 2, "XX.01.B": ["Tolm County"] * 2})
    assert codes[1] == ("P.PPLA2", "A") and codes[2] == ("P.PPLA2", "B")
    assert codes[3][1] == "A" and codes[4][1] == "B"
