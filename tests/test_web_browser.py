"""The web UI in a real headless browser: Debian's chromium driven by Playwright (never a downloaded one).

Skipped, with the reason, only when chromium is not installed (`make browser` or `.ci/run` installs it).
Set CROSSWIRE_SCREENSHOTS=1 to save screenshots of the UI on the example corpus into docs/.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from tests.web_fixtures import build_store, live_server

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium not found: `apt-get install -y chromium` "
                                "(make browser) to run the browser tests")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def browser():
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    db = build_store(tmp_path_factory.mktemp("browser") / "store.db")
    with live_server(db) as url:
        yield url


@pytest.fixture
def page(browser, base):
    """A page that records every request it makes, and every script error."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    tab = context.new_page()
    tab.requests, tab.errors = [], []
    tab.on("request", lambda r: tab.requests.append(r.url))
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))
    tab.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
    yield tab
    context.close()


def _open_story(page, base: str, story: str) -> None:
    page.goto(f"{base}/stories/{story}")
    page.wait_for_selector("#map[data-markers]", state="attached", timeout=10_000)


def test_story_page_shows_map_markers_timeline_and_figures(page, base):
    _open_story(page, base, "story-1")
    assert page.locator("path.event-marker").count() == 3  # the three merged events with a map point
    assert page.locator("path.leaflet-interactive").count() > 3  # and the country outlines
    assert page.locator("table.timeline tbody tr").count() == 4
    assert page.locator("table.figures tbody tr").count() == 2
    assert page.errors == []


def test_the_story_page_carries_the_cited_brief(page, base):
    """The brief's developments and reconciled figures on the story page; a cited number opens its span."""
    _open_story(page, base, "story-1")
    assert page.locator("section.brief ul.brief").first.locator("li").count() == 3  # merged events
    figures = page.locator("section.brief ul.brief").nth(1)
    assert "Killed: best 14" in figures.inner_text()
    figures.locator("a.cite", has_text="14").first.click()
    page.wait_for_url("**/articles/rep-a?hl=*")
    assert page.locator("mark#hl").inner_text() == "killing 14 people"
    assert page.errors == []


def test_clicking_a_figure_opens_its_report_with_the_span_highlighted(page, base):
    _open_story(page, base, "story-1")
    page.locator("table.figures a.cite", has_text="killing 14 people").click()
    page.wait_for_url("**/articles/rep-a?hl=*")
    mark = page.locator("mark#hl")
    assert mark.inner_text() == "killing 14 people"
    assert mark.is_visible()


def test_a_merged_event_page_links_each_mention_to_its_span(page, base):
    """The events list shows merged events; one told by two reports lists both mentions, each opening
    its report at the span."""
    page.goto(base + "/events?actor=militia")
    rows = page.locator("table.events tbody tr")
    assert rows.count() == 1 and rows.locator("a.cite").count() == 2
    rows.locator("td a").first.click()
    page.wait_for_url("**/events/ev*")
    assert page.locator("ul.mentions li").count() == 2
    assert "Harbour Post" in page.locator("table.facts").inner_text()
    page.locator("ul.mentions a.cite").first.click()
    page.wait_for_url("**/articles/rep-a?hl=*")
    assert page.locator("mark#hl").is_visible()
    assert page.errors == []


def test_search_finds_a_report_by_a_word_in_it(page, base):
    page.goto(base + "/")
    page.fill("input[name=q]", "convoys")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/search?q=convoys")
    hits = page.locator("li.hit")
    assert hits.count() == 1 and "Troops retake Dunmore" in hits.inner_text()


def test_pages_request_nothing_outside_the_local_server(page, base):
    _open_story(page, base, "story-1")
    page.locator("path.event-marker").first.click(force=True)
    for path in ("/", "/events", "/entities/ent-militia", "/places/9001", "/articles/rep-b?hl=0-5"):
        page.goto(base + path)
    assert page.requests, "the test saw no request at all"
    outside = [u for u in page.requests if not u.startswith(base + "/")]
    assert outside == []
    assert page.errors == [], "no script error and no CSP violation"


@pytest.fixture(scope="module")
def example_store(tmp_path_factory, events_stage):
    """The example corpus analysed by the real pipeline, as `make demo` does."""
    from crosswire.api import ingest
    from crosswire.config import load_settings
    from crosswire.link.run import link_store
    from crosswire.store import SQLiteStore as Store

    db = tmp_path_factory.mktemp("examples") / "examples.db"
    settings = load_settings(None, db=str(db))
    with Store(db) as store:
        ingest([ROOT / "examples" / "hama-2024"], store, settings, events_stage.resources)
        link_store(store, events_stage.resources)
    return db


@pytest.mark.slow
def test_example_corpus_map_has_one_marker_per_mapped_event(browser, example_store):
    from crosswire.store import Filters, ReadStore
    from crosswire.web.derived import Derived

    reader = ReadStore(example_store)
    story = reader.stories(1, 0).rows[0]["id"]
    mapped = Derived(reader).events(Filters(story=story, mapped=True), 500, 0).total  # merged events
    assert mapped > 0
    save = os.environ.get("CROSSWIRE_SCREENSHOTS") == "1"
    with live_server(example_store) as url:
        tab = browser.new_page(viewport={"width": 1280, "height": 1000})
        _open_story(tab, url, story)
        assert tab.locator("path.event-marker").count() == mapped
        if save:
            _screenshots(tab, url, story)
        tab.close()


def _screenshots(tab, url: str, story: str) -> None:
    docs = ROOT / "docs"
    docs.mkdir(exist_ok=True)
    tab.screenshot(path=str(docs / "ui-story.png"), full_page=False)  # the story's cited brief, on top
    tab.locator("#map").scroll_into_view_if_needed()
    tab.screenshot(path=str(docs / "ui-map.png"), full_page=False)
    tab.locator("table.figures a.cite").first.click()
    tab.wait_for_url("**/articles/**")
    tab.locator("mark#hl").scroll_into_view_if_needed()
    tab.screenshot(path=str(docs / "ui-article.png"))
    tab.goto(f"{url}/events?type=Battles")
    tab.screenshot(path=str(docs / "ui-events.png"))
    import json
    import urllib.request

    with urllib.request.urlopen(f"{url}/api/events?story={story}&limit=500", timeout=30) as r:
        events = json.loads(r.read())["items"]
    told_most = max(events, key=lambda e: (len(e["mentions"]), e["id"]))  # the event most reports tell
    tab.goto(f"{url}/events/{told_most['id']}")
    tab.screenshot(path=str(docs / "ui-event.png"), full_page=True)
