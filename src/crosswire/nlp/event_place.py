"""Where an event happened: the place an event mention takes from the places stage.

Kept apart from the typing rules in `events.py`: choosing among the resolved places of a sentence
(and of the report) is a geography question, measured by the ACLED task's `loc25_acc`.
"""

from __future__ import annotations

import re

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


# "the Britain-based monitor", "a London-headquartered charity", "an NGO based in Britain": the place
# is where an organisation sits, said to describe it, never where the event of the sentence happened.
_HOME_AFTER = re.compile(r"\s*-\s*(?:based|headquartered)\b", re.IGNORECASE)
_ORGANISATION_NOUNS = ("NGO", "group", "monitor", "organi[sz]ation", "observatory", "charity", "agency",
                       "watchdog", "institute", "foundation", "company", "firm", "outlet", "newspaper",
                       "broadcaster", "network", "centre", "center", "body", "office")
_HOME_BEFORE = re.compile(r"\b(?:" + "|".join(_ORGANISATION_NOUNS) + r")s?,?\s+(?:(?:which|that) (?:is|are)\s+)?"
                          r"(?:based|headquartered)\s+in\s+(?:the\s+)?$", re.IGNORECASE)


def is_organisation_home(text: str, place: Place) -> bool:
    """True when the place's name is the first half of an "X-based" / "X-headquartered" modifier, or
    follows "based in" / "headquartered in" after an organisation noun ("an NGO based in X")."""
    return bool(_HOME_AFTER.match(text, place.end) or _HOME_BEFORE.search(text[max(0, place.start - 60):place.start]))


def place_for(article: Article, start: int, end: int) -> int | None:
    """Index of the most specific resolved place in [start, end), else the report's main place.
    An organisation's home ("the Britain-based Observatory") is neither."""
    def rank(i: int) -> tuple[int, int]:
        return place_rank(article.places[i]), article.places[i].start
    usable = [i for i, p in enumerate(article.places)
              if p.lat is not None and not is_organisation_home(article.text, p)]
    inside = [i for i in usable if start <= article.places[i].start < end]
    if inside:
        return min(inside, key=rank)
    resolved = usable
    return min(resolved, key=rank) if resolved else None
