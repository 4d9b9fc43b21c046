"""The package face: lazy (importing crosswire loads no model or stage), complete, and the one `run`
that the CLI, the web app and notebooks share."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import crosswire

ROOT = Path(__file__).resolve().parents[1]


def test_importing_the_package_loads_no_model_and_no_stage() -> None:
    code = ("import sys, crosswire; heavy = [m for m in ('spacy', 'crosswire.api', 'crosswire.nlp', "
            "'crosswire.geo.gazetteer', 'crosswire.store') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=ROOT).stdout.strip()
    assert out == "[]"


@pytest.mark.parametrize("name", [n for n in crosswire.__all__ if n != "__version__"])
def test_every_public_name_resolves(name: str) -> None:
    assert getattr(crosswire, name) is not None


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        _ = crosswire.nothing_here


@pytest.mark.slow
def test_run_reads_links_and_writes_like_the_cli(tmp_path: Path, events_stage) -> None:  # noqa: ANN001
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text("Clashes near Kidal\n\nMarch 3, 2024 - Fighting between the army and rebels "
                                   "near Kidal killed four soldiers on Sunday, officials said.\n", encoding="utf-8")
    settings = crosswire.load_settings(None, db=str(tmp_path / "cw.db"), out=str(tmp_path / "out"))
    with crosswire.open_store(settings.db) as store:
        done = crosswire.run([reports], store, settings, events_stage.resources)
    assert (done.ingest.read, done.ingest.added) == (1, 1)
    assert done.link["stories"] >= 0
    for key in ("report", "brief", "events"):
        assert Path(done.outputs[key]).is_file(), key
    assert "event_id_cnty" in (tmp_path / "out" / "exports" / "events_acled.csv").read_text(encoding="utf-8")
