"""One incident's killed and injured counts from the counts its reports state.

Reports of one incident disagree for two reasons. Some are simply wrong or partial, and the count most
reports give wins (ties go to the smaller, ACLED's conservative reading). Others are *earlier*: a report
written before a wounded victim died states one injured and no deaths, a later one one killed. That is an
update, not a contradiction, so once the death toll is settled, the injured count of a report stating fewer
deaths than the toll is set aside: it counts people some of whom have since died.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class StatedCounts:
    """What one report says: its killed and injured totals, None where it states none."""

    killed: int | None
    injured: int | None


def consensus(values: Iterable[int | None]) -> int:
    """The value most reports state (ties to the smaller); 0 when none states one."""
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return 0
    best = max(counts.values())
    return min(v for v, c in counts.items() if c == best)


def incident_counts(reports: list[StatedCounts]) -> tuple[int, int]:
    """(killed, injured) for one incident; reports written before some of its deaths don't vote on injured."""
    killed = consensus(r.killed for r in reports)
    current = [r for r in reports if (r.killed or 0) >= killed]
    return killed, consensus(r.injured for r in current)
