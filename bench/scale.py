"""Scale: the per-report pipeline's time per character and peak memory as one report grows.

    python -m bench.scale [--sizes 10000,100000,1000000] [--write]

Reports of each size are written by this script from a small grammar of conflict-report sentences
(places, sides, figures and days drawn with a fixed seed, so no two sentences are copies for the
cleaning stage to fold), once as paragraphs and once as one single line. Each case runs in its own
process: the default pipeline is built and warmed up on a short report, then the report is timed.
Reported per case: seconds, microseconds per character, the process's resident memory before and at
its peak, and how many mentions, events and figures came out. The claim checked: time per character
at the largest size within 2x of the smallest, each with and without line breaks. `--write` puts the
table in bench/SCALE.md.
"""

from __future__ import annotations

import argparse
import json
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


def run_one(size: int, breaks: bool) -> dict[str, Any]:
    """Time the default pipeline on one generated report (in this process)."""
    from crosswire.model import Article
    from crosswire.resources import Resources
    from crosswire.stages import build_default_pipeline

    pipeline = build_default_pipeline(Resources())
    published = datetime(2024, 12, 5, tzinfo=UTC)
    pipeline(Article(raw_text=make_report(3000, True, seed=1), published=published))
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    text = make_report(size, breaks)
    start = time.perf_counter()
    done = pipeline(Article(raw_text=text, published=published, source_path=f"scale-{size}"))
    seconds = time.perf_counter() - start
    return {"size": size, "breaks": breaks, "chars": len(text), "seconds": round(seconds, 2),
            "us_per_char": round(seconds / len(text) * 1e6, 2), "rss_before_mb": round(rss_before),
            "rss_peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "mentions": len(done.mentions), "events": len(done.events), "figures": len(done.figures)}


def run_all(sizes: list[int]) -> list[dict[str, Any]]:
    rows = []
    for breaks in (True, False):
        for size in sizes:
            out = subprocess.run([sys.executable, "-m", "bench.scale", "--one", str(size),
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
             "events | figures |", "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['chars']:,} | {'yes' if r['breaks'] else 'no'} | {r['seconds']} | {r['us_per_char']} | "
                     f"{r['rss_before_mb']} | {r['rss_peak_mb']} | {r['mentions']} | {r['events']} | {r['figures']} |")
    ratio = ratios(rows)
    lines += ["", f"Time per character, largest over smallest: {ratio[True]}x with line breaks, "
              f"{ratio[False]}x on one line (the claim: at most 2x)."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.scale")
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--breaks", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, args.breaks)))
        return 0
    rows = run_all([int(s) for s in args.sizes.split(",")])
    text = table(rows)
    print(text)
    if args.write:
        SCALE_PATH.write_text("# Scale: one report growing (generated by `python -m bench.scale --write`)\n\n"
                              f"Machine: {2} cores shared; default pipeline, pinned model.\n\n{text}\n",
                              encoding="utf-8")
    return 0 if max(ratios(rows).values()) <= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
