"""Actors named with what the whole report says (nlp/events/report_actors.py). Texts written for these tests."""

from __future__ import annotations

import pytest

from crosswire.model import Article, Mention, Place
from crosswire.nlp.events import ReportActors, is_generic_side, leading_group, trimmed_to_head


def _org(text: str, start: int, canonical: str, actor_type: str = "Rebel group") -> Mention:
    return Mention(start, start + len(text), text, "ORG", source="ruler", canonical=canonical, actor_type=actor_type)


@pytest.mark.parametrize(("phrase", "cut"), [
    ("Islamist Forces Attempt", "Islamist Forces"), ("Damascus's army persist", "Damascus's army"),
    ("gunmen on motorbikes", "gunmen"), ("Hayat Tahrir al-Sham", "Hayat Tahrir al-Sham"), ("rebels", "rebels"),
])
def test_a_phrase_run_on_past_its_head_is_cut_back(phrase: str, cut: str) -> None:
    assert trimmed_to_head(phrase) == cut


def test_generic_sides_are_side_words_only() -> None:
    assert all(is_generic_side(p) for p in ("the rebels", "an alliance of jihadists and rebels", "Islamist Forces"))
    assert not any(is_generic_side(p) for p in ("M23 rebels", "residents", "the army", "vast swaths"))


def test_the_leading_group_is_named_twice_and_more_than_any_other() -> None:
    rsf = [_org("RSF", i * 10, "RSF: Rapid Support Forces", "Political militia") for i in range(3)]
    m23 = [_org("M23", 100, "M23: March 23 Movement")]
    assert leading_group(Article(raw_text="", mentions=rsf + m23)) == "RSF: Rapid Support Forces"
    assert leading_group(Article(raw_text="", mentions=rsf[:1])) is None  # once is not enough
    assert leading_group(Article(raw_text="", mentions=rsf[:1] + m23)) is None  # a tie names no one
    army = [_org("SAF", i, "Military Forces of Sudan", "State forces") for i in range(4)]
    assert leading_group(Article(raw_text="", mentions=army + rsf[:2])) == "RSF: Rapid Support Forces"  # state forces never lead


def test_generic_sides_take_the_reports_group_or_an_unidentified_one() -> None:
    text = "RSF fighters advanced. The RSF said the rebels held the town."
    mentions = [_org("RSF", 0, "RSF: Rapid Support Forces", "Political militia"),
                _org("RSF", text.index("RSF said"), "RSF: Rapid Support Forces", "Political militia")]
    named = ReportActors(Article(raw_text=text, text=text, mentions=mentions), None, "Sudan")
    assert named.name("the rebels") == named.name("fighters") == "RSF: Rapid Support Forces"
    assert named.name("soldiers") == "Military Forces of Sudan"
    unnamed = ReportActors(Article(raw_text=text, text=text), None, "Sudan")
    assert unnamed.name("the rebels") == unnamed.name("an alliance") == "Unidentified Armed Group (Sudan)"
    assert unnamed.name("vast swaths") is None


def test_a_capital_stands_for_its_state_and_a_town_is_no_actor() -> None:
    text = "Khartoum's army shelled Omdurman; Omdurman residents fled."
    places = [Place(0, 8, "Khartoum", name="Khartoum", lat=15.5, lon=32.5, feature_code="P.PPLC", country="SD",
                    confidence=0.9),
              Place(24, 32, "Omdurman", name="Omdurman", lat=15.6, lon=32.4, feature_code="P.PPLA2", country="SD",
                    confidence=0.9)]
    named = ReportActors(Article(raw_text=text, text=text, places=places), None, "Sudan")
    assert named.name("Khartoum's army persist") == "Military Forces of Sudan"
    assert named.name("Omdurman") is None
    assert named.name("US warplanes") == "Military Forces of the United States"
    assert named.name("warplanes") != "Military Forces of Sudan"  # whose planes the phrase does not say


def test_whole_report_actors_through_the_pipeline(full_pipeline) -> None:
    text = ("M23 fighters pushed towards Goma on Monday, a day after the M23 took Sake.\n"
            "The rebels attacked army positions outside the city, residents said.\n"
            "Kinshasa's army shelled the hills overnight.")
    article = full_pipeline(Article(raw_text=text))
    said = [(ev.text, ev.actor1, ev.actor2, article.places[ev.place].text if ev.place is not None else None)
            for ev in article.events]
    attack = next(ev for ev in article.events if ev.text == "attacked")
    assert attack.actor1 == "M23: March 23 Movement", said  # "the rebels" of a report about the M23
    shelling = next(ev for ev in article.events if ev.text == "shelled")
    assert shelling.actor1.startswith("Military Forces of the Democratic Republic of Congo"), said
    assert article.places[shelling.place].text != "Kinshasa", said  # the army's owner, not the scene
    actors = {a for ev in article.events for a in (ev.actor1, ev.actor2) if a}
    assert not any(a.islower() for a in actors), actors  # never a bare common-noun phrase
