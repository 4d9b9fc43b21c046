"""Where an event happened: the place an event mention takes from the places stage.

Kept apart from the typing rules in `events.py`: choosing among the resolved places of a sentence
(and of the report) is a geography question, measured by the ACLED task's `loc25_acc`.
"""

from __future__ import annotations

from ..model import Article


def place_for(article: Article, start: int, end: int) -> int | None:
    """Index of the most specific resolved place in [start, end), else the report's main place."""
    def rank(i: int) -> tuple[int, int]:
        p = article.places[i]
        code = p.feature_code or ""
        level = 0 if code.startswith("P") or code.endswith(("ADM2", "ADM3")) else 1 if "ADM1" in code else 2
        return level, p.start
    inside = [i for i, p in enumerate(article.places) if start <= p.start < end and p.lat is not None]
    if inside:
        return min(inside, key=rank)
    resolved = [i for i, p in enumerate(article.places) if p.lat is not None]
    return min(resolved, key=rank) if resolved else None
