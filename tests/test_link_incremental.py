"""Incremental linking gives what linking from scratch gives: reports linked all at once, or some first
and the rest later (in any split and order), end with the same duplicates, stories, entities, merged
events, figure groups and flags; a link with nothing new changes nothing; `full` forgets the state."""

from __future__ import annotations

import json
import tempfile
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.link.run import link_store
from crosswire.model import Article, EventMention, Figure, Mention, Place, Sentence, article_id
from crosswire.names import load_alias_table
from crosswire.reconcile import reconcile_store
from crosswire.store import Store, open_store

HAMA = {"name": "Hama", "geonameid": 170017, "lat": 35.13, "lon": 36.76, "feature_code": "P.PPLA",
        "admin1": "11", "country": "SY"}
DHAKA = {"name": "Dhaka", "geonameid": 1185241, "lat": 23.71, "lon": 90.41, "feature_code": "P.PPLC",
         "admin1": "81", "country": "BD"}
CHICAGO = {"name": "Chicago", "geonameid": 4887398, "lat": 41.85, "lon": -87.65, "feature_code": "P.PPLA2",
           "admin1": "IL", "country": "US"}
PLACES = {"Hama": HAMA, "Hamah": HAMA, "Dhaka": DHAKA, "Chicago": CHICAGO}
NAMES = {"Hayat Tahrir al-Sham": "ORG", "HTS": "ORG", "Syrian Observatory for Human Rights": "ORG", "SOHR": "ORG",
         "Abu Mohammed al-Golani": "PERSON", "Golani": "PERSON", "Jolani": "PERSON", "Bangladesh": "GPE",
         "Ahmed Karim": "PERSON", "Karim": "PERSON", "Metro Rescue Service": "ORG", "MRS": "ORG"}
# (day of December 2030, text, event type or None, killed figure or None)
REPORTS = [
    (5, "Rebels of Hayat Tahrir al-Sham (HTS) entered Hama on Thursday, the Syrian Observatory for Human "
        "Rights said. At least 20 people were killed in the fighting near the citadel.", "Battles", "20 people"),
    (5, "Rebels of Hayat Tahrir al-Sham (HTS) entered Hama on Thursday, the Syrian Observatory for Human "
        "Rights said. At least 20 people were killed in the fighting near the old citadel.", "Battles", "20 people"),
    (6, "The SOHR said 25 people were killed in Hama as HTS fighters advanced into the city. Abu Mohammed "
        "al-Golani addressed the fighters in the main square.", "Battles", "25 people"),
    (6, "Jolani, the leader of HTS, toured Hamah after the army withdrew from the city overnight.", None, None),
    (7, "Golani said the offensive beyond Hama would go on, and HTS fighters moved south.", "Battles", None),
    (5, "Floods in Dhaka displaced thousands of residents, officials in Bangladesh said on Thursday.", None, None),
    (6, "Heavy rain flooded Dhaka streets again; residents of the capital of Bangladesh waded through water.",
     None, None),
    (5, "Police in Chicago said a gunman shot two men near a school on Monday; Ahmed Karim of the Metro Rescue "
        "Service (MRS) said 2 people were killed.", "Violence against civilians", "2 people"),
    (5, "Two men were shot near a Chicago school, police said; the gunman fled. Karim of the MRS said 3 people "
        "were killed.", "Violence against civilians", "3 people"),
    (9, "The army said it repelled an attack on Hama by HTS rebels and the Syrian Observatory for Human Rights "
        "counted the dead.", "Battles", None),
]


def _spans(text: str, word: str) -> list[tuple[int, int]]:
    out, at = [], text.find(word)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + len(word)] if at + len(word) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            out.append((at, at + len(word)))
        at = text.find(word, at + 1)
    return out


def make_report(n: int) -> Article:
    day, text, event_type, killed = REPORTS[n]
    a = Article(raw_text=text, text=text, id=article_id(text), title=f"Report {n}", outlet=f"Outlet {n % 4}",
                published=datetime(2030, 12, day, 9, n, tzinfo=UTC), published_source="metadata",
                offsets=list(range(len(text))))
    a.sentences = [Sentence(0, len(text))]
    a.mentions = sorted((Mention(s, e, name, label) for name, label in NAMES.items() for s, e in _spans(text, name)),
                        key=lambda m: (m.start, m.end))
    a.places = [Place(s, e, name, **PLACES[name], confidence=0.9) for name in PLACES for s, e in _spans(text, name)]
    a.places.sort(key=lambda p: p.start)
    if event_type:
        a.events = [EventMention(0, 40, text[:40], event_type, place=0 if a.places else None,
                                 date=f"2030-12-{day:02d}", date_precision="day", main=True)]
    if killed:
        s, e = _spans(text, killed)[0]
        a.figures = [Figure(s, e, killed, int(killed.split()[0]), kind="killed")]
    return a


