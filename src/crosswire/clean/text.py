"""`clean_text`: raw report text to the cleaned text every later stage's spans point into.

Steps, in order: character normalisation (quotes, spaces, invisible characters), whitespace
collapse, boilerplate lines dropped, a line glued to itself cut to one copy, repeated blocks of
lines removed (first copy kept), whitespace collapsed again. Every step only drops characters or
replaces one by one (see `normalise`), so `offsets[i]` is always the raw index of `text[i]`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Note
from .boilerplate import boilerplate_ranges
from .normalise import collapse_whitespace, normalise_chars
from .offsets import MappedText
from .repeats import Repeat, find_glued_lines, find_repeated_blocks

CLEAN_STAGE = "clean"


@dataclass
class CleanResult:
    """The cleaned text, its map to raw offsets, and what cleaning noticed."""

    text: str
    offsets: list[int]
    notes: list[Note] = field(default_factory=list)
    dropped_lines: int = 0


@dataclass(frozen=True)
class _RawRepeat:
    kept: tuple[int, int]
    removed: tuple[int, int]
    lines: int
    glued: bool


def clean_text(raw: str) -> CleanResult:
    """Cleaned text with its offset map and notes (one "repeat.removed" per removed copy)."""
    mapped = collapse_whitespace(normalise_chars(MappedText.from_raw(raw)))
    furniture = boilerplate_ranges(mapped.text)
    mapped = mapped.drop(furniture)
    mapped, glued = _remove(mapped, find_glued_lines(mapped.text), glued=True)
    mapped, blocks = _remove(mapped, find_repeated_blocks(mapped.text), glued=False)
    mapped = collapse_whitespace(mapped)
    notes = [_repeat_note(mapped, repeat) for repeat in glued + blocks]
    return CleanResult(mapped.text, list(mapped.offsets), notes, len(furniture))


def _remove(mapped: MappedText, repeats: list[Repeat], glued: bool) -> tuple[MappedText, list[_RawRepeat]]:
    """Drop each repeat's later copy; remember both copies as raw ranges for the notes."""
    raw = [_RawRepeat(mapped.raw_span(*r.kept), mapped.raw_span(*r.removed), r.lines, glued) for r in repeats]
    return mapped.drop(r.removed for r in repeats), raw


def _repeat_note(mapped: MappedText, repeat: _RawRepeat) -> Note:
    """A note spanning the kept copy in the cleaned text, saying what was removed from where."""
    start = mapped.text_index(repeat.kept[0])
    end = max(start, mapped.text_index(repeat.kept[1]))
    removed_start, removed_end = repeat.removed
    what = "a line glued to itself" if repeat.glued else f"a repeated block of {repeat.lines} line(s)"
    message = (f"removed {what}: raw characters {removed_start}-{removed_end} "
               f"({removed_end - removed_start} characters) repeat the text kept here")
    return Note(stage=CLEAN_STAGE, code="repeat.removed", message=message, start=start, end=end)
