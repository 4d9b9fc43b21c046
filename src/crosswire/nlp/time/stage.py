"""The time stage: find time expressions in a report and normalise them against its DCT.

`find_times` is rule-based and fast (regular expressions, no model): recognition rules live in
`rules`, normalisers in `resolve`, `days`, `periods` and `durations`, expressions
built on another one ("two days after Christmas", "April 24 and 25") in `anchored`, calendar
arithmetic in `calendar`, the date a report gives its event in `event` and
`report`. Values are
TIMEX3 as in TempEval-3 (DATE 2024-12-05 / 2024-W49 / 2024-12 / 2024-Q4 / 2024-SU / 199X / PAST_REF,
TIME 2024-12-05T08:45 / 2024-12-05TMO, DURATION P2D / PT5H, SET P1W / XXXX-WXX-1). Every `TimeRef`
carries a `reason`; relative expressions carry the `anchor` they were resolved from.

Narrative time: a bare weekday after an explicit past date (at least 8 days before the DCT), in
that sentence or the next one of its paragraph, resolves from that date instead of the DCT.
"The next day", "the next morning" and clock times without a day count from the last day the
text named. Quoted speech is not treated apart: it resolves against the DCT.
"""

from __future__ import annotations

from datetime import date, datetime

from ...model import Article, Sentence, TimeRef
from .anchored import coordinated_day, count_from_day
from .calendar import Resolution, as_date
from .context import Context
from .event import EventDate, event_date_for_sentence
from .resolve import RESOLVERS
from .rules import candidate_matches, select_longest


def find_times(text: str, dct: datetime | date | None, sentences: list[Sentence] | None = None,
               day_first: bool | None = None) -> list[TimeRef]:
    """Every time expression in `text`, normalised against `dct` (the document creation time).

    `sentences` (from the sentence stage) sharpen the tense check; without them a rough splitter
    is used. `day_first` reads "05/12/2024" as 5 December (True), May 12 (False), or decides from
    the DCT and the numbers (None). The output depends only on the arguments, never on the clock.
    """
    bounds = [(s.start, s.end) for s in sentences] if sentences else []
    ctx = Context(text=text, dct=as_date(dct), day_first=day_first, sentences=bounds)
    times: list[TimeRef] = []
    for rule, m in select_longest(candidate_matches(text)):
        start, end = _trim(text, m.start(), m.end())
        if times and start < times[-1].end:  # taken by an expression joined to the one before
            continue
        groups = dict(m.groupdict(), __text__=text[start:end])
        res = RESOLVERS[rule.name](groups, ctx, start)
        if anchored := count_from_day(text, start, res):
            start, res = anchored
            while times and times[-1].end > start:  # "two days" now belongs to "two days after ..."
                times.pop()
        joined = coordinated_day(text, end, res) if rule.name in ("month_day", "day_month") else None
        if joined:
            res = joined[0]
        ctx.note(rule.name, res, start)
        times.append(_time_ref(text, start, end, res))
        if joined:
            ctx.note(rule.name, joined[1][2], joined[1][0])
            times.append(_time_ref(text, *joined[1]))
    return times


def _time_ref(text: str, start: int, end: int, res: Resolution) -> TimeRef:
    return TimeRef(start=start, end=end, text=text[start:end], type=res.type, value=res.value,
                   precision=res.precision, anchor=res.anchor, reason=res.reason)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop whitespace and a trailing comma the patterns may have taken in."""
    while end > start and text[end - 1] in " \t\n,":
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


class TimeStage:
    """Pipeline stage "times": fills `Article.times`, using `Article.published` as the DCT."""

    name = "times"
    requires = ("text", "sentences", "published")
    assigns = ("times",)

    def __init__(self, resources: object = None) -> None:
        del resources  # time tagging needs no model or gazetteer

    def __call__(self, article: Article) -> Article:
        article.times = find_times(article.text, article.published, article.sentences or None)
        return article


__all__ = ["EventDate", "TimeStage", "event_date_for_sentence", "find_times"]
