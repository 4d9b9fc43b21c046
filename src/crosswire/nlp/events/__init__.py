"""Events told in one report, typed in ACLED's taxonomy, with actors, place, date and fatalities.

The `events` stage (`stage.py`) finds trigger words (`triggers.py`, over the lexicon in
`lexicon.py`) and types each eventful sentence with ordered rules (`rules.py`, with `weapons.py`,
`protest.py`, `territory.py`, `sides.py`, `news.py`, `weak.py` deciding their kinds of case); actors
are read from the parse (`actors.py`), checked (`actor_checks.py`) and named ACLED's way
(`actor_names.py`) and, with what the whole report says, `report_actors.py`; `place.py` chooses the event's place among the sentence's resolved places;
`history.py` and `told.py` tell background from news and retold events from new ones; `main.py` marks
the report's main event (the lead's account of what the headline names).
"""

from .actor_names import acled_actor, table_actor
from .history import told_as_history
from .lexicon import load_trigger_lexicon
from .main import headline_end, lead_span, mark_main
from .place import ReportPlaces, disagrees_with_qualifier, event_point, named_parties, place_for, place_rank
from .report_actors import ReportActors, is_generic_side, leading_group, trimmed_to_head
from .stage import EventsStage, main_country
from .triggers import find_triggers
from .weak import rule_weak

__all__ = [
    "EventsStage", "ReportActors", "ReportPlaces", "acled_actor", "disagrees_with_qualifier", "event_point", "find_triggers", "headline_end",
    "is_generic_side", "lead_span", "leading_group", "load_trigger_lexicon", "main_country", "mark_main", "named_parties", "place_for", "place_rank", "rule_weak",
    "table_actor", "told_as_history", "trimmed_to_head",
]
