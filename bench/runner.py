"""Finds the benchmark tasks, runs them in this process, and turns failures into error rows.

A task is a module `bench.tasks.<name>` with `run(data: Path, limit: int | None) -> dict[str, float]`
and a constant `GATE_LIMIT: int`. Optional module constants the harness reads:

- `LOWER_IS_BETTER: frozenset[str]`: metric names where a smaller value is better (errors, seconds);
  without it the direction is guessed from the name (see `metric_direction`).
- `UNGATED: frozenset[str]`: informational metrics (sample sizes, counts) that get no floor; names
  ending in `_docs`, `_count`, `documents`, ... are treated so without it (see `is_ungated`).
- `TOLERANCE: dict[str, float]`: relative slack kept below (or above) a noisy metric when its floor
  is set, e.g. `{"articles_per_second": 0.5}` for timings on a shared machine. Timing and memory
  names (`*_per_second`, `*_s`, `*_mb`, `*rss*`) get 50% slack without it (`default_tolerance`).

A task that is missing, lacks `run`/`GATE_LIMIT`, raises, or returns something other than a mapping
of numbers becomes a `TaskResult` with `error` set; the other tasks still run.
"""

from __future__ import annotations

import importlib
import math
import pkgutil
import re
import time
import traceback
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

import bench.tasks

# Tasks the project expects, in the order the table shows them; any other module found under
# bench/tasks is run after these.
KNOWN_TASKS = ("ner", "geo", "time", "gva_dates", "acled", "gva_counts", "clusters", "incidents", "speed")

COUNT_WORDS = frozenset({"docs", "documents", "reports", "items", "count", "clusters", "incidents", "n", "sample"})
NOISY_HINTS = ("second", "rss", "_mb", "memory", "latency")
NOISY_SLACK = 0.5
LOWER_HINTS = ("mae", "error", "_km", "km_", "seconds", "memory", "_mb", "per_true", "latency", "oversplit")


@dataclass
class TaskResult:
    """What one task gave back (or why it gave nothing)."""

    task: str
    metrics: dict[str, float] = field(default_factory=dict)
    error: str | None = None
    seconds: float = 0.0
    limit: int | None = None
    lower_is_better: frozenset[str] = frozenset()
    ungated: frozenset[str] = frozenset()
    tolerance: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.error is None


def discover_tasks() -> list[str]:
    """The known task names, then any other task module present, in a stable order."""
    found = sorted(m.name for m in pkgutil.iter_modules(bench.tasks.__path__) if not m.name.startswith("_"))
    return list(KNOWN_TASKS) + [name for name in found if name not in KNOWN_TASKS]


def metric_direction(name: str, lower_is_better: Iterable[str] = ()) -> str:
    """'lower' where a smaller value is better (declared by the task, or an error/time-like name)."""
    if name in set(lower_is_better):
        return "lower"
    lowered = name.lower()
    if "per_second" in lowered:
        return "higher"
    if any(hint in lowered for hint in LOWER_HINTS) or lowered.endswith(("_s", "_sec")):
        return "lower"
    return "higher"


def default_tolerance(name: str) -> float:
    """Slack for a floor on a timing or memory figure, which varies with the machine's load."""
    lowered = name.lower()
    noisy = any(h in lowered for h in NOISY_HINTS) or lowered.endswith(("_s", "_sec"))
    return NOISY_SLACK if noisy else 0.0


def is_ungated(name: str, ungated: Iterable[str] = ()) -> bool:
    """True for informational metrics (sample sizes, counts) that the gate does not floor."""
    last = re.split(r"[._]", name.lower())[-1]
    return name in set(ungated) or last in COUNT_WORDS or name.lower().startswith("n_")


def _import_task(name: str) -> ModuleType:
    try:
        return importlib.import_module(f"bench.tasks.{name}")
    except ModuleNotFoundError as err:
        if err.name in (f"bench.tasks.{name}",):
            raise LookupError(f"task module bench/tasks/{name}.py does not exist") from err
        raise


def _clean_metrics(raw: object) -> dict[str, float]:
    """The task's mapping as name -> float; anything else is a contract error."""
    if not isinstance(raw, Mapping):
        raise TypeError(f"run() returned {type(raw).__name__}, not a dict of metric -> number")
    out: dict[str, float] = {}
    for key, value in raw.items():
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError(f"metric {key!r} is {type(value).__name__}, not a number")
        if math.isnan(value):
            raise TypeError(f"metric {key!r} is NaN")
        out[str(key)] = float(value)
    return out


def run_task(name: str, data: Path, limit: int | None = None, gate: bool = False) -> TaskResult:
    """Run one task; with `gate`, on its own `GATE_LIMIT` sample. Never raises for a task's fault."""
    started = time.perf_counter()
    result = TaskResult(task=name, limit=limit)
    try:
        module = _import_task(name)
        result.lower_is_better = frozenset(getattr(module, "LOWER_IS_BETTER", ()))
        result.tolerance = dict(getattr(module, "TOLERANCE", {}))
        result.ungated = frozenset(getattr(module, "UNGATED", ()))
        if gate:
            result.limit = _gate_limit(module)
        runner: Callable[..., object] = module.run
        result.metrics = _clean_metrics(runner(data, limit=result.limit))
    except Exception as err:  # one broken task must not stop the others
        result.error = f"{type(err).__name__}: {err}"
        result.metrics = {}
        last = traceback.extract_tb(err.__traceback__)[-1:] if err.__traceback__ else []
        if last and Path(last[0].filename).resolve() != Path(__file__).resolve():
            result.error += f" (at {Path(last[0].filename).name}:{last[0].lineno})"
    result.seconds = time.perf_counter() - started
    return result


def _gate_limit(module: ModuleType) -> int:
    limit = getattr(module, "GATE_LIMIT", None)
    if not isinstance(limit, int) or isinstance(limit, bool) or limit <= 0:
        raise AttributeError(f"{module.__name__} has no positive integer GATE_LIMIT (got {limit!r})")
    return limit


def run_tasks(names: Iterable[str], data: Path, limit: int | None = None, gate: bool = False,
              progress: Callable[[TaskResult], None] | None = None) -> list[TaskResult]:
    """Run the named tasks one after another in this process (models load once, via shared_resources)."""
    results = []
    for name in names:
        result = run_task(name, data, limit=limit, gate=gate)
        if progress is not None:
            progress(result)
        results.append(result)
    return results
