"""The benchmark runner: task discovery, error rows, metric directions, the command line."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from bench import runner
from bench.__main__ import anchor_for, main, render_results_md, table_rows
from bench.gate import empty_baseline, record_current
from bench.runner import TaskResult


@pytest.fixture
def fake_tasks() -> Iterator[None]:
    """Three in-memory task modules: one good, one that raises, one that returns junk."""
    def good(data: Path, limit: int | None = None) -> dict[str, float]:
        return {"f1": 50.0 if limit is None else float(limit), "mae_days": 1.5}

    def broken(data: Path, limit: int | None = None) -> dict[str, float]:
        raise RuntimeError("the data moved")

    def junk(data: Path, limit: int | None = None) -> object:
        return {"f1": "high"}

    modules = {}
    for name, fn, gate_limit in (("zz_good", good, 7), ("zz_broken", broken, 3), ("zz_junk", junk, 0)):
        module = types.ModuleType(f"bench.tasks.{name}")
        module.run = fn  # type: ignore[attr-defined]
        module.GATE_LIMIT = gate_limit  # type: ignore[attr-defined]
        modules[module.__name__] = module
    sys.modules.update(modules)
    yield
    for key in modules:
        sys.modules.pop(key, None)


def test_runner_survives_missing_and_failing_tasks(fake_tasks: None, tmp_path: Path) -> None:
    results = runner.run_tasks(["zz_good", "zz_broken", "zz_absent", "zz_junk"], tmp_path, limit=4)
    by_task = {r.task: r for r in results}
    assert by_task["zz_good"].ok and by_task["zz_good"].metrics == {"f1": 4.0, "mae_days": 1.5}
    assert "RuntimeError: the data moved" in (by_task["zz_broken"].error or "")
    assert "does not exist" in (by_task["zz_absent"].error or "")
    assert "not a number" in (by_task["zz_junk"].error or "")


def test_gate_mode_uses_each_task_gate_limit(fake_tasks: None, tmp_path: Path) -> None:
    good, junk = runner.run_tasks(["zz_good", "zz_junk"], tmp_path, gate=True)
    assert good.limit == 7 and good.metrics["f1"] == 7.0
    assert "GATE_LIMIT" in (junk.error or "")  # a zero GATE_LIMIT is refused


def test_discovery_lists_known_tasks_first() -> None:
    names = runner.discover_tasks()
    assert names[:len(runner.KNOWN_TASKS)] == list(runner.KNOWN_TASKS)
    assert "clusters" in names and len(names) == len(set(names))


@pytest.mark.parametrize(("name", "direction"), [
    ("conll_f1", "higher"), ("acc161", "higher"), ("mae_days", "lower"), ("median_error_km", "lower"),
    ("peak_rss_mb", "lower"), ("events_per_true_incident", "lower"), ("articles_per_second", "higher"),
    ("gazetteer_load_s", "lower"),
])
def test_metric_direction(name: str, direction: str) -> None:
    assert runner.metric_direction(name) == direction


def test_declared_direction_wins() -> None:
    assert runner.metric_direction("spread", lower_is_better={"spread"}) == "lower"


def test_timings_get_slack_and_scores_do_not() -> None:
    assert runner.default_tolerance("gazetteer_load_s") == runner.NOISY_SLACK
    assert runner.default_tolerance("articles_per_second") == runner.NOISY_SLACK
    assert runner.default_tolerance("value_f1") == 0.0


def test_counts_are_not_gated() -> None:
    assert runner.is_ungated("ecb_docs") and runner.is_ungated("n_items") and runner.is_ungated("dev.n")
    assert not runner.is_ungated("conll_f1")


def test_table_rows_show_errors_floors_and_anchors() -> None:
    baseline = empty_baseline()
    baseline["floors"]["geo"] = {"gwn_exact": {"floor": 40.0, "direction": "higher"}}
    rows = table_rows([runner.TaskResult("geo", {"gwn_exact": 42.0}),
                       runner.TaskResult("ner", error="LookupError: gone")], baseline)
    assert rows[0] == ("geo", "gwn_exact", "42.00", ">= 40.00", "90.10")
    assert rows[1][:2] == ("ner", "ERROR")


def test_anchor_lookup() -> None:
    assert anchor_for("geo", "trnews_acc_161km")[0] == 87.3
    assert anchor_for("geo", "gwn_exact")[0] == 90.1
    assert anchor_for("acled", "dev.event_type_acc")[0] == 81.0
    assert anchor_for("acled", "dev.sub_event_type_acc") is None
    assert anchor_for("ner", "overall_f1")[0] == 64.9 and anchor_for("ner", "ORG_f1") is None
    assert anchor_for("time", "value_f1")[0] == 77.6
    assert anchor_for("clusters", "conll_f1") is None


def test_results_md_lists_figures_and_anchors() -> None:
    baseline = empty_baseline()
    baseline["current"]["clusters"] = {"gvc_conll_f1": 90.0}
    baseline["current_meta"]["clusters"] = {"limit": None, "date": "2025-01-02", "seconds": 3.0}
    record_current(baseline, [TaskResult("speed", error="AttributeError: no pipeline")], date(2025, 1, 3))
    text = render_results_md(baseline, date(2025, 1, 3))
    assert "| gvc_conll_f1 | 90.00 |" in text
    assert "**Last run failed** (2025-01-03): `AttributeError: no pipeline`" in text
    assert "94.1" in text and "HeidelTime" in text


def test_floors_command_refuses_to_lower_without_reason(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["floors", "--lower"]) == 2
    assert "--reason" in capsys.readouterr().err
    assert main(["floors"]) == 2


def test_results_md_puts_acled_splits_side_by_side_with_regions_and_countries() -> None:
    baseline = empty_baseline()
    baseline["current"]["acled"] = {"inregion.event_type_acc": 91.5, "loro.event_type_acc": 80.25, "loro.n": 260.0,
                                    "region.eastern_africa.event_type_acc": 75.0, "region.europe.n": 376.0,
                                    "country.kenya.loc25_acc": 61.0}
    baseline["current_meta"]["acled"] = {"limit": None, "date": "2025-01-02", "seconds": 3.0}
    text = render_results_md(baseline, date(2025, 1, 3))
    assert "| metric | dev | heldout | inregion | loro |" in text
    assert "| event_type_acc | - | - | 91.50 | 80.25 |" in text
    assert "| n | - | - | - | 260 |" in text
    assert "| eastern_africa * | 75.00 |" in text  # a held-out region is marked
    assert "| europe | - |" in text and "| kenya | - | - | - | 61.00 |" in text
