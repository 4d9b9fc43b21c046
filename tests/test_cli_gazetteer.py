"""`crosswire gazetteer import` loads a GeoNames dump that the resolver then uses."""

from __future__ import annotations

import gzip
from pathlib import Path

from crosswire.cli import main
from crosswire.geo.gazetteer import Gazetteer

# One made-up 19-column GeoNames row (a place that does not exist), tab-separated.
ROW = "\t".join(["99000001", "Qaryat Testiya", "Qaryat Testiya", "Testiya,Qaryat Testiyah", "34.5", "37.25",
                 "P", "PPL", "SY", "", "13", "", "", "", "1200", "", "400", "Asia/Damascus", "2024-01-01"])


def test_import_then_lookup(tmp_path: Path, capsys) -> None:
    dump = tmp_path / "SY.txt.gz"
    with gzip.open(dump, "wt", encoding="utf-8") as f:
        f.write(ROW + "\n")
    target = tmp_path / "extra.sqlite"
    assert main(["gazetteer", "import", str(dump), "--target", str(target)]) == 0
    assert "imported 1 places" in capsys.readouterr().out
    gazetteer = Gazetteer.load(target)
    found = gazetteer.lookup("Testiya")
    assert any(p.id == 99000001 and abs(p.lat - 34.5) < 1e-6 for p in found)


def test_import_of_a_missing_file_is_a_clear_error(tmp_path: Path, capsys) -> None:
    assert main(["gazetteer", "import", str(tmp_path / "nope.txt"), "--target", str(tmp_path / "g.sqlite")]) == 1
    assert "error" in capsys.readouterr().err
