"""One victim told in a title-case headline, which the parse misreads."""

import pytest

from crosswire.nlp.figures import headline_victims


@pytest.mark.parametrize(("text", "kind", "who"), [
    ("Teenager Shot In Riverside Park\n\nPolice are investigating.", "shot", "Teenager"),
    ("Girl, 7, wounded by stray bullet on porch\n\nThe girl is expected to recover.", "injured", "Girl"),
    ("Harbor Town Man Fatally Shot Outside Bar\n\nA man died early Sunday.", "killed", "Harbor Town Man"),
    ("14-Year-Old Shot, Killed Near School\n\nDetails to follow.", "killed", "14-Year-Old"),
    ("Cashier slain during robbery\n\nThe store was closed.", "killed", "Cashier"),
])
def test_one_victim_in_a_headline(text, kind, who):
    assert [(f.kind, f.text, f.value) for f in headline_victims(text)] == [(kind, who, 1)]


@pytest.mark.parametrize("text", [
    "Three men shot near the stadium\n\nPolice said.",       # a number: the numbered rules count it
    "Teens shot at party\n\nPolice said.",                  # plural: how many is not told
    "Man who shot deputy found dead\n\nPolice said.",        # a relative clause: not this man's fate
    "Police: Teen tripped and shot friend\n\nPolice said.",  # a source before the colon
    "A boy was shot in the leg on Monday.",                  # no headline line at all
])
def test_not_one_victim_headline(text):
    assert headline_victims(text) == []


def test_each_clause_of_a_headline_tells_its_victim():
    text = "Clerk killed, customer wounded in store robbery\n\nPolice are looking for two men."
    assert [(f.kind, f.text) for f in headline_victims(text)] == [("killed", "Clerk"), ("injured", "customer")]
