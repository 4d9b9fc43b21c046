"""Stage registry and runner.

A stage is a callable over one `Article` that declares what it needs (`requires`) and what it
fills (`assigns`). `build_pipeline` checks the order when the pipeline is built; `Pipeline.__call__`
checks each stage's result and names the stage that broke its contract. The error policy is the
caller's: `raise` stops at the first failure, `skip` records it as a `Reject` and goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from .errors import CrosswireError, PipelineConfigError, StageContractError, StageError
from .model import Article

# What an Article has before any stage runs (filled by a reader).
READER_ASSIGNS = ("raw_text", "title", "outlet", "url", "published", "source_path")


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, article: Article) -> Article: ...


@dataclass
class Reject:
    """An input or report that could not be processed, and why."""

    path: str | None
    stage: str
    code: str
    message: str
    article_id: str | None = None


StageFactory = Callable[..., Stage]


class Registry:
    """Named stage factories. Nothing registers itself at import time: `default_registry` lists them."""

    def __init__(self) -> None:
        self._factories: dict[str, StageFactory] = {}

    def add(self, name: str, factory: StageFactory) -> None:
        if name in self._factories:
            raise PipelineConfigError(f"stage {name!r} is registered twice; give the second a new name")
        self._factories[name] = factory

    def names(self) -> list[str]:
        return list(self._factories)

    def create(self, name: str, resources: object) -> Stage:
        if name not in self._factories:
            known = ", ".join(self._factories)
            raise PipelineConfigError(f"unknown stage {name!r}; known stages: {known}")
        return self._factories[name](resources)


class Pipeline:
    def __init__(self, stages: list[Stage], given: tuple[str, ...] = ()) -> None:
        """`given`: fields filled before this pipeline runs (by an earlier pipeline), beyond the reader's."""
        check_order(stages, given)
        self.stages = stages

    def split(self, after: str) -> tuple[Pipeline, Pipeline]:
        """Two pipelines: the stages up to and including `after`, and the rest."""
        names = self.names
        if after not in names:
            raise PipelineConfigError(f"cannot split after {after!r}: not in the pipeline {names}")
        cut = names.index(after) + 1
        first = Pipeline(self.stages[:cut])
        given = tuple(field for stage in first.stages for field in stage.assigns)
        return first, Pipeline(self.stages[cut:], given)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, article: Article) -> Article:
        for stage in self.stages:
            try:
                result = stage(article)
            except CrosswireError as err:
                err.stage = err.stage or stage.name
                raise
            except Exception as err:  # a third-party or programming error: name the stage
                raise StageError(f"stage {stage.name!r} failed: {type(err).__name__}: {err}",
                                 stage=stage.name, path=article.source_path) from err
            if not isinstance(result, Article):
                raise StageContractError(
                    f"stage {stage.name!r} returned {type(result).__name__}, not an Article; "
                    "a stage must return the article it was given", stage=stage.name)
            article = result
        return article

    def run(self, articles: Iterable[Article], policy: str = "skip",
            on_reject: Callable[[Reject], None] | None = None) -> Iterator[Article]:
        """Run every article through; with policy `skip`, failures go to `on_reject` and the batch goes on."""
        if policy not in ("raise", "skip"):
            raise PipelineConfigError(f"error policy must be 'raise' or 'skip', not {policy!r}")
        for article in articles:
            try:
                yield self(article)
            except CrosswireError as err:
                if policy == "raise":
                    raise
                if on_reject is not None:
                    on_reject(Reject(article.source_path, err.stage or "pipeline", err.code,
                                     err.message, article.id or None))


def check_order(stages: list[Stage], given: tuple[str, ...] = ()) -> None:
    """Fail when a stage needs a field that no earlier stage (or the reader) assigns."""
    available = set(READER_ASSIGNS) | set(given)
    seen: set[str] = set()
    for stage in stages:
        if stage.name in seen:
            raise PipelineConfigError(f"stage {stage.name!r} appears twice in the pipeline")
        seen.add(stage.name)
        missing = [r for r in stage.requires if r not in available]
        if missing:
            raise PipelineConfigError(
                f"stage {stage.name!r} needs {', '.join(missing)}, which no earlier stage assigns; "
                "move it after the stage that does")
        available.update(stage.assigns)
