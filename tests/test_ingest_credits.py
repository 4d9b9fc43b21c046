"""Outlet and original sources from a report's credit lines, kept apart. Texts written for these tests;
the seed checks read ../shared/data/seeds and skip without it."""

from __future__ import annotations

import pytest

from crosswire.clean.stages import MetadataStage
from crosswire.ingest.metadata import find_byline, find_credit
from crosswire.model import Article

BODY = "Fighting went on near the river crossing on Tuesday, residents said.\n\nThe road stayed closed.\n"


@pytest.mark.parametrize(("credit", "outlet", "sources"), [
    ("(Harbour Radio and Reuters)", "Harbour Radio", ("Reuters",)),
    ("(AFP)", None, ("AFP",)),
    ("NorthNews/ KL Sources: EFE \u2013 SANA", "NorthNews", ("EFE", "SANA")),
    ("Source: Anadolu Agency", None, ("Anadolu Agency",)),
    ("Via BBC", None, ("BBC",)),
    ("The road stayed closed (for hours).", None, ()),
])
def test_closing_credit_names_outlet_and_sources(credit, outlet, sources):
    found = find_credit(BODY + credit + "\n")
    assert (found.outlet, found.sources) == (outlet, sources)


def test_stage_keeps_outlet_and_wire_sources_apart():
    article = MetadataStage()(Article(raw_text="", text=BODY + "(Harbour Radio and AFP)\n"))
    assert article.outlet == "Harbour Radio"
    assert article.meta["wire_sources"] == ["AFP"]


def test_record_outlet_is_kept():
    article = MetadataStage()(Article(raw_text="", text=BODY + "(Harbour Radio and AFP)\n", outlet="Given"))
    assert article.outlet == "Given" and article.meta["wire_sources"] == ["AFP"]


@pytest.mark.parametrize(("line", "byline"), [("By admin", None), ("By Staff", None), ("By Ana Ruiz", "Ana Ruiz")])
def test_content_system_accounts_are_no_byline(line, byline):
    assert find_byline(BODY + line + "\n", []) == byline


@pytest.fixture(scope="module")
def seed_metadata():
    from bench.common import SharedDataMissing, shared_dir
    try:
        folder = shared_dir() / "seeds"
    except SharedDataMissing as err:
        pytest.skip(f"shared evaluation data not available: {err}")
    from crosswire.clean.stages import CleanStage
    stages = [CleanStage(), MetadataStage()]
    out = []
    for path in sorted(folder.glob("*.txt")):
        article = Article(raw_text=path.read_text("utf-8"))
        for stage in stages:
            article = stage(article)
        out.append(article)
    return out


def test_seed_outlets_from_their_credits(seed_metadata):
    outlets = {a.outlet for a in seed_metadata}
    assert {"teleSUR", "RFI"} <= outlets
    rfi = next(a for a in seed_metadata if a.outlet == "RFI")
    assert rfi.meta["wire_sources"] == ["AFP"] and rfi.byline is None
    telesur = next(a for a in seed_metadata if a.outlet == "teleSUR")
    assert set(telesur.meta["wire_sources"]) == {"EFE", "SANA"}
