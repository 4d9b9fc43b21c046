"""The offline gazetteer: look places up by name, id, country or admin code.

`Gazetteer.load(None)` opens the default gazetteer shipped in `crosswire/data` (a gzipped SQLite
file, unpacked once into the user cache folder); `Gazetteer.load(path)` serves a user gazetteer
made by `import_geonames_dump` on top of it. Anything with the methods of `GazetteerLike` can stand
in for it (tests open small hand-built files through the same class).
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import sqlite3
import tempfile
from dataclasses import replace
from functools import cached_property
from pathlib import Path

from ..errors import ConfigError
from .build import data_path
from .demonyms import load_demonyms
from .distance import haversine_km
from .normalise import full_key, index_key, skeleton, unglued_key
from .types import Candidate, coarse_district

DEFAULT_FILE = "geo_gazetteer.sqlite.gz"
_COLUMNS = "id, name, lat, lon, fcode, cc, admin1, admin2, population, origin"
FUZZY_MIN_POPULATION = 20000  # places considered for fuzzy matches outside the document's countries
# The town a division is governed from, by GeoNames feature code, and how far from the division's point
# a town of its name may lie to be taken as its seat when the gazetteer has no code for it.
SEAT_CODES = {"ADM1": "P.PPLA", "ADM2": "P.PPLA2", "ADM3": "P.PPLA3"}
SEAT_BY_NAME_KM = 75.0
SEAT_CODED_MAX_KM = 120.0  # a district's coded seat farther than this from the district's point is a mis-coding
# GeoNames' cities file carries no feature codes, so the builder derives them and a province's capital is
# often coded as a district seat: with no single PPLA, the province's biggest town stands for its capital
# when it is this many times bigger than the next.
CAPITAL_LEAD = 1.5


class Gazetteer:
    """Places in one or more SQLite gazetteer files; earlier files win on the same geonameid."""

    def __init__(self, paths: list[Path]) -> None:
        if not paths:
            raise ConfigError("a gazetteer needs at least one file")
        self.paths = list(paths)
        self._dbs = [_connect(p) for p in self.paths]
        self._fuzzy_pools: dict[str, dict[str, list[tuple[str, str, int]]]] = {}

    @classmethod
    def load(cls, path: str | Path | None = None) -> Gazetteer:
        """The default offline gazetteer, with the user gazetteer at `path` on top when given."""
        default = unpacked_default()
        if path is None:
            return cls([default])
        user = Path(path)
        if not user.is_file():
            raise ConfigError(f"no gazetteer file at {user}; create one with `crosswire gazetteer import`")
        return cls([user, default])

    @classmethod
    def open(cls, path: str | Path) -> Gazetteer:
        """A gazetteer over one file only (tests, or a user file used alone)."""
        return cls([Path(path)])

    def __getstate__(self) -> dict[str, object]:
        return {"paths": self.paths}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(state["paths"])  # type: ignore[misc, arg-type]

    def _query(self, sql: str, args: tuple[object, ...]) -> list[tuple]:
        rows: list[tuple] = []
        for db in self._dbs:
            rows.extend(db.execute(sql, args).fetchall())
        return rows

    def lookup(self, name: str) -> list[Candidate]:
        """Places whose name or alternate name matches `name` (articles and diacritics ignored)."""
        key, full = index_key(name), full_key(name)
        if not key:
            return []
        rows = self._query(
            f"SELECT {_COLUMNS}, n.full, n.alt FROM names n JOIN places p USING (id) WHERE n.key = ?",
            (key,))
        if not rows and (unglued := unglued_key(name)):  # "Deir Ezzor": the key of "Deir ez-Zor"
            rows = self._query(
                f"SELECT {_COLUMNS}, n.full, n.alt FROM names n JOIN places p USING (id) WHERE n.key = ?",
                (unglued,))
        best: dict[int, Candidate] = {}
        for row in rows:
            match = ("main" if row[11] == 0 else "exact") if row[10] == full else "article"
            cand = Candidate(*row[:10], match=match)
            if cand.id not in best or _MATCH_RANK[match] < _MATCH_RANK[best[cand.id].match]:
                best[cand.id] = cand
        return list(best.values())

    def fuzzy(self, name: str, countries: frozenset[str] | None = None) -> list[Candidate]:
        """Places whose name is within a small edit distance (or has the same consonant skeleton)."""
        from rapidfuzz.distance import Levenshtein

        key = index_key(name)
        if len(key) < 4:
            return []
        limit = 1 if len(key) < 8 else 2
        skel = skeleton(key)
        found: dict[int, Candidate] = {}
        for pool in self._pools(countries):
            for cand_key, cand_skel, place_id in pool.get(key[0], ()):
                if abs(len(cand_key) - len(key)) > 3:
                    continue
                edits = Levenshtein.distance(key, cand_key, score_cutoff=limit + 1)
                kind = "fuzzy" if edits <= limit else None
                if kind is None and len(skel) >= 5 and Levenshtein.distance(skel, cand_skel) <= 1:
                    kind = "skeleton"
                if kind and edits > 0 and place_id not in found:
                    place = self.get(place_id)
                    if place is not None:
                        found[place_id] = replace(place, match=kind, edits=edits)
        return list(found.values())

    def _pools(self, countries: frozenset[str] | None) -> list[dict[str, list[tuple[str, str, int]]]]:
        """Name keys to scan for fuzzy matches: one pool per country, or one of big places; each pool is
        bucketed by first letter, since a fuzzy match must share it."""
        names = sorted(countries) if countries else ["*"]
        return [self._pool(cc) for cc in names]

    def _pool(self, cc: str) -> dict[str, list[tuple[str, str, int]]]:
        if cc not in self._fuzzy_pools:
            if cc == "*":
                sql = ("SELECT DISTINCT n.key, n.id FROM names n JOIN places p USING (id) "
                       "WHERE p.population >= ? OR p.fcode NOT LIKE 'P.%'")
                args: tuple[object, ...] = (FUZZY_MIN_POPULATION,)
            else:
                sql = "SELECT DISTINCT n.key, n.id FROM places p JOIN names n ON n.id = p.id WHERE p.cc = ?"
                args = (cc,)
            buckets: dict[str, list[tuple[str, str, int]]] = {}
            for k, i in self._query(sql, args):
                if k:
                    buckets.setdefault(k[0], []).append((k, skeleton(k), i))
            self._fuzzy_pools[cc] = buckets
        return self._fuzzy_pools[cc]

    @cached_property
    def demonyms(self) -> dict[str, str]:
        """Demonym -> country code or "@" continent code, from the curated table."""
        return load_demonyms()

    def get(self, place_id: int) -> Candidate | None:
        rows = self._query(f"SELECT {_COLUMNS} FROM places WHERE id = ?", (place_id,))
        return Candidate(*rows[0]) if rows else None

    def country(self, cc: str) -> Candidate | None:
        rows = self._query(f"SELECT {_COLUMNS} FROM places WHERE cc = ? AND fcode = 'A.PCLI'", (cc,))
        return Candidate(*rows[0]) if rows else None

    def admin1(self, cc: str, code: str) -> Candidate | None:
        rows = self._query(f"SELECT {_COLUMNS} FROM places WHERE cc = ? AND admin1 = ? AND fcode = 'A.ADM1'",
                           (cc, code))
        return Candidate(*rows[0]) if rows else None

    def seat(self, division: Candidate) -> Candidate | None:
        """The town a first-, second- or third-level division is governed from: the one seat GeoNames
        codes for its admin codes (PPLA for a province, PPLA2 for a district), else the biggest town of
        the division's own name near its point ("Jhenaidah" the district and the town). None when unknown."""
        code = SEAT_CODES.get(division.code)
        if code is None or division.cc is None:
            return None
        if division.admin1 and (division.code == "ADM1" or division.admin2):
            sql = f"SELECT {_COLUMNS} FROM places WHERE cc = ? AND fcode = ? AND admin1 = ?"
            args: tuple[object, ...] = (division.cc, code, division.admin1)
            if division.code != "ADM1":
                sql, args = sql + " AND admin2 = ?", (*args, division.admin2)
            rows = self._query(sql, args)
            if len(rows) == 1 and self._near_enough(division, Candidate(*rows[0])):
                return Candidate(*rows[0])
        return self._seat_by_name(division) or (self._biggest_town(division) if division.code == "ADM1" else None)

    @staticmethod
    def _near_enough(division: Candidate, seat: Candidate) -> bool:
        """Whether a district's coded seat lies near enough its point to govern it: a seat coded from a
        town's name alone can sit in another district ("Lucas", a village far from Lucas County)."""
        if division.code == "ADM1" or coarse_district(division) or None in (division.lat, division.lon, seat.lat, seat.lon):
            return True
        return haversine_km(seat.lat, seat.lon, division.lat, division.lon) <= SEAT_CODED_MAX_KM  # type: ignore[arg-type]

    def _seat_by_name(self, division: Candidate) -> Candidate | None:
        """The biggest town of the division's name in it: near its point, or anywhere in its province when
        its point is only its province's (a district no known town lies in)."""
        if division.lat is None or division.lon is None:
            return None
        coarse = coarse_district(division)
        towns = [c for c in self.lookup(division.name)
                 if c.fclass == "P" and c.match in ("main", "exact") and c.cc == division.cc
                 and c.lat is not None and c.lon is not None
                 and (division.admin1 is None or c.admin1 in (division.admin1, None))
                 and (coarse and c.admin1 == division.admin1
                      or haversine_km(c.lat, c.lon, division.lat, division.lon) <= SEAT_BY_NAME_KM)]
        return max(towns, key=lambda c: (c.population, -c.id)) if towns else None

    def _biggest_town(self, province: Candidate) -> Candidate | None:
        """The province's biggest town when it clearly leads the next one (see CAPITAL_LEAD)."""
        rows = self._query(f"SELECT {_COLUMNS} FROM places WHERE cc = ? AND admin1 = ? AND fcode LIKE 'P.%' "
                           "ORDER BY population DESC LIMIT 2", (province.cc, province.admin1))
        towns = sorted((Candidate(*row) for row in rows), key=lambda c: -c.population)  # one file's rows each
        if not towns or towns[0].population <= 0:
            return None
        return towns[0] if len(towns) == 1 or towns[0].population >= CAPITAL_LEAD * towns[1].population else None


