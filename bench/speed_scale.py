"""`python -m bench speed`: the whole pipeline at growing store sizes, against a bare spaCy pass.

For each size N (GVA news documents in doc-id order, repeated with a copy marker past the 5,251
there are): ingest N reports into a fresh SQLite store with the local engine, then link the store;
time each, and a bare spaCy pass (the pinned model alone) over the same N texts in this process.
Then, on the largest store: 100 more reports ingested and the store linked again, against linking
it from scratch; and the local engine with 1 and 2 workers over the same reports. Peak memory is the
largest resident set of this process and of any worker it waited for. Results go to
bench/speed_scale.json, which `python -m bench quality --write` renders into bench/RESULTS.md.
"""

from __future__ import annotations

import json
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import shared_resources
from bench.tasks.speed import load_reports

SCALE_PATH = Path(__file__).resolve().parent / "speed_scale.json"
DEFAULT_SIZES = (1000, 2000, 4000, 8000)
ADDED = 100


def rows_to_size(data: Path, size: int) -> list[dict[str, Any]]:
    """`size` GVA documents; past the available ones, copies marked with their round (distinct texts)."""
    base = list({r["content"]: r for r in load_reports(data, 10**9)}.values())  # one row per distinct text
    out = []
    for n in range(size):
        row = dict(base[n % len(base)])
        if n >= len(base):
            row["content"] = f"{row['content']}\n\n(Copy {n // len(base)}.)"
            row["doc_id"] = f"{row['doc_id']}-{n // len(base)}"
        out.append(row)
    return out


def write_jsonl(rows: list[dict[str, Any]], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps({"id": r["doc_id"], "text": r["content"], "title": r.get("title"),
                                 "url": r.get("uri") and f"{r['uri']}#{r['doc_id']}",
                                 "published": r.get("dct")}) + "\n")
    return path


def peak_mb() -> dict[str, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_rss_mb": round(own, 1), "peak_worker_rss_mb": round(children, 1)}


def ingest_and_link(rows: list[dict[str, Any]], workers: int, tmp: Path, resources: Any,
                    extra: list[dict[str, Any]] | None = None) -> dict[str, float]:
    from crosswire.api import ingest
    from crosswire.config import load_settings
    from crosswire.link.run import link_store
    from crosswire.store import open_store

    db = tmp / f"s{len(rows)}-{workers}.db"
    settings = load_settings(env={}, db=str(db), progress=False, workers=workers)
    out: dict[str, float] = {}
    with open_store(str(db)) as store:
        started = time.perf_counter()
        summary = ingest([write_jsonl(rows, tmp / "in.jsonl")], store, settings, resources)
        out["ingest_s"] = time.perf_counter() - started
        started = time.perf_counter()
        link_store(store, resources)
        out["link_s"] = time.perf_counter() - started
        out["stored"] = summary.added + summary.versions
        if extra:
            ingest([write_jsonl(extra, tmp / "more.jsonl")], store, settings, resources)
            started = time.perf_counter()
            link_store(store, resources)
            out["relink_after_100_s"] = time.perf_counter() - started
    db.unlink(missing_ok=True)
    return out


def spacy_seconds(rows: list[dict[str, Any]], resources: Any) -> float:
    nlp = resources.nlp
    started = time.perf_counter()
    for r in rows:
        nlp(r["content"])
    return time.perf_counter() - started


def run(data: Path, sizes: tuple[int, ...] = DEFAULT_SIZES, workers: int = 2) -> dict[str, Any]:
    resources = shared_resources()
    resources.nlp("Warm-up report: shelling near the river.")
    results: dict[str, Any] = {"sizes": {}, "workers": workers}
    with tempfile.TemporaryDirectory(prefix="crosswire-scale-") as name:
        tmp = Path(name)
        for size in sizes:
            rows = rows_to_size(data, size + (ADDED if size == max(sizes) else 0))
            base, extra = rows[:size], rows[size:] or None
            figures = ingest_and_link(base, workers, tmp, resources, extra)
            spacy = spacy_seconds(base, resources)
            figures.update(spacy_s=spacy, reports_per_s=size / (figures["ingest_s"] + figures["link_s"]),
                           per_report_ms=1000 * (figures["ingest_s"] + figures["link_s"]) / size, **peak_mb())
            results["sizes"][str(size)] = {k: round(v, 3) for k, v in figures.items()}
            print(f"[speed] {size}: {results['sizes'][str(size)]}", flush=True)
        small = rows_to_size(data, min(sizes))
        one = ingest_and_link(small, 1, tmp, resources)
        results["one_worker_ingest_s"] = round(one["ingest_s"], 3)
        results["spacy_in_process_s"] = round(spacy_seconds(small, resources), 3)
    return results


def summarise(results: dict[str, Any]) -> dict[str, float]:
    """The issue's must-show ratios from the raw figures."""
    sizes = sorted(results["sizes"], key=int)
    first, last = results["sizes"][sizes[0]], results["sizes"][sizes[-1]]
    workers = results["workers"]
    out = {
        "per_report_growth_largest_vs_smallest": last["per_report_ms"] / first["per_report_ms"],
        f"throughput_{workers}_workers_vs_1": results["one_worker_ingest_s"] / first["ingest_s"],
        "pipeline_vs_spacy_1_worker": results["one_worker_ingest_s"] / results["spacy_in_process_s"],
        "peak_rss_mb_largest": last["peak_rss_mb"],
    }
    if "relink_after_100_s" in last:
        out["relink_100_share_of_scratch"] = last["relink_after_100_s"] / last["link_s"]
    return {k: round(v, 3) for k, v in out.items()}


def main(data: Path, sizes: tuple[int, ...], workers: int) -> int:
    results = run(data, sizes, workers)
    results["summary"] = summarise(results)
    results["measured"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    SCALE_PATH.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(json.dumps(results["summary"], indent=1))
    return 0
