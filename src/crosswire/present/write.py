"""Write the report and every export into one output folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import OutputError
from ..reconcile import Reconciled, reconcile_store
from ..store import Store
from .formats import export_text, render
from .rows import EXPORT_KINDS, export_rows

if TYPE_CHECKING:
    from ..geo.types import GazetteerLike
from .report import collect, to_html, to_markdown


def check_out_folder(out: str | Path) -> None:
    """Refuse, before any work is done, an output folder that cannot be written."""
    out = Path(out)
    for folder in (out, *out.parents):
        if folder.exists() and not folder.is_dir():
            raise OutputError(f"cannot write the report into {out}: {folder} is a file, not a folder; "
                              "choose another --out")
        if folder.exists():
            if not os.access(folder, os.W_OK | os.X_OK):
                raise OutputError(f"cannot write the report into {out}: {folder} is not writable; "
                                  "choose another --out")
            return


@contextmanager
def writing(where: str | Path) -> Iterator[None]:
    """Turn a failed write (a file in the way, no permission, a full disk) into an OutputError."""
    try:
        yield
    except OSError as err:
        raise OutputError(f"cannot write {err.filename or where}: {err.strerror or err}; "
                          "choose another output path") from err


def write_report(store: Store, out: str | Path, reconciled: Reconciled | None = None) -> dict[str, str]:
    """report.md and report.html in `out`; returns their paths."""
    check_out_folder(out)
    with writing(out):
        return _write_report(store, Path(out), reconciled)


def _write_report(store: Store, out: Path, reconciled: Reconciled | None) -> dict[str, str]:
    out.mkdir(parents=True, exist_ok=True)
    data = collect(store, reconciled)
    texts = {a["id"]: a["text"] for a in data.articles}
    md, page = out / "report.md", out / "report.html"
    md.write_text(to_markdown(data), encoding="utf-8")
    page.write_text(to_html(data, texts), encoding="utf-8")
    return {"report": str(md), "report_html": str(page)}


def write_brief(store: Store, out: str | Path, reconciled: Reconciled | None = None) -> dict[str, str]:
    """brief.md and brief.html in `out`: per story, the cited brief, with what changed since the store's
    previous brief (each brief is recorded in the store for the next to compare with); returns their paths.
    `reconciled`: the store's reconciliation when the caller holds it already."""
    from ..store import ReadStore
    from .brief import build_brief
    from .brief_changes import add_changes, brief_state
    from .brief_render import to_html as brief_html
    from .brief_render import to_markdown as brief_markdown

    check_out_folder(out)
    out = Path(out)
    with writing(out):
        out.mkdir(parents=True, exist_ok=True)
    reader = ReadStore(store)  # the same open store (a PostgreSQL store's path has no password to reopen it)
    reconciled = reconciled or reconcile_store(store)
    flags = reconciled.flags()  # the claims' contradictions and updates, and the tolls'
    briefs = build_brief(reader, flags, reconciled.claims.framing(), reconciled)
    reports = store.counts()["articles"]
    add_changes(briefs, reader, store.last_brief(), reconciled, flags, reports)
    if not getattr(store, "read_only", False):  # a store opened read-only keeps no record of this brief
        store.add_brief(brief_state(reconciled, flags, reports))
    texts = {aid: reader.article(aid) for aid in {a for b in briefs for a in reader.story(b.story_id)["articles"]}}
    md, page = out / "brief.md", out / "brief.html"
    with writing(out):
        md.write_text(brief_markdown(briefs, texts), encoding="utf-8")
        page.write_text(brief_html(briefs, texts), encoding="utf-8")
    return {"brief": str(md), "brief_html": str(page)}


def write_exports(store: Store, out: str | Path, gazetteer: GazetteerLike | None = None,
                  reconciled: Reconciled | None = None) -> dict[str, str]:
    """Every kind as JSON Lines, events.csv (the events' own fields), events_acled.csv (ACLED's columns), and
    GeoJSON for events and places."""
    check_out_folder(out)
    with writing(out):
        return _write_exports(store, Path(out) / "exports", gazetteer, reconciled or reconcile_store(store))


def _write_exports(store: Store, folder: Path, gazetteer: GazetteerLike | None, reconciled: Reconciled
                   ) -> dict[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    written: dict[str, str] = {}
    for kind in EXPORT_KINDS:
        rows = export_rows(store, kind, reconciled)
        path = folder / f"{kind}.jsonl"
        path.write_text(render(rows, kind, "jsonl"), encoding="utf-8")
        written[kind] = str(path)
        if kind == "events":
            (folder / "events.csv").write_text(render(rows, kind, "csv"), encoding="utf-8")
            (folder / "events_acled.csv").write_text(export_text(store, kind, "acled", gazetteer, reconciled), encoding="utf-8")
        if kind in ("events", "places"):
            (folder / f"{kind}.geojson").write_text(render(rows, kind, "geojson"), encoding="utf-8")
    return written


def write_outputs(store: Store, out: str | Path, gazetteer: GazetteerLike | None = None) -> dict[str, str]:
    """The report, the brief and every export in `out` (`gazetteer`: the run's, for the ACLED export), all
    from one reconciliation of the store."""
    check_out_folder(out)
    reconciled = reconcile_store(store)
    return {**write_report(store, out, reconciled), **write_brief(store, out, reconciled),
            **write_exports(store, out, gazetteer, reconciled)}
