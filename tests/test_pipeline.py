"""The runner: order checks at build time, contract checks at run time, error policy."""

from __future__ import annotations

import pytest

from crosswire.errors import InputError, PipelineConfigError, StageContractError, StageError
from crosswire.model import Article
from crosswire.pipeline import Pipeline, Registry, Reject


class Upper:
    name, requires, assigns = "upper", ("raw_text",), ("text",)

    def __call__(self, article: Article) -> Article:
        article.text = article.raw_text.upper()
        return article


class Count:
    name, requires, assigns = "count", ("text",), ("meta",)

    def __call__(self, article: Article) -> Article:
        article.meta["n"] = len(article.text)
        return article


class ReturnsNone:
    name, requires, assigns = "broken", ("raw_text",), ()

    def __call__(self, article: Article) -> Article:
        return None  # type: ignore[return-value]


class Explodes:
    name, requires, assigns = "explodes", ("raw_text",), ()

    def __call__(self, article: Article) -> Article:
        if "bad" in article.raw_text:
            raise ValueError("cannot handle this")
        if "refuse" in article.raw_text:
            raise InputError("refused on purpose")
        return article


def test_runs_stages_in_order() -> None:
    out = Pipeline([Upper(), Count()])(Article(raw_text="abc"))
    assert out.text == "ABC" and out.meta["n"] == 3


def test_order_checked_at_build_time() -> None:
    with pytest.raises(PipelineConfigError, match="count.*needs text"):
        Pipeline([Count(), Upper()])


def test_duplicate_stage_rejected() -> None:
    with pytest.raises(PipelineConfigError, match="twice"):
        Pipeline([Upper(), Upper()])


def test_contract_error_names_the_stage() -> None:
    with pytest.raises(StageContractError, match="broken"):
        Pipeline([ReturnsNone()])(Article(raw_text="x"))


def test_third_party_error_is_translated_with_stage_name() -> None:
    with pytest.raises(StageError, match="explodes.*ValueError"):
        Pipeline([Explodes()])(Article(raw_text="bad"))


@pytest.mark.parametrize("policy", ["skip", "raise"])
def test_error_policy(policy: str) -> None:
    rejects: list[Reject] = []
    articles = [Article(raw_text="good one", source_path="a"), Article(raw_text="bad", source_path="b"),
                Article(raw_text="refuse", source_path="c"), Article(raw_text="fine", source_path="d")]
    run = Pipeline([Explodes()]).run(articles, policy=policy, on_reject=rejects.append)
    if policy == "raise":
        with pytest.raises(StageError):
            list(run)
        return
    assert [a.source_path for a in run] == ["a", "d"]
    assert [(r.path, r.stage, r.code) for r in rejects] == [("b", "explodes", "stage.failed"),
                                                            ("c", "explodes", "input")]


def test_registry_unknown_and_duplicate_names() -> None:
    registry = Registry()
    registry.add("upper", lambda resources: Upper())
    with pytest.raises(PipelineConfigError, match="twice"):
        registry.add("upper", lambda resources: Upper())
    with pytest.raises(PipelineConfigError, match="known stages: upper"):
        registry.create("nope", None)


def test_default_pipeline_order_is_valid() -> None:
    from crosswire.resources import Resources
    from crosswire.stages import DEFAULT_STAGES, build_pipeline

    pipeline = build_pipeline(Resources())
    assert pipeline.names == DEFAULT_STAGES


def test_import_loads_no_model() -> None:
    import subprocess
    import sys

    code = ("import sys, crosswire, crosswire.stages, crosswire.cli, crosswire.api; "
            "print(any(m.startswith(('spacy', 'en_core')) for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_split_keeps_what_the_first_part_assigns() -> None:
    first, rest = Pipeline([Upper(), Count()]).split("upper")
    assert (first.names, rest.names) == (["upper"], ["count"])
    out = rest(first(Article(raw_text="ab")))
    assert out.meta["n"] == 2
    with pytest.raises(PipelineConfigError, match="cannot split"):
        Pipeline([Upper()]).split("nope")
