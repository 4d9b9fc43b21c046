"""ACLED coding conventions the typing rules follow, on sentences written for these tests."""

import pytest
from tests.event_sentences import first_event

from crosswire.model import Article, Sentence

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "event_type", "sub"), [
    # heavy weapons: a strike from afar, unless fire was exchanged or small arms were used with them
    ("Rebel units fired grenade launchers at army positions near the ridge.", "Explosions/Remote violence",
     "Shelling/artillery/missile attack"),
    ("The two armies exchanged artillery fire across the valley.", "Battles", "Armed clash"),
    ("Monitors counted 40 explosions in both directions of the contact line.", "Battles", "Armed clash"),
    ("Rebels fired mortars and small arms at the army outpost.", "Battles", "Armed clash"),
    ("A clash between the two militias, involving heavy shelling, was reported in the old town.", "Battles",
     "Armed clash"),
    ("Guards fired heavy machine guns at the hills overnight.", "Explosions/Remote violence",
     "Shelling/artillery/missile attack"),
    # weapons that did not hit their target
    ("A mortar shell exploded prematurely inside a rebel camp, wounding two fighters.", "Strategic developments",
     "Disrupted weapons use"),
    ("Police recovered rifles and ammunition from a farmhouse.", "Strategic developments", "Disrupted weapons use"),
    ("A farmer was injured by an unexploded shell from the old war.", "Strategic developments", "Other"),
    # who the victims are
    ("Soldiers killed dozens of rebel fighters near the dam.", "Battles", "Armed clash"),
    ("Gunmen shot and killed a policewoman at the market.", "Battles", "Armed clash"),
    ("Gunmen shot dead an off-duty police officer outside his home.", "Violence against civilians", "Attack"),
    ("Two armed men shot dead a suspected drug dealer in the street.", "Battles", "Armed clash"),
    ("Gunmen abducted a police officer on the highway.", "Battles", "Armed clash"),
    ("Gunmen killed a member of the elite forces near the port.", "Battles", "Armed clash"),
    ("Two guards were killed following an attack by rebels on a check point.", "Battles", "Armed clash"),
    # crowds: a mob attacking police is a riot; three men shooting is an armed attack
    ("Angry villagers assaulted two policemen who tried to enforce the curfew.", "Riots", "Mob violence"),
    ("Three men opened fire on a family in their car.", "Violence against civilians", "Attack"),
    ("Clashes broke out between students and police outside the university.", "Riots", "Mob violence"),
    ("Residents burned tyres on the main road to denounce power cuts.", "Riots", "Violent demonstration"),
    # protests: intervention only when the authorities act on the protesters
    ("Traders protested against a ban meant to prevent the spread of the virus.", "Protests", "Peaceful protest"),
    ("Workers protested demanding the arrest of the factory owner.", "Protests", "Peaceful protest"),
    ("Police arrested ten demonstrators during a march in the capital.", "Protests", "Protest with intervention"),
    ("Villagers demonstrated after a soldier shot and killed a taxi driver.", "Protests", "Peaceful protest"),
    ("Hundreds of youths demonstrated and erected barricades on the highway.", "Riots", "Violent demonstration"),
    ("Nurses barricaded themselves inside the ministry to protest unpaid wages.", "Protests", "Peaceful protest"),
    ("Drivers protested against a rise in petrol prices.", "Protests", "Peaceful protest"),
    ("Farmers protested after floods destroyed their crops.", "Protests", "Peaceful protest"),
    ("Students rallied against the detention of friends accused of vandalising a bank.", "Protests",
     "Peaceful protest"),
    ("A group of people attacked a radio station in the town.", "Riots", "Mob violence"),
    ("Residents pelted stones at police who were enforcing the lockdown.", "Riots", "Mob violence"),
    ("People blocked the avenue with burning objects to demonstrate against water cuts.", "Riots",
     "Violent demonstration"),
    ("A crowd demonstrated by throwing stones, against the closure of the market.", "Riots",
     "Violent demonstration"),
    ("The governor imposed a curfew on the city for three days.", "Strategic developments",
     "Change to group/activity"),
    # strategic developments
    ("Militants seized a truck and its cargo of grain near the border.", "Strategic developments",
     "Looting/property destruction"),
    ("Twenty soldiers switched sides and joined the rebels.", "Strategic developments",
     "Change to group/activity"),
    ("Hundreds of families fled their homes to the district town.", "Strategic developments", "Other"),
    ("Forty policemen joined the insurgents in the north of the province.", "Strategic developments",
     "Change to group/activity"),
    ("The government declared a lockdown on the capital and prohibited travel between cities.",
     "Strategic developments", "Change to group/activity"),
    ("Soldiers found and destroyed a clandestine airstrip in the forest.", "Strategic developments",
     "Looting/property destruction"),
])
def test_acled_conventions(events_stage, text, event_type, sub):
    ev = first_event(events_stage, text)
    assert (ev.event_type, ev.sub_event_type) == (event_type, sub)


