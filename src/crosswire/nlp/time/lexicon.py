"""Words and regular-expression fragments the time tagger is built from.

Plain tables only: month and weekday names, number words, time units with their TIMEX3
duration letters, parts of the day, seasons. `rules.py` assembles the recognition rules from these.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "a hundred": 100, "couple": 2, "a couple of": 2, "a couple": 2,
    "dozen": 12, "a dozen": 12, "single": 1,
}

# Quantities that give an unknown count: "several years" -> PXY.
VAGUE_QUANTITIES = ("several", "a few", "few", "many", "some", "numerous", "multiple", "recent",
                    "coming", "the coming", "past", "ensuing", "subsequent")

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
    "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "21st": 21,
}

# Unit word -> (TIMEX3 duration letter, is it a time-of-day unit, multiplier of the letter).
UNITS: dict[str, tuple[str, bool, int]] = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1),
    "day": ("D", False, 1), "night": ("D", False, 1), "week": ("W", False, 1),
    "fortnight": ("W", False, 2), "month": ("M", False, 1), "quarter": ("Q", False, 1),
    "year": ("Y", False, 1), "decade": ("DE", False, 1), "century": ("CE", False, 1),
    "weekend": ("WE", False, 1), "trading day": ("D", False, 1), "business day": ("D", False, 1),
}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "midmorning": "MO", "mid-morning": "MO", "afternoon": "AF", "mid-afternoon": "AF", "midafternoon": "AF",
    "evening": "EV", "night": "NI", "overnight": "NI", "tonight": "NI",
}

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}


def alternation(words: list[str] | tuple[str, ...] | dict[str, object]) -> str:
    """A regex alternation of `words`, longest first so that 'sept' wins over 'sep'."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


MONTH_RE = rf"(?:{alternation(MONTHS)})\.?"
WEEKDAY_RE = rf"(?:{alternation(WEEKDAYS)})\.?"
NUMBER_WORD_RE = rf"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-\s](?:one|two|three|four|five|six|seven|eight|nine)|{alternation(NUMBER_WORDS)})"
NUMBER_RE = rf"(?:\d+(?:[.,]\d+)?(?:\s+1/2)?|{NUMBER_WORD_RE}(?:\s+and\s+a\s+half)?)"
UNIT_RE = r"(?:trading\s+day|business\s+day|second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century|centurie|weekend)"
PART_OF_DAY_RE = r"(?:morning|afternoon|mid-?afternoon|evening|night|overnight)"
SEASON_RE = r"(?:spring|summer|fall|autumn|winter)"
DAY_NUM_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR_RE = r"(?:1[5-9]\d\d|20\d\d)"
TIME_OF_DAY_RE = r"(?:\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)(?![a-z])|\d{1,2}:\d{2}(?:\s*(?:hrs|h|GMT|UTC))?|noon|midnight|midday)"
ZONE_RE = r"(?:[ECMP][SD]T|GMT|UTC|BST|CET|CEST)"


SPELLED_YEAR_RE = (r"(?:(?:nineteen|twenty)\s+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                   r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen"
                   r"|fifteen|sixteen|seventeen|eighteen|nineteen)|two\s+thousand(?:\s+(?:and\s+)?[a-z]+teen|\s+(?:and\s+)?"
                   r"(?:one|two|three|four|five|six|seven|eight|nine|ten))?)")


def spelled_year(text: str) -> int | None:
    """The year written in words: "nineteen ninety-four" -> 1994, "two thousand and six" -> 2006."""
    words = " ".join(text.lower().replace(" and ", " ").split())
    if words.startswith("two thousand"):
        rest = words.removeprefix("two thousand").strip()
        small = number_value(rest) if rest else 0
        return None if small is None else 2000 + int(small)
    century, _, rest = words.partition(" ")
    if century not in ("nineteen", "twenty") or not rest:
        return None
    small = number_value(rest)
    return None if small is None else (1900 if century == "nineteen" else 2000) + int(small)


def number_value(word: str) -> int | float | None:
    """The value of a number written in digits or words: 'two' -> 2, '24' -> 24, '2 1/2' -> 2.5."""
    word = " ".join(word.lower().replace(",", "").split())
    half = 0.5 if word.endswith(" and a half") or word.endswith(" 1/2") else 0.0
    word = word.removesuffix(" and a half").removesuffix(" 1/2")
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        value = float(word) + half
        return int(value) if value.is_integer() else value
    if "-" in word or " " in word:
        tens, _, ones = word.replace("-", " ").partition(" ")
        if tens in NUMBER_WORDS and ones in NUMBER_WORDS:
            return NUMBER_WORDS[tens] + NUMBER_WORDS[ones]
    if word in NUMBER_WORDS:
        value = NUMBER_WORDS[word] + half
        return int(value) if value.is_integer() else value
    return None
