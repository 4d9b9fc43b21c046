"""Where an event is mapped: a division at the town it is governed from (gazetteer.seat, event_point)."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.geo.gazetteer import Gazetteer
from crosswire.model import Place
from crosswire.nlp.events import event_point

PLACES = [  # id, name, lat, lon, fcode, cc, admin1, admin2, population, origin
    (1, "Northland", 10.0, 10.0, "A.ADM1", "AF", "01", None, 900_000, "hand-built"),
    (2, "Port Amber", 10.4, 10.2, "P.PPLA", "AF", "01", "0101", 200_000, "hand-built"),
    (3, "Lake District", 10.5, 10.5, "A.ADM2", "AF", "01", "0102", 80_000, "hand-built"),
    (4, "Reedmouth", 10.6, 10.6, "P.PPLA2", "AF", "01", "0102", 30_000, "hand-built"),
    (5, "Kondara", 11.0, 11.0, "A.ADM3", "AF", "01", None, 0, "geoBoundaries: polygon centroid"),
    (6, "Kondara", 11.05, 11.05, "P.PPL", "AF", "01", None, 4_000, "hand-built"),
    (7, "Kondara", 13.0, 13.0, "P.PPL", "AF", "02", None, 9_000, "hand-built"),
    (8, "Southmarch", 20.0, 20.0, "A.ADM1", "AF", "02", None, 500_000, "hand-built"),
    (9, "Greyhaven", 20.2, 20.2, "P.PPLA2", "AF", "02", "0201", 300_000, "hand-built"),
    (10, "Millbrook", 20.4, 20.4, "P.PPLA2", "AF", "02", "0202", 100_000, "hand-built"),
    (11, "Eastvale", 30.0, 30.0, "A.ADM1", "AF", "03", None, 400_000, "hand-built"),
    (12, "Ashford", 30.2, 30.2, "P.PPLA2", "AF", "03", "0301", 100_000, "hand-built"),
    (13, "Birchley", 30.4, 30.4, "P.PPLA2", "AF", "03", "0302", 90_000, "hand-built"),
    (14, "Tarrow", 20.0, 20.0, "A.ADM2", "AF", "02", "0203", 50_000, "admin2Codes; no known city inside: point of its admin1"),
    (15, "Tarrow", 21.5, 21.5, "P.PPL", "AF", "02", None, 6_000, "hand-built"),
]


@pytest.fixture(scope="module")
def gaz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    from crosswire.geo.store import GazetteerWriter, PlaceRow

    path: Path = tmp_path_factory.mktemp("gaz") / "seats.sqlite"
    writer = GazetteerWriter(path)
    for row in PLACES:
        writer.add(PlaceRow(*row), [row[1]])
    writer.close()
    return Gazetteer.open(path)


def division(gaz: Gazetteer, place_id: int):
    found = gaz.get(place_id)
    assert found is not None
    return found


def test_a_province_is_governed_from_its_one_ppla(gaz: Gazetteer) -> None:
    assert gaz.seat(division(gaz, 1)).name == "Port Amber"


def test_a_district_is_governed_from_the_seat_coded_with_its_admin2(gaz: Gazetteer) -> None:
    assert gaz.seat(division(gaz, 3)).name == "Reedmouth"


def test_a_sub_district_without_codes_takes_the_town_of_its_name_near_its_point(gaz: Gazetteer) -> None:
    seat = gaz.seat(division(gaz, 5))
    assert seat is not None and seat.id == 6  # not the bigger Kondara in another province


def test_a_district_placed_at_its_provinces_point_takes_its_namesake_anywhere_in_the_province(gaz: Gazetteer) -> None:
    seat = gaz.seat(division(gaz, 14))
    assert seat is not None and seat.id == 15  # 210 km from the borrowed point, in the same province


def test_without_a_ppla_a_province_takes_its_biggest_town_only_when_it_clearly_leads(gaz: Gazetteer) -> None:
    assert gaz.seat(division(gaz, 8)).name == "Greyhaven"  # 300,000 against 100,000
    assert gaz.seat(division(gaz, 11)) is None  # 100,000 against 90,000: no telling which governs


def test_towns_and_countries_have_no_seat(gaz: Gazetteer) -> None:
    assert gaz.seat(division(gaz, 2)) is None


def place(gaz: Gazetteer, place_id: int) -> Place:
    c = division(gaz, place_id)
    return Place(0, len(c.name), c.name, name=c.name, geonameid=c.id, lat=c.lat, lon=c.lon, feature_code=c.fcode,
                 admin1=c.admin1, country=c.cc, confidence=0.9, reason="hand-made")


def test_event_points_and_their_precision(gaz: Gazetteer) -> None:
    assert event_point(place(gaz, 6), gaz) == (11.05, 11.05, 1)  # a town: its own point
    assert event_point(place(gaz, 1), gaz) == (10.4, 10.2, 3)  # a province: its capital, province precision
    assert event_point(place(gaz, 3), gaz) == (10.6, 10.6, 2)  # a district: its seat, district precision
    assert event_point(place(gaz, 11), gaz) == (30.0, 30.0, 3)  # no known seat: the division's own point


def test_a_division_without_a_geonames_id_is_looked_up_by_name(gaz: Gazetteer) -> None:
    unnumbered = Place(0, 7, "Kondara", name="Kondara", lat=11.0, lon=11.0, feature_code="A.ADM3", admin1="01",
                       country="AF", confidence=0.9)
    assert event_point(unnumbered, gaz) == (11.05, 11.05, 2)


def report(pipeline, text: str):
    from datetime import UTC, datetime

    from crosswire.model import Article

    return pipeline(Article(raw_text=text, published=datetime(2020, 5, 4, tzinfo=UTC)))


@pytest.mark.slow
def test_an_event_in_a_province_is_mapped_at_its_capital(full_pipeline) -> None:
    article = report(full_pipeline, "On 3 May 2020, Taliban fighters attacked a police post in Farah province, "
                                    "killing two policemen.")
    ev = article.events[0]
    assert article.places[ev.place].feature_code == "A.ADM1"
    assert ev.geo_precision == 3
    assert abs(ev.lat - 32.37) < 0.1 and abs(ev.lon - 62.12) < 0.1  # Farah city, not the province's centre
