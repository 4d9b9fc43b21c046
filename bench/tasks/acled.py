"""ACLED notes as short reports: event type, sub-type, fatalities, date, place and actors.

Each `notes` text of `acled/*.csv` is run through the per-report stages as if it were a report; the
note's main event (its first event mention) is scored against the coded row. The event date is not
given to the system (the notes carry their own "On 9 May 2020, ..."); the row's upload `timestamp` is
given as the publication time. The "[size=...]" tag ACLED appends is removed first.

Split: rows whose `event_id_no_cnty` is even are dev, odd are held out; both are reported
(`dev.*`, `heldout.*`). Rules are developed on dev only. ACLED splits one report's toll between
events and codes claims by some sources as 0, so fatalities_exact has a ceiling below 100.

Leave-one-region-out: the rules are hand-written, so "trained on the other regions" means a region
whose rows no rule is written on. `HELD_OUT_REGIONS` are those regions (of the countries the actor
table and the event rules were written on, only Burundi lies in them, and from now on no rule is
written on their rows; actor-table rows for their conflicts come from public sources, not notes); `loro.*` scores their odd (never inspected) rows, `inregion.*` the odd rows of the
other regions, so the two differ by region only. A full run also reports each region
(`region.<name>.*`) and each country with at least `COUNTRY_MIN` odd rows (`country.<name>.*`).
"""

from __future__ import annotations

import csv
import math
import random
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.common import prf

# Notes where the coder overrides the stated toll ("Fatalities coded as 0 (VoJ reported 3)") or splits it
# between events: a text reader cannot match these, so fatalities are also scored without them.
CODER_RULE = re.compile(r"coded as|split (?:up )?between|split across|unknown number of fatalities", re.I)
GATE_LIMIT = 100  # notes per split (dev and held-out): 200 notes in all
SEED = 20200509
HELD_OUT_REGIONS = frozenset({"South-Eastern Asia", "Middle Africa", "Eastern Africa", "Southern Africa",
                              "Caribbean"})
COUNTRY_MIN = 30
BREAKDOWN = ("event_type_acc", "sub_event_type_acc", "fatalities_exact", "loc25_acc", "actor1_match", "n")
EVENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
               "Strategic developments")


SPLITS = ("dev", "heldout", "inregion", "loro")
TABLE_METRICS = ("event_type_acc", "sub_event_type_acc", "fatalities_exact", "loc25_acc", "actor1_match",
                 "actor2_match", "date_exact", "n")


def results_tables(current: dict[str, float]) -> list[str]:
    """RESULTS.md tables: the four splits side by side (leave-one-region-out next to in-region), then each
    region (held-out ones marked) and each country with at least `COUNTRY_MIN` odd rows."""
    lines = ["Splits side by side (`loro`: odd rows of the held-out regions, which no rule was written on;",
             "`inregion`: odd rows of the other regions):", "",
             "| metric | " + " | ".join(SPLITS) + " |", "|---" * (len(SPLITS) + 1) + "|"]
    for metric in TABLE_METRICS:
        cells = [_cell(current.get(f"{split}.{metric}"), metric) for split in SPLITS]
        lines.append(f"| {metric} | " + " | ".join(cells) + " |")
    held = {re.sub(r"[^a-z0-9]+", "_", r.lower()).strip("_") for r in HELD_OUT_REGIONS}
    for prefix, title in (("region", "Per region (odd rows; * = held out)"),
                          ("country", f"Per country (odd rows, countries with at least {COUNTRY_MIN})")):
        names = sorted({k.split(".")[1] for k in current if k.startswith(prefix + ".")})
        if not names:
            continue
        lines += ["", f"{title}:", "", "| " + prefix + " | " + " | ".join(BREAKDOWN) + " |",
                  "|---" * (len(BREAKDOWN) + 1) + "|"]
        for name in names:
            label = f"{name} *" if prefix == "region" and name in held else name
            cells = [_cell(current.get(f"{prefix}.{name}.{m}"), m) for m in BREAKDOWN]
            lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return lines + [""]


def _cell(value: float | None, metric: str) -> str:
    return "-" if value is None else f"{value:.0f}" if metric == "n" else f"{value:.2f}"


