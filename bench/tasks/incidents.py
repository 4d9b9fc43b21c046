"""GVA incidents: do the news reports of one shooting end up in one story, and only there?

A fixed sample of Gun Violence Archive incidents that have at least two linked documents (chosen by
a hash of the incident id, so the same every run and spread over the years) is pooled; all their
documents are clustered with `cluster_stories` and scored against the incidents: B-cubed, CoNLL F1,
and how many predicted stories each true incident is split into (1.0 is ideal; lower is better).
Date, place and casualty accuracy per incident are measured by the `gva_dates` and `gva_counts` tasks.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from pathlib import Path

from bench.common import gva_published
from bench.scorers import cluster_scores
from crosswire.link.stories import StoryDoc, cluster_stories

GATE_LIMIT = 120  # incidents
DEFAULT_SAMPLE = 300  # incidents when no limit is given
LOWER_IS_BETTER = frozenset({"events_per_true_incident", "incidents_per_event"})
UNGATED = frozenset({"incidents", "documents", "bcubed_p", "bcubed_r"})  # counts; P/R trade off


def sample_incidents(data: Path, count: int) -> dict[str, list[dict[str, str]]]:
    """`count` incidents with >= 2 documents, by ascending sha1 of the incident id: id -> documents."""
    by_incident: dict[str, list[dict[str, str]]] = defaultdict(list)
    with (data / "gva" / "documents.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                row = json.loads(line)
                by_incident[str(row["incident_id"])].append(row)
    eligible = sorted((i for i, docs in by_incident.items() if len(docs) >= 2),
                      key=lambda i: hashlib.sha1(i.encode("utf-8")).hexdigest())
    return {i: sorted(by_incident[i], key=lambda r: r["doc_id"]) for i in eligible[:count]}


def _story_doc(row: dict[str, str]) -> StoryDoc:
    published = gva_published(row)
    return StoryDoc(id=row["doc_id"], text=f"{row.get('title') or ''}\n{row.get('content') or ''}",
                    published=published)


def split_merge_rates(gold: dict[str, str], predicted: dict[str, str]) -> tuple[float, float]:
    """(predicted stories per true incident, true incidents per predicted story), both means."""
    stories_of: dict[str, set[str]] = defaultdict(set)
    incidents_of: dict[str, set[str]] = defaultdict(set)
    for doc_id, incident in gold.items():
        stories_of[incident].add(predicted[doc_id])
        incidents_of[predicted[doc_id]].add(incident)
    split = sum(len(s) for s in stories_of.values()) / len(stories_of)
    merge = sum(len(i) for i in incidents_of.values()) / len(incidents_of)
    return split, merge


def run(data: Path, limit: int | None = None) -> dict[str, float]:
    """Cluster the sampled incidents' documents and score them against the incidents."""
    incidents = sample_incidents(data, limit if limit is not None else DEFAULT_SAMPLE)
    gold: dict[str, str] = {}
    docs: dict[str, StoryDoc] = {}
    for incident, rows in incidents.items():
        for row in rows:
            if row["doc_id"] not in docs:  # a document linked to two incidents keeps its first
                docs[row["doc_id"]] = _story_doc(row)
                gold[row["doc_id"]] = incident
    predicted = cluster_stories(list(docs.values()))
    scores = cluster_scores(gold, predicted)
    split, merge = split_merge_rates(gold, predicted)
    return {
        "bcubed_p": scores["bcubed_p"], "bcubed_r": scores["bcubed_r"], "bcubed_f1": scores["bcubed_f1"],
        "conll_f1": scores["conll_f1"],
        "events_per_true_incident": round(split, 3), "incidents_per_event": round(merge, 3),
        "incidents": float(len(incidents)), "documents": float(len(docs)),
    }
