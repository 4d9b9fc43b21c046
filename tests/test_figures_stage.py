"""People counts typed from the parse: kinds, groups, breakdowns, what is not a count of people."""

import pytest

from crosswire.model import Article, Figure, Sentence, TimeRef
from crosswire.nlp.claims import AttributionStage
from crosswire.nlp.figures import FiguresStage, link_breakdowns, sum_mismatch_notes

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def stage():
    from crosswire.resources import Resources

    resources = Resources()
    claims, figures = AttributionStage(resources), FiguresStage(resources)
    return lambda article: figures(claims(article))  # the figures stage reads the claims stage's sources


def figures_of(stage, text, times=()):
    article = Article(raw_text=text, text=text, sentences=[Sentence(0, len(text))], times=list(times))
    return stage(article)


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("Officials said 640 people have died since the offensive began.", 640, "killed"),
    ("The raid killed at least 14 in the village.", 14, "killed"),
    ("Nine were wounded in the blast.", 9, "injured"),
    ("Nearly 90,000 residents have been displaced by the floods of fighting.", 90000, "displaced"),
    ("About 3.200 troops were deployed to the border.", 3200, "troops"),
    ("Dozens of families fled the district overnight.", 12, "displaced"),
    ("The death toll rose to 41 on Sunday.", 41, "killed"),
    ("Police arrested 17 demonstrators near the ministry.", 17, "detained"),
    ("Militants freed 6 hostages after talks.", 6, "released"),
])
def test_figure_kinds(stage, text, value, kind):
    figs = figures_of(stage, text).figures
    assert [(f.value, f.kind) for f in figs] == [(value, kind)]


def test_qualifier_and_group(stage):
    fig = figures_of(stage, "At least 30 rebel fighters were killed near the dam.").figures[0]
    assert (fig.qualifier, fig.group, fig.kind) == ("at least", "rebel fighters", "killed")


@pytest.mark.parametrize("text", [
    "The shooting happened at 7 p.m. on the 2300 block of Oak Lane.",
    "Call 555-210-3344 with information.",
    "The town spent $4 million, and 60% of voters approved in 2019.",
    "Gunmen fired 40 rockets at three villages.",
])
def test_not_counts_of_people(stage, text):
    assert figures_of(stage, text).figures == []


def test_age_is_not_a_count_but_the_person_is(stage):
    figs = figures_of(stage, "A 15-year-old boy was hurt.").figures
    assert [(f.value, f.kind) for f in figs] == [(1, "injured")]


def test_breakdown_parts_point_at_total_and_add_up(stage):
    text = "The battle left 90 dead: 20 civilians, 45 rebel fighters and 25 soldiers."
    article = figures_of(stage, text)
    total, *parts = article.figures
    assert total.value == 90 and total.kind == "killed"
    assert [p.part_of for p in parts] == [0, 0, 0]
    assert all(p.kind == "killed" for p in parts)
    assert not [n for n in article.notes if n.code == "figure.sum_mismatch"]


def test_breakdown_mismatch_is_noted(stage):
    text = "The battle left 90 dead: 20 civilians and 45 soldiers."
    article = figures_of(stage, text)
    assert [n.code for n in article.notes] == ["figure.sum_mismatch"]


def test_separate_clause_is_not_a_part(stage):
    text = "Eleven militants including 3 commanders were killed and 4 were wounded."
    figs = figures_of(stage, text).figures
    assert [(f.value, f.kind, f.part_of) for f in figs] == [(11, "killed", None), (3, "killed", 0),
                                                            (4, "injured", None)]


def test_time_and_attribution_from_sentence(stage):
    text = "At least 12 people were killed on Friday, according to the health ministry."
    times = [TimeRef(34, 40, "Friday", "DATE", "2024-12-06", "day")]
    fig = figures_of(stage, text, times).figures[0]
    assert fig.time == "2024-12-06"
    assert fig.attributed_to == "health ministry"


