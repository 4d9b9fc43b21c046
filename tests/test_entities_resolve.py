"""Cross-report entity resolution on mentions built by hand (fast), and on the seed reports (slow)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.link.entities import Entity, entity_ids_by_ref, resolve_entities
from crosswire.model import Mention
from crosswire.names import load_alias_table

TABLE = load_alias_table()

# Short reports written for these tests; each name is found in its text to make the mentions.
TEXTS = {
    "a1": "Hayat Tahrir al-Sham (HTS) fighters entered Hama, said the Syrian Observatory for Human Rights.",
    "a2": "The Levant Liberation Organization, led by Abu Mohammed al-Jolani, took the airport.",
    "a3": "Selon l'Observatoire syrien des droits de l'homme (OSDH), Golani a parle. Hasan Abdelghani a confirme.",
    "a4": "Hassan Abdel Ghani, spokesman of HTS, said the Syrian national army had withdrawn from the city.",
    "a5": "The Turkish-backed Syrian National Army, a rebel coalition, seized villages near Manbij.",
    "a6": "Abu Mohammed al-Golani spoke in Damascus. Golani's group, HTS, grew out of al-Qaeda.",
}
NAMES = {
    "a1": [("Hayat Tahrir al-Sham", "ORG"), ("HTS", "ORG"), ("Hama", "GPE"),
           ("Syrian Observatory for Human Rights", "ORG")],
    "a2": [("Levant Liberation Organization", "ORG"), ("Abu Mohammed al-Jolani", "PERSON")],
    "a3": [("Observatoire syrien des droits de l'homme", "ORG"), ("OSDH", "ORG"), ("Golani", "PERSON"),
           ("Hasan Abdelghani", "PERSON")],
    "a4": [("Hassan Abdel Ghani", "PERSON"), ("HTS", "ORG"), ("Syrian national army", "ORG")],
    "a5": [("Syrian National Army", "ORG"), ("Manbij", "GPE")],
    "a6": [("Abu Mohammed al-Golani", "PERSON"), ("Damascus", "GPE"), ("Golani", "ORG"), ("HTS", "ORG"),
           ("al-Qaeda", "ORG")],
}


def hand_mentions() -> list[tuple[str, Mention]]:
    """Every whole-word occurrence of each name, with the label given above."""
    out = []
    for aid, names in NAMES.items():
        for name, label in names:
            for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", TEXTS[aid]):
                out.append((aid, Mention(m.start(), m.end(), name, label)))
    return out


def entity_of(entities: list[Entity], aid: str, name: str) -> Entity:
    """The entity of the first whole-word occurrence of `name` in report `aid`."""
    m = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", TEXTS[aid])
    assert m is not None
    return next(e for e in entities if (aid, m.start(), m.end()) in e.mention_refs)


@pytest.fixture(scope="module")
def entities() -> list[Entity]:
    return resolve_entities(hand_mentions(), TABLE, TEXTS)


@pytest.mark.parametrize("group", [
    [("a1", "Hayat Tahrir al-Sham"), ("a1", "HTS"), ("a2", "Levant Liberation Organization"), ("a4", "HTS")],
    [("a2", "Abu Mohammed al-Jolani"), ("a3", "Golani"), ("a6", "Abu Mohammed al-Golani")],
    [("a1", "Syrian Observatory for Human Rights"), ("a3", "OSDH"),
     ("a3", "Observatoire syrien des droits de l'homme")],
    [("a3", "Hasan Abdelghani"), ("a4", "Hassan Abdel Ghani")],
])
def test_alias_groups_are_one_entity(entities: list[Entity], group: list[tuple[str, str]]) -> None:
    ids = {entity_of(entities, aid, name).id for aid, name in group}
    assert len(ids) == 1


def test_government_army_and_rebel_sna_stay_apart(entities: list[Entity]) -> None:
    army = entity_of(entities, "a4", "Syrian national army")
    sna = entity_of(entities, "a5", "Syrian National Army")
    assert army.id != sna.id
    assert army.actor_type == "State forces" and sna.actor_type == "Rebel group"


def test_person_never_merges_with_organisation(entities: list[Entity]) -> None:
    person = entity_of(entities, "a6", "Abu Mohammed al-Golani")
    org_named_golani = entity_of(entities, "a6", "Golani")  # "Golani's group": labelled ORG above
    assert person.id != org_named_golani.id
    assert person.id != entity_of(entities, "a6", "HTS").id


def test_merges_record_evidence(entities: list[Entity]) -> None:
    hts = entity_of(entities, "a1", "HTS")
    assert hts.name == "Hayat Tahrir al-Sham"
    assert any(e.startswith("alias table:") for e in hts.evidence)
    assert {a["name"] for a in hts.aliases} >= {"HTS", "Levant Liberation Organization"}


def test_apposition_and_translit_without_the_table() -> None:
    texts = {"x": "The Free Union of Farmers (FUF) marched. Later Omar Abdelkarim spoke.",
             "y": "Omar Abdel Karim, leader of the FUF, said the Free Union of Farmers would march."}
    pairs = []
    for aid, names in (("x", ["Free Union of Farmers", "FUF", "Omar Abdelkarim"]),
                       ("y", ["Omar Abdel Karim", "FUF", "Free Union of Farmers"])):
        for name in names:
            start = texts[aid].index(name)
            label = "PERSON" if name.startswith("Omar") else "ORG"
            pairs.append((aid, Mention(start, start + len(name), name, label)))
    entities = resolve_entities(pairs, TABLE, texts)
    assert len(entities) == 2
    org = next(e for e in entities if e.type == "ORG")
    assert any(ev.startswith("apposition in article x") for ev in org.evidence)
    person = next(e for e in entities if e.type == "PERSON")
    assert any(ev.startswith("translit key") for ev in person.evidence)


def test_lone_surname_shared_by_two_people_stays_alone() -> None:
    texts = {"x": "Omar Haddad met Salim Haddad. Haddad left."}
    pairs = []
    for name, start in (("Omar Haddad", 0), ("Salim Haddad", 16), ("Haddad", 30)):
        pairs.append(("x", Mention(start, start + len(name), name, "PERSON")))
    assert len(resolve_entities(pairs, TABLE, texts)) == 3


def clusters(entities: list[Entity]) -> set[frozenset]:
    return {frozenset(e.mention_refs) for e in entities}


@settings(max_examples=30, deadline=None)
@given(st.permutations(hand_mentions()))
def test_order_does_not_change_clusters(shuffled: list[tuple[str, Mention]]) -> None:
    baseline = resolve_entities(hand_mentions(), TABLE, TEXTS)
    again = resolve_entities(shuffled, TABLE, TEXTS)
    assert clusters(again) == clusters(baseline)
    assert [e.id for e in again] == [e.id for e in baseline]
    assert entity_ids_by_ref(again) == entity_ids_by_ref(baseline)


def test_place_spellings_the_geocoder_resolves_to_one_id_are_one_place():
    from crosswire.link.entities import resolve_entities
    from crosswire.model import Mention
    from crosswire.names import AliasTable

    mentions = [("a", Mention(0, 8, "Old Port", "GPE")), ("b", Mention(10, 24, "Marina Vecchia", "GPE")),
                ("b", Mention(30, 37, "Beltown", "GPE"))]
    place_ids = {("a", 0): 111, ("b", 10): 111, ("b", 30): 222}
    entities = resolve_entities(mentions, AliasTable([]), None, place_ids)
    merged = [e for e in entities if {a["name"] for a in e.aliases} >= {"Old Port", "Marina Vecchia"}]
    assert len(merged) == 1 and any("geonames id: 111" in why for why in merged[0].evidence)
    assert len(entities) == 2
    assert len(resolve_entities(mentions, AliasTable([]), None, {})) == 3
