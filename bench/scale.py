"""Scale: the per-report pipeline's time per character and peak memory as one report grows.

    python -m bench length [--sizes 10000,100000,1000000] [--text gva|grammar] [--write]
    python -m bench.scale ...   (the same)

A report of each size is real news text: GVA documents (../shared/data/gva, distinct texts in doc-id
order) run together as the paragraphs of one long report, so the names, places, figures and days
vary as they do in real copy and grow with the length as they would in a long transcript. Without
the shared data, or with `--text grammar`, sentences come from a small grammar of conflict-report
sentences (drawn with a fixed seed, so no two are copies for the cleaning stage to fold). Each size
runs once as paragraphs and once as one single line, each case in its own process: the default
pipeline is built and warmed up on a short report, then the report is timed. Reported per case:
seconds, microseconds per character, seconds per stage, the process's resident memory before and at
its peak, and how many mentions, places, events and figures came out. The claim checked: time per
character at the largest size within 2x of the smallest, each with and without line breaks.
`--write` puts the table in bench/SCALE.md and its summary in bench/RELIABILITY.md (issue 16's
report).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

SCALE_PATH = Path(__file__).resolve().parent / "SCALE.md"
SIDES = ["government forces", "the army", "rebel fighters", "police", "armed men", "the militia",
         "security forces", "opposition groups", "soldiers", "local guards"]
PLACES = ["Aleppo", "Hama", "Homs", "Idlib", "Mosul", "Kherson", "Goma", "Gao", "Marib", "Kassala", "Bunia",
          "Sirte", "Kidal", "Taiz", "Raqqa", "Deir ez-Zor", "Tripoli", "Benghazi", "Aden", "Bakhmut"]
VERBS = ["shelled", "attacked", "entered", "withdrew from", "surrounded", "bombed", "clashed near",
         "took control of", "fired on", "raided"]
FIGURES = ["killed", "wounded", "displaced", "detained", "injured"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday",
        "last week", "overnight", "early on Sunday", "on 3 December", "on 12 March"]
SOURCES = ["a monitoring group said", "officials said", "residents told reporters", "the ministry said",
           "witnesses said", "according to a local council"]


def sentence(rng: random.Random) -> str:
    n = rng.randint(2, 400)
    return (f"{rng.choice(SIDES).capitalize()} {rng.choice(VERBS)} {rng.choice(PLACES)} {rng.choice(DAYS)}, "
            f"and at least {n} people were {rng.choice(FIGURES)} near {rng.choice(PLACES)}, "
            f"{rng.choice(SOURCES)}.")


def make_report(size: int, breaks: bool, seed: int = 7) -> str:
    """A report of about `size` characters: paragraphs of four sentences, or one line."""
    rng = random.Random(seed)
    parts = ["Fighting spreads across the region\n\n" if breaks else "Fighting spreads across the region. "]
    length, count = len(parts[0]), 0
    while length < size:
        s = sentence(rng)
        count += 1
        sep = "\n\n" if breaks and count % 4 == 0 else " "
        parts.append(s + sep)
        length += len(s) + len(sep)
    return "".join(parts)[:size].rstrip() + "\n"


def gva_report(data: Path, size: int, breaks: bool) -> str:
    """About `size` characters of GVA news copy: distinct documents in doc-id order as the paragraphs of
    one report, or with every run of whitespace made one space (a single line)."""
    from bench.tasks.speed import load_reports

    parts, length, seen = [], 0, set()
    for row in load_reports(data, 10**9):
        text = row["content"].strip()
        if text in seen:
            continue
        seen.add(text)
        parts.append(text if breaks else " ".join(text.split()))
        length += len(parts[-1]) + 2
        if length >= size:
            break
    return ("\n\n" if breaks else " ").join(parts)[:size].rstrip() + "\n"


def report_for(size: int, breaks: bool, source: str, seed: int = 7) -> str:
    """The report of one case: GVA copy (`source` "gva") or the grammar's sentences."""
    if source == "gva":
        from bench.common import shared_dir

        return gva_report(shared_dir(), size, breaks)
    return make_report(size, breaks, seed)


