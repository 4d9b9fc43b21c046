"""Crash safety and concurrent use of a store: a killed run goes on where it stopped and ends with the
store an uninterrupted run makes; a migration killed half way leaves the old schema as it was; readers
answer beside a writer; user filters and searches never reach SQL text."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from tests.web_fixtures import articles

from crosswire.cli import main
from crosswire.errors import StoreError
from crosswire.store import Filters, ReadStore, SQLiteStore, open_store
from crosswire.store.reads import BadQuery

LIGHT = "clean,metadata"  # reading and cleaning only: these runs need no model
ENV = dict(os.environ, CROSSWIRE_STAGES=LIGHT, CROSSWIRE_PROGRESS="false")
TOWNS = ["Eastford", "Westmoor", "Northby", "Southport", "Riverton", "Hillcrest"]


def _records(path: Path, count: int) -> Path:
    rows = [{"id": f"r{i}", "title": f"Convoy {i} reaches {TOWNS[i % 6]}", "published": f"2031-03-{1 + i % 28:02d}",
             "text": f"A convoy of {i % 40 + 2} lorries reached {TOWNS[i % 6]} on day {i}, aid workers said. "
                     f"The road from {TOWNS[(i + 1) % 6]} was open again after {i % 9 + 1} days."}
            for i in range(count)]
    rows.append(dict(rows[count // 2]))  # a record repeated by the feed: stored once
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def _state(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table a run writes, row for row, without the stamps of when rows were written."""
    with sqlite3.connect(db) as conn:
        columns = ", ".join(r[1] for r in conn.execute("PRAGMA table_info(articles)") if r[1] != "ingested_at")
        queries = {"articles": f"SELECT {columns} FROM articles ORDER BY id",
                   "annotations": "SELECT * FROM annotations ORDER BY article_id, kind, idx",
                   "fts": "SELECT article_id, title, text FROM articles_fts ORDER BY article_id",
                   "entities": "SELECT * FROM entities ORDER BY id",
                   "rejects": "SELECT path, stage, code, message FROM rejects ORDER BY path"}
        return {name: conn.execute(sql).fetchall() for name, sql in queries.items()}


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def _ingest(feed: Path, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "crosswire.cli", "ingest", str(feed), "--db", str(db)],
                            env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def _ended(run: subprocess.Popen[bytes]) -> tuple[int, bytes]:
    _, err = run.communicate()
    return run.returncode, err


def test_sigkilled_runs_resume_to_the_uninterrupted_store(tmp_path: Path) -> None:
    feed, reference, db = _records(tmp_path / "feed.jsonl", 1500), tmp_path / "ref.db", tmp_path / "s.db"
    assert _ended(_ingest(feed, reference))[0] == 0
    kills = 0
    for wanted in (1, 400, 900):  # kill once the store holds at least this many reports, or soon after
        run, deadline = _ingest(feed, db), time.monotonic() + 120
        while run.poll() is None and _count(db) < wanted and time.monotonic() < deadline:
            time.sleep(0.01)
        if run.poll() is None:
            os.kill(run.pid, signal.SIGKILL)  # the main process alone, as a crash would
            kills += 1
        err = _ended(run)[1]
        assert b"Traceback" not in err, err.decode()
    assert kills >= 1, "every run ended before its kill: make the feed longer"
    assert _ended(_ingest(feed, db))[0] == 0
    got, want = _state(db), _state(reference)
    assert len(want["articles"]) == 1500
    assert got == want


