"""Running the events stage on one sentence written for a test."""

from __future__ import annotations

from typing import Any

from crosswire.model import Article, EventMention, Sentence


def events_of(stage: Any, text: str, **fields: Any) -> list[EventMention]:
    """The event mentions the stage finds in `text`, read as one sentence."""
    article = Article(raw_text=text, text=text, sentences=[Sentence(0, len(text))], **fields)
    return stage(article).events


def first_event(stage: Any, text: str) -> EventMention:
    """The first event mention of `text`; the test fails when there is none."""
    events = events_of(stage, text)
    assert events, text
    return events[0]
