"""Adding reports one at a time, in any order, gives what adding them all at once gives (property test)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.reconcile import ClaimIndex, ReportView, build_index
from test_reconcile_claims import origin_reports, place_report
from test_reconcile_framing import report as framing_report


def pool() -> list[ReportView]:
    return origin_reports() + [
        place_report("m", "2030-05-04T07:30:00", "metadata", "Armed clash", "failed", "2030-05-04",
                     "An assault on Dalat was repelled, rebels said."),
        place_report("e", "2030-05-04T19:00:00", "metadata", "Non-state actor overtakes territory", "happened",
                     "2030-05-04", "Insurgents entered Dalat as the army withdrew."),
        place_report("l", "2030-05-09", "inferred", "Government regains territory", "happened", "2030-05-09",
                     "Troops retook Dalat from the militants."),
        framing_report(),
    ]


def snapshot(index: ClaimIndex) -> tuple:
    return (index.statements(), index.flags(), index.framing())


@settings(max_examples=60, deadline=None)
@given(st.permutations(range(7)), st.integers(min_value=1, max_value=7))
def test_one_at_a_time_equals_all_at_once(order: list[int], n: int) -> None:
    reports = pool()
    chosen = [reports[i] for i in order[:n]]
    one_by_one = ClaimIndex()
    for r in chosen:
        one_by_one.add(r)
    all_at_once = build_index(sorted(chosen, key=lambda r: r.id))
    assert snapshot(one_by_one) == snapshot(all_at_once)


@settings(max_examples=30, deadline=None)
@given(st.permutations(range(7)))
def test_re_adding_a_report_changes_nothing(order: list[int]) -> None:
    reports = [pool()[i] for i in order]
    index = build_index(reports)
    before = snapshot(index)
    touched = index.add(reports[0])
    assert snapshot(index) == before
    assert all(key[0] for key in touched)


def test_adding_a_report_recomputes_only_the_groups_it_touches() -> None:
    reports = pool()
    index = build_index(reports[:3])
    touched = index.add(reports[3])
    assert touched == {("Dalat (geonames 99)", "control")}
