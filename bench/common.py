"""Helpers every benchmark task uses: where the shared data is, and plain scoring arithmetic."""

from __future__ import annotations

import functools
import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crosswire.resources import Resources


class SharedDataMissing(RuntimeError):
    """../shared/data is not beside the checkout and CROSSWIRE_SHARED is not set."""


def shared_dir() -> Path:
    """The evaluation data folder: $CROSSWIRE_SHARED/data, or ../shared/data beside the checkout."""
    env = os.environ.get("CROSSWIRE_SHARED")
    root = Path(env) if env else Path(__file__).resolve().parents[2] / "shared"
    data = root / "data"
    if not data.is_dir():
        raise SharedDataMissing(f"no evaluation data at {data}; set CROSSWIRE_SHARED to the shared folder")
    return data


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0.0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@functools.cache
def shared_resources() -> Resources:
    """One `crosswire.resources.Resources` for the whole benchmark process.

    The runner runs every task in one process; tasks that need spaCy or the gazetteer should take
    them from here so the model loads once per run, not once per task. This cache lives in the
    benchmark harness only, never in the library.
    """
    from crosswire.resources import Resources

    return Resources()


def gva_published(row: dict[str, str]) -> datetime | None:
    """A GVA document's `dct` as a datetime, or None when it is missing or malformed."""
    try:
        return datetime.fromisoformat(row["dct"]) if row.get("dct") else None
    except ValueError:
        return None
