"""Figures reconciled across reports: period figures, grouping, independence, breakdowns, updates."""

from __future__ import annotations

import pytest

from crosswire.reconcile import FigureStatement, independence, period_of, reconcile_figures, wire_credits
from crosswire.reconcile.sources import canonical_source, chain_of


@pytest.mark.parametrize("sentence, start", [
    ("The long war has left more than 300,000 dead since 2009.", "2009"),
    ("Since the siege began, at least 90 people have been killed.", None),
    ("So far 14 deaths have been confirmed in the province.", None),
    ("The uprising has killed 2,000 people in total.", None),
])
def test_period_figures_are_told_by_their_sentence(sentence: str, start: str | None) -> None:
    period, found, reason = period_of(sentence, 2020, None)
    assert period and found == start and reason


def test_a_days_toll_is_not_a_period() -> None:
    assert period_of("Four villagers were killed in the raid on Tuesday.", 2020, "2020-05-05") == (False, None, "")


def test_wire_credits_in_brackets_and_quotes_told_to_a_wire() -> None:
    assert wire_credits("Fighting went on. (Daily Mirror and AFP)") == ["AFP"]
    assert wire_credits("the commander told Reuters on Sunday") == ["Reuters"]
    assert wire_credits("No agency is named here.") == []


def lookup(name: str) -> str | None:
    return {"WMG": "War Monitoring Group", "War Monitoring Group": "War Monitoring Group"}.get(name)


def statement(fid: str, article: str, value: int, outlet: str, source: str | None = None, wires: tuple = (),
              **kw: object) -> FigureStatement:
    chain = chain_of(canonical_source(source, lookup), list(wires), outlet)
    return FigureStatement(id=fid, article_id=article, kind="killed", value=value, outlet=outlet,
                           chain=chain, **kw)  # type: ignore[arg-type]


def test_two_outlets_citing_one_monitor_under_two_names_are_one_source() -> None:
    figures = [
        statement("a.f0", "a", 400, "Paper One", "War Monitoring Group", period=True),
        statement("a.f1", "a", 100, "Paper One", "War Monitoring Group", period=True, group="civilians",
                  part_of="a.f0"),
        statement("a.f2", "a", 300, "Paper One", "War Monitoring Group", period=True, group="rebel fighters",
                  part_of="a.f0"),
        statement("b.f0", "b", 400, "Radio Two", "WMG", wires=("AFP",), period=True, period_start="2021-06-01"),
        statement("b.f1", "b", 100, "Radio Two", "WMG", wires=("AFP",), period=True, group="civilians",
                  part_of="b.f0"),
        statement("b.f2", "b", 20000, "Radio Two", None, wires=("AFP",), period=True, period_start="2011"),
    ]
    groups, group_of = reconcile_figures(figures, {"a": "s1", "b": "s1"}, {})
    total = next(g for g in groups if g["id"] == group_of["a.f0"])
    assert group_of["b.f0"] == total["id"] and group_of["b.f2"] != total["id"]
    assert total["outlet_count"] == 2 and total["independent_count"] == 1
    assert total["independent_sources"] == ["War Monitoring Group"]
    assert ["War Monitoring Group", "AFP", "Radio Two"] in total["chains"]
    assert total["best"] == 400 and not total["disagree"]
    civilians = next(g for g in groups if g["id"] == group_of["a.f1"])
    assert group_of["b.f1"] == civilians["id"] and civilians["total"] == total["id"]
    assert total["parts_sum"] == 400 and len(total["parts"]) == 2


def test_a_later_larger_running_toll_is_an_update() -> None:
    figures = [statement("a.f0", "a", 50, "Paper One", period=True, period_start="2022-01-01",
                         published="2022-01-03T08:00:00"),
               statement("b.f0", "b", 65, "Radio Two", period=True, period_start="2022-01-01",
                         published="2022-01-05T08:00:00")]
    (group,), _ = reconcile_figures(figures, {"a": "s", "b": "s"}, {})
    assert group["updates"] and group["updates"][0]["to_value"] == 65 and not group["disagree"]
    assert (group["low"], group["high"], group["conservative"]) == (50, 65, 50)


def test_one_days_tolls_that_differ_disagree() -> None:
    figures = [statement("a.f0", "a", 7, "Paper One", event_id="ev1"), statement("b.f0", "b", 9, "Radio Two",
                                                                                   event_id="ev1"),
               statement("c.f0", "c", 7, "Daily Three", event_id="ev1")]
    (group,), _ = reconcile_figures(figures, {}, {})
    assert group["best"] == 7 and group["disagree"] and group["outlet_count"] == 3


def test_a_copy_of_a_report_is_not_another_source() -> None:
    found = independence([("a", ("Paper One",)), ("b", ("Radio Two",))], {"b": "a"})
    assert found["outlet_count"] == 2 and found["independent_count"] == 1
