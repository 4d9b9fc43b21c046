"""The choice of an event's place among the resolved places of its sentence (nlp/event_place.py)."""

from __future__ import annotations

from crosswire.model import Article, Place
from crosswire.nlp.event_place import place_for, place_rank

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
