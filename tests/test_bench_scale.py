"""`python -m bench speed`: sizing by repetition, and the must-show ratios from its raw figures."""

from __future__ import annotations

import pytest
from bench.speed_scale import rows_to_size, summarise


def test_summary_ratios_from_raw_figures() -> None:
    results = {"workers": 2, "one_worker_ingest_s": 90.0, "spacy_in_process_s": 60.0, "sizes": {
        "1000": {"ingest_s": 50.0, "link_s": 10.0, "per_report_ms": 60.0, "peak_rss_mb": 900.0},
        "8000": {"ingest_s": 400.0, "link_s": 176.0, "per_report_ms": 72.0, "peak_rss_mb": 1500.0,
                 "relink_after_100_s": 8.8}}}
    got = summarise(results)
    assert got == {"per_report_growth_largest_vs_smallest": 1.2, "throughput_2_workers_vs_1": 1.8,
                   "pipeline_vs_spacy_1_worker": 1.5, "peak_rss_mb_largest": 1500.0,
                   "relink_100_share_of_scratch": 0.05}


@pytest.mark.shared
def test_repeated_reports_are_distinct_texts() -> None:
    from bench.common import SharedDataMissing, shared_dir

    try:
        data = shared_dir()
    except SharedDataMissing as err:
        pytest.skip(str(err))
    from bench.tasks.speed import load_reports

    distinct = len({r["content"] for r in load_reports(data, 10**9)})
    rows = rows_to_size(data, distinct + 3)
    texts = [r["content"] for r in rows]
    assert len(set(texts)) == len(texts) and "(Copy 1.)" in texts[-1]
