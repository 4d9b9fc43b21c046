"""Engines: where the per-report analysing stages run. They only schedule; the work is `analyse_one`.

- `local` (default): this process for small batches, else a process pool over the cores (`--workers N`).
- `ray`: Ray actors on this machine or a cluster (`--address`), the optional extra `crosswire[ray]`.
"""

from __future__ import annotations

from typing import Any

from ..errors import ConfigError
from ..pipeline import Pipeline
from .base import Engine, WorkerSpec, analyse_one
from .local import LocalEngine

__all__ = ["ENGINES", "Engine", "LocalEngine", "WorkerSpec", "analyse_one", "make_engine"]

ENGINES = ("local", "ray")


def make_engine(settings: Any, pipeline: Pipeline) -> Engine:
    """The engine `settings.engine` names, running `pipeline`'s stages (built again in each worker)."""
    spec = WorkerSpec(settings.spacy_package, settings.gazetteer, tuple(settings.stages))
    if settings.engine == "local":
        return LocalEngine(spec, pipeline, settings.workers, settings.error_policy)
    if settings.engine == "ray":
        from .ray import RayEngine

        return RayEngine(spec, settings.workers, settings.ray_address, settings.error_policy)
    raise ConfigError(f"engine must be one of {', '.join(ENGINES)}, not {settings.engine!r}")
