"""Document clustering on ECB+ (documents -> sub-topics) and GVC (documents -> incidents).

ECB+ topic folders each hold two sub-topics: the original ECB documents (`1_1ecb.xml`, sub-topic
"1") and the ECB+ documents about a different seminal event of the same kind (`1_10ecbplus.xml`,
sub-topic "1plus"). All documents of all topics are clustered together, as a news stream would be.
GVC: every document (train and dev) is clustered; gold is its `gvc_event_id`.
Scored with B-cubed, MUC, CEAF-e and CoNLL F1 (percentages).

Held-out figures, with the merge threshold chosen on another split (grid `THRESHOLD_GRID`):
`gvc_dev_conll_f1` clusters GVC's dev documents with the threshold that gives the best CoNLL F1 on its
train documents (`gvc_dev_threshold`); `ecb_heldout_bcubed_f1` clusters ECB+ topics 26-35 with the
threshold that gives the best B-cubed F1 on topics 1-25 (`ecb_heldout_threshold`). The `_entities`
variant gives each document the entity keys `crosswire link` gives it (every mention's canonical name
or text, from the annotate stage), as the product clusters stored reports.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

from bench.scorers import cluster_scores
from crosswire.link.stories import StoryDoc, StoryOptions, cluster_stories

GATE_LIMIT = 300  # documents per corpus
# Counts, and precision/recall (which trade against each other): reported, not floored; F1s are.
UNGATED = frozenset(f"{c}_{m}" for c in ("ecb", "gvc")
                    for m in ("docs", "gold_clusters", "predicted_clusters", "bcubed_p", "bcubed_r")) | {
    "gvc_dev_threshold", "ecb_heldout_threshold", "ecb_heldout_threshold_entities"}
THRESHOLD_GRID = tuple(round(0.04 + 0.02 * i, 2) for i in range(11))  # 0.04 .. 0.24
ECB_CHOOSING_TOPICS = 25  # thresholds chosen on topics 1-25, ECB+ held-out figures on topics 26-35

ECB_NAME = re.compile(r"^(\d+)_(\d+)(ecbplus|ecb)\.xml$")
NO_SPACE_BEFORE = re.compile(r" ([.,;:!?)\]}'\"]|n't|'s)")


def ecb_text(path: Path) -> str:
    """The document's tokens joined back into plain sentences (one per line)."""
    sentences: dict[str, list[str]] = {}
    for token in ET.parse(path).getroot().iter("token"):
        sentences.setdefault(token.get("sentence", "0"), []).append(token.text or "")
    lines = (NO_SPACE_BEFORE.sub(r"\1", " ".join(words)) for words in sentences.values())
    return "\n".join(lines)


def ecb_documents(root: Path, limit: int | None) -> list[tuple[StoryDoc, str]]:
    """(document, gold sub-topic); with `limit`, the first documents of every sub-topic in turn.

    Taking documents round-robin over the sub-topics keeps a small sample as mixed as the whole
    corpus (every topic, both of its seminal events) instead of one topic's worth of documents.
    """
    groups: dict[str, list[tuple[int, Path]]] = {}
    for path in (root / "ecbplus" / "topics").glob("*/*.xml"):
        match = ECB_NAME.match(path.name)
        if match:
            subtopic = match.group(1) + ("plus" if match.group(3) == "ecbplus" else "")
            groups.setdefault(subtopic, []).append((int(match.group(2)), path))
    ranked = []
    for subtopic, files in groups.items():
        for rank, (_, path) in enumerate(sorted(files)):
            ranked.append((rank, subtopic, path))
    ranked.sort()
    if limit is not None:
        ranked = ranked[:limit]
    return [(StoryDoc(id=path.stem, text=ecb_text(path)), subtopic) for _, subtopic, path in ranked]


