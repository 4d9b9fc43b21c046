"""Content repeated inside one report: a line glued to itself, or a block of lines printed twice.

Pages often carry their body twice (a teaser and the full text, or a syndication template run
twice) or a title glued to itself ("TitleTitle"). The first copy is kept and later copies are
removed. Lines are compared on their letters and digits only (case, quotes, dashes and spacing
ignored), so two copies that differ in typography still count as the same. A run of repeated lines
counts only when it is long enough (`MIN_REPEAT_CHARS`) that it cannot be a chance repeat of a
short line such as a dateline or a subheading.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .offsets import line_spans

MIN_REPEAT_CHARS = 150  # letters and digits in a repeated run of lines (about 25 words)
MIN_GLUED_CHARS = 10  # letters and digits in each copy of a line glued to itself
MAX_CANDIDATES = 50  # earlier lines tried as the start of a copy


@dataclass(frozen=True)
class Repeat:
    """A removed copy and the kept first copy, as [start, end) ranges of the text searched."""

    kept: tuple[int, int]
    removed: tuple[int, int]
    lines: int


def line_key(line: str) -> str:
    """What identifies a line's content: its letters and digits, case-folded."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", line).casefold())


def find_glued_lines(text: str) -> list[Repeat]:
    """Lines made of one string twice or more ("TitleTitle", "Title Title", a sentence four times): every copy
    after the first. A line of four copies is halved twice, so cleaning a cleaned text changes nothing."""
    repeats = []
    for start, _end, line in line_spans(text):
        unit = line
        while (half := _glued_half(unit)) is not None:
            unit = half
        if unit is not line:
            repeats.append(Repeat((start, start + len(unit)), (start + len(unit), start + len(line)), 1))
    return repeats


def _glued_half(line: str) -> str | None:
    """The first half of a line made of one string twice, else None."""
    size = len(line)
    for cut in sorted({size // 2, (size + 1) // 2}):
        first, second = line[:cut].rstrip(), line[cut:].strip()
        if len(line_key(first)) >= MIN_GLUED_CHARS and first == second:
            return first
    return None


def find_repeated_blocks(text: str) -> list[Repeat]:
    """Runs of lines that repeat an earlier run of the same lines, each long enough to matter."""
    spans = [(s, e, line) for s, e, line in line_spans(text) if line_key(line)]
    keys = [line_key(line) for _s, _e, line in spans]
    seen: dict[str, list[int]] = {}
    repeats: list[Repeat] = []
    j = 0
    while j < len(keys):
        start, length = _longest_earlier_copy(keys, j, seen.get(keys[j], []))
        if length and sum(len(k) for k in keys[j: j + length]) >= MIN_REPEAT_CHARS:
            kept = (spans[start][0], spans[start + length - 1][1])
            removed = (spans[j][0], spans[j + length - 1][1])
            repeats.append(Repeat(kept, removed, length))
            j += length
            continue
        seen.setdefault(keys[j], []).append(j)
        j += 1
    return repeats


def _longest_earlier_copy(keys: list[str], j: int, candidates: list[int]) -> tuple[int, int]:
    """(start, length) of the longest run starting at an earlier line that lines j.. repeat."""
    best_start, best_length = 0, 0
    for i in candidates[:MAX_CANDIDATES]:
        length = 0
        while j + length < len(keys) and i + length < j and keys[i + length] == keys[j + length]:
            length += 1
        if length > best_length:
            best_start, best_length = i, length
    return best_start, best_length
