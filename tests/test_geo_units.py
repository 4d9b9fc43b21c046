"""A name vouched for by the unit named with it, and units that do not settle a big city's country."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.geo.context import cues_at, enclosing_units
from crosswire.geo.gazetteer import Gazetteer
from crosswire.geo.resolve import ToponymCandidate, resolve_toponyms
from crosswire.geo.stage import is_date_or_function_word, toponym_spans, within_named_unit
from crosswire.model import Article, Mention, Place
from crosswire.nlp.events import disagrees_with_qualifier

PLACES = [  # id, name, lat, lon, fcode, cc, admin1, admin2, population
    (1, "Hnutove", 47.2, 37.75, "P.PPL", "UA", "05", None, 800),
    (2, "Donetsk", 48.0, 37.7, "A.ADM1", "UA", "05", None, 4_000_000),
    (3, "Kharkiv", 49.5, 36.5, "A.ADM1", "UA", "07", None, 2_600_000),
    (4, "Bamenda", 5.96, 10.15, "P.PPL", "CM", "07", None, 420_000),
    (5, "Nord-Ouest", 19.8, -73.1, "A.ADM1", "HT", "03", None, 370_000),
    (6, "Mamfe", 5.75, 9.31, "P.PPL", "CM", "09", None, 20_000),
    (7, "Rathedaung", 20.5, 92.7, "A.ADM3", "MM", "01", None, 0),
    (8, "Sason", 38.33, 41.42, "P.PPL", "TR", "72", None, 10_000),
    (9, "Batman", 37.9, 41.1, "A.ADM1", "TR", "72", None, 600_000),
    (10, "Ivankiv", 50.9, 29.9, "P.PPL", "UA", "13", None, 10_000),
    (11, "Kyiv", 50.45, 30.52, "P.PPLC", "UA", "12", None, 2_900_000),
    (12, "Kyiv", 50.3, 30.3, "A.ADM1", "UA", "13", None, 1_700_000),
    # Made-up places for unit spellings, bare names and towns a report puts in the wrong province.
    (13, "Kovara", 10.2, 6.2, "P.PPL", "NG", "31", None, 20_000),
    (14, "Tarsen State", 9.9, 5.7, "A.ADM1", "NG", "31", None, 1_300_000),
    (15, "Tarsen", 18.0, 9.0, "A.PCLI", "NE", None, None, 22_000_000),
    (16, "South-West", 4.8, 9.3, "A.ADM1", "CM", "09", None, 860_000),
    (17, "Sud-Ouest", 10.6, -3.1, "A.ADM1", "BF", "13", None, 110_000),
    (18, "Halvor City", 38.9, -99.3, "P.PPL", "US", "KS", None, 21_000),
    (19, "Halvor", 13.9, 43.5, "P.PPLA2", "YE", "08", None, 2_000),
    (20, "Qarnat", 14.7, 43.2, "A.ADM1", "YE", "08", None, 870_000),
    (21, "Dirbani", 11.9, 12.1, "P.PPL", "NG", "36", None, 5_000),
    (22, "Kumbo", 11.5, 13.0, "A.ADM1", "NG", "27", None, 1_600_000),
    (23, "Port of Velm", 10.7, -61.5, "P.PPLC", "TT", "05", None, 50_000),
    (24, "Velm", 40.0, -4.0, "A.PCLI", "ES", None, None, 46_000_000),
    (25, "Donetsk", 48.0, 37.8, "P.PPLA", "UA", "05", None, 900_000),
    (26, "Ostrivka", 48.1, 37.9, "P.PPL", "UA", "05", None, 500),
    (27, "Ostrivka", 47.2, 38.9, "P.PPL", "UA", "05", None, 3_000),
]


@pytest.fixture(scope="module")
def gaz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    from crosswire.geo.store import GazetteerWriter, PlaceRow

    path: Path = tmp_path_factory.mktemp("gaz") / "units.sqlite"
    writer = GazetteerWriter(path)
    for gid, name, lat, lon, fcode, cc, admin1, admin2, pop in PLACES:
        writer.add(PlaceRow(gid, name, lat, lon, fcode, cc, admin1, admin2, pop, "hand-built"), [name])
    writer.close()
    return Gazetteer.open(path)


def vouched(text: str, name: str, gaz: Gazetteer) -> bool:
    start = text.index(name)
    return within_named_unit(text, start, start + len(name), gaz.lookup(name), gaz)


def test_a_unit_after_a_comma_vouches_for_a_village_of_its_own(gaz: Gazetteer) -> None:
    assert vouched("Rebels fired at positions near Hnutove, Donetsk. During the day two soldiers died.", "Hnutove", gaz)
    assert not vouched("Rebels fired at positions near Hnutove, Kharkiv. Nobody was hurt.", "Hnutove", gaz)


def test_a_unit_in_brackets_after_a_kind_word_vouches_too(gaz: Gazetteer) -> None:
    assert vouched("A bomb went off near a village of Sason district (Batman) on Monday.", "Sason", gaz)
    assert vouched("Police broke up a march in Sason town, Batman, on Friday.", "Sason", gaz)


def test_a_village_a_tagger_called_a_work_of_art_is_a_place_when_its_unit_vouches(gaz: Gazetteer) -> None:
    text = "Rebels fired at positions near Hnutove, Donetsk."
    start = text.index("Hnutove")
    article = Article(raw_text=text, text=text, mentions=[Mention(start, start + 7, "Hnutove", "WORK_OF_ART")])
    assert "Hnutove" in [t.text for t in toponym_spans(article, gaz)]
    other = "Crowds watched Hnutove, a play, in the evening."
    start = other.index("Hnutove")
    article = Article(raw_text=other, text=other, mentions=[Mention(start, start + 7, "Hnutove", "WORK_OF_ART")])
    assert "Hnutove" not in [t.text for t in toponym_spans(article, gaz)]


def test_a_qualifier_after_a_comma_stops_at_the_end_of_the_sentence() -> None:
    text = "near Hnutove, Donetsk. During the day"
    assert cues_at(text, 5, 12).qualifier == "Donetsk"


def test_a_kind_word_in_capitals_may_stand_before_the_bracket() -> None:
    assert enclosing_units(" LGA (Taraba)") == ("Taraba",)


def test_a_philippine_village_word_alone_is_not_a_place() -> None:
    text = "Two men were shot dead in Barangay Piacan, Sirawai."
    start = text.index("Barangay")
    assert is_date_or_function_word(text, start, start + len("Barangay"))


def resolve_one(text: str, name: str, gaz: Gazetteer) -> Place:
    start = text.index(name)
    return resolve_toponyms([ToponymCandidate(start, start + len(name), name)], text, gaz)[0]


def resolve_all(text: str, names: list[str], gaz: Gazetteer) -> list[Place]:
    spans = [ToponymCandidate(text.index(n), text.index(n) + len(n), n) for n in names]
    return resolve_toponyms(spans, text, gaz)


def test_a_big_city_is_not_outweighed_by_units_found_only_abroad(gaz: Gazetteer) -> None:
    city, _ = resolve_all("Riders marched in Bamenda town (Mezam, Nord-Ouest) on Friday.", ["Bamenda", "Nord-Ouest"], gaz)
    assert city.country == "CM"
    town, _ = resolve_all("Soldiers died in Mamfe town (Manyu, Nord-Ouest) on Friday.", ["Mamfe", "Nord-Ouest"], gaz)
    assert town.lat is None  # a small town outside the unit named with it: more likely one the gazetteer lacks


def test_a_township_is_looked_up_without_its_kind_word(gaz: Gazetteer) -> None:
    assert resolve_one("A shell hit a house in Rathedaung Township on Sunday.", "Rathedaung Township", gaz).name == "Rathedaung"


def placed(text: str, name: str, code: str, country: str, admin1: str, confidence: float) -> Place:
    start = text.index(name)
    return Place(start, start + len(name), name, name=name, lat=1.0, lon=1.0, feature_code=code, admin1=admin1,
                 country=country, confidence=confidence, reason="hand-made")


def test_a_province_named_like_the_container_settles_a_disagreement(gaz: Gazetteer) -> None:
    text = "Traders protested in Ivankiv, Kyiv, on Sunday."
    places = [placed(text, "Ivankiv", "P.PPL", "UA", "13", 0.9), placed(text, "Kyiv", "P.PPLC", "UA", "12", 0.97)]
    assert disagrees_with_qualifier(places, text, 0)  # the city of Kyiv is in another first-level unit ...
    assert not disagrees_with_qualifier(places, text, 0, gazetteer=gaz)  # ... but the oblast of Kyiv holds Ivankiv


def test_a_container_that_disagrees_with_its_own_container_overrules_nothing() -> None:
    text = "Farmers protested in Lakeside, Morrow municipality, Northland state."
    places = [placed(text, "Lakeside", "P.PPL", "VE", "08", 0.9), placed(text, "Morrow", "A.ADM2", "VE", "05", 0.93),
              placed(text, "Northland", "A.ADM1", "VE", "08", 0.95)]
    assert not disagrees_with_qualifier(places, text, 0)
    places[2] = placed(text, "Northland", "A.ADM1", "VE", "05", 0.95)
    assert disagrees_with_qualifier(places, text, 0)


def test_a_division_is_found_by_its_name_with_a_generic_word(gaz: Gazetteer) -> None:
    # GeoNames names the division "Tarsen State"; the report's "Tarsen" is also a country elsewhere.
    town, _ = resolve_all("Gunmen attacked Kovara (Wenlo LGA, Tarsen) on Monday.", ["Kovara", "Tarsen"], gaz)
    assert town.name == "Kovara" and town.country == "NG"


def test_a_french_compass_division_is_found_by_its_english_name(gaz: Gazetteer) -> None:
    town, _ = resolve_all("Soldiers died in Mamfe town (Manyu, Sud-Ouest) on Friday.", ["Mamfe", "Sud-Ouest"], gaz)
    assert town.country == "CM"


def test_a_name_with_a_kind_word_that_fits_no_unit_is_tried_without_it(gaz: Gazetteer) -> None:
    town, _ = resolve_all("Shells hit houses in Halvor city (Qarnat) at night.", ["Halvor city", "Qarnat"], gaz)
    assert town.country == "YE" and town.name == "Halvor"


def test_the_one_town_of_the_name_in_the_units_country_is_taken_over_a_missing_place(gaz: Gazetteer) -> None:
    town, _ = resolve_all("Rebels shelled a base in Dirbani (Kumbo) on Monday.", ["Dirbani", "Kumbo"], gaz)
    assert town.name == "Dirbani"  # the report put it in the next province; a homonym there is less likely
    town = resolve_one("Gunmen fired on a bus in the Dirbani area of Kumbo.", "Dirbani", gaz)
    assert town.lat is None  # "area of" names the place's own town, not a province it may be misplaced in


def spans(text: str, name: str, label: str, gaz: Gazetteer) -> list[str]:
    start = text.index(name)
    article = Article(raw_text=text, text=text, mentions=[Mention(start, start + len(name), name, label)])
    return [t.text for t in toponym_spans(article, gaz)]


def test_a_mislabelled_name_the_words_around_call_a_place_is_a_place(gaz: Gazetteer) -> None:
    assert "Dirbani" in spans("Gunmen raided Dirbani town on Monday.", "Dirbani", "PERSON", gaz)
    assert "Dirbani LGA" in spans("The police chief of Dirbani LGA was shot.", "Dirbani LGA", "ORG", gaz)
    assert "Dirbani" in spans("Monitors heard two blasts near Dirbani.", "Dirbani", "NORP", gaz)
    assert "Dirbani" not in spans("Monitors heard two blasts near Dirbani.", "Dirbani", "PERSON", gaz)
    assert "Dirbani" not in spans("Dirbani said the talks had failed.", "Dirbani", "PERSON", gaz)


def test_a_mention_running_on_past_a_joined_name_is_dropped(gaz: Gazetteer) -> None:
    text = "A man was shot in Port of Velm city on Monday."
    port, rest = text.index("Port"), text.index("Velm city")
    article = Article(raw_text=text, text=text, mentions=[Mention(port, port + 4, "Port", "GPE"),
                                                          Mention(rest, rest + 9, "Velm city", "GPE")])
    assert [t.text for t in toponym_spans(article, gaz)] == ["Port of Velm"]


def test_of_homonyms_in_one_province_the_one_near_the_qualifiers_town_is_meant(gaz: Gazetteer) -> None:
    place = resolve_one("Mortars were fired at positions in the area of Ostrivka, Donetsk.", "Ostrivka", gaz)
    assert (place.lat, place.lon) == (48.1, 37.9)  # 15 km from Donetsk, not the bigger one 120 km away
