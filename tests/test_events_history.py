"""Events told as history are kept but marked, and countries named as parties are not event places.

Sentences written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crosswire.model import Article, Place, Sentence, TimeRef
from crosswire.nlp.events import named_parties, place_for, told_as_history

PUBLISHED = datetime(2024, 6, 10, tzinfo=UTC)


@pytest.mark.parametrize(("value", "precision", "history"), [
    ("1990", "year", True),
    ("2022-03-01", "day", True),
    ("2023-05", "month", True),
    ("2023", "year", False),  # last year may still be recent news
    ("2024-06-08", "day", False),
    ("2024-06-10", "published", False),
    (None, None, False),
])
def test_history_is_a_date_a_year_or_more_before_the_report(value, precision, history):
    article = Article(raw_text="x", published=PUBLISHED)
    assert told_as_history(article, value, precision) is history


def test_without_publication_the_latest_named_day_is_the_reference():
    times = [TimeRef(0, 1, "x", "DATE", "2024-06-08", "day"), TimeRef(2, 3, "y", "DATE", "2021", "year")]
    article = Article(raw_text="x", times=times)
    assert told_as_history(article, "2021", "year")
    assert not told_as_history(Article(raw_text="x"), "2021", "year")


def country(text: str, name: str, code: str, nth: int = 0) -> Place:
    start = text.index(name) if nth == 0 else text.index(name, text.index(name) + 1)
    return Place(start, start + len(name), name, name=name, lat=1.0, lon=1.0, feature_code="A.PCLI",
                 country=code, confidence=0.95, reason="hand-made")


def town(text: str, name: str, code: str) -> Place:
    start = text.index(name)
    return Place(start, start + len(name), name, name=name, lat=2.0, lon=2.0, feature_code="P.PPL",
                 country=code, admin1="01", confidence=0.95, reason="hand-made")


@pytest.mark.parametrize("sentence", [
    "Militiamen linked to Freedonia shelled the outskirts.",
    "Freedonia-backed fighters shelled the outskirts.",
    "A truce brokered by Freedonia collapsed as gunmen shelled the outskirts.",
])
def test_a_country_named_as_a_party_is_not_the_place(sentence):
    text = "Rebels entered Lakeside in Sylvania on Monday. " + sentence
    places = [town(text, "Lakeside", "SY"), country(text, "Sylvania", "SY"), country(text, "Freedonia", "FR")]
    article = Article(raw_text=text, text=text, places=places)
    second = text.index(sentence)
    assert place_for(article, second, len(text)) == 0


def test_a_country_after_a_locative_stays_the_place():
    text = "Rebels entered Lakeside in Sylvania. Gunmen shelled a market in Freedonia."
    places = [town(text, "Lakeside", "SY"), country(text, "Sylvania", "SY"), country(text, "Freedonia", "FR")]
    article = Article(raw_text=text, text=text, places=places)
    assert place_for(article, text.index("Gunmen"), len(text)) == 2


def test_countries_listed_after_a_party_are_parties_too():
    text = "The army relied on Freedonia, Ruritania and others."
    places = [country(text, "Freedonia", "FR"), country(text, "Ruritania", "RU")]
    assert named_parties(places, text, None) == {0, 1}


@pytest.mark.slow
def test_an_event_dated_years_back_is_marked_historical(events_stage):
    text = "Soldiers killed dozens of villagers in 1990, and the survivors still remember."
    times = [TimeRef(text.index("1990"), text.index("1990") + 4, "1990", "DATE", "1990", "year")]
    article = Article(raw_text=text, text=text, sentences=[Sentence(0, len(text))], times=times,
                      published=PUBLISHED)
    events = events_stage(article).events
    assert events and events[0].modality == "historical" and events[0].date == "1990"
    recent = Article(raw_text=text, text=text, sentences=[Sentence(0, len(text))],
                     times=[TimeRef(0, 1, "x", "DATE", "2024-06-09", "day")], published=PUBLISHED)
    assert events_stage(recent).events[0].modality == "happened"


@pytest.mark.slow
def test_an_event_told_as_now_is_not_history_whatever_year_the_sentence_names(events_stage):
    text = "The militia, which was founded in 1995, is now fighting government troops near the port."
    times = [TimeRef(text.index("1995"), text.index("1995") + 4, "1995", "DATE", "1995", "year")]
    article = Article(raw_text=text, text=text, sentences=[Sentence(0, len(text))], times=times,
                      published=PUBLISHED)
    events = events_stage(article).events
    assert events and events[0].modality == "happened"


@pytest.mark.slow
def test_an_offensive_said_to_go_on_now_is_not_history(events_stage):
    text = "Founded in 1995, the militia leads an offensive that is now closing in on the port."
    times = [TimeRef(text.index("1995"), text.index("1995") + 4, "1995", "DATE", "1995", "year")]
    article = Article(raw_text=text, text=text, sentences=[Sentence(0, len(text))], times=times,
                      published=PUBLISHED)
    events = events_stage(article).events
    assert events and events[0].modality == "happened"
    assert events[0].date == "2024-06-10"  # the year it was founded is not the offensive's
