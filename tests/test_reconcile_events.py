"""Event mentions merged into events: the compatibility rules, and order-free incremental merging."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.reconcile import EventIndex, MentionRecord, MergeOptions, PlaceKey, compatible, merge_mentions
from crosswire.reconcile.fields import merged_event

TOWN_A = PlaceKey("Northfield", 1, "local", "XX", "01", 10.0, 20.0)
TOWN_A_SUBURB = PlaceKey("Northfield Heights", 2, "local", "XX", "01", 10.02, 20.02)
TOWN_B = PlaceKey("Southport", 3, "local", "XX", "01", 11.0, 21.0)
PROVINCE = PlaceKey("First Province", 4, "division", "XX", "01", 10.5, 20.5)
OTHER_PROVINCE_TOWN = PlaceKey("Eastwick", 5, "local", "XX", "02", 30.0, 40.0)
COUNTRY_XX = PlaceKey("Xland", 6, "country", "XX", None, 15.0, 25.0)


def mention(mid: str, article: str = "r1", place: PlaceKey | None = TOWN_A, day: str = "2024-03-04",
            kind: str = "Battles", precision: str = "day", **kw: object) -> MentionRecord:
    return MentionRecord(id=mid, article_id=article, event_type=kind, date=day, date_precision=precision,
                         place=place, **kw)  # type: ignore[arg-type]


OPTS = MergeOptions()


def test_one_family_of_violence_merges_across_reports() -> None:
    assert compatible(mention("a", "r1", kind="Battles"), mention("b", "r2", kind="Explosions/Remote violence"), OPTS)
    assert not compatible(mention("a", "r1", kind="Battles"), mention("b", "r2", kind="Protests"), OPTS)


def test_history_does_not_merge_with_the_news() -> None:
    assert not compatible(mention("a", "r1"), mention("b", "r2", modality="historical"), OPTS)


def test_dates_within_the_slack_and_coarse_dates_only_with_their_equal() -> None:
    assert compatible(mention("a", "r1", day="2024-03-04"), mention("b", "r2", day="2024-03-05"), OPTS)
    assert not compatible(mention("a", "r1", day="2024-03-04"), mention("b", "r2", day="2024-03-07"), OPTS)
    month = mention("b", "r2", day="2024-03", precision="month")
    assert not compatible(mention("a", "r1"), month, OPTS)
    assert compatible(mention("c", "r3", day="2024-03", precision="month"), month, OPTS)


def test_a_town_inside_its_province_merges_and_a_country_bridges_nothing() -> None:
    assert compatible(mention("a", "r1", place=TOWN_A), mention("b", "r2", place=PROVINCE), OPTS)
    assert compatible(mention("a", "r1", place=TOWN_A), mention("b", "r2", place=TOWN_A_SUBURB), OPTS)
    assert not compatible(mention("a", "r1", place=TOWN_A), mention("b", "r2", place=TOWN_B), OPTS)
    assert not compatible(mention("a", "r1", place=TOWN_A), mention("b", "r2", place=OTHER_PROVINCE_TOWN), OPTS)
    assert not compatible(mention("a", "r1", place=TOWN_A), mention("b", "r2", place=COUNTRY_XX), OPTS)
    assert compatible(mention("a", "r1", place=COUNTRY_XX), mention("b", "r2", place=COUNTRY_XX), OPTS)


def test_a_reports_own_mentions_of_the_day_merge_placeless_or_near() -> None:
    assert compatible(mention("a", "r1", place=None), mention("b", "r1", place=TOWN_A), OPTS)
    assert not compatible(mention("a", "r1", place=None), mention("b", "r2", place=TOWN_A), OPTS)
    assert compatible(mention("a", "r1", place=TOWN_A), mention("b", "r1", place=TOWN_B), OPTS)  # ~150 km
    assert not compatible(mention("a", "r1", place=TOWN_A), mention("b", "r1", place=OTHER_PROVINCE_TOWN), OPTS)


def test_actors_must_agree_when_asked() -> None:
    strict = MergeOptions(actors_must_agree=True)
    a = mention("a", "r1", actor1="Group One")
    assert not compatible(a, mention("b", "r2", actor1="Group Two"), strict)
    assert compatible(a, mention("b", "r2", actor1="Group Two", actor2="Group One"), strict)
    assert compatible(a, mention("b", "r2"), strict)


def test_merged_fields_keep_every_value_and_the_rule() -> None:
    members = [mention("a", "r1", place=PROVINCE, killed=4), mention("b", "r2", place=TOWN_A, killed=5),
               mention("c", "r3", place=TOWN_A, killed=4, injured=2), mention("d", "r3", place=TOWN_A, killed=3)]
    event = merged_event("ev1", members)
    place = event["fields"]["place"]
    assert place["chosen"]["name"] == "Northfield" and "finest level" in place["rule"]
    assert {v["value"]["name"] for v in place["values"]} == {"Northfield", "First Province"}
    assert event["fatalities"]["best"] == 4  # r1 says 4, r2 5, r3 4 (its largest)
    assert (event["fatalities"]["low"], event["fatalities"]["high"], event["fatalities"]["conservative"]) == (4, 5, 4)
    assert event["fatalities"]["reports"] == {"r1": 4, "r2": 5, "r3": 4}
    assert event["injured"]["best"] == 2


def test_chains_over_a_province_are_single_link() -> None:
    groups = merge_mentions([mention("a", "r1", place=TOWN_A), mention("b", "r2", place=PROVINCE),
                             mention("c", "r3", place=TOWN_B), mention("d", "r4", place=OTHER_PROVINCE_TOWN)])
    sizes = sorted(len(g) for g in groups.values())
    assert sizes == [1, 3]


PLACES = st.sampled_from([TOWN_A, TOWN_A_SUBURB, TOWN_B, PROVINCE, OTHER_PROVINCE_TOWN, COUNTRY_XX, None])
MENTIONS = st.builds(
    lambda n, art, place, day, kind, hist: mention(f"m{n}", f"r{art}", place=place, day=f"2024-03-0{day}",
                                                    kind=kind, modality="historical" if hist else "happened"),
    st.integers(0, 10_000), st.integers(0, 5), PLACES, st.integers(1, 9),
    st.sampled_from(["Battles", "Violence against civilians", "Protests", "Riots"]), st.booleans())


def _partition(groups: dict[str, list[MentionRecord]]) -> dict[str, list[str]]:
    return {eid: [m.id for m in ms] for eid, ms in groups.items()}


@settings(max_examples=150, deadline=None)
@given(st.lists(MENTIONS, max_size=30, unique_by=lambda m: m.id), st.randoms(use_true_random=False))
def test_reports_added_one_at_a_time_in_any_order_give_the_same_events(mentions: list[MentionRecord],
                                                                         rnd) -> None:  # type: ignore[no-untyped-def]
    at_once = _partition(merge_mentions(mentions))
    by_report: dict[str, list[MentionRecord]] = {}
    for m in mentions:
        by_report.setdefault(m.article_id, []).append(m)
    reports = list(by_report.values())
    rnd.shuffle(reports)
    index = EventIndex()
    for report in reports:
        touched = index.add(report)
        assert {m.id for m in report} <= {m.id for g in index.groups(touched).values() for m in g}
    assert _partition(index.groups()) == at_once


@settings(max_examples=100, deadline=None)
@given(st.lists(MENTIONS, min_size=2, max_size=12, unique_by=lambda m: m.id))
def test_merging_is_transitive_closure_of_compatible_pairs(mentions: list[MentionRecord]) -> None:
    groups = merge_mentions(mentions)
    event_of = {m.id: eid for eid, ms in groups.items() for m in ms}
    for a in mentions:
        for b in mentions:
            if compatible(a, b, OPTS):
                assert event_of[a.id] == event_of[b.id]
