"""`python -m bench link`: cross-report linking alone at growing store sizes, from scratch and incremental.

The per-report pipeline is not part of this measure (`python -m bench speed` times it): a base store of
GVA documents analysed by the default pipeline (`--base`, else built here from the first `--analysed`
documents) is grown to each size by copying its reports, the copies past the base marked with their
round as `bench.speed_scale` marks them (so every copy is a distinct text, and a near-duplicate of its
original). At each size a copy of the store is linked from scratch (`link_store(full=True)`); at the
largest, 100 more reports are added and linked incrementally (the default), then that store is
linked from scratch again and the two results compared: duplicates, stories, entities and each
mention's entity. Seconds are CPU seconds of this process (the machine is shared; wall seconds are
kept beside them); peak memory is this process's largest resident set. Results go to
bench/link_scale.json and bench/LINKING.md.
"""

from __future__ import annotations

import dataclasses
import json
import os
import resource
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
JSON_PATH = BENCH / "link_scale.json"
MD_PATH = BENCH / "LINKING.md"
ADDED = 100


def build_base(data: Path, count: int, db: Path, workers: int) -> Path:
    """The first `count` distinct GVA documents analysed by the default pipeline into a store at `db`."""
    from bench.common import shared_resources
    from bench.speed_scale import rows_to_size, write_jsonl
    from crosswire.api import ingest
    from crosswire.config import load_settings
    from crosswire.store import open_store

    settings = load_settings(env={}, db=str(db), progress=False, workers=workers, error_policy="skip")
    with open_store(str(db)) as store:
        ingest([write_jsonl(rows_to_size(data, count), db.with_suffix(".jsonl"))], store, settings,
               shared_resources())
    return db


def copied(article: Any, round_: int) -> Any:
    """A base report as its `round_`-th copy: its text marked with the round (a distinct text)."""
    from crosswire.model import article_id

    marker = f"\n\n(Copy {round_}.)"
    text = article.text + marker
    offsets = list(article.offsets) + [len(article.raw_text) + i for i in range(len(marker))]
    return dataclasses.replace(article, id=f"{article.id}-{round_}" if article.id else article_id(text),
                               text=text, raw_text=article.raw_text + marker, offsets=offsets,
                               url=f"{article.url}-copy{round_}" if article.url else None)


