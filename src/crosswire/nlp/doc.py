"""The spaCy parse of one report, shared by every stage of a run.

The annotate stage parses a report once and leaves the `Doc` on the transient `Article.doc` field (the
store never keeps it); the claims, figures and events stages read it from there through `article_doc`,
which parses only when no stage has. Long reports are parsed in pieces: spaCy refuses texts over
`nlp.max_length` (E088) and its memory grows with the text, so a long transcript is cut into pieces of
at most `PIECE_CHARS` characters, parsed one by one and joined back into one `Doc` whose text is exactly
the report's (same offsets).

A piece ends at the last paragraph break before the limit, else the last line break, else the last
sentence end ('. ', '! ', '? '), else the last space; only a text with no space at all is cut
mid-word. Sentences and entities never cross a piece boundary.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..model import Article

__all__ = ["PIECE_CHARS", "article_doc", "doc_text", "parse", "split_pieces"]

PIECE_CHARS = 100_000
_BREAKS = ("\n\n", "\n", ". ", "! ", "? ", " ")


def split_pieces(text: str, limit: int = PIECE_CHARS) -> list[str]:
    """`text` cut into pieces of at most `limit` characters that join back to `text`."""
    pieces, start = [], 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = next((window.rfind(b) + len(b) for b in _BREAKS if window.rfind(b) > limit // 2), limit)
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def parse(nlp: Language, text: str, limit: int = PIECE_CHARS) -> Doc:
    """The `Doc` of `text`, parsed in pieces when it is longer than `limit` (or than `nlp.max_length`)."""
    limit = min(limit, nlp.max_length)
    if len(text) <= limit:
        return nlp(text)
    from spacy.tokens import Doc

    return Doc.from_docs(list(nlp.pipe(split_pieces(text, limit))), ensure_whitespace=False)


TEXT_KEY = "crosswire.text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per Doc: spaCy rebuilds it from the tokens on every read, so reading it
    once per figure or claim made those stages quadratic in the report's length."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def article_doc(article: Article, resources: Any) -> Doc:
    """The spaCy Doc of `article.text`: the annotate stage's one when present, else parsed once and kept."""
    doc = article.doc
    if doc is not None and len(getattr(doc, "text", "")) == len(article.text):  # re-cased headlines keep offsets
        return doc
    doc = parse(resources.nlp, article.text)
    article.doc = doc
    return doc
