"""The CLI end to end on the project's example corpus and on the real seed reports."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from crosswire.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "hama-2024"


def _seeds() -> Path:
    from bench.common import SharedDataMissing, shared_dir

    try:
        return shared_dir() / "seeds"
    except SharedDataMissing as err:
        pytest.skip(str(err))


def _count(db: Path, sql: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchone()[0]


@pytest.fixture(scope="module")
def example_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("examples")
    db, out = tmp / "x.db", tmp / "out"
    assert main(["run", str(EXAMPLES), "--db", str(db), "--out", str(out)]) == 0
    return db, out


@pytest.mark.slow
def test_run_writes_store_report_and_every_export(example_run: tuple[Path, Path]) -> None:
    db, out = example_run
    assert _count(db, "SELECT count(*) FROM articles") >= 8
    for name in ("report.md", "report.html", "exports/articles.jsonl", "exports/events.csv",
                 "exports/events.geojson", "exports/places.geojson", "exports/stories.jsonl"):
        assert (out / name).is_file(), name
    articles = [json.loads(x) for x in (out / "exports/articles.jsonl").read_text().splitlines()]
    assert all(a["story_id"] for a in articles)
    assert any(a["duplicate_of"] for a in articles), "the wire re-runs should be found as duplicates"


@pytest.mark.slow
def test_example_corpus_facts(example_run: tuple[Path, Path]) -> None:
    """What examples/README.md says a correct analysis of the corpus shows."""
    _, out = example_run
    articles = [json.loads(x) for x in (out / "exports/articles.jsonl").read_text().splitlines()]
    assert len(articles) == 12
    copies = [a for a in articles if a["duplicate_of"]]
    assert len(copies) == 2 and len({a["duplicate_of"] for a in copies}) == 1, "three copies of one dispatch"
    original = next(a for a in articles if a["id"] == copies[0]["duplicate_of"])
    assert all(original["published"] <= a["published"] for a in copies), "the first copy is the original"
    undated = [a for a in articles if a["published_source"] == "inferred"]
    assert len(undated) == 1 and "2024-12-03" <= undated[0]["published"][:10] <= "2024-12-05"
    assert all(a["published"] for a in articles)


@pytest.mark.slow
def test_broken_example_is_rejected_with_reason(example_run: tuple[Path, Path]) -> None:
    db, _ = example_run
    with sqlite3.connect(db) as conn:
        rejects = conn.execute("SELECT path, code, message FROM rejects").fetchall()
    assert any(code.startswith("input.") and msg for _, code, msg in rejects)


@pytest.mark.slow
def test_rerun_adds_nothing(example_run: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    db, out = example_run
    before = {t: _count(db, f"SELECT count(*) FROM {t}") for t in ("articles", "annotations", "rejects")}
    assert main(["run", str(EXAMPLES), "--db", str(db), "--out", str(out)]) == 0
    after = {t: _count(db, f"SELECT count(*) FROM {t}") for t in ("articles", "annotations", "rejects")}
    assert after == before
    assert " 0 new, 0 new versions" in capsys.readouterr().out


@pytest.mark.slow
def test_export_and_status_commands(example_run: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    db, _ = example_run
    capsys.readouterr()
    assert main(["export", "times", "--db", str(db), "--format", "csv"]) == 0
    header = capsys.readouterr().out.splitlines()[0]
    assert header.startswith("article_id,start,end,text,type,value")
    assert main(["status", "--db", str(db)]) == 0
    assert json.loads(capsys.readouterr().out)["articles"] >= 8
    assert main(["search", "Hama", "--db", str(db)]) == 0
    assert "[Hama" in capsys.readouterr().out


def test_missing_store_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "events", "--db", str(tmp_path / "none.db")]) == 1
    assert "no store at" in capsys.readouterr().err


@pytest.mark.slow
def test_analyze_json(capsys: pytest.CaptureFixture[str]) -> None:
    path = next(p for p in sorted(EXAMPLES.iterdir()) if p.suffix == ".txt")
    assert main(["analyze", str(path), "--published", "2024-12-05", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["text"] and data["sentences"] and data["mentions"]


@pytest.mark.slow
@pytest.mark.shared
def test_seeds_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeds = _seeds()
    db, out = tmp_path / "s.db", tmp_path / "s"
    assert main(["run", str(seeds), "--db", str(db), "--out", str(out)]) == 0
    assert _count(db, "SELECT count(*) FROM articles") == 5
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT raw_text, text, published, published_source FROM articles").fetchall()
    doubled = [r for r in rows if len(r[1]) < 0.6 * len(r[0])]
    assert len(doubled) == 1, "the report carrying its body twice is stored with one copy"
    assert sum(1 for r in rows if r[3] == "text") >= 2
    assert (out / "report.md").is_file() and (out / "exports/events.jsonl").is_file()
    before = _count(db, "SELECT count(*) FROM annotations")
    assert main(["run", str(seeds), "--db", str(db), "--out", str(out)]) == 0
    assert _count(db, "SELECT count(*) FROM annotations") == before
    assert _count(db, "SELECT count(*) FROM articles") == 5
