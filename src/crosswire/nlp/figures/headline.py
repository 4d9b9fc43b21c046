"""One victim told in a headline: 'Teen Shot In Duquesne', '11-Year-Old Shot, Killed In Hendersonville'.

Headlines drop articles and auxiliaries and are often in title case, which the parser reads as a string of
proper nouns, so the parse-based rules (`victims`) miss them. A headline is the report's first line
when it is short and stands alone; its subject is a singular word for a person, maybe with an age or one or
two words before it ('Bronx teen', '9-Year-Old Boy'), followed by what happened to that person.
"""

from __future__ import annotations

import re

from ...model import Figure
from .typing import PEOPLE_NOUNS, SHOT

HEADLINE_MAX = 200  # characters: a longer first line is a paragraph, not a headline
# Collective or plural words in PEOPLE_NOUNS: they do not name one person.
NOT_ONE = {"people", "men", "police", "policemen", "others", "other", "staff", "personnel", "family", "troop",
           "militia", "element", "casualty", "fatality", "death", "dead", "wounded", "injured", "killed", "life",
           "displaced", "asylum", "local", "national", "body"}
KILLED_WORDS = {"killed", "slain", "dies", "died", "dead", "murdered"}
INJURED_WORDS = {"wounded", "injured", "hurt"}
HEADLINE_VICTIM = re.compile(
    r"(?:(?:a|an|the)\s+)?(?P<subject>(?:[\w'.-]+\s+){0,2}?(?:\d+|[a-z]+)[- ]year[- ]old(?:\s+[a-z]+)?"
    r"|(?:[\w'.-]+\s+){0,2}?[a-z]+)(?:,\s*\d+,)?\s+"
    r"(?:(?:is|was|has\s+been|gets|got)\s+)?(?P<adverbs>(?:(?:fatally|mortally|accidentally|critically|"
    r"seriously|reportedly)\s+)*)(?P<what>shot|killed|slain|dies|died|dead|murdered|wounded|injured|hurt)"
    r"(?P<then>(?:,|\s+and)\s+killed)?\b",
    re.IGNORECASE)


def headline_victims(text: str) -> list[Figure]:
    """A figure of 1 for each person a headline says was killed, hurt or shot, in each of its clauses
    ('Man killed, boy injured in drive-by'); none when the first line is no headline."""
    first = text.split("\n", 1)[0]
    if "\n" not in text or len(first) > HEADLINE_MAX:
        return []
    starts = [0] + [m.end() for m in re.finditer(r"[,;]\s+", first)]
    figures = [f for start in starts if (f := _clause_victim(first, start)) is not None]
    return [f for i, f in enumerate(figures) if all(f.start >= g.end for g in figures[:i])]


def _clause_victim(line: str, start: int) -> Figure | None:
    m = HEADLINE_VICTIM.match(line, start)
    if m is None or not _names_one_person(m.group("subject")):
        return None
    what = m.group("what").lower()
    fatal = re.search(r"fatally|mortally", m.group("adverbs"), re.IGNORECASE) is not None
    if what in KILLED_WORDS or m.group("then") or fatal:
        kind = "killed"
    elif what in INJURED_WORDS:
        kind = "injured"
    else:
        kind = SHOT
    begin, end = m.span("subject")
    return Figure(start=begin, end=end, text=line[begin:end], value=1, low=1, high=1, kind=kind)


def _names_one_person(subject: str) -> bool:
    """'Teen', 'Bronx teen', '9-Year-Old Boy', '11-year-old': the last word is one person."""
    last = subject.split()[-1].lower()
    if re.fullmatch(r"(?:\d+|[a-z]+)-year-old|old", last) or re.search(r"year[- ]old$", subject, re.IGNORECASE):
        return True
    return last in PEOPLE_NOUNS and last not in NOT_ONE
