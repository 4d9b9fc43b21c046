"""Events told by forms the bare trigger words miss: protest forms, brawls, border closures, occupations.

Sentences written for these tests."""

import pytest
from tests.event_sentences import events_of


def kind_of(stage, text):
    """(type, sub-type) of the first event of `text`, None when it tells none."""
    events = events_of(stage, text)
    return (events[0].event_type, events[0].sub_event_type) if events else None


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("Hundreds of residents took to the streets of the town on Sunday.", ("Protests", "Peaceful protest")),
    ("Residents banged pots and pans from their balconies against the mayor.", ("Protests", "Peaceful protest")),
    ("Dock workers staged a sit-in outside the port authority.", ("Protests", "Peaceful protest")),
    ("Villagers blocked the road to demand clean water.", ("Protests", "Peaceful protest")),
    ("Two groups of party supporters fought one another after an argument over land.", ("Riots", "Mob violence")),
    ("Police occupied the town hall to stop the councillors from meeting.", ("Strategic developments", "Other")),
    ("The governor closed the border with the neighbouring province for a week.",
     ("Strategic developments", "Change to group/activity")),
    ("Rebels pounded an army base in the district.",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("Soldiers raped a woman during a search of the village.", ("Violence against civilians", "Sexual violence")),
    ("Militiamen launched an incursion into the valley held by the army.", ("Battles", "Armed clash")),
    ("Rebels fought with soldiers for hours outside the barracks.", ("Battles", "Armed clash")),
    ("Human remains were found in plastic bags near the river.", ("Violence against civilians", "Attack")),
    ("Five activists smashed the windows of a bank with hammers.",
     ("Strategic developments", "Looting/property destruction")),
    ("Farmers announced that they would take up arms against the gangs.",
     ("Strategic developments", "Change to group/activity")),
])
def test_forms_tell_an_event(events_stage, text, expected):
    assert kind_of(events_stage, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    # a weak form gives way to the stronger event told with it
    ("Gunmen blocked the road and kidnapped a bus driver.",
     ("Violence against civilians", "Abduction/forced disappearance")),
    ("Gunmen smashed the door and kidnapped a trader.",
     ("Violence against civilians", "Abduction/forced disappearance")),
    ("Fighters occupied the hilltop and shelled the town below.",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
])
def test_weak_forms_give_way(events_stage, text, expected):
    assert kind_of(events_stage, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The robbers took 300 pounds and a phone.",  # the currency, not a bombardment
    "Officials blocked the road after a landslide.",  # not residents protesting
    "The new mayor is fighting corruption in the city council.",  # no armed sides
])
def test_other_senses_tell_no_such_event(events_stage, text):
    typing = kind_of(events_stage, text)
    assert typing is None or typing[0] not in ("Protests", "Explosions/Remote violence", "Battles")


@pytest.mark.slow
def test_a_crowd_counted_by_number_blocks_roads_too(events_stage):
    text = "Hundreds of farmers blocked the road outside the ministry on Monday."
    assert kind_of(events_stage, text) == ("Protests", "Peaceful protest")
