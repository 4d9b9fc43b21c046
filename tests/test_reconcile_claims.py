"""Claims grouped by subject and relation; contradictions told apart from updates (hand-built records)."""

from __future__ import annotations

from crosswire.reconcile import ReportView, build_index, report_statements


def org(text: str, whole: str, canonical: str, actor_type: str = "Rebel group", nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(whole, start + 1)
    return {"start": start, "end": start + len(whole), "text": whole, "label": "ORG", "canonical": canonical,
            "actor_type": actor_type}


ORIGIN_A = "The Northern Front (NF), the Red League's former regional arm, took the pass on Monday."
ORIGIN_B = "Observers worry because, when it was founded, NF was the local branch of the Blue Order."
ORIGIN_C = "The Northern Front, an offshoot of the Red League, denied the charge."


def origin_reports() -> list[ReportView]:
    return [
        ReportView(id="r1", text=ORIGIN_A, outlet="Daily One", published="2030-03-02T09:00:00",
                   mentions=[org(ORIGIN_A, "Northern Front", "Northern Front"), org(ORIGIN_A, "NF", "Northern Front"),
                             org(ORIGIN_A, "Red League", "Red League")]),
        ReportView(id="r2", text=ORIGIN_B, outlet="Evening Two", published="2030-03-02T18:00:00",
                   mentions=[org(ORIGIN_B, "NF", "Northern Front"), org(ORIGIN_B, "Blue Order", "Blue Order")]),
        ReportView(id="r3", text=ORIGIN_C, outlet="Weekly Three", published="2030-03-03T08:00:00",
                   mentions=[org(ORIGIN_C, "Northern Front", "Northern Front"),
                             org(ORIGIN_C, "Red League", "Red League")]),
    ]


def test_origin_statements_name_subject_parent_and_span() -> None:
    (stmt,) = report_statements(origin_reports()[0])
    assert (stmt.subject, stmt.relation, stmt.value) == ("Northern Front", "origin", "Red League")
    assert stmt.text == "NF), the Red League's former regional arm"
    (stmt,) = report_statements(origin_reports()[1])
    assert (stmt.subject, stmt.relation, stmt.value) == ("Northern Front", "origin", "Blue Order")


def test_two_origins_are_a_contradiction_citing_both_sides() -> None:
    (flag,) = build_index(origin_reports()).flags()
    assert flag["kind"] == "contradiction" and flag["field"] == "origin"
    assert flag["values"] == ["Red League", "Blue Order"]
    assert flag["articles"] == [["r1", "r3"], ["r2"]]
    texts = {r.id: r.text for r in origin_reports()}
    assert all(texts[s["article_id"]][s["start"]:s["end"]] == s["text"] for s in flag["sides"])
    assert "fixed fact" in flag["reason"] and "r2 [" in flag["reason"]


def test_present_affiliation_without_a_past_marker() -> None:
    text = "The Hill Brigade, the Red League's northern affiliate, holds the ridge."
    report = ReportView(id="x", text=text, mentions=[org(text, "Hill Brigade", "Hill Brigade"),
                                                      org(text, "Red League", "Red League")])
    (stmt,) = report_statements(report)
    assert (stmt.relation, stmt.value) == ("affiliation", "Red League")


def test_agreeing_origins_raise_nothing() -> None:
    reports = [origin_reports()[0], origin_reports()[2]]
    assert build_index(reports).flags() == []


def place_report(rid: str, published: str, source: str, sub_event: str | None, modality: str, day: str,
                 text: str) -> ReportView:
    place = {"start": text.index("Dalat"), "end": text.index("Dalat") + 5, "text": "Dalat", "name": "Dalat",
             "geonameid": 99}
    event = {"start": 0, "end": 5, "text": text[:5], "event_type": "Battles", "sub_event_type": sub_event,
             "modality": modality, "place": 0, "date": day, "negated": False}
    return ReportView(id=rid, text=text, published=published, published_source=source, places=[place],
                      events=[event])


def test_failed_attack_then_entry_the_same_day_is_an_update() -> None:
    morning = place_report("m", "2030-05-04T07:30:00", "metadata", "Armed clash", "failed", "2030-05-04",
                           "An assault on Dalat was repelled before dawn.")
    evening = place_report("e", "2030-05-04T19:00:00", "metadata", "Non-state actor overtakes territory",
                           "happened", "2030-05-04", "Fighters entered Dalat in the afternoon.")
    (flag,) = build_index([evening, morning]).flags()
    assert flag["kind"] == "update" and flag["field"] == "control"
    assert [s["article_id"] for s in flag["sides"]] == ["m", "e"]
    assert "later report" in flag["reason"]


def test_a_later_report_of_a_failed_attack_after_the_fall_is_a_contradiction() -> None:
    fell = place_report("f", "2030-05-04T09:00:00", "metadata", "Non-state actor overtakes territory",
                        "happened", "2030-05-04", "Fighters entered Dalat at first light.")
    held = place_report("h", "2030-05-04T20:00:00", "metadata", "Armed clash", "failed", "2030-05-04",
                        "The attack on Dalat failed, the garrison says.")
    (flag,) = build_index([fell, held]).flags()
    assert flag["kind"] == "contradiction"


def test_states_on_different_days_are_updates() -> None:
    held = place_report("h", "2030-05-02", "inferred", "Armed clash", "failed", "2030-05-02",
                        "The attack on Dalat failed.")
    fell = place_report("f", "2030-05-06", "inferred", "Non-state actor overtakes territory", "happened",
                        "2030-05-06", "Fighters entered Dalat.")
    (flag,) = build_index([fell, held]).flags()
    assert flag["kind"] == "update" and "between 2030-05-02 and 2030-05-06" in flag["reason"]


def test_page_date_against_byline_date_is_flagged_within_the_report() -> None:
    text = "March 20, 2030\nA headline\nBody text here.\nJo Writer Mon, 03/04/2030 - 11:15"
    dates = [{"value": "2030-03-20T00:00:00", "kind": "page", "text": "March 20, 2030"},
             {"value": "2030-03-04T11:15:00", "kind": "byline", "text": "Jo Writer Mon, 03/04/2030 - 11:15"}]
    (flag,) = build_index([ReportView(id="d", text=text, dates_seen=dates)]).flags()
    assert flag["field"] == "report_date" and flag["kind"] == "contradiction"
    assert [(s["start"], s["end"]) for s in flag["sides"]] == [(text.index("Jo"), len(text)), (0, 14)]
    close = [dict(dates[0], value="2030-03-05T00:00:00"), dates[1]]
    assert build_index([ReportView(id="d", text=text, dates_seen=close)]).flags() == []