def test_an_interrupted_ingest_stored_whole_reports_and_a_rerun_completes_it(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A crash between two writes: what was written is whole (report with its index rows), the rest is
    added by the next run, nothing twice."""
    from crosswire.store import sql

    feed, db, reference = _records(tmp_path / "feed.jsonl", 60), tmp_path / "s.db", tmp_path / "ref.db"
    monkeypatch.setenv("CROSSWIRE_STAGES", LIGHT)
    monkeypatch.setenv("CROSSWIRE_PROGRESS", "false")
    assert main(["ingest", str(feed), "--db", str(reference), "--no-link", "--workers", "1"]) == 0
    real_add, added = sql.SqlStore._add, []

    def crash_on_the_40th(self: sql.SqlStore, article, stamp):  # noqa: ANN001
        if len(added) == 39:
            raise KeyboardInterrupt  # Ctrl-C in the middle of a write: the run stops here
        added.append(article.id)
        return real_add(self, article, stamp)

    monkeypatch.setattr(sql.SqlStore, "_add", crash_on_the_40th)
    assert main(["ingest", str(feed), "--db", str(db), "--no-link", "--workers", "1"]) == 130
    kept = _state(db)
    assert 0 < len(kept["articles"]) < 60 and len(kept["fts"]) == len(kept["articles"])
    monkeypatch.setattr(sql.SqlStore, "_add", real_add)
    assert main(["ingest", str(feed), "--db", str(db), "--no-link", "--workers", "1"]) == 0
    assert _state(db) == _state(reference)


def test_a_migration_killed_half_way_leaves_the_old_schema_usable(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with open_store(str(db)) as store:
        for article in articles():
            store.add_article(article)
    with sqlite3.connect(db) as conn:  # the store as schema 2 left it: no filter key rows
        conn.execute("DELETE FROM annotation_keys")
        conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    crash = textwrap.dedent(f"""
        import os
        from crosswire.store import keys, schema, sqlite
        real = keys.fill_annotation_keys
        def fill_then_die(store):
            real(store)  # the data step has written its rows, uncommitted: the process dies here
            os._exit(9)
        sqlite.MIGRATIONS = [m if m.version != 3 else schema.Migration(m.version, m.common, m.sqlite,
                             m.postgresql, fill_then_die) for m in schema.MIGRATIONS]
        sqlite.SQLiteStore({str(db)!r})
    """)
    done = subprocess.run([sys.executable, "-c", crash], env=ENV, capture_output=True, check=False)
    assert done.returncode == 9, done.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "2"
        assert conn.execute("SELECT count(*) FROM annotation_keys").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(articles())
    with pytest.raises(StoreError, match="older than this crosswire"):
        ReadStore(db)  # a reader says what to do
    SQLiteStore(db).close()  # the next writer migrates it
    assert ReadStore(db).annotations("events", Filters(), 50, 0).total > 0


def test_readers_answer_while_a_writer_holds_its_transaction(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    stored = articles()
    writer = SQLiteStore(db)
    writer.add_article(stored[0])
    with writer._transaction():  # a batch being written, not committed yet
        writer._add(stored[1], "2031-03-07T00:00:00+00:00")
        start = time.perf_counter()
        with open_store(str(db), read_only=True) as reader:
            assert reader.counts()["articles"] == 1  # the committed state, at once
            assert [r["article_id"] for r in reader.search("convoys")] == []
        assert time.perf_counter() - start < 5
    with open_store(str(db), read_only=True) as reader:
        assert reader.counts()["articles"] == 2
    writer.close()


INJECTIONS = ["'; DROP TABLE articles; --", "\" OR 1=1 --", "x') UNION SELECT * FROM rejects --", "%' OR '%'='",
              "1; DELETE FROM annotations", "Robert'); DROP TABLE entities;--"]


@pytest.mark.parametrize("payload", INJECTIONS)
def test_filters_with_sql_in_them_match_nothing_and_change_nothing(tmp_path: Path, payload: str) -> None:
    db = tmp_path / "s.db"
    with open_store(str(db)) as store:
        for article in articles():
            store.add_article(article)
        before = store.counts()
    reader = ReadStore(db)
    for kind in ("events", "places", "figures", "mentions"):
        for field in ("type", "actor", "place", "story", "article"):
            try:
                assert reader.annotations(kind, Filters(**{field: payload}), 50, 0).total == 0
            except BadQuery as err:  # a filter this kind has not: said so
                assert "cannot be filtered" in err.message
        with contextlib.suppress(BadQuery):
            reader.annotations(kind, Filters(date_from=payload, date_to=payload), 50, 0)  # compared as text
    assert reader.articles(Filters(story=payload, extra={"outlet": payload}), 50, 0).total == 0
    assert reader.entities(Filters(actor=payload), 50, 0).total == 0
    try:
        assert reader.search(payload, 20, 0).total == 0
    except (StoreError, BadQuery) as err:  # not a full-text query FTS5 can parse: a clear error
        assert "bad search query" in err.message
    reader.close()
    with open_store(str(db)) as store:
        assert store.counts() == before


@pytest.mark.parametrize("query", ["NEAR(", "\"unclosed", "*", "a AND", "title:"])
def test_malformed_searches_on_the_command_line_end_in_a_coded_error(tmp_path: Path, query: str,
                                                                     capsys: pytest.CaptureFixture[str],
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CROSSWIRE_STAGES", LIGHT)
    feed = _records(tmp_path / "feed.jsonl", 3)
    assert main(["ingest", str(feed), "--db", str(tmp_path / "s.db")]) == 0
    capsys.readouterr()
    code = main(["search", query, "--db", str(tmp_path / "s.db")])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert code == 0 or (code == 1 and err.startswith("crosswire: error [")), err
