"""Gun Violence Archive: killed and injured per incident, read from the incident's news documents.

For a seeded sample of incidents with at least two documents, every document is run through the
per-report stages up to figures; a document states a killed (injured) count when it has a top-level
figure of that kind (the largest one). The incident's counts come from the product's reconciliation
(`crosswire.reconcile.counts.incident_counts`): the figure most documents state (ties to the smaller), with the
injured figure of a report written before some of the deaths set aside; an incident with no stated figure
counts as 0. Scored exact against GVA's `num_killed` / `num_injured`.
"""

from __future__ import annotations

import json
import random
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

GATE_LIMIT = 40  # incidents
DEFAULT_LIMIT = 300  # a full run samples this many incidents (all of them take over 10 minutes here)
SEED = 20170410


def sample_incidents(data: Path, limit: int | None) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """(incident, its documents) for a seeded sample of incidents with >= 2 documents."""
    docs: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with (data / "gva" / "documents.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            docs[str(doc["incident_id"])].append(doc)
    incidents = {}
    with (data / "gva" / "incidents.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            inc = json.loads(line)
            incidents[str(inc["incident_uri"])] = inc
    keys = sorted(k for k, v in docs.items() if len(v) >= 2 and k in incidents)
    if limit is not None and limit < len(keys):
        keys = sorted(random.Random(SEED).sample(keys, limit))
    return [(incidents[k], docs[k]) for k in keys]


def stated(article: Any, kind: str) -> int | None:
    """The largest top-level figure of `kind` in one analysed document, or None."""
    values = [f.value for f in article.figures if f.kind == kind and f.part_of is None and f.value is not None]
    return max(values) if values else None


def run(data: Path, limit: int | None = None) -> dict[str, float]:
    """killed_exact, injured_exact, both_exact over the sampled incidents."""
    from crosswire.model import Article
    from crosswire.nlp.claims import AttributionStage
    from crosswire.nlp.entities import AnnotateStage
    from crosswire.nlp.figures import FiguresStage
    from crosswire.reconcile.counts import StatedCounts, incident_counts
    from crosswire.resources import Resources

    resources = Resources()
    stages = [AnnotateStage(resources), AttributionStage(resources), FiguresStage(resources)]
    hits = Counter()
    sample = sample_incidents(data, DEFAULT_LIMIT if limit is None else limit)
    for incident, documents in sample:
        stated_counts = []
        for doc in documents:
            text = f"{doc.get('title') or ''}\n\n{doc.get('content') or ''}".strip()
            article = Article(raw_text=text, text=text, id=str(doc["doc_id"]))
            for stage in stages:
                article = stage(article)
            stated_counts.append(StatedCounts(stated(article, "killed"), stated(article, "injured")))
        killed, injured = incident_counts(stated_counts)
        k_ok = killed == int(incident["num_killed"])
        i_ok = injured == int(incident["num_injured"])
        hits["killed"] += k_ok
        hits["injured"] += i_ok
        hits["both"] += k_ok and i_ok
    n = len(sample) or 1
    return {"incidents": float(len(sample)), "killed_exact": 100 * hits["killed"] / n,
            "injured_exact": 100 * hits["injured"] / n, "both_exact": 100 * hits["both"] / n}
