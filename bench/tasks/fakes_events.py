"""FA-KES: do articles of one (date, location) group, from different outlets, merge into one event?

Every article of the development half is run through the product (ingest with its outlet, link,
`reconcile_store`). An article's main event is the merged event holding one of its violent, non-historical
mentions that the most reports tell (ties: the larger toll, then the id). The `main_mention.*` figures
read it instead from the mention the product marks as the report's main one (`main`,
nlp/events_told.py), when that mention's event is violent and not historical (else the most-told one).
Over the groups of two or more articles:

- `pair_recall`: of the article pairs of one group, the share whose main events are one event;
- `pair_precision`: of the article pairs whose main events are one event, the share in one group;
- `toll_exact`, `toll_within_10pct`: the main event's reconciled best toll, against the toll most of the
  group's articles give (civilians + non-civilians, ties to the smaller), over groups whose articles' main
  event is one event and whose gold toll is positive.

No threshold is chosen on FA-KES: merging uses the defaults chosen on GVA's train half, so every figure
here is held out.
"""

from __future__ import annotations

import csv
import json
import tempfile
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

GATE_LIMIT = 40  # articles
VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")
UNGATED = frozenset({"articles", "groups", "pairs", "toll_groups", "main_mention.toll_groups"})
RESULTS_NOTE = ("No threshold is chosen on FA-KES: merging uses the defaults chosen on GVA's train half, so every "
                "figure here is held out. `main_mention.*` reads each article's main event from the mention the "
                "product marks as its main one.")


def read_articles(data: Path, limit: int | None) -> list[dict[str, str]]:
    with (data / "fakes" / "fakes-dev.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    rows.sort(key=lambda r: (r["date"], r["location"], r["unit_id"]))
    return rows[:limit] if limit is not None else rows


def gold_toll(row: dict[str, str]) -> int:
    total = 0
    for key in ("nb_civilians", "nb_noncivilians"):
        try:
            total += int(float(row.get(key) or 0))
        except ValueError:
            continue
    return total


def build_store(rows: list[dict[str, str]], folder: Path) -> Any:
    from bench.common import shared_resources
    from crosswire.api import ingest
    from crosswire.config import load_settings
    from crosswire.link.run import link_store
    from crosswire.store import open_store

    docs = folder / "articles.jsonl"
    with docs.open("w", encoding="utf-8") as out:
        for r in rows:
            out.write(json.dumps({"id": r["unit_id"], "title": r["article_title"], "outlet": r["source"],
                                  "text": f"{r['article_title']}\n\n{r['article_content']}"}) + "\n")
    settings = load_settings(None, db=str(folder / "fakes.db"), out=str(folder / "out"), error_policy="skip")
    store = open_store(settings.db)
    ingest([docs], store, settings, shared_resources())
    link_store(store, shared_resources())
    return store


def main_events(events: list[dict[str, Any]], article_of: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Article unit id -> its main event (see the module docstring)."""
    best: dict[str, dict[str, Any]] = {}
    for ev in events:
        fields = ev["fields"]
        if fields["event_type"]["chosen"] not in VIOLENT or fields["modality"]["chosen"] == "historical":
            continue
        rank = (len(ev["sources"]), ev["fatalities"]["best"] or 0, ev["id"])
        for aid in ev["sources"]:
            unit = article_of.get(aid)
            if unit is None:
                continue
            held = best.get(unit)
            if held is None or rank > (len(held["sources"]), held["fatalities"]["best"] or 0, held["id"]):
                best[unit] = ev
    return best


def told_main_events(events: list[dict[str, Any]], main_mentions: dict[str, str], article_of: dict[str, str]
                     ) -> dict[str, dict[str, Any]]:
    """Article unit id -> the violent, non-historical event holding its main mention, else its most-told one."""
    out = main_events(events, article_of)
    for ev in events:
        fields = ev["fields"]
        if fields["event_type"]["chosen"] not in VIOLENT or fields["modality"]["chosen"] == "historical":
            continue
        for m in ev["mentions"]:
            unit = article_of.get(m["article_id"])
            if unit is not None and main_mentions.get(m["article_id"]) == m["id"]:
                out[unit] = ev
    return out


def score(rows: list[dict[str, str]], events: list[dict[str, Any]], article_of: dict[str, str],
          main_mentions: dict[str, str] | None = None) -> dict[str, float]:
    """Figures with each article's main event its most-told one, and (`main_mention.*`) its main mention's."""
    out = score_mains(rows, main_events(events, article_of))
    told = score_mains(rows, told_main_events(events, main_mentions or {}, article_of))
    out.update({f"main_mention.{k}": v for k, v in told.items() if k not in ("articles", "groups", "pairs")})
    return out


def score_mains(rows: list[dict[str, str]], main: dict[str, dict[str, Any]]) -> dict[str, float]:
    groups: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        groups[(r["date"], r["location"])].append(r)
    multi = [g for g in groups.values() if len(g) >= 2]
    same_group = {frozenset((a["unit_id"], b["unit_id"])) for g in multi for a, b in combinations(g, 2)}
    units = [r["unit_id"] for r in rows]
    merged_pairs = {frozenset((a, b)) for a, b in combinations(units, 2)
                    if a in main and b in main and main[a]["id"] == main[b]["id"]}
    in_group = {frozenset((a["unit_id"], b["unit_id"])) for g in groups.values() for a, b in combinations(g, 2)}
    recall = len(same_group & merged_pairs) / len(same_group) if same_group else 0.0
    precision = len(merged_pairs & in_group) / len(merged_pairs) if merged_pairs else 0.0
    exact = within = counted = 0
    for g in multi:
        ids = {main[r["unit_id"]]["id"] for r in g if r["unit_id"] in main}
        tolls = Counter(gold_toll(r) for r in g)
        top = max(tolls.values())
        gold = min(v for v, c in tolls.items() if c == top)
        if len(ids) != 1 or gold <= 0:
            continue
        counted += 1
        held = next(main[r["unit_id"]] for r in g if r["unit_id"] in main)  # an article may have no main event
        best = held["fatalities"]["best"] or 0
        exact += best == gold
        within += abs(best - gold) <= 0.1 * gold
    return {"articles": float(len(rows)), "groups": float(len(multi)), "pairs": float(len(same_group)),
            "pair_recall": 100 * recall, "pair_precision": 100 * precision, "toll_groups": float(counted),
            "toll_exact": 100 * exact / counted if counted else 0.0,
            "toll_within_10pct": 100 * within / counted if counted else 0.0}


def run(data: Path, limit: int | None = None) -> dict[str, float]:
    from crosswire.reconcile import reconcile_store

    rows = read_articles(data, limit)
    units = {r["unit_id"] for r in rows}
    with tempfile.TemporaryDirectory() as tmp:
        store = build_store(rows, Path(tmp))
        try:
            reconciled = reconcile_store(store)
            article_of = {a["id"]: a["id"] for a in store.article_rows(include_text=False) if a["id"] in units}
        finally:
            store.close()
    main_mentions = {m.article_id: m.id for m in reconciled.mentions if m.main}
    return score(rows, reconciled.events, article_of, main_mentions)
