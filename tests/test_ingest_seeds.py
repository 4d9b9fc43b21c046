"""The five seed reports read and cleaned end to end (needs ../shared/data; skipped without it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bench.common import SharedDataMissing, shared_dir

from crosswire.clean import CleanStage, MetadataStage
from crosswire.ingest import read_inputs
from crosswire.model import Article
from crosswire.pipeline import Pipeline

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seeds() -> list[Article]:
    try:
        folder: Path = shared_dir() / "seeds"
    except SharedDataMissing as err:
        pytest.skip(f"seed reports not available: {err}")
    items = list(read_inputs([folder]))
    assert all(isinstance(i, Article) for i in items), items
    pipeline = Pipeline([CleanStage(), MetadataStage()])
    return [pipeline(a) for a in items]  # type: ignore[arg-type]


def test_five_articles_with_ids(seeds: list[Article]) -> None:
    assert len(seeds) == 5
    assert len({a.id for a in seeds}) == 5
    assert all(a.language == "en" for a in seeds)


def test_a_body_printed_twice_is_stored_once(seeds: list[Article]) -> None:
    repeated = [a for a in seeds if any(n.code == "repeat.removed" for n in a.notes)]
    assert repeated, "no seed had a repeated body removed"
    for article in repeated:
        paragraphs = [p for p in article.text.split("\n") if len(p) > 80]
        assert len(paragraphs) == len(set(paragraphs))
    doubled = max(seeds, key=lambda a: len(a.raw_text) - len(a.text))
    assert len(doubled.text) < 0.6 * len(doubled.raw_text)


def test_published_from_text_and_date_clash(seeds: list[Article]) -> None:
    dated = [a for a in seeds if a.published_source == "text"]
    assert len(dated) == 2
    assert all(a.published is not None and a.published.year == 2024 and a.published.month == 12 for a in dated)
    clashing = [a for a in seeds if any(n.code == "date.clash" for n in a.notes)]
    assert [Path(a.source_path or "").name[:3] for a in clashing] == ["002"]
    assert clashing[0].published is not None and clashing[0].published.day == 5
    assert len(clashing[0].meta["dates_seen"]) == 2
