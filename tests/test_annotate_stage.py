"""The annotate stage and the alias ruler on sentences written for these tests."""

from __future__ import annotations

import pytest

from crosswire.model import Article
from crosswire.nlp.entities import AnnotateStage, annotate_text
from crosswire.resources import Resources


@pytest.fixture(scope="session")
def resources() -> Resources:
    res = Resources()
    res.nlp  # noqa: B018 - load once for the session
    return res


def _mentions(resources: Resources, text: str) -> dict[str, tuple[str, str, str | None]]:
    _, mentions, _ = annotate_text(resources.nlp, text, resources.aliases)
    return {m.text: (m.label, m.source, m.canonical) for m in mentions}


@pytest.mark.slow
def test_stage_fills_sentences_mentions_and_doc(resources: Resources) -> None:
    text = ("Rebels led by Hayat Tahrir al-Sham (HTS) pushed into the city of Hama on Thursday. "
            "The Syrian Observatory for Human Rights said dozens were killed.")
    article = AnnotateStage(resources)(Article(raw_text=text, text=text))
    assert len(article.sentences) == 2
    assert article.doc.text == text
    for m in article.mentions:
        assert text[m.start:m.end] == m.text
    by_text = {m.text: m for m in article.mentions}
    assert by_text["HTS"].canonical == "Hayat Tahrir al-Sham"
    assert by_text["HTS"].actor_type == "Rebel group"
    assert by_text["Hama"].label == "GPE"


@pytest.mark.slow
def test_stage_declares_contract() -> None:
    assert AnnotateStage.name == "annotate"
    assert AnnotateStage.requires == ("text",)
    assert AnnotateStage.assigns == ("sentences", "mentions")


@pytest.mark.slow
@pytest.mark.parametrize("text, name, canonical", [
    ("Fighters of Hay’at Tahrir al-Sham took the airport.", "Hay’at Tahrir al-Sham", "Hayat Tahrir al-Sham"),
    ("The Levant Liberation Organization said it had entered the town.", "Levant Liberation Organization",
     "Hayat Tahrir al-Sham"),
    ("Abu Mohammad al-Julani gave a speech at the mosque.", "Abu Mohammad al-Julani", "Abu Mohammed al-Golani"),
    ("Fighting goes on, according to the OSDH.", "OSDH", "Syrian Observatory for Human Rights"),
    ("The Syrian national army pulled its units back from the city.", "Syrian national army",
     "Military Forces of Syria (2000-2024)"),
    ("Ankara funds the Syrian National Army in the north.", "Syrian National Army", "Syrian National Army"),
    ("Houthi rebels fired a missile at a ship.", "Houthi rebels", "Ansar Allah"),
])
def test_alias_ruler_names_actor(resources: Resources, text: str, name: str, canonical: str) -> None:
    found = _mentions(resources, text)
    assert name in found, found
    assert found[name][2] == canonical


@pytest.mark.slow
def test_lowercase_is_never_islamic_state(resources: Resources) -> None:
    found = _mentions(resources, "The situation is grave and it is getting worse.")
    assert all(canonical != "Islamic State" for _, _, canonical in found.values())


@pytest.mark.slow
@pytest.mark.parametrize("text, place", [
    ("Government troops shelled the town of Maarat Misrin overnight.", "Maarat Misrin"),
    ("Heavy clashes were reported in Daraa governorate on Monday.", "Daraa"),
    ("Airstrikes hit villages in the southern Idlib countryside.", "Idlib"),
])
def test_place_cues_make_places(resources: Resources, text: str, place: str) -> None:
    found = _mentions(resources, text)
    assert found.get(place, ("",))[0] == "GPE", found