def gvc_documents(root: Path, limit: int | None) -> list[tuple[StoryDoc, str]]:
    """(document, gold incident) ordered by incident then document id; the first `limit` of them."""
    with (root / "gvc" / "documents.jsonl").open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    rows.sort(key=lambda r: (str(r["gvc_event_id"]), r["doc_id"]))
    if limit is not None:
        rows = rows[:limit]
    return [(StoryDoc(id=r["doc_id"], text=f"{r.get('title') or ''}\n{r['content']}",
                      published=_date(r.get("dct"))), str(r["gvc_event_id"])) for r in rows]


def _date(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def score_clustering(pairs: list[tuple[StoryDoc, str]], prefix: str) -> dict[str, float]:
    """Cluster the documents and score them against gold; also the cluster counts."""
    gold = {doc.id: label for doc, label in pairs}
    predicted = cluster_stories([doc for doc, _ in pairs])
    out = cluster_scores(gold, predicted, prefix=prefix)
    out[f"{prefix}docs"] = float(len(gold))
    out[f"{prefix}gold_clusters"] = float(len(set(gold.values())))
    out[f"{prefix}predicted_clusters"] = float(len(set(predicted.values())))
    return out


def _score(pairs: list[tuple[StoryDoc, str]], threshold: float, metric: str) -> float:
    gold = {doc.id: label for doc, label in pairs}
    predicted = cluster_stories([doc for doc, _ in pairs], StoryOptions(threshold=threshold))
    return cluster_scores(gold, predicted, prefix="")[metric]


def held_out(choose: list[tuple[StoryDoc, str]], report: list[tuple[StoryDoc, str]], metric: str
             ) -> tuple[float, float]:
    """(threshold with the best `metric` on `choose`, ties to the smaller; `metric` on `report` with it)."""
    best = max(THRESHOLD_GRID, key=lambda t: (_score(choose, t, metric), -t))
    return best, _score(report, best, metric)


def _with_entities(pairs: list[tuple[StoryDoc, str]]) -> list[tuple[StoryDoc, str]]:
    """The documents with the entity keys linking gives stored reports (mention canonical name or text)."""
    from dataclasses import replace

    from crosswire.model import Article
    from crosswire.resources import Resources
    from crosswire.stages import build_pipeline

    pipeline = build_pipeline(Resources(), ["clean", "metadata", "annotate"])
    out = []
    for doc, label in pairs:
        article = pipeline(Article(raw_text=doc.text))
        out.append((replace(doc, entities=[m.canonical or m.text for m in article.mentions]), label))
    return out


def _ecb_topic(label: str) -> int:
    return int(label.removesuffix("plus"))


def gvc_splits(data: Path, pairs: list[tuple[StoryDoc, str]]) -> tuple[list, list]:
    with (data / "gvc" / "documents.jsonl").open(encoding="utf-8") as lines:
        split = {r["doc_id"]: r.get("split") for r in map(json.loads, filter(str.strip, lines))}
    return ([p for p in pairs if split.get(p[0].id) == "train"], [p for p in pairs if split.get(p[0].id) == "dev"])


def run(data: Path, limit: int | None = None) -> dict[str, float]:
    """ECB+ sub-topic and GVC incident clustering scores, and held-out figures with chosen thresholds."""
    ecb, gvc = ecb_documents(data, limit), gvc_documents(data, limit)
    out = score_clustering(ecb, "ecb_")
    out.update(score_clustering(gvc, "gvc_"))
    choose = [p for p in ecb if _ecb_topic(p[1]) <= ECB_CHOOSING_TOPICS]
    report = [p for p in ecb if _ecb_topic(p[1]) > ECB_CHOOSING_TOPICS]
    if choose and report:
        out["ecb_heldout_threshold"], out["ecb_heldout_bcubed_f1"] = held_out(choose, report, "bcubed_f1")
        with_entities = _with_entities(choose + report)
        chosen, held = with_entities[:len(choose)], with_entities[len(choose):]
        out["ecb_heldout_threshold_entities"], out["ecb_heldout_bcubed_f1_entities"] = held_out(
            chosen, held, "bcubed_f1")
    train, dev = gvc_splits(data, gvc)
    if train and dev:
        out["gvc_dev_threshold"], out["gvc_dev_conll_f1"] = held_out(train, dev, "conll_f1")
    return out
