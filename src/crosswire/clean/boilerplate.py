"""Lines that are page furniture, not reporting: link labels, share and subscribe prompts, credits.

A line is dropped only when the whole (trimmed) line matches one of the patterns below, so a
sentence that merely mentions "newsletter" or "cookies" is kept. A bare label such as "RELATED:" or
"See also" also takes the headline-like line after it (the linked story's title).
"""

from __future__ import annotations

import re

from .offsets import line_spans

MAX_BOILERPLATE_LINE = 250
_HEADLINE_MAX = 160

_LABEL = r"(?:related(?: (?:articles?|stories|news|content|coverage))?|see also|also read|read (?:also|next)|more on this(?: story)?|recommended(?: for you)?|most read|trending(?: now)?|you may also like|more stories)"
_SOCIAL = r"(?:x|twitter|facebook|instagram|telegram|tiktok|youtube|whatsapp|linkedin|threads|bluesky|truth social)"
_PATTERNS = tuple(re.compile(p, re.I) for p in (
    _LABEL + r"\s*[:|\-\u2013\u2014]?",                            # a bare label (takes the next headline)
    _LABEL + r"\s*[:|\-\u2013\u2014>\u00bb]\s*.+",                  # a label with the linked title
    r"read (?:more|later|full (?:story|article))\W{0,3}",
    r"(?:continue|keep) reading.{0,60}",
    r"loading(?:\.{3}|\u2026)?",
    r"(?:advertisement|advertising|ad|sponsored(?: content)?|promoted)",
    r"(?:share|tweet|email|print|copy link|comments?)(?: (?:this|the) (?:article|story|page|post))?\W{0,3}",
    r"(?:share|follow|like|join|find) (?:us |this |it )?(?:on|via|in) .{0,60}",
    r"(?:share|follow|like|subscribe|join)\b.{0,60}\b" + _SOCIAL + r"\b.{0,40}",
    r"(?:sign up|subscribe|register)\b.{0,80}\b(?:newsletter|updates|alerts|channel|briefing|inbox)\b.{0,60}",
    r".{0,120}\b(?:we use cookies|cookie (?:policy|settings|preferences|consent)|accept (?:all )?cookies)\b.{0,200}",
    r"click here\b.{0,100}",
    r"skip to (?:main )?content",
    r"(?:\u00a9|copyright\b)\s*(?:\u00a9\s*)?(?:(?:19|20)\d\d\b.{0,100}|.{0,60}\b(?:associated press|reuters|afp)\b.{0,40})",
    r".{0,100}\ball rights reserved\W{0,3}",
    r"via\s+[\w@][\w .&'\-]{0,60}",                                 # "Via Some Outlet"
    r"(?:" + _SOCIAL + r"\s*/\s*)?@[\w.]{2,40}",                    # "X/ @handle", "@handle"
    r"pic\.twitter\.com/\w+",
    r"(?:photo|image|picture|video|illustration)(?: credits?)?\s*[:|/]\s*.{0,80}",
    r".{0,40}\barticle reserved for (?:our )?subscribers\b.{0,200}",
))
_BARE_LABEL = _PATTERNS[0]


def is_boilerplate(line: str) -> bool:
    """Whether a whole trimmed line is page furniture."""
    line = line.strip()
    if not line or len(line) > MAX_BOILERPLATE_LINE:
        return False
    return any(p.fullmatch(line) for p in _PATTERNS)


def looks_like_headline(line: str) -> bool:
    """A short line without a closing full stop: the title of a linked story."""
    line = line.strip()
    return 0 < len(line) <= _HEADLINE_MAX and not line.endswith((".", ",", ";", ":")) and len(line.split()) <= 25


def boilerplate_ranges(text: str) -> list[tuple[int, int]]:
    """Ranges [start, end) of whole boilerplate lines in `text`, each with its line break."""
    lines = line_spans(text)
    ranges: list[tuple[int, int]] = []
    take_headline = False
    for start, end, line in lines:
        if take_headline and line.strip():
            take_headline = False
            if looks_like_headline(line):
                ranges.append((start, end))
                continue
        if is_boilerplate(line):
            ranges.append((start, end))
            take_headline = bool(_BARE_LABEL.fullmatch(line.strip()))
    return ranges
