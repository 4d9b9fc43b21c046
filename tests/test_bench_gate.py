"""The quality gate: it runs on the real data in CI, and it fails when a floor is broken."""

from __future__ import annotations

import time
from datetime import date

import pytest
from bench import gate
from bench.common import SharedDataMissing, shared_dir
from bench.runner import TaskResult


def _baseline(**floors: tuple[float, str]) -> dict:
    """A baseline with floors given as task__metric=(floor, direction)."""
    baseline = gate.empty_baseline()
    for key, (floor, direction) in floors.items():
        task, metric = key.split("__")
        baseline["floors"].setdefault(task, {})[metric] = {"floor": floor, "direction": direction}
    return baseline


def test_gate_fails_when_a_result_is_below_its_floor() -> None:
    baseline = _baseline(clusters__conll_f1=(80.0, "higher"), speed__peak_rss_mb=(900.0, "lower"))
    results = [TaskResult("clusters", {"conll_f1": 79.5}), TaskResult("speed", {"peak_rss_mb": 950.0})]
    breaches = gate.check(results, baseline)
    assert [(b.task, b.metric) for b in breaches] == [("clusters", "conll_f1"), ("speed", "peak_rss_mb")]
    assert "broke its floor" in breaches[0].message()
    assert ">= 80" in breaches[0].message()


def test_gate_passes_at_and_above_the_floor() -> None:
    baseline = _baseline(clusters__conll_f1=(80.0, "higher"), speed__peak_rss_mb=(900.0, "lower"))
    results = [TaskResult("clusters", {"conll_f1": 80.0}), TaskResult("speed", {"peak_rss_mb": 400.0})]
    assert gate.check(results, baseline) == []


def test_failed_task_breaks_only_the_floors_it_has() -> None:
    baseline = _baseline(geo__acc161=(50.0, "higher"))
    results = [TaskResult("geo", error="ValueError: boom"), TaskResult("ner", error="LookupError: missing")]
    breaches = gate.check(results, baseline)
    assert len(breaches) == 1
    assert breaches[0].value is None and "could not be checked" in breaches[0].message()


def test_missing_metric_is_a_breach() -> None:
    baseline = _baseline(time__value_f1=(60.0, "higher"))
    breaches = gate.check([TaskResult("time", {"span_f1": 90.0})], baseline)
    assert breaches and breaches[0].reason == "metric not reported"


def test_raise_floors_never_lowers_and_skips_counts() -> None:
    baseline = _baseline(clusters__conll_f1=(80.0, "higher"))
    today = date(2025, 1, 2)
    gate.raise_floors(baseline, [TaskResult("clusters", {"conll_f1": 70.0, "ecb_docs": 300.0})], today)
    assert baseline["floors"]["clusters"]["conll_f1"]["floor"] == 80.0
    assert "ecb_docs" not in baseline["floors"]["clusters"]
    gate.raise_floors(baseline, [TaskResult("clusters", {"conll_f1": 85.257, "mae_days": 2.5})], today)
    assert baseline["floors"]["clusters"]["conll_f1"]["floor"] == 85.25  # rounded towards safety
    assert baseline["floors"]["clusters"]["mae_days"] == {
        "floor": 2.5, "direction": "lower", "gate_limit": None, "set": "2025-01-02"}


def test_raise_floors_keeps_slack_for_noisy_metrics() -> None:
    baseline = gate.empty_baseline()
    noisy = TaskResult("speed", {"articles_per_second": 10.0}, tolerance={"articles_per_second": 0.5})
    gate.raise_floors(baseline, [noisy], date(2025, 1, 2))
    assert baseline["floors"]["speed"]["articles_per_second"]["floor"] == 5.0


def test_lower_floors_needs_a_reason_and_records_it() -> None:
    baseline = _baseline(geo__acc161=(80.0, "higher"))
    results = [TaskResult("geo", {"acc161": 75.0})]
    with pytest.raises(ValueError, match="reason"):
        gate.lower_floors(baseline, results, "  ", date(2025, 1, 2))
    gate.lower_floors(baseline, results, "gazetteer swap trades recall", date(2025, 1, 2))
    assert baseline["floors"]["geo"]["acc161"]["floor"] == 75.0
    assert baseline["history"] == [{"task": "geo", "metric": "acc161", "from": 80.0, "to": 75.0,
                                    "reason": "gazetteer swap trades recall", "date": "2025-01-02"}]
    assert gate.check(results, baseline) == []


def test_baseline_round_trips(tmp_path) -> None:
    baseline = _baseline(geo__acc161=(80.0, "higher"))
    path = tmp_path / "baseline.json"
    gate.save_baseline(baseline, path)
    assert gate.load_baseline(path) == baseline
    assert gate.load_baseline(tmp_path / "absent.json") == gate.empty_baseline()


def test_committed_baseline_is_well_formed() -> None:
    baseline = gate.load_baseline()
    for task, floors in baseline["floors"].items():
        for metric, spec in floors.items():
            assert spec["direction"] in ("higher", "lower"), (task, metric)
            assert isinstance(spec["floor"], int | float), (task, metric)
    for entry in baseline["history"]:
        assert entry["reason"].strip() and entry["date"], entry


@pytest.mark.slow
@pytest.mark.shared
def test_quality_gate_on_shared_data() -> None:
    """The real gate: every task on its gate sample, checked against bench/baseline.json."""
    try:
        shared_dir()
    except SharedDataMissing as err:
        pytest.skip(f"shared evaluation data absent: {err}")
    started = time.perf_counter()
    results, breaches, _ = gate.run_gate()
    elapsed = time.perf_counter() - started
    report = "\n".join(b.message() for b in breaches)
    assert not breaches, f"quality gate failed ({elapsed:.0f} s):\n{report}"


def test_fixed_bounds_are_never_moved_by_raise() -> None:
    from datetime import date

    from bench import gate
    from bench.runner import TaskResult

    baseline = {"floors": {"speed": {"peak_rss_mb": {"floor": 1500.0, "direction": "lower", "fixed": True,
                                                     "note": "budget"}}}}
    result = TaskResult("speed")
    result.metrics = {"peak_rss_mb": 300.0}
    assert gate.raise_floors(baseline, [result], date(2026, 1, 1)) == []
    assert baseline["floors"]["speed"]["peak_rss_mb"]["floor"] == 1500.0