def test_sum_check_on_hand_built_figures():
    text = "10 dead: 4 a, 5 b"
    figs = [Figure(0, 2, "10", 10, kind="killed"), Figure(9, 10, "4", 4), Figure(14, 15, "5", 5)]
    link_breakdowns(figs, text)
    assert [f.part_of for f in figs] == [None, 0, 0]
    assert len(sum_mismatch_notes(figs, text)) == 1


@pytest.mark.parametrize(("text", "expected"), [
    ("Bar Shooting Leaves Man Dead, 3 Injured", [(3, "injured")]),
    ("Police said four men were shot at a car wash.", [(4, "injured")]),
    ("Police: 4 shot, 1 dead at a party", [(4, "other"), (1, "killed")]),
    ("A man was shot dead and 2 were wounded.", [(1, "killed"), (2, "injured")]),
    ("A shooting left one man dead and three others injured.", [(1, "killed"), (3, "injured")]),
])
def test_shot_and_headline_counts(stage, text, expected):
    assert [(f.value, f.kind) for f in figures_of(stage, text).figures] == expected


@pytest.mark.parametrize("text", ["Watch: 10:35 Mayor speaks on budget", "Read more at http://news.example/15366510 today"])
def test_clock_times_and_urls_are_not_counts(stage, text):
    assert figures_of(stage, text).figures == []


def test_dash_aside_inside_a_breakdown(stage):
    text = ("Since the offensive began 300 people have been killed, including 40 civilians. The rest were "
            "150 insurgents, 90 government troops\u201412 of them officers\u2014and 20 allied militiamen, "
            "according to a monitoring group.")
    figs = figures_of(stage, text).figures
    total = next(i for i, f in enumerate(figs) if f.value == 300)
    assert sorted(f.value for f in figs if f.part_of == total) == [20, 40, 90, 150]
    assert all("monitoring group" in (f.attributed_to or "") for f in figs if f.value in (300, 40, 90))


def test_number_in_an_aside_counts_the_part_before_it():
    text = "90 dead: 50 soldiers (8 officers), 40 rebels"
    figs = [Figure(0, 2, "90", 90, kind="killed"), Figure(9, 11, "50", 50), Figure(22, 23, "8", 8),
            Figure(35, 37, "40", 40)]
    link_breakdowns(figs, text)
    assert [f.part_of for f in figs] == [None, 0, 1, 0]
    assert sum_mismatch_notes(figs, text) == []


def test_dash_opens_a_breakdown():
    text = "60 killed \u2014 25 civilians, 35 fighters"
    figs = [Figure(0, 2, "60", 60, kind="killed"), Figure(12, 14, "25", 25), Figure(26, 28, "35", 35)]
    link_breakdowns(figs, text)
    assert [(f.part_of, f.kind) for f in figs] == [(None, "killed"), (0, "killed"), (0, "killed")]


@pytest.mark.parametrize(("text", "expected"), [
    # A headline without commas: the number after the wounding verb counts the wounded.
    ("Rocket fire on the market kills 7 wounds 30", [(7, "killed"), (30, "injured")]),
    # The dead and the hurt told as one count are neither alone.
    ("At least 48 Killed and Injured in Mortar Attacks on the city", [(48, "other")]),
    # A page's share counter is no count of people.
    ("Get short URL 113 At least nine people were killed in the blast.", [(9, "killed")]),
])
def test_headline_and_page_counts(stage, text, expected):
    figs = [f for f in figures_of(stage, text).figures if f.part_of is None]
    assert [(f.value, f.kind) for f in figs] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Gunmen kidnapped 40 executed 6 in the village", [(40, "detained"), (6, "killed")]),
    ("Militants Shell the City Killing 4 Injuring 9", [(4, "killed"), (9, "injured")]),
    ("Two soldiers were killed and seven injured by the blast.", [(2, "killed"), (7, "injured")]),
    ("The bombing left 3 martyrs at the checkpoint.", [(3, "killed")]),
])
def test_the_verb_before_a_number_types_it(stage, text, expected):
    figs = [f for f in figures_of(stage, text).figures if f.part_of is None]
    assert [(f.value, f.kind) for f in figs] == expected
