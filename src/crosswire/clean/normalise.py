"""Character normalisation and whitespace collapse, one character at a time (offsets kept).

The normalisations, all documented here because the offset map relies on them:
- curly and typographic quotes become straight: ‘ ’ ‚ ‛ ′ → ' and “ ” „ ‟ ″ « » → ";
- tabs, no-break and other Unicode spaces become " "; \\u2028, \\u2029, \\x85 and a lone \\r become "\\n";
- zero-width characters, soft hyphens, byte-order marks, other control characters and the \\r of
  \\r\\n are dropped;
- spaces at the start and end of a line are dropped, a run of spaces keeps its first, and more
  than one blank line in a row keeps one; blank lines at the start and end of the text are dropped.
`normalised_char(raw_char)` gives what a kept raw character may have become.
"""

from __future__ import annotations

import re

from .offsets import MappedText

QUOTES = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
}
SPACES = frozenset("\t\x0b\x0c\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
                   "\u200a\u202f\u205f\u3000")
LINE_BREAKS = frozenset("\u2028\u2029\x85\r")
DROPPED = frozenset("\u200b\u200c\u200d\u2060\ufeff\xad")


def normalised_char(char: str) -> str:
    """What a raw character becomes when it is kept (itself when no normalisation applies)."""
    if char in QUOTES:
        return QUOTES[char]
    if char in SPACES:
        return " "
    if char in LINE_BREAKS:
        return "\n"
    return char


# Characters dropped outright: invisible ones, control characters other than the kept line breaks
# and spaces, and the \r of \r\n.
_DROP = re.compile("[" + "".join(sorted(DROPPED)) + "\x00-\x08\x0e-\x1f\x7f]|\r(?=\n)")
_ONE_FOR_ONE = {ord(c): normalised_char(c) for c in (*QUOTES, *SPACES, *LINE_BREAKS)}


def normalise_chars(mapped: MappedText) -> MappedText:
    """Quotes straightened, odd spaces and line breaks unified, invisible characters dropped."""
    mapped = mapped.drop(m.span() for m in _DROP.finditer(mapped.text))
    return mapped.translate(_ONE_FOR_ONE)


_EDGE_SPACES = re.compile(r"^ +| +$", re.M)
_SPACE_RUNS = re.compile(r"(?<= ) +")
_EXTRA_BLANK_LINES = re.compile(r"(?<=\n\n)\n+")
_TEXT_EDGES = re.compile(r"^\n+|\n+$")


def collapse_whitespace(mapped: MappedText) -> MappedText:
    """Spaces trimmed at line edges and collapsed inside lines; blank-line runs cut to one."""
    for pattern in (_EDGE_SPACES, _SPACE_RUNS, _EXTRA_BLANK_LINES, _TEXT_EDGES):
        mapped = mapped.drop(m.span() for m in pattern.finditer(mapped.text))
    return mapped
