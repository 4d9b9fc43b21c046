"""Reconciliation across stored reports: one picture from many.

- `claims`: statements grouped by subject and relation (an organisation's origin or affiliation, a
  place's control, a report's own date), each with its span and who said it;
- `contradictions`: contradictions told apart from updates, each flag citing both sides and why;
- `framing`: the words each outlet uses for each side of a conflict, own voice vs quoted;
- `index`: all three kept up to date as reports are added (`ClaimIndex`);
- `reports`: `ReportView`, what reconciliation reads of one stored report.
"""

from .claims import Statement, report_statements
from .contradictions import flags_for_group
from .framing import SIDE_WORDS, FramingWord, framing_rows, framing_words
from .index import ClaimIndex, build_index
from .reports import ReportView, report_views

__all__ = ["SIDE_WORDS", "ClaimIndex", "FramingWord", "ReportView", "Statement", "build_index",
           "flags_for_group", "framing_rows", "framing_words", "report_statements", "report_views"]
