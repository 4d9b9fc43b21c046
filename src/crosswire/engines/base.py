"""What every engine does: run the analysing pipeline over prepared reports, in order.

An engine only schedules. The per-report work is `analyse_one` over the pipeline that
`stages.build_ingest_pipelines` builds, wherever it runs (this process, a pool worker, a Ray actor).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from .. import errors
from ..errors import CrosswireError
from ..model import Article
from ..pipeline import Pipeline, Reject
from ..resources import Resources


@dataclass(frozen=True)
class WorkerSpec:
    """What a worker needs to build its own resources and pipeline (small and picklable)."""

    spacy_package: str
    gazetteer: str | None
    stages: tuple[str, ...]

    def pipeline(self) -> Pipeline:
        from ..stages import build_ingest_pipelines

        resources = Resources(spacy_package=self.spacy_package, gazetteer_path=self.gazetteer)
        return build_ingest_pipelines(resources, list(self.stages) or None)[1]


class Engine(Protocol):
    """Runs the analysing stages over reports; yields each result (article or reject) in input order."""

    name: str

    def map(self, articles: Sequence[Article]) -> Iterator[Article | Reject]: ...
    def close(self) -> None: ...


def analyse_one(pipeline: Pipeline, article: Article, policy: str = "skip") -> Article | Reject:
    """One report through the analysing stages; with policy `skip` a failure comes back as a Reject."""
    try:
        return pipeline(article)
    except CrosswireError as err:
        if policy == "raise":
            raise
        return Reject(article.source_path, err.stage or "pipeline", err.code, err.message, article.id or None)


def error_for(reject: Reject) -> CrosswireError:
    """The error a worker's Reject stands for (by its stable code), to raise under policy `raise`."""
    classes = [c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, CrosswireError)]
    cls = next((c for c in classes if c.code == reject.code), CrosswireError)
    return cls(reject.message, path=reject.path, stage=reject.stage)
