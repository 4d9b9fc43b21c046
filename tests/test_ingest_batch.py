"""A batch with broken inputs: each bad file is recorded with its reason, the rest is stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.api import ingest
from crosswire.config import load_settings
from crosswire.errors import CrosswireError
from crosswire.resources import Resources
from crosswire.stages import READ_STAGES
from crosswire.store import SQLiteStore as Store

GOOD = ("Shelling resumed on the southern edge of the town on Monday, residents said, "
        "and aid workers reported that dozens of families had left for nearby villages.\n")


def _batch(folder: Path) -> None:
    folder.mkdir()
    (folder / "good.txt").write_text("Town shelled again\n" + GOOD, encoding="utf-8")
    (folder / "other.jsonl").write_text(
        '{"id": "r1", "title": "Convoy", "text": "An aid convoy crossed the border on Tuesday with food '
        'and medicine for the displaced.", "published": "2024-12-03T10:00:00+00:00"}\n', encoding="utf-8")
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 200)
    (folder / "latin.txt").write_bytes("Caf\xe9 r\xe9sum\xe9".encode("utf-16-le")[:-1] + b"\xff\xfe\x00")
    (folder / "huge.txt").write_text(GOOD * 200, encoding="utf-8")
    (folder / "broken.json").write_text('{"text": "unterminated', encoding="utf-8")


def _settings(tmp_path: Path, **kw: object):
    return load_settings(env={}, db=str(tmp_path / "s.db"), stages=READ_STAGES, max_bytes=10_000, **kw)


def test_bad_inputs_are_rejected_and_the_batch_goes_on(tmp_path: Path) -> None:
    _batch(tmp_path / "in")
    settings = _settings(tmp_path)
    with Store(settings.db) as store:
        summary = ingest([tmp_path / "in"], store, settings, Resources())
        rejects = {Path(r["path"]).name: r["code"] for r in store.reject_rows()}
        assert store.counts()["articles"] == 2
    assert summary.added == 2
    assert rejects["empty.txt"] == "input.empty"
    assert rejects["binary.txt"] == "input.binary"
    assert rejects["huge.txt"] == "input.too_large"
    assert rejects["broken.json"] == "input.corrupt"
    assert rejects["latin.txt"] in ("input.encoding", "input.binary")


def test_rerun_neither_duplicates_nor_drops(tmp_path: Path) -> None:
    _batch(tmp_path / "in")
    settings = _settings(tmp_path)
    with Store(settings.db) as store:
        ingest([tmp_path / "in"], store, settings, Resources())
        first = (store.counts(), store.reject_rows())
        again = ingest([tmp_path / "in"], store, settings, Resources())
        assert (store.counts(), len(store.reject_rows())) == (first[0], len(first[1]))
    assert again.added == 0 and again.existing == 2


def test_raise_policy_stops_at_first_bad_input(tmp_path: Path) -> None:
    _batch(tmp_path / "in")
    settings = _settings(tmp_path, error_policy="raise")
    with Store(settings.db) as store, pytest.raises(CrosswireError):
        ingest([tmp_path / "in"], store, settings, Resources())
