"""The time benchmarks run on a small slice of the shared data (skipped when it is absent)."""

from __future__ import annotations

import pytest
from bench.common import SharedDataMissing, shared_dir


def _data():
    try:
        return shared_dir()
    except SharedDataMissing as err:
        pytest.skip(f"shared evaluation data not available: {err}")


@pytest.mark.shared
def test_tempeval_task_scores_a_slice() -> None:
    from bench.tasks import time as task

    scores = task.run(_data(), limit=10)
    assert scores["documents"] == 10 and scores["gold_timexes"] > 0
    assert scores["relaxed_f1"] > 70 and 0 <= scores["value_accuracy"] <= 100
    assert isinstance(task.GATE_LIMIT, int)


@pytest.mark.shared
def test_gva_task_scores_a_slice() -> None:
    from bench.tasks import gva_dates as task

    scores = task.run(_data(), limit=15)
    assert scores["incidents"] == 15
    assert 0 <= scores["incident_date_within_1d"] <= 100
    assert "incident_date_within_1d_dct_baseline" in scores
