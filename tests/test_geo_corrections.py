"""Names the text itself contradicts, and spellings the gazetteer keys miss. Sentences written for these
tests; the seed checks read ../shared/data/seeds and skip without it."""

from __future__ import annotations

import pytest

from crosswire.geo.normalise import index_key, unglued_key
from crosswire.model import Article


@pytest.mark.parametrize(("name", "key"), [
    ("Deir Ezzor", "deirzor"), ("Tal Abbyad", None), ("Ras Assaqr", "rassaqr"), ("Bab", None),
])
def test_glued_arabic_article_split_off(name, key):
    assert unglued_key(name) == key


def test_unglued_key_is_the_hyphened_spelling_key():
    assert unglued_key("Deir Ezzor") == index_key("Deir ez-Zor")


@pytest.fixture(scope="module")
def pipeline(full_pipeline):
    return full_pipeline


def test_glued_article_spelling_found(pipeline):
    article = pipeline(Article(raw_text="Airstrikes hit militia positions near Deir Ezzor in Syria on Monday."))
    places = [p for p in article.places if p.text == "Deir Ezzor"]
    assert places and places[0].country == "SY" and places[0].geonameid is not None


def test_organisation_called_a_city_read_as_the_near_town(pipeline):
    text = "Fighters reached the gates of Hamas, the country's fourth-largest urban center, in Syria on Sunday."
    article = pipeline(Article(raw_text=text))
    place = next(p for p in article.places if p.text == "Hamas")
    assert place.country == "SY" and place.admin1 == "10"
    assert "read as the place" in place.reason
    # the mention is a place now: no organisation (and no actor) is made of it
    at = [m for m in article.mentions if m.start <= place.start and place.end <= m.end]
    assert at and all(m.label == "GPE" and m.canonical is None and m.actor_type is None for m in at)
    assert not any("Hamas" in (ev.actor1 or "") + (ev.actor2 or "") for ev in article.events)


def test_organisation_in_a_plain_sentence_stays_an_organisation(pipeline):
    text = "Hamas said on Sunday that talks in Cairo would resume, officials in Egypt said."
    article = pipeline(Article(raw_text=text))
    assert not any(p.text == "Hamas" for p in article.places)
    assert any(m.text == "Hamas" and m.label == "ORG" for m in article.mentions)


@pytest.mark.slow
def test_seed_misspelt_city_and_glued_spelling(analysed_seeds):
    hamas = [p for a in analysed_seeds for p in a.places if p.text == "Hamas"]
    assert hamas and all(p.country == "SY" and "read as the place" in p.reason for p in hamas)
    assert not any(m.text == "Hamas" and m.label == "ORG" for a in analysed_seeds for m in a.mentions)
    deir = [p for a in analysed_seeds for p in a.places if p.text.startswith("Deir Ezzor")]
    assert deir and all(p.geonameid is not None for p in deir)
