"""SQLite and PostgreSQL give the same stories, events, figures, entities and contradictions on the
project's example corpus (ingested and linked through the same library functions)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from crosswire.api import ingest
from crosswire.config import load_settings
from crosswire.link.run import link_store
from crosswire.present import ROW_BUILDERS, export_rows
from crosswire.store import open_store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "hama-2024"
VOLATILE = ("ingested_at", "created_at")  # when a row was written, not what it says


def snapshot(url: str, resources: Any) -> dict[str, list[dict[str, Any]]]:
    settings = load_settings(env={}, db=url, progress=False)
    with open_store(url) as store:
        ingest([EXAMPLES], store, settings, resources)
        link_store(store, resources)
        return {kind: [{k: v for k, v in row.items() if k not in VOLATILE} for row in export_rows(store, kind)]
                for kind in ROW_BUILDERS}


@pytest.mark.slow
def test_sqlite_and_postgresql_agree_on_the_examples(tmp_path: Path, postgres_url: str, full_pipeline) -> None:
    resources = full_pipeline.stages[0].resources
    lite = snapshot(str(tmp_path / "x.db"), resources)
    server = snapshot(postgres_url, resources)
    assert len(lite["articles"]) >= 10 and lite["events"] and lite["stories"] and lite["figures"]
    for kind in ROW_BUILDERS:
        assert server[kind] == lite[kind], kind
