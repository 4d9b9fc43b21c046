"""Weak triggers typed in their eventful sense only ('fired machine guns at the area', 'took them hostage',
'a human head was found'), and left alone in their other senses. Sentences written for these tests."""

import pytest
from tests.event_sentences import events_of, first_event

from crosswire.model import Article, Sentence
from crosswire.nlp import article_doc
from crosswire.nlp.events import find_triggers, rule_weak

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "event_type", "sub"), [
    # heavy weapons, or machine guns, fired at an area: a shelling in ACLED's coding
    ("Government troops reportedly fired machine guns, assumedly heavy, at several districts of the old town.",
     "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Rebel units fired 14.5mm and 12.7mm machine guns, with sniper rifles, at scattered areas of the valley.",
     "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Allied forces fired heavy and medium weapons at outlying areas of the port city.",
     "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Coalition forces fired machine guns at scattered areas of the coastal district overnight.",
     "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("The militia fired recoilless rifles at farming areas east of the town.",
     "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    # hostages taken or held
    ("Insurgents took 30 villagers hostage and accused them of helping the army.",
     "Violence against civilians", "Abduction/forced disappearance"),
    ("Gunmen held the bus passengers hostage for two days.", "Violence against civilians",
     "Abduction/forced disappearance"),
    ("Eight farm workers were held hostage by armed men near the river.", "Violence against civilians",
     "Abduction/forced disappearance"),
    ("The kidnappers took two engineers as hostages near the oil field.", "Violence against civilians",
     "Abduction/forced disappearance"),
    # remains found
    ("Two human heads were found next to a threatening note in the square.", "Violence against civilians", "Attack"),
    ("A severed head was discovered near the bridge at dawn.", "Violence against civilians", "Attack"),
    # forced disappearance
    ("Security agents forcibly disappeared a fruit seller in the main street.", "Violence against civilians",
     "Abduction/forced disappearance"),
    ("A blogger was forcibly disappeared by the intelligence service last week.", "Violence against civilians",
     "Abduction/forced disappearance"),
    # brawls and fighting
    ("A physical fight broke out between deputies of the ruling bloc and the opposition during the session.",
     "Riots", "Mob violence"),
    ("A fight broke out between two groups of fans after the match.", "Riots", "Mob violence"),
    ("Fighting broke out between the army and the rebels in the hills.", "Battles", "Armed clash"),
    # harm by an armed doer, typed by the victims
    ("A shepherd was wounded by a sniper near the border post.", "Violence against civilians", "Attack"),
    ("A militia member was wounded by an insurgent sniper in the village.", "Battles", "Armed clash"),
])
def test_weak_trigger_in_its_event_sense(events_stage, text, event_type, sub):
    ev = first_event(events_stage, text)
    assert (ev.event_type, ev.sub_event_type) == (event_type, sub)


@pytest.mark.parametrize("text", [
    "The club fired its coach after the third defeat in a row.",
    "A fire broke out in a textile warehouse in the capital.",
    "The hostage negotiations went on late into the night.",
    "The head of the council was found guilty of fraud.",
    "The family said their son disappeared last month.",
    "Border guards fired warning shots in the air near the crossing.",
])
def test_weak_trigger_in_another_sense_tells_no_event(events_stage, text):
    assert events_of(events_stage, text) == []


@pytest.mark.parametrize("text", [
    "The regulatory body was found to have ignored the warnings.",
    "A governing body was found in breach of the rules.",
    "The minister fired two advisers on Friday.",
    "A woman was injured by a falling tree in the storm.",
])
def test_rule_weak_passes_over_non_event_senses(events_stage, text):
    article = Article(raw_text=text, text=text, sentences=[Sentence(0, len(text))])
    sent = next(iter(article_doc(article, events_stage.resources).sents))
    triggers = find_triggers(sent, events_stage.lexicon)
    assert rule_weak(sent, triggers, [t for t in triggers if not t.entry.weak]) is None
