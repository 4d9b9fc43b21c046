"""Cleaning: boilerplate, repeats, normalisation with offsets; the clean and metadata stages."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crosswire.clean import CleanStage, MetadataStage, clean_text
from crosswire.clean.boilerplate import is_boilerplate
from crosswire.errors import EmptyInput
from crosswire.model import Article, Note, article_id
from crosswire.pipeline import Pipeline

BODY = [
    "Engineers said on Monday that the old stone bridge over the river would stay closed for at least a month.",
    "Cracks were found in two of its arches during a routine inspection after the spring floods.",
    "Via Some Wire Service",
    "Drivers are being sent on a detour through the industrial estate, which adds about twenty minutes.",
    "The council said a temporary footbridge for pedestrians would open by the end of the week.",
]


def test_whole_body_twice_keeps_one_copy() -> None:
    first = "\n\n".join(BODY)
    second = first.replace("'", "\u2019").replace("about", "about")  # same words, other typography
    raw = f"Bridge closed after cracks found\n\n{first}\n\nAna Ruiz Mon, 04/03/2023 - 11:00\n\n{second}\n\nLoading\u2026\n"
    result = clean_text(raw)
    assert result.text.count("Cracks were found in two of its arches") == 1
    assert result.text.count("temporary footbridge") == 1
    assert "Ana Ruiz Mon, 04/03/2023 - 11:00" in result.text
    assert "Loading" not in result.text and "Via Some Wire" not in result.text
    [note] = result.notes
    assert note.code == "repeat.removed" and note.stage == "clean"
    assert result.text[note.start:note.end].startswith("Engineers said on Monday")


def test_repeat_detection_ignores_quote_and_dash_differences() -> None:
    block = ('The mayor said "we will rebuild" - and promised new homes for all the families who lost theirs '
             "in the fire, adding that the first would be ready before winter and the rest by the summer after. "
             "Builders from three towns have offered to help.")
    typographic = block.replace('"we', "\u201cwe").replace('rebuild"', "rebuild\u201d").replace(" - ", " \u2013 ")
    result = clean_text(f"{block}\nA line in between that is not repeated.\n{typographic}\n")
    assert result.text.count("promised new homes") == 1
    assert "A line in between" in result.text


def test_short_repeated_lines_are_kept() -> None:
    raw = "Main findings\nThe dam held during the storm.\nMain findings\nThe river fell by a metre overnight.\n"
    assert clean_text(raw).text.count("Main findings") == 2


def test_title_glued_twice() -> None:
    raw = "Storm closes mountain passStorm closes mountain pass\n\nSnow blocked the road overnight."
    result = clean_text(raw)
    assert result.text.startswith("Storm closes mountain pass\n")
    assert [n.code for n in result.notes] == ["repeat.removed"]


def test_a_line_of_four_copies_keeps_one_and_cleaning_again_changes_nothing() -> None:
    sentence = "Water trucks reached the camp on the hill after the road reopened. "
    once = clean_text(sentence * 4).text
    assert once == sentence.strip()
    assert clean_text(once).text == once


@pytest.mark.parametrize("line", [
    "RELATED:", "Read also | Subscribers only: how the port was rebuilt", "Read more", "Read later",
    "Loading...", "Loading\u2026", "Share this article", "Follow us on Telegram",
    "Subscribe to our daily newsletter", "We use cookies to improve your experience. Accept all cookies",
    "Via The Evening Wire", "X/ @some_reporter", "@newsdesk", "Advertisement", "Photo: Agency staff",
    "\u00a9 2021 Some Media Group.", "Copyright 2019 Channel Nine. All rights reserved.",
])
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "The newsletter of the union said the strike would go on.",
    "Via a spokesman, the ministry said the talks had failed.",
    "Officials shared the report with journalists on Friday.",
    "Intense Fighting",
    "\u00a9 A man, 24, was killed in a shooting on Saturday evening, police said.",
])
def test_reporting_lines_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


def test_related_label_takes_its_headline() -> None:
    raw = "First paragraph of the story.\nRELATED:\nOther Town Opens New Clinic\nSecond paragraph of the story."
    assert clean_text(raw).text == "First paragraph of the story.\nSecond paragraph of the story."


def test_normalisation_and_offsets() -> None:
    raw = "\ufeff  He said \u201cno\u201d\u00a0\u00a0twice.\r\n\r\n\r\n\r\nShe said \u2018yes\u2019.  \n"
    result = clean_text(raw)
    assert result.text == 'He said "no" twice.\n\nShe said \'yes\'.'
    assert len(result.offsets) == len(result.text)
    assert raw[result.offsets[result.text.index("She")]] == "S"
    assert raw[result.offsets[result.text.index('"')]] == "\u201c"


def test_clean_stage_sets_text_offsets_notes_and_id() -> None:
    article = Article(raw_text="Storm closes mountain passStorm closes mountain pass\nSnow fell.",
                      notes=[Note("read", "date.clash", "kept")])
    article = CleanStage()(article)
    assert article.text == "Storm closes mountain pass\nSnow fell."
    assert article.id == article_id(article.text)
    assert [n.code for n in article.notes] == ["date.clash", "repeat.removed"]
    again = CleanStage()(article)  # idempotent: notes are not doubled
    assert [n.code for n in again.notes] == ["date.clash", "repeat.removed"]


def test_clean_stage_keeps_a_given_id_and_refuses_empty_results() -> None:
    assert CleanStage()(Article(raw_text="A short report.", id="given")).id == "given"
    with pytest.raises(EmptyInput):
        CleanStage()(Article(raw_text="Read more\nShare this article\n"))


DATED = "Ferry strike ends\nMay 2, 2023\nCrews returned to work after a deal on pay.\nJo Lin Tue, 04/18/2023 - 08:00\n"


def test_metadata_stage_fills_published_byline_and_clash() -> None:
    article = Pipeline([CleanStage(), MetadataStage()])(Article(raw_text=DATED))
    assert article.published == datetime(2023, 4, 18, 8, tzinfo=UTC)
    assert article.published_source == "text"
    assert article.byline == "Jo Lin" and article.language == "en"
    [clash] = [n for n in article.notes if n.code == "date.clash"]
    assert article.text[clash.start:clash.end] == "May 2, 2023"
    assert len(article.meta["dates_seen"]) == 2


@pytest.mark.parametrize(("source", "kept"), [("user", True), ("metadata", True), ("inferred", False)])
def test_metadata_stage_precedence(source: str, kept: bool) -> None:
    given = datetime(2023, 1, 1, tzinfo=UTC)
    article = Article(raw_text=DATED, published=given, published_source=source)
    article = MetadataStage()(CleanStage()(article))
    assert (article.published == given) is kept
    assert article.published_source == (source if kept else "text")
