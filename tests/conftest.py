"""Fixtures shared by the test modules."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def events_stage():
    """One events stage (and one spaCy model) for every events test module."""
    from crosswire.nlp.events import EventsStage
    from crosswire.resources import Resources

    return EventsStage(Resources())


@pytest.fixture(scope="session")
def full_pipeline(events_stage):
    """The default per-report pipeline, on the same resources as `events_stage`."""
    from crosswire.stages import build_pipeline

    return build_pipeline(events_stage.resources)


def seeds_folder():
    """The shared seed reports' folder; skips the asking test without the shared data."""
    from bench.common import SharedDataMissing, shared_dir

    try:
        return shared_dir() / "seeds"
    except SharedDataMissing as err:
        pytest.skip(f"shared evaluation data not available: {err}")


@pytest.fixture(scope="session")
def analysed_seeds(full_pipeline):
    """The five seed reports run through the default pipeline once, for every module that checks them."""
    from crosswire.model import Article

    return [full_pipeline(Article(raw_text=p.read_text("utf-8"), source_path=str(p)))
            for p in sorted(seeds_folder().glob("*.txt"))]


# -- stores: every backend the contract tests run against ------------------------------------------

PG_ENV = "CROSSWIRE_TEST_POSTGRES"


@pytest.fixture(scope="session")
def postgres_server():
    """The URL of a PostgreSQL server for the tests: $CROSSWIRE_TEST_POSTGRES, else a local one started
    from Debian's packages in a temporary directory (tools/pg_test_server.py); skips only when neither can be had."""
    import os

    if os.environ.get(PG_ENV):
        yield os.environ[PG_ENV]
        return
    import shutil
    import tempfile
    from pathlib import Path

    from tools.pg_test_server import start_server, stop_server

    base = Path(tempfile.mkdtemp(prefix="crosswire-pg-"))  # not under pytest's 0700 tree: the server user reads it
    try:
        url = start_server(base)
    except (RuntimeError, OSError) as err:
        pytest.skip(f"no local PostgreSQL server could be started: {err}")
    try:
        yield url
    finally:
        stop_server(base)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server, request):
    """A fresh, empty database on the test server (dropped afterwards)."""
    import uuid

    psycopg = pytest.importorskip("psycopg", reason="the PostgreSQL store needs psycopg (make install)")
    name = f"cw_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield postgres_server.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """Where a store of each backend lives: a SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "s.db")
    return request.getfixturevalue("postgres_url")


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory):
    """The five seed reports ingested once for every reference-case test; skips without the shared data."""
    from pathlib import Path

    from crosswire.cli import main
    from crosswire.store import SQLiteStore

    seeds = seeds_folder()
    db = Path(tmp_path_factory.mktemp("seeds")) / "seeds.db"
    assert main(["ingest", str(seeds), "--db", str(db)]) == 0
    return SQLiteStore(db)