def run_one(size: int, breaks: bool, source: str = "grammar") -> dict[str, Any]:
    """Time the default pipeline on one report (in this process), stage by stage."""
    from bench.tasks.speed import TimedStage
    from crosswire.model import Article
    from crosswire.pipeline import Pipeline
    from crosswire.resources import Resources
    from crosswire.stages import build_default_pipeline

    stages = [TimedStage(stage) for stage in build_default_pipeline(Resources()).stages]
    pipeline = Pipeline(stages)  # type: ignore[arg-type]
    published = datetime(2016, 5, 5, tzinfo=UTC)
    pipeline(Article(raw_text=report_for(3000, True, source, seed=1), published=published))
    for stage in stages:
        stage.seconds = 0.0
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    text = report_for(size, breaks, source)
    start = time.perf_counter()
    done = pipeline(Article(raw_text=text, published=published, source_path=f"scale-{size}"))
    seconds = time.perf_counter() - start
    return {"size": size, "breaks": breaks, "text": source, "chars": len(text), "seconds": round(seconds, 2),
            "us_per_char": round(seconds / len(text) * 1e6, 2), "rss_before_mb": round(rss_before),
            "rss_peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "stages": {s.name: round(s.seconds, 2) for s in stages},
            "mentions": len(done.mentions), "places": len(done.places), "events": len(done.events),
            "figures": len(done.figures)}


def run_all(sizes: list[int], source: str) -> list[dict[str, Any]]:
    rows = []
    for breaks in (True, False):
        for size in sizes:
            out = subprocess.run([sys.executable, "-m", "bench.scale", "--one", str(size), "--text", source,
                                  *(["--breaks"] if breaks else [])], capture_output=True, text=True, check=False)
            if out.returncode != 0:
                raise SystemExit(f"case {size} breaks={breaks} failed:\n{out.stderr[-2000:]}")
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
            print(json.dumps(rows[-1]), flush=True)
    return rows


def ratios(rows: list[dict[str, Any]]) -> dict[bool, float]:
    """Time per character at the largest size over that at the smallest, with and without breaks."""
    out = {}
    for breaks in (True, False):
        case = sorted((r for r in rows if r["breaks"] == breaks), key=lambda r: r["size"])
        out[breaks] = round(case[-1]["us_per_char"] / case[0]["us_per_char"], 2)
    return out


def table(rows: list[dict[str, Any]]) -> str:
    lines = ["| size (chars) | line breaks | seconds | µs / char | RSS before (MB) | RSS peak (MB) | mentions | "
             "places | events | figures | slowest stages (s) |", "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        slowest = sorted(r.get("stages", {}).items(), key=lambda kv: -kv[1])[:3]
        stages = ", ".join(f"{name} {sec}" for name, sec in slowest)
        lines.append(f"| {r['chars']:,} | {'yes' if r['breaks'] else 'no'} | {r['seconds']} | {r['us_per_char']} | "
                     f"{r['rss_before_mb']} | {r['rss_peak_mb']} | {r['mentions']} | {r.get('places', '-')} | "
                     f"{r['events']} | {r['figures']} | {stages} |")
    return "\n".join(lines) + "\n\n" + summary(rows)


def summary(rows: list[dict[str, Any]]) -> str:
    """The claim in one sentence: the two ratios and the largest peak memory."""
    ratio = ratios(rows)
    peak = max(r["rss_peak_mb"] - r["rss_before_mb"] for r in rows)
    return (f"Time per character, largest over smallest: {ratio[True]}x with line breaks, "
            f"{ratio[False]}x on one line (the claim: at most 2x); the most memory one report added to a "
            f"warmed-up pipeline: {peak} MB.")


def write(rows: list[dict[str, Any]], load: str) -> None:
    """bench/SCALE.md (the table) and its section in bench/RELIABILITY.md."""
    source = "GVA news copy run together" if rows[0].get("text") == "gva" else "grammar sentences"
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    head = (f"Measured {when} on {source}; default pipeline, pinned model, one process per case; "
            f"2 cores shared with other work (load average {load} at the start), so compare ratios, "
            "not seconds.")
    SCALE_PATH.write_text("# Scale: one report growing (generated by `python -m bench length --write`)\n\n"
                          f"{head}\n\n{table(rows)}\n", encoding="utf-8")
    from bench.reliability import LENGTH_HEADING, REPORT_PATH, replace_section

    if REPORT_PATH.exists():
        section = f"{head}\n\n{table(rows)}\n"
        REPORT_PATH.write_text(replace_section(REPORT_PATH.read_text(encoding="utf-8"), LENGTH_HEADING, section),
                               encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench length")
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--text", choices=("gva", "grammar"), default=None,
                        help="GVA copy (the default when the shared data is there) or grammar sentences")
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--breaks", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    source = args.text or _default_source()
    if args.one:
        print(json.dumps(run_one(args.one, args.breaks, source)))
        return 0
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    rows = run_all([int(s) for s in args.sizes.split(",")], source)
    print(table(rows))
    if args.write:
        write(rows, load)
    return 0 if max(ratios(rows).values()) <= 2 else 1


def _default_source() -> str:
    from bench.common import SharedDataMissing, shared_dir

    try:
        shared_dir()
    except SharedDataMissing:
        return "grammar"
    return "gva"


if __name__ == "__main__":
    sys.exit(main())
