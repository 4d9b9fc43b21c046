"""Fixtures shared by the test modules."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def events_stage():
    """One events stage (and one spaCy model) for every events test module."""
    from crosswire.nlp.events import EventsStage
    from crosswire.resources import Resources

    return EventsStage(Resources())


@pytest.fixture(scope="session")
def full_pipeline(events_stage):
    """The default per-report pipeline, on the same resources as `events_stage`."""
    from crosswire.stages import build_pipeline

    return build_pipeline(events_stage.resources)
