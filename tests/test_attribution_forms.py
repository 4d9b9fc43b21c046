"""Who says what: according to, speech verbs, quotes, nested sources, pronoun speakers."""

import pytest

from crosswire.model import Article, Claim
from crosswire.nlp.claims import AttributionStage, source_for_span

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def stage():
    from crosswire.resources import Resources

    return AttributionStage(Resources())


def claims_of(stage, text):
    return stage(Article(raw_text=text, text=text)).claims


@pytest.mark.parametrize(("text", "source", "voice", "cue"), [
    ("At least 9 villagers died, according to the regional governor.", "regional governor", "reported", "according to"),
    ("According to aid workers, the road was cut.", "aid workers", "reported", "according to"),
    ("The defence ministry denied that its jets had struck the market.", "defence ministry", "reported", "deny"),
    ("“We will hold the bridge,” the colonel told reporters.", "colonel", "quote", "tell"),
    ("Rebels reached the outskirts on Monday, the army said.", "army", "reported", "say"),
    ("Maria Lopez, a spokeswoman for the mayor, said that schools would reopen.", "Maria Lopez", "reported", "say"),
    ("The agency, citing a hospital source, said 14 people were hurt.", "a hospital source via agency", "reported", "say"),
])
def test_attribution_forms(stage, text, source, voice, cue):
    claims = claims_of(stage, text)
    assert [(c.source, c.voice, c.cue) for c in claims] == [(source, voice, cue)]
    assert all(text[c.start:c.end] == c.text for c in claims)


def test_pronoun_speaker_resolves_to_previous_subject(stage):
    claims = claims_of(stage, "The envoy arrived in the capital. He said the talks had stalled.")
    assert [(c.source, c.voice) for c in claims] == [(None, "outlet"), ("envoy", "reported")]


def test_unattributed_sentence_is_the_outlets_own_claim(stage):
    text = "Rebels entered the city at dawn."
    claims = claims_of(stage, text)
    assert [(c.start, c.end, c.source, c.voice, c.cue) for c in claims] == [(0, len(text), None, "outlet", None)]
    article = Article(raw_text=text, text=text, claims=claims)
    assert source_for_span(article, 0, 6) is None


def test_every_sentence_is_covered_by_one_claim(stage):
    text = "Shelling hit the port. The governor said 4 died. Roads stayed shut, according to drivers."
    claims = claims_of(stage, text)
    assert [c.voice for c in claims] == ["outlet", "reported", "reported"]
    assert [c.source for c in claims] == [None, "governor", "drivers"]


def test_source_for_span_picks_tightest_claim():
    text = "x" * 100
    article = Article(raw_text=text, text=text, claims=[
        Claim(0, 100, text, "outer"), Claim(10, 40, text[10:40], "inner")])
    assert source_for_span(article, 12, 20) == "inner"
    assert source_for_span(article, 50, 60) == "outer"
    assert source_for_span(Article(raw_text=text, text=text), 0, 5) is None


def test_speaker_introducing_the_next_sentence(stage):
    text = ("The health ministry said in a statement on Tuesday:\n\n"
            "Fourteen people were killed in the shelling.\n\nThe market reopened later.")
    claims = claims_of(stage, text)
    sources = {c.text: c.source for c in claims}
    assert sources["Fourteen people were killed in the shelling."] == "health ministry"
    assert sources["The market reopened later."] is None