@cache
def resources() -> Any:
    return SimpleNamespace(aliases=load_alias_table())


def snapshot(store: Store) -> tuple[Any, ...]:
    links = sorted((a["id"], a["duplicate_of"], a["story_id"]) for a in store.article_rows(include_text=False))
    entities = sorted(json.dumps(e, sort_keys=True) for e in store.entity_rows())
    mentions = sorted((m["article_id"], m["idx"], m.get("entity_id")) for m in store.annotation_rows("mentions"))
    rec = reconcile_store(store)
    events = sorted(json.dumps(e, sort_keys=True, default=str) for e in rec.events)
    groups = sorted(json.dumps(g, sort_keys=True, default=str) for g in rec.figure_groups)
    flags = sorted(json.dumps(f, sort_keys=True, default=str) for f in rec.flags())
    return links, entities, mentions, events, groups, flags


def linked_in_steps(url: str, steps: list[list[int]]) -> tuple[Any, ...]:
    with open_store(url) as store:
        for step in steps:
            store.add_articles([make_report(n) for n in step])
            link_store(store, resources())
        return snapshot(store)


def test_the_corpus_links_into_something_to_compare() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        with open_store(str(Path(tmp) / "s.db")) as store:
            store.add_articles([make_report(n) for n in range(len(REPORTS))])
            link_store(store, resources())
            links, entities, _, events, groups, flags = snapshot(store)
    assert sum(1 for _, dup, _ in links if dup) == 1  # the re-run copy
    assert len({story for _, _, story in links}) < len(links)
    assert any('"HTS"' in e and "Hayat Tahrir al-Sham" in e for e in entities)
    assert events and groups and flags


@settings(max_examples=12, deadline=None)
@given(st.permutations(range(len(REPORTS))), st.integers(min_value=1, max_value=len(REPORTS) - 1))
def test_n_minus_k_then_k_equals_n_at_once(order: list[int], k: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        at_once = linked_in_steps(str(Path(tmp) / "a.db"), [order])
        in_two = linked_in_steps(str(Path(tmp) / "b.db"), [order[:-k], order[-k:]])
        one_by_one = linked_in_steps(str(Path(tmp) / "c.db"), [[n] for n in order]) if k == 1 else in_two
    assert in_two == at_once
    assert one_by_one == at_once


def test_both_backends_link_incrementally_alike(store_url: str, tmp_path: Path) -> None:
    steps = [[0, 2, 5, 7], [1, 3, 8], [4, 6, 9]]
    assert linked_in_steps(store_url, steps) == linked_in_steps(str(tmp_path / "once.db"), [sum(steps, [])])


def test_a_link_with_nothing_new_changes_nothing_and_full_relinks(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "s.db")) as store:
        store.add_articles([make_report(n) for n in range(6)])
        first = link_store(store, resources())
        before = snapshot(store)
        again = link_store(store, resources())
        assert (first["linked"], first["full"], again["linked"], again["full"]) == (6, 1, 0, 0)
        assert snapshot(store) == before
        store.add_articles([make_report(n) for n in range(6, len(REPORTS))])
        step = link_store(store, resources())
        assert (step["linked"], step["full"]) == (len(REPORTS) - 6, 0)
        incremental = snapshot(store)
        full = link_store(store, resources(), full=True)
        assert (full["linked"], full["full"]) == (len(REPORTS), 1)
        assert snapshot(store) == incremental


@pytest.mark.parametrize("n", [0, 3])
def test_a_report_linked_once_is_stamped_with_its_generation(tmp_path: Path, n: int) -> None:
    with open_store(str(tmp_path / "s.db")) as store:
        store.add_article(make_report(n))
        link_store(store, resources())
        store.add_article(make_report(n + 1))
        link_store(store, resources())
        generations = {r["article_id"]: r["generation"] for r in store.link_state_rows()}
    assert sorted(generations.values()) == [1, 2]
