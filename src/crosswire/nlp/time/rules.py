"""Recognition rules of the time tagger: one named regular expression per kind of expression.

Each `Rule` finds candidate spans; its optional `accept` check rejects look-alikes ("may" the
verb, "fall" the verb, "1500 troops"). The rule's name selects its normaliser in
`resolve.RESOLVERS`. Spans follow TimeML: determiners and modifiers ("the past", "early")
are inside the span, prepositions ("on", "since", "in") are not.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ...positions import SpanSet
from .lexicon import (
    DAY_NUM_RE,
    MONTH_RE,
    NUMBER_RE,
    PART_OF_DAY_RE,
    SEASON_RE,
    SPELLED_YEAR_RE,
    TIME_OF_DAY_RE,
    UNIT_RE,
    WEEKDAY_RE,
    YEAR_RE,
    ZONE_RE,
)

FULL_WEEKDAY_RE = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
FULL_MONTH_RE = (r"(?:january|february|march|april|may|june|july|august|september|october|november"
                 r"|december|jan\.|feb\.|aug\.|sept?\.|oct\.|nov\.|dec\.)")
REL_RE = (r"(?:last|next|this|this\s+past|this\s+coming|the\s+coming|coming|previous|the\s+previous"
          r"|following|the\s+following|the\s+current|current|that|the\s+same|the\s+last|the\s+past"
          r"|the\s+next|the\s+latest|the\s+prior|prior)")
EDGE_RE = (r"(?:early|mid|late|earlier|later|the\s+end\s+of|end\s+of|the\s+beginning\s+of"
           r"|the\s+start\s+of|the\s+middle\s+of|the\s+turn\s+of|around|about|sometime)")
QUANT_RE = (r"(?:the|a|an|each\s+of\s+the|at\s+least|at\s+most|more\s+than|less\s+than|fewer\s+than"
            r"|no\s+more\s+than|up\s+to|about|around|almost|nearly|some|over|roughly|approximately"
            r"|only|just|another|additional|an\s+additional|first|last|past|next|final|coming|previous"
            r"|following|remaining|latest|initial|further|same|entire|whole|full|year-earlier"
            r"|the\s+better\s+part\s+of|well\s+over|under|within|barely)")
TEENS_RE = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
TENS_RE = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
ONES_RE = r"(?:one|two|three|four|five|six|seven|eight|nine)"
VAGUE_RE = r"(?:several|a\s+few|few|many|some|numerous|multiple|coming|recent|ensuing)"


@dataclass(frozen=True)
class Rule:
    """A named pattern for one kind of time expression."""

    name: str
    pattern: re.Pattern[str]
    accept: Callable[[re.Match[str], str], bool] | None = None


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE | re.VERBOSE)


def _before(text: str, start: int, width: int = 24) -> str:
    return text[max(0, start - width):start].lower()


def _after(text: str, end: int, width: int = 24) -> str:
    return text[end:end + width].lower()


def _capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def accept_month(m: re.Match[str], text: str) -> bool:
    """A month name must be capitalised; "May" and "March" need a date-like neighbour."""
    mon = m.group("mon")
    if not _capitalised(mon):
        return False
    if mon.lower() in ("may", "march") and m.group(0).strip().lower() == mon.lower():
        before = _before(text, m.start(), 12)
        return bool(re.search(r"\b(?:in|since|until|by|of|from|through|to|during|last|next|this|early|late|mid|and|or)\s*$", before))
    return True


def accept_year(m: re.Match[str], text: str) -> bool:
    """A bare four-digit number is a year unless money, a count of things, or part of a number."""
    before = _before(text, m.start(), 3)
    after = _after(text, m.end(), 16)
    if re.search(r"(?:[$£€#]\s?|\d[.,:/]?|[:/])$", before) or re.match(r"\s*(?:[-–]\s*\d|%|percent|,\d|\.\d|/|:\d)", after):
        return False
    if re.match(r"\s+(?:people|troops|soldiers|men|women|units|shares|acres|miles|km|meters|tons|feet|jobs|residents|homes|cases|votes|members|employees|workers|points|pounds|barrels|children|deaths|dead)\b", after):
        return False
    if STREET_NUMBER.match(text, m.end()) and not YEAR_PREPOSITION.search(_before(text, m.start(), 10)):
        return False
    return not re.search(r"\b(?:no\.|number|route|flight|room|page|rule|section|boeing|model)\s*$", _before(text, m.start(), 12))


# A house or block number, not a year: "the 1900 block of Elm Street", "1501 W. Main St."
STREET_NUMBER = re.compile(
    r"\s+(?:block\b|(?:[NSEW]\.?\s+)?(?:[A-Z][a-z]+\.?\s+){1,3}"
    r"(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Ct|Court|Pkwy|Parkway|Hwy|Highway)\b)")
YEAR_PREPOSITION = re.compile(r"\b(?:in|since|until|by|from|during|before|after)\s*$", re.IGNORECASE)


def accept_season(m: re.Match[str], text: str) -> bool:
    """"fall", "spring" are seasons only with a modifier, a year, or after in/during/since."""
    if m.group("y") or m.group("sy") or m.group("rel"):
        return not re.match(r"\s+of\s+(?!\d)", _after(text, m.end(), 8)) or bool(m.group("y") or m.group("sy"))
    before = _before(text, m.start(), 10)
    if not re.search(r"\b(?:in|during|since|until|by|through|over)\s+$", before):
        return False
    return not re.match(r"\s+of\s", _after(text, m.end(), 6))


def accept_weekday(m: re.Match[str], text: str) -> bool:
    return _capitalised(m.group("wd"))


def accept_bare_units(m: re.Match[str], text: str) -> bool:
    """Plural units without a number ("for years") only after a preposition or verb of lasting."""
    before = _before(text, m.start(), 14)
    return bool(re.search(r"\b(?:for|within|over|after|lasting|lasted|took|take|takes|spent|spend|in|of)\s+$", before))


def accept_ref(m: re.Match[str], text: str) -> bool:
    """"now", "current", "soon": reject fixed phrases where they carry no time ("as soon as")."""
    word = m.group(0).lower()
    before, after = _before(text, m.start(), 8), _after(text, m.end(), 20)
    if word == "soon" and (before.endswith("as ") or after.startswith(" after") or after.startswith(" as")):
        return False
    if word == "now" and re.match(r"\s+that\b", after):
        return True
    if word == "current" and re.match(r"\s+(?:account|affairs|events|density|flow|law|rules?|system|form|version|members?|and|leaders?|president|chairman|head|director|owner|management|contract|price|prices|level|levels|rate|rates|situation|crisis|conflict|state)\b", after):
        return False
    if word in ("future",) and not re.search(r"\b(?:in|the|near|for)\s+$", before):
        return bool(re.match(r"\s+(?:quarters?|years?|months?)\b", after))
    return True


def accept_bare_pod(m: re.Match[str], text: str) -> bool:
    """"in the morning" is a time of day; "4 in the morning" belongs to its clock time, and "the
    morning hours on Thursday", "the evening of May 2" to the day named after it."""
    if re.match(r"\s+(?:hours\s+)?(?:of|on)\b|\s+hours\b", _after(text, m.end(), 16)):
        return False
    return not re.search(r"\d\s+\w+\s+$", _before(text, m.start(), 12))


