"""Plain-text reports (.txt): the first line may be a title, the first lines may date the report."""

from __future__ import annotations

from pathlib import Path

from ..model import Article, Note
from .checks import bytes_to_text, decoding_note, read_bytes_checked
from .options import ReadOptions
from .records import READ_STAGE, Found, build_article


def read_text_file(path: Path, options: ReadOptions) -> Article:
    """One report from a plain-text file."""
    data = read_bytes_checked(path, options.max_bytes)
    article = text_to_article(bytes_to_text(data, str(path)), Found(path=str(path), format="txt"), options)
    note_decoding(article, data)
    return article


def note_decoding(article: Article, data: bytes) -> None:
    """Record on `article` that its bytes were not UTF-8 and how they were decoded."""
    reason = decoding_note(data)
    if reason is not None:
        article.meta["encoding"] = reason
        article.notes.append(Note(READ_STAGE, "input.decoded", reason))


def text_to_article(text: str, found: Found, options: ReadOptions) -> Article:
    """One report from text already decoded (a file, a feed item, a WARC record)."""
    return build_article(text, found, options)
