"""Homonyms and cut names: villages in the province a report names, districts placed only at their
province's point, eponyms before object nouns, and names a tagger cut short. Hand-built gazetteer;
the places and sentences are invented for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.geo.gazetteer import Gazetteer
from crosswire.geo.resolve import ToponymCandidate, resolve_toponyms
from crosswire.geo.stage import toponym_spans
from crosswire.model import Article, Mention

COARSE = "admin2Codes.txt.gz; no known city inside: point of its admin1 Vorna"
PLACES = [  # id, name, lat, lon, fcode, cc, admin1, population, origin
    (1, "Ukraine", 49.0, 32.0, "A.PCLI", "UA", None, 41_000_000, "hand-built"),
    (10, "Zelenska Oblast", 47.5, 36.0, "A.ADM1", "UA", "30", 1_500_000, "hand-built"),
    (11, "Brodivka", 47.6, 36.1, "P.PPL", "UA", "30", 800, "hand-built"),
    (12, "Brodivka", 48.3, 36.5, "P.PPLA2", "UA", "31", 14_000, "hand-built"),
    (20, "Vorna", 34.9, 69.0, "A.ADM1", "AF", "50", 700_000, "hand-built"),
    (21, "Tarvan", 34.9, 69.0, "A.ADM2", "AF", "50", 9_000, COARSE),
    (22, "Tarvan", 34.95, 69.3, "P.PPL", "AF", "50", 0, "hand-built"),
    (30, "Grenvale", 10.0, -61.0, "A.PCLI", "GV", None, 1_300_000, "hand-built"),
    (31, "Port of Lorin", 10.6, -61.5, "P.PPLC", "GV", "05", 50_000, "hand-built"),
    (32, "Porto Aldara de la Sierra", -17.8, -63.2, "P.PPLA", "BO", "08", 1_800_000, "hand-built"),
    (40, "Kostrov", 58.0, 56.2, "P.PPLA", "RU", "90", 980_000, "hand-built"),
    (50, "Santa Lucia", -50.0, -69.0, "A.ADM1", "AR", "20", 300_000, "hand-built"),
    (51, "Santa Lucia", -17.0, -62.0, "A.ADM1", "BO", "08", 2_000_000, "hand-built"),
    (52, "Montecal", -17.5, -62.5, "P.PPL", "BO", "08", 5_000, "hand-built"),
    (60, "Lindor", 10.2, -61.2, "P.PPL", "GV", "05", 2_000, "hand-built"),
    (61, "Alvar", 10.3, -61.3, "P.PPL", "GV", "05", 1_200, "hand-built"),
    (62, "Alvar", 47.7, 36.3, "P.PPL", "UA", "31", 1_000, "hand-built"),
    (70, "Pedra do Vento", -6.3, -37.7, "P.PPLA2", "BR", "17", 30_000, "hand-built"),
    (71, "Vento", -34.5, -54.3, "P.PPLA", "UY", "14", 25_000, "hand-built"),
    (90, "Upper Marsh", 9.0, 30.0, "A.ADM1", "GV", "07", 400_000, "hand-built"),
    (91, "Alindor", 9.5, 30.5, "P.PPL", "GV", "07", 3_000, "hand-built"),  # keys ignore spaces: "A Lindor"
    (80, "Dravonetska", 30.0, 120.0, "P.PPLA2", "CN", "04", 800_000, "hand-built"),
]


@pytest.fixture(scope="module")
def gaz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    from crosswire.geo.store import GazetteerWriter, PlaceRow

    path: Path = tmp_path_factory.mktemp("gaz") / "homonyms.sqlite"
    writer = GazetteerWriter(path)
    for gid, name, lat, lon, fcode, cc, admin1, pop, origin in PLACES:
        names = [name, "Zelenska"] if gid == 10 else [name, "Pavlov"] if gid == 40 else [name]
        writer.add(PlaceRow(gid, name, lat, lon, fcode, cc, admin1, None, pop, origin), names)
    writer.close()
    return Gazetteer.open(path)


def resolve(text: str, gaz: Gazetteer, *names: str) -> list:
    spans = [ToponymCandidate(text.index(n), text.index(n) + len(n), n) for n in names]
    return resolve_toponyms(spans, text, gaz)


def test_village_in_the_named_province_beats_a_bigger_homonym(gaz: Gazetteer) -> None:
    village, _ = resolve("Shelling damaged houses in Brodivka. Zelenska oblast officials reported it.",
                         gaz, "Brodivka", "Zelenska")
    assert village.geonameid == 11
    (alone,) = resolve("Shelling damaged houses in Brodivka.", gaz, "Brodivka")
    assert alone.geonameid == 12  # without a province named, the bigger one


def test_coarse_district_gives_way_to_the_town_of_its_name(gaz: Gazetteer) -> None:
    town, _ = resolve("Fighters attacked a post in Tarvan, Vorna.", gaz, "Tarvan", "Vorna")
    assert town.geonameid == 22 and "its province's" in town.reason
    (district,) = resolve("Fighting spread across Tarvan district.", gaz, "Tarvan")
    assert district.geonameid == 21 and "coarse" in district.reason


@pytest.mark.parametrize("text", ["Protesters threw Pavlov cocktails at the police in Grenvale.",
                                  "Police seized a Pavlov rifle in Grenvale."])
def test_eponym_before_an_object_noun_is_no_place(gaz: Gazetteer, text: str) -> None:
    start = text.index("Pavlov")
    article = Article(raw_text=text, text=text, mentions=[Mention(start, start + 6, "Pavlov", "GPE")])
    assert [t.text for t in toponym_spans(article, gaz)] == ["Grenvale"]


def test_mention_cut_before_of_runs_on_to_the_known_name(gaz: Gazetteer) -> None:
    text = "Rallies were held in Port of Lorin on Monday."
    start = text.index("Port")
    article = Article(raw_text=text, text=text, mentions=[Mention(start, start + 4, "Port", "GPE")])
    assert [t.text for t in toponym_spans(article, gaz)] == ["Port of Lorin"]


def test_recogniser_reads_a_name_over_de_la(gaz: Gazetteer) -> None:
    text = "Farmers marched in Porto Aldara de la Sierra."
    assert [t.text for t in toponym_spans(Article(raw_text=text, text=text, mentions=[]), gaz)] == \
        ["Porto Aldara de la Sierra"]


def test_town_in_any_province_the_qualifier_may_be_is_kept(gaz: Gazetteer) -> None:
    (town,) = resolve("Workers marched in Montecal, Santa Lucia, on Monday.", gaz, "Montecal")
    assert town.geonameid == 52 and "qualified by 'Santa Lucia'" in town.reason


def test_name_missing_in_its_qualifier_does_not_pull_the_focus_abroad(gaz: Gazetteer) -> None:
    lindor, _, alvar = resolve("Gunmen attacked Lindor, Zelenska, then fled towards Alvar.",
                               gaz, "Lindor", "Zelenska", "Alvar")
    assert lindor.geonameid is None and "lacks" in lindor.reason
    assert alvar.geonameid == 62


def test_mention_begun_late_takes_in_the_head_of_the_known_name(gaz: Gazetteer) -> None:
    text = "Two bodies were found in Pedra do Vento on Sunday."
    start = text.index("Vento")
    article = Article(raw_text=text, text=text, mentions=[Mention(start, start + 5, "Vento", "GPE")])
    assert [t.text for t in toponym_spans(article, gaz)] == ["Pedra do Vento"]


def test_no_transliteration_match_abroad_without_a_country_to_go_by(gaz: Gazetteer) -> None:
    (village,) = resolve("Observers heard explosions near Drovanitsky.", gaz, "Drovanitsky")
    assert village.geonameid is None and "no gazetteer entry" in village.reason


def test_a_lowercase_mention_is_no_place_name(gaz: Gazetteer) -> None:
    text = "Rioters threw stones at soldiers in Grenvale."
    start = text.index("soldiers")
    article = Article(raw_text=text, text=text, mentions=[Mention(start, start + 8, "soldiers", "GPE")])
    assert [t.text for t in toponym_spans(article, gaz)] == ["Grenvale"]


def test_mention_begun_late_takes_in_a_capitalised_head_but_no_article(gaz: Gazetteer) -> None:
    text = "Clashes were reported in Upper Marsh. Later A Lindor court ruled."
    mentions = [Mention(text.index("Marsh"), text.index("Marsh") + 5, "Marsh", "GPE"),
                Mention(text.index("Lindor"), text.index("Lindor") + 6, "Lindor", "GPE")]
    article = Article(raw_text=text, text=text, mentions=mentions)
    assert [t.text for t in toponym_spans(article, gaz)] == ["Upper Marsh", "Lindor"]
