"""Event typing in ACLED's taxonomy on sentences written for these tests."""

import pytest
from tests.event_sentences import events_of

from crosswire.model import Article, Figure, Place, Sentence
from crosswire.nlp.events import EventsStage, acled_actor, load_trigger_lexicon

ACLED_SUB_TYPES = {
    "Armed clash", "Government regains territory", "Non-state actor overtakes territory", "Air/drone strike",
    "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Suicide bomb", "Grenade",
    "Chemical weapon", "Attack", "Abduction/forced disappearance", "Sexual violence", "Peaceful protest",
    "Protest with intervention", "Excessive force against protesters", "Violent demonstration", "Mob violence",
    "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established",
    "Looting/property destruction", "Non-violent transfer of territory", "Other",
}


def test_lexicon_uses_acled_spelling():
    lexicon = load_trigger_lexicon()
    assert {e.sub_event_type for e in lexicon.values()} <= ACLED_SUB_TYPES
    assert lexicon[("air", "strike")].sub_event_type == "Air/drone strike"


def test_lexicon_rejects_bad_lines():
    with pytest.raises(ValueError):
        load_trigger_lexicon("clash\tFIGHT")


@pytest.mark.parametrize(("phrase", "country", "name"), [
    ("Afghan soldiers", None, "Military Forces of Afghanistan"),
    ("police", "Mexico", "Police Forces of Mexico"),
    ("protesters", "Chile", "Protesters (Chile)"),
    ("unknown gunmen", "India", "Unidentified Armed Group (India)"),
    ("Taliban", "Afghanistan", "Taliban"),
    ("a farmer", "Nigeria", "Civilians (Nigeria)"),
    ("a police post", "Kenya", "Police Forces of Kenya"),
    ("Afghan military posts", None, "Military Forces of Afghanistan"),
    (None, "Nigeria", None),
])
def test_acled_actor_names(phrase, country, name):
    assert acled_actor(phrase, country) == name


