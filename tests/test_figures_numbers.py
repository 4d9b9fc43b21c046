"""Numbers in digits and words, vague quantities, ranges and qualifiers."""

import pytest

from crosswire.nlp.figures import find_quantities, parse_digits, parse_quantity, parse_words


@pytest.mark.parametrize(("text", "value", "low", "high", "qualifier"), [
    ("727", 727, 727, 727, None),
    ("2.500", 2500, 2500, 2500, None),
    ("2,500", 2500, 2500, 2500, None),
    ("115,000", 115000, 115000, 115000, None),
    ("1.5 million", 1500000, 1500000, 1500000, None),
    ("half a million", 500000, 500000, 500000, None),
    ("a dozen", 12, 12, 12, None),
    ("dozens of", 12, 12, 99, "dozens"),
    ("scores of", 20, 20, 99, "scores"),
    ("hundreds of", 100, 100, 999, "hundreds"),
    ("thousands of", 1000, 1000, 9999, "thousands"),
    ("tens of thousands of", 10000, 10000, 99999, "tens of thousands"),
    ("several", 3, 3, 9, "several"),
    ("a few", 3, 2, 5, "a few"),
    ("twenty-five", 25, 25, 25, None),
    ("two hundred and ten", 210, 210, 210, None),
    ("10 to 15", 10, 10, 15, "range"),
    ("between 20 and 30", 20, 20, 30, "range"),
    ("three or four", 3, 3, 4, "range"),
    ("at least 20", 20, 20, None, "at least"),
    ("more than 1,000", 1000, 1000, None, "more than"),
    ("up to 40", 40, 0, 40, "up to"),
    ("about 2.500", 2500, 2250, 2750, "about"),
])
def test_parse_quantity_table(text, value, low, high, qualifier):
    q = parse_quantity(text)
    assert q is not None, text
    assert (q.value, q.low, q.high, q.qualifier) == (value, low, high, qualifier)


def test_decimal_with_scale_is_not_a_thousands_separator():
    assert parse_digits("2.5 million") == 2_500_000
    assert parse_digits("2.500") == 2500


def test_words_reject_non_numbers():
    assert parse_words("a") is None
    assert parse_words("twelve") == 12
    assert parse_words("three thousand") == 3000


def test_find_quantities_spans_point_into_text():
    text = "Officials said 12 soldiers and dozens of civilians died; some 200 fled."
    found = find_quantities(text)
    assert [text[q.start:q.end] for q in found] == ["12", "dozens of", "some 200"]
    assert [q.value for q in found] == [12, 12, 200]


def test_words_joined_by_and_are_two_numbers():
    assert [q.value for q in find_quantities("twenty and thirty")] == [20, 30]


def test_no_quantity_in_plain_words():
    assert find_quantities("The army entered the town at dawn.") == []
