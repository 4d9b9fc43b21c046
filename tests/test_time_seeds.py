"""The seed reports through clean, metadata, dating and times (needs ../shared/data; skipped without it).

Undated reports are dated against the dates of the dated ones, as `crosswire.api.ingest` does
with a batch. Checks what the reports say about their own time: weekdays with the day of month in
brackets resolve against the report's date, and every undated report gets a date near the others
with its reasoning in a Note.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from bench.common import SharedDataMissing, shared_dir

from crosswire.clean import CleanStage, MetadataStage
from crosswire.model import Article
from crosswire.nlp.time import DatingStage, TimeStage

pytestmark = pytest.mark.shared
BRACKET_DAY = re.compile(r"^(?P<wd>[A-Z][a-z]+day)\s*\((?P<d>\d{1,2})")


@pytest.fixture(scope="module")
def seeds() -> list[Article]:
    try:
        folder = shared_dir() / "seeds"
    except SharedDataMissing as err:
        pytest.skip(f"seed reports not available: {err}")
    articles = [Article(raw_text=p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]
    articles = [MetadataStage(None)(CleanStage(None)(a)) for a in articles]
    known = sorted({a.published.date().isoformat() for a in articles if a.published is not None})
    for a in articles:
        if a.published is None:
            a.other_dated = known
    return [TimeStage(None)(DatingStage(None)(a)) for a in articles]


def test_every_seed_has_a_date_after_dating(seeds: list[Article]) -> None:
    assert len(seeds) == 5
    assert all(a.published is not None for a in seeds)


def test_undated_seeds_are_dated_near_the_story_with_reasoning(seeds: list[Article]) -> None:
    inferred = [a for a in seeds if a.published_source == "inferred"]
    assert inferred, "expected at least one seed without a date of its own"
    for a in inferred:
        assert a.published is not None
        assert abs((a.published.date() - date(2024, 12, 4)).days) <= 1, a.notes
        notes = [n for n in a.notes if n.code == "date.inferred"]
        assert notes and "earliest consistent date" in notes[0].message


def test_bracketed_day_of_month_resolves_to_the_week_before_the_report(seeds: list[Article]) -> None:
    bracketed = [(a, t) for a in seeds for t in a.times if BRACKET_DAY.match(t.text)]
    assert len(bracketed) >= 2
    for a, t in bracketed:
        m = BRACKET_DAY.match(t.text)
        assert m and t.value is not None and a.published is not None
        day = date.fromisoformat(t.value)
        assert day.day == int(m.group("d")) and day.strftime("%A") == m.group("wd")
        assert 0 <= (a.published.date() - day).days <= 7
    values = {t.value for _, t in bracketed}
    assert {"2024-12-05", "2024-12-01"} <= values
