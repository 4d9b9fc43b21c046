"""The folder walk: symlink loops walked once, links out of the folder refused, odd names read."""

from __future__ import annotations

from pathlib import Path

from crosswire.ingest import read_inputs
from crosswire.model import Article
from crosswire.pipeline import Reject

TEXT = "Ferry service resumes\n\nThe ferry between the two harbour towns resumed on Friday, its operator said.\n"


def test_symlink_loop_and_escape(tmp_path: Path) -> None:
    root, outside = tmp_path / "in", tmp_path / "secret.txt"
    (root / "sub").mkdir(parents=True)
    outside.write_text("a private note that must never be published\n")
    (root / "sub" / "a.txt").write_text(TEXT)
    (root / "sub" / "loop").symlink_to(root)  # a loop back to the top
    (root / "sub" / "again").symlink_to(root / "sub")  # a second link to a folder already walked
    (root / "leak.txt").symlink_to(outside)
    (root / "inside.txt").symlink_to(root / "sub" / "a.txt")  # a link within the folder is fine
    items = list(read_inputs([root]))
    rejects = [i for i in items if isinstance(i, Reject)]
    articles = [i for i in items if isinstance(i, Article)]
    assert [r.code for r in rejects] == ["input.outside"] and "leak.txt" in (rejects[0].path or "")
    assert all("private note" not in a.raw_text for a in articles)
    assert len(articles) == 2  # a.txt and inside.txt (one text: the store keeps it once)


def test_odd_file_names(tmp_path: Path) -> None:
    names = ["sp ace.txt", "quote'\"s.txt", "ünï cødé.txt", "hash#q?.txt", "-dash.txt", "new\nline.txt"]
    for name in names:
        (tmp_path / name).write_text(TEXT)
    items = list(read_inputs([tmp_path]))
    assert len(items) == len(names) and all(isinstance(i, Article) for i in items)


def test_own_files_excluded(tmp_path: Path) -> None:
    from crosswire.ingest import ReadOptions

    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "report.md").write_text(TEXT.replace("Friday", "Monday"))
    (tmp_path / "s.db").write_bytes(b"SQLite format 3\x00" + bytes(100))
    items = list(read_inputs([tmp_path], ReadOptions(exclude=(tmp_path / "out", tmp_path / "s.db"))))
    assert [Path(i.source_path or "").name for i in items if isinstance(i, Article)] == ["a.txt"]
    assert not [i for i in items if isinstance(i, Reject)]
