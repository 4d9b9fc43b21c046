"""Input checks shared by the readers: size, emptiness, binary content and text decoding.

Each failure raises an `InputError` subclass whose message says what the user can do about it.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import BinaryInput, EmptyInput, EncodingError, TooLarge

SNIFF_BYTES = 8192
# Control characters that do not occur in text (tab, newline, form feed and carriage return do).
_TEXT_CONTROLS = {9, 10, 12, 13}
_MAX_CONTROL_RATIO = 0.05
_MAX_CHAOS = 0.2  # charset-normalizer's "mess" ratio above which a guess is refused
_PREFERRED_GUESSES = ("cp1252", "iso8859_1", "iso8859_15")


def read_bytes_checked(path: Path, limit: int) -> bytes:
    """The bytes of `path`, refusing files larger than `limit` before reading them."""
    size = path.stat().st_size
    check_size(size, limit, str(path))
    return path.read_bytes()


def check_size(size: int, limit: int, where: str | None) -> None:
    if size > limit:
        raise TooLarge(
            f"input is {size:,} bytes, more than the limit of {limit:,}; split it into smaller "
            "reports or raise the max_bytes setting (CROSSWIRE_MAX_BYTES, or max_bytes in crosswire.toml)",
            path=where)


def check_not_binary(data: bytes, where: str | None) -> None:
    """Refuse data with NUL bytes or mostly control characters (images, archives, executables)."""
    head = data[:SNIFF_BYTES]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return  # UTF-16 with a byte-order mark: decoded (or refused) by `decode_text`
    controls = sum(1 for b in head if b < 32 and b not in _TEXT_CONTROLS)
    if b"\x00" in head or (head and controls / len(head) > _MAX_CONTROL_RATIO):
        raise BinaryInput(
            "input looks binary (NUL bytes or control characters), not text; give the report as "
            "UTF-8 text, HTML, JSON, a feed or a WARC file", path=where)


def decode_text(data: bytes, where: str | None) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else a confident charset guess."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise EncodingError(f"input has a UTF-16 byte-order mark but is not valid UTF-16 ({err.reason}); "
                                "re-save it as UTF-8", path=where) from err
    for encoding in ("utf-8-sig",):  # utf-8-sig also reads plain UTF-8
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    return _guess_decode(data, where)


def decoding_note(data: bytes) -> str | None:
    """Why the text of `data` may not read as written: None for UTF-8 (or UTF-16 with a BOM), else the
    reason to record (the bytes were decoded by a charset guess, not a declared encoding)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    try:
        data.decode("utf-8-sig")
        return None
    except UnicodeDecodeError as err:
        return (f"not UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); decoded by a charset guess, "
                "so check accented letters and re-save it as UTF-8 if they read wrong")


def _guess_decode(data: bytes, where: str | None) -> str:
    from charset_normalizer import from_bytes

    results = list(from_bytes(data))
    if not results:
        raise EncodingError("input is not UTF-8 and no text encoding fits it; re-save it as UTF-8",
                            path=where)
    best = results[0]
    if best.chaos > _MAX_CHAOS:
        raise EncodingError(
            f"input is not UTF-8 and the best encoding guess ({best.encoding}) reads as garbled text; "
            "re-save it as UTF-8", path=where)
    ties = [r for r in results if r.chaos == best.chaos and r.coherence == best.coherence]
    for name in _PREFERRED_GUESSES:  # among equally good guesses, prefer the common Western ones
        for result in ties:
            if result.encoding == name:
                return str(result)
    return str(best)


def check_not_empty(text: str, where: str | None) -> None:
    if not text.strip():
        raise EmptyInput("input is empty or holds only whitespace; remove it or give the report's text",
                         path=where)


def bytes_to_text(data: bytes, where: str | None) -> str:
    """All checks for a single text report: not empty, not binary, decodable, not blank."""
    if not data.strip():
        raise EmptyInput("input is empty or holds only whitespace; remove it or give the report's text",
                         path=where)
    check_not_binary(data, where)
    text = decode_text(data, where)
    check_not_empty(text, where)
    return text
