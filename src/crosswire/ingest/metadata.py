"""Metadata a report's own text gives: title, header and byline dates, byline, language.

`text_metadata(text)` looks at the leading lines for a title and date headers, and at every short
line for a byline with a date ("Jane Roe Thu, 12/05/2024 - 10:40"), which sites often print at the
end of the body. When the dates seen disagree by more than a day it returns a "date.clash" note;
the published time it picks is the earliest date seen (a page date later than the byline is
usually the day the page was rendered or updated). "Updated:" lines are recorded, never chosen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from ..model import Note
from .dates import DateLine, parse_date_line, parse_lead_dateline

CLASH_TOLERANCE = timedelta(days=1)
_ENGLISH_STOPWORDS = frozenset(
    "the a an and or but of to in on at by for with from as is are was were be been has have had "
    "it its this that these those which who whom whose what when where while after before since "
    "he she they we you i his her their our not no said says will would could should than into "
    "over also about more most other some such there after against between during under".split())
_MIN_LANGUAGE_TOKENS = 8
_MIN_STOPWORD_RATIO = 0.18
_BY_LINE = re.compile(r"^by\s+(?P<name>[^\d\n]{2,60})$", re.I)
_HANDLE_LINE = re.compile(r"^(?:[\w.]+\s*/\s*)?@\w+$")


@dataclass(frozen=True)
class DateSeen:
    """A date line found in a report's text, where it was, and what kind of line it was."""

    found: DateLine
    line: int
    start: int
    end: int
    text: str

    def as_meta(self) -> dict[str, Any]:
        return {"value": self.found.value.isoformat(), "kind": self.found.kind, "text": self.text,
                "line": self.line, "has_time": self.found.has_time, "has_zone": self.found.has_zone,
                "start": self.start, "end": self.end}


@dataclass
class TextMetadata:
    """What `text_metadata` found: every date seen, the chosen one, a clash note, title and byline."""

    dates: list[DateSeen] = field(default_factory=list)
    published: DateSeen | None = None
    clash: Note | None = None
    title: str | None = None
    byline: str | None = None


def iter_lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, line) for every line of `text`, offsets into `text`."""
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        out.append((pos, pos + len(body), body))
        pos += len(line)
    return out


def find_text_dates(text: str, header_lines: int = 5) -> list[DateSeen]:
    """Date lines: any kind in the first `header_lines` non-empty lines, bylines and labels anywhere;
    when none of those is found, the date a lead opens with in the first `LEAD_LINES` (see `lead_dateline`)."""
    seen: list[DateSeen] = []
    content_index = 0
    for number, (start, _end, line) in enumerate(iter_lines(text)):
        if not line.strip():
            continue
        found = parse_date_line(line)
        in_header = content_index < header_lines
        content_index += 1
        if found is None or (not in_header and found.kind == "page"):
            continue
        stripped = line.strip()
        offset = start + line.index(stripped)
        seen.append(DateSeen(found, number, offset, offset + len(stripped), stripped))
    if not any(d.found.kind != "updated" for d in seen) and (lead := lead_dateline(text)) is not None:
        seen.append(lead)
    return seen


LEAD_LINES = 3


def lead_dateline(text: str) -> DateSeen | None:
    """The date the headline or the first paragraphs open with, the story running on after it (a page
    flattened to one line per paragraph: "Published July 5 2015 U.S.-led coalition aircraft ..."); the
    span covers the date only. A paragraph that repeats the headline first may open with it after that."""
    lines = [(n, s, line) for n, (s, _e, line) in enumerate(iter_lines(text)) if line.strip()][:LEAD_LINES]
    title = lines[0][2].strip() if lines else None
    for index, (number, start, line) in enumerate(lines):
        found = parse_lead_dateline(line, title if index else None)
        if found is not None and found.span is not None:
            stripped = line.strip()
            first, last = found.span
            offset = start + line.index(stripped)
            return DateSeen(found, number, offset + first, offset + last, stripped[first:last])
    return None


def choose_published(dates: list[DateSeen]) -> DateSeen | None:
    """The earliest stated date (not an "updated" one); at equal days the one with a time wins."""
    usable = [d for d in dates if d.found.kind != "updated"]
    if not usable:
        return None
    return min(usable, key=lambda d: (d.found.value.date(), not d.found.has_time, d.line))


def date_clash(dates: list[DateSeen], stage: str = "read") -> Note | None:
    """A note when a report's dates (not counting "updated" lines) disagree by more than a day."""
    usable = [d for d in dates if d.found.kind != "updated"]
    if len(usable) < 2:
        return None
    first = min(usable, key=lambda d: d.found.value)
    last = max(usable, key=lambda d: d.found.value)
    if last.found.value - first.found.value <= CLASH_TOLERANCE:
        return None
    message = (f"the report states different dates: {last.found.kind} line {last.text!r} "
               f"vs {first.found.kind} line {first.text!r}; kept the earlier "
               f"({first.found.value.date().isoformat()}) as the publication date")
    return Note(stage=stage, code="date.clash", message=message)


