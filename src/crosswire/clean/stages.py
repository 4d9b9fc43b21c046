"""The two per-report stages of this package: `clean` and `metadata`."""

from __future__ import annotations

from ..errors import EmptyInput
from ..ingest.metadata import (
    DateSeen,
    choose_published,
    date_clash,
    find_byline,
    find_credit,
    find_outlet,
    find_text_dates,
    find_wire_agency,
    guess_language,
)
from ..model import Article, Note, article_id
from .text import CLEAN_STAGE, clean_text

METADATA_STAGE = "metadata"
# Sources a date found in the cleaned text may replace (a WARC crawl time is only "inferred").
_REPLACEABLE_SOURCES = ("unknown", "inferred", "text")


class CleanStage:
    """Cleans `raw_text` into `text` with its offset map, notes repeats, and sets the content id.

    Running it twice gives the same result: earlier "clean" notes are replaced, not added to.
    A report with nothing left after cleaning is refused with `EmptyInput`.
    """

    name = CLEAN_STAGE
    requires = ("raw_text",)
    assigns = ("text", "offsets", "notes", "id", "meta")  # id: the content id, when the reader gave none

    def __init__(self, resources: object | None = None) -> None:
        self.resources = resources

    def __call__(self, article: Article) -> Article:
        result = clean_text(article.raw_text)
        if not result.text.strip():
            raise EmptyInput("nothing is left of the report after boilerplate is removed; check that the "
                             "input holds the article text", path=article.source_path, stage=self.name)
        article.text, article.offsets = result.text, result.offsets
        article.notes = [n for n in article.notes if n.stage != self.name] + result.notes
        article.meta["boilerplate_lines"] = result.dropped_lines
        if not article.id:
            article.id = article_id(article.text)
        return article


class MetadataStage:
    """Fills publication time, byline and language from the cleaned text where the reader had none.

    Precedence of the publication time: an explicit user value (published_source "user") always
    wins and is never replaced; then the input's metadata ("metadata"); then a date line in the
    text ("text": the earliest date stated, see `ingest.metadata`); a crawl time ("inferred") is
    replaced by a text date. Every date seen goes to `meta["dates_seen"]`, and dates more than a day
    apart add one "date.clash" note spanning the later date line.
    """

    name = METADATA_STAGE
    requires = ("text",)
    assigns = ("published", "published_source", "byline", "outlet", "language", "meta", "notes")

    def __init__(self, resources: object | None = None, header_lines: int = 5) -> None:
        self.resources = resources
        self.header_lines = header_lines

    def __call__(self, article: Article) -> Article:
        dates = find_text_dates(article.text, self.header_lines)
        if dates:
            article.meta["dates_seen"] = [d.as_meta() for d in dates]
        self._set_published(article, dates)
        self._note_clash(article, dates)
        article.byline = article.byline or find_byline(article.text, dates)
        credit = find_credit(article.text)
        article.outlet = article.outlet or find_outlet(article.text) or credit.outlet
        agency = find_wire_agency(article.text)
        if agency:
            article.meta["wire_agency"] = agency
        sources = [s for s in ([agency] if agency else []) + list(credit.sources) if s != article.outlet]
        if sources:
            article.meta["wire_sources"] = list(dict.fromkeys(sources))
        article.language = article.language or guess_language(article.text)
        return article

    def _set_published(self, article: Article, dates: list[DateSeen]) -> None:
        if article.published is not None and article.published_source not in _REPLACEABLE_SOURCES:
            return
        chosen = choose_published(dates)
        if chosen is None:
            return
        article.published, article.published_source = chosen.found.value, "text"
        article.meta["published_has_zone"] = chosen.found.has_zone

    def _note_clash(self, article: Article, dates: list[DateSeen]) -> None:
        note = date_clash(dates, stage=self.name)
        if note is None:
            return
        later = max((d for d in dates if d.found.kind != "updated"), key=lambda d: d.found.value)
        clash = Note(note.stage, note.code, note.message, later.start, later.end)
        article.notes = [n for n in article.notes if n.code != "date.clash"] + [clash]
