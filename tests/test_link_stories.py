"""Story clustering and near-duplicate detection on hand-written reports."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.link.dedup import DedupOptions, duplicate_pairs, find_duplicates, shingles, similarity
from crosswire.link.stories import (
    StoryDoc,
    StoryOptions,
    average_link,
    cluster_stories,
    story_id,
    time_factor,
)

# Three stories told by several outlets, in our own words.
DAM = [
    "Floodwater burst through the old river dam overnight, forcing thousands of villagers to flee "
    "their homes as engineers warned the reservoir could empty within hours.",
    "Engineers said the river dam gave way during the night; villagers downstream fled as floodwater "
    "from the reservoir swept across farmland.",
    "Thousands left their villages after the dam on the river collapsed and the reservoir flooded "
    "the valley, local engineers reported.",
]
TRUCE = [
    "Negotiators for both militias signed a ceasefire in the port city, promising to withdraw "
    "fighters from the harbour district by Friday.",
    "The two militias agreed a ceasefire covering the harbour district of the port city; fighters "
    "are to withdraw under the truce signed by negotiators.",
]
VACCINE = [
    "Health officials began a measles vaccination drive in remote clinics, aiming to reach every "
    "child under five before the rainy season.",
    "A measles vaccination campaign for children under five reached remote clinics this week, "
    "health officials said, racing the rainy season.",
]
START = datetime(2024, 12, 1, 9, 0)


def _docs() -> list[StoryDoc]:
    docs = []
    for prefix, texts in (("dam", DAM), ("truce", TRUCE), ("vax", VACCINE)):
        for n, text in enumerate(texts):
            docs.append(StoryDoc(id=f"{prefix}{n}", text=text, published=START + timedelta(hours=n)))
    return docs


def test_reports_of_one_story_cluster_together_and_apart_from_others() -> None:
    stories = cluster_stories(_docs())
    assert len({stories[f"dam{n}"] for n in range(3)}) == 1
    assert stories["truce0"] == stories["truce1"]
    assert stories["vax0"] == stories["vax1"]
    assert len(set(stories.values())) == 3


def test_story_id_is_stable_hash_of_smallest_member() -> None:
    stories = cluster_stories(_docs())
    assert stories["dam0"] == story_id(["dam2", "dam0", "dam1"])
    assert stories["dam0"].startswith("s") and len(stories["dam0"]) == 13


def test_reports_far_apart_in_time_are_damped() -> None:
    options = StoryOptions()
    assert time_factor(START, START + timedelta(days=2), options) == 1.0
    later = time_factor(START, START + timedelta(days=options.same_days + options.decay_days), options)
    assert later == pytest.approx(0.5)
    assert time_factor(None, START, options) == 1.0


def test_shared_entities_can_join_reports_with_little_common_wording() -> None:
    a = StoryDoc("a", "Officials confirmed the arrest after a long search.", entities=["Jane Roe", "Acme Corp"],
                 places=["Springfield"])
    b = StoryDoc("b", "The suspect appeared in court on Monday morning.", entities=["Jane Roe", "Acme Corp"],
                 places=["Springfield"])
    apart = cluster_stories([a, b], StoryOptions(entity_weight=0.0, place_weight=0.0))
    assert apart["a"] != apart["b"]
    joined = cluster_stories([a, b])
    assert joined["a"] == joined["b"]


def test_average_link_does_not_chain_through_one_bridge() -> None:
    # a-b and c-d are tight; b-c is a weak bridge: average link keeps {a,b} and {c,d} apart.
    scores = {("a", "b"): 0.9, ("c", "d"): 0.9, ("b", "c"): 0.35}
    assert average_link(["a", "b", "c", "d"], scores, threshold=0.3) == [["a", "b"], ["c", "d"]]
    assert average_link(["a", "b", "c", "d"], scores, threshold=0.95) == [["a"], ["b"], ["c"], ["d"]]


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(ValueError, match="unique"):
        cluster_stories([StoryDoc("x", "one"), StoryDoc("x", "two")])


def test_empty_and_single_inputs() -> None:
    assert cluster_stories([]) == {}
    only = cluster_stories([StoryDoc("solo", "")])
    assert list(only) == ["solo"]


@settings(max_examples=25, deadline=None)
@given(st.permutations(_docs()))
def test_clustering_does_not_depend_on_input_order(docs: list[StoryDoc]) -> None:
    assert cluster_stories(docs) == cluster_stories(_docs())


# --- near-duplicates -----------------------------------------------------------------------

WIRE = " ".join(DAM + TRUCE + VACCINE)


def test_wire_rerun_with_small_edits_is_a_duplicate() -> None:
    rerun = WIRE.replace("thousands", "hundreds").replace("Friday", "Saturday") + " Reporting by our desk."
    other = " ".join(reversed(VACCINE)) + " Officials added that supplies were short."
    docs = [("orig", WIRE), ("rerun", rerun), ("other", other)]
    assert find_duplicates(docs) == {"rerun": "orig"}


def test_first_copy_is_the_one_kept() -> None:
    docs = [("late", WIRE), ("early", WIRE)]
    assert find_duplicates(docs) == {"early": "late"}  # input order decides, not the id
    assert find_duplicates(list(reversed(docs))) == {"late": "early"}


def test_trimmed_copy_counts_by_containment() -> None:
    trimmed = " ".join(DAM + TRUCE)  # the vaccine paragraph cut
    score = similarity(shingles(WIRE), shingles(trimmed))
    assert score >= 0.8
    assert find_duplicates([("full", WIRE), ("trimmed", trimmed)]) == {"trimmed": "full"}


def test_a_short_quote_inside_a_long_report_is_not_a_duplicate() -> None:
    assert find_duplicates([("long", WIRE), ("quote", TRUCE[0])]) == {}


def test_empty_texts_are_never_duplicates() -> None:
    assert find_duplicates([("a", ""), ("b", "  ")]) == {}


def test_groups_join_transitively_to_the_first_copy() -> None:
    docs = [("a", WIRE), ("b", WIRE + " Update one."), ("c", WIRE + " Update one. Update two.")]
    assert find_duplicates(docs) == {"b": "a", "c": "a"}


@settings(max_examples=20, deadline=None)
@given(st.permutations([("orig", WIRE), ("copy", WIRE + " Extra line here."), ("x", " ".join(VACCINE)),
                        ("y", " ".join(TRUCE))]))
def test_duplicate_pairs_do_not_depend_on_order(docs: list[tuple[str, str]]) -> None:
    pairs = [(a, b) for a, b, _ in duplicate_pairs(docs, DedupOptions())]
    assert pairs == [("copy", "orig")]
