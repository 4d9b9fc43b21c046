"""Text that remembers where each character came from.

`MappedText` pairs a string with, for each character, its index in the raw text. Cleaning only
ever drops characters or replaces one character by one other, so the offsets stay strictly
increasing and every cleaned character points at the raw character it was made from.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class MappedText:
    """A cleaned string and, for each of its characters, the raw-text index it came from."""

    text: str
    offsets: tuple[int, ...]

    @classmethod
    def from_raw(cls, raw: str) -> MappedText:
        return cls(raw, tuple(range(len(raw))))

    def drop(self, ranges: Iterable[tuple[int, int]]) -> MappedText:
        """The text without the half-open ranges [start, end) of the current text."""
        kept_text: list[str] = []
        kept_offsets: list[int] = []
        position = 0
        for start, end in _merged(ranges, len(self.text)):
            kept_text.append(self.text[position:start])
            kept_offsets.extend(self.offsets[position:start])
            position = end
        if position == 0:
            return self
        kept_text.append(self.text[position:])
        kept_offsets.extend(self.offsets[position:])
        return MappedText("".join(kept_text), tuple(kept_offsets))

    def translate(self, table: dict[int, str]) -> MappedText:
        """Replace characters one for one (`table` as for `str.translate`, single-character values)."""
        if any(len(value) != 1 for value in table.values()):
            raise ValueError("a character may only become exactly one character")
        return MappedText(self.text.translate(table), self.offsets)

    def text_index(self, raw_index: int) -> int:
        """The first text position whose raw offset is at or after `raw_index`."""
        return bisect_left(self.offsets, raw_index)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw-text range a text range [start, end) was made from."""
        if start >= end or start >= len(self.offsets):
            raw = self.offsets[start] if start < len(self.offsets) else (self.offsets[-1] + 1 if self.offsets else 0)
            return raw, raw
        return self.offsets[start], self.offsets[end - 1] + 1


def _merged(ranges: Iterable[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    """Ranges clipped to [0, size), sorted, with overlapping or touching ones joined."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted((max(s, 0), min(e, size)) for s, e in ranges):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def line_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end including the "\\n", line without it) for each "\\n"-separated line of `text`."""
    spans, pos = [], 0
    for line in text.split("\n"):
        end = pos + len(line)
        spans.append((pos, min(end + 1, len(text)), line))
        pos = end + 1
    return spans if text else []
