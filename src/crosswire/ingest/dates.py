"""Publication dates as reports write them: header lines, bylines and metadata values.

`parse_date_line` recognises a line that *is* a date header ("December 5, 2024 Hour: 8:45 am",
"Thu, 12/05/2024 - 10:40", "Published: 5 December 2024", "Jane Roe Thu, 12/05/2024 - 10:40"),
not a date mentioned inside a sentence. `parse_datetime_value` reads a metadata value (ISO 8601,
RFC 2822, epoch seconds, the header forms). Nothing here reads the clock: relative expressions
("yesterday") are refused, never resolved against today. Times without a zone are taken as UTC and
flagged (`has_zone` false).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
# Zone abbreviations that are not ambiguous in news datelines.
_ZONES = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3,
    "MSK": 3, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
}
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY = r"(?:(?P<weekday>mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_ORD = r"(?:st|nd|rd|th)?"
_DATE_FORMS = (
    re.compile(_WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})" + _ORD + r",?\s+(?P<year>\d{4})(?!\d)", re.I),
    re.compile(_WEEKDAY + r"(?P<day>\d{1,2})" + _ORD + r"\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})(?!\d)", re.I),
    re.compile(_WEEKDAY + r"(?P<first>\d{1,2})(?P<sep>[/.-])(?P<second>\d{1,2})(?P=sep)(?P<year>\d{4})(?!\d)", re.I),
    re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})(?:[T ](?P<ihour>\d{2}):(?P<imin>\d{2})"
               r"(?::\d{2}(?:\.\d+)?)?(?P<izone>Z|[+-]\d{2}:?\d{2})?)?\b", re.I),
)
_TIME = re.compile(
    r"^\s*(?:[-\u2013\u2014|,@\u00b7]\s*)?(?:(?:at|hour|time)\s*:?\s*)?"
    r"(?P<hour>\d{1,2})[:.h](?P<minute>\d{2})\s*(?P<ampm>[ap]\.?\s?m\.?)?"
    r"\s*\(?(?P<zone>[A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?\)?", re.I)
_PREFIX_KINDS = {
    "published": "header", "published on": "header", "posted": "header", "posted on": "header",
    "date": "header", "first published": "header", "dated": "header",
    "updated": "updated", "last updated": "updated", "updated on": "updated", "modified": "updated",
}
_NAME = re.compile(r"^(?:by\s+)?(?P<name>[A-Z][\w'.\-]+(?:\s+(?:[A-Z][\w'.\-]+|de|al|van|von|bin|el)){0,4})$")
MAX_DATE_LINE = 90
DATEPARSER_LANGUAGES = ("en", "fr", "es", "pt", "de", "it", "nl", "tr", "ru", "ar", "uk", "fa")
MIN_YEAR, MAX_YEAR = 1900, 2100


@dataclass(frozen=True)
class DateLine:
    """A line that states a date: when, whether it had a time and zone, and what kind of line it is.

    kind: "page" (a bare date line), "header" ("Published: ..."), "updated" ("Updated: ..."),
    "byline" (a name followed by a date, e.g. "Jane Roe Thu, 12/05/2024 - 10:40").
    """

    value: datetime
    has_time: bool
    has_zone: bool
    kind: str
    byline: str | None = None
    span: tuple[int, int] | None = None  # a lead dateline's date, as offsets into the stripped line


def parse_date_line(line: str) -> DateLine | None:
    """The date a header-like line states, or None when the line is not a date header."""
    line = line.strip()
    if not line or len(line) > MAX_DATE_LINE:
        return None
    for form in _DATE_FORMS:
        match = form.search(line)
        if match:
            found = _date_line_from_match(line, match)
            if found is not None:
                return found
    return None


# A lead dateline: the date that opens a report's first paragraph, with the story running on after it
# ("12 February 2015 Free Syrian Army fighters ...", "AFP Sunday 8 Oct 2017 At least 11 ...",
# "Published July 5 2015 U.S.-led ..."), as pages flattened to one line print it. Before the date
# there may be the headline again and then a few label, agency or section words, never a sentence.
LEAD_REACH = 60  # characters between the (repeated) headline and the date
LEAD_PREFIX_WORDS = 6
_LEAD_LABEL_WORDS = frozenset({"published", "posted", "on", "date", "of", "publication", "dated", "first",
                               "updated", "last", "at", "by", "and"})
_UPDATED_WORDS = frozenset({"updated", "modified"})
# Words that make a date part of a sentence ("on 8 March 2020", "around 6 May 2020"), unless a label
# governs them ("Posted on", "Date of publication", "Last updated at").
_TIME_WORDS = frozenset({"on", "of", "at", "and", "by", "in", "since", "until", "from", "around", "about", "early",
                         "late", "between", "before", "after", "during", "overnight", "circa", "approximately"})
_LABEL_HEADS = frozenset({"published", "posted", "date", "dated", "updated", "publication", "first"})
_TITLE_WORDS_MIN = 4  # words of the headline a lead must repeat for them to count as the headline


def parse_lead_dateline(line: str, title: str | None = None) -> DateLine | None:
    """The date a report's lead opens with (kind "lead"; "updated" after an update label), words after
    it allowed, or None when the words before the date read as a sentence ("killed on 5 May 2015")."""
    line = line.strip()
    skip = _after_title(line, title)
    head = line[skip:]
    matches = [m for form in _DATE_FORMS if (m := form.search(head[:LEAD_REACH + 40])) is not None]
    match = min(matches, key=lambda m: m.start(), default=None)
    if match is None or match.start() > LEAD_REACH:
        return None
    prefix = re.findall(r"[\w'.&-]+", head[:match.start()])
    if len(prefix) > LEAD_PREFIX_WORDS or not all(_dateline_word(w) for w in prefix) or _governed(prefix):
        return None  # "On 9 May 2020, troops ...", "Around 6 May 2020 (as reported), ...": a sentence
    labelled = any(w.lower() in _LEAD_LABEL_WORDS for w in prefix)
    if head[match.end():].lstrip().startswith(",") and not labelled:
        return None  # "Around 5 May 2020, troops ...": a date set off by a comma opens a sentence
    day = _match_date(match)
    if day is None:
        return None
    clock, zone, _rest = _match_time(match, head[match.end():])
    hour, minute = clock if clock else (0, 0)
    kind = "updated" if {w.lower() for w in prefix} & _UPDATED_WORDS else "lead"
    value = datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone or UTC)
    return DateLine(value, clock is not None, zone is not None, kind, span=(skip + match.start(), skip + match.end()))


def _governed(prefix: list[str]) -> bool:
    """Whether a word of time or place ("on", "around") that no label governs stands before the date."""
    words = [w.lower() for w in prefix]
    return any(w in _TIME_WORDS and (i == 0 or words[i - 1] not in _LABEL_HEADS) for i, w in enumerate(words))


def _dateline_word(word: str) -> bool:
    """A word that may stand before a lead date: a label ("Published", "Date of publication"), or a
    capitalised agency, place or section name ("AFP", "BEIRUT", "Middle East")."""
    return word.lower() in _LEAD_LABEL_WORDS or word[:1].isupper()


def _after_title(line: str, title: str | None) -> int:
    """Where `line` goes on past a repeat of the headline it opens with (0 when it does not)."""
    if not title:
        return 0
    wanted = [w.strip(".,:;!?\"'").lower() for w in title.split()]
    words = list(re.finditer(r"\S+", line))
    same = 0
    while same < min(len(words), len(wanted)) and words[same].group().strip(".,:;!?\"'").lower() == wanted[same]:
        same += 1
    if same < min(_TITLE_WORDS_MIN, len(wanted)) or same == 0:
        return 0
    return words[same - 1].end()


def _date_line_from_match(line: str, match: re.Match[str]) -> DateLine | None:
    day = _match_date(match)
    if day is None:
        return None
    clock, zone, rest = _match_time(match, line[match.end():])
    if rest.strip(" \t|,;-\u2013\u2014()"):
        return None  # words after the date: a sentence, not a header
    kind, byline = _classify_prefix(line[:match.start()])
    if kind is None:
        return None
    hour, minute = clock if clock else (0, 0)
    value = datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone or UTC)
    return DateLine(value, clock is not None, zone is not None, kind, byline)


def _match_date(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    weekday = _WEEKDAYS.get((groups.get("weekday") or "")[:3].lower())
    if groups.get("first"):
        return _numeric_date(year, int(groups["first"]), int(groups["second"]), groups["sep"], weekday)
    month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS[groups["month"][:3].lower()]
    return _valid_date(year, month, int(groups["day"]))


def _numeric_date(year: int, first: int, second: int, sep: str, weekday: int | None) -> date | None:
    """12/05/2024: month first after "/", day first after "." or "-" (05.12.2024, 05-12-2024, as
    European and Arab outlets write it); a stated weekday settles it."""
    month_first = _valid_date(year, first, second)
    day_first = _valid_date(year, second, first)
    options = [month_first, day_first] if sep == "/" else [day_first, month_first]
    options = [d for d in options if d is not None]
    if weekday is not None:
        matching = [d for d in options if d.weekday() == weekday]
        options = matching or options
    return options[0] if options else None


def _valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _match_time(match: re.Match[str], after: str) -> tuple[tuple[int, int] | None, timezone | None, str]:
    """The clock time and zone in or just after a date match, and the text left after them."""
    groups = match.groupdict()
    if groups.get("ihour"):
        zone = _zone(groups.get("izone"))
        return (int(groups["ihour"]), int(groups["imin"])), zone, after
    time_match = _TIME.match(after)
    if not time_match:
        return None, None, after
    hour, minute = int(time_match["hour"]), int(time_match["minute"])
    ampm = (time_match["ampm"] or "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None, None, after
    zone = _zone(time_match["zone"])
    end = time_match.end() if zone or not time_match["zone"] else time_match.start("zone")
    return (hour, minute), zone, after[end:]


def _zone(text: str | None) -> timezone | None:
    if not text:
        return None
    if text in _ZONES:
        return timezone(timedelta(hours=_ZONES[text]))
    match = re.fullmatch(r"([+-])(\d{2}):?(\d{2})", text)
    if match:
        delta = timedelta(hours=int(match[2]), minutes=int(match[3]))
        return timezone(delta if match[1] == "+" else -delta)
    return None


def _classify_prefix(prefix: str) -> tuple[str | None, str | None]:
    """What the words before a date make of the line: a bare date, a labelled header, or a byline."""
    prefix = prefix.strip(" \t|,;:-\u2013\u2014")
    if not prefix:
        return "page", None
    kind = _PREFIX_KINDS.get(prefix.lower().rstrip(":").strip())
    if kind:
        return kind, None
    name = _NAME.match(prefix)
    if name:
        return "byline", name["name"]
    return None, None


def parse_datetime_value(value: object) -> datetime | None:
    """A metadata date value as an aware datetime (UTC when no zone is given), or None."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = value / 1000 if value > 1e11 else value
        try:
            return datetime.fromtimestamp(seconds, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not value.strip():
        return None
    return _parse_date_string(value.strip())


def _parse_date_string(text: str) -> datetime | None:
    for parse in (_parse_iso, _parse_rfc2822, _parse_header_form, _parse_with_dateparser):
        found = parse(text)
        if found is not None and MIN_YEAR <= found.year <= MAX_YEAR:
            return found if found.tzinfo else found.replace(tzinfo=UTC)
    return None


def _parse_iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _parse_rfc2822(text: str) -> datetime | None:
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _parse_header_form(text: str) -> datetime | None:
    found = parse_date_line(text)
    return found.value if found else None


def _parse_with_dateparser(text: str) -> datetime | None:
    """Absolute dates in other languages and layouts; relative ones are refused (no clock).

    Only strings with a four-digit year are tried (a full date needs one), in the languages of
    `DATEPARSER_LANGUAGES`: letting dateparser try all of its locales costs seconds per process.
    """
    if not re.search(r"\b\d{4}\b", text):
        return None
    import dateparser

    settings = {
        "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
        "REQUIRE_PARTS": ["day", "month", "year"],
        "TIMEZONE": "UTC",
        "RETURN_AS_TIMEZONE_AWARE": True,
    }
    try:
        return dateparser.parse(text, languages=list(DATEPARSER_LANGUAGES), settings=settings)  # type: ignore[arg-type]
    except (ValueError, TypeError, OverflowError):
        return None
