"""General repairs of the model's entities: places, page furniture, generic actors (own texts)."""

from __future__ import annotations

import pytest

from crosswire.link.entities import resolve_entities
from crosswire.model import Mention
from crosswire.names import loose_name_key
from crosswire.nlp.entities import annotate_text, attach_gazetteer
from crosswire.resources import Resources


@pytest.fixture(scope="session")
def resources() -> Resources:
    res = Resources()
    attach_gazetteer(res.nlp, res.gazetteer)
    return res


def _labels(resources: Resources, text: str) -> dict[str, tuple[str, str | None, str | None]]:
    _, mentions, _ = annotate_text(resources.nlp, text, resources.aliases)
    return {m.text: (m.label, m.canonical, m.actor_type) for m in mentions}


@pytest.mark.slow
def test_feature_head_and_apposition_make_places(resources: Resources) -> None:
    found = _labels(resources, "Fighters seized Jabal Zayn al-Abidin and then Mhardeh, a town west of the river.")
    assert found["Jabal Zayn al-Abidin"][0] == "LOC"
    assert found["Mhardeh"][0] == "GPE"


@pytest.mark.slow
def test_particles_kept_before_province_cue(resources: Resources) -> None:
    found = _labels(resources, "Aid convoys reached Deir ez-Zor province late on Monday.")
    assert found.get("Deir ez-Zor", ("",))[0] == "GPE", found


@pytest.mark.slow
def test_lone_common_word_on_short_line_is_not_a_person(resources: Resources) -> None:
    found = _labels(resources, "Loading\nThe minister Karim Haddad spoke in Beirut on Monday.")
    assert "Loading" not in found or found["Loading"][0] != "PERSON"


@pytest.mark.slow
def test_french_elision_split_for_alias(resources: Resources) -> None:
    found = _labels(resources, "Selon l'OSDH, les combats continuent.")
    assert found["OSDH"][1] == "Syrian Observatory for Human Rights"


@pytest.mark.slow
def test_generic_actors_get_acled_names(resources: Resources) -> None:
    text = ("Police fired tear gas at protesters in Khartoum, Sudan, and unidentified gunmen "
            "killed three civilians in Sudan's capital.")
    found = _labels(resources, text)
    assert found["Police"] == ("ORG", "Police Forces of Sudan", "State forces")
    assert found["protesters"] == ("NORP", "Protesters (Sudan)", "Protesters")
    assert found["unidentified gunmen"][1] == "Unidentified Armed Group (Sudan)"
    assert found["civilians"][1] == "Civilians (Sudan)"


@pytest.mark.slow
def test_generic_actor_without_country_has_no_canonical(resources: Resources) -> None:
    found = _labels(resources, "Rioters set fire to cars overnight.")
    assert found["Rioters"] == ("NORP", None, "Rioters")


def test_generic_mentions_group_by_country_name() -> None:
    pairs = [("a", Mention(0, 6, "police", "ORG", "rule", "Police Forces of Chad", "State forces")),
             ("b", Mention(0, 6, "police", "ORG", "rule", "Police Forces of Mali", "State forces")),
             ("c", Mention(0, 6, "police", "ORG", "rule", None, "State forces"))]
    from crosswire.names import AliasTable

    entities = resolve_entities(pairs, AliasTable([]))
    assert sorted(e.name for e in entities) == ["Police Forces of Chad", "Police Forces of Mali"]
    assert all(e.actor_type == "State forces" for e in entities)


def test_loose_key_joins_vowel_drop_in_full_names_only() -> None:
    assert loose_name_key("Mohamed Hamdan Dagalo") == loose_name_key("Mohamed Hamdan Daglo")
    assert loose_name_key("Daglo") == ""
    assert loose_name_key("Omar Bakri") != loose_name_key("Omar Bakar Rahman")


def test_person_mentions_cut_to_the_name_and_headline_words_dropped():
    from crosswire.model import Mention
    from crosswire.nlp.entities import person_names_only

    text = "Quiet in the north\nJane Roe Thu, 12/05/2024\nThe envoy Mark Stone met officials."
    mentions = [Mention(0, 5, "Quiet", "PERSON"), Mention(19, 31, "Jane Roe Thu", "PERSON"),
                Mention(54, 64, "Mark Stone", "PERSON")]
    kept = person_names_only(mentions, text, frozenset({"quiet", "mark", "stone"}))
    assert [m.text for m in kept] == ["Jane Roe", "Mark Stone"]
    assert all(text[m.start:m.end] == m.text for m in kept)
