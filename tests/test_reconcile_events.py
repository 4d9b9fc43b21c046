"""Event mentions merged into events: the compatibility rules, and order-free incremental merging."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.reconcile import EventIndex, MentionRecord, MergeOptions, PlaceKey, compatible, merge_mentions
from crosswire.reconcile.events import consistent
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


def test_a_province_does_not_chain_two_towns_into_one_event() -> None:
    """Town A ~ its province ~ town B (150 km from A): the province joins one town, the towns stay apart."""
    groups = merge_mentions([mention("a", "r1", place=TOWN_A), mention("b", "r2", place=PROVINCE),
                             mention("c", "r3", place=TOWN_B), mention("d", "r4", place=OTHER_PROVINCE_TOWN)])
    assert sorted(sorted(m.id for m in g) for g in groups.values()) == [["a", "b"], ["c"], ["d"]]


def test_an_event_holds_only_mentions_consistent_with_every_other() -> None:
    day_chain = [mention("a", "r1", day="2024-03-04"), mention("b", "r2", day="2024-03-05"),
                 mention("c", "r3", day="2024-03-06")]
    groups = merge_mentions(day_chain)
    assert sorted(len(g) for g in groups.values()) == [1, 2]  # the 4th and the 6th are two days apart


SURNAME_TOWN = PlaceKey("Lowtown", 7, "local", "XX", "02", 30.5, 40.5, confidence=0.4)
NAMED_AFTER_A_PERSON = PlaceKey("Carver", 8, "local", "XX", "02", 31.0, 41.0, confidence=0.95, person_name=True)


def test_a_place_read_with_low_confidence_or_from_a_persons_name_places_nothing() -> None:
    main = mention("a", "r1", place=TOWN_A, main=True)
    for doubtful in (SURNAME_TOWN, NAMED_AFTER_A_PERSON):
        side = mention("b", "r1", place=doubtful)  # 2,000 km away, but not a place the report is sure of
        assert compatible(main, side, OPTS)
        assert len(merge_mentions([main, side])) == 1


def test_a_mention_told_for_a_period_tells_no_event() -> None:
    events = merge_mentions([mention("a", "r1"), mention("b", "r2", told_as="period")])
    assert [[m.id for m in g] for g in events.values()] == [["a"]]


def test_a_mention_told_again_joins_its_report_but_bridges_no_reports() -> None:
    first, again = mention("a", "r1"), mention("b", "r1", told_as="retold")
    assert compatible(first, again, OPTS)
    assert not compatible(again, mention("c", "r2"), OPTS)
    assert merge_mentions([mention("x", "r9", told_as="retold")]) == {}  # told again of nothing told once


def test_placeless_mentions_merge_with_their_storys_reports_only() -> None:
    placed = mention("a", "r1", place=TOWN_A, story="s1", main=True)
    assert compatible(placed, mention("b", "r2", place=None, story="s1"), OPTS)
    assert not compatible(placed, mention("b", "r2", place=None, story="s2"), OPTS)
    assert not compatible(placed, mention("b", "r2", place=None, story="s1"), MergeOptions(story_links_placeless="off"))
    country = mention("c", "r3", place=COUNTRY_XX, story="s1")
    assert compatible(placed, country, OPTS)  # a country is too coarse to keep one story's reports apart
    assert not compatible(placed, replace(country, story="s2"), OPTS)


def test_two_gazetteer_readings_of_one_town_name_are_one_place() -> None:
    elsewhere = PlaceKey("Northfield", 99, "local", "YY", "07", -30.0, 100.0)
    assert compatible(mention("a", "r1", place=TOWN_A), mention("b", "r2", place=elsewhere), OPTS)


def test_a_reports_lone_side_mention_folds_into_its_main_event() -> None:
    main = mention("a", "r1", place=TOWN_A, main=True)
    other_report = mention("b", "r2", place=TOWN_A, main=True)
    side = mention("c", "r1", place=OTHER_PROVINCE_TOWN, kind="Explosions/Remote violence")  # hometown, far off
    groups = merge_mentions([main, other_report, side])
    assert sorted(sorted(m.id for m in g) for g in groups.values()) == [["a", "b", "c"]]
    unfolded = merge_mentions([main, other_report, side], MergeOptions(fold_side_mentions=False))
    assert len(unfolded) == 2


def test_a_side_mention_another_report_tells_is_an_event_of_its_own() -> None:
    main = mention("a", "r1", place=TOWN_A, main=True)
    side = mention("c", "r1", place=OTHER_PROVINCE_TOWN)
    also_told = mention("d", "r2", place=OTHER_PROVINCE_TOWN, main=True)
    groups = merge_mentions([main, side, also_told])
    assert sorted(sorted(m.id for m in g) for g in groups.values()) == [["a"], ["c", "d"]]


def test_a_side_mention_of_another_day_or_kind_is_not_folded() -> None:
    main = mention("a", "r1", place=TOWN_A, main=True)
    later = mention("b", "r1", place=OTHER_PROVINCE_TOWN, day="2024-03-09")
    protest = mention("c", "r1", place=OTHER_PROVINCE_TOWN, kind="Protests")
    assert len(merge_mentions([main, later, protest])) == 3


PLACES = st.sampled_from([TOWN_A, TOWN_A_SUBURB, TOWN_B, PROVINCE, OTHER_PROVINCE_TOWN, COUNTRY_XX, SURNAME_TOWN,
                          NAMED_AFTER_A_PERSON, None])
MENTIONS = st.builds(
    lambda n, art, place, day, kind, hist, told, main, story: mention(
        f"m{n}", f"r{art}", place=place, day=f"2024-03-0{day}", kind=kind,
        modality="historical" if hist else "happened", told_as=told, main=main, story=story),
    st.integers(0, 10_000), st.integers(0, 5), PLACES, st.integers(1, 9),
    st.sampled_from(["Battles", "Violence against civilians", "Protests", "Riots"]), st.booleans(),
    st.sampled_from(["event", "event", "retold", "period"]), st.booleans(), st.sampled_from([None, "s1", "s2"]))


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
        told = {m.id for m in report if m.told_as == "event"}  # told again or for a period: maybe in none
        assert told <= {m.id for g in index.groups(touched).values() for m in g}
    assert _partition(index.groups()) == at_once


@settings(max_examples=100, deadline=None)
@given(st.lists(MENTIONS, min_size=2, max_size=12, unique_by=lambda m: m.id))
def test_events_cover_the_mentions_told_as_events_once_and_chain_nothing(mentions: list[MentionRecord]) -> None:
    groups = merge_mentions(mentions)
    members = [m.id for g in groups.values() for m in g]
    assert len(members) == len(set(members))
    assert {m.id for m in mentions if m.told_as == "event"} <= set(members)
    assert not {m.id for m in mentions if m.told_as == "period"} & set(members)
    unfolded = merge_mentions(mentions, MergeOptions(fold_side_mentions=False))
    for group in unfolded.values():  # the split keeps no chain: every two members are consistent
        assert all(consistent(a, b, OPTS) for a in group for b in group)
    assert _report_pairs(groups) == _report_pairs(unfolded)  # folding joins no two reports


def _report_pairs(groups: dict[str, list[MentionRecord]]) -> set[frozenset[str]]:
    return {frozenset((a.article_id, b.article_id)) for g in groups.values() for a in g for b in g
            if a.article_id != b.article_id}
