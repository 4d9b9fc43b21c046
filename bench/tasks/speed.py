"""Throughput: the full per-report pipeline against a bare spaCy pass over the same reports.

The same fixed reports (GVA news documents in doc-id order) go once through the spaCy model alone
and once through `crosswire.stages.build_default_pipeline`; both share one loaded model and are
warmed up on one report first. Reported: articles per second of each, their ratio (pipeline as a
percentage of bare spaCy speed), reports the pipeline rejected, and the process's peak resident
memory. Timings depend on the machine's load, so their floors keep a wide margin (`TOLERANCE`).
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

from bench.common import gva_published, shared_resources
from crosswire.model import Article, article_id
from crosswire.stages import DEFAULT_STAGES

GATE_LIMIT = 30  # reports
DEFAULT_REPORTS = 50
LOWER_IS_BETTER = frozenset({"peak_rss_mb", "rejected", "extraction_pct_of_spacy"})
UNGATED = frozenset({"reports", "articles_per_second", "spacy_articles_per_second",  # wall-clock: shown, never gated
                     *(f"stage_pct_of_spacy.{name}" for name in DEFAULT_STAGES)})  # the breakdown, shown
TOLERANCE = {"articles_per_second": 0.5, "spacy_articles_per_second": 0.5,
             "pipeline_speed_pct_of_spacy": 0.5, "peak_rss_mb": 0.5}


def load_reports(data: Path, count: int) -> list[dict[str, str]]:
    """The first `count` GVA documents with text, by doc id (the same reports every run)."""
    rows = []
    with (data / "gva" / "documents.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line) if line.strip() else None
            if row and (row.get("content") or "").strip():
                rows.append(row)
    rows.sort(key=lambda r: r["doc_id"])
    return rows[:count]


def to_article(row: dict[str, str]) -> Article:
    """A report as a reader would hand it over (raw text, title, publication date)."""
    published = gva_published(row)
    return Article(raw_text=row["content"], id=article_id(row["content"]), title=row.get("title"),
                   url=row.get("uri"), published=published,
                   published_source="metadata" if published else "unknown")


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


class TimedStage:
    """A stage wrapped to add up the time it takes (same name and contract as the stage)."""

    def __init__(self, stage: Any) -> None:
        self.stage, self.name = stage, stage.name
        self.requires, self.assigns = stage.requires, stage.assigns
        self.seconds = 0.0

    def __call__(self, article: Article) -> Article:
        started = time.perf_counter()
        try:
            return self.stage(article)
        finally:
            self.seconds += time.perf_counter() - started


# The stages issue "What happened and how many" bounds: at most 50% of the bare spaCy pass.
EXTRACTION_STAGES = ("attribution", "figures", "events")


def _rate(count: int, seconds: float) -> float:
    return count / seconds if seconds > 0 else 0.0


def run(data: Path, limit: int | None = None) -> dict[str, float]:
    """Articles per second of bare spaCy and of the full pipeline over the same reports."""
    from crosswire.stages import build_default_pipeline

    rows = load_reports(data, limit if limit is not None else DEFAULT_REPORTS)
    if len(rows) < 2:
        raise ValueError("speed needs at least two reports (one warms up)")
    resources = shared_resources()
    from crosswire.pipeline import Pipeline

    timed_stages = [TimedStage(stage) for stage in build_default_pipeline(resources).stages]
    pipeline = Pipeline(timed_stages)  # type: ignore[arg-type]
    nlp = resources.nlp
    warm, timed = rows[0], rows[1:]
    nlp(warm["content"])
    started = time.perf_counter()
    for row in timed:
        nlp(row["content"])
    spacy_seconds = time.perf_counter() - started
    rejected: list[object] = []
    list(pipeline.run([to_article(warm)], policy="skip", on_reject=rejected.append))
    rejected.clear()
    for stage in timed_stages:
        stage.seconds = 0.0
    started = time.perf_counter()
    list(pipeline.run((to_article(r) for r in timed), policy="skip", on_reject=rejected.append))
    pipeline_seconds = time.perf_counter() - started
    spacy_rate, pipeline_rate = _rate(len(timed), spacy_seconds), _rate(len(timed), pipeline_seconds)
    return {
        "articles_per_second": round(pipeline_rate, 2),
        "spacy_articles_per_second": round(spacy_rate, 2),
        "pipeline_speed_pct_of_spacy": round(100 * pipeline_rate / spacy_rate, 1) if spacy_rate else 0.0,
        "rejected": float(len(rejected)),
        "reports": float(len(timed)),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "extraction_pct_of_spacy": _pct(sum(s.seconds for s in timed_stages if s.name in EXTRACTION_STAGES),
                                        spacy_seconds),
        **{f"stage_pct_of_spacy.{s.name}": _pct(s.seconds, spacy_seconds) for s in timed_stages},
    }


def _pct(seconds: float, base: float) -> float:
    return round(100 * seconds / base, 1) if base else 0.0
