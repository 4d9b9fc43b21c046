"""Event dates of Gun Violence Archive incidents, read from the news reports about them.

For a fixed sample of incidents with at least two documents, each document's event date is the
one the product's time stage gives it (`crosswire.nlp.time.date_report_event`: the first
sentence about the shooting that names the shooting's day, days of statements, arrests and
hearings passed over, with narrative fallbacks, else the DCT). An incident's date is the value most of its
documents agree on. Scores: the share of incidents (and of documents) within one day of the gold
date, next to the naive baseline that takes each document's DCT as the event date.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path

from crosswire.nlp.time import date_report_event

GATE_LIMIT = 150
SAMPLE_SEED = 20240605
SAMPLE_SIZE = 400
SHOOTING = re.compile(r"\b(?:shot|shooting|shootings|gunfire|gunman|gunmen|gunshots?|shots|opened\s+fire|"
                      r"fatally|killed|slain|wounded|homicide|murdered|stabbed)\b", re.IGNORECASE)


def load_sample(data: Path, limit: int | None) -> list[tuple[dict, list[dict]]]:
    """A seeded sample of incidents with >= 2 documents, with their documents (sorted by doc_id)."""
    gva = data / "gva"
    docs: dict[str, list[dict]] = defaultdict(list)
    with (gva / "documents.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            docs[doc["incident_id"]].append(doc)
    incidents = {}
    with (gva / "incidents.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            inc = json.loads(line)
            if len(docs.get(inc["incident_uri"], [])) >= 2:
                incidents[inc["incident_uri"]] = inc
    ids = sorted(incidents)
    sample = random.Random(SAMPLE_SEED).sample(ids, min(SAMPLE_SIZE, len(ids)))
    if limit is not None:
        sample = sample[:limit]
    return [(incidents[i], sorted(docs[i], key=lambda d: d["doc_id"])) for i in sample]


def document_event_date(content: str, dct: date | None) -> str | None:
    """The event date of one report, as the product's time stage chooses it."""
    return date_report_event(content, dct, SHOOTING).value


def _within_one_day(value: str | None, gold: date) -> bool:
    if not value:
        return False
    try:
        return abs((date.fromisoformat(value[:10]) - gold).days) <= 1
    except ValueError:
        return False


def _majority(values: list[str | None]) -> str | None:
    present = [v for v in values if v]
    return Counter(present).most_common(1)[0][0] if present else None


def _dct(doc: dict) -> date | None:
    try:
        return date.fromisoformat(doc.get("dct", "")[:10])
    except ValueError:
        return None


def run(data: Path, limit: int | None = None) -> dict[str, float]:
    sample = load_sample(data, limit)
    inc_ok = inc_base = doc_ok = doc_base = n_docs = 0
    for incident, docs in sample:
        gold = datetime.strptime(incident["date"], "%B %d, %Y").date()
        picked = [document_event_date(d.get("content", ""), _dct(d)) for d in docs]
        dcts = [_dct(d) for d in docs]
        baseline = [d.isoformat() if d else None for d in dcts]
        inc_ok += _within_one_day(_majority(picked), gold)
        inc_base += _within_one_day(_majority(baseline), gold)
        doc_ok += sum(_within_one_day(v, gold) for v in picked)
        doc_base += sum(_within_one_day(v, gold) for v in baseline)
        n_docs += len(docs)
    n = len(sample) or 1
    return {
        "incidents": len(sample), "documents": n_docs,
        "incident_date_within_1d": 100 * inc_ok / n,
        "incident_date_within_1d_dct_baseline": 100 * inc_base / n,
        "document_date_within_1d": 100 * doc_ok / max(n_docs, 1),
        "document_date_within_1d_dct_baseline": 100 * doc_base / max(n_docs, 1),
    }


if __name__ == "__main__":
    import sys

    from bench.common import shared_dir

    print(json.dumps(run(shared_dir(), int(sys.argv[1]) if len(sys.argv) > 1 else None), indent=1))