def test_protesters_clashing_in_the_next_sentence_make_it_violent(events_stage):
    ev = first_event(events_stage, "Farmers demonstrated outside the ministry. They clashed with the guards at the gate.")
    assert (ev.event_type, ev.sub_event_type) == ("Riots", "Violent demonstration")


@pytest.mark.parametrize(("phrase", "country", "name"), [
    ("armed men", "Brazil", "Unidentified Armed Group (Brazil)"),
    ("masked individuals", None, "Unidentified Armed Group"),
    ("governmental positions", "Ukraine", "Military Forces of Ukraine"),
    ("federal police forces", "Brazil", "Police Forces of Brazil Federal Police"),  # ACLED names Brazil's branches
    ("police forces", "Brazil", "Police Forces of Brazil"),
    ("rebel forces", "Mali", "rebel forces"),
    ("an alleged criminal group", "Mexico", "Unidentified Gang (Mexico)"),
])
def test_generic_actor_names(phrase, country, name):
    from crosswire.nlp.events import acled_actor

    assert acled_actor(phrase, country) == name


def test_shell_falling_on_a_village_is_no_capture(events_stage):
    ev = first_event(events_stage, "A mortar shell fell into the village and wounded a farmer.")
    assert ev.event_type == "Explosions/Remote violence"


def test_named_group_takes_the_actor_table_name(events_stage):
    from crosswire.nlp.events import table_actor

    aliases = events_stage.resources.aliases
    assert table_actor("the Taliban fighters", aliases) == "Taliban"
    assert table_actor("unknown gunmen", aliases) is None
    assert table_actor("a Taliban suicide bomber", aliases) == "Taliban"


def test_actors_of_fire_at_positions_and_of_dispersed_protest(events_stage):
    ev = first_event(events_stage, "Rebels fired mortars at the positions of the army near the ridge.")
    assert ev.actor2 is not None and ev.actor2.startswith("Military Forces")
    ev = first_event(events_stage, "The rebels fired with unknown weapons on the positions of the army.")
    assert ev.actor2 is not None and ev.actor2.startswith("Military Forces")
    ev = first_event(events_stage, "The army conducted air strikes targeting rebel fighters in the hills.")
    assert ev.actor2 is not None and ev.actor2.startswith("Unidentified Armed Group")  # unnamed rebels, ACLED's way
    text = "Nurses protested outside the clinic. Police later dispersed the crowd with batons."
    article = Article(raw_text=text, text=text, sentences=[Sentence(0, 35), Sentence(36, len(text))])
    ev = events_stage(article).events[0]
    assert (ev.sub_event_type, ev.actor2) == ("Protest with intervention", "Police Forces")


def test_victim_tied_to_a_gang_makes_a_clash(events_stage):
    text = "A man was shot dead by two armed men in the market. The victim was known as a gang leader."
    article = Article(raw_text=text, text=text, sentences=[Sentence(0, 52), Sentence(53, len(text))])
    assert events_stage(article).events[0].event_type == "Battles"
    text = "A man was shot dead by two armed men in the market. The victim was a local teacher."
    article = Article(raw_text=text, text=text, sentences=[Sentence(0, 52), Sentence(53, len(text))])
    assert events_stage(article).events[0].event_type == "Violence against civilians"


def test_restriction_named_as_the_setting_tells_no_event(events_stage):
    text = "Shops stayed closed during the lockdown in the capital."
    article = Article(raw_text=text, text=text, sentences=[Sentence(0, len(text))])
    assert events_stage(article).events == []
    text = "Thousands of students joined the march in the capital."
    article = Article(raw_text=text, text=text, sentences=[Sentence(0, len(text))])
    assert events_stage(article).events[0].event_type == "Protests"


def test_shelling_victims_are_its_second_actor(events_stage):
    ev = first_event(events_stage, "Shells fired by the rebels injured two health workers near the clinic.")
    assert ev.event_type == "Explosions/Remote violence"
    assert ev.actor2 == "Civilians"


def test_first_actor_from_another_clause_or_the_trigger_itself(events_stage):
    ev = first_event(events_stage, "Two soldiers were killed when militants fired on their vehicle near the bridge.")
    assert ev.actor1 is not None and ev.actor1.startswith("Unidentified Armed Group")
    ev = first_event(events_stage, "Artillery fire by an unknown party was reported in the south of the city.")
    assert ev.actor1 == "Unidentified Armed Group"  # "an unknown party"
