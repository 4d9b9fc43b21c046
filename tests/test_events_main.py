"""The report's main event: the lead's account of what the headline names, dated by the report's own days.

Reports written for these tests (real town names, invented events)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crosswire.model import Article
from crosswire.nlp.events import headline_end, lead_span

WEDNESDAY = datetime(2019, 5, 15, 9, 0, tzinfo=UTC)


def _main(article):
    (main,) = [ev for ev in article.events if ev.main]
    return main


def _run(full_pipeline, text, published=WEDNESDAY):
    source = "user" if published else "unknown"
    return full_pipeline(Article(raw_text=text, published=published, published_source=source))


def test_the_lead_tells_the_main_event_the_headline_names(full_pipeline):
    article = _run(full_pipeline, "Air strikes kill 12 in Syria\n\n"
                   "Warplanes struck a market in Maarat al-Numan on Monday, killing 12 civilians, a monitor said.\n\n"
                   "The government denied targeting civilians.\n")
    main = _main(article)
    assert article.places[main.place].text == "Maarat al-Numan"
    assert (main.sub_event_type, main.date, main.fatalities) == ("Air/drone strike", "2019-05-13", 12)
    assert main.told_as == "event"


def test_a_main_event_named_by_its_country_takes_the_town_the_story_gives(full_pipeline):
    article = _run(full_pipeline, "Air raids kill nine in Syria\n\n"
                   "Air raids killed nine people in Syria on Monday, a monitor said. "
                   "Warplanes bombed the market of Ariha, a town in the northwest, it said.\n")
    main = _main(article)
    assert article.places[main.place].text == "Ariha"
    assert main.lat is not None and main.fatalities == 9


def test_the_headline_toll_is_the_main_events_when_the_lead_restates_others(full_pipeline):
    article = _run(full_pipeline, "Shelling kills five in Idlib\n\n"
                   "Shelling of a village in Idlib province on Tuesday killed five people and two soldiers "
                   "died in clashes nearby, a monitor said.\n")
    assert _main(article).fatalities == 5


def test_a_dateline_gives_the_report_its_day_and_the_lead_its_weekday(full_pipeline):
    article = _run(full_pipeline, "Rockets hit Homs\n\n"
                   "Friday 10 May 2019 Rockets fired at a district of Homs on Thursday killed three people, "
                   "state media said.\n", published=None)
    assert (article.published_source, article.published.date().isoformat()) == ("text", "2019-05-10")
    main = _main(article)
    assert (main.date, main.fatalities) == ("2019-05-09", 3)  # the dateline's "10" is a day, not a toll


def test_a_lead_without_a_day_does_not_take_one_from_far_down_the_report(full_pipeline):
    article = _run(full_pipeline, "Gunmen kill four in Daraa\n\n"
                   "Gunmen killed four people at a checkpoint in Daraa, a monitor said.\n\n"
                   "The checkpoint stands on the main road.\n\nTraders use the road every day.\n\n"
                   "A truce was signed there on March 3.\n")
    assert _main(article).date == "2019-05-15"


@pytest.mark.parametrize(("text", "body"), [
    ("Rockets hit Homs\n\nRockets hit Homs on Thursday.", len("Rockets hit Homs")),
    ("Rockets hit Homs on Thursday, officials said.\n\nThree people died.", 0),  # the story starts at once
    ("Rockets hit Homs", 0),
])
def test_headline_end(text, body):
    assert headline_end(text) == body


def test_lead_span_is_the_first_sentences_after_the_headline(full_pipeline):
    article = _run(full_pipeline, "Rockets hit Homs\n\nOne. Two. Three. Four.\n")
    start, end = lead_span(article)
    assert article.text[start:end].strip() == "One. Two."


def test_a_main_event_only_a_fetch_time_dates_takes_the_day_its_story_names(full_pipeline):
    article = _run(full_pipeline, "Boy shot in Springfield\n\n"
                   "Police say a 9-year-old boy was shot in Springfield, Illinois.\n\n"
                   "He was taken to a hospital in fair condition.\n\n"
                   "The boy was shot on Sunday while playing outside, police said.\n")
    assert _main(article).date == "2019-05-12"


def test_a_vague_headline_toll_gives_way_to_the_leads_exact_one(full_pipeline):
    article = _run(full_pipeline, "Warplanes kill dozens in Ariha\n\n"
                   "Warplanes struck the market of Ariha on Monday, killing at least 41 people, a monitor said.\n")
    assert _main(article).fatalities == 41


def test_a_main_event_told_by_a_bare_harm_word_takes_the_leads_weapon(full_pipeline):
    article = _run(full_pipeline, "Nine dead in Ariha\n\n"
                   "Nine people were killed in Ariha on Monday. "
                   "They died when helicopters dropped barrel bombs on the market, a monitor said.\n")
    main = _main(article)
    assert (main.sub_event_type, main.fatalities) == ("Air/drone strike", 9)
def test_a_main_event_placed_only_in_a_state_takes_the_town_the_story_names_next(full_pipeline):
    article = _run(full_pipeline, "Girl hurt by stray bullet in Tennessee\n\n"
                   "A girl was shot and wounded in Tennessee on Monday, deputies said.\n\n"
                   "The call came in around noon from a farm near Clarksville. "
                   "She was taken to a hospital in Nashville.\n")
    main = _main(article)
    assert article.places[main.place].text == "Clarksville"


def test_the_town_where_a_victim_was_treated_is_not_the_scene(full_pipeline):
    article = _run(full_pipeline, "Girl hurt by stray bullet in Tennessee\n\n"
                   "A girl was shot and wounded in Tennessee on Monday, deputies said.\n\n"
                   "The call came in around noon. She was taken to a hospital in Nashville.\n")
    main = _main(article)
    assert article.places[main.place].text == "Tennessee"
