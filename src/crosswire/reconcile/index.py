"""Claims, contradictions and framing kept up to date as reports are added.

`ClaimIndex` holds each report's statements and framing words, grouped by (subject, relation) and by
outlet. Adding a report recomputes only the groups it touches; re-adding a report replaces what it
said before. Every group is kept in a canonical order, so adding reports one at a time gives the same
flags and tables as adding them all at once, in any order.
"""

from __future__ import annotations

from typing import Any

from .claims import Statement, report_statements
from .contradictions import flags_for_group
from .framing import FramingWord, framing_rows, framing_words
from .reports import ReportView


class ClaimIndex:
    def __init__(self) -> None:
        self._statements: dict[str, list[Statement]] = {}  # by report id
        self._words: dict[str, list[FramingWord]] = {}
        self._groups: dict[tuple[str, str], list[Statement]] = {}
        self._flags: dict[tuple[str, str], list[dict[str, Any]]] = {}

    def add(self, report: ReportView) -> set[tuple[str, str]]:
        """Add (or replace) one report; returns the (subject, relation) groups whose flags were recomputed."""
        old = self._statements.pop(report.id, [])
        new = report_statements(report)
        self._statements[report.id] = new
        self._words[report.id] = framing_words(report)
        touched = {s.key for s in old} | {s.key for s in new}
        for key in touched:
            members = [s for s in self._groups.get(key, []) if s.article_id != report.id]
            members += [s for s in new if s.key == key]
            members.sort(key=_canonical)
            if members:
                self._groups[key] = members
            else:
                self._groups.pop(key, None)
            flags = flags_for_group(members) if members else []
            if flags:
                self._flags[key] = flags
            else:
                self._flags.pop(key, None)
        return touched

    def statements(self) -> list[Statement]:
        return [s for key in sorted(self._groups) for s in self._groups[key]]

    def flags(self) -> list[dict[str, Any]]:
        return [f for key in sorted(self._flags) for f in self._flags[key]]

    def framing(self) -> list[dict[str, Any]]:
        return framing_rows([w for rid in sorted(self._words) for w in self._words[rid]])


def _canonical(s: Statement) -> tuple[str, int, int, str, str]:
    return (s.article_id, s.start, s.end, s.value, s.text)


def build_index(reports: list[ReportView]) -> ClaimIndex:
    index = ClaimIndex()
    for report in reports:
        index.add(report)
    return index