def grow(store: Any, base: list[Any], have: int, size: int) -> None:
    """Add reports to `store` (holding `have`) until it holds `size`: base reports, then their copies."""
    batch = []
    for n in range(have, size):
        article = base[n % len(base)]
        batch.append(article if n < len(base) else copied(article, n // len(base)))
        if len(batch) == 200:
            store.add_articles(batch)
            batch = []
    if batch:
        store.add_articles(batch)


def timed_link(db: Path, full: bool) -> dict[str, Any]:
    from bench.common import shared_resources
    from crosswire.link.run import link_store
    from crosswire.store import open_store

    with open_store(str(db)) as store:
        cpu, wall = time.process_time(), time.perf_counter()
        links = link_store(store, shared_resources(), full=full)
        return {"cpu_s": round(time.process_time() - cpu, 2), "wall_s": round(time.perf_counter() - wall, 2),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1), **links}


def snapshot(db: Path) -> dict[str, Any]:
    from crosswire.store import open_store

    with open_store(str(db)) as store:
        links = {a["id"]: (a["duplicate_of"], a["story_id"]) for a in store.article_rows(include_text=False)}
        entities = {e["id"]: json.dumps(e, sort_keys=True) for e in store.entity_rows()}
        mentions = {(m["article_id"], m["idx"]): m.get("entity_id") for m in store.annotation_rows("mentions")}
    return {"links": links, "entities": entities, "mentions": mentions}


def differences(a: dict[str, Any], b: dict[str, Any]) -> dict[str, int]:
    """How many reports' links, entities and mentions' entities differ between two snapshots."""
    out = {}
    for kind in ("links", "entities", "mentions"):
        keys = set(a[kind]) | set(b[kind])
        out[kind] = sum(1 for k in keys if a[kind].get(k) != b[kind].get(k))
    out["stories_differ"] = sum(1 for k in set(a["links"]) | set(b["links"])
                                if (a["links"].get(k) or (None, None))[1] != (b["links"].get(k) or (None, None))[1])
    return out


def run(base_db: Path, sizes: tuple[int, ...], tmp: Path) -> dict[str, Any]:
    import crosswire.link.dedup
    import crosswire.link.islands
    import crosswire.link.stories  # noqa: F401  (imported here, outside every timed link)
    from bench.common import shared_resources
    from crosswire.store import open_store

    _ = shared_resources().aliases  # loaded once, outside every timed link
    with open_store(str(base_db)) as store:
        base = [store.load_article(a["id"]) for a in store.article_rows(include_text=False)]
    results: dict[str, Any] = {"base_reports": len(base), "sizes": {}}
    grown = tmp / "grown.db"
    have = 0
    for size in sorted(sizes):
        with open_store(str(grown)) as store:
            grow(store, base, have, size)
        have = size
        scratch = tmp / f"scratch-{size}.db"
        shutil.copy(grown, scratch)
        figures = timed_link(scratch, full=True)
        figures["cpu_ms_per_report"] = round(1000 * figures["cpu_s"] / size, 2)
        if size == max(sizes):
            with open_store(str(scratch)) as store:
                grow(store, base, size, size + ADDED)
            figures["added"] = timed_link(scratch, full=False)
            incremental = snapshot(scratch)
            figures["scratch_after_add"] = timed_link(scratch, full=True)
            figures["incremental_vs_scratch_differences"] = differences(incremental, snapshot(scratch))
        scratch.unlink()
        results["sizes"][str(size)] = figures
        print(f"[link] {size}: {figures}", flush=True)
    return results


def summarise(results: dict[str, Any]) -> dict[str, float]:
    sizes = sorted(results["sizes"], key=int)
    first, last = results["sizes"][sizes[0]], results["sizes"][sizes[-1]]
    out = {"link_cpu_per_report_largest_vs_smallest": last["cpu_ms_per_report"] / first["cpu_ms_per_report"],
           "peak_rss_mb_largest": last.get("scratch_after_add", last)["peak_rss_mb"]}
    if "added" in last:
        out["add_100_share_of_scratch_cpu"] = last["added"]["cpu_s"] / last["cpu_s"]
        out["add_100_share_of_scratch_wall"] = last["added"]["wall_s"] / last["wall_s"]
    return {k: round(v, 3) for k, v in out.items()}


def render(results: dict[str, Any]) -> str:
    lines = ["# Linking at scale (generated by `python -m bench link --write`)", "",
             f"Measured {results['measured']} (load average {results['load']} at the start, on 2 cores shared "
             f"with other work): a base of {results['base_reports']} GVA documents analysed by the default "
             "pipeline, grown to each size with marked copies (each copy a distinct text and a near-duplicate "
             "of its original); linking only (duplicates, stories, entities), SQLite. CPU seconds of the "
             "linking process; wall seconds beside them.", "",
             "| reports | from scratch CPU s | wall s | CPU ms / report | stories | entities | peak RSS MB |",
             "|---|---|---|---|---|---|---|"]
    for size, f in sorted(results["sizes"].items(), key=lambda kv: int(kv[0])):
        lines.append(f"| {size} | {f['cpu_s']} | {f['wall_s']} | {f['cpu_ms_per_report']} | {f['stories']} | "
                     f"{f['entities']} | {f['peak_rss_mb']:.0f} |")
    last = results["sizes"][max(results["sizes"], key=int)]
    if "added" in last:
        add, again = last["added"], last["scratch_after_add"]
        lines += ["", f"Adding {ADDED} reports to the {max(results['sizes'], key=int)}-report store: the incremental "
                  f"link took {add['cpu_s']} CPU s ({add['wall_s']} wall); linking the grown store from scratch "
                  f"{again['cpu_s']} CPU s ({again['wall_s']} wall). Incremental against from scratch, "
                  f"items that differ: {last['incremental_vs_scratch_differences']}."]
    lines += ["", "| summary | value |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in sorted(results["summary"].items())]
    return "\n".join(lines) + "\n"


def main(data: Path, sizes: tuple[int, ...], base: Path | None, analysed: int, workers: int, write: bool) -> int:
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    with tempfile.TemporaryDirectory(prefix="crosswire-link-") as name:
        tmp = Path(name)
        base = base or build_base(data, analysed, tmp / "base.db", workers)
        results = run(base, sizes, tmp)
    results.update(summary=summarise(results), load=load,
                   measured=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()))
    print(json.dumps(results["summary"], indent=1))
    if write:
        JSON_PATH.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        MD_PATH.write_text(render(results), encoding="utf-8")
    return 0
