"""Actors named ACLED's way: the actor table's groups, generic forces by country, and the sides a
sentence names only through what they hold, planted or fended off."""

from __future__ import annotations

import pytest

from crosswire.names import load_alias_table
from crosswire.nlp.events import acled_actor, table_actor
from event_sentences import first_event


@pytest.fixture(scope="module")
def aliases():
    return load_alias_table()


@pytest.mark.parametrize(("phrase", "country", "name"), [
    ("military forces of Armenia", "Azerbaijan", "Military Forces of Armenia"),  # 'of X' says whose forces
    ("the army of Chad", None, "Military Forces of Chad"),
    ("federal police forces", "Brazil", "Police Forces of Brazil Federal Police"),
    ("military police officers", "Brazil", "Military Forces of Brazil Military Police"),
    ("local policemen", "Afghanistan", "Police Forces of Afghanistan Afghan Local Police"),
    ("local policemen", "India", "Police Forces of India"),  # a branch only where ACLED names it so
    ("unidentified gang members", "Brazil", "Unidentified Gang and/or Police Militia"),
    ("unidentified gang members", "Mexico", "Unidentified Gang (Mexico)"),
    ("rival gangs", "Brazil", "Unidentified Gang (Brazil)"),
    ("a criminal group", "Honduras", "Unidentified Gang (Honduras)"),
    ("Philippine soldiers", None, "Military Forces of the Philippines"),  # ACLED's article before some names
    ("Saudi forces", "Yemen", "Operation Restoring Hope"),  # coalition forces by their operation's name
    ("Saudi forces", "Saudi Arabia", "Military Forces of Saudi Arabia"),
])
def test_generic_names(phrase, country, name):
    assert acled_actor(phrase, country) == name


@pytest.mark.parametrize(("phrase", "canonical"), [
    ("presumed LNA forces", "Military Forces of Libya (2014-) Haftar Faction"),  # a hedge is no part of a name
    ("LNA air force", "Military Forces of Libya (2014-) Haftar Faction"),
    ("GNA forces", "Military Forces of Libya (2016-) Government of National Accord"),
    ("anti-Houthi National Resistance forces", "National Resistance Forces"),  # a stance is no part of a name
    ("pro-Houthi fighters", "Military Forces of Yemen (2016-) Supreme Political Council"),
    ("NAF rebel forces", "NAF: United Armed Forces of Novorossiya"),
    ("Luhansk People's Militia", "NAF: United Armed Forces of Novorossiya"),
    ("Imbonerakure members", "CNDD-FDD-Imbonerakure: National Council for the Defence of Democracy "
                             "(Imbonerakure Faction)"),
    ("ISGS militants", "Islamic State (Greater Sahara)"),
    ("Saudi-led coalition", "Operation Restoring Hope"),
    ("Arbakis", "Militia (Pro-Government)"),
])
def test_table_names(aliases, phrase, canonical):
    assert table_actor(phrase, aliases) == canonical


def test_a_group_acled_names_by_country_takes_the_reports_country(aliases):
    assert table_actor("IS militants", aliases, "Iraq") == "Islamic State (Iraq)"
    assert table_actor("IS militants", aliases) == "Islamic State"  # no country known: the bare name
    assert table_actor("ISGS militants", aliases, "Niger") == "Islamic State (Greater Sahara)"  # its own name


def test_table_keeps_the_movement_apart_from_its_forces(aliases):
    assert table_actor("Ansar Allah", aliases) == "Ansar Allah"
    assert table_actor("Houthi forces", aliases) == "Military Forces of Yemen (2016-) Supreme Political Council"


@pytest.mark.slow
def test_holder_of_positions_fired_at_is_the_second_side(events_stage):
    ev = first_event(events_stage, "Government troops fired mortars and grenade launchers at the positions of "
                                   "the Luhansk People's Militia near the mine.")
    assert ev.actor2 == "NAF: United Armed Forces of Novorossiya"


@pytest.mark.slow
def test_forces_of_a_named_country(events_stage):
    ev = first_event(events_stage, "Military forces of Armenia fired with small arms on the positions of the "
                                   "military forces of Azerbaijan near the ridge.")
    assert (ev.actor1, ev.actor2) == ("Military Forces of Armenia (2018-)", "Military Forces of Azerbaijan (2003-)")


@pytest.mark.slow
def test_coordinated_subjects_are_both_sides(events_stage):
    ev = first_event(events_stage, "GNA and LNA forces clashed near the old airport road.")
    assert {ev.actor1, ev.actor2} == {"Military Forces of Libya (2016-) Government of National Accord",
                                     "Military Forces of Libya (2014-) Haftar Faction"}