def accept_ago(m: re.Match[str], text: str) -> bool:
    return True


def accept_bare_ago(m: re.Match[str], text: str) -> bool:
    """"days later" without a count; with one ("three days later") the count makes a duration."""
    return not re.search(rf"\b(?:{NUMBER_RE}|few|several|many)[\s-]+$", _before(text, m.start(), 30))


def accept_quantity(m: re.Match[str], text: str) -> bool:
    """Durations: reject "a second time", "a quarter of", ages ("five-year-old"), and scores."""
    whole = m.group(0).lower()
    after = _after(text, m.end(), 12)
    if re.match(r"[\s-]*old\b", after):
        return False
    unit = m.group("unit").lower()
    n = m.group("n").lower()
    if unit in ("second", "minute", "quarter") and n in ("a", "an") and not whole.endswith("s"):
        return unit == "minute" and bool(re.search(r"and\s+a\s+half$", whole) or re.match(r"\s+and\s+a\s+half", after))
    if unit == "quarter" and re.match(r"\s+of\b", after):
        return False
    if unit == "night" and n in ("a", "an"):
        return False
    return not (n in ("a", "an") and re.search(r"(?:times|once|twice|\$\s?[\d.,]+(?:\s+(?:million|billion))?)\s+$", _before(text, m.start(), 20)))


