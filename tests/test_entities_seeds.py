"""Entity resolution over the five seed reports (slow; skipped when the shared data is absent)."""

from __future__ import annotations

import pytest
from bench.common import SharedDataMissing, shared_dir

from crosswire.link.entities import Entity, resolve_entities
from crosswire.model import Article, Mention
from crosswire.nlp.entities import AnnotateStage
from crosswire.resources import Resources


@pytest.fixture(scope="session")
def seed_entities() -> tuple[list[Entity], list[tuple[str, Mention]]]:
    try:
        seeds = sorted((shared_dir() / "seeds").glob("*.txt"))
    except SharedDataMissing as err:
        pytest.skip(f"shared data absent: {err}")
    if not seeds:
        pytest.skip("no seed reports in the shared data")
    resources = Resources()
    stage = AnnotateStage(resources)
    pairs: list[tuple[str, Mention]] = []
    texts: dict[str, str] = {}
    for path in seeds:
        text = path.read_text(encoding="utf-8")
        article = stage(Article(raw_text=text, text=text, id=path.stem))
        texts[path.stem] = text
        pairs += [(path.stem, m) for m in article.mentions]
    return resolve_entities(pairs, resources.aliases, texts), pairs


def entities_named(result, names: set[str]) -> set[str]:
    entities, pairs = result
    by_ref = {ref: e.id for e in entities for ref in e.mention_refs}
    return {by_ref[(aid, m.start, m.end)] for aid, m in pairs
            if m.text in names and (aid, m.start, m.end) in by_ref}


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.parametrize("names", [
    {"HTS", "Hayat Tahrir al-Sham", "Levant Liberation Committee", "Levant Liberation Organization"},
    {"Golani", "Jolani", "Abu Mohammed al-Golani", "Abu Mohammed al-Jolani"},
    {"OSDH", "Syrian Observatory for Human Rights"},
    {"Hasan Abdelghani", "Hassan Abdel Ghani"},
])
def test_alias_group_is_one_entity(seed_entities, names: set[str]) -> None:
    found = {m.text for _, m in seed_entities[1]} & names
    assert len(found) >= 2, f"too few of {names} were recognised: {found}"
    assert len(entities_named(seed_entities, names)) == 1


@pytest.mark.slow
@pytest.mark.shared
def test_government_army_and_rebel_sna_are_two(seed_entities) -> None:
    army = entities_named(seed_entities, {"Syrian national army", "Syrian army", "Syrian Army"})
    sna = entities_named(seed_entities, {"Syrian National Army"})
    assert len(army) == 1 and len(sna) == 1
    assert army != sna


def test_no_person_entity_from_a_byline_date_or_a_headline_word():
    try:
        folder = shared_dir() / "seeds"
    except SharedDataMissing as err:
        pytest.skip(f"shared evaluation data not available: {err}")
    stage = AnnotateStage(Resources())
    people = set()
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text("utf-8")
        people |= {m.text for m in stage(Article(raw_text=text, text=text)).mentions if m.label == "PERSON"}
    assert not any(p.split()[-1] in ("Thu", "Mon", "Tue", "Wed", "Fri", "Sat", "Sun") for p in people)
    assert "Calm" not in people
