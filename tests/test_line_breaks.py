"""Sentence starts from the text's own lines: headlines, bylines, datelines and paragraphs stand alone."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def nlp(events_stage):
    return events_stage.resources.nlp


def sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents]


@pytest.mark.slow
def test_headline_byline_and_dateline_are_sentences_of_their_own(nlp) -> None:
    text = ("Militia seizes river crossing\nNorthern Courier\nMon, 03/02/2025 - 10:15\n\n"
            "Fighters took the crossing at dawn on Monday after a short battle.")
    assert sentences(nlp, text) == ["Militia seizes river crossing", "Northern Courier", "Mon, 03/02/2025 - 10:15",
                                    "Fighters took the crossing at dawn on Monday after a short battle."]


@pytest.mark.slow
def test_a_blank_line_ends_a_paragraph(nlp) -> None:
    text = "Two shells hit the market on Sunday\n\nThe council met on Tuesday to count the damage."
    assert len(sentences(nlp, text)) == 2


@pytest.mark.slow
def test_wrapped_lines_of_running_text_stay_one_sentence(nlp) -> None:
    text = ("Residents of the eastern districts said that the shelling continued through the night and\n"
            "into the morning, and that the road to the hospital was closed.")
    assert len(sentences(nlp, text)) == 1
    short = "Officials said the\nCouncil would meet again."
    assert len(sentences(nlp, short)) == 1  # a line ending in 'the' runs on
