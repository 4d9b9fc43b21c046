"""An incident's killed and injured counts reconciled across its reports: majority, and updates over earlier reports."""

from __future__ import annotations

from crosswire.reconcile.counts import StatedCounts, consensus, incident_counts


def test_consensus_is_the_most_stated_value_ties_to_the_smaller() -> None:
    assert consensus([2, 3, 3, None]) == 3
    assert consensus([2, 3]) == 2
    assert consensus([None, None]) == 0


def test_report_written_before_a_victim_died_does_not_vote_on_injured() -> None:
    # Morning: "boy shot in the head" (1 injured). Later two reports: "boy dies of his wounds" (1 killed, 0 injured).
    reports = [StatedCounts(None, 1), StatedCounts(None, 1), StatedCounts(1, None), StatedCounts(1, 0)]
    assert incident_counts(reports) == (1, 0)


def test_reports_agreeing_on_deaths_all_vote_on_injured() -> None:
    reports = [StatedCounts(1, 2), StatedCounts(1, 3), StatedCounts(1, 3)]
    assert incident_counts(reports) == (1, 3)


def test_no_deaths_keeps_every_injured_statement() -> None:
    reports = [StatedCounts(None, 2), StatedCounts(0, 2), StatedCounts(None, 4)]
    assert incident_counts(reports) == (0, 2)
