"""Metadata hygiene: invisible characters stripped from short fields, impossible dates refused.

Titles, outlets, bylines, urls and record ids are shown to analysts and compared across reports, so
characters that change how text displays without being seen are taken out: bidirectional controls
(U+202A-U+202E, U+2066-U+2069, U+200E/F, U+061C), zero-width characters (U+200B-U+200D, U+2060,
U+FEFF), NUL and the other C0/C1 controls. A publication date before `EARLIEST` or after the latest
time the caller allows (`ReadOptions.latest`, the time of reading plus a day when crosswire reads)
is refused: it is kept in `meta["published_refused"]` with a note saying why, and the report is
dated from its text or content instead.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from ..model import Note

__all__ = ["EARLIEST", "check_published", "clean_field"]

EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
_INVISIBLE = re.compile("[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f"
                        "\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def clean_field(value: str | None) -> str | None:
    """A short metadata value without invisible or control characters, on one line; None when empty."""
    if value is None:
        return None
    text = " ".join(_INVISIBLE.sub("", value).split())
    return text or None


def check_published(value: datetime | None, latest: datetime | None, stage: str) -> tuple[datetime | None, Note | None]:
    """`value` when it is a possible publication time, else None and a note saying why it was refused."""
    if value is None:
        return None, None
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    if aware < EARLIEST:
        why = f"before {EARLIEST.year}"
    elif latest is not None and aware > latest:
        why = f"after the time of reading ({latest.date().isoformat()})"
    else:
        return value, None
    return None, Note(stage, "published.refused",
                      f"the publication date {value.isoformat()} is {why}, so it cannot be when the report was "
                      "published; the report is dated from its text instead (give --published to set it)")
