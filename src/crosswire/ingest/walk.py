"""Walking input folders safely: sorted, hidden names skipped, symlink loops and escapes refused.

A folder is walked once per real location (a symlink loop, or two links to one folder, is walked
once). A symlink whose target lies outside the folder given on the command line is not followed: it
becomes a `Reject` ("input.outside") saying so, because a link to a system file must never be
published as a report. Paths in `exclude` (crosswire's own store, report and exports) are skipped,
so `crosswire run .` never reads its own output.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError, OutsideInput
from ..pipeline import Reject
from .records import reject

__all__ = ["iter_files", "is_excluded", "walk_folder"]


def iter_files(folder: Path, exclude: Iterable[Path] = ()) -> Iterator[Path]:
    """The readable files under `folder`, recursively, sorted by path (refused links left out)."""
    for item in walk_folder(folder, exclude):
        if isinstance(item, Path):
            yield item


def walk_folder(folder: Path, exclude: Iterable[Path] = ()) -> Iterator[Path | Reject]:
    """Files under `folder` in sorted order, and a Reject for each link or folder that cannot be walked."""
    root = folder.resolve()
    yield from _walk(folder, root, frozenset(Path(p).resolve() for p in exclude), {root})


def is_excluded(path: Path, exclude: frozenset[Path]) -> bool:
    """Whether `path` (resolved) is one of `exclude` or inside one of them."""
    return any(path == e or e in path.parents for e in exclude)


def _walk(folder: Path, root: Path, exclude: frozenset[Path], seen: set[Path]) -> Iterator[Path | Reject]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as err:
        yield _refuse(InputError(f"cannot list folder {folder}: {err.strerror}; check its permissions",
                                 path=str(folder)))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        real = path.resolve()
        if is_excluded(real, exclude):
            continue
        if entry.is_symlink() and root != real and root not in real.parents:
            yield _refuse(OutsideInput(f"{path} is a link to {real}, outside the input folder {root}; "
                                       "copy the file into the folder to read it", path=str(path)))
            continue
        if entry.is_dir():
            if real in seen:
                continue  # a symlink loop, or a second link to a folder already walked
            seen.add(real)
            yield from _walk(path, root, exclude, seen)
        elif entry.is_file():
            yield path


def _refuse(err: InputError) -> Reject:
    return reject(err, err.path)