_MATCH_RANK = {"main": 0, "exact": 1, "article": 2, "fuzzy": 3, "skeleton": 4}


def _connect(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise ConfigError(f"no gazetteer file at {path}")
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    db.execute("PRAGMA query_only = 1")
    return db


def cache_dir() -> Path:
    """Where the default gazetteer is unpacked: $XDG_CACHE_HOME/crosswire or ~/.cache/crosswire."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "crosswire"


def unpacked_default() -> Path:
    """The default gazetteer as a SQLite file, unpacked from the package once per version."""
    packed = data_path(DEFAULT_FILE)
    if not packed.is_file():
        raise ConfigError(f"the default gazetteer {packed} is missing; run tools/build_gazetteer.py")
    digest = hashlib.sha256(packed.read_bytes()).hexdigest()[:16]
    for folder in (cache_dir(), Path(tempfile.gettempdir()) / "crosswire"):
        target = folder / f"gazetteer-{digest}.sqlite"
        if target.is_file():
            return target
        try:
            folder.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(f".part{os.getpid()}")
            with gzip.open(packed, "rb") as src, open(partial, "wb") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
            partial.replace(target)
            return target
        except OSError:
            continue
    raise ConfigError("cannot unpack the default gazetteer: neither the user cache folder nor the "
                      "temporary folder is writable; set XDG_CACHE_HOME to a writable folder")
