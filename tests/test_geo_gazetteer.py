"""Name keys, the gazetteer file format, and importing GeoNames dumps."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from crosswire.errors import ConfigError, InputError
from crosswire.geo.gazetteer import Gazetteer
from crosswire.geo.normalise import full_key, index_key, is_latin_name, skeleton
from crosswire.geo.store import GazetteerWriter, PlaceRow, import_geonames_dump


@pytest.mark.parametrize(("name", "full", "index"), [
    ("Ḩamāh", "hamah", "hamah"),
    ("Al-Bab", "albab", "bab"),
    ("al Bab", "albab", "bab"),
    ("Deir ez-Zor", "deirezzor", "deirzor"),
    ("Jabal Zayn al-Abidin", "jabalzaynalabidin", "jabalzaynabidin"),
    ("São Paulo", "saopaulo", "saopaulo"),
    ("The Hague", "thehague", "hague"),
    ("Ma’arrat al-Nu‘man", "maarratalnuman", "maarratnuman"),
    ("Al", "al", "al"),
])
def test_keys(name: str, full: str, index: str) -> None:
    assert full_key(name) == full
    assert index_key(name) == index


def test_skeleton_ignores_vowel_spelling() -> None:
    assert skeleton("zeinedin") == skeleton("zaynadin")
    assert skeleton("hama") != skeleton("homs")


def test_latin_filter() -> None:
    assert is_latin_name("Ḩamāh")
    assert not is_latin_name("حماة")
    assert not is_latin_name("1234")


def _dump_line(gid: int, name: str, alts: str, lat: float, lon: float, fcode: str, cc: str,
               admin1: str, pop: int) -> str:
    fcl, code = fcode.split(".")
    cols = [str(gid), name, name, alts, str(lat), str(lon), fcl, code, cc, "", admin1, "", "", "",
            str(pop), "", "100", "Asia/Damascus", "2024-01-01"]
    return "\t".join(cols) + "\n"


def test_import_dump_and_lookup(tmp_path: Path) -> None:
    dump = tmp_path / "SY.txt.gz"
    with gzip.open(dump, "wt", encoding="utf-8") as fh:
        fh.write(_dump_line(170017, "Hama", "Hamah,Ḩamāh,حماة,HAM", 35.13, 36.75, "P.PPLA", "SY", "10", 460000))
        fh.write(_dump_line(170018, "Tall Salhab", "Tell Salhab", 35.33, 36.39, "P.PPL", "SY", "10", 9000))
    target = tmp_path / "user.sqlite"
    assert import_geonames_dump([dump], target) == 2
    gaz = Gazetteer.open(target)
    (hama,) = gaz.lookup("Ḩamāh")
    assert (hama.id, hama.fcode, hama.admin1, hama.match) == (170017, "P.PPLA", "10", "exact")
    assert gaz.lookup("HAM") == []  # code-like alternates are not indexed
    assert gaz.lookup("Hama")[0].match == "main"
    assert gaz.lookup("Tell Salhab")[0].id == 170018
    # re-importing replaces rows instead of duplicating names
    assert import_geonames_dump([dump], target) == 2
    assert len(Gazetteer.open(target).lookup("Hamah")) == 1


def test_import_rejects_wrong_layout(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("1\tHama\t35\n", encoding="utf-8")
    with pytest.raises(InputError, match="19"):
        import_geonames_dump([bad], tmp_path / "u.sqlite")
    with pytest.raises(InputError, match="no GeoNames dump"):
        import_geonames_dump([tmp_path / "missing.txt"], tmp_path / "u2.sqlite")


def test_user_file_on_top_of_another(tmp_path: Path) -> None:
    base, user = tmp_path / "base.sqlite", tmp_path / "user.sqlite"
    for path, pop in ((base, 10), (user, 999)):
        writer = GazetteerWriter(path)
        writer.add(PlaceRow(5, "Kafr Nabl", 35.6, 36.56, "P.PPL", "SY", "12", population=pop, origin="t"),
                   ["Kafr Nabl", "Kafranbel"])
        writer.close()
    gaz = Gazetteer([user, base])
    assert gaz.get(5).population == 999
    assert [c.population for c in gaz.lookup("Kafranbel")] == [999]  # the user file wins on an id
    with pytest.raises(ConfigError):
        Gazetteer.load(tmp_path / "nope.sqlite")


def test_load_with_real_cities15000(tmp_path: Path) -> None:
    from bench.common import SharedDataMissing, shared_dir

    try:
        dump = shared_dir() / "geonames" / "cities15000.txt.gz"
    except SharedDataMissing as err:
        pytest.skip(str(err))
    if not dump.is_file():
        pytest.skip(f"{dump} is absent")
    target = tmp_path / "cities15000.sqlite"
    assert import_geonames_dump([dump], target) > 30000
    gaz = Gazetteer.load(target)
    aleppo = [c for c in gaz.lookup("Aleppo") if c.fclass == "P"]
    assert aleppo and aleppo[0].origin.startswith("GeoNames dump")


def test_default_gazetteer_has_countries_admins_and_supplement() -> None:
    gaz = Gazetteer.load(None)
    syria = gaz.country("SY")
    assert syria is not None and syria.id == 163843
    assert gaz.admin1("SY", "10").name == "Hama"
    assert any(c.code == "PCLI" and c.cc == "US" for c in gaz.lookup("U.S."))
    assert any(c.origin.startswith("supplement") for c in gaz.lookup("Bab al-Hawa crossing"))
