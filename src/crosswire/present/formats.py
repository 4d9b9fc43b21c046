"""How export rows become text: a registry of renderers, one per format (JSON Lines, CSV, GeoJSON, ACLED).

Each `Renderer` says which kinds it can render and how, in the shape of datasette's output renderers
(a `can_render` test and a `render` callable): a new format is one more entry in
`RENDERERS`, and `export_text`, the CLI's `--format` choices and `run`'s export folder all follow it.
Row formats render the rows `rows.py` builds; the ACLED format builds its own columns from the
merged events (`acled_csv.py`) and is handed the run's gazetteer for its admin1 names.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .rows import EXPORT_FIELDS, ExportError, export_rows
from .safety import csv_cell

if TYPE_CHECKING:
    from ..geo.types import GazetteerLike
    from ..reconcile import Reconciled
    from ..store import Store

Rows = list[dict[str, Any]]


@dataclass(frozen=True)
class Renderer:
    """One output format. `render_rows` formats rows already built; `render_store` builds its own."""

    can_render: Callable[[str], bool]
    refusal: str  # why a kind it cannot render is refused ({kind} is filled in)
    render_rows: Callable[[Rows, str], str] | None = None
    render_store: Callable[[Store, GazetteerLike | None, Reconciled | None], str] | None = None


def _jsonl(rows: Rows, kind: str) -> str:
    del kind  # every kind's rows are JSON objects
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def _csv(rows: Rows, kind: str) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=EXPORT_FIELDS[kind], extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: csv_cell(json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v)
                         for k, v in row.items()})
    return buf.getvalue()


def _geojson(rows: Rows, kind: str) -> str:
    features = []
    for row in rows:
        where = row["place"] if kind == "events" else row
        if not where or where.get("lat") is None or where.get("lon") is None:
            continue
        features.append({"type": "Feature", "properties": row,
                         "geometry": {"type": "Point", "coordinates": [where["lon"], where["lat"]]}})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1)


def _acled(store: Store, gazetteer: GazetteerLike | None, reconciled: Reconciled | None) -> str:
    from .acled_csv import acled_rows, render_acled

    return render_acled(acled_rows(store, gazetteer, reconciled))


RENDERERS: dict[str, Renderer] = {
    "jsonl": Renderer(lambda kind: True, "", render_rows=_jsonl),
    "csv": Renderer(lambda kind: True, "", render_rows=_csv),
    "geojson": Renderer(lambda kind: kind in ("places", "events"),
                        "GeoJSON needs coordinates; only places and events have them, not {kind}",
                        render_rows=_geojson),
    "acled": Renderer(lambda kind: kind == "events",
                      "the acled format has ACLED's event columns; it exports events, not {kind}",
                      render_store=_acled),
}
FORMATS = tuple(RENDERERS)


def renderer_for(kind: str, fmt: str) -> Renderer:
    """The renderer of `fmt`, refusing a format it does not have or a kind it cannot render."""
    renderer = RENDERERS.get(fmt)
    if renderer is None:
        raise ExportError(f"unknown format {fmt!r}; one of: {', '.join(FORMATS)}")
    if not renderer.can_render(kind):
        raise ExportError(renderer.refusal.format(kind=kind))
    return renderer


def export_text(store: Store, kind: str, fmt: str, gazetteer: GazetteerLike | None = None,
                reconciled: Reconciled | None = None) -> str:
    """One kind of record from the store as text in one of FORMATS (`gazetteer`: the run's, for ACLED's admin1;
    `reconciled`: the store's reconciliation when the caller holds it already)."""
    renderer = renderer_for(kind, fmt)
    if renderer.render_store is not None:
        return renderer.render_store(store, gazetteer, reconciled)
    assert renderer.render_rows is not None
    return renderer.render_rows(export_rows(store, kind, reconciled), kind)


def render(rows: Iterable[dict[str, Any]], kind: str, fmt: str) -> str:
    """Rows already built as text in one of the row formats (jsonl, csv, geojson)."""
    renderer = renderer_for(kind, fmt)
    if renderer.render_rows is None:
        raise ExportError(f"the {fmt} format builds its own rows from the store; use export_text")
    return renderer.render_rows(list(rows), kind)
