"""The alias table and the transliteration keys: fast, no model."""

from __future__ import annotations

import pytest

from crosswire.errors import ConfigError
from crosswire.names import (
    ACTOR_TYPES,
    LABELS,
    acronym,
    load_alias_table,
    name_key,
    read_alias_rows,
    surname_key,
)

HEADER = "id\tcanonical\ttype\tactor_type\tcountry\taliases\tsource\n"


@pytest.fixture(scope="module")
def table():
    return load_alias_table()


def test_every_row_has_source_label_and_type(table) -> None:
    assert len(table) >= 40
    for actor in table.actors:
        assert actor.source.strip(), actor.id
        assert actor.type in LABELS
        assert actor.actor_type is None or actor.actor_type in ACTOR_TYPES


def test_row_without_source_is_refused() -> None:
    with pytest.raises(ConfigError, match="no source"):
        read_alias_rows(HEADER + "x\tX Front\tORG\tRebel group\tSY\tXF\t\n", "test")


def test_duplicate_ids_are_refused() -> None:
    row = "x\tX Front\tORG\tRebel group\tSY\tXF\tsome source\n"
    with pytest.raises(ConfigError, match="duplicate"):
        read_alias_rows(HEADER + row + row, "test")


@pytest.mark.parametrize("name, canonical", [
    ("HTS", "Hayat Tahrir al-Sham"),
    ("Hay\u2019at Tahrir al-Sham", "Hayat Tahrir al-Sham"),
    ("Levant Liberation Committee", "Hayat Tahrir al-Sham"),
    ("Jabhat Fateh al-Sham", "Jabhat al-Nusra"),
    ("Ahmed al-Sharaa", "Abu Mohammed al-Golani"),
    ("Abu Muhammad al-Jawlani", "Abu Mohammed al-Golani"),
    ("Hasan Abdelghani", "Hassan Abdel Ghani"),
    ("OSDH", "Syrian Observatory for Human Rights"),
    ("Daesh", "Islamic State"),
    ("the Syrian army", "Military Forces of Syria (2000-2024)"),
    ("Syrian national army", "Military Forces of Syria (2000-2024)"),
    ("Syrian National Army", "Syrian National Army"),
    ("SNA", "Syrian National Army"),
    ("Ansar Allah", "Ansar Allah"),
])
def test_lookup_finds_actor(table, name: str, canonical: str) -> None:
    actor = table.lookup(name)
    assert actor is not None and actor.canonical == canonical


@pytest.mark.parametrize("name", ["is", "Is", "sna", "hts", "Syrian national Army"])
def test_case_exact_aliases_do_not_match_other_cases(table, name: str) -> None:
    actor = table.lookup(name, fuzzy=False)
    assert actor is None or actor.canonical not in ("Islamic State", "Syrian National Army")


def test_contextual_phrase_needs_the_country(table) -> None:
    assert table.contextual_actor("regime forces", "Syrian rebels fought regime forces.").id == "syr_saa"
    assert table.contextual_actor("government forces", "In Sudan, government forces advanced.").id == "sdn_saf"
    assert table.contextual_actor("government forces", "In Peru, government forces advanced.") is None


@pytest.mark.parametrize("a, b", [
    ("Abu Mohammed al-Golani", "Abu Muhammad al-Jolani"),
    ("al-Golani", "al-Jawlani"),
    ("Hasan Abdelghani", "Hassan Abdel Ghani"),
    ("Abd al-Ghani", "Abdelghani"),
    ("Hay'at Tahrir al-Sham", "Hayat Tahrir el-Sham"),
    ("Hayat Tahrir al-Cham", "Hayat Tahrir al-Sham"),
    ("Bachar el-Assad", "Bashar al-Assad"),
    ("Mohamed Hamdan Dagalo", "Muhammad Hamdan Dagallo"),
])
def test_name_key_joins_spellings(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("a, b", [
    ("Hama", "Hamas"),
    ("Homs", "Hama"),
    ("Golani", "Jolan Aleppo"),
    ("Syrian army", "Syrian Democratic Forces"),
])
def test_name_key_keeps_different_names_apart(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


def test_surname_and_acronym() -> None:
    assert surname_key("Ahmed al-Sharaa") == surname_key("Sharaa")
    assert acronym("Syrian Observatory for Human Rights") == "SOHR"
    assert acronym("Observatoire syrien des droits de l'homme") == "OSDH"


@pytest.mark.parametrize(("alias", "canonical"), [
    ("QSD", "SDF: Syrian Democratic Forces"), ("FDS", "SDF: Syrian Democratic Forces"),
    ("SDF", "SDF: Syrian Democratic Forces"), ("SNA", "Syrian National Army"), ("HTS", "Hayat Tahrir al-Sham"),
    ("National Defence Forces", "NDF: National Defence Forces"), ("Hamza Division", "Syrian National Army - Hamza Division"),
    ("Arakan Army", "AA: Arakan Army"), ("Allied Democratic Forces", "ADF: Allied Democratic Forces"),
    ("FARDC", "Military Forces of the Democratic Republic of Congo (2019-)"),
    ("VDP", "VDP: Volunteers for the Defense of the Homeland"), ("Azov Brigade", "Military Forces of Ukraine (2019-) Azov Brigade"),
    ("SPLM-N", "SPLM-N: Sudan People's Liberation Movement-North (Al Hilu Faction)"), ("Amal Movement", "Amal Movement"),
])
def test_current_conflicts_factions_by_their_acronyms_and_names(alias, canonical):
    from crosswire.names import load_alias_table

    found = load_alias_table().lookup(alias)
    assert found is not None and found.canonical == canonical


def test_country_counts_equal_a_search_per_name() -> None:
    """One pass counts what a `\\bName` search per country would (Niger inside Nigeria included)."""
    import re

    from crosswire.names import load_alias_table

    table = load_alias_table()
    text = ("Nigerian and Nigerien troops met in Niger; Nigeria said so. Syrian, Syria's and Syria. "
            "Sudanese South Sudan Sudan. NigerNiger xSyria Iraq Iraqi.")
    expected = {n: len(re.findall(rf"\b{re.escape(n)}", text)) for n in table.country_names.values()}
    assert table.country_counts(text) == {n: c for n, c in expected.items() if c}