@pytest.mark.slow
def test_attacker_of_a_repelled_attack_comes_first(events_stage):
    ev = first_event(events_stage, "Police repelled an attack by Shabaab militants on a checkpoint near the port.")
    assert ev.actor1 == "Al Shabaab"
    assert ev.actor2 is not None and ev.actor2.startswith("Police Forces")


@pytest.mark.slow
def test_doer_named_before_the_act(events_stage):
    ev = first_event(events_stage, "Three Saudi-led coalition air raids were reported on the district.")
    assert ev.actor1 == "Operation Restoring Hope"
    ev = first_event(events_stage, "A soldier was killed when his truck was hit by a Taliban-planted mine.")
    assert ev.actor1 == "Taliban"


@pytest.mark.slow
def test_side_named_with_with_is_first_when_the_harmed_are_named(events_stage):
    ev = first_event(events_stage, "Four soldiers were killed during clashes with Taliban militants in the valley.")
    assert ev.actor1 == "Taliban"
    assert ev.actor2 is not None and ev.actor2.startswith("Military Forces")


@pytest.mark.slow
def test_gang_style_killing_by_unknown_men(events_stage):
    ev = first_event(events_stage, "Two armed men on a motorcycle shot dead a shopkeeper in a drive-by shooting.")
    assert ev.actor1 == "Unidentified Gang"
    ev = first_event(events_stage, "Two armed men shot dead a shopkeeper outside his store.")
    assert ev.actor1 == "Unidentified Armed Group"


@pytest.mark.parametrize("phrase", ["vast swaths", "impenetrable defensive lines", "the positions", "a point"])
def test_bare_common_noun_phrase_is_no_actor(phrase):
    assert acled_actor(phrase, "Syria") is None


@pytest.mark.parametrize(("phrase", "name"), [("Ansar Dine", "Ansar Dine"), ("the Wagner Group", "the Wagner Group")])
def test_unknown_named_group_keeps_its_name(phrase, name):
    assert acled_actor(phrase, "Mali") == name


@pytest.mark.parametrize(("phrase", "country", "name"), [
    ("suspected Nuer militiamen", "South Sudan", "Nuer Ethnic Militia (South Sudan)"),  # a hedge is no part of it
    ("Marehan clan militias", "Somalia", "Marehan Clan Militia (Somalia)"),
    ("Bani Hushaysh tribesmen", "Yemen", "Bani Hushaysh Tribal Militia (Yemen)"),
    ("unknown tribesmen", "Yemen", "Unidentified Tribal Militia (Yemen)"),
    ("communal militiamen", "Nigeria", "Unidentified Communal Militia (Nigeria)"),
    ("a clan militia", None, "Unidentified Clan Militia"),
    ("pro-government militias", "Yemen", "pro-government militias"),  # a side taken, no identity told
    ("Somali militiamen", "Somalia", "Somali militiamen"),  # a nationality, not an identity group
])
def test_identity_militias_named_by_identity_kind_and_country(phrase, country, name):
    assert acled_actor(phrase, country) == name


@pytest.mark.slow
def test_country_from_a_named_groups_home_when_no_place_says_it(events_stage):
    ev = first_event(events_stage, "On 2 May 2020, NPA rebels ambushed a police patrol on a mountain road, "
                                   "killing one policeman.")
    assert (ev.actor1, ev.actor2) == ("NPA: New People's Army", "Police Forces of the Philippines")


@pytest.mark.slow
def test_country_from_a_nationality_word_when_no_place_says_it(events_stage):
    ev = first_event(events_stage, "Police beat two Ugandan traders who kept their stalls open after dark.")
    assert (ev.actor1, ev.actor2) == ("Police Forces of Uganda", "Civilians (Uganda)")


@pytest.mark.slow
def test_doer_of_a_participle_clause_is_the_main_verbs_subject(events_stage):
    ev = first_event(events_stage, "Boko Haram fighters raided a farming village, killing four civilians.")
    assert ev.actor1 == "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"


@pytest.mark.parametrize(("phrase", "canonical"), [
    ("LNA positions", "Military Forces of Libya (2014-) Haftar Faction"),  # what a side holds names the side
    ("a GNA camp", "Military Forces of Libya (2016-) Government of National Accord"),
    ("Houthi checkpoints", "Military Forces of Yemen (2016-) Supreme Political Council"),
])
def test_a_sides_positions_name_the_side(aliases, phrase, canonical):
    assert table_actor(phrase, aliases) == canonical


def test_bare_gunmen_are_an_unidentified_armed_group():
    assert acled_actor("gunmen", "Kenya") == "Unidentified Armed Group (Kenya)"


@pytest.mark.slow
def test_an_unclaimed_planted_bomb_is_an_unidentified_armed_groups(events_stage):
    ev = first_event(events_stage, "A roadside bomb hit a minibus on the coast road, wounding four passengers.")
    assert ev.actor1 == "Unidentified Armed Group"
