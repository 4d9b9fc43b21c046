"""What the analyst receives from a store: exports, the report, the brief and the timeline.

`rows.py` builds each export kind's rows from the store (`EXPORT_FIELDS` is their contract);
`formats.py` renders rows as JSON Lines, CSV, GeoJSON or ACLED's CSV through a registry of renderers;
`report.py`, `brief.py` and `timeline.py` build the reading views; `write.py` writes them all to a
folder; `safety.py` keeps hostile text inert in every format.
"""

from .formats import FORMATS, RENDERERS, Renderer, export_text, render
from .rows import EXPORT_FIELDS, EXPORT_KINDS, ROW_BUILDERS, ExportError, export_rows

__all__ = ["EXPORT_FIELDS", "EXPORT_KINDS", "FORMATS", "RENDERERS", "ROW_BUILDERS", "ExportError", "Renderer",
           "export_rows", "export_text", "render"]
