"""Per-report work grows linearly with the report's length (issue 16), and the indexes that make it so
answer exactly what the scans they replace answered.

Near-linearity is shown without a clock: each stage's Python work is counted as the lines the
interpreter runs (a trace function counts every line event, loops inside comprehensions included),
on a report and on one four times longer. A stage that scans the whole report once per event,
mention or place does about four times the work per character on the longer one; a linear stage
does the same. `python -m bench length` times the same thing from 10 KB to 1 MB.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.geo.distance import NearIndex, haversine_km
from crosswire.model import Mention
from crosswire.nlp.entities import harmonise_labels
from crosswire.positions import ByStart, SpanGrid, SpanSet


@dataclass
class Rec:
    start: int
    end: int


spans = st.lists(st.tuples(st.integers(0, 300), st.integers(0, 40)).map(lambda se: Rec(se[0], se[0] + se[1])),
                 max_size=40)
window = st.tuples(st.integers(0, 340), st.integers(0, 60))


@settings(max_examples=150, deadline=None)
@given(spans, window)
def test_by_start_answers_as_the_scans_do(items: list[Rec], w: tuple[int, int]) -> None:
    start, end = w[0], w[0] + w[1]
    index = ByStart(items)
    assert index.indices_within(start, end) == [i for i, r in enumerate(items) if start <= r.start < end]
    after = [i for i, r in enumerate(items) if r.start >= start]
    assert index.first_from(start) == (after[0] if after else None)
    before = [i for i, r in enumerate(items) if r.start < end]
    assert index.last_before(end) == (max(before, key=lambda i: items[i].start) if before else None)
    odd = ByStart(items, keep=lambda r: r.start % 2 == 1)
    assert odd.indices_within(start, end) == [i for i in index.indices_within(start, end) if items[i].start % 2]


@settings(max_examples=150, deadline=None)
@given(spans, spans, window)
def test_span_set_and_grid_answer_as_the_scans_do(taken: list[Rec], more: list[Rec], w: tuple[int, int]) -> None:
    start, end = w[0], w[0] + w[1]
    occupied = SpanSet(taken)
    for r in more:
        occupied.add(r.start, r.end)
    everything = taken + more
    assert occupied.overlaps(start, end) == any(r.start < end and start < r.end for r in everything)
    grid = SpanGrid(everything)
    assert grid.covering(start, end) == [i for i, r in enumerate(everything) if r.start <= start and end <= r.end]
    inside = [i for i, r in enumerate(everything) if r.start <= start < r.end]
    assert grid.containing(start) == (inside[0] if inside else None)


points = st.lists(st.tuples(st.floats(-89.9, 89.9), st.floats(-180, 180)), max_size=30)


@settings(max_examples=100, deadline=None)
@given(points, st.tuples(st.floats(-89.9, 89.9), st.floats(-180, 180)), st.sampled_from([150.0, 600.0]))
def test_near_index_never_loses_a_point_within_reach(pts: list[tuple[float, float]], at: tuple[float, float],
                                                     km: float) -> None:
    index = NearIndex(((lat, lon, n) for n, (lat, lon) in enumerate(pts)), km)
    within = {n for n, (lat, lon) in enumerate(pts) if haversine_km(at[0], at[1], lat, lon) <= km}
    assert within <= set(index.near(*at))


def _harmonised_by_scanning(text: str, mentions: list[Mention]) -> list[Mention]:
    """What harmonise_labels gave before its word index, for model mentions: each name's label by vote
    (ties to the first label in order), last names of persons as persons, then one regex pass per name
    with overlaps found by scanning every mention."""
    counts: dict[str, dict[str, int]] = {}
    for m in mentions:
        counts.setdefault(m.text, {}).setdefault(m.label, 0)
        counts[m.text][m.label] += 1
    votes = {name: max(sorted(c), key=c.__getitem__) for name, c in counts.items()}
    for m in mentions:
        parts = m.text.split()
        if m.label == "PERSON" and len(parts) >= 2 and len(parts[-1]) >= 3 and parts[-1][:1].isupper():
            votes[parts[-1]] = "PERSON"
    fixed = [m if votes.get(m.text, m.label) == m.label else Mention(m.start, m.end, m.text, votes[m.text],
                                                                    source=m.source) for m in mentions]
    for name, label in sorted(votes.items()):
        if len(name) < 3 or not name[:1].isupper():
            continue
        found = [m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
                 if not any(t.start < m.end() and m.start() < t.end for t in fixed)]
        fixed += [Mention(s, e, name, label, source="rule") for s, e in found]
    return sorted(fixed, key=lambda m: (m.start, m.end))


WORDS = ["Hama", "Abu", "Hama-Idlib", "Phil Simmons", "Simmons", "al", "the", "Hamas", "-", ", ", " ", "\n", "Ab",
         "Simmons-Lee", "HTS", "Ïdlib"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30), st.data())
def test_label_harmonising_finds_what_a_regex_per_name_finds(parts: list[str], data: Any) -> None:
    text = " ".join(parts)
    names = [m for w in ("Hama", "Phil Simmons", "HTS", "Hama-Idlib", "Ïdlib") for m in re.finditer(re.escape(w), text)]
    picked = data.draw(st.lists(st.sampled_from(names), unique_by=lambda m: m.start(), max_size=6)) if names else []
    mentions, last_end = [], -1
    for m in sorted(picked, key=lambda m: m.start()):
        if m.start() >= last_end:
            label = data.draw(st.sampled_from(["PERSON", "GPE", "ORG"]))
            mentions.append(Mention(m.start(), m.end(), m.group(), label, source="model"))
            last_end = m.end()
    assert harmonise_labels([text], [list(mentions)])[0] == _harmonised_by_scanning(text, list(mentions))


def lines_run(stage: Any, article: Any) -> int:
    """How many lines of Python the stage runs on the article (every line event, loops included)."""
    count = 0

    def trace(frame: Any, event: str, arg: Any) -> Any:
        nonlocal count
        count += 1
        return trace

    previous = sys.gettrace()
    sys.settrace(trace)
    try:
        stage(article)
    finally:
        sys.settrace(previous)
    return count


@pytest.mark.slow
def test_every_stage_does_about_the_same_work_per_character_on_a_report_four_times_longer(full_pipeline) -> None:
    from bench.scale import make_report

    from crosswire.model import Article

    published = datetime(2024, 12, 5, tzinfo=UTC)
    full_pipeline(Article(raw_text=make_report(2000, True, seed=1), published=published))  # loads what loads once
    per_char: dict[int, dict[str, float]] = {}
    for size in (5_000, 20_000):
        article = Article(raw_text=make_report(size, True), published=published)
        per_char[size] = {stage.name: lines_run(stage, article) / size for stage in full_pipeline.stages}
    growth = {name: round(per_char[20_000][name] / max(per_char[5_000][name], 1e-9), 2)
              for name in per_char[5_000] if per_char[5_000][name] >= 0.5}  # stages doing any real work
    assert growth and all(g <= 1.5 for g in growth.values()), growth


AMBIGUOUS = ("ISCAP fighters and iscap units met the Syrian National Army, the syrian national army and the SNA "
             "near Idlib; HTS and Hay'at Tahrir al-Sham, the Islamic State and ISIS, al-Shabaab and Al Shabaab.")


@pytest.mark.slow
def test_the_alias_ruler_sets_the_entities_spacys_entity_ruler_sets(events_stage) -> None:
    """Same spans, labels and actor ids as `entity_ruler` with the same patterns, ties between two actors'
    names included (the ruler must hand its matches to the choice in the Matcher's order)."""
    from spacy.pipeline import EntityRuler

    from crosswire.nlp.entities import AliasRuler, alias_patterns

    resources = events_stage.resources
    nlp = resources.nlp
    patterns = alias_patterns(nlp, resources.aliases)
    reference = EntityRuler(nlp, overwrite_ents=True)
    reference.add_patterns(patterns)
    ours = AliasRuler(nlp.vocab)
    ours.add_patterns(patterns)
    names = sorted({" ".join(next(iter(t.values())) for t in p["pattern"]) for p in patterns})
    texts = [AMBIGUOUS, AMBIGUOUS.upper(), ", ".join(names), " and ".join(reversed(names)),
             *(f"Fighters of {a} clashed with {b} ({a.title()})." for a, b in zip(names, names[7:], strict=False))]
    for text in texts:
        expected, got = reference(nlp.make_doc(text)), ours(nlp.make_doc(text))
        assert [(e.start, e.end, e.label_, e.ent_id_) for e in got.ents] == \
            [(e.start, e.end, e.label_, e.ent_id_) for e in expected.ents]


@pytest.mark.slow
def test_a_parse_whose_entities_and_sentences_were_read_still_pickles(events_stage) -> None:
    """A pool worker sends its reports back pickled, parse included: what is kept on the Doc to read it once
    (spans of the Doc) is left out of the pickle, and read again on the other side."""
    import pickle

    from crosswire.nlp.claims import find_claims

    doc = events_stage.resources.annotating_nlp(AMBIGUOUS + " Gunmen shot two men. They fled.")
    claims = find_claims(doc)  # reads each sentence's entities through the Doc's memo
    assert doc.user_data["crosswire.memo"]
    again = pickle.loads(pickle.dumps(doc))
    assert [e.text for e in again.ents] == [e.text for e in doc.ents]
    assert find_claims(again) == claims
