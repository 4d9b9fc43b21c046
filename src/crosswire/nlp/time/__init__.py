"""Time in one report: time expressions normalised against the report's date, and the report dated.

The `times` stage (`stage.py`) finds TIMEX3-style expressions with named regular expressions
(`rules.py`, built from the tables in `lexicon.py`) and normalises each with one function per rule
(`resolve.py`, with named days in `days.py`, periods in `periods.py`, durations in `durations.py`,
expressions built on another day in `anchored.py`); `calendar.py` is the date arithmetic, never the
clock. `event.py` and `report.py` choose the day a report gives its event; `dating.py` dates a report
that carries no date from what its text says (`year_estimate.py`: "13 years of war since 2011").
"""

from .context import split_sentences
from .dating import DatingStage, infer_publication_date
from .event import event_date_for_report, event_date_for_sentence
from .lexicon import spelled_year
from .report import date_report_event, page_stamp
from .stage import TimeStage, find_times
from .year_estimate import year_estimates

__all__ = [
    "DatingStage", "TimeStage", "date_report_event", "event_date_for_report", "event_date_for_sentence",
    "find_times", "infer_publication_date", "page_stamp", "spelled_year", "split_sentences",
    "year_estimates",
]
