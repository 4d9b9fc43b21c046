"""FA-KES: toll disagreements between the outlets of one (date, location) event group.

Each article of a group with at least two articles is run through the per-report stages up to figures;
its toll is the product's `report_toll` (the killed figure it leads with). The group's tolls are then
flagged by the product's `toll_flags` (a contradiction, or an update when a later report's toll grew).
Gold: the group's outlets disagree when the crowd-read tolls (civilians + non-civilians) of its
articles are not all equal. Scored per group: precision and recall of "flagged" against "disagree",
and the toll itself exact against the article's gold. The grouping is FA-KES's own (the event linking
that forms groups is scored apart). No threshold is tuned here. Framing, reported not gated: of the
armed-opposition words each outlet uses in its own voice, the share that is "terrorist", for the
pro-government outlets and for the others.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

GATE_LIMIT = 25  # groups
UNGATED = frozenset({"groups", "disagreeing_groups", "flags_as_updates", "terrorist_own_share_progov",
                     "terrorist_own_share_other"})
PRO_GOVERNMENT = frozenset({"sana", "alalam", "manar"})  # FA-KES README: the pro-government outlets
SEED = 2019


def load_groups(data: Path) -> list[list[dict[str, str]]]:
    """(date, location) groups with >= 2 articles, in a stable order."""
    groups: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    with (data / "fakes" / "fakes-dev.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            groups[(row["date"], row["location"])].append(row)
    return [groups[k] for k in sorted(groups) if len(groups[k]) >= 2]


def gold_toll(row: dict[str, str]) -> int:
    return sum(int(row[c] or 0) for c in ("nb_civilians", "nb_noncivilians"))


def _article(row: dict[str, str], pipeline: Any) -> Any:
    from crosswire.model import Article

    text = f"{row['article_title']}\n\n{row['article_content']}".strip()
    return pipeline(Article(raw_text=text, id=row["unit_id"], outlet=row["source"]))


def _statement(article: Any, group_key: str) -> Any:
    from crosswire.model import to_jsonable
    from crosswire.reconcile import Statement
    from crosswire.reconcile.tolls import report_toll

    fig = report_toll(article.text, [to_jsonable(f) for f in article.figures])
    if fig is None:
        return None
    return Statement(subject=group_key, relation="toll", value=str(fig["value"]), article_id=article.id,
                     start=fig["start"], end=fig["end"], text=fig["text"], outlet=article.outlet or "",
                     published=article.published.isoformat() if article.published else None)


def run(data: Path, limit: int | None = None) -> dict[str, float]:
    """flag precision / recall / F1 over groups; toll exact over articles; share of flags that are updates."""
    from crosswire.reconcile.tolls import toll_flags
    from crosswire.resources import Resources
    from crosswire.stages import build_pipeline

    pipeline = build_pipeline(Resources(), ["clean", "metadata", "annotate", "dating", "times", "places", "attribution",
                                            "figures"])
    groups = load_groups(data)
    if limit is not None:
        groups = groups[:limit]
    tp = fp = fn = tn = exact = articles = updates = 0
    words: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}
    for i, rows in enumerate(groups):
        statements = []
        for row in rows:
            article = _article(row, pipeline)
            words[row["source"] in PRO_GOVERNMENT].update(_own_opposition_words(article))
            stmt = _statement(article, f"group{i}")
            articles += 1
            exact += stmt is not None and int(stmt.value) == gold_toll(row)
            if stmt is not None:
                statements.append(stmt)
        flags = toll_flags(statements)
        updates += any(f["kind"] == "update" for f in flags)
        gold = len({gold_toll(r) for r in rows}) > 1
        tp, fp, fn, tn = tp + (gold and bool(flags)), fp + (not gold and bool(flags)), \
            fn + (gold and not flags), tn + (not gold and not flags)
    precision = 100 * tp / (tp + fp) if tp + fp else 0.0
    recall = 100 * tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"groups": float(len(groups)), "disagreeing_groups": float(tp + fn), "flag_precision": precision,
            "flag_recall": recall, "flag_f1": f1, "toll_exact": 100 * exact / (articles or 1),
            "flags_as_updates": float(updates),
            "terrorist_own_share_progov": _share(words[True], "terrorist"),
            "terrorist_own_share_other": _share(words[False], "terrorist")}


def _own_opposition_words(article: Any) -> list[str]:
    from crosswire.model import to_jsonable
    from crosswire.reconcile import ReportView, framing_words

    view = ReportView(id=article.id, text=article.text, outlet=article.outlet,
                      mentions=[to_jsonable(m) for m in article.mentions],
                      claims=[to_jsonable(c) for c in article.claims])
    return [w.word for w in framing_words(view) if w.voice == "own" and w.side == "armed opposition"]


def _share(counts: Counter[str], word: str) -> float:
    total = sum(counts.values())
    return 100 * counts[word] / total if total else 0.0
