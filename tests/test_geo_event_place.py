"""The choice of an event's place among the resolved places of its sentence (nlp/events/place.py)."""

from __future__ import annotations

from dataclasses import replace

from crosswire.model import Article, Place
from crosswire.nlp.events import ReportPlaces, place_for, place_rank

TEXT = "Gunmen attacked Kondara market near Lakeside city, Northland province, Freedonia."


def place(name: str, code: str, confidence: float = 0.9) -> Place:
    start = TEXT.index(name)
    return Place(start, start + len(name), name, name=name, lat=1.0, lon=1.0, feature_code=code,
                 confidence=confidence, reason="hand-made")


def test_town_before_province_before_country() -> None:
    places = [place("Freedonia", "A.PCLI"), place("Northland", "A.ADM1"), place("Lakeside", "P.PPL")]
    assert [place_rank(p) for p in places] == [3, 1, 0]
    article = Article(raw_text=TEXT, text=TEXT, places=places)
    assert place_for(article, 0, len(TEXT)) == 2


def test_doubtful_typo_match_gives_way_to_a_province() -> None:
    places = [place("Kondara", "P.PPL", confidence=0.38), place("Northland", "A.ADM1")]
    article = Article(raw_text=TEXT, text=TEXT, places=places)
    assert place_for(article, 0, len(TEXT)) == 1
    confident = [place("Kondara", "P.PPL", confidence=0.63), place("Northland", "A.ADM1")]
    assert place_for(Article(raw_text=TEXT, text=TEXT, places=confident), 0, len(TEXT)) == 0


def test_without_a_place_in_the_sentence_the_reports_best_place_is_taken() -> None:
    places = [place("Northland", "A.ADM1"), place("Lakeside", "P.PPL")]
    article = Article(raw_text=TEXT, text=TEXT, places=places)
    assert place_for(article, 0, 10) == 1
    assert place_for(Article(raw_text=TEXT, text=TEXT, places=[]), 0, 10) is None


def test_an_organisations_home_is_never_the_event_place() -> None:
    text = "The Lakeside-based monitor said twelve people died in Northland province."
    home = Place(4, 12, "Lakeside", name="Lakeside", lat=1.0, lon=1.0, feature_code="P.PPL",
                 confidence=0.9, reason="hand-made")
    province = Place(text.index("Northland"), text.index("Northland") + 9, "Northland", name="Northland",
                     lat=2.0, lon=2.0, feature_code="A.ADM1", confidence=0.9, reason="hand-made")
    assert place_for(Article(raw_text=text, text=text, places=[home, province]), 0, len(text)) == 1
    alone = "A Freedonia - headquartered charity counted the dead."
    home = Place(2, 11, "Freedonia", name="Freedonia", lat=1.0, lon=1.0, feature_code="A.PCLI",
                 confidence=0.9, reason="hand-made")
    assert place_for(Article(raw_text=alone, text=alone, places=[home]), 0, len(alone)) is None
    after = "Five died in a raid, said a rights group based in Freedonia that counts the dead."
    home = Place(after.index("Freedonia"), after.index("Freedonia") + 9, "Freedonia", name="Freedonia", lat=1.0,
                 lon=1.0, feature_code="A.PCLI", confidence=0.9, reason="hand-made")
    assert place_for(Article(raw_text=after, text=after, places=[home]), 0, len(after)) is None
    stationed = "Five died in a raid on troops based in Freedonia."
    troops_home = Place(stationed.index("Freedonia"), stationed.index("Freedonia") + 9, "Freedonia", name="Freedonia",
                   lat=1.0, lon=1.0, feature_code="A.PCLI", confidence=0.9, reason="hand-made")
    assert place_for(Article(raw_text=stationed, text=stationed, places=[troops_home]), 0, len(stationed)) == 0


