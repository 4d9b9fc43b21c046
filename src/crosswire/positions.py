"""Looking records up by where they stand in a report's text, in time that does not grow with the report.

Per-report stages ask the same questions for every mention, figure or event: which times start in
this sentence, does this span overlap a mention already taken. Asked by scanning the report's whole
list each time, they make a stage quadratic in the report's length (a long transcript, a report of
a megabyte on one line). `ByStart` answers "what starts in [start, end)" with a sorted index built
once per report; `SpanSet` answers "does [start, end) overlap anything taken" with a grid of
buckets, and takes new spans as they are found. Both give exactly what the scan they replace gives,
in the same order.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from typing import Generic, Protocol, TypeVar


class Positioned(Protocol):
    @property
    def start(self) -> int: ...


T = TypeVar("T", bound=Positioned)


class ByStart(Generic[T]):
    """Records of a list (times, figures, places, sentences) found by where they start; with `keep`, only
    the records it keeps. Indices are positions in the whole list, answers come in list order."""

    def __init__(self, items: Sequence[T], keep: Callable[[T], object] | None = None) -> None:
        self.items = items
        kept = [i for i, item in enumerate(items) if keep is None or keep(item)]
        order = sorted(kept, key=lambda i: (items[i].start, i))
        self._starts = [items[i].start for i in order]
        self._order = order
        # The smallest list index among the records from each position of `order` on.
        self._first_after: list[int] = []
        for i in reversed(order):
            self._first_after.append(min(i, self._first_after[-1]) if self._first_after else i)
        self._first_after.reverse()

    def __len__(self) -> int:
        return len(self._order)

    def indices_within(self, start: int, end: int) -> list[int]:
        """Indices of the records with start <= record.start < end, in list order."""
        lo, hi = bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end)
        return sorted(self._order[lo:hi])

    def within(self, start: int, end: int) -> list[T]:
        """The records with start <= record.start < end, in list order."""
        return [self.items[i] for i in self.indices_within(start, end)]

    def first_from(self, start: int) -> int | None:
        """The first record in list order among those starting at or after `start` (its index), else None."""
        at = bisect.bisect_left(self._starts, start)
        return self._first_after[at] if at < len(self._order) else None

    def last_before(self, end: int) -> int | None:
        """The record starting last before `end`, the first in list order among those starting there (as
        `max` by start gives it), else None."""
        at = bisect.bisect_left(self._starts, end)
        if at == 0:
            return None
        return self._order[bisect.bisect_left(self._starts, self._starts[at - 1])]


class Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=Spanned)
BUCKET_CHARS = 64


class SpanSet:
    """Spans taken so far, asked whether a new span overlaps one (start < other.end and other.start < end).

    Each span is kept in every bucket of `BUCKET_CHARS` characters it touches (an empty span in the
    bucket of its position); a query looks only in the buckets its own span touches, which hold every
    span it can overlap.
    """

    def __init__(self, spans: Iterable[Spanned | tuple[int, int]] = ()) -> None:
        self._buckets: dict[int, list[tuple[int, int]]] = {}
        for span in spans:
            self.add(*(span if isinstance(span, tuple) else (span.start, span.end)))

    @staticmethod
    def _keys(start: int, end: int) -> range:
        return range(start // BUCKET_CHARS, max(start, end - 1) // BUCKET_CHARS + 1)

    def add(self, start: int, end: int) -> None:
        for key in self._keys(start, end):
            self._buckets.setdefault(key, []).append((start, end))

    def overlaps(self, start: int, end: int) -> bool:
        """True when a span taken overlaps [start, end)."""
        for key in self._keys(start, end):
            if any(s < end and start < e for s, e in self._buckets.get(key, ())):
                return True
        return False


class SpanGrid(Generic[S]):
    """Records with a start and an end (claims, sentences), found by what covers a span: each record is
    kept in every bucket of `BUCKET_CHARS` characters from its start to its end, ends included."""

    def __init__(self, items: Sequence[S]) -> None:
        self.items = items
        self._buckets: dict[int, list[int]] = {}
        for i, item in enumerate(items):
            for key in range(item.start // BUCKET_CHARS, max(item.start, item.end) // BUCKET_CHARS + 1):
                self._buckets.setdefault(key, []).append(i)

    def covering(self, start: int, end: int) -> list[int]:
        """Indices of the records with record.start <= start and end <= record.end, in list order."""
        return [i for i in self._buckets.get(start // BUCKET_CHARS, ())
                if self.items[i].start <= start and end <= self.items[i].end]

    def containing(self, pos: int) -> int | None:
        """The first record in list order with record.start <= pos < record.end, else None."""
        return next(iter(self.covering(pos, pos + 1)), None)