def load_rows(data: Path) -> list[dict[str, str]]:
    """All coded rows of the ACLED exports, in file order."""
    rows: list[dict[str, str]] = []
    for path in sorted((data / "acled").glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as fh:
            rows.extend(csv.DictReader(fh))
    return rows


def split_rows(rows: list[dict[str, str]], limit: int | None) -> dict[str, list[dict[str, str]]]:
    """dev (even event_id_no_cnty) and heldout (odd), each a seeded sample of `limit` rows."""
    out: dict[str, list[dict[str, str]]] = {"dev": [], "heldout": []}
    for row in rows:
        key = "dev" if event_number(row) % 2 == 0 else "heldout"
        out[key].append(row)
    for key, part in out.items():
        if limit is not None and limit < len(part):
            picked = sorted(random.Random(SEED).sample(range(len(part)), limit))
            out[key] = [part[i] for i in picked]
    return out


def event_number(row: dict[str, str]) -> int:
    """`event_id_no_cnty`, or the digits of `event_id_cnty` where the export left it empty."""
    digits = row["event_id_no_cnty"] or re.sub(r"\D", "", row["event_id_cnty"]) or row["data_id"]
    return int(digits)


def note_text(notes: str) -> str:
    """The note without ACLED's coder tag '[size=...]'."""
    return re.sub(r"\s*\[size=[^\]]*\]\s*$", "", notes).strip()


def gold_date(value: str) -> str | None:
    for fmt in ("%d-%b-%y", "%d %B %Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value.strip(), fmt).date().isoformat()
        except ValueError:
            continue
    return None


PIPELINE_STAGES = ["clean", "metadata", "annotate", "times", "places", "attribution", "figures", "events"]


def build_pipeline() -> Callable[[Any], Any]:
    """The default per-report pipeline from cleaning to events (the real time and place stages)."""
    from crosswire.resources import Resources
    from crosswire.stages import build_pipeline as build_stages

    return build_stages(Resources(), PIPELINE_STAGES)


def publication_time(row: dict[str, str]) -> datetime | None:
    """The row's upload `timestamp` as the report's publication time (ISO, UTC), or None."""
    if not row.get("timestamp"):
        return None
    iso = datetime.fromtimestamp(int(row["timestamp"]), tz=UTC).isoformat()
    return datetime.fromisoformat(iso)


def run(data: Path, limit: int | None = None) -> dict[str, float]:
    """Score the main event of each note; metrics for dev and held-out rows, and by region."""
    run_one = build_pipeline()
    cache: dict[str, Any] = {}
    rows = load_rows(data)
    metrics: dict[str, float] = {}
    for split, part in split_rows(rows, limit).items():
        results = [(row, analyse_note(run_one, row, cache)) for row in part]
        metrics.update({f"{split}.{k}": v for k, v in score(results).items()})
    odd = [row for row in rows if event_number(row) % 2 == 1]
    pools = {"loro": [r for r in odd if r["region"] in HELD_OUT_REGIONS],
             "inregion": [r for r in odd if r["region"] not in HELD_OUT_REGIONS]}
    for name, pool in pools.items():
        if limit is not None and limit < len(pool):
            pool = [pool[i] for i in sorted(random.Random(SEED).sample(range(len(pool)), limit))]
        results = [(row, analyse_note(run_one, row, cache)) for row in pool]
        metrics.update({f"{name}.{k}": v for k, v in score(results).items()})
    if limit is None:
        metrics.update(breakdown([(row, cache[row["data_id"]]) for row in odd]))
    return metrics


def analyse_note(run_one: Callable[[Any], Any], row: dict[str, str], cache: dict[str, Any]) -> Any:
    """One note run through the pipeline as a report (once per row)."""
    from crosswire.errors import CrosswireError
    from crosswire.model import Article

    if row["data_id"] in cache:
        return cache[row["data_id"]]
    published = publication_time(row)
    article = Article(raw_text=note_text(row["notes"]), id=f"acled-{row['data_id']}", published=published,
                      published_source="user" if published else "unknown")
    try:
        article = run_one(article)
    except CrosswireError:  # a note the pipeline rejects (e.g. empty) scores as "no event found"
        pass
    cache[row["data_id"]] = article
    return article


def breakdown(results: list[tuple[dict[str, str], Any]]) -> dict[str, float]:
    """The main figures per region and per country (countries with >= COUNTRY_MIN rows)."""
    out: dict[str, float] = {}
    for field, prefix, minimum in (("region", "region", 1), ("country", "country", COUNTRY_MIN)):
        groups: dict[str, list[tuple[dict[str, str], Any]]] = {}
        for row, article in results:
            groups.setdefault(row[field] or "unknown", []).append((row, article))
        for name, group in sorted(groups.items()):
            if len(group) < minimum:
                continue
            scored = score(group)
            key = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
            out.update({f"{prefix}.{key}.{m}": scored[m] for m in BREAKDOWN if m in scored})
    return out


def main_event(article: Any) -> Any:
    return article.events[0] if article.events else None


def note_fatalities(article: Any) -> int:
    """The main event's toll, else the first toll told later in the note (a note tells one event)."""
    ev = main_event(article)
    if ev is None:
        return 0
    if ev.fatalities is not None:
        return ev.fatalities
    later = [e.fatalities for e in article.events[1:] if e.fatalities is not None]
    return later[0] if later else 0


def score(results: list[tuple[dict[str, str], Any]]) -> dict[str, float]:
    """Field accuracies over (row, analysed article) pairs."""
    n = len(results) or 1
    hits: dict[str, int] = dict.fromkeys(("type", "sub", "fat", "date", "a1", "a2", "loc25", "loc161", "located",
                                          "plain", "fat_plain"), 0)
    abs_err = 0
    pairs = []
    for row, article in results:
        ev = main_event(article)
        pred_type = ev.event_type if ev else "none"
        pairs.append((row["event_type"], pred_type))
        hits["type"] += pred_type == row["event_type"]
        hits["sub"] += bool(ev) and ev.sub_event_type == row["sub_event_type"]
        fat = note_fatalities(article)
        hits["fat"] += fat == int(row["fatalities"] or 0)
        if not CODER_RULE.search(row["notes"]):
            hits["plain"] += 1
            hits["fat_plain"] += fat == int(row["fatalities"] or 0)
        abs_err += abs(fat - int(row["fatalities"] or 0))
        hits["date"] += bool(ev) and ev.date == gold_date(row["event_date"])
        hits["a1"] += actor_match(ev.actor1 if ev else None, row["actor1"])
        hits["a2"] += actor_match(ev.actor2 if ev else None, row["actor2"])
        km = place_error_km(article, ev, row)
        if km is not None:
            hits["located"] += 1
            hits["loc25"] += km <= 25
            hits["loc161"] += km <= 161
    out = {"n": float(len(results)), "event_type_acc": 100 * hits["type"] / n,
           "event_type_macro_f1": macro_f1(pairs), "sub_event_type_acc": 100 * hits["sub"] / n,
           "fatalities_exact": 100 * hits["fat"] / n, "fatalities_mae": abs_err / n,
           "date_exact": 100 * hits["date"] / n, "actor1_match": 100 * hits["a1"] / n,
           "actor2_match": 100 * hits["a2"] / n, "located": 100 * hits["located"] / n,
           "fatalities_exact_no_coder_rule": 100 * hits["fat_plain"] / max(hits["plain"], 1)}
    if any(article.places for _, article in results):
        out.update(loc25_acc=100 * hits["loc25"] / n, loc161_acc=100 * hits["loc161"] / n)
    return out


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    scores = []
    for label in EVENT_TYPES:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        scores.append(prf(tp, fp, fn)[2])
    return 100 * sum(scores) / len(scores)


def normalise_actor(name: str | None) -> str:
    """Actor names compared without ACLED's period tags '(2014-)' and case."""
    name = re.sub(r"\(\d{4}-\d{0,4}\)", "", name or "")
    return re.sub(r"\s+", " ", name).strip().lower()


def actor_match(pred: str | None, gold: str) -> bool:
    return normalise_actor(pred) == normalise_actor(gold)


def place_error_km(article: Any, ev: Any, row: dict[str, str]) -> float | None:
    """How far the main event's map point lies from the coded point (None when it has no point)."""
    if ev is None or ev.lat is None or ev.lon is None or not row["latitude"]:
        return None
    return haversine_km(ev.lat, ev.lon, float(row["latitude"]), float(row["longitude"]))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))
