"""Reconciliation across stored reports: one picture from many.

- `claims`: statements grouped by subject and relation (an organisation's origin or affiliation, a
  place's control, a report's own date), each with its span and who said it;
- `contradictions`: contradictions told apart from updates, each flag citing both sides and why;
- `framing`: the words each outlet uses for each side of a conflict, own voice vs quoted;
- `index`: all three kept up to date as reports are added (`ClaimIndex`);
- `reports`: `ReportView`, what reconciliation reads of one stored report;
- `events`: event mentions merged into events (`EventIndex`, blocking by date and place), with
  `fields` choosing each merged field and keeping every value seen;
- `figures`: figures about the same thing grouped across reports, best / low / high / conservative,
  breakdowns linked to totals, period figures told apart, running tolls that grew as updates;
- `counts`: one incident's killed and injured from what its reports state (the consensus rule);
- `sources`: independence: outlets and original sources behind a statement (wire credits, aliases, copies);
- `records`: `MentionRecord`, `PlaceKey`, `FigureStatement`; `load` builds them from the store;
- `run`: `reconcile_store`, all of it over what the store holds.
"""

from .claims import Statement, report_statements
from .contradictions import flags_for_group
from .events import EventIndex, MergeOptions, compatible, merge_mentions
from .fields import merged_event
from .figures import FigureOptions, period_of, reconcile_figures
from .framing import SIDE_WORDS, FramingWord, framing_rows, framing_words
from .index import ClaimIndex, build_index
from .records import FigureStatement, MentionRecord, PlaceKey
from .reports import ReportView, report_views
from .run import Reconciled, reconcile_store
from .sources import independence, wire_credits

__all__ = ["SIDE_WORDS", "ClaimIndex", "EventIndex", "FigureOptions", "FigureStatement", "FramingWord",
           "MentionRecord", "MergeOptions", "PlaceKey", "Reconciled", "ReportView", "Statement", "build_index",
           "compatible", "flags_for_group", "framing_rows", "framing_words", "independence", "merge_mentions",
           "merged_event", "period_of", "reconcile_figures", "reconcile_store", "report_statements",
           "report_views", "wire_credits"]