def guess_title(text: str, header_lines: int = 5) -> str | None:
    """The first content line when it reads like a headline (short, no closing full stop)."""
    for _start, _end, line in iter_lines(text)[: header_lines * 3]:
        line = line.strip()
        if not line or parse_date_line(line) or _HANDLE_LINE.match(line):
            continue
        return _headline(line)
    return None


def _headline(line: str) -> str | None:
    line = undouble(line)
    words = line.split()
    if not 2 <= len(words) <= 30 or len(line) > 200:
        return None
    if line.endswith((".", ",", ";", ":")) and not line.endswith("..."):
        return None
    return line


def undouble(line: str) -> str:
    """A line glued to itself ("Title Title" or "TitleTitle") reduced to one copy."""
    line = line.strip()
    half, rest = divmod(len(line), 2)
    for cut in {half, half + rest}:
        first, second = line[:cut].strip(), line[cut:].strip()
        if len(first) >= 10 and first == second:
            return first
    return line


def find_byline(text: str, dates: list[DateSeen], edge_lines: int = 3) -> str | None:
    """The author: a name on a byline date line, else a "By ..." line among the first or last lines."""
    for seen in dates:
        if seen.found.byline:
            return seen.found.byline
    lines = [line.strip() for _s, _e, line in iter_lines(text) if line.strip()]
    for line in lines[:edge_lines] + lines[-edge_lines:]:
        match = _BY_LINE.match(line)
        if match and match["name"].split(",")[0].strip().lower() not in GENERIC_BYLINES:
            return match["name"].split(",")[0].strip()
    return None


_DATELINE_AGENCY = re.compile(
    r"^[A-Z][A-Za-z .'-]{1,40},?(?:\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s+\((?P<agency>[A-Z][\w .&'-]{1,40})\)\s+[-\u2013\u2014]")


def find_outlet(text: str, edge_lines: int = 3) -> str | None:
    """The outlet a text names for itself: in a byline ("By Name, Outlet"), else as a masthead line of its
    own between the headline and the date line ("Rebels take the city\nNorthern Courier\nMon, 03/02/2025")."""
    lines = [line.strip() for _s, _e, line in iter_lines(text) if line.strip()]
    for line in lines[:edge_lines]:
        match = _BY_LINE.match(line)
        if match and "," in match["name"]:
            outlet = match["name"].rsplit(",", 1)[1].strip()
            if outlet[:1].isupper():
                return outlet
    for line, after in zip(lines[1:edge_lines], lines[2:edge_lines + 1], strict=False):
        if _MASTHEAD.fullmatch(line) and any(ch.islower() for ch in line) and parse_date_line(line) is None \
                and parse_date_line(after) is not None:  # a dateline's city in capitals is no masthead
            return line
    return None


# A masthead: one to five capitalised words (joined by "of", "the", "and", "&"), no digits or sentence
# punctuation ("Mediterranean Daily", "Radio Orontes", "The Northern Herald").
_MASTHEAD = re.compile(r"(?:The\s+)?[A-Z][\w'’.-]*(?:\s+(?:(?:of|the|and|&)\s+)?[A-Z][\w'’.-]*){0,4}")


