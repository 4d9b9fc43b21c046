"""Enclosing units in brackets, admin-level words, date words and name pieces, over a hand-built gazetteer."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.geo.context import cues_at, enclosing_units, part_of
from crosswire.geo.division_names import bare_name, iso_subdivision_names
from crosswire.geo.gazetteer import Gazetteer
from crosswire.geo.resolve import ToponymCandidate, resolve_toponyms
from crosswire.geo.stage import is_date_or_function_word, is_road_end, nationality_hints, toponym_spans
from crosswire.model import Article, Mention

PLACES = [  # id, name, alternates, lat, lon, fcode, cc, admin1, admin2, population
    (1, "Springfield", [], 39.8, -89.64, "P.PPLA", "US", "IL", "167", 116_000),
    (2, "Springfield", [], 37.2, -93.3, "P.PPLA2", "US", "MO", "077", 166_000),
    (3, "Illinois", [], 40.0, -89.25, "A.ADM1", "US", "IL", None, 12_800_000),
    (4, "Sangamon County", ["Sangamon"], 39.76, -89.66, "A.ADM2", "US", "IL", "167", 195_000),
    (5, "Ghazni", [], 33.55, 68.42, "P.PPLA", "AF", "08", "601", 141_000),
    (6, "Ghazni", [], 33.5, 68.3, "A.ADM1", "AF", "08", None, 141_000),
    (7, "Ghazni", [], 33.56, 68.4, "A.ADM2", "AF", "08", "601", 141_000),
    (8, "Ål", [], 60.63, 8.56, "A.ADM2", "NO", "04", "3041", 4_700),
    (9, "Aleppo", [], 36.2, 37.16, "P.PPLA", "SY", "09", None, 2_000_000),
    (10, "Guna", [], 24.65, 77.31, "P.PPLA2", "IN", "35", None, 180_000),
    (11, "Lyon", [], 45.75, 4.85, "P.PPLA", "FR", "84", None, 470_000),
    (12, "Nis", [], 43.32, 21.9, "P.PPLA", "RS", "SE", None, 250_000),
    (13, "Serbia", [], 44.0, 21.0, "A.PCLI", "RS", None, None, 7_000_000),
    (14, "Missouri", [], 38.25, -92.5, "A.ADM1", "US", "MO", None, 6_000_000),
    (15, "Bay", [], 2.5, 43.5, "A.ADM1", "SO", "04", None, 800_000),
    (16, "Mon", [], 26.5, 95.0, "A.ADM2", "IN", "20", "330", 250_000),
    (17, "Dubai", [], 25.07, 55.17, "A.ADM1", "AE", "03", None, 3_000_000),
    (18, "Karim", [], 34.5, 69.2, "P.PPL", "AF", "13", None, 5_000),
    (19, "Karim", [], 36.4, 43.1, "P.PPL", "IQ", "15", None, 6_000),
    (20, "Afghanistan", [], 33.0, 65.0, "A.PCLI", "AF", None, None, 38_000_000),
    (21, "Kandahar", [], 31.61, 65.71, "P.PPLA", "AF", "23", None, 390_000),
    (22, "Zabul", [], 32.1, 67.1, "A.ADM1", "AF", "28", None, 300_000),
    (23, "Tarok", [], 45.1, 20.1, "P.PPL", "RS", "VO", None, 900),
    (24, "Is", [], 56.9, 41.0, "P.PPL", "RU", "21", None, 3_000),
    (25, "Kashgar", ["Kash"], 39.47, 75.99, "P.PPL", "CN", "13", None, 500_000),
    (26, "Rome", [], 41.89, 12.48, "P.PPLC", "IT", "07", None, 2_800_000),
    (27, "Mato Grosso do Sul", [], -20.5, -54.6, "A.ADM1", "BR", "11", None, 2_600_000),
    (28, "Mato Grosso", [], -13.0, -56.0, "A.ADM1", "BR", "14", None, 3_000_000),
    (29, "Dourados", [], -22.22, -54.8, "P.PPLA2", "BR", "11", None, 200_000),
]


@pytest.fixture(scope="module")
def gaz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    from crosswire.geo.store import GazetteerWriter, PlaceRow

    path: Path = tmp_path_factory.mktemp("gaz") / "hierarchy.sqlite"
    writer = GazetteerWriter(path)
    for gid, name, alts, lat, lon, fcode, cc, admin1, admin2, pop in PLACES:
        writer.add(PlaceRow(gid, name, lat, lon, fcode, cc, admin1, admin2, pop, "hand-built"), [name, *alts])
    writer.close()
    return Gazetteer.open(path)


def resolve_one(text: str, name: str, gaz: Gazetteer, label: str = "GPE"):
    start = text.index(name)
    return resolve_toponyms([ToponymCandidate(start, start + len(name), name, label)], text, gaz)[0]


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("On 9 May 2020, rebels shelled the town.", "On", True),
    ("On 9 May 2020, rebels shelled the town.", "May", True),
    ("Protests began on March 3 in the capital.", "March", True),
    ("Fighting reached the village of May near the river.", "May", False),
    ("Rebels took Lyon.", "Lyon", False),
])
def test_dates_and_function_words_are_not_places(text: str, word: str, expected: bool) -> None:
    start = text.index(word)
    assert is_date_or_function_word(text, start, start + len(word)) is expected


def test_bracketed_units_after_a_name_are_read_as_its_enclosing_units() -> None:
    assert enclosing_units(" village (Sangamon district, Illinois) on Friday") == ("Sangamon", "Illinois")
    assert enclosing_units(" (IL)") == ("IL",)
    assert enclosing_units(" said (quoting officials)") == ()
    text = "Police raided a farm in Chatham (Sangamon County, Illinois)."
    assert cues_at(text, 24, 31).enclosing == ("Sangamon", "Illinois")


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("Shops burned in the Sabz area of Kandahar city.", "Sabz", ("Kandahar",)),
    ("Shops burned in Sabz area of Kandahar city.", "Sabz area", ("Kandahar",)),
    ("Police sealed the Maden district of Elazig province.", "Maden", ("Elazig",)),
    ("Fishing boats sank in the Gulf of Aden.", "Gulf", ()),
    ("Envoys from Kabul of all places arrived.", "Kabul", ()),
])
def test_part_of_names_the_enclosing_place(text: str, name: str, expected: tuple[str, ...]) -> None:
    start = text.index(name)
    assert part_of(text, start, start + len(name)) == expected


@pytest.mark.parametrize(("name", "expected"), [("Lyon", True), ("Paris", True), ("Nis", False)])
def test_towns_at_the_ends_of_a_road_are_not_where_it_happened(name: str, expected: bool) -> None:
    text = "Truckers blocked the Lyon-Paris motorway for hours near Nis."
    start = text.index(name)
    assert is_road_end(text, start, start + len(name)) is expected


def test_district_word_marks_a_lower_division() -> None:
    text = "Clashes were reported in Ghazni district and Ghazni province."
    assert cues_at(text, 25, 31).lower_admin and cues_at(text, 25, 31).admin
    assert not cues_at(text, 45, 51).lower_admin and cues_at(text, 45, 51).admin


def test_enclosing_units_pick_the_homonym(gaz: Gazetteer) -> None:
    text = "A warehouse burned in Springfield (Sangamon County, Illinois) overnight."
    assert resolve_one(text, "Springfield", gaz).admin1 == "IL"
    text = "A warehouse burned in Springfield (Missouri) overnight."
    assert resolve_one(text, "Springfield", gaz).admin1 == "MO"


def test_district_cue_prefers_the_second_level_division(gaz: Gazetteer) -> None:
    assert resolve_one("Troops advanced in Ghazni district.", "Ghazni", gaz).feature_code == "A.ADM2"
    assert resolve_one("Troops advanced in Ghazni province.", "Ghazni", gaz).feature_code == "A.ADM1"


def test_embedded_match_skips_articles_and_streets(gaz: Gazetteer) -> None:
    assert resolve_one("Shells fell on Al Qadimah market.", "Al Qadimah", gaz).lat is None
    assert resolve_one("Shops closed on Aleppo Street in the capital.", "Aleppo Street", gaz).lat is None


def test_embedded_match_skips_generic_words_and_lesser_places_in_two_word_names(gaz: Gazetteer) -> None:
    assert resolve_one("Boats landed at Corvo Bay at dawn.", "Corvo Bay", gaz).lat is None
    assert resolve_one("Parents gathered in Tonle Mon on Monday.", "Tonle Mon", gaz).lat is None
    assert resolve_one("The horse won the Dubai Cup.", "Dubai Cup", gaz).name == "Dubai"


def test_nationality_words_vote_for_the_reports_country(gaz: Gazetteer) -> None:
    text = "Police said gunmen killed two people in Karim."
    start = text.index("Karim")
    spans = [ToponymCandidate(start, start + 5, "Karim")]
    assert resolve_toponyms(spans, text, gaz, country_hints=["AF"])[0].country == "AF"
    assert resolve_toponyms(spans, text, gaz, country_hints=["IQ"])[0].country == "IQ"
    article = Article(raw_text="x", text="Afghan police and Martian envoys met.",
                      mentions=[Mention(0, 6, "Afghan", "NORP"), Mention(18, 25, "Martian", "NORP")])
    assert nationality_hints(article, gaz) == ["AF"]


def test_a_small_place_abroad_is_not_taken_in_a_report_set_elsewhere(gaz: Gazetteer) -> None:
    text = "Taliban attacked a post in Tarok area of Kandahar and in Zabul."
    names = [ToponymCandidate(text.index(n), text.index(n) + len(n), n) for n in ("Tarok", "Kandahar", "Zabul")]
    tarok, kandahar, _ = resolve_toponyms(names, text, gaz)
    assert tarok.lat is None and "gazetteer lacks" in tarok.reason and kandahar.country == "AF"
    text = "Farmers protested in Tarok on Monday."  # nothing sets the report elsewhere: the town is taken
    assert resolve_one(text, "Tarok", gaz).country == "RS"


def test_part_of_phrase_rejects_a_homonym_outside_but_not_a_big_city_in_apposition(gaz: Gazetteer) -> None:
    text = "Gunmen fired on a bus in the Karim area of Kandahar."
    names = [ToponymCandidate(text.index(n), text.index(n) + len(n), n) for n in ("Karim", "Kandahar")]
    karim, kandahar = resolve_toponyms(names, text, gaz)
    assert karim.lat is None and "units named with it (Kandahar)" in karim.reason and kandahar.country == "AF"
    text = "Police raided homes in the Lyon suburb of Tarok."
    names = [ToponymCandidate(text.index(n), text.index(n) + len(n), n) for n in ("Lyon", "Tarok")]
    assert resolve_toponyms(names, text, gaz)[0].name == "Lyon"


def test_town_without_a_homonym_in_the_province_after_its_comma_is_left_unresolved(gaz: Gazetteer) -> None:
    text = "Farmers protested in Tarok, Missouri on Monday."
    tarok = resolve_one(text, "Tarok", gaz)
    assert tarok.lat is None and "'Missouri'" in tarok.reason
    assert resolve_one("Farmers protested in Springfield, Missouri.", "Springfield", gaz).admin1 == "MO"
    assert resolve_one("Farmers protested in Serbia, Missouri.", "Serbia", gaz).country == "RS"  # a list


def test_acronyms_match_only_their_own_spelling(gaz: Gazetteer) -> None:
    assert resolve_one("IS fighters attacked the camp.", "IS", gaz).lat is None
    assert resolve_one("ROME (AP) - Ministers met on Monday.", "ROME", gaz).name == "Rome"


def test_city_inside_a_longer_name_only_by_its_main_name(gaz: Gazetteer) -> None:
    assert resolve_one("Troops entered Kash Rod district.", "Kash Rod", gaz).lat is None


def test_country_before_a_currency_word_is_no_place(gaz: Gazetteer) -> None:
    text = "Protesters in Lyon decried the rising US dollar rate."
    mentions = [Mention(text.index("Lyon"), text.index("Lyon") + 4, "Lyon", "GPE"),
                Mention(text.index("US"), text.index("US") + 2, "US", "GPE")]
    article = Article(raw_text=text, text=text, mentions=mentions)
    assert [t.text for t in toponym_spans(article, gaz)] == ["Lyon"]


def test_place_mention_cut_at_a_particle_is_joined_again(gaz: Gazetteer) -> None:
    text = "Farmers protested in Dourados, Mato Grosso do Sul, on Monday."
    mentions = [Mention(text.index("Dourados"), text.index("Dourados") + 8, "Dourados", "GPE"),
                Mention(text.index("Mato"), text.index("Mato") + 11, "Mato Grosso", "GPE"),
                Mention(text.index("Sul"), text.index("Sul") + 3, "Sul", "PERSON")]
    article = Article(raw_text=text, text=text, mentions=mentions)
    assert [t.text for t in toponym_spans(article, gaz)] == ["Dourados", "Mato Grosso do Sul"]
    start = text.index("Dourados")
    assert cues_at(text, start, start + 8).qualifier == "Mato Grosso do Sul"
    assert resolve_one(text, "Dourados", gaz).admin1 == "11"


def test_acronyms_get_no_typo_match(gaz: Gazetteer) -> None:
    assert resolve_one("The GNA said its forces advanced.", "GNA", gaz).lat is None


def test_org_mention_running_on_in_or_a_bracket_leaves_the_place_to_the_recogniser(gaz: Gazetteer) -> None:
    text = "Relatives gathered at the Court of Appeal in Lyon on Friday."
    name = "Court of Appeal in Lyon"
    article = Article(raw_text=text, text=text, mentions=[Mention(text.index(name), text.index(name) + len(name),
                                                                  name, "ORG")])
    assert [t.text for t in toponym_spans(article, gaz)] == ["Lyon"]
    text = "Workers marched in Lyon (Rhone) on Monday."
    article = Article(raw_text=text, text=text, mentions=[Mention(19, 29, "Lyon (Rhone", "ORG")])
    assert [t.text for t in toponym_spans(article, gaz)] == ["Lyon"]


def test_big_city_tagged_as_organisation_after_of_is_a_place(gaz: Gazetteer) -> None:
    text = "Doctors rallied outside the main hospital of Lyon on Friday."
    start = text.index("Lyon")
    article = Article(raw_text=text, text=text, mentions=[Mention(start, start + 4, "Lyon", "ORG")])
    assert [t.text for t in toponym_spans(article, gaz)] == ["Lyon"]
    text = "Lyon beat the visitors on Friday."  # no preposition: the club, not the city
    article = Article(raw_text=text, text=text, mentions=[Mention(0, 4, "Lyon", "ORG")])
    assert toponym_spans(article, gaz) == []


def test_a_mention_with_a_comma_is_cut_before_it(gaz: Gazetteer) -> None:
    text = "Students marched in Nis, Serbia."
    article = Article(raw_text=text, text=text, mentions=[Mention(20, 31, "Nis, Serbia", "GPE")])
    assert [t.text for t in toponym_spans(article, gaz)] == ["Nis", "Serbia"]


def test_division_names_without_their_generic_word() -> None:
    assert bare_name("Taraba State") == "Taraba"
    assert bare_name("Sabha District") == "Sabha"
    assert bare_name("Kano") is None
    assert bare_name("Gulf Province") is None
    names = iso_subdivision_names({"NG.43": ["Taraba State"], "NG.29": ["Kano State"]})
    assert names["NG.43"] == ["Taraba"] and names["NG.29"] == ["Kano"]


def test_division_names_without_a_generic_word_before_them() -> None:
    assert bare_name("Province of Masbate") == "Masbate"
    assert bare_name("Departamento de Antioquia") == "Antioquia"
    assert bare_name("Municipio de Ecatepec") == "Ecatepec"
    assert bare_name("Province of Central") is None  # a common word alone is no division's name


def test_an_iso_name_that_is_the_last_words_of_one_division_joins_it() -> None:
    names = iso_subdivision_names({"AF.27": ["Maidan Wardak Province", "Maidan Wardak"], "AF.01": ["Badakhshan"]})
    assert "Wardak" in names["AF.27"]
    two = iso_subdivision_names({"AF.27": ["Maidan Wardak"], "AF.28": ["Upper Wardak"]})
    assert "AF.27" not in two and "AF.28" not in two  # two divisions end in it: no telling which