def placed(text: str, name: str, code: str, country: str, admin1: str, confidence: float = 0.9,
           nth: int = 0) -> Place:
    """A resolved place for the nth occurrence of `name` in `text`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Place(start, start + len(name), name, name=name, lat=1.0, lon=1.0, feature_code=code,
                 admin1=admin1, country=country, confidence=confidence, reason="hand-made")


def test_a_place_resolved_outside_the_province_named_after_it_gives_way() -> None:
    text = "Rebels shelled positions in the area of Kerrow, Northland, on Monday."
    homonym = [placed(text, "Kerrow", "P.PPL", "FR", "07", confidence=0.6),
               placed(text, "Northland", "A.ADM1", "FR", "03")]
    assert place_for(Article(raw_text=text, text=text, places=homonym), 0, len(text)) == 1
    consistent = [placed(text, "Kerrow", "P.PPL", "FR", "03", confidence=0.6),
                  placed(text, "Northland", "A.ADM1", "FR", "03")]
    assert place_for(Article(raw_text=text, text=text, places=consistent), 0, len(text)) == 0


def test_a_weaker_container_does_not_overrule_the_place_it_qualifies() -> None:
    text = "A man was found dead in Kerrow, Upper Northland, on Monday."
    places = [placed(text, "Kerrow", "P.PPL", "FR", "07", confidence=0.95),
              placed(text, "Northland", "A.ADM1", "DE", "03", confidence=0.9)]
    assert place_for(Article(raw_text=text, text=text, places=places), 0, len(text)) == 0


def test_a_place_outside_the_country_the_report_agrees_on_gives_way() -> None:
    text = "Troops were attacked at a checkpoint in the Halden area of Morrow district, Northland."
    places = [placed(text, "Halden", "P.PPLC", "NO", "12"), placed(text, "Morrow", "A.ADM2", "FR", "03"),
              placed(text, "Northland", "A.ADM1", "FR", "03")]
    assert place_for(Article(raw_text=text, text=text, places=places), 0, len(text)) == 1


def test_one_sure_place_is_no_country_consensus() -> None:
    text = "Rioters gathered outside a bank in Kerrow and threw Halden bottles at it."
    places = [placed(text, "Kerrow", "P.PPL", "FR", "03", confidence=0.6),
              placed(text, "Halden", "P.PPLA", "NO", "12", confidence=0.85)]
    assert place_for(Article(raw_text=text, text=text, places=places), 0, len(text)) == 0


def test_a_place_governed_by_a_locative_preposition_beats_a_bare_name() -> None:
    text = "Youths threw Halden bottles at police near the town of Kerrow."
    places = [placed(text, "Halden", "P.PPL", "NO", "12"), placed(text, "Kerrow", "P.PPL", "FR", "03")]
    assert place_for(Article(raw_text=text, text=text, places=places), 0, len(text)) == 1


def test_a_destination_is_not_where_the_event_happened() -> None:
    text = "Gunmen stopped a bus near Kerrow. They forced it to drive in the direction of Morrow."
    places = [placed(text, "Kerrow", "P.PPL", "FR", "03"), placed(text, "Morrow", "P.PPLC", "FR", "01")]
    second = text.index("They")
    assert place_for(Article(raw_text=text, text=text, places=places), second, len(text)) == 0
    heading = "A convoy heading to Morrow was ambushed."
    alone = [placed(heading, "Morrow", "P.PPL", "FR", "01")]
    assert place_for(Article(raw_text=heading, text=heading, places=alone), 0, len(heading)) == 0


def test_one_sure_province_sets_the_country_for_a_weak_town_match() -> None:
    text = "Rebels were attacked near Kerrow in the hills (Northland state)."
    places = [placed(text, "Kerrow", "P.PPL", "NO", "12", confidence=0.55),
              placed(text, "Northland", "A.ADM1", "FR", "03")]
    assert place_for(Article(raw_text=text, text=text, places=places), 0, len(text)) == 1


def test_a_weak_spelling_match_confirmed_by_its_enclosing_unit_is_kept() -> None:
    text = "People marched in Kerow (Kerrow district, Northland) on Friday."
    places = [placed(text, "Kerow", "P.PPL", "FR", "03", confidence=0.38),
              placed(text, "Kerrow district", "A.ADM2", "FR", "03")]
    assert place_for(Article(raw_text=text, text=text, places=places), 0, len(text)) == 0
    elsewhere = [placed(text, "Kerow", "P.PPL", "FR", "07", confidence=0.38),
                 placed(text, "Kerrow district", "A.ADM2", "FR", "03")]
    assert place_for(Article(raw_text=text, text=text, places=elsewhere), 0, len(text)) == 1


def test_one_sure_town_named_as_a_qualifier_sets_the_country() -> None:
    text = "A protest was held in Kerr-e Sharif city, Morrow, on Monday."
    places = [placed(text, "Kerr", "P.PPL", "NO", "12", confidence=0.7),
              placed(text, "Morrow", "P.PPLA", "FR", "03", confidence=0.85)]
    assert place_for(Article(raw_text=text, text=text, places=places), 0, len(text)) == 1


def at(p: Place, lat: float) -> Place:
    """The same resolved place moved to another latitude (about 111 km a degree)."""
    return replace(p, lat=lat)


def test_a_town_the_place_is_said_to_be_near_settles_a_homonym() -> None:
    text = "Gunmen raided a farm in Kerrow village near Lakeside town (Northland) on Monday."
    homonym = [placed(text, "Kerrow", "P.PPL", "FR", "07", confidence=0.55),
               placed(text, "Lakeside", "P.PPL", "FR", "03")]
    assert place_for(Article(raw_text=text, text=text, places=homonym), 0, len(text)) == 1
    consistent = [placed(text, "Kerrow", "P.PPL", "FR", "03", confidence=0.55),
                  placed(text, "Lakeside", "P.PPL", "FR", "03")]
    assert place_for(Article(raw_text=text, text=text, places=consistent), 0, len(text)) == 0


def test_a_container_no_clearer_match_does_not_overrule() -> None:
    text = "Troops burned a camp in Kerrow, Morrow Hills, on Monday."
    places = [placed(text, "Kerrow", "P.PPLA2", "FR", "07", confidence=0.94),
              placed(text, "Morrow", "P.PPLA2", "FR", "03", confidence=0.943)]
    assert place_for(Article(raw_text=text, text=text, places=places), 0, len(text)) == 0


def test_a_container_confirmed_by_its_own_unit_overrules_a_far_homonym() -> None:
    text = "A shop was torched in the Kerrow quarter of Lakeside, Northland, on Monday."
    far = [at(placed(text, "Kerrow", "A.ADM2", "FR", "07"), 5.0), placed(text, "Lakeside", "P.PPL", "FR", "03"),
           placed(text, "Northland", "A.ADM1", "FR", "03")]
    assert place_for(Article(raw_text=text, text=text, places=far), 0, len(text)) == 1
    near = [at(placed(text, "Kerrow", "A.ADM2", "FR", "07"), 1.1), *far[1:]]
    assert place_for(Article(raw_text=text, text=text, places=near), 0, len(text)) == 0


def test_the_rest_of_a_hyphened_name_may_stand_before_its_unit() -> None:
    text = "A bomb hit a car in Kerr-e Morrow district, Northland."
    places = [placed(text, "Kerr", "A.ADM3", "FR", "07", confidence=0.75),
              placed(text, "Northland", "A.ADM1", "FR", "03")]
    assert place_for(Article(raw_text=text, text=text, places=places), 0, len(text)) == 1


def test_two_countries_with_one_place_each_are_no_consensus() -> None:
    text = "Farmers protested in Kerrow, Morrow municipality, on Monday."
    places = [placed(text, "Kerrow", "P.PPL", "VE", "08", confidence=0.9),
              placed(text, "Morrow", "A.ADM2", "CO", "33", confidence=0.93)]
    assert place_for(Article(raw_text=text, text=text, places=places), 0, len(text)) == 0


def test_a_weak_match_outside_the_reports_province_gives_way() -> None:
    text = "Workers from Kerrow slums marched through Lakeside city (Lakeside, Northland)."
    places = [placed(text, "Kerrow", "A.ADM3", "FR", "07", confidence=0.58),
              placed(text, "Lakeside", "P.PPLA2", "FR", "03", confidence=0.85),
              placed(text, "Northland", "A.ADM1", "FR", "03")]
    assert place_for(Article(raw_text=text, text=text, places=places), 0, len(text)) == 1
    sure = [replace(places[0], confidence=0.9), *places[1:]]
    assert place_for(Article(raw_text=text, text=text, places=sure), 0, len(text)) == 0



def _at(text: str, name: str, code: str, confidence: float = 0.9, nth: int = 0) -> Place:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Place(start, start + len(name), name, name=name, lat=1.0, lon=1.0, feature_code=code,
                 confidence=confidence, reason="hand-made")


def test_the_city_points_back_to_the_town_named_last() -> None:
    text = ("Militias overran Dunmore on Tuesday. The garrison said it had pulled out of the city overnight. "
            "Later, in Karsk, aid workers counted the displaced.")
    places = [_at(text, "Dunmore", "P.PPLA"), _at(text, "Karsk", "P.PPLA2")]
    article = Article(raw_text=text, text=text, places=places)
    sentence = text.index("The garrison"), text.index("Later")
    assert place_for(article, *sentence) == 0
    # no definite noun: the report's best place ("in Karsk", a locative object) as before
    plain = text.index("Later") - 1, text.index("Later")
    assert place_for(article, *plain) == 1


def test_the_province_wants_a_province_and_origins_are_no_antecedent() -> None:
    text = ("Fighters from Dunmore crossed into Westmark last week. Shelling hit the province again on Friday, "
            "and later the town was calm.")
    places = [_at(text, "Dunmore", "P.PPL"), _at(text, "Westmark", "A.ADM1")]
    article = Article(raw_text=text, text=text, places=places)
    shelling = text.index("Shelling"), text.index(", and later")
    assert place_for(article, *shelling) == 1
    # "the town": the only town named is where the fighters came from, so the report's place stands
    calm = text.index("and later"), len(text)
    assert ReportPlaces(places, text).antecedent(*calm) is None


def test_a_doubtful_or_distant_antecedent_is_not_taken() -> None:
    filler = "Nothing else was reported that week by any of the agencies working in the area. " * 6
    text = "Raiders burnt Ostrava market. " + filler + "Residents returned to the town on Sunday."
    places = [_at(text, "Ostrava", "P.PPL")]
    last = text.index("Residents"), len(text)
    assert len(filler) > 400
    assert ReportPlaces(places, text).antecedent(*last) is None
    near = "Raiders burnt Ostrava market. Residents returned to the town on Sunday."
    doubtful = [_at(near, "Ostrava", "P.PPL", confidence=0.3)]
    assert ReportPlaces(doubtful, near).antecedent(near.index("Residents"), len(near)) is None
    assert ReportPlaces([_at(near, "Ostrava", "P.PPL")], near).antecedent(near.index("Residents"), len(near)) == 0
