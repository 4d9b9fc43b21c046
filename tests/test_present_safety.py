"""Untrusted titles, outlets, urls and texts stay inert in report.md, report.html and every CSV."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crosswire.model import Article, EventMention, Place, article_id
from crosswire.present import export_text
from crosswire.present.safety import csv_cell, md, md_url
from crosswire.present.write import write_outputs
from crosswire.store import SQLiteStore as Store

XSS = '<script>alert(1)</script><img src=x onerror=alert(2)>'
TITLE = f"=HYPERLINK(\"http://evil.example\",\"x\") {XSS} [click](javascript:alert(3))"
URL = "javascript:alert(4)\n# Injected heading"


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    text = f"Fighters entered Northtown on Monday. {XSS}\n\n## not a heading"
    a = Article(raw_text=text, text=text, id=article_id(text), title=TITLE, outlet="@SUM(A1:A9)+cmd|' /C calc'!A0",
                url=URL, byline="-2+3", published=datetime(2024, 12, 2, tzinfo=UTC), published_source="metadata",
                offsets=list(range(len(text))))
    a.places = [Place(17, 26, "Northtown", name="=Northtown", lat=-10.5, lon=-20.25, country="AF", confidence=0.9,
                      reason="hand-made")]
    a.events = [EventMention(9, 16, "entered", "Battles", "Armed clash", place=0, date="2024-12-02",
                             date_precision="day", actor1="+Rebels", actor2="-Army")]
    s = Store(tmp_path / "s.db")
    s.add_article(a)
    s.set_links({}, {a.id: "s1"})
    yield s
    s.close()


def test_markdown_holds_no_raw_html_links_or_injected_headings(store: Store, tmp_path: Path) -> None:
    write_outputs(store, tmp_path / "out")
    report = (tmp_path / "out" / "report.md").read_text()
    assert "<script" not in report and "<img" not in report and not re.search(r"(?<!\\)\]\(javascript:", report)
    assert "javascript:alert(4)" not in report.replace("\\", "") or "<javascript" not in report
    headings = [line for line in report.splitlines() if line.startswith("#")]
    assert all(not re.search("Injected|not a heading", h) for h in headings)


def test_html_has_a_strict_content_security_policy(store: Store, tmp_path: Path) -> None:
    write_outputs(store, tmp_path / "out")
    page = (tmp_path / "out" / "report.html").read_text()
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy and "default-src 'none'" in policy.group(1) and "script-src 'none'" in policy.group(1)
    assert "unsafe-inline" not in policy.group(1)
    assert "<script" not in page and "onerror=" not in page.replace("onerror=alert(2)&gt;", "")


@pytest.mark.parametrize("fmt", ["csv", "acled"])
def test_csv_cells_never_start_a_formula(store: Store, fmt: str) -> None:
    kinds = ["events"] if fmt == "acled" else ["articles", "events", "places", "figures", "stories"]
    for kind in kinds:
        for row in csv.reader(io.StringIO(export_text(store, kind, fmt))):
            for cell in row:
                assert not cell.startswith(("=", "+", "@", "\t", "\r")), (kind, cell)
                assert not cell.startswith("-") or re.fullmatch(r"-\d+(\.\d+)?", cell), (kind, cell)


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1+2", "@x", "\tx", "\rx"])
def test_csv_cell_neutralises(value: str) -> None:
    assert csv_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["-3.5", "-20", 12, -1.5, None, "plain"])
def test_csv_cell_keeps_numbers_and_text(value: object) -> None:
    assert csv_cell(value) == value


def test_md_and_urls() -> None:
    assert md("a\n# b") == "a # b" and md("2024-12-05 [x](y) *z*") == "2024-12-05 \\[x\\](y) \\*z\\*"
    assert md("<b>x</b>") == "&lt;b&gt;x&lt;/b&gt;"
    assert md_url("https://example.org/a b") == "<https://example.org/ab>"
    assert md_url("javascript:alert(1)") == "javascript:alert(1)"  # text, not a link
