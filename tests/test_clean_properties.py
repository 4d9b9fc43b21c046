"""Property tests: whatever the text, cleaning keeps an exact map from cleaned to raw characters."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.clean import clean_text
from crosswire.clean.normalise import normalised_char

# Text built from pieces that exercise every cleaning step: words, odd spaces, quotes, line breaks,
# invisible characters, boilerplate lines and repeated lines.
PIECES = st.sampled_from([
    "word", "Hama", " ", "  ", "\t", "\u00a0", "\n", "\n\n\n", "\r\n", "\r", "\u2028", "\u201c", "\u201d",
    "\u2019", "'", '"', "\u200b", "\ufeff", "\xad", "\x07", "-", "\u2013", ".", "Read more\n", "RELATED:\n",
    "Via Someone\n", "X/ @handle\n", "Loading\u2026",
    "A fairly long sentence about the river and the bridge that keeps appearing in reports. ",
    "Officials said the road would reopen next week after repairs to the damaged section.\n",
])
TEXTS = st.one_of(st.text(max_size=300), st.lists(PIECES, max_size=60).map("".join))


@given(TEXTS)
@settings(max_examples=300, deadline=None)
def test_every_cleaned_char_maps_to_its_raw_char(raw: str) -> None:
    result = clean_text(raw)
    assert len(result.offsets) == len(result.text)
    assert all(0 <= o < len(raw) for o in result.offsets)
    assert all(a < b for a, b in zip(result.offsets, result.offsets[1:], strict=False))
    for char, offset in zip(result.text, result.offsets, strict=True):
        assert char == normalised_char(raw[offset])


@given(TEXTS)
@settings(max_examples=150, deadline=None)
def test_notes_span_the_cleaned_text(raw: str) -> None:
    result = clean_text(raw)
    for note in result.notes:
        assert note.start is not None and note.end is not None
        assert 0 <= note.start <= note.end <= len(result.text)


@given(st.lists(st.sampled_from([
    "The council met on Monday to discuss the repairs to the harbour wall and the cost of the work.",
    "Fishermen said the storm had damaged more than forty boats along the northern part of the coast.",
    "A spokesperson for the port said the ferries would run again once the wall had been checked.",
]), min_size=2, max_size=5, unique=True))
def test_a_body_printed_twice_is_kept_once(paragraphs: list[str]) -> None:
    body = "\n\n".join(paragraphs)
    result = clean_text(f"{body}\n\n{body}")
    assert result.text == body
    assert [n.code for n in result.notes] == ["repeat.removed"]


@given(TEXTS)
@settings(max_examples=100, deadline=None)
def test_cleaning_is_stable(raw: str) -> None:
    once = clean_text(raw).text
    assert clean_text(once).text == once
