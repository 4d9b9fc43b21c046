"""One person killed or hurt told without a number, and a killer who then killed himself."""

import pytest

from crosswire.model import Article, Sentence
from crosswire.nlp.figures import FiguresStage

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def stage():
    from crosswire.resources import Resources

    return FiguresStage(Resources())


def top_level(stage, text):
    """(kind, value) of the figures that are not parts of another."""
    article = Article(raw_text=text, text=text, sentences=[Sentence(0, len(text))])
    return [(f.kind, f.value) for f in stage(article).figures if f.part_of is None]


@pytest.mark.parametrize(("text", "expected"), [
    ("A 9-year-old was shot in the arm on Tuesday evening.", [("injured", 1)]),
    ("A teenager was shot near the park, police said.", [("injured", 1)]),
    ("The clerk died at the hospital later that night.", [("killed", 1)]),
    ("His grandmother passed away on Friday.", [("killed", 1)]),
    ("A pedestrian was fatally wounded outside the store.", [("killed", 1)]),
    ("The toddler accidentally shot himself in the foot.", [("injured", 1)]),
    ("Police charged the uncle in the shooting death of his nephew.", [("killed", 1)]),
    ("A woman suffered minor injuries in the crash.", [("injured", 1)]),
    ("A man and a woman were killed at the intersection.", [("killed", 2)]),
])
def test_one_person_told_without_a_number(stage, text, expected):
    assert top_level(stage, text) == expected


@pytest.mark.parametrize("text", [
    "The driver was not hurt.",
    "No one was injured in the exchange.",
    "He threatened to kill the cashier.",
    "A man shot at officers and ran away.",
])
def test_nobody_hurt_states_nothing(stage, text):
    assert top_level(stage, text) == []


def test_the_one_who_acted_is_not_the_victim(stage):
    assert top_level(stage, "A neighbor shot the intruder twice.") == [("injured", 1)]
    assert top_level(stage, "The landlord killed his tenant on Monday.") == [("killed", 1)]


def test_shot_and_later_died_is_one_death_not_an_injury(stage):
    text = "A jogger was shot on Main Street. The jogger died at the hospital."
    assert sorted(top_level(stage, text)) == [("killed", 1), ("other", 1)]


@pytest.mark.parametrize(("text", "dead"), [
    ("The gunman killed three people and wounded two others before killing himself.", 4),
    ("A father fatally shot his son and then killed himself.", 2),
])
def test_killer_who_killed_himself_adds_one_death(stage, text, dead):
    assert max(v for k, v in top_level(stage, text) if k == "killed") == dead


def test_count_that_already_includes_the_killer_is_kept(stage):
    text = "Five people are dead, including the gunman, who killed himself."
    assert max(v for k, v in top_level(stage, text) if k == "killed") == 5


def test_people_joined_by_and_are_summed(stage):
    assert top_level(stage, "Police say he shot and killed his wife and four daughters.") == [("killed", 5)]


def test_a_member_without_a_number_leaves_the_sum_unstated(stage):
    assert top_level(stage, "Police say he killed his wife and children.") == [("killed", 1)]


def test_a_repeated_headline_is_not_a_list(stage):
    text = "Two dead, three others wounded after fight\n\nTwo dead, three others wounded after fight"
    assert max(v for k, v in top_level(stage, text) if k == "injured") == 3


@pytest.mark.parametrize(("text", "expected"), [
    ("Two injured, gunman dead after standoff at the mall", [("injured", 2)]),
    ("3 fatally shot in apartment complex", [("killed", 3)]),
    ("Five wounded soldiers died in the hospital overnight.", [("killed", 5)]),
])
def test_headline_and_later_death_kinds(stage, text, expected):
    assert [f for f in top_level(stage, text) if f[0] in ("killed", "injured")] == expected


@pytest.mark.parametrize("text", [
    "The explosion could have killed dozens of workers.",
    "Officials said there would have been twenty people dead without the alarm.",
])
def test_what_did_not_happen_is_no_toll(stage, text):
    assert [k for k, _ in top_level(stage, text) if k in ("killed", "injured")] == []


def test_one_of_the_wounded_who_died_is_a_death(stage):
    text = "One of the four people wounded in the attack has died, police said."
    assert sorted(top_level(stage, text)) == [("injured", 4), ("killed", 1)]


@pytest.mark.parametrize("text", [
    "Students marched through the capital over the killing of a local activist.",
    "Fighting broke out in the wake of the murder of a farmer the week before.",
])
def test_a_death_told_as_the_cause_is_not_this_events_toll(stage, text):
    assert [k for k, _ in top_level(stage, text) if k == "killed"] == []


def test_the_agent_of_a_passive_is_not_the_victim(stage):
    text = "Two brothers were shot to death by three masked men."
    assert [(k, v) for k, v in top_level(stage, text) if k == "killed"] == [("killed", 2)]


def test_a_numeric_breakdown_after_a_total_is_not_added_to_it(stage):
    text = "The clashes left 9 villagers killed, 6 from one clan and 3 from the other."
    assert max(v for k, v in top_level(stage, text) if k == "killed") == 9


def test_a_threat_to_kill_oneself_is_no_death(stage):
    assert top_level(stage, "He told his sister he wanted to kill himself.") == []


def test_the_killer_alone_is_one_death(stage):
    text = "A man wounded his neighbour and her son before killing himself."
    assert sorted(top_level(stage, text)) == [("injured", 2), ("killed", 1)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Two other people were shot and wounded.", [("injured", 2)]),
    ("Her cousin Lena Park, 15, suffered a grazing wound to her hand.", [("injured", 1)]),
    ("Image 3 of 7: Four people were shot and wounded outside the club.", [("injured", 4)]),
])
def test_wounds_ages_and_gallery_counters(stage, text, expected):
    assert [f for f in top_level(stage, text) if f[0] in ("killed", "injured")] == expected
