"""Long reports parsed in pieces: the joined Doc has the report's exact text and offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.nlp import parse, split_pieces


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n!?"), max_size=400), st.integers(min_value=4, max_value=60))
def test_pieces_join_back_and_respect_the_limit(text: str, limit: int) -> None:
    pieces = split_pieces(text, limit)
    assert "".join(pieces) == text
    assert all(len(p) <= limit for p in pieces)
    assert all(p for p in pieces[:-1])


def test_pieces_end_at_paragraphs_when_they_can() -> None:
    text = ("One short paragraph here.\n\n" * 10) + "x" * 5
    assert all(p.endswith("\n\n") for p in split_pieces(text, 60)[:-1])


def test_a_report_over_the_model_limit_is_parsed(events_stage) -> None:
    nlp = events_stage.resources.nlp
    para = "Rebel fighters entered Hama on Thursday, a monitoring group said. "
    text = (para * 40 + "\n\n") * 3
    doc = parse(nlp, text, limit=2000)
    assert doc.text == text
    assert any(e.text == "Hama" and text[e.start_char:e.end_char] == "Hama" for e in doc.ents)
    assert len(list(doc.sents)) >= 120
