"""crosswire: many outlets' reports of a war or crisis turned into one reconciled, sourced picture.

The public face, loaded lazily: importing the package loads no model, gazetteer or stage; each name
below imports its room on first use.

- `open_store(db)`: the store at a path or `postgresql://` URL; `open(db)`: the same store read-only,
  for notebooks, with `.events()`, `.figures()`, ... (`notebook.py`);
- `ingest_reports(paths, store, settings, resources)`, `link_reports(store, resources)`,
  `run(paths, store, settings, resources)` (read, analyse, store, link and write, as `crosswire run` does),
  `analyze(path, settings)` (one file, nothing stored);
- `load_settings`, `Resources` (the models and gazetteer, loaded once and shared);
- the records (`Article`, `Mention`, `Place`, `TimeRef`, `Figure`, `EventMention`, `Claim`, `Note`) and
  `CrosswireError`, the base of every error crosswire raises on purpose.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    from .notebook import Crosswire

__version__ = "0.1.0"

# public name -> (module, attribute); `ingest` and `link` are rooms, so their verbs carry a noun.
_LAZY: dict[str, tuple[str, str]] = {
    "open_store": ("crosswire.store", "open_store"),
    "ingest_reports": ("crosswire.api", "ingest"),
    "link_reports": ("crosswire.link.run", "link_store"),
    "run": ("crosswire.api", "run"),
    "analyze": ("crosswire.api", "analyze_file"),
    "load_settings": ("crosswire.config", "load_settings"),
    "Resources": ("crosswire.resources", "Resources"),
    "CrosswireError": ("crosswire.errors", "CrosswireError"),
    **{name: ("crosswire.model", name)
       for name in ("Article", "Mention", "Place", "TimeRef", "Figure", "EventMention", "Claim", "Note")},
}
__all__ = ["__version__", "open", *_LAZY]


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'crosswire' has no attribute {name!r}")
    module, attribute = _LAZY[name]
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value
    return value


def open(db: str | Path) -> Crosswire:  # noqa: A001 - the notebook entry point is named like a file open
    """The store at `db`, read-only, with .events(), .figures(), .entities(), ... (DataFrames with pandas)."""
    from .notebook import Crosswire

    return Crosswire(db)
