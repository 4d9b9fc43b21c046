"""Fixtures shared by the test modules."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def events_stage():
    """One events stage (and one spaCy model) for every events test module."""
    from crosswire.nlp.events import EventsStage
    from crosswire.resources import Resources

    return EventsStage(Resources())
