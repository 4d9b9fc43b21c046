"""Every default stage's declared contract is true: it changes only what it `assigns` and reads only
what it `requires` (or assigns itself), checked on a real report run through the real stages.

The report is watched field by field: a stage that starts reading the places or writing a note
without declaring it fails here, not at a user's pipeline built in another order.
"""

from __future__ import annotations

import copy
import dataclasses
from datetime import UTC, datetime

import pytest

from crosswire.model import Article

pytestmark = pytest.mark.slow

REPORT = """Shelling kills six in northern town

By Samir Haddad
Published: March 4, 2024
Updated: March 12, 2024

IDLIB, Syria (AFP) - Artillery fire struck the market of Idlib on Monday, killing six civilians and
wounding 11 others, according to the civil defence. Government forces said they had targeted fighters of
Hayat Tahrir al-Sham. The group said on Tuesday it had repelled an attack near Saraqeb.
"""

FIELDS = tuple(f.name for f in dataclasses.fields(Article))
TRANSIENT = tuple(f.name for f in dataclasses.fields(Article) if f.metadata.get("transient"))


class WatchedArticle(Article):
    """An Article that records which of its fields are read."""

    def __getattribute__(self, name: str):  # noqa: ANN204 - the attribute's own type
        if name in FIELDS:
            object.__getattribute__(self, "__dict__").setdefault("_reads", set()).add(name)
        return object.__getattribute__(self, name)


def snapshot(article: Article) -> dict[str, object]:
    return {name: copy.deepcopy(article.__dict__[name]) for name in FIELDS if name not in TRANSIENT}


def watched_run(pipeline) -> list[tuple[object, set[str], set[str]]]:  # noqa: ANN001
    """(stage, fields it changed, fields it read) for each stage, in pipeline order."""
    article = Article(raw_text=REPORT, source_path="report.txt",
                      published=datetime(2024, 3, 5, tzinfo=UTC), published_source="inferred")
    article.__class__ = WatchedArticle
    seen = []
    for stage in pipeline.stages:
        before = snapshot(article)
        article.__dict__["_reads"] = set()
        article = stage(article)
        after = snapshot(article)
        changed = {name for name in before if before[name] != after[name]}
        seen.append((stage, changed, set(article.__dict__.pop("_reads"))))
    return seen


@pytest.fixture(scope="module")
def stages_seen(full_pipeline):  # noqa: ANN001
    return watched_run(full_pipeline)


def test_each_stage_changes_only_what_it_assigns(stages_seen) -> None:  # noqa: ANN001
    undeclared = {stage.name: sorted(changed - set(stage.assigns)) for stage, changed, _ in stages_seen
                  if changed - set(stage.assigns)}
    assert undeclared == {}


def test_each_stage_reads_only_what_it_requires_or_assigns(stages_seen) -> None:  # noqa: ANN001
    undeclared = {stage.name: sorted(reads - set(stage.requires) - set(stage.assigns) - set(TRANSIENT))
                  for stage, _, reads in stages_seen}
    assert {name: fields for name, fields in undeclared.items() if fields} == {}


def test_the_report_exercises_every_stage(stages_seen) -> None:  # noqa: ANN001
    """A contract check on a report that gives a stage nothing to do would prove nothing."""
    idle = [stage.name for stage, changed, _ in stages_seen if not changed and stage.name != "dating"]
    assert idle == []
