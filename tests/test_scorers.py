"""Scorers checked on hand-made cases whose values are known from the literature or by hand."""

from __future__ import annotations

import math

import pytest
from bench import scorers


def labels(*clusters: str) -> dict[str, str]:
    """'12345', '67' -> {'1': 'c0', ..., '6': 'c1', ...}: one character per item."""
    return {item: f"c{n}" for n, cluster in enumerate(clusters) for item in cluster}


# Bagga & Baldwin (1998): truth {1..5}, {6,7}, {8,9,A,B,C}.
TRUTH = labels("12345", "67", "89ABC")
RESPONSE_1 = labels("12345", "6789ABC")   # merges the small and the second big cluster
RESPONSE_2 = labels("1234589ABC", "67")   # merges the two big clusters


def test_bcubed_bagga_baldwin_example() -> None:
    p, r, _ = scorers.bcubed(TRUTH, RESPONSE_1)
    assert p == pytest.approx(64 / 84)  # 0.76 in the paper
    assert r == pytest.approx(1.0)
    p2, r2, _ = scorers.bcubed(TRUTH, RESPONSE_2)
    assert p2 == pytest.approx(7 / 12)  # 0.58 in the paper
    assert r2 == pytest.approx(1.0)


def test_muc_cannot_tell_the_two_bagga_baldwin_errors_apart() -> None:
    # The paper's point: MUC gives both responses precision 0.9 and recall 1.0.
    assert scorers.muc(TRUTH, RESPONSE_1)[:2] == pytest.approx((0.9, 1.0))
    assert scorers.muc(TRUTH, RESPONSE_2)[:2] == pytest.approx((0.9, 1.0))


def test_muc_small_split_case() -> None:
    key = labels("abc", "de")
    response = labels("ab", "cde")
    # recall: (3 - 2) + (2 - 1) over (2 + 1) = 2/3; precision: (2 - 1) + (3 - 2) over (1 + 2) = 2/3
    assert scorers.muc(key, response) == pytest.approx((2 / 3, 2 / 3, 2 / 3))


def test_ceaf_e_small_case() -> None:
    key = labels("abc", "de")
    response = labels("ab", "cde")
    # best alignment abc<->ab (2*2/5) and de<->cde (2*2/5): 1.6 over 2 clusters each side
    assert scorers.ceaf_e(key, response) == pytest.approx((0.8, 0.8, 0.8))


@pytest.mark.parametrize("clusters", [("abc", "de", "f"), ("abcdef",), ("ab", "cd", "ef")])
def test_identical_clusterings_score_one(clusters: tuple[str, ...]) -> None:
    key = labels(*clusters)
    response = {k: "x" + v for k, v in key.items()}  # other label names, same partition
    assert scorers.bcubed(key, response)[2] == pytest.approx(1.0)
    assert scorers.muc(key, response)[2] == pytest.approx(1.0)
    assert scorers.ceaf_e(key, response)[2] == pytest.approx(1.0)
    assert scorers.conll_f1(key, response) == pytest.approx(1.0)


def test_all_singletons_response() -> None:
    key = labels("abcd", "ef")
    response = labels("a", "b", "c", "d", "e", "f")
    p, r, _ = scorers.bcubed(key, response)
    assert p == pytest.approx(1.0)
    assert r == pytest.approx((4 * 0.25 + 2 * 0.5) / 6)
    assert scorers.muc(key, response) == (0.0, 0.0, 0.0)  # no links: undefined, scored 0
    # CEAF-e: two aligned pairs, each 2*1/(4+1)=0.4 and 2*1/(2+1)=2/3
    total = 0.4 + 2 / 3
    assert scorers.ceaf_e(key, response)[:2] == pytest.approx((total / 6, total / 2))


def test_one_big_cluster_response() -> None:
    key = labels("abcd", "ef")
    response = labels("abcdef")
    p, r, _ = scorers.bcubed(key, response)
    assert r == pytest.approx(1.0)
    assert p == pytest.approx((4 * 4 / 6 + 2 * 2 / 6) / 6)
    assert scorers.muc(key, response)[:2] == pytest.approx((4 / 5, 1.0))


def test_missing_items_count_as_singletons() -> None:
    key = labels("abc")
    response = {"a": "x", "b": "x"}  # c dropped by the system
    p, r, _ = scorers.bcubed(key, response)
    assert p == pytest.approx(1.0)
    assert r == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)


def test_cluster_scores_are_percentages_with_prefix() -> None:
    out = scorers.cluster_scores(TRUTH, TRUTH, prefix="ecb_")
    assert out["ecb_conll_f1"] == pytest.approx(100.0)
    assert set(out) >= {"ecb_bcubed_f1", "ecb_muc_f1", "ecb_ceafe_f1"}


def test_span_prf_strict_and_relaxed() -> None:
    gold = [(0, 5, "DATE"), (10, 20, "DATE"), (30, 35, "TIME")]
    pred = [(0, 5, "DATE"), (12, 18, "DATE"), (30, 35, "DATE"), (40, 45, "DATE")]
    assert scorers.span_prf(gold, pred, "strict") == pytest.approx((0.25, 1 / 3, 2 / 7))
    p, r, f = scorers.span_prf(gold, pred, "relaxed")
    assert (p, r) == pytest.approx((0.5, 2 / 3))
    with pytest.raises(ValueError, match="strict"):
        scorers.span_prf(gold, pred, "fuzzy")


def test_relaxed_matching_is_one_to_one() -> None:
    gold = [(0, 10)]
    pred = [(0, 4), (5, 10)]
    assert scorers.span_prf(gold, pred, "relaxed")[:2] == pytest.approx((0.5, 1.0))


def test_haversine_known_distances() -> None:
    assert scorers.haversine_km(0, 0, 0, 0) == 0.0
    # one degree of latitude is about 111.2 km
    assert scorers.haversine_km(0, 0, 1, 0) == pytest.approx(111.19, abs=0.05)
    # Paris to London, about 344 km
    assert scorers.haversine_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(343.6, abs=1.0)
    assert scorers.haversine_km(0, 0, 0, 180) == pytest.approx(math.pi * scorers.EARTH_RADIUS_KM)


def test_accuracy_at_km_counts_missing_as_wrong() -> None:
    assert scorers.accuracy_at_km([0.0, 100.0, 161.0, 200.0, None]) == pytest.approx(3 / 5)
    assert scorers.accuracy_at_km([5.0, 50.0], k=10) == pytest.approx(0.5)
    assert scorers.accuracy_at_km([]) == 0.0


def test_macro_f1_weighs_classes_equally() -> None:
    gold = ["a", "a", "a", "b"]
    pred = ["a", "a", "a", "a"]
    # class a: p=3/4 r=1 f=6/7; class b: f=0
    assert scorers.macro_f1(gold, pred) == pytest.approx((6 / 7) / 2)
    assert scorers.macro_f1(["x", "y"], ["x", "y"]) == pytest.approx(1.0)
    with pytest.raises(ValueError):
        scorers.macro_f1(["a"], [])


def test_mae() -> None:
    assert scorers.mae([1, 2, 3], [1, 4, 0]) == pytest.approx(5 / 3)
    assert scorers.mae([], []) == 0.0