def find_wire_agency(text: str, edge_lines: int = 6) -> str | None:
    """The agency a wire dateline names ("BEIRUT, Dec 4 (Agency) - ..."): the dispatch's originator,
    which is not the outlet when another outlet re-runs the dispatch."""
    lines = [line.strip() for _s, _e, line in iter_lines(text) if line.strip()]
    for line in lines[:edge_lines]:
        match = _DATELINE_AGENCY.match(line)
        if match:
            return match["agency"].strip()
    return None


# Credit lines at a report's end: "(Outlet and Agency)", "Outlet/ AB Sources: Agency – Agency",
# "Source: Agency", "Via Outlet".
_CREDIT_BRACKET = re.compile(r"^\((?P<names>[A-Z][\w .&'-]{1,60})\)$")
_CREDIT_DESK = re.compile(r"^(?P<outlet>[A-Za-z][\w.'-]{1,30})\s*/\s*[A-Z]{1,4}\b(?:\s+Sources?:\s*(?P<names>.+))?$")
_CREDIT_SOURCE = re.compile(r"^(?:Sources?|Via)\s*:?\s+(?P<names>[A-Z][\w .&,/'\u2013-]{1,60})$")
_NAME_SPLIT = re.compile(r"\s*(?:,|/|\band\b|&|\u2013|\s-\s|\bwith\b)\s*")
# Accounts a content system prints as a byline; no one's name.
GENERIC_BYLINES = frozenset({"admin", "administrator", "editor", "editors", "staff", "webmaster", "newsdesk",
                             "news desk", "web desk", "desk", "guest", "user"})


@dataclass(frozen=True)
class Credit:
    """Who a report's credit lines name: the outlet that ran it and the wire or original sources."""

    outlet: str | None = None
    sources: tuple[str, ...] = ()


def find_credit(text: str, edge_lines: int = 4) -> Credit:
    """The outlet and original sources a report credits in its last lines: "(RFI and AFP)" is RFI running
    AFP copy, a lone "(AFP)" is AFP's dispatch, "Outlet/ JF Sources: EFE – SANA" the outlet's desk citing
    two agencies, "Source: X" and "Via X" an original source."""
    lines = [line.strip() for _s, _e, line in iter_lines(text) if line.strip()]
    outlet: str | None = None
    sources: list[str] = []
    for line in lines[-edge_lines:]:
        if match := _CREDIT_BRACKET.match(line):
            names = _names(match["names"])
            if len(names) > 1:
                outlet = outlet or names[0]
                names = names[1:]
            sources += names
        elif match := _CREDIT_DESK.match(line):
            outlet = outlet or match["outlet"]
            sources += _names(match["names"] or "")
        elif match := _CREDIT_SOURCE.match(line):
            sources += _names(match["names"])
    return Credit(outlet, tuple(dict.fromkeys(sources)))


def _names(value: str) -> list[str]:
    return [n.strip(" .") for n in _NAME_SPLIT.split(value) if n.strip(" .") and n.strip(" .")[:1].isupper()]


def guess_language(text: str) -> str | None:
    """"en" when English function words are common enough in `text`, else None (unknown)."""
    tokens = re.findall(r"[a-z]+", text[:20000].lower())
    if len(tokens) < _MIN_LANGUAGE_TOKENS:
        return None
    ratio = sum(1 for t in tokens if t in _ENGLISH_STOPWORDS) / len(tokens)
    return "en" if ratio >= _MIN_STOPWORD_RATIO else None


def text_metadata(text: str, header_lines: int = 5, stage: str = "read") -> TextMetadata:
    """Everything the text itself says about the report's title, dates and author."""
    dates = find_text_dates(text, header_lines)
    return TextMetadata(dates=dates, published=choose_published(dates), clash=date_clash(dates, stage),
                        title=guess_title(text, header_lines), byline=find_byline(text, dates))


def published_from_dates(dates: list[DateSeen]) -> datetime | None:
    chosen = choose_published(dates)
    return chosen.found.value if chosen else None
