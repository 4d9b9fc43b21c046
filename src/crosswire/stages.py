"""The default per-report pipeline: which stages exist and in what order they run.

Stages are registered here by name, explicitly; importing this module loads no model and no stage
module (each factory imports its stage on first use).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from .pipeline import Pipeline, Registry, Stage
from .resources import Resources

# name -> "module:Class"; every class takes the shared Resources.
STAGE_CLASSES: dict[str, str] = {
    "clean": "crosswire.clean:CleanStage",
    "metadata": "crosswire.clean:MetadataStage",
    "annotate": "crosswire.nlp.entities:AnnotateStage",
    "dating": "crosswire.nlp.time:DatingStage",
    "times": "crosswire.nlp.time:TimeStage",
    "places": "crosswire.geo.stage:PlacesStage",
    "attribution": "crosswire.nlp.claims:AttributionStage",
    "figures": "crosswire.nlp.figures:FiguresStage",
    "events": "crosswire.nlp.events:EventsStage",
}

DEFAULT_STAGES = list(STAGE_CLASSES)
# Stages that need no model: enough to read and store reports (`crosswire ingest --no-analysis`).
READ_STAGES = ["clean", "metadata"]


def _factory(target: str) -> Callable[[Resources], Stage]:
    module_name, class_name = target.split(":")

    def create(resources: Resources) -> Stage:
        cls = getattr(importlib.import_module(module_name), class_name)
        return cls(resources)

    return create


def default_registry() -> Registry:
    registry = Registry()
    for name, target in STAGE_CLASSES.items():
        registry.add(name, _factory(target))
    return registry


def build_pipeline(resources: Resources, names: list[str] | None = None,
                   registry: Registry | None = None) -> Pipeline:
    """A pipeline of the named stages (the default ones when `names` is None), checked for order."""
    registry = registry or default_registry()
    return Pipeline([registry.create(name, resources) for name in (names or DEFAULT_STAGES)])


def build_default_pipeline(resources: Resources) -> Pipeline:
    return build_pipeline(resources)


def build_ingest_pipelines(resources: Resources, names: list[str] | None = None) -> tuple[Pipeline, Pipeline]:
    """The pipeline split in two after `metadata`: preparing (cheap, needs the store's dates as context)
    and analysing (the models; what the engines run in their workers)."""
    pipeline = build_pipeline(resources, names)
    if "metadata" in pipeline.names:
        return pipeline.split("metadata")
    return Pipeline([]), pipeline
