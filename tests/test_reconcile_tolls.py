"""A report's lead toll, and toll disagreements told apart as contradictions or running updates."""

from __future__ import annotations

from crosswire.reconcile import Statement
from crosswire.reconcile.tolls import report_toll, toll_flags


def fig(text: str, written: str, value: int, kind: str = "killed", part_of: int | None = None) -> dict:
    start = text.index(written)
    return {"start": start, "end": start + len(written), "text": written, "value": value, "kind": kind,
            "part_of": part_of}


def test_the_lead_toll_skips_running_totals_and_parts() -> None:
    text = ("Since the uprising began, 900 people have been killed in the province. "
            "A market strike killed 14 people, including 3 children, on Friday. Later 20 were reported dead.")
    figures = [fig(text, "900", 900), fig(text, "14", 14), fig(text, "3", 3, part_of=1), fig(text, "20", 20)]
    assert report_toll(text, figures)["value"] == 14


def test_no_killed_figure_gives_no_toll() -> None:
    text = "Forty people were injured."
    assert report_toll(text, [fig(text, "Forty", 40, kind="injured")]) is None


def toll(rid: str, value: int, published: str) -> Statement:
    return Statement(subject="strike", relation="toll", value=str(value), article_id=rid, start=0, end=2,
                     text=str(value), outlet=rid, published=published)


def test_two_tolls_the_same_day_contradict() -> None:
    (flag,) = toll_flags([toll("a", 14, "2031-01-03T09:00:00"), toll("b", 19, "2031-01-03T11:00:00")])
    assert flag["kind"] == "contradiction" and flag["values"] == ["14", "19"]


def test_a_larger_toll_a_day_later_is_an_update() -> None:
    (flag,) = toll_flags([toll("b", 31, "2031-01-05T10:00:00"), toll("a", 14, "2031-01-03T09:00:00")])
    assert flag["kind"] == "update" and "grew" in flag["reason"]


def test_a_smaller_toll_later_is_a_contradiction() -> None:
    (flag,) = toll_flags([toll("a", 31, "2031-01-03T09:00:00"), toll("b", 14, "2031-01-06T09:00:00")])
    assert flag["kind"] == "contradiction"


def test_equal_tolls_raise_nothing() -> None:
    assert toll_flags([toll("a", 14, "2031-01-03"), toll("b", 14, "2031-01-04")]) == []
