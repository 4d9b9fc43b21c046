"""Where an event happened: the place an event mention takes from the places stage.

Kept apart from the typing rules in `events.py`: choosing among the resolved places of a sentence
(and of the report) is a geography question, measured by the ACLED task's `loc25_acc`.
"""

from __future__ import annotations

from ..model import Article, Place

# Below this the resolver only found a doubtful typo match ("Kondengui" for "Kompienga"): a place it
# resolved outright in the same sentence, even a province, is the safer point.
DOUBTFUL_CONFIDENCE = 0.5


def place_rank(place: Place) -> int:
    """0 for towns and districts, 1 for provinces, 2 for doubtful typo matches, 3 for countries and the rest."""
    code = place.feature_code or ""
    if place.confidence < DOUBTFUL_CONFIDENCE:
        return 2
    if code.startswith("P") or code.endswith(("ADM2", "ADM3")):
        return 0
    return 1 if "ADM1" in code else 3


def place_for(article: Article, start: int, end: int) -> int | None:
    """Index of the most specific resolved place in [start, end), else the report's main place."""
    def rank(i: int) -> tuple[int, int]:
        return place_rank(article.places[i]), article.places[i].start
    inside = [i for i, p in enumerate(article.places) if start <= p.start < end and p.lat is not None]
    if inside:
        return min(inside, key=rank)
    resolved = [i for i, p in enumerate(article.places) if p.lat is not None]
    return min(resolved, key=rank) if resolved else None
