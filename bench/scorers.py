"""Scoring arithmetic shared by the benchmark tasks.

Clusterings are given as mappings item -> cluster label (`dict[str, str]`); the scorers turn them
into sets of items. Items present in one clustering but not the other count as singletons in the
one that lacks them, so a system that drops items is penalised rather than excused.

All scores here are fractions in [0, 1]; the tasks multiply by 100 when they report.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence

import numpy as np

from bench.common import prf

Clusters = list[frozenset[Hashable]]
PRF = tuple[float, float, float]


def clusters_of(assignment: Mapping[Hashable, Hashable]) -> Clusters:
    """The clusters (sets of items) of an item -> label mapping, in a stable order."""
    groups: dict[Hashable, set[Hashable]] = defaultdict(set)
    for item, label in assignment.items():
        groups[label].add(item)
    return sorted((frozenset(g) for g in groups.values()), key=lambda c: sorted(map(str, c)))


def _aligned(key: Mapping[Hashable, Hashable], response: Mapping[Hashable, Hashable]
             ) -> tuple[dict[Hashable, Hashable], dict[Hashable, Hashable]]:
    """Both mappings over the union of their items; a missing item becomes its own singleton."""
    items = set(key) | set(response)
    key_full = {i: key[i] if i in key else ("__missing_key__", i) for i in items}
    resp_full = {i: response[i] if i in response else ("__missing_response__", i) for i in items}
    return key_full, resp_full


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def bcubed(key: Mapping[Hashable, Hashable], response: Mapping[Hashable, Hashable]) -> PRF:
    """B-cubed precision, recall, F1 (Bagga & Baldwin 1998), averaged over items."""
    key_full, resp_full = _aligned(key, response)
    if not key_full:
        return 0.0, 0.0, 0.0
    key_of = {i: c for c in clusters_of(key_full) for i in c}
    resp_of = {i: c for c in clusters_of(resp_full) for i in c}
    p_sum = r_sum = 0.0
    for item in key_full:
        overlap = len(key_of[item] & resp_of[item])
        p_sum += overlap / len(resp_of[item])
        r_sum += overlap / len(key_of[item])
    p, r = p_sum / len(key_full), r_sum / len(key_full)
    return p, r, _f1(p, r)


def _muc_side(gold: Clusters, other_label: Mapping[Hashable, Hashable]) -> tuple[int, int]:
    """Numerator and denominator of MUC recall of `gold` against a partition given by labels."""
    num = den = 0
    for cluster in gold:
        parts = {other_label[i] for i in cluster}
        num += len(cluster) - len(parts)
        den += len(cluster) - 1
    return num, den


def muc(key: Mapping[Hashable, Hashable], response: Mapping[Hashable, Hashable]) -> PRF:
    """MUC link-based precision, recall, F1 (Vilain et al. 1995).

    Undefined where a side has no links (all singletons); that side scores 0.0, as in the
    reference CoNLL scorer.
    """
    key_full, resp_full = _aligned(key, response)
    r_num, r_den = _muc_side(clusters_of(key_full), resp_full)
    p_num, p_den = _muc_side(clusters_of(resp_full), key_full)
    r = r_num / r_den if r_den else 0.0
    p = p_num / p_den if p_den else 0.0
    return p, r, _f1(p, r)


def ceaf_e(key: Mapping[Hashable, Hashable], response: Mapping[Hashable, Hashable]) -> PRF:
    """Entity-based CEAF (Luo 2005, phi4 similarity) with the optimal one-to-one alignment."""
    from scipy.optimize import linear_sum_assignment

    key_full, resp_full = _aligned(key, response)
    gold, pred = clusters_of(key_full), clusters_of(resp_full)
    if not gold or not pred:
        return 0.0, 0.0, 0.0
    sim = _phi4_matrix(gold, pred)
    rows, cols = linear_sum_assignment(sim, maximize=True)
    total = float(sim[rows, cols].sum())
    p, r = total / len(pred), total / len(gold)
    return p, r, _f1(p, r)


def _phi4_matrix(gold: Clusters, pred: Clusters) -> np.ndarray:
    """phi4(K, R) = 2|K & R| / (|K| + |R|) for every gold/response cluster pair (sparse fill)."""
    pred_of = {i: j for j, c in enumerate(pred) for i in c}
    sim = np.zeros((len(gold), len(pred)))
    for g, cluster in enumerate(gold):
        for j, overlap in Counter(pred_of[i] for i in cluster).items():
            sim[g, j] = 2 * overlap / (len(cluster) + len(pred[j]))
    return sim


def conll_f1(key: Mapping[Hashable, Hashable], response: Mapping[Hashable, Hashable]) -> float:
    """CoNLL F1: the mean of MUC, B-cubed and CEAF-e F1."""
    return (muc(key, response)[2] + bcubed(key, response)[2] + ceaf_e(key, response)[2]) / 3


def cluster_scores(key: Mapping[Hashable, Hashable], response: Mapping[Hashable, Hashable],
                   prefix: str = "") -> dict[str, float]:
    """All cluster metrics as percentages, named `<prefix>bcubed_f1`, `<prefix>muc_f1`, ..."""
    b, m, c = bcubed(key, response), muc(key, response), ceaf_e(key, response)
    out = {
        f"{prefix}bcubed_p": b[0], f"{prefix}bcubed_r": b[1], f"{prefix}bcubed_f1": b[2],
        f"{prefix}muc_f1": m[2], f"{prefix}ceafe_f1": c[2],
        f"{prefix}conll_f1": (b[2] + m[2] + c[2]) / 3,
    }
    return {k: round(100 * v, 2) for k, v in out.items()}


# --- spans ------------------------------------------------------------------------------------

Span = tuple  # (start, end) or (start, end, label)


def span_prf(gold: Iterable[Span], pred: Iterable[Span], mode: str = "strict") -> PRF:
    """P/R/F1 of predicted spans against gold spans.

    `strict`: same start, end (and label when spans carry one). `relaxed`: any character overlap
    (and same label when given), matched one-to-one, earliest spans first (TempEval-3 convention).
    """
    gold_l, pred_l = sorted(set(gold)), sorted(set(pred))
    if mode == "strict":
        tp = len(set(gold_l) & set(pred_l))
    elif mode == "relaxed":
        tp = _relaxed_matches(gold_l, pred_l)
    else:
        raise ValueError(f"span match mode must be 'strict' or 'relaxed', not {mode!r}")
    return prf(tp, len(pred_l) - tp, len(gold_l) - tp)


def _overlaps(a: Span, b: Span) -> bool:
    same_label = len(a) < 3 or len(b) < 3 or a[2] == b[2]
    return same_label and a[0] < b[1] and b[0] < a[1]


def _relaxed_matches(gold: Sequence[Span], pred: Sequence[Span]) -> int:
    used: set[int] = set()
    tp = 0
    for g in gold:
        for j, p in enumerate(pred):
            if j not in used and _overlaps(g, p):
                used.add(j)
                tp += 1
                break
    return tp


# --- places, labels, numbers ------------------------------------------------------------------

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points given in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def accuracy_at_km(errors_km: Sequence[float | None], k: float = 161.0) -> float:
    """Share of items whose error is within k km; a missing prediction (None) counts as wrong."""
    if not errors_km:
        return 0.0
    return sum(1 for e in errors_km if e is not None and e <= k) / len(errors_km)


def macro_f1(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> float:
    """Unweighted mean of per-class F1 over the classes seen in gold or predictions."""
    if len(gold) != len(pred):
        raise ValueError(f"gold and predictions differ in length: {len(gold)} vs {len(pred)}")
    classes = set(gold) | set(pred)
    if not classes:
        return 0.0
    total = 0.0
    for cls in classes:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == cls and p == cls)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != cls and p == cls)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == cls and p != cls)
        total += prf(tp, fp, fn)[2]
    return total / len(classes)


def mae(gold: Sequence[float], pred: Sequence[float]) -> float:
    """Mean absolute error."""
    if len(gold) != len(pred):
        raise ValueError(f"gold and predictions differ in length: {len(gold)} vs {len(pred)}")
    if not gold:
        return 0.0
    return sum(abs(g - p) for g, p in zip(gold, pred, strict=True)) / len(gold)
