"""Library functions behind the CLI (and the API and tests): ingest, link, run, analyze.

Each takes explicit settings and resources; none reads the wall clock except to stamp stored rows.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import Any

from .config import Settings
from .errors import CrosswireError
from .model import Article, to_jsonable
from .pipeline import Pipeline, Reject
from .resources import Resources
from .stages import build_pipeline
from .store import Store


@dataclass
class IngestSummary:
    read: int = 0
    added: int = 0
    versions: int = 0
    existing: int = 0
    rejected: int = 0
    rejects: list[Reject] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.read} read: {self.added} new, {self.versions} new versions, "
                f"{self.existing} already stored, {self.rejected} rejected")


@dataclass
class RunSummary:
    ingest: IngestSummary
    link: dict[str, int]
    outputs: dict[str, str]


def make_resources(settings: Settings) -> Resources:
    return Resources(spacy_package=settings.spacy_package, gazetteer_path=settings.gazetteer)


def read_articles(paths: Iterable[str | Path], settings: Settings,
                  published: datetime | None = None) -> Iterator[Article | Reject]:
    from .ingest import ReadOptions, read_inputs

    options = ReadOptions(max_bytes=settings.max_bytes, published=published)
    yield from read_inputs([Path(p) for p in paths], options)


def _progress(items: Iterator[Any], settings: Settings) -> Iterator[Any]:
    if not (settings.progress and sys.stderr.isatty()):
        return items
    from tqdm import tqdm

    return iter(tqdm(items, desc="reports", unit="report", file=sys.stderr))


INGEST_BATCH = 200  # reports prepared together, so an undated one can be dated against its batch


def ingest(paths: Iterable[str | Path], store: Store, settings: Settings,
           resources: Resources | None = None, published: datetime | None = None) -> IngestSummary:
    """Read, analyse and store every report under `paths`; bad inputs go to `rejects` (policy skip).

    Reports are cleaned and their metadata read in batches first, so that a report with no date can
    be dated with the dates of the other reports in its batch and in the store as context.
    """
    resources = resources or make_resources(settings)
    prepare, analyse = _split_after_metadata(build_pipeline(resources, settings.stages or None))
    summary = IngestSummary()
    items = _progress(read_articles(paths, settings, published), settings)
    while batch := list(islice(items, INGEST_BATCH)):
        prepared = [a for a in (_prepare(prepare, item, store, summary, settings) for item in batch) if a]
        known = store.published_dates() | {a.published.date().isoformat() for a in prepared
                                           if a.published and a.published_source != "inferred"}
        for article in prepared:
            if article.published is None and known:
                article.meta["other_dated"] = sorted(known)
            done = _analyse(analyse, article, store, summary, settings)
            if done is None:
                continue
            result = store.add_article(done)
            summary.added += result.status == "added"
            summary.versions += result.status == "version"
            summary.existing += result.status == "exists"
    return summary


def _split_after_metadata(pipeline: Pipeline) -> tuple[Pipeline, Pipeline]:
    if "metadata" in pipeline.names:
        return pipeline.split("metadata")
    return Pipeline([]), pipeline


def _prepare(prepare: Pipeline, item: Article | Reject, store: Store, summary: IngestSummary,
             settings: Settings) -> Article | None:
    summary.read += 1
    if isinstance(item, Reject):
        _reject(store, summary, item, settings)
        return None
    if store.has_raw(item.raw_text):
        summary.existing += 1
        return None
    return _analyse(prepare, item, store, summary, settings)


def _reject(store: Store, summary: IngestSummary, reject: Reject, settings: Settings) -> None:
    if settings.error_policy == "raise":
        raise CrosswireError(f"{reject.path}: {reject.message}", path=reject.path, stage=reject.stage)
    summary.rejected += 1
    summary.rejects.append(reject)
    store.add_reject(reject)


def _analyse(pipeline: Pipeline, article: Article, store: Store, summary: IngestSummary,
             settings: Settings) -> Article | None:
    try:
        return pipeline(article)
    except CrosswireError as err:
        if settings.error_policy == "raise":
            raise
        _reject(store, summary, Reject(article.source_path, err.stage or "pipeline", err.code, err.message,
                                       article.id or None), settings)
        return None


def analyze_file(path: str | Path, settings: Settings, published: datetime | None = None,
                 resources: Resources | None = None) -> list[dict[str, Any]]:
    """One file's reports analysed without a store, as JSON-ready dicts (rejects included as errors)."""
    resources = resources or make_resources(settings)
    pipeline = build_pipeline(resources, settings.stages or None)
    out: list[dict[str, Any]] = []
    for item in read_articles([path], settings, published):
        if isinstance(item, Reject):
            out.append({"error": to_jsonable(item)})
            continue
        article = pipeline(item)
        out.append(article_json(article))
    return out


def article_json(article: Article) -> dict[str, Any]:
    data = to_jsonable(article)
    data.pop("offsets", None)
    data["meta"] = {k: v for k, v in data["meta"].items() if k != "doc" and not k.startswith("_")}
    return data
