"""The report's timeline: event mentions of all reports in date order, grouped, each citing its reports."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from crosswire.present.timeline import build_timeline, period_start


def _event(aid: str, when: str | None, sub: str = "Armed clash", place: str | None = "Hama", *,
           precision: str = "day", modality: str = "happened", killed: int | None = None,
           source: str | None = None, etype: str = "Battles") -> dict[str, Any]:
    return {"event_type": etype, "sub_event_type": sub, "date": when, "date_precision": precision,
            "place": {"name": place} if place else None, "modality": modality, "negated": False,
            "actor1": "Rebels", "actor2": None, "attributed_to": source, "sources": [aid],
            "fatalities": {"best": killed}}


def test_period_start_reads_calendar_values_only() -> None:
    assert period_start("2024-12-05") == date(2024, 12, 5)
    assert period_start("2024-W48") == date(2024, 11, 25)
    assert period_start("2024-12") == date(2024, 12, 1)
    assert period_start("1982") == date(1982, 1, 1)
    assert period_start("PRESENT_REF") is None
    assert period_start("P3D") is None
    assert period_start("2024-13-40") is None


def test_same_event_in_two_reports_is_one_line_citing_both() -> None:
    lines = build_timeline([_event("a", "2024-12-05", killed=3, source="monitor"),
                            _event("b", "2024-12-05", killed=5)])
    assert len(lines) == 1
    line = lines[0]
    assert line.articles == ["a", "b"] and line.mentions == 2
    assert line.killed == "3–5" and line.sources == ["monitor"]


def test_failed_attempt_and_capture_stay_apart() -> None:
    lines = build_timeline([_event("a", "2024-12-05", "Non-state actor overtakes territory"),
                            _event("b", "2024-12-05", "Non-state actor overtakes territory", modality="failed")])
    assert sorted(t.what for t in lines) == [
        "Battles – Non-state actor overtakes territory",
        "Battles – Non-state actor overtakes territory (failed)"]


def test_order_by_period_start_and_no_point_in_time_left_out() -> None:
    lines = build_timeline([_event("a", "2024-12-02"), _event("b", "2024-W48", place="Idlib"),
                            _event("c", "PRESENT_REF"), _event("d", None),
                            _event("e", "2024-12-01", precision="published", place="Homs")])
    assert [t.date for t in lines] == ["2024-W48", "2024-12-01", "2024-12-02"]
    assert lines[1].when == "2024-12-01 (report date)"


@pytest.mark.slow
def test_report_carries_the_timeline(tmp_path: Path) -> None:
    from crosswire.cli import main

    examples = Path(__file__).resolve().parents[1] / "examples" / "hama-2024"
    out = tmp_path / "out"
    assert main(["run", str(examples), "--db", str(tmp_path / "x.db"), "--out", str(out)]) == 0
    md = (out / "report.md").read_text()
    timeline = md.split("## Timeline", 1)[1].split("\n## ", 1)[0]
    capture = [row for row in timeline.splitlines() if "overtakes territory" in row and "2024-12-05" in row]
    assert capture, "the rebels' capture of Hama on 5 December is on the timeline"
    assert "<h2>Timeline</h2>" in (out / "report.html").read_text()
