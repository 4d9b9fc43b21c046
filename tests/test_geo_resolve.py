"""Toponym resolution with document context, over a small hand-built gazetteer; the places stage."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from crosswire.geo.context import cues_at
from crosswire.geo.gazetteer import Gazetteer
from crosswire.geo.resolve import ToponymCandidate, haversine_km, resolve_toponyms
from crosswire.geo.stage import PlacesStage, toponym_spans
from crosswire.model import Article, Mention

PLACES = [  # id, name, alternates, lat, lon, fcode, cc, admin1, population
    (163843, "Syria", ["Syrian Arab Republic"], 35.0, 38.0, "A.PCLI", "SY", None, 17_000_000),
    (6252001, "United States", ["U.S.", "America"], 39.76, -98.5, "A.PCLI", "US", None, 320_000_000),
    (3017382, "France", [], 46.0, 2.0, "A.PCLI", "FR", None, 66_000_000),
    (170015, "Hama", ["Hamah"], 35.2, 36.9, "A.ADM1", "SY", "10", 750_000),
    (170017, "Ḩamāh", ["Hama", "Hamah"], 35.13, 36.75, "P.PPLA", "SY", "10", 460_000),
    (170063, "Aleppo", ["Halab"], 36.2, 37.16, "P.PPLA", "SY", "09", 2_000_000),
    (163345, "Tall Rif'at", ["Tell Rifaat"], 36.47, 37.1, "P.PPL", "SY", "09", 20_000),
    (2988507, "Paris", [], 48.85, 2.35, "P.PPLC", "FR", "11", 2_100_000),
    (4717560, "Paris", [], 33.66, -95.56, "P.PPLA2", "US", "TX", 25_000),
    (4736286, "Texas", [], 31.25, -99.25, "A.ADM1", "US", "TX", 22_000_000),
    (4250542, "Springfield", [], 39.8, -89.64, "P.PPLA", "US", "IL", 116_000),
    (4409896, "Springfield", [], 37.2, -93.3, "P.PPLA2", "US", "MO", 166_000),
    (4896861, "Illinois", [], 40.0, -89.25, "A.ADM1", "US", "IL", 12_800_000),
]


@pytest.fixture(scope="module")
def gaz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    from crosswire.geo.store import GazetteerWriter, PlaceRow

    path: Path = tmp_path_factory.mktemp("gaz") / "small.sqlite"
    writer = GazetteerWriter(path)
    for gid, name, alts, lat, lon, fcode, cc, admin1, pop in PLACES:
        writer.add(PlaceRow(gid, name, lat, lon, fcode, cc, admin1, None, pop, "hand-built"), [name, *alts])
    writer.close()
    return Gazetteer.open(path)


def spans(text: str, *names: str) -> list[ToponymCandidate]:
    return [ToponymCandidate(text.index(n), text.index(n) + len(n), n) for n in names]


def resolve(text: str, gaz: Gazetteer, *names: str, **kw: bool) -> list:
    return resolve_toponyms(spans(text, *names), text, gaz, **kw)


def test_town_is_preferred_over_the_province_of_the_same_name(gaz: Gazetteer) -> None:
    (town,) = resolve("Rebels reached Hama on Thursday.", gaz, "Hama")
    assert town.geonameid == 170017 and town.feature_code == "P.PPLA"
    (province,) = resolve("Fighting spread across Hama province.", gaz, "Hama")
    assert province.geonameid == 170015 and "admin-division cue" in province.reason


def test_country_focus_picks_the_homonym(gaz: Gazetteer) -> None:
    (paris,) = resolve("Storms hit Paris overnight.", gaz, "Paris")
    assert paris.country == "FR"
    text = "In Texas, a storm hit Paris and towns across the United States."
    places = resolve(text, gaz, "Texas", "Paris", "United States")
    assert places[1].country == "US" and places[1].geonameid == 4717560
    assert 0 < places[1].confidence <= 1 and places[1].reason


def test_us_state_abbreviation_qualifier(gaz: Gazetteer) -> None:
    (place,) = resolve("A plant in Springfield, Ill., closed.", gaz, "Springfield")
    assert place.geonameid == 4250542 and "qualified by 'Ill.'" in place.reason
    (place,) = resolve("Police in Springfield, Illinois said", gaz, "Springfield")
    assert place.admin1 == "IL"


def test_typo_is_corrected_and_flagged(gaz: Gazetteer) -> None:
    text = "The army left Hamas, in central Syria, as rebels advanced from Aleppo."
    places = resolve(text, gaz, "Hamas", "Syria", "Aleppo")
    assert places[0].geonameid in (170017, 170015)
    assert "fuzzy match" in places[0].reason and "1 edit" in places[0].reason
    assert places[0].confidence < places[2].confidence


def test_no_typo_match_to_a_town_for_a_name_after_the(gaz: Gazetteer) -> None:
    text = "Boats were sunk on the Hamas, far downstream of Aleppo in Syria."
    places = resolve(text, gaz, "Hamas", "Aleppo", "Syria")
    assert places[0].geonameid is None and places[1].geonameid == 170063


def test_no_fuzzy_for_untagged_names(gaz: Gazetteer) -> None:
    text = "Hamas said the ceasefire in Syria holds."
    cand = ToponymCandidate(0, 5, "Hamas", "GAZ", fuzzy_ok=False)
    (place,) = resolve_toponyms([cand], text, gaz)
    assert place.geonameid is None and "typo matching is off" in place.reason


def test_failure_has_a_reason(gaz: Gazetteer) -> None:
    (place,) = resolve("They met in Xyzzyville.", gaz, "Xyzzyville")
    assert place.lat is None and place.confidence == 0.0
    assert place.reason.startswith("no gazetteer entry matches")


def test_demonyms_only_when_asked(gaz: Gazetteer) -> None:
    text = "Syrian forces withdrew."
    assert resolve(text, gaz, "Syrian")[0].geonameid is None
    assert resolve(text, gaz, "Syrian", demonyms=True)[0].geonameid == 163843


def test_tuples_are_accepted_and_order_kept(gaz: Gazetteer) -> None:
    text = "From Aleppo to Tell Rifaat"
    places = resolve_toponyms([(15, 26, "Tell Rifaat"), (5, 11, "Aleppo")], text, gaz)
    assert [p.geonameid for p in places] == [163345, 170063]


def test_cues() -> None:
    text = "the city of Homs, Syria and Idlib governorate"
    assert cues_at(text, 12, 16).settlement and cues_at(text, 12, 16).qualifier == "Syria"
    assert cues_at(text, 28, 33).admin


def test_haversine() -> None:
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.2)


def test_places_stage_on_hand_made_article(gaz: Gazetteer) -> None:
    text = "Rebels in Hama and Aleppo, Syria, advanced toward Tell Rifaat. Hama residents fled."
    mentions = [Mention(10, 14, "Hama", "ORG"), Mention(19, 25, "Aleppo", "GPE"),
                Mention(27, 32, "Syria", "GPE")]
    article = Article(raw_text=text, text=text, mentions=mentions)
    stage = PlacesStage(SimpleNamespace(gazetteer=gaz))
    assert (stage.name, stage.requires, stage.assigns) == ("places", ("text", "mentions"), ("places", "mentions"))
    out = stage(article)
    by_text = {(p.start, p.text): p for p in out.places}
    assert by_text[(10, "Hama")].geonameid == 170017  # ORG mention kept: strong match in a named country
    assert by_text[(19, "Aleppo")].country == "SY"
    assert (50, "Tell Rifaat") in by_text  # found by the gazetteer recogniser
    assert (63, "Hama") in by_text  # sentence-initial, but a town in a named country
    assert all(p.reason for p in out.places)


def test_org_mentions_need_a_named_country(gaz: Gazetteer) -> None:
    text = "Paris Saint-Germain won."
    article = Article(raw_text=text, text=text, mentions=[Mention(0, 19, "Paris Saint-Germain", "ORG")])
    assert toponym_spans(article, gaz) == []
