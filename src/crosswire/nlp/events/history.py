"""Events a report tells as history: background, not news.

A long report explains its story with the past ('the 1982 massacre in the city', 'the group started life
in 2011', 'a truce brokered in 2020'). Such an event is still told, so it is kept, but with the modality
"historical": it is dated years before the report, and it must not take the report's current place or day.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ...model import Article

if TYPE_CHECKING:
    from spacy.tokens import Token

# How far before the report an event's date must lie to be history rather than recent news.
HISTORY_DAYS = 365
HISTORY_YEARS = 2  # a year-precision date ('in 2023') counts only when it is this many years back


def told_as_history(article: Article, value: str | None, precision: str | None) -> bool:
    """True when the event's own date (`value`, not the publication date standing in for it) lies a year
    or more before the report: before its publication, else before the latest day the report names."""
    if not value or precision == "published" or not value[:4].isdigit():
        return False
    reference = _report_day(article)
    if reference is None:
        return False
    if reference.year - int(value[:4]) >= HISTORY_YEARS:
        return True
    day = _as_day(value)
    return day is not None and precision in ("day", "month") and (reference - day).days > HISTORY_DAYS


def _report_day(article: Article) -> date | None:
    """The day the report speaks from: its publication, else the latest full date it names."""
    if article.published is not None:
        return article.published.date()
    days = [d for t in article.times if t.type == "DATE" and t.precision == "day" and (d := _as_day(t.value))]
    return max(days) if days else None


def _as_day(value: str | None) -> date | None:
    """'2020-05-09' as a date; '2020-05' as its first day; anything else None."""
    parts = (value or "").split("-")
    if len(parts) < 2 or not all(p.isdigit() for p in parts[:3]):
        return None
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]) if len(parts) > 2 else 1)
    except ValueError:
        return None


# Adverbs that put a verb in the report's present ('the group, which is now fighting for the city').
NOW_WORDS = {"now", "currently", "presently", "today"}


def told_as_now(head: Token) -> bool:
    """True when the trigger's verb, the verb it hangs from, or a clause describing the trigger noun is said
    to happen now: a date elsewhere in the sentence ('founded in 2011, the group is now fighting ...') is not
    the event's."""
    chain = [head, *list(head.ancestors)[:2]]
    clauses = [c for c in head.children if c.dep_ in ("relcl", "acl")]  # 'the offensive that is now ...'
    chain += clauses + [c for t in clauses for c in t.children if c.dep_ == "conj"]
    return any(c.dep_ == "advmod" and c.lower_ in NOW_WORDS for t in chain for c in t.children)
