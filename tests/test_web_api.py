"""The REST API over a hand-built store: records, filters, pagination, one error shape, headers."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest
from tests.web_fixtures import build_store, live_server


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    db = build_store(tmp_path_factory.mktemp("web") / "store.db")
    with live_server(db) as url:
        yield url


def call(base: str, path: str, method: str = "GET") -> tuple[int, dict, dict]:
    request = urllib.request.Request(base + path, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as r:
            return r.status, dict(r.headers), json.loads(r.read())
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), json.loads(err.read())


def test_openapi_is_served_and_lists_the_endpoints(base):
    status, _, spec = call(base, "/api/openapi.json")
    assert status == 200
    for path in ("/api/stories", "/api/events", "/api/events/{event_id}", "/api/event_mentions",
                 "/api/event_mentions/{mention_id}", "/api/entities", "/api/places",
                 "/api/figures", "/api/claims", "/api/articles/{article_id}", "/api/search"):
        assert path in spec["paths"]
    assert all(set(ops) == {"get"} for ops in spec["paths"].values()), "the API is read-only"


def test_event_mentions_filter_by_type_actor_place_and_date(base):
    assert call(base, "/api/event_mentions")[2]["total"] == 4
    assert [e["id"] for e in call(base, "/api/event_mentions?type=Battles")[2]["items"]] == ["rep-b-e1"]
    assert {e["id"] for e in call(base, "/api/event_mentions?actor=militia")[2]["items"]} == {"rep-a-e0", "rep-b-e1"}
    assert {e["id"] for e in call(base, "/api/event_mentions?place=Carrow")[2]["items"]} == {"rep-a-e1"}
    assert {e["id"] for e in call(base, "/api/event_mentions?date_from=2031-03-05")[2]["items"]} == {"rep-b-e0", "rep-b-e1"}
    assert call(base, "/api/event_mentions?mapped=true")[2]["total"] == 3


def test_pagination_reports_the_total_and_the_next_page(base):
    first = call(base, "/api/event_mentions?limit=3")[2]
    assert (len(first["items"]), first["total"], first["next_offset"]) == (3, 4, 3)
    rest = call(base, "/api/event_mentions?limit=3&offset=3")[2]
    assert len(rest["items"]) == 1 and rest["next_offset"] is None
    ids = [e["id"] for e in first["items"] + rest["items"]]
    assert len(set(ids)) == 4


def test_events_are_the_merged_events_of_the_export(base, tmp_path):
    """/api/events lists merged events (the events export's rows), filtered and paged like the mentions."""
    from crosswire.present.rows import event_rows
    from crosswire.store import SQLiteStore

    with SQLiteStore(build_store(tmp_path / "again.db")) as store:
        exported = {e["id"]: e for e in event_rows(store)}
    listed = call(base, "/api/events")[2]
    assert listed["total"] == len(exported) == 3 and {e["id"] for e in listed["items"]} == set(exported)
    shelling = next(e for e in listed["items"] if len(e["mentions"]) == 2)
    assert {m["article_id"] for m in shelling["mentions"]} == {"rep-a", "rep-b"}
    assert shelling["outlet_count"] == 2 and shelling == json.loads(json.dumps(exported[shelling["id"]]))
    assert call(base, f"/api/events/{shelling['id']}")[2]["fields"]["place"]["chosen"]["name"] == "Dunmore"
    assert [e["id"] for e in call(base, "/api/events?actor=militia")[2]["items"]] == [shelling["id"]]
    assert call(base, "/api/events?mapped=true")[2]["total"] == 3  # Carrow mapped at its gazetteer point
    assert call(base, "/api/events?place=carrow")[2]["total"] == 1
    assert call(base, "/api/events?date_from=2031-03-05&story=story-1")[2]["total"] == 1
    assert call(base, "/api/events?article=rep-a")[2]["total"] == 2
    page = call(base, "/api/events?limit=2&offset=2")[2]
    assert len(page["items"]) == 1 and page["next_offset"] is None
    dates = [e["date"] for e in listed["items"]]
    assert dates == sorted(dates), "in time order"


def test_records_keep_their_spans(base):
    event = call(base, "/api/event_mentions/rep-a-e0")[2]
    assert event["place"]["name"] == "Dunmore" and event["mentions"][0]["article_id"] == "rep-a"
    article = call(base, "/api/articles/rep-a")[2]
    for span in article["spans"]:
        assert 0 <= span["start"] < span["end"] <= len(article["text"])
    figure = next(s for s in article["spans"] if s["kind"] == "figures")
    assert article["text"][figure["start"]:figure["end"]] == "killing 14 people"


def test_stories_entities_places_and_search(base):
    story = call(base, "/api/stories")[2]["items"][0]
    assert story["id"] == "story-1" and story["articles"] == ["rep-a", "rep-b"]
    assert story["outlets"] == ["Harbour Post", "Valley Times"]
    assert call(base, "/api/entities?actor=Mili")[2]["items"][0]["aliases"][0]["count"] == 2
    assert call(base, "/api/places/9001")[2]["total"] == 2
    hits = call(base, "/api/search?q=convoys")[2]
    assert [h["article_id"] for h in hits["items"]] == ["rep-b"] and hits["total"] == 1


@pytest.mark.parametrize(("path", "method", "status", "code"), [
    ("/api/nowhere", "GET", 404, "not_found"),
    ("/api/events/no-such-event", "GET", 404, "not_found"),
    ("/api/event_mentions/no-such-mention", "GET", 404, "not_found"),
    ("/api/articles/no-such-report", "GET", 404, "not_found"),
    ("/api/entities/no-such-entity", "GET", 404, "not_found"),
    ("/api/stories/no-such-story", "GET", 404, "not_found"),
    ("/api/places/12345", "GET", 404, "not_found"),
    ("/api/events?limit=100000", "GET", 422, "invalid_parameter"),
    ("/api/events?offset=-1", "GET", 422, "invalid_parameter"),
    ("/api/places/not-a-number", "GET", 422, "invalid_parameter"),
    ("/api/claims?place=Dunmore", "GET", 400, "bad_query"),
    ("/api/search?q=%22unclosed", "GET", 400, "bad_query"),
    ("/api/search", "GET", 422, "invalid_parameter"),
    ("/api/events", "POST", 405, "method_not_allowed"),
    ("/api/articles/rep-a", "DELETE", 405, "method_not_allowed"),
    ("/articles/rep-a?hl=nonsense", "GET", 400, "bad_query"),
])
def test_every_error_has_one_json_shape(base, path, method, status, code):
    got, headers, body = call(base, path, method)
    assert got == status
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status and body["error"]["code"] == code and body["error"]["message"]
    assert "default-src 'none'" in headers["content-security-policy"]


def test_every_page_has_a_strict_csp_and_escapes_what_it_shows(base):
    merged = call(base, "/api/events?actor=militia")[2]["items"][0]["id"]
    for path in ("/", "/stories/story-1", "/events", f"/events/{merged}", "/event_mentions/rep-a-e0", "/entities", "/entities/ent-militia",
                 "/places/9001", "/articles/rep-a?hl=0-7", "/search?q=%22%3Cscript%3EDunmore%22"):
        with urllib.request.urlopen(base + path, timeout=10) as r:
            page = r.read().decode()
            csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "<script>" not in page, f"{path} has an inline script"
        assert " style=" not in page, f"{path} has inline style"
    with urllib.request.urlopen(base + "/search?q=%22%3Cscript%3EDunmore%22", timeout=10) as r:
        page = r.read().decode()
    assert "&lt;script&gt;Dunmore" in page and "<script>Dunmore" not in page


def test_contradictions_and_framing_are_reconciliations_own(base, tmp_path):
    from crosswire.reconcile import build_index, report_views
    from crosswire.store import SQLiteStore as Store

    db = build_store(tmp_path / "again.db")
    with Store(db) as store:
        index = build_index(report_views(store))
    framing = call(base, "/api/framing?limit=500")[2]
    assert framing["total"] == len(index.framing()) and framing["items"] == index.framing()
    flags = call(base, "/api/contradictions?story=story-1")[2]
    assert flags["total"] == len(index.flags())
    assert call(base, "/api/contradictions?story=no-story")[0] == 404


def test_an_internal_error_has_the_error_shape_and_the_csp(tmp_path, monkeypatch):
    """A 500 is answered outside the middleware that sets headers on every other response: it must still
    carry the CSP (and say nothing of the exception's text)."""
    from crosswire.store import ReadStore

    def broken(self, *args, **kwargs):
        raise RuntimeError("secret detail")

    monkeypatch.setattr(ReadStore, "counts", broken)
    with live_server(build_store(tmp_path / "s.db")) as url:
        status, headers, body = call(url, "/api/status")
        assert status == 500 and body["error"]["code"] == "internal" and "secret" not in json.dumps(body)
        assert "default-src 'none'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        for path in ("/api/openapi.json", "/static/vendor/leaflet.js", "/static/nowhere.js"):
            request = urllib.request.Request(url + path)
            try:
                with urllib.request.urlopen(request, timeout=10) as r:
                    csp = r.headers["content-security-policy"]
            except urllib.error.HTTPError as err:
                csp = err.headers["content-security-policy"]
            assert "default-src 'none'" in csp, path
