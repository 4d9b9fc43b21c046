"""What the time normalisers know about the document while they walk through it in order.

The DCT, the sentence bounds (for tense), and the narrative focus: the quarter the text last
spoke of ("the year-earlier quarter"), the day it last named ("the next morning"), the year and
month it last named ("that year", "the following month"), and a date given explicitly (8+ days from the DCT), which anchors bare weekdays in its sentence and the next
one within its paragraph ("On March 3, 2019 ... On Tuesday ..." reads Tuesday from March 3, 2019).

Tense comes from markers in the sentence: future modals and plans, past verbs (regular "-ed"
forms in lower case, so names like "United" do not count, and a list of irregular ones), and
intentions told with an infinitive ("agreed to buy ... in February" looks ahead).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

from .calendar import Resolution, quarter_of

FUTURE_MARKERS = re.compile(
    r"\b(?:will|won't|shall|'ll|going\s+to|plans?\s+to|planned\s+to|planning\s+to|(?:is|are|was|were)\s+scheduled"
    r"|is\s+to|are\s+to|expects?\s+to|expected|set\s+to|upcoming|would|intends?\s+to|aims?\s+to"
    r"|planned|planning|scheduled|slated|payable|effective|due\s+(?:to|on|in|by)|supposed\s+to)\b",
    re.IGNORECASE)
# An intention told with an infinitive ("agreed to buy", "a decision to withdraw", "planned to
# meet"): what follows it is after the intention, so a time named after it reads as future. A
# time named before a past-tense intention ("On Friday, they planned to ...") dates the intention.
PROSPECTIVE = re.compile(
    r"\b(?:(?:agreed|decided|promised|pledged|vowed|threatened|voted|offered|planned|intended|prepared|moved)"
    r"|(?:agreement|decision|deal|bid|proposal|promise|pledge|offer|vote|move))\s+to\s+(?!the\b|a\b|an\b)[a-z]+",
    re.IGNORECASE)
PROSPECTIVE_PAST = re.compile(r"\w+ed\b", re.IGNORECASE)
# A verb of saying this close to a time expression is the one it dates ("said on Tuesday").
REPORT_REACH = 28
# Verbs that report speech: their tense is the reporter's, not that of the reported event
# ("he said the talks will end in May"), so they decide only when nothing else in the sentence does.
REPORTING_VERBS = frozenset(
    "said told added noted announced reported stated explained indicated warned insisted claimed "
    "confirmed predicted argued declared".split())
PAST_MARKERS = re.compile(
    r"\b(?:was|were|had|did|said|told|met|began|came|went|took|made|gave|saw|left|fell|rose|won|lost|held|led"
    r"|sent|struck|shot|fought|hit|broke|ran|spoke|wrote|became|bought|sold|paid|agreed|freed|been"
    r"|brought|thought|caught|taught|sought|built|spent|felt|kept|meant|found|stood|chose|drove|rode|stole"
    r"|threw|grew|knew|flew|drew|withdrew|fled|laid|shook|arose|swore|dealt|got|forgot|sank|wept|overtook"
    r"|undertook|overthrew|blew|hid|stuck|bore|tore|woke|froze|ate|forbade|forgave|swept)\b"
    r"|\b(?-i:[a-z]\w{2,}(?<!e)ed)\b", re.IGNORECASE)
FUTURE_PREPOSITION = re.compile(r"\b(?:until|till|ahead\s+of|as\s+soon\s+as|as\s+early\s+as)\s+(?:the\s+)?$", re.IGNORECASE)
PAST_PREPOSITION = re.compile(r"\b(?:since|ago)\s+(?:\w+\s+){0,2}(?:the\s+)?$", re.IGNORECASE)
# "had not called", "had already left": a clause told before a past reference time.
PLUPERFECT = re.compile(r"\bhad\s+(?:not\s+|never\s+|already\s+|n't\s+)?(?!to\b)[a-z]+(?:ed|en|wn|ne|lt|pt|ught|id|ld)\b", re.IGNORECASE)
# An auxiliary right before a participle makes it a verb ("was scheduled", "had been planned").
AUXILIARY_BEFORE = re.compile(
    r"\b(?:is|are|am|was|were|be|been|being|has|have|had|'s|'re)\s+(?:\w+ly\s+|not\s+)?$", re.IGNORECASE)
# "a still unspecified date", "the wounded men": after a determiner an "-ed" word describes a noun.
DETERMINER_BEFORE = re.compile(
    r"\b(?:a|an|the|its|their|his|her|this|these|those)\s+(?:(?:\w+ly|still|newly|yet|not)\s+)?$", re.IGNORECASE)
# "is expected", "be held": a participle after these is not a past tense.
PASSIVE_BEFORE = re.compile(r"\b(?:is|are|am|be|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")
# What goes on a clock time's day after "p.m.": a weekday, or a month and day ("p.m. Nov. 9").
CLOCK_DAY = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
                       r"|(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d")
ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen lt col sgt capt maj gov sen rep st mt jr sr inc corp co ltd no vs prof rev "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k e.g i.e".split())
# Words of financial results: a quarter whose results are reported in the past tense has ended.
RESULTS = re.compile(r"\b(?:earnings|profits?|net\s+income|net\s+loss|revenues?|sales|results)\b", re.IGNORECASE)
RESULTS_VERBS = re.compile(
    r"\b(?:reported|posted|earned|recorded|booked|fell|rose|declined|dropped|climbed|jumped|increased|decreased"
    r"|slipped|surged|plunged|grew|slumped|soared)\b", re.IGNORECASE)
# How far back (characters) a named quarter stays the one "a year ago" and "the quarter" refer to.
QUARTER_NEAR = 400
QUARTER_FOCUS = 600
# A value naming a calendar year, month or day: 1988, 1988-06, 1988-06-14, 1988-06-14T10:00.
CALENDAR_VALUE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-\d{2})?(?:T|$)")
# An explicit date this far from the DCT starts a narrative anchor for later bare weekdays.
NARRATIVE_GAP_DAYS = 8


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence bounds for tense checks when the caller gives none."""
    bounds, start = [], 0
    for m in SENTENCE_END.finditer(text):
        word = re.search(r"([\w.]+)\.$", text[max(0, m.start() - 12):m.start()])
        if m.group(0)[:1] != "\n" and word and (word.group(1).lower() in ABBREVIATIONS or len(word.group(1)) == 1):
            continue
        if word and word.group(1).lower() in ("a.m", "p.m") and CLOCK_DAY.match(text, m.end()):
            continue  # "at 10 p.m. Monday", "4 p.m. Nov. 9": the clock time goes on with its day
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