RULES: tuple[Rule, ...] = (
    Rule("iso", _compile(rf"\b(?P<y>{YEAR_RE})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T\s](?P<hh>[0-2]\d):(?P<mm>[0-5]\d))?\b")),
    Rule("numeric", _compile(
        rf"\b(?:(?P<wd>{WEEKDAY_RE}),?\s+)?(?P<a>\d{{1,2}})(?P<sep>[/.])(?P<b>\d{{1,2}})(?P=sep)(?P<y>\d{{4}}|\d{{2}})(?![\d.]\d)"
        r"(?:\s*(?:-|–|,|at)?\s*(?P<time>\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?))?")),
    Rule("weekday_bracket", _compile(rf"\b(?P<wd>{WEEKDAY_RE})\s*\((?P<d>{DAY_NUM_RE})\)"), accept_weekday),
    Rule("month_day", _compile(
        rf"\b(?:(?P<wd>{WEEKDAY_RE}),?\s+)?(?:(?P<mod>early|mid|late|around)[\s-]+)?(?P<mon>{MONTH_RE})\s+(?P<d>{DAY_NUM_RE})(?!\d|:\d)(?!\s*(?:%|percent))"
        rf"(?:,?\s+(?P<y>{YEAR_RE})\b)?(?:\s*(?:,|at|-)?\s*(?P<time>{TIME_OF_DAY_RE}))?"), accept_month),
    Rule("day_month", _compile(
        rf"\b(?:(?P<wd>{WEEKDAY_RE}),?\s+)?(?:the\s+)?(?P<d>{DAY_NUM_RE})(?:\s+of)?\s+(?P<mon>{FULL_MONTH_RE}|{MONTH_RE})(?![a-z])(?:,?\s+(?P<y>{YEAR_RE})\b)?"), accept_month),
    Rule("week_of", _compile(rf"\b(?:the\s+)?week\s+of\s+(?P<mon>{MONTH_RE})\s+(?P<d>{DAY_NUM_RE})(?:,?\s+(?P<y>{YEAR_RE})\b)?(?!\d)"), accept_month),
    Rule("month_year", _compile(
        rf"\b(?:(?P<mod>{EDGE_RE})[\s-]+)?(?P<mon>{MONTH_RE}),?\s+(?:of\s+)?(?:(?P<y>{YEAR_RE})\b|(?P<rel>this|last|next)\s+year\b)"), accept_month),
    Rule("month", _compile(
        rf"\b(?:(?P<mod>{EDGE_RE}|last|next|this|this\s+past|this\s+coming)[\s-]+)?(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december)\b"), accept_month),
    Rule("spelled_year", _compile(
        rf"\b(?:the\s+year\s+)?(?:(?P<mon>{FULL_MONTH_RE})\s+)?(?:(?P<c>nineteen|twenty)\s+(?P<y>{TEENS_RE}|{TENS_RE}(?:-{ONES_RE})?)"
        rf"|two\s+thousand(?:\s+(?:and\s+)?(?P<small>{TEENS_RE}|{ONES_RE}|ten))?)\b"), None),
    Rule("decade", _compile(
        r"\b(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<dec>1[5-9]\d|20\d)0'?s|'(?P<short>\d)0'?s|(?<=the\s)(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b")),
    Rule("century", _compile(r"\b(?:the\s+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[\s-]+century\b")),
    Rule("year", _compile(
        rf"\b(?:(?P<mod>{EDGE_RE}|fiscal|calendar|the\s+fiscal\s+year|the\s+year|post|pre|fiscal\s+year)[\s-]+)?(?P<y>{YEAR_RE})\b(?!\s*(?:-|–)\s*\d)"), accept_year),
    Rule("quarter", _compile(
        rf"\b(?:(?P<det>the|its|this|a|that|their|his|her)\s+)?(?:(?P<yr>(?:this|last|next)\s+year's|{YEAR_RE}|year-(?:earlier|ago)|comparable\s+year-ago)\s+)?(?:(?:fiscal|calendar)[\s-]+)?"
        rf"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|previous|same|comparable|year-earlier|year-ago|flat)[\s-]+(?:fiscal[\s-]+)?quarter\b"
        rf"(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<y>{YEAR_RE}|(?:this|last|next)\s+year)\b)?(?!\s+of\s+(?:a|the|an)\b)")),
    Rule("quarter_ref", _compile(
        rf"\b(?P<det>the|this|that|its|last\s+year's)\s+(?:(?P<ord>latest|current|previous|same|comparable|corresponding|year-earlier|year-ago|comparable\s+year-ago|{YEAR_RE})\s+)?(?P<what>quarter|period)\b(?!\s+(?:of\s+(?:a|the|an|its)\b|point|century|mile))"
        r"(?:\s+(?P<ago>a\s+year\s+(?:ago|earlier)|last\s+year))?"), None),
    Rule("year_ago_period", _compile(r"\b(?P<w>year-(?:earlier|ago)|year-end|year\s+end|year's\s+end)\b")),
    Rule("half", _compile(
        rf"\b(?:the\s+)?(?P<ord>first|second|last|latest)\s+(?:half(?:\s+of\s+(?:(?P<y>{YEAR_RE})|(?P<rel>this|last|next)\s+year|the\s+year))?"
        rf"|two\s+quarters\s+of\s+(?:(?P<y2>{YEAR_RE})|(?P<rel2>this|last|next)\s+year))\b(?!\s+of\s+(?:a|the|an)\b)")),
    Rule("season", _compile(
        rf"\b(?:(?P<rel>last|next|this|this\s+past|this\s+coming|the|early|late|mid|the\s+early|the\s+late)[\s-]+)?(?P<s>{SEASON_RE})(?:\s+(?:of\s+)?(?:(?P<y>{YEAR_RE})|(?P<sy>{SPELLED_YEAR_RE})))?\b"), accept_season),
    Rule("holiday", _compile(
        r"\b(?:(?P<rel>last|next|this)\s+)?(?P<h>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?|Independence\s+Day|Fourth\s+of\s+July|Election\s+Day|Halloween|Valentine['’]s\s+Day|Labor\s+Day|Memorial\s+Day"
        r"|Mother['’]s\s+Day|Father['’]s\s+Day|Martin\s+Luther\s+King(?:\s+Jr\.?)?\s+Day|MLK\s+Day|Presidents['’]?\s+Day"
        r"|Columbus\s+Day|Veterans['’]?\s+Day|Black\s+Friday|St\.?\s+Patrick['’]s\s+Day)(?P<wk>\s+week)?\b")),
    Rule("deictic_day", _compile(
        rf"\b(?:(?P<mod>early|late|earlier|later|mid-?afternoon|mid-?morning)\s+)?(?P<w>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)(?:'s)?\b(?:\s+(?P<pod>{PART_OF_DAY_RE}))?")),
    Rule("this_pod", _compile(
        rf"\b(?:(?P<mod>early|late|earlier|later)\s+)?(?P<rel>this|last|tomorrow|yesterday|the\s+next|the\s+following|the\s+previous|that)\s+(?P<pod>{PART_OF_DAY_RE})\b")),
    Rule("overnight", _compile(r"\b(?P<pod>overnight)\b")),
    Rule("bare_pod", _compile(
        r"(?:(?<=\bin\s)|(?<=\bby\s)|(?<=\bduring\s)|(?<=\buntil\s)|(?<=\bthrough\s))"
        r"(?:the\s+(?:early\s+|late\s+)?(?P<pod>morning|afternoon|evening)|(?P<mid>mid[\s-]?(?:morning|afternoon)))\b"),
        accept_bare_pod),
    Rule("ref", _compile(
        r"\b(?:right\s+now|now|currently|then[\s-]+current|current(?!ly)|nowadays|these\s+days|at\s+present|presently|more\s+recently|recently|lately|formerly|the\s+past|the\s+(?:near\s+|distant\s+|foreseeable\s+)?future|future|soon|the\s+(?:near|short|long)\s+term|a\s+later\s+date)\b(?!-)"),
        accept_ref),
    Rule("weekday_set", _compile(rf"\b(?:(?:every|each)\s+(?P<wd>{FULL_WEEKDAY_RE})|(?P<wd2>{FULL_WEEKDAY_RE})s)\b(?:\s+(?P<pod>{PART_OF_DAY_RE})s?)?")),
    Rule("weekday", _compile(
        rf"\b(?:(?P<rel>last|next|this|this\s+past|this\s+coming|coming|past|the\s+previous|the\s+following|early|late|earlier|later)\s+)?(?P<wd>{FULL_WEEKDAY_RE})(?:'s)?\b(?:\s+(?P<pod>{PART_OF_DAY_RE})\b)?"), accept_weekday),
    Rule("rel_unit", _compile(
        rf"\b(?:(?P<mod>{EDGE_RE})[\s-]+(?:in\s+)?)?(?P<rel>{REL_RE})\s+(?P<unit>week|weekend|month|year|quarter|decade|century|fiscal\s+year)\b(?!-)")),
    Rule("in_the_unit", _compile(r"\b(?P<mod>earlier|later|early|late)\s+in\s+the\s+(?P<unit>week|month|year|day)\b")),
    Rule("det_unit", _compile(
        r"\b(?:(?P<mod>the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|around|by)\s+)?the\s+(?P<unit>year|month|week|weekend|fiscal\s+year|full\s+year|current\s+fiscal\s+year)\b(?!\s*(?:-|'s|of|before|after|earlier|ago|in\s+which))")),
    Rule("relative_day", _compile(r"\b(?P<rel>the\s+next|the\s+following|the\s+previous|the\s+same|that\s+same|that|the\s+prior)\s+day\b")),
    Rule("ago", _compile(
        rf"\b(?:(?P<q>about|almost|nearly|some|more\s+than|less\s+than|over|roughly|around|just|only|exactly|at\s+least)\s+)?(?P<n>{NUMBER_RE}|{VAGUE_RE})[\s-]+(?P<unit>{UNIT_RE})s?(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|from\s+now|hence)\b"), accept_ago),
    Rule("bare_ago", _compile(rf"\b(?P<unit>{UNIT_RE})s\s+(?P<dir>ago|earlier|later)\b"), accept_bare_ago),
    Rule("set", _compile(
        rf"\b(?:(?P<every>every|each|per)\s+(?:(?P<n>other|{NUMBER_RE})\s+)?(?P<unit>{UNIT_RE}|{FULL_MONTH_RE}|{SEASON_RE})s?"
        rf"|(?P<adv>daily|weekly|monthly|yearly|hourly|nightly|biweekly|bimonthly|semiannually|semi-annually)"
        rf"|(?P<freq>once|twice|{NUMBER_RE}\s+times)\s+(?:a|an|per|each|every)\s+(?P<unit2>{UNIT_RE}))\b")),
    Rule("someday", _compile(
        r"(?:(?<=\bwill\s)|(?<=\bwould\s)|(?<=\bcould\s)|(?<=\bmight\s)|(?<=\bmay\s)|(?<=\bcan\s)|(?<=\bshall\s)"
        r"|(?<=\bshould\s))(?:one|some)\s?day\b(?!s)")),
    Rule("duration", _compile(
        rf"\b(?P<pre>(?:{QUANT_RE})\s+(?:(?:{QUANT_RE})\s+)*)?(?P<n>{NUMBER_RE})(?:\s+(?:to|or|and)\s+(?P<n2>{NUMBER_RE}))?[\s-]+(?:more\s+|additional\s+|full\s+|straight\s+|consecutive\s+|long\s+|trading\s+|business\s+)?(?P<unit>{UNIT_RE})(?P<pl>s)?"
        r"(?P<post>[\s-]+long|\s+or\s+so|\s+and\s+a\s+half|\s+ahead)?\b(?!-)"), accept_quantity),
    Rule("vague_duration", _compile(
        rf"\b(?:(?P<pre>the\s+(?:past|next|last|first|coming)|the|past|next|over\s+the\s+past|in\s+the\s+coming)\s+)?(?P<v>{VAGUE_RE})\s+(?P<unit>{UNIT_RE})s\b(?:\s+(?P<post>ahead))?")),
    Rule("units_ahead", _compile(r"\bthe\s+(?P<unit>day|week|month|year)s\s+ahead\b")),
    Rule("bare_units", _compile(r"\b(?P<unit>year|month|week|day|decade|hour|minute|centurie)s\b(?!\s+(?:ago|earlier|later|of\s+(?!the\b)))"), accept_bare_units),
    Rule("decades_long", _compile(rf"\b(?P<unit>{UNIT_RE})s-long\b")),
    Rule("time", _compile(
        rf"\b(?:(?P<q>about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?(?P<t>{TIME_OF_DAY_RE})(?:\s+(?P<zone>{ZONE_RE})\b)?"
        rf"(?:,?\s+(?:on\s+)?(?P<day>{FULL_WEEKDAY_RE}(?:,\s+(?P<mon2>{MONTH_RE})\s+(?P<d2>{DAY_NUM_RE})(?:,\s+(?P<y2>{YEAR_RE})\b)?)?|today|yesterday|tomorrow|(?P<mon>{MONTH_RE})\s+(?P<d>{DAY_NUM_RE})))?(?![\w:])"), None),
    Rule("ordinal_day", _compile(r"(?<=\bon\s)the\s+(?P<d>[12]?\d(?:st|nd|rd|th)|3[01](?:st|th))\b(?!\s+(?:of\s+(?!(?:this|last|next)\s+month))?[a-z])")),
)


def candidate_matches(text: str) -> list[tuple[Rule, re.Match[str]]]:
    """Every accepted match of every rule, overlapping ones included."""
    found = []
    for rule in RULES:
        for m in rule.pattern.finditer(text):
            if m.end() > m.start() and (rule.accept is None or rule.accept(m, text)):
                found.append((rule, m))
    return found


def select_longest(found: list[tuple[Rule, re.Match[str]]]) -> list[tuple[Rule, re.Match[str]]]:
    """Non-overlapping matches, preferring the longest (ties: the earlier rule), in text order."""
    order = {rule.name: i for i, rule in enumerate(RULES)}
    ranked = sorted(found, key=lambda rm: (-(rm[1].end() - rm[1].start()), order[rm[0].name], rm[1].start()))
    taken: list[tuple[Rule, re.Match[str]]] = []
    occupied = SpanSet()
    for rule, m in ranked:
        if not occupied.overlaps(m.start(), m.end()):
            taken.append((rule, m))
            occupied.add(m.start(), m.end())
    return sorted(taken, key=lambda rm: rm[1].start())