@pytest.mark.slow
@pytest.mark.parametrize(("text", "event_type", "sub"), [
    ("An air strike on the old quarter killed a photographer.", "Explosions/Remote violence", "Air/drone strike"),
    ("Troops and rebels clashed for hours near the river crossing.", "Battles", "Armed clash"),
    ("Artillery pounded the eastern districts overnight.", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("A roadside bomb hit a minibus on the highway.", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Gunmen shot dead a shopkeeper outside his home.", "Violence against civilians", "Attack"),
    ("Armed men kidnapped two aid workers on the road.", "Violence against civilians", "Abduction/forced disappearance"),
    ("Hundreds of nurses protested outside the hospital demanding higher pay.", "Protests", "Peaceful protest"),
    ("Police fired tear gas to disperse students who were protesting fees.", "Protests", "Protest with intervention"),
    ("Protesters threw stones at police and torched a bus.", "Riots", "Violent demonstration"),
    ("A mob beat a suspected thief to death in the market.", "Riots", "Mob violence"),
    ("Insurgents captured the town of Qasr after the army withdrew.", "Battles", "Non-state actor overtakes territory"),
    ("The garrison town fell to the militia after a week of shelling.", "Battles", "Non-state actor overtakes territory"),
    ("Government troops took control of the port district on Friday.", "Battles", "Government regains territory"),
    ("The army said it had withdrawn from the provincial capital to spare its residents.", "Battles",
     "Non-state actor overtakes territory"),
    ("Militants entered the town of Berem after heavy fighting with soldiers.", "Battles",
     "Non-state actor overtakes territory"),
    ("Soldiers defused an explosive device planted under a bridge.", "Strategic developments", "Disrupted weapons use"),
    ("The two parties signed a ceasefire agreement in the capital.", "Strategic developments", "Agreement"),
    ("On 4 June 2021, insurgents attacked and killed five policemen at a checkpoint.", "Battles", "Armed clash"),
    ("A traffic warden was assaulted by a group of traders at the bus depot.", "Riots", "Mob violence"),
    ("Angry villagers beat two men accused of theft.", "Riots", "Mob violence"),
    ("Armed men attacked a group of traders at the bus depot.", "Violence against civilians", "Attack"),
    ("Separatist gunmen shot and wounded a park ranger on patrol.", "Battles", "Armed clash"),
    ("Soldiers pursued and clashed with rebels after they abducted a farmer.", "Battles", "Armed clash"),
    ("Shop owners blocked the main road with burning tyres to protest a new tax.", "Riots",
     "Violent demonstration"),
    ("Police used tear gas to break up a violent demonstration by dock workers.", "Riots", "Violent demonstration"),
    ("Market women demonstrated outside the town hall. Some of them scuffled with guards at the gate.", "Riots",
     "Violent demonstration"),
    ("Farmers protested at the ministry. They said their fields were damaged by the new dam.", "Protests",
     "Peaceful protest"),
    ("Teachers held a protest for a colleague who was hurt in clashes last year.", "Protests",
     "Peaceful protest"),
    ("Two clans clashed over a water point, leaving three of their men dead.", "Battles", "Armed clash"),
    ("Tribesmen of two rival families clashed near the grain market.", "Battles", "Armed clash"),
    ("Two groups of villagers clashed over a football match.", "Riots", "Mob violence"),
    ("Three persons beat up a traffic policeman who had stopped their car.", "Riots", "Mob violence"),
    ("An anarchist group carried out an arson attack on a bank branch, causing material damage.",
     "Strategic developments", "Looting/property destruction"),
    # Means named by a phrase: a gas or nerve agent is a chemical weapon, a barrel bomb is dropped from the air.
    ("Dozens of people choked to death in a nerve gas attack on the village, doctors said.",
     "Explosions/Remote violence", "Chemical weapon"),
    ("Residents fled after a toxic gas attack on the northern district.", "Explosions/Remote violence",
     "Chemical weapon"),
    ("Helicopters dropped barrel bombs on the market of the town.", "Explosions/Remote violence", "Air/drone strike"),
    ("Heavy bombardment of the old quarter killed four residents.", "Explosions/Remote violence",
     "Shelling/artillery/missile attack"),
    ("Government warplanes carried out raids on the eastern suburbs.", "Explosions/Remote violence",
     "Air/drone strike"),
    ("Gunmen fired shells filled with toxic material at the district, choking residents.",
     "Explosions/Remote violence", "Chemical weapon"),
    # Captives executed are violence against civilians, soldiers among them.
    ("The militants executed twelve captured soldiers near the dam.", "Violence against civilians", "Attack"),
])
def test_event_typing(events_stage, text, event_type, sub):
    events = events_of(events_stage, text)
    assert events, text
    assert (events[0].event_type, events[0].sub_event_type) == (event_type, sub)


@pytest.mark.slow
def test_failed_attempt_is_not_a_capture(events_stage):
    events = events_of(events_stage, "Rebels tried to capture the town but their attack failed for the second time.")
    assert events[0].sub_event_type not in ("Non-state actor overtakes territory", "Government regains territory")
    assert events[0].modality == "failed"


@pytest.mark.slow
def test_fatalities_place_and_date_come_from_the_sentence(events_stage):
    text = "An air strike on the market in Idlib killed 12 people."
    places = [Place(31, 36, "Idlib", name="Idlib", lat=35.9, lon=36.6, feature_code="P.PPLA", country="SY")]
    figures = [Figure(44, 46, "12", 12, kind="killed")]
    ev = events_of(events_stage, text, places=places, figures=figures)[0]
    assert (ev.fatalities, ev.place, ev.date_precision) == (12, 0, None)
    assert ev.plover == "ASSAULT"
    assert text[ev.start:ev.end] == ev.text


@pytest.mark.slow
def test_sentence_without_event_gives_none(events_stage):
    assert events_of(events_stage, "The committee will meet again next month to review the budget.") == []


class _NoParser:
    """Resources whose parser must not be called: the stages have to reuse the Doc they are given."""

    @property
    def nlp(self):
        raise AssertionError("the stage parsed the text again instead of reusing article.doc")


@pytest.mark.slow
def test_stages_reuse_the_parsed_doc(events_stage):
    from crosswire.nlp.claims import AttributionStage
    from crosswire.nlp.figures import FiguresStage

    text = "Rebels shelled the town on Monday, killing 4 civilians, the army said."
    doc = events_stage.resources.nlp(text)
    article = Article(raw_text=text, text=text, sentences=[Sentence(0, len(text))], doc=doc)
    for other in (AttributionStage(_NoParser()), FiguresStage(_NoParser()), EventsStage(_NoParser())):
        article = other(article)
    assert article.events[0].fatalities == 4
    assert article.events[0].attributed_to == "army"


@pytest.mark.slow
def test_actors_from_attack_noun_and_coordinated_verb(events_stage):
    ev = events_of(events_stage, "Two soldiers were killed following an attack by Shabaab militants.")[0]
    assert ev.actor1 == "Al Shabaab"  # the actor table's canonical name
    ev = events_of(events_stage, "Rebel fighters ambushed and killed three soldiers near the bridge.")[0]
    assert ev.actor2 is not None and ev.actor2.startswith("Military Forces")
