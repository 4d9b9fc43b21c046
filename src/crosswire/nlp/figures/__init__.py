"""Counts of people in one report: killed, injured, displaced, detained, released, deployed.

`numbers.py` reads quantities written in digits or words (ranges, "dozens", "at least"); the
`figures` stage (`stage.py`) keeps those that count people, typed from the parse (`typing.py`: the
counted noun and the verb or adjective on it), and adds what a report states without a number
(`victims.py`: "a man was shot dead"; `totals.py`: "a man and a woman were killed"; `headline.py`:
"Teen Shot In Duquesne"). Breakdowns are linked to the totals they add up to.
"""

from .headline import headline_victims
from .numbers import find_quantities, parse_digits, parse_quantity, parse_words
from .stage import FiguresStage, link_breakdowns, sum_mismatch_notes

__all__ = [
    "FiguresStage", "find_quantities", "headline_victims", "link_breakdowns", "parse_digits",
    "parse_quantity", "parse_words", "sum_mismatch_notes",
]
