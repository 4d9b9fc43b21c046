"""Where a report is as a whole: datelines in capitals, state abbreviations, one sense per name, the state
the other names are in, compass parts of towns and street names. Over a small hand-built gazetteer (real
names, rounded points and populations); the texts are written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.geo.context import cues_at, us_state_code
from crosswire.geo.gazetteer import Gazetteer
from crosswire.geo.resolve import (
    ToponymCandidate,
    kin_groups,
    kin_key,
    names_a_street_or_building,
    resolve_toponyms,
)
from crosswire.geo.stage import dateline_places, toponym_spans
from crosswire.geo.types import Candidate
from crosswire.model import Article, Mention

PLACES = [  # id, name, alternates, lat, lon, fcode, cc, admin1, population
    (1, "United States", ["U.S."], 39.8, -98.5, "A.PCLI", "US", None, 320_000_000),
    (2, "Tennessee", [], 35.8, -86.4, "A.ADM1", "US", "TN", 6_000_000),
    (3, "Massachusetts", [], 42.3, -71.8, "A.ADM1", "US", "MA", 6_500_000),
    (4, "Illinois", [], 40.0, -89.2, "A.ADM1", "US", "IL", 12_800_000),
    (5, "South Carolina", [], 34.0, -81.0, "A.ADM1", "US", "SC", 4_600_000),
    (6, "District of Columbia", ["Columbia", "D.C."], 38.9, -77.0, "A.ADM1", "US", "DC", 700_000),
    (10, "Memphis", [], 35.15, -90.05, "P.PPL", "US", "TN", 650_000),
    (11, "Memphis", [], 38.4, -85.8, "P.PPLA2", "US", "IN", 700),
    (20, "Westbury", [], 40.76, -73.59, "P.PPL", "US", "NY", 60_000),
    (21, "Westbury", [], 42.12, -72.75, "P.PPL", "US", "MA", 40_000),
    (30, "Freeport", [], 26.53, -78.7, "P.PPLA", "BS", "25", 27_000),
    (31, "Freeport", [], 40.66, -73.58, "P.PPL", "US", "NY", 43_000),
    (32, "Freeport", [], 42.3, -89.62, "P.PPL", "US", "IL", 24_000),
    (33, "Rockford", [], 42.27, -89.09, "P.PPL", "US", "IL", 148_000),
    (40, "Columbia", [], 34.0, -81.03, "P.PPL", "US", "SC", 140_000),
    (41, "Columbia", [], 40.03, -76.5, "P.PPLA2", "US", "PA", 10_000),
    (42, "Colombia", ["Columbia"], 4.0, -72.0, "A.PCLI", "CO", None, 50_000_000),
    (50, "Charlotte", [], 35.23, -80.84, "P.PPL", "US", "NC", 900_000),
    (51, "Charlotte", [], 13.3, -61.2, "A.ADM1", "VC", "01", 40_000),
    (52, "Charlotte", ["West Charlotte"], 44.3, -73.26, "P.PPL", "US", "VT", 3_800),
    (53, "North Carolina", [], 35.5, -79.4, "A.ADM1", "US", "NC", 10_000_000),
    (60, "Philadelphia", [], 39.95, -75.16, "P.PPLA2", "US", "PA", 1_500_000),
    (61, "Amman", ["Philadelphia"], 31.95, 35.93, "P.PPLC", "JO", "16", 1_300_000),
    (70, "San Antonio", [], 29.42, -98.49, "P.PPL", "US", "TX", 1_500_000),
    (71, "San Antonio", [], -33.59, -71.61, "P.PPLA2", "CL", "05", 88_000),
    (80, "Brook", [], 40.87, -87.36, "P.PPL", "US", "IN", 1_000),
    (81, "Hartford", [], 41.76, -72.69, "P.PPL", "US", "CT", 120_000),
    (90, "Pecos", [], 31.42, -103.49, "P.PPLA2", "US", "TX", 9_500),
    (91, "Las Vegas", [], 36.17, -115.14, "P.PPL", "US", "NV", 640_000),
    (100, "Jackson", [], 35.61, -88.81, "P.PPLA2", "US", "TN", 67_000),
    (101, "Jackson County", ["Jackson"], 36.35, -85.67, "A.ADM2", "US", "TN", 900_000),
]


@pytest.fixture(scope="module")
def gaz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    from crosswire.geo.store import GazetteerWriter, PlaceRow

    path: Path = tmp_path_factory.mktemp("gaz") / "focus.sqlite"
    writer = GazetteerWriter(path)
    for gid, name, alts, lat, lon, fcode, cc, admin1, pop in PLACES:
        writer.add(PlaceRow(gid, name, lat, lon, fcode, cc, admin1, None, pop, "hand-built"), [name, *alts])
    writer.close()
    return Gazetteer.open(path)


def every(text: str, name: str) -> list[ToponymCandidate]:
    """A span for each occurrence of `name` in `text`."""
    out, at = [], text.find(name)
    while at != -1:
        out.append(ToponymCandidate(at, at + len(name), name))
        at = text.find(name, at + 1)
    return out


def resolve(text: str, gaz: Gazetteer, *names: str) -> list:
    spans = sorted((s for n in names for s in every(text, n)), key=lambda s: s.start)
    return resolve_toponyms(spans, text, gaz)


# --- datelines and state abbreviations -------------------------------------------------------------

@pytest.mark.parametrize(("text", "place"), [
    ("Two hurt\n\nMEMPHIS, Tenn. (WXYZ) — Two men were hurt on Friday.", "MEMPHIS"),
    ("Two hurt\n\nSAN ANTONIO -- Two men were hurt on Friday.", "SAN ANTONIO"),
    ("Two hurt\n\nHARTFORD –Police said two men were hurt.", "HARTFORD"),
    ("Two hurt\nBy A. Writer\nPHILADELPHIA (Station 6) – Two men were hurt.", "PHILADELPHIA"),
])
def test_a_dateline_in_capitals_is_a_place(gaz: Gazetteer, text: str, place: str) -> None:
    (found,) = dateline_places(text, gaz)
    assert (found.text, found.label) == (place, "GPE")


@pytest.mark.parametrize("text", [
    "UPDATE: Two men were hurt on Friday.",  # a label, not a dateline: no dash after it
    "Two hurt\n\nNOTHINGTOWN — Two men were hurt.",  # capitals the gazetteer does not know
    "Two hurt\n\nPolice said MEMPHIS — in capitals mid-sentence — was calm.",
])
def test_capitals_that_are_no_dateline_are_left_alone(gaz: Gazetteer, text: str) -> None:
    assert dateline_places(text, gaz) == []


def test_the_dateline_replaces_the_taggers_pieces_of_it(gaz: Gazetteer) -> None:
    text = "Two hurt\n\nSAN ANTONIO -- Two men were hurt on Friday."
    at = text.index("SAN")
    article = Article(raw_text=text, text=text, mentions=[Mention(at, at + 3, "SAN", "ORG"),
                                                          Mention(at + 4, at + 11, "ANTONIO", "GPE")])
    assert [t.text for t in toponym_spans(article, gaz)] == ["SAN ANTONIO"]


@pytest.mark.parametrize(("word", "code"), [("Tenn.", "TN"), ("Tenn", "TN"), ("Ky", "KY"), ("KY", "KY"),
                                            ("Mass", "MA"), ("Texas", None), ("Main", None)])
def test_state_abbreviations_with_or_without_their_stop(word: str, code: str | None) -> None:
    assert us_state_code(word) == code


def test_an_abbreviation_without_its_stop_qualifies_the_town(gaz: Gazetteer) -> None:
    (memphis,) = resolve("MEMPHIS, Tenn -- Police are looking for two men.", gaz, "MEMPHIS")
    assert memphis.admin1 == "TN" and cues_at("MEMPHIS, Tenn -- P", 0, 7).qualifier == "Tenn"


def test_a_state_abbreviation_cut_before_its_stop_is_the_state(gaz: Gazetteer) -> None:
    text = "WESTBURY, Mass. -- A man was hurt."
    start = text.index("Mass")
    (state,) = resolve_toponyms([ToponymCandidate(start, start + 4, "Mass")], text, gaz)
    assert (state.name, state.feature_code) == ("Massachusetts", "A.ADM1")


# --- one sense per name, and the state the rest of the report is in --------------------------------

def test_one_qualified_mention_says_which_place_every_mention_of_the_name_is(gaz: Gazetteer) -> None:
    text = ("Teen hurt in Westbury\n\nWESTBURY, Mass. -- A teen was hurt in Westbury on Sunday. "
            "Westbury police asked for help.")
    places = resolve(text, gaz, "Westbury", "WESTBURY")
    assert len(places) == 4 and {p.admin1 for p in places} == {"MA"}


def test_a_name_repeated_does_not_vote_for_its_own_first_guess(gaz: Gazetteer) -> None:
    text = ("Freeport teen shot\n\nFreeport police said a teen was shot at a home in Freeport, and the "
            "Rockford station reported it.")
    places = resolve(text, gaz, "Freeport", "Rockford")
    assert {p.geonameid for p in places if p.text == "Freeport"} == {32}  # Illinois, where Rockford is


def test_kin_are_the_mentions_of_one_name_told_apart_by_the_kind_the_text_says() -> None:
    text = "Hama fell. Rebels took Hama and the province of Hama."
    tops = [ToponymCandidate(s.start, s.end, s.text) for s in every(text, "Hama")]
    groups = kin_groups(tops, [cues_at(text, t.start, t.end) for t in tops])
    assert groups[0] == groups[1] == frozenset({0, 1}) and groups[2] == frozenset({2})
    assert kin_key("west Charlotte") == kin_key("Charlotte") != kin_key("West Charlotte")


def test_a_province_named_elsewhere_outweighs_a_country_known_by_an_alternate_name(gaz: Gazetteer) -> None:
    text = "Girl hurt in Columbia shooting\n\nThe Columbia Police Department in South Carolina is investigating."
    places = resolve(text, gaz, "Columbia", "South Carolina")
    assert {p.geonameid for p in places if p.text == "Columbia"} == {40}


def test_a_district_seat_is_no_match_for_a_city_ten_times_its_size(gaz: Gazetteer) -> None:
    (city,) = resolve("A woman was killed in San Antonio on Monday.", gaz, "San Antonio")
    assert city.geonameid == 70


# --- compass words and streets -----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "name", "gid"), [
    ("Four people were shot at a west Charlotte house party.", "west Charlotte", 50),
    ("A girl was shot in Northeast Memphis on Saturday.", "Northeast Memphis", 10),
    ("Storms crossed North Carolina on Monday.", "North Carolina", 53),
    ("Four were hurt outside a bar in East Jackson, Tenn. overnight.", "East Jackson", 100),
])
def test_a_compass_word_names_part_of_the_place_after_it(gaz: Gazetteer, text: str, name: str, gid: int) -> None:
    (place,) = resolve(text, gaz, name)
    assert place.geonameid == gid


def test_a_compass_word_opening_a_streets_name_is_part_of_it(gaz: Gazetteer) -> None:
    text = "The shooting was at a home near North Pecos and East Gowan roads in Las Vegas."
    pecos, vegas = resolve(text, gaz, "North Pecos", "Las Vegas")
    assert pecos.geonameid is None and vegas.geonameid == 91


@pytest.mark.parametrize(("name", "street"), [("Kinsey Avenue", True), ("Grady Hospital", True),
                                              ("Memorial Park", True), ("Hartford", False), ("Park", False)])
def test_names_a_street_or_building(name: str, street: bool) -> None:
    assert names_a_street_or_building(name) is street


def test_a_place_the_text_says_the_gazetteer_lacks_is_unknown_at_every_mention(gaz: Gazetteer) -> None:
    text = "Four hurt in Westbury shooting\n\nA shooting in the Westbury section of Philadelphia hurt four people."
    places = resolve(text, gaz, "Westbury", "Philadelphia")
    assert [p.geonameid for p in places] == [None, None, 60]
    assert "as another mention of the name says" in places[0].reason


def test_a_districts_coded_seat_far_from_its_point_is_not_its_seat(gaz: Gazetteer) -> None:
    county = Candidate(99, "Lucas County", 41.62, -83.66, "A.ADM2", "US", "OH", "095", 400_000, "hand-built")
    far = Candidate(98, "Lucas", 40.7, -82.42, "P.PPLA2", "US", "OH", "095", 600, "hand-built")
    near = Candidate(97, "Toledo", 41.66, -83.56, "P.PPLA2", "US", "OH", "095", 270_000, "hand-built")
    assert not Gazetteer._near_enough(county, far) and Gazetteer._near_enough(county, near)
