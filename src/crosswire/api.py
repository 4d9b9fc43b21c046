"""Library functions behind the CLI (and the API and tests): ingest, link, run, analyze.

Each takes explicit settings and resources; none reads the wall clock except to stamp stored rows and
to bound publication dates at the time of reading.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from itertools import islice
from pathlib import Path
from typing import Any

from .config import CONFIG_FILE, Settings
from .errors import CrosswireError, MissingInput, StoreError
from .model import Article, content_hash, to_jsonable
from .pipeline import Pipeline, Reject
from .resources import Resources
from .stages import build_ingest_pipelines, build_pipeline
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
    """What `run` did: the reports read and stored, the links made, and the files written."""

    ingest: IngestSummary
    link: dict[str, int]
    outputs: dict[str, str]


def make_resources(settings: Settings) -> Resources:
    return Resources(spacy_package=settings.spacy_package, gazetteer_path=settings.gazetteer)


STORE_SUFFIXES = ("", "-wal", "-shm", "-journal")  # the store's file and SQLite's files beside it


def own_paths(settings: Settings, out: bool = True) -> tuple[Path, ...]:
    """crosswire's own files, never read as input: the store (and its WAL files), the output folder
    (report and exports) and the settings file."""
    paths = [Path(settings.db + suffix) for suffix in STORE_SUFFIXES] if settings.db != ":memory:" else []
    if out:
        paths.append(Path(settings.out))
    return (*paths, Path(CONFIG_FILE))


def read_articles(paths: Iterable[str | Path], settings: Settings, published: datetime | None = None,
                  skip_own: bool = True) -> Iterator[Article | Reject]:
    from .ingest import ReadOptions, read_inputs

    latest = datetime.now(UTC) + timedelta(days=1)  # a publication date after this is impossible
    options = ReadOptions(max_bytes=settings.max_bytes, published=published, latest=latest,
                          exclude=own_paths(settings) if skip_own else ())
    yield from read_inputs([Path(p) for p in paths], options)


def check_inputs(paths: Iterable[str | Path]) -> None:
    """Refuse a batch whose input paths do not exist (a typo must not give an empty report)."""
    missing = [str(p) for p in paths if not Path(p).exists()]
    if missing:
        raise MissingInput(f"no such input: {', '.join(missing)}; check the path"
                           + ("s" if len(missing) > 1 else ""))


def _progress(items: Iterator[Any], settings: Settings) -> Iterator[Any]:
    if not (settings.progress and sys.stderr.isatty()):
        return items
    from tqdm import tqdm

    return iter(tqdm(items, desc="reports", unit="report", file=sys.stderr))


INGEST_BATCH = 200  # reports prepared together, so an undated one can be dated against its batch
STORE_CHUNK = 16  # analysed reports written per transaction: a crash loses at most this much work


def ingest(paths: Iterable[str | Path], store: Store, settings: Settings,
           resources: Resources | None = None, published: datetime | None = None) -> IngestSummary:
    """Read, analyse and store every report under `paths`; bad inputs go to `rejects` (policy skip).

    Reports are cleaned and their metadata read in batches first, so that a report with no date can
    be dated with the dates of the other reports in its batch and in the store as context. The
    analysing stages of a batch run on `settings.engine`; this process alone writes the results.
    """
    from .engines import make_engine

    resources = resources or make_resources(settings)
    prepare, analyse = build_ingest_pipelines(resources, settings.stages or None)
    summary = IngestSummary()
    ids: dict[str, str] = {}  # id -> content hash of every report settled in this ingest
    own = replace(settings, db=store.path)  # the store being written is never read as input
    items = _progress(read_articles(paths, own, published), settings)
    engine = make_engine(settings, analyse)
    try:
        while batch := list(islice(items, INGEST_BATCH)):
            prepared = [a for a in (_prepare(prepare, item, store, summary, settings) for item in batch) if a]
            for article in prepared:
                settle_id(article, store, ids)
            known = store.published_dates() | {a.published.date().isoformat() for a in prepared
                                               if a.published and a.published_source != "inferred"}
            for article in prepared:
                if article.published is None and known:
                    article.other_dated = sorted(known)
            results = engine.map(prepared)
            while chunk := list(islice(results, STORE_CHUNK)):
                _store_batch(chunk, store, summary, settings)
    finally:
        engine.close()
    return summary


def settle_id(article: Article, store: Store, ids: dict[str, str]) -> None:
    """Give a report whose id is already held by a different text (a record id reused for a changed
    record) an id of its own, `<id>~<content>`; it is then stored as a new version of the first
    (same file and record id). The same id with the same text keeps its id and is stored once."""
    chash = content_hash(article.text)
    taken = ids.get(article.id) or store.content_of(article.id)
    if taken is not None and taken != chash:
        article.meta.setdefault("record_id", article.id)
        article.id = f"{article.id}~{chash[:8]}"
    ids[article.id] = chash


def _store_batch(results: Iterable[Article | Reject], store: Store, summary: IngestSummary,
                 settings: Settings) -> None:
    """Write some results in one transaction; if the store refuses one, article by article.

    Results are written as they come (`STORE_CHUNK` at a time), not once a whole batch is analysed: a
    run killed part way keeps what it finished, and the next run goes on from there. What a report is
    analysed with (its batch's dates) is settled before any is written, so where a run was stopped
    does not change what is stored."""
    done = []
    for result in results:
        if isinstance(result, Reject):
            _reject(store, summary, result, settings)
        else:
            done.append(result)
    try:
        added = store.add_articles(done)
    except StoreError:
        for article in done:
            _store(article, store, summary, settings)
        return
    for result in added:
        _count(summary, result.status)


def _store(article: Article, store: Store, summary: IngestSummary, settings: Settings) -> None:
    try:
        result = store.add_article(article)
    except StoreError as err:
        _reject(store, summary, Reject(article.source_path, "store", err.code, err.message, article.id), settings)
        return
    _count(summary, result.status)


def _count(summary: IngestSummary, status: str) -> None:
    summary.added += status == "added"
    summary.versions += status == "version"
    summary.existing += status == "exists"


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
    for item in read_articles([path], settings, published, skip_own=False):
        if isinstance(item, Reject):
            out.append({"error": to_jsonable(item)})
            continue
        article = pipeline(item)
        out.append(article_json(article))
    return out


def article_json(article: Article) -> dict[str, Any]:
    data = to_jsonable(article)
    data.pop("offsets", None)
    data["meta"] = {k: v for k, v in data["meta"].items() if not k.startswith("_")}
    return data


def run(paths: Iterable[str | Path], store: Store, settings: Settings, resources: Resources,
        published: datetime | None = None) -> RunSummary:
    """The main job: read, analyse and store the reports at `paths`, link the whole store (stories,
    duplicates, entities), then write the report, the brief and every export to `settings.out`.

    The CLI's `run`, the web app and a notebook all call this one function; the ACLED export is given
    the run's gazetteer, so a user's `--gazetteer` names its admin1 column too."""
    from .link.run import link_store
    from .present.write import check_out_folder, write_outputs

    check_inputs(paths)
    check_out_folder(settings.out)
    summary = ingest(paths, store, settings, resources, published)
    links = link_store(store, resources)
    outputs = write_outputs(store, settings.out, gazetteer=resources.gazetteer)
    return RunSummary(summary, links, outputs)
