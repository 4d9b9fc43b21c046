"""Plain-text reports (.txt): the first line may be a title, the first lines may date the report."""

from __future__ import annotations

from pathlib import Path

from ..model import Article
from .checks import bytes_to_text, read_bytes_checked
from .options import ReadOptions
from .records import Found, build_article


def read_text_file(path: Path, options: ReadOptions) -> Article:
    """One report from a plain-text file."""
    text = bytes_to_text(read_bytes_checked(path, options.max_bytes), str(path))
    return text_to_article(text, Found(path=str(path), format="txt"), options)


def text_to_article(text: str, found: Found, options: ReadOptions) -> Article:
    """One report from text already decoded (a file, a feed item, a WARC record)."""
    return build_article(text, found, options)
