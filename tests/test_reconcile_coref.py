"""Event-mention coreference across reports: same story, same trigger, compatible sentences."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.reconcile.coref import CorefOptions, MentionKeys, corefer, overlap, trigger_key


def mention(mid: str, story: str, report: str, lemma: str, context: str) -> MentionKeys:
    return MentionKeys(mid, story, report, lemma, frozenset(context.split()))


def test_a_verb_and_its_nominalisation_share_a_key() -> None:
    assert trigger_key("shooting") == trigger_key("shoot") == "shoot"
    assert trigger_key("arrests") == "arrest"
    assert trigger_key("bus") == "bus"  # too short to lose an ending


def test_same_trigger_in_two_reports_of_a_story_corefers_when_the_sentences_agree() -> None:
    a = mention("a1", "s", "a", "shoot", "gunman mall tuesday police")
    b = mention("b1", "s", "b", "shooting", "gunman mall police")
    c = mention("c1", "s", "c", "shoot", "hunter forest deer")  # another shooting in the same story
    out = corefer([a, b, c], CorefOptions(min_context=0.3))
    assert out["a1"] == out["b1"] != out["c1"]


def test_mentions_of_different_stories_never_corefer() -> None:
    a = mention("a1", "s1", "a", "quake", "island magnitude")
    b = mention("b1", "s2", "b", "quake", "island magnitude")
    out = corefer([a, b])
    assert out["a1"] != out["b1"]


def test_one_report_retelling_its_event_corefers_without_the_context_test() -> None:
    a = mention("a1", "s", "a", "arrest", "police suspect")
    b = mention("a2", "s", "a", "arrest", "he court")
    assert len(set(corefer([a, b], CorefOptions(min_context=0.9)).values())) == 1


def test_overlap_is_shared_words_over_the_shorter_sentence() -> None:
    assert overlap(frozenset("a b".split()), frozenset("a b c d".split())) == 1.0
    assert overlap(frozenset(), frozenset("a".split())) == 0.0


keys = st.builds(mention, mid=st.sampled_from([f"m{i}" for i in range(8)]), story=st.sampled_from("xy"),
                 report=st.sampled_from("abc"), lemma=st.sampled_from(["attack", "attacks", "flee"]),
                 context=st.sampled_from(["town army", "army", "river boat", ""]))


@settings(max_examples=80, deadline=None)
@given(st.lists(keys, unique_by=lambda m: m.id), st.randoms(use_true_random=False))
def test_the_clusters_do_not_depend_on_input_order(mentions, rnd) -> None:  # noqa: ANN001
    shuffled = list(mentions)
    rnd.shuffle(shuffled)
    assert corefer(mentions, CorefOptions(min_context=0.5)) == corefer(shuffled, CorefOptions(min_context=0.5))
