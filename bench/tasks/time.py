"""TIMEX recognition and normalisation on TempEval-3 TimeBank + AQUAINT (TBAQ-cleaned).

Each TimeML file carries its DCT; `find_times` runs on the text of <TEXT> with that DCT. Scores,
as in the TempEval-3 scorer: span P/R/F1 strict (same boundaries) and relaxed (any overlap,
one-to-one), value and type accuracy on relaxed matches, and value F1 (a system TIMEX counts when
it overlaps a gold one and has its value). Week numbers compare without zero padding (W07 = W7).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from bench.common import prf
from crosswire.model import TimeRef
from crosswire.nlp.time import find_times

GATE_LIMIT = 256  # the whole corpus runs in a few seconds


@dataclass
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class TimeMLDoc:
    name: str
    text: str
    dct: str
    timexes: list[GoldTimex]


def corpus_files(data: Path) -> list[Path]:
    root = data / "tempeval3" / "TBAQ-cleaned"
    return sorted((root / "TimeBank").glob("*.tml")) + sorted((root / "AQUAINT").glob("*.tml"))


def read_timeml(path: Path) -> TimeMLDoc:
    """The <TEXT> of a TimeML file as plain text, its gold TIMEX3 spans, and its DCT value."""
    root = ET.parse(path).getroot()
    dct_node = root.find("DCT/TIMEX3")
    dct = dct_node.get("value", "") if dct_node is not None else ""
    text_node = root.find("TEXT")
    parts: list[str] = []
    timexes: list[GoldTimex] = []
    if text_node is not None:
        _walk(text_node, parts, timexes, top=True)
    return TimeMLDoc(path.name, "".join(parts), dct[:10], timexes)


def _walk(node: ET.Element, parts: list[str], timexes: list[GoldTimex], top: bool = False) -> None:
    start = sum(len(p) for p in parts)
    parts.append(node.text or "")
    for child in node:
        _walk(child, parts, timexes)
    if node.tag == "TIMEX3" and not top:
        end = sum(len(p) for p in parts)
        text = "".join(parts)[start:end]
        timexes.append(GoldTimex(start, end, text, node.get("type", ""), node.get("value", "")))
    if not top:
        parts.append(node.tail or "")


def same_value(a: str | None, b: str) -> bool:
    def norm(v: str) -> str:
        return re.sub(r"W0(\d)", r"W\1", v)
    return a is not None and norm(a) == norm(b)


def match_relaxed(system: list[TimeRef], gold: list[GoldTimex]) -> list[tuple[TimeRef, GoldTimex]]:
    """One-to-one pairs of overlapping system and gold TIMEXes, greedy in text order."""
    pairs, used = [], set()
    for s in system:
        for i, g in enumerate(gold):
            if i not in used and s.start < g.end and g.start < s.end:
                pairs.append((s, g))
                used.add(i)
                break
    return pairs


def score(docs: list[TimeMLDoc]) -> dict[str, float]:
    n_sys = n_gold = strict = relaxed = value_ok = type_ok = 0
    for doc in docs:
        system = find_times(doc.text, _date(doc.dct))
        n_sys, n_gold = n_sys + len(system), n_gold + len(doc.timexes)
        gold_spans = {(g.start, g.end) for g in doc.timexes}
        strict += sum((s.start, s.end) in gold_spans for s in system)
        pairs = match_relaxed(system, doc.timexes)
        relaxed += len(pairs)
        value_ok += sum(same_value(s.value, g.value) for s, g in pairs)
        type_ok += sum(s.type == g.type for s, g in pairs)
    sp, sr, sf = prf(strict, n_sys - strict, n_gold - strict)
    rp, rr, rf = prf(relaxed, n_sys - relaxed, n_gold - relaxed)
    vp, vr, vf = prf(value_ok, n_sys - value_ok, n_gold - value_ok)
    return {
        "documents": len(docs), "gold_timexes": n_gold, "system_timexes": n_sys,
        "strict_precision": 100 * sp, "strict_recall": 100 * sr, "strict_f1": 100 * sf,
        "relaxed_precision": 100 * rp, "relaxed_recall": 100 * rr, "relaxed_f1": 100 * rf,
        "value_accuracy": 100 * value_ok / relaxed if relaxed else 0.0,
        "type_accuracy": 100 * type_ok / relaxed if relaxed else 0.0,
        "value_f1": 100 * vf, "value_precision": 100 * vp, "value_recall": 100 * vr,
    }


def _date(value: str):  # noqa: ANN202 - date or None
    from datetime import date

    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def run(data: Path, limit: int | None = None) -> dict[str, float]:
    files = corpus_files(data)
    if limit is not None:
        files = files[:limit]
    return score([read_timeml(f) for f in files])


if __name__ == "__main__":
    import json
    import sys

    from bench.common import shared_dir

    print(json.dumps(run(shared_dir(), int(sys.argv[1]) if len(sys.argv) > 1 else None), indent=1))
