"""Every path, permission and input problem a new user meets ends in a clear, coded error (exit 1),
never a traceback; and crosswire never reads its own store, report or exports as input."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from crosswire.cli import main

LIGHT = "clean,metadata"  # the stages these tests need; the models are not loaded

REPORT_A = ("Convoy reaches river town\n\nA relief convoy of twelve lorries reached the river town of "
            "Eastford on Tuesday after a week on the road, aid workers said.\n")
REPORT_B = ("Bridge reopens after repairs\n\nThe old stone bridge at Westmoor reopened to traffic on "
            "Monday, the council said, after three months of repairs.\n")


@pytest.fixture(autouse=True)
def light_stages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CROSSWIRE_STAGES", LIGHT)
    monkeypatch.setenv("CROSSWIRE_PROGRESS", "false")


def _run(*args: str | Path) -> int:
    return main([str(a) for a in args])


def _error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.startswith("crosswire: error ["), err
    return err


def _count(db: Path, sql: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchone()[0]


def test_run_twice_in_its_own_folder_reads_only_the_reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(REPORT_A)
    (tmp_path / "b.txt").write_text(REPORT_B)
    monkeypatch.chdir(tmp_path)
    assert _run("run", ".") == 0
    assert _run("run", ".") == 0
    out = capsys.readouterr().out
    assert _count(tmp_path / "crosswire.db", "SELECT count(*) FROM articles") == 2
    assert _count(tmp_path / "crosswire.db", "SELECT count(*) FROM rejects") == 0, "its own db files rejected"
    assert "2 read: 0 new, 0 new versions, 2 already stored, 0 rejected" in out


def test_jsonl_record_repeated_with_one_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [{"id": "r1", "text": REPORT_A}, {"id": "r1", "text": REPORT_A},
             {"id": "r1", "text": REPORT_A.replace("twelve", "fourteen")}, {"id": "r2", "text": REPORT_B}]
    feed = tmp_path / "scrape.jsonl"
    feed.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    db = tmp_path / "s.db"
    assert _run("ingest", feed, "--db", db) == 0
    assert "4 read: 2 new, 1 new versions, 1 already stored, 0 rejected" in capsys.readouterr().out
    with sqlite3.connect(db) as conn:
        rows = dict(conn.execute("SELECT id, version_of FROM articles").fetchall())
    changed = next(i for i in rows if i.startswith("r1~"))
    assert rows == {"r1": None, changed: "r1", "r2": None}
    assert _run("ingest", feed, "--db", db) == 0, "a second ingest of the same file"
    assert _count(db, "SELECT count(*) FROM articles") == 3


def test_records_of_one_file_are_not_versions_of_each_other(tmp_path: Path) -> None:
    feed = tmp_path / "digest.jsonl"
    feed.write_text(json.dumps({"text": REPORT_A}) + "\n" + json.dumps({"text": REPORT_B}) + "\n")
    db = tmp_path / "s.db"
    assert _run("ingest", feed, "--db", db) == 0
    assert _count(db, "SELECT count(*) FROM articles WHERE version_of IS NOT NULL") == 0


def test_changed_file_is_a_version_of_itself(tmp_path: Path) -> None:
    report, db = tmp_path / "r.txt", tmp_path / "s.db"
    report.write_text(REPORT_A)
    assert _run("ingest", report, "--db", db) == 0
    report.write_text(REPORT_A.replace("Tuesday", "Wednesday"))
    assert _run("ingest", report, "--db", db) == 0
    assert _count(db, "SELECT count(*) FROM articles WHERE version_of IS NOT NULL") == 1


@pytest.mark.parametrize("case", ["db_parent_file", "out_is_file", "db_not_sqlite", "db_is_folder",
                                  "missing_input", "export_bad_path", "export_into_file"])
def test_bad_paths_give_coded_errors(case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report, afile = tmp_path / "r.txt", tmp_path / "afile"
    report.write_text(REPORT_A)
    afile.write_text("x")
    (tmp_path / "junk.db").write_text("this is not a database")
    db = tmp_path / "s.db"
    if case.startswith("export"):
        assert _run("ingest", report, "--db", db) == 0
        capsys.readouterr()
    args = {
        "db_parent_file": ("run", report, "--db", afile / "s.db", "--out", tmp_path / "o"),
        "out_is_file": ("run", report, "--db", db, "--out", afile),
        "db_not_sqlite": ("run", report, "--db", tmp_path / "junk.db", "--out", tmp_path / "o"),
        "db_is_folder": ("ingest", report, "--db", tmp_path),
        "missing_input": ("run", tmp_path / "nothere.txt", "--db", db, "--out", tmp_path / "o"),
        "export_bad_path": ("export", "articles", "--db", db, "-o", tmp_path / "no" / "such" / "x.jsonl"),
        "export_into_file": ("export", "articles", "--db", db, "-o", afile / "x.jsonl"),
    }[case]
    assert _run(*args) == 1
    _error(capsys)
    assert not (tmp_path / "o").exists() or case != "out_is_file"


def test_reading_commands_on_a_non_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "junk.db").write_text("this is not a database")
    for command in ("status", "search", "export"):
        extra = {"search": ["Hama"], "export": ["articles"]}.get(command, [])
        assert _run(command, *extra, "--db", tmp_path / "junk.db") == 1
        assert "not a SQLite file" in _error(capsys)


def test_missing_store_folder_is_created_and_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "r.txt"
    report.write_text(REPORT_A)
    assert _run("ingest", report, "--db", tmp_path / "new" / "s.db") == 0
    assert "created folder" in capsys.readouterr().err
    assert (tmp_path / "new" / "s.db").is_file()


def _as_nobody(args: list[str]) -> subprocess.CompletedProcess[str]:
    """Run the CLI as an unprivileged user (root ignores file permissions, as read-only media do not)."""
    env = dict(os.environ, CROSSWIRE_STAGES=LIGHT, HOME="/tmp")
    cmd = [sys.executable, "-m", "crosswire.cli", *args]
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv (util-linux) to drop privileges")
        cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *cmd]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, cwd="/", check=False)


def test_store_on_read_only_media(tmp_path: Path) -> None:
    report, folder = tmp_path / "r.txt", tmp_path / "media"
    report.write_text(REPORT_A)
    folder.mkdir()
    db = folder / "s.db"
    assert _run("ingest", report, "--db", db) == 0
    for p in (tmp_path, *tmp_path.parents):
        if p.stat().st_mode & 0o005 != 0o005 and os.geteuid() == 0:
            os.chmod(p, p.stat().st_mode | 0o005)  # let the unprivileged user reach the folder
    for f in folder.iterdir():
        f.chmod(0o444)
    folder.chmod(0o555)
    try:
        status = _as_nobody(["status", "--db", str(db)])
        assert status.returncode == 0, status.stderr
        assert json.loads(status.stdout)["articles"] == 1
        search = _as_nobody(["search", "convoy", "--db", str(db)])
        assert search.returncode == 0 and "Convoy" in search.stdout, search.stderr
        write = _as_nobody(["ingest", str(report), "--db", str(db)])
        assert write.returncode == 1 and "read-only" in write.stderr and "Traceback" not in write.stderr
    finally:
        folder.chmod(0o755)