@dataclass
class Context:
    """Per-document state of one `find_times` run (never shared between documents)."""

    text: str
    dct: date | None
    day_first: bool | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    last_quarter: tuple[int, int] | None = None
    last_quarter_pos: int = -1
    last_day: date | None = None
    last_year: int | None = None
    last_period_pos: int = -1  # where the last date or length of time was named
    last_month: tuple[int, int] | None = None
    paragraph_anchor: tuple[date, int, int] | None = None  # (explicit date, span it anchors)

    def __post_init__(self) -> None:
        if not self.sentences:
            self.sentences = split_sentences(self.text)
        self._starts = [s for s, _ in self.sentences]

    def sentence_at(self, pos: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self._starts, pos) - 1)
        return self.sentences[i] if self.sentences else (0, len(self.text))

    def tense(self, pos: int) -> str | None:
        """"past", "future", or None: from the preposition before `pos`, else the nearest tense marker.

        "until Tuesday" reads as future, "since March" as past; otherwise the tense marker (a
        future modal, or a past-tense verb) nearest to `pos` in its sentence decides.
        """
        start, end = self.sentence_at(pos)
        before = self.text[max(start, pos - 24):pos]
        if FUTURE_PREPOSITION.search(before):
            # "Until Thursday, they had not named him": the pluperfect keeps the whole span in the past
            return "past" if PLUPERFECT.search(self.text, start, end) else "future"
        if PAST_PREPOSITION.search(before):
            return "past"
        prospective = [m.span() for m in PROSPECTIVE.finditer(self.text, start, end)]
        future = [m.span() for m in FUTURE_MARKERS.finditer(self.text, start, end)
                  if not any(a <= m.start() < b for a, b in prospective) and not self._modifier(m)]
        past = [m.span() for m in PAST_MARKERS.finditer(self.text, start, end)
                if not any(a <= m.start() < b for a, b in future + prospective)
                and not PASSIVE_BEFORE.search(self.text, max(0, m.start() - 24), m.start())
                and not DETERMINER_BEFORE.search(self.text, max(0, m.start() - 24), m.start())]
        markers = sorted([(a, "future") for a, _ in future] + [(a, "past") for a, _ in past]
                         + [(a, "prospective") for a, _ in prospective])
        content = [(at, tense) for at, tense in markers
                   if tense != "past" or abs(pos - at) <= REPORT_REACH or not self._reporting(at)]
        markers = content or markers
        before = [tense for at, tense in markers if at < pos]
        if before:
            return "future" if before[-1] == "prospective" else before[-1]
        after = [tense for at, tense in markers if at > pos]
        if after and after[0] == "prospective":
            return "past" if PROSPECTIVE_PAST.match(self.text, min(at for at, tense in markers if at > pos)) else None
        return after[0] if after else None

    def _modifier(self, m: re.Match[str]) -> bool:
        """Whether a future marker is a participle describing a noun ("a hastily planned trip", "a
        service scheduled for Saturday"): that sets no tense; the finite verb of the sentence does."""
        if m.group(0).lower() not in ("planned", "scheduled", "slated", "expected"):
            return False
        before = self.text[max(0, m.start() - 24):m.start()]
        if AUXILIARY_BEFORE.search(before):
            return False
        if re.search(r"\b(?:a|an|the|its|their|his|her|\w+ly)\s+$", before, re.IGNORECASE):
            return True  # attributive: "the slated visit", "a hastily planned trip"
        return bool(re.match(r"\s+(?:for|at|in|on|during|around)\b", self.text[m.end():m.end() + 10]))

    def _reporting(self, pos: int) -> bool:
        """Whether the word at `pos` is a verb of saying."""
        word = re.match(r"\w+", self.text[pos:pos + 16])
        return bool(word) and word.group(0).lower() in REPORTING_VERBS

    def note_quarter(self, year: int, quarter: int, pos: int) -> None:
        """Make a named quarter the one in focus, if it has ended by the DCT.

        Results are reported for ended quarters: a quarter still running or ahead ("a
        fourth-quarter charge", "by the third quarter of next year") is not the period that "a
        year ago" or "the year-earlier period" compare with, unless its results are told in the
        past tense (a fiscal quarter can end before the calendar one). Nor is an earlier quarter named
        while a later one is in focus: the latest ended quarter is the one being reported.
        """
        if (year, quarter) == self.last_quarter:  # named again: still in focus, now from here
            self.last_quarter_pos = pos
            return
        if self.dct is not None and (year, quarter) >= quarter_of(self.dct) and not self._results_told(pos):
            return
        focus = self.quarter_in_focus(pos)
        if focus is not None and (year, quarter) < focus:
            return  # an earlier quarter named for comparison ("up from a flat second quarter")
        self.last_quarter, self.last_quarter_pos = (year, quarter), pos

    def _results_told(self, pos: int) -> bool:
        """Whether the sentence at `pos` reports results in the past tense ("reported a decline in
        fourth-quarter earnings"): a fiscal quarter reported on has ended, whatever its number."""
        start, end = self.sentence_at(pos)
        told = RESULTS.search(self.text, start, end) and RESULTS_VERBS.search(self.text, start, end)
        return bool(told) and self.tense(pos) == "past"

    def quarter_in_sentence(self, pos: int) -> bool:
        """Whether a quarter was named shortly before `pos` ("third-quarter profit ... a year ago"),
        or is the last period the text named at all (no other date or length of time came between)."""
        if self.last_quarter is None or pos < self.last_quarter_pos:
            return False
        return pos - self.last_quarter_pos <= QUARTER_NEAR or self.last_period_pos == self.last_quarter_pos

    def quarter_in_focus(self, pos: int) -> tuple[int, int] | None:
        """The quarter the text is talking about at `pos`, if one was named in the last few sentences."""
        if self.last_quarter is not None and 0 <= pos - self.last_quarter_pos <= QUARTER_FOCUS:
            return self.last_quarter
        return None

    def narrative_day(self) -> date | None:
        """The day the text last named, else the DCT: what "the next day" counts from."""
        return self.last_day or self.dct

    def narrative_date(self, unit: str) -> date | None:
        """A day inside the year ("Y") or month ("M") the text last named: what "that year",
        "the following month" count from ("in March ... The following month" is April).
        Other units, or no such year or month named yet, count from `narrative_day`."""
        if unit == "Y" and self.last_year is not None:
            return date(self.last_year, 7, 1)
        if unit == "M" and self.last_month is not None:
            return date(*self.last_month, 15)
        return self.narrative_day()

    def paragraph_start(self, pos: int) -> int:
        return self.text.rfind("\n", 0, pos) + 1

    def anchor_reach(self, pos: int) -> int:
        """End of the stretch an explicit date anchors: its sentence and the next, within its paragraph."""
        i = max(0, bisect.bisect_right(self._starts, pos) - 1)
        end = self.sentences[min(i + 1, len(self.sentences) - 1)][1]
        paragraph_end = self.text.find("\n", pos)
        return end if paragraph_end < 0 else min(end, paragraph_end)

    def weekday_anchor(self, pos: int) -> tuple[date | None, str]:
        """What a bare weekday resolves against: an explicit date earlier in the paragraph, else the DCT."""
        if self.paragraph_anchor and self.paragraph_anchor[1] <= pos <= self.paragraph_anchor[2]:
            return self.paragraph_anchor[0], "the date given just before"
        return self.dct, "DCT"

    def note(self, rule: str, res: Resolution, pos: int) -> None:
        """Update the narrative focus after an expression at `pos` was resolved."""
        if res.type != "SET" and res.value and not res.value.endswith("_REF"):
            self.last_period_pos = pos
        named = CALENDAR_VALUE.match(res.value or "") if res.type in ("DATE", "TIME") else None
        if named:
            self.last_year = int(named.group(1))
            self.last_month = (self.last_year, int(named.group(2))) if named.group(2) else None
        if res.value is None or res.precision != "day" or "X" in res.value[:10]:
            return
        try:
            day = date.fromisoformat(res.value[:10])
        except ValueError:
            return
        self.last_day = day
        explicit = res.reason.startswith(("explicit date", "numeric date"))
        if explicit and self.dct is not None and (self.dct - day).days >= NARRATIVE_GAP_DAYS:
            self.paragraph_anchor = (day, pos, self.anchor_reach(pos))
        elif explicit:
            self.paragraph_anchor = None
