"""The Ray engine: the same analysing pipeline in Ray actors, on this machine or a Ray cluster.

`--engine ray [--address ADDR]` (the optional extra `pip install 'crosswire[ray]'`). Each actor
builds its resources and pipeline once; reports are handed out through an ordered actor pool, so
results come back in input order to the one process that writes the store. Actors ask for a
fraction of a CPU (`ACTOR_CPUS`) so that on a small machine the writer is not starved. Without an
address a local Ray instance is started, bound to 127.0.0.1, and shut down when the engine closes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from ..errors import ConfigError
from ..model import Article
from ..pipeline import Reject
from .base import WorkerSpec, analyse_one, error_for

ACTOR_CPUS = 0.9


class _Analyser:
    """Body of one Ray actor: a pipeline built once, then one report at a time."""

    def __init__(self, spec: WorkerSpec) -> None:
        self.pipeline = spec.pipeline()

    def analyse(self, article: Article) -> Article | Reject:
        return analyse_one(self.pipeline, article, "skip")


class RayEngine:
    name = "ray"

    def __init__(self, spec: WorkerSpec, workers: int = 0, address: str | None = None,
                 policy: str = "skip") -> None:
        try:
            import ray
        except ImportError as err:
            raise ConfigError("--engine ray needs Ray: pip install 'crosswire[ray]'") from err
        self.ray, self.spec, self.policy = ray, spec, policy
        self._started = not ray.is_initialized()
        if self._started:
            options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False,
                                       "configure_logging": False}
            if address:
                options["address"] = address
            else:
                options["_node_ip_address"] = "127.0.0.1"
            try:
                ray.init(**options)
            except (ConnectionError, RuntimeError, ValueError) as err:
                raise ConfigError(f"cannot start or reach Ray at {address or 'a local instance'}: {err}") from err
        cpus = int(ray.cluster_resources().get("CPU", 1))
        self.workers = workers or max(1, int(cpus / ACTOR_CPUS))
        actor = ray.remote(num_cpus=ACTOR_CPUS)(_Analyser)
        self._actors = [actor.remote(spec) for _ in range(self.workers)]
        self._pool = ray.util.ActorPool(self._actors)

    def map(self, articles: Sequence[Article]) -> Iterator[Article | Reject]:
        for result in self._pool.map(lambda a, article: a.analyse.remote(article), list(articles)):
            if isinstance(result, Reject) and self.policy == "raise":
                raise error_for(result)
            yield result

    def close(self) -> None:
        for actor in self._actors:
            self.ray.kill(actor)
        self._actors = []
        if self._started:
            self.ray.shutdown()
