"""Whole reports: which mentions tell an event, the main event, modality from the clause, releases.

Reports written for these tests; the seed checks read ../shared/data/seeds and skip without it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crosswire.model import Article

PUBLISHED = datetime(2023, 3, 14, 9, 0, tzinfo=UTC)

REPORT = (
    "Bomb kills six at a market in Northtown\n\n"
    "A car bomb exploded at a crowded market in Northtown on Monday, killing six people, police said.\n\n"
    "The bombing at the market in Northtown was the deadliest in months.\n\n"
    "More than 900 people have been killed in the province since the insurgency began in 2019.\n\n"
    "Officials said the militants could seek to attack the capital next.\n"
)


@pytest.fixture(scope="module")
def report(full_pipeline):
    return full_pipeline(Article(raw_text=REPORT, published=PUBLISHED, published_source="user"))


def _sentence_of(article, ev):
    return article.text[ev.evidence[0].start:ev.evidence[0].end]


def test_one_main_event_with_its_own_toll(report):
    main = [ev for ev in report.events if ev.main]
    assert len(main) == 1
    assert main[0].fatalities == 6
    assert main[0].told_as == "event" and main[0].modality == "happened"


def test_cumulative_toll_is_told_for_a_period_and_gives_no_event_its_toll(report):
    period = [ev for ev in report.events if "since" in _sentence_of(report, ev)]
    assert period and all(ev.told_as == "period" and not ev.main for ev in period)
    assert all(ev.fatalities != 900 for ev in report.events if ev.told_as == "event")


def test_a_possibility_is_not_an_occurrence(report):
    could = [ev for ev in report.events if "could" in _sentence_of(report, ev)]
    assert could and all(ev.modality == "threatened" for ev in could)


def test_told_events_fewer_than_mentions(report):
    told = [ev for ev in report.events if ev.told_as == "event" and ev.modality == "happened"]
    assert 1 <= len(told) < len(report.events)


def test_the_same_event_retold_is_marked(full_pipeline):
    text = ("Gunmen attacked a checkpoint in Eastvale on Sunday.\n\n"
            "The gunmen attacked the checkpoint in Eastvale on Sunday, witnesses said.\n")
    article = full_pipeline(Article(raw_text=text, published=PUBLISHED, published_source="user"))
    kinds = [ev.told_as for ev in article.events]
    assert kinds[:1] == ["event"] and "retold" in kinds


def test_freeing_detainees_is_not_arrests(full_pipeline):
    text = "Rebels stormed the jail in Southport on Friday and freed dozens of detained men.\n"
    article = full_pipeline(Article(raw_text=text, published=PUBLISHED, published_source="user"))
    assert article.events and all(ev.sub_event_type != "Arrests" for ev in article.events)


def test_an_arrest_is_still_arrests(full_pipeline):
    text = "Police arrested four suspected smugglers in Southport on Friday.\n"
    article = full_pipeline(Article(raw_text=text, published=PUBLISHED, published_source="user"))
    assert any(ev.sub_event_type == "Arrests" for ev in article.events)


# -- the seed reports (facts checked, no seed text copied) -----------------------------------------

@pytest.mark.slow
def test_seed_cumulative_tolls_are_not_events_of_the_day(analysed_seeds):
    for article in analysed_seeds:
        for ev in article.events:
            if ev.fatalities in (727, 500000):
                assert ev.told_as == "period" and not ev.main


@pytest.mark.slow
def test_seed_threat_on_homs_is_threatened(analysed_seeds):
    found = [ev for a in analysed_seeds for ev in a.events if "could seek" in a.text[ev.evidence[0].start:ev.evidence[0].end]]
    assert found and all(ev.modality == "threatened" for ev in found)


@pytest.mark.slow
def test_seed_prisoner_release_is_not_arrests(analysed_seeds):
    freed = [ev for a in analysed_seeds for ev in a.events if "freed" in a.text[ev.evidence[0].start:ev.evidence[0].end]]
    assert freed and all(ev.sub_event_type != "Arrests" for ev in freed)


@pytest.mark.slow
def test_seed_reports_each_have_one_main_event_and_fewer_told_events(analysed_seeds):
    for article in analysed_seeds:
        assert sum(ev.main for ev in article.events) == 1
    told = sum(1 for a in analysed_seeds for ev in a.events if ev.told_as == "event" and ev.modality == "happened")
    assert told < sum(len(a.events) for a in analysed_seeds)
