"""crosswire: many outlets' reports of a war or crisis turned into one reconciled, sourced picture.

Importing the package loads no model; models and gazetteers load on first use. For notebooks,
`crosswire.open(db)` gives the records of a store (see `notebook.py`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from .notebook import Crosswire

__version__ = "0.1.0"
__all__ = ["__version__", "open"]


def open(db: str | Path) -> Crosswire:  # noqa: A001 - the notebook entry point is named like a file open
    """The store at `db`, read-only, with .events(), .figures(), .entities(), ... (DataFrames with pandas)."""
    from .notebook import Crosswire

    return Crosswire(db)
