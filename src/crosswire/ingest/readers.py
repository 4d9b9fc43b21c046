"""The entry point of the read stage: paths in, `Article` records (or `Reject`s) out.

`read_inputs` walks folders recursively in sorted order (hidden files and folders skipped), picks
a reader by the file's extension and checks the content agrees (an HTML page saved as .txt is read
as HTML; a file with an unknown extension is read when it is text). Nothing is raised for a bad
input: each becomes a `Reject` with stage "read", a stable code and a message saying what to do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import InputError, MissingInput, UnsupportedFormat
from ..model import Article
from ..pipeline import Reject
from .checks import SNIFF_BYTES, bytes_to_text, check_not_binary
from .feeds import read_feed_file
from .html import read_html_file
from .jsonrec import read_json_file, read_jsonl_file
from .options import ReadOptions
from .records import reject
from .text import read_text_file
from .walk import is_excluded, walk_folder
from .warc import read_warc_file

FORMAT_BY_SUFFIX = {
    ".txt": "txt", ".text": "txt", ".md": "txt",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".warc": "warc", ".warc.gz": "warc",
}


def read_inputs(paths: Iterable[str | Path], options: ReadOptions | None = None) -> Iterator[Article | Reject]:
    """Every report in `paths` (files or folders), in a stable order; unreadable inputs as Rejects.

    Folders are walked by `walk.walk_folder` (links out of the folder refused, loops walked once);
    paths in `options.exclude` are never read, even when named directly."""
    options = options or ReadOptions()
    exclude = frozenset(Path(p).resolve() for p in options.exclude)
    for given in paths:
        path = Path(given)
        if is_excluded(path.resolve(), exclude):
            continue
        if path.is_dir():
            for item in walk_folder(path, exclude):
                yield from read_file(item, options) if isinstance(item, Path) else [item]
        else:
            yield from read_file(path, options)


def read_file(path: Path, options: ReadOptions) -> Iterator[Article | Reject]:
    """The reports in one file; an input error becomes a Reject and ends that file only."""
    try:
        if not path.exists():
            raise MissingInput(f"no such file: {path}; check the path", path=str(path))
        if not path.is_file():
            raise InputError(f"{path} is not a regular file; give files or folders", path=str(path))
        reader = pick_reader(path)
        result = reader(path, options)
        if isinstance(result, Article):
            yield result
        else:
            yield from result
    except InputError as err:
        yield reject(err, str(path))
    except OSError as err:
        yield reject(InputError(f"cannot read {path}: {err.strerror or err}; check its permissions",
                                path=str(path)), str(path))


Reader = Callable[[Path, ReadOptions], Article | Iterator[Article | Reject]]


def pick_reader(path: Path) -> Reader:
    """The reader for a file: by extension, corrected by a look at the first bytes."""
    fmt = detect_format(path)
    if fmt == "feed":
        return lambda p, o: read_feed_file(p, o, read_file)
    readers: dict[str, Reader] = {
        "txt": read_text_file, "html": read_html_file, "json": read_json_file,
        "jsonl": read_jsonl_file, "warc": read_warc_file,
    }
    return readers[fmt]


def detect_format(path: Path) -> str:
    """"txt", "html", "json", "jsonl", "feed" or "warc"; UnsupportedFormat for non-text unknowns."""
    name = path.name.lower()
    by_suffix = next((fmt for suffix, fmt in FORMAT_BY_SUFFIX.items() if name.endswith(suffix)), None)
    if by_suffix in ("warc", "json", "jsonl"):
        return by_suffix
    with path.open("rb") as stream:
        head = stream.read(SNIFF_BYTES)
    sniffed = sniff_format(head)
    if by_suffix == "txt" and sniffed == "html":
        return "html"
    if by_suffix is not None:
        return by_suffix
    if sniffed is not None:
        return sniffed
    return _text_or_unsupported(head, path)


def sniff_format(head: bytes) -> str | None:
    """The format the first bytes show, when they show one."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1024].lower()
    if start.startswith(b"warc/"):
        return "warc"
    if start.startswith((b"<!doctype html", b"<html")) or b"<body" in start:
        return "html"
    if start.startswith(b"<?xml") or start.startswith((b"<rss", b"<feed", b"<rdf")):
        return "html" if b"<html" in start else "feed"
    if start.startswith(b"{") and b"\n{" in head:
        return "jsonl"
    if start.startswith((b"{", b"[")):
        return "json"
    return None


def _text_or_unsupported(head: bytes, path: Path) -> str:
    if head.startswith(b"\x1f\x8b"):
        raise UnsupportedFormat(f"{path.name} is compressed and not a .warc.gz; unpack it first", path=str(path))
    try:
        check_not_binary(head, str(path))
        bytes_to_text(head, str(path))
    except InputError as err:
        if err.code == "input.empty":
            return "txt"  # the text reader reports the empty file itself
        raise UnsupportedFormat(f"{path.name} has an unknown extension and is not text ({err.code}); give "
                                "reports as .txt, .html, .json/.jsonl, RSS/Atom or WARC", path=str(path)) from err
    return "txt"
