"""Dating an undated report from what its text says (own paraphrased texts)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from crosswire.model import Article
from crosswire.nlp.time import DatingStage, infer_publication_date

# A paraphrase in our own words of an undated wire story: the offensive is said to have run
# "since last Wednesday" and "since Nov. 27"; an air strike happened "on Tuesday"; years named
# in passing are all past.
UNDATED = (
    "Insurgent columns that have pushed across the north since last Wednesday now stand outside "
    "the provincial capital, a monitoring group said yesterday.\n"
    "The coalition of armed factions has pressed its advance since Nov. 27, taking dozens of villages.\n"
    "Separately, American aircraft struck rocket launchers near the border on Tuesday, officials said.\n"
    "The international coalition was formed in 2014, and the militants lost their last enclave in 2019.\n"
)


def test_undated_report_gets_earliest_consistent_date() -> None:
    inferred, reasoning = infer_publication_date(UNDATED)
    assert inferred == date(2024, 12, 3)
    assert "same start" in reasoning and "earliest" in reasoning


def test_related_reports_bound_the_year() -> None:
    inferred, _ = infer_publication_date(UNDATED, other_dated=[date(2024, 12, 5)])
    assert inferred == date(2024, 12, 3)


def test_explicit_past_date_is_a_lower_bound() -> None:
    text = "The ministry said on March 2, 2021 that the border had been closed. Trade has not resumed."
    inferred, reasoning = infer_publication_date(text)
    assert inferred == date(2021, 3, 2)
    assert "hard" in reasoning


def test_bracket_weekday_pins_the_week() -> None:
    text = "Troops withdrew on Thursday (5), the army said. The city had been shelled since 2011."
    inferred, _ = infer_publication_date(text, other_dated=[date(2024, 12, 6)])
    assert inferred == date(2024, 12, 5)


def test_no_year_information_gives_reason() -> None:
    inferred, reasoning = infer_publication_date("Shops reopened on Tuesday after the storm.")
    assert inferred is None and "no year" in reasoning


def test_stage_fills_only_missing_dates() -> None:
    stage = DatingStage(None)
    assert (stage.name, stage.requires, stage.assigns) == (
        "dating", ("text", "published"), ("published", "published_source"))
    undated = stage(Article(raw_text=UNDATED, text=UNDATED))
    assert undated.published == datetime(2024, 12, 3, tzinfo=UTC)
    assert undated.published_source == "inferred"
    assert [n.code for n in undated.notes] == ["date.inferred"]
    dated = Article(raw_text=UNDATED, text=UNDATED, published=datetime(2024, 12, 6), published_source="metadata")
    assert stage(dated).published == datetime(2024, 12, 6) and not dated.notes


def test_stage_notes_why_no_date() -> None:
    text = "Shops reopened on Tuesday after the storm."
    out = DatingStage(None)(Article(raw_text=text, text=text))
    assert out.published is None and out.notes[0].code == "date.unknown"


def test_weekday_with_month_and_day_pins_the_year() -> None:
    text = "Clashes shook the valley on Tuesday, December 3, monitors said. The war began in 2011."
    inferred, reasoning = infer_publication_date(text)
    assert inferred is not None and (inferred.month, inferred.day, inferred.weekday()) == (12, 3, 1)
    inferred, _ = infer_publication_date(text, other_dated=[date(2024, 12, 6)])
    assert inferred == date(2024, 12, 3)
    assert "0-7 days before the DCT" in reasoning
