"""Turning what a reader found into an `Article`, the same way for every format.

Precedence of the publication time: a date from the input's metadata ("metadata") beats one the
text states ("text"); a date the user gives (`ReadOptions.published`) beats both when
`ReadOptions.published_wins`, else it is used only when neither is found. Every date seen is kept in
`meta["dates_seen"]` whatever is chosen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ..errors import InputError
from ..model import Article
from ..pipeline import Reject
from .hygiene import check_published, clean_field
from .metadata import guess_language, text_metadata, undouble
from .options import ReadOptions

READ_STAGE = "read"


@dataclass
class Found:
    """What a reader found besides the text: where it came from and the input's own metadata."""

    path: str | None
    format: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    byline: str | None = None
    published: datetime | None = None
    published_source: str = "metadata"
    id: str = ""
    language: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def build_article(raw_text: str, found: Found, options: ReadOptions) -> Article:
    """An Article from a report's text and metadata, with the text's own dates and title as fallback."""
    seen = text_metadata(raw_text, options.header_lines)
    article = Article(
        raw_text=raw_text, id=clean_field(found.id) or "",
        title=clean_field(_clean_title(found.title) or seen.title),
        outlet=clean_field(found.outlet or options.outlet), url=clean_field(found.url),
        byline=clean_field(found.byline or seen.byline),
        language=found.language or guess_language(raw_text), source_path=found.path,
        source_format=found.format, meta=dict(found.meta))
    if seen.dates:
        article.meta["dates_seen"] = [d.as_meta() for d in seen.dates]
    if seen.clash is not None:
        article.notes.append(seen.clash)
    given = _possible(article, found.published, options)
    from_text = _possible(article, seen.published.found.value if seen.published else None, options)
    if given is not None:
        article.published, article.published_source = given, found.published_source
    elif from_text is not None and seen.published is not None:
        article.published, article.published_source = from_text, "text"
        article.meta["published_has_zone"] = seen.published.found.has_zone
    apply_user_published(article, options)
    return article


def _possible(article: Article, value: datetime | None, options: ReadOptions) -> datetime | None:
    """`value` if it can be a publication time; else None, with the refusal noted on the article."""
    kept, note = check_published(value, options.latest, READ_STAGE)
    if note is not None:
        article.notes.append(note)
        article.meta.setdefault("published_refused", value.isoformat() if value else None)
    return kept


def apply_user_published(article: Article, options: ReadOptions) -> None:
    """Put the user's publication time on the article, following `ReadOptions.published_wins`."""
    user = options.published
    if user is None or article.published_source == "user":
        return
    if article.published is not None and not options.published_wins:
        return
    if article.published is not None:
        article.meta["published_found"] = {"value": article.published.isoformat(),
                                           "source": article.published_source}
    article.published = user if user.tzinfo else user.replace(tzinfo=UTC)
    article.published_source = "user"


def _clean_title(title: str | None) -> str | None:
    if not title or not title.strip():
        return None
    return undouble(" ".join(title.split()))


def reject(err: InputError, path: str | None) -> Reject:
    """An input error as the Reject record a batch keeps."""
    return Reject(path=err.path or path, stage=READ_STAGE, code=err.code, message=err.message)
