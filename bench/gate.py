"""Quality floors: where they are kept, how results are checked against them, how they move.

`bench/baseline.json` holds, per task and metric, a floor measured on the task's gate sample
(`GATE_LIMIT`) with its direction ("higher" or "lower" is better). `check` compares a gate run with
those floors; `raise_floors` only ever tightens them; `lower_floors` loosens them and needs a
written reason, recorded with the date in the file's `history`.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from bench.common import shared_dir
from bench.runner import (
    TaskResult,
    default_tolerance,
    discover_tasks,
    is_ungated,
    metric_direction,
    run_tasks,
)

BASELINE_PATH = Path(__file__).resolve().parent / "baseline.json"
EPSILON = 1e-9  # float noise allowed when comparing with a floor


@dataclass(frozen=True)
class Breach:
    """A floor the gate run broke, or could not check."""

    task: str
    metric: str
    floor: float
    value: float | None
    direction: str
    reason: str

    def message(self) -> str:
        if self.value is None:
            return f"{self.task}.{self.metric}: floor {self.floor:g} could not be checked: {self.reason}"
        sign = ">=" if self.direction == "higher" else "<="
        return (f"{self.task}.{self.metric} = {self.value:g} broke its floor (must be {sign} "
                f"{self.floor:g}, {self.direction} is better)")


def empty_baseline() -> dict[str, Any]:
    return {"floors": {}, "current": {}, "current_meta": {}, "history": []}


def load_baseline(path: Path = BASELINE_PATH) -> dict[str, Any]:
    """The baseline file, or an empty one if it does not exist yet."""
    if not path.exists():
        return empty_baseline()
    data = json.loads(path.read_text(encoding="utf-8"))
    for key, value in empty_baseline().items():
        data.setdefault(key, value)
    return data


def save_baseline(baseline: dict[str, Any], path: Path = BASELINE_PATH) -> None:
    path.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def is_breach(value: float, floor: float, direction: str) -> bool:
    """True when `value` is on the wrong side of `floor` for this direction."""
    if direction == "higher":
        return value < floor - EPSILON
    if direction == "lower":
        return value > floor + EPSILON
    raise ValueError(f"floor direction must be 'higher' or 'lower', not {direction!r}")


def check(results: list[TaskResult], baseline: dict[str, Any]) -> list[Breach]:
    """Every floor broken by `results`, and every floor that could not be checked.

    A task that errored, or did not report a floored metric, breaks each floor it has; a task
    with no floors may error without failing the gate (it shows as an error row).
    """
    by_task = {r.task: r for r in results}
    breaches = []
    for task, floors in sorted(baseline["floors"].items()):
        result = by_task.get(task)
        for metric, spec in sorted(floors.items()):
            floor, direction = float(spec["floor"]), spec["direction"]
            if result is None:
                continue  # not run this time (e.g. --task chose others): nothing to check
            if result.error is not None:
                breaches.append(Breach(task, metric, floor, None, direction, f"task failed: {result.error}"))
            elif metric not in result.metrics:
                breaches.append(Breach(task, metric, floor, None, direction, "metric not reported"))
            elif is_breach(result.metrics[metric], floor, direction):
                breaches.append(Breach(task, metric, floor, result.metrics[metric], direction, "below floor"))
    return breaches


def _floor_for(value: float, direction: str, slack: float) -> float:
    """A floor at `value` (less `slack` as a fraction for noisy metrics), rounded towards safety."""
    if direction == "higher":
        return math.floor(value * (1 - slack) * 100) / 100
    return math.ceil(value * (1 + slack) * 100) / 100


def raise_floors(baseline: dict[str, Any], results: list[TaskResult], today: date) -> list[str]:
    """Set missing floors and raise existing ones to the gate figures where better; never lower.

    Floors marked `fixed` (bounds an issue or a budget sets, with a `note`) are left as they are.
    """
    changes = []
    for result in results:
        if result.error is not None:
            continue
        floors = baseline["floors"].setdefault(result.task, {})
        for metric, value in sorted(result.metrics.items()):
            spec = floors.get(metric)
            if spec is None and is_ungated(metric, result.ungated):
                continue
            if spec is not None and spec.get("fixed"):
                continue  # a bound set by an issue or a budget, not by a measurement
            direction = spec["direction"] if spec else metric_direction(metric, result.lower_is_better)
            new = _floor_for(value, direction, _slack(result, metric))
            if spec is not None and not _better(new, float(spec["floor"]), direction):
                continue
            old = None if spec is None else spec["floor"]
            floors[metric] = {"floor": new, "direction": direction, "gate_limit": result.limit,
                              "set": today.isoformat()}
            changes.append(f"{result.task}.{metric}: {old if old is not None else 'none'} -> {new:g}")
        if not floors:
            del baseline["floors"][result.task]
    return changes


def _slack(result: TaskResult, metric: str) -> float:
    return result.tolerance.get(metric, default_tolerance(metric))


def _better(new: float, old: float, direction: str) -> bool:
    return new > old + EPSILON if direction == "higher" else new < old - EPSILON


def lower_floors(baseline: dict[str, Any], results: list[TaskResult], reason: str, today: date) -> list[str]:
    """Loosen each broken floor to the gate figure, recording the reason and date in `history`."""
    if not reason.strip():
        raise ValueError("lowering a floor needs a written reason (--reason)")
    changes = []
    for breach in check(results, baseline):
        if breach.value is None:
            continue  # a failed task is fixed, not excused
        spec = baseline["floors"][breach.task][breach.metric]
        result = next(r for r in results if r.task == breach.task)
        new = _floor_for(breach.value, breach.direction, _slack(result, breach.metric))
        baseline["history"].append({"task": breach.task, "metric": breach.metric, "from": spec["floor"],
                                    "to": new, "reason": reason.strip(), "date": today.isoformat()})
        spec.update(floor=new, set=today.isoformat())
        changes.append(f"{breach.task}.{breach.metric}: {breach.floor:g} -> {new:g} (lowered: {reason.strip()})")
    return changes


def record_current(baseline: dict[str, Any], results: list[TaskResult], today: date) -> None:
    """Keep the figures of a quality run as the task's "current" numbers.

    A failed task keeps its last figures; the failure is noted in `current_meta` so the results
    page shows it until a later run succeeds.
    """
    for result in results:
        if result.error is not None:
            meta = baseline["current_meta"].setdefault(result.task, {})
            meta.update(error=result.error, error_date=today.isoformat())
            continue
        baseline["current"][result.task] = dict(sorted(result.metrics.items()))
        baseline["current_meta"][result.task] = {"limit": result.limit, "date": today.isoformat(),
                                                 "seconds": round(result.seconds, 1)}


def run_gate(tasks: list[str] | None = None, progress: Callable[[TaskResult], None] | None = None,
             baseline_path: Path = BASELINE_PATH) -> tuple[list[TaskResult], list[Breach], float]:
    """Run each task on its gate sample and check the floors: (results, breaches, seconds taken)."""
    started = time.perf_counter()
    results = run_tasks(tasks or discover_tasks(), shared_dir(), gate=True, progress=progress)
    breaches = check(results, load_baseline(baseline_path))
    return results, breaches, time.perf_counter() - started
