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

import bisect
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

    from ..model import Article

__all__ = ["PIECE_CHARS", "article_doc", "doc_text", "entities_within", "entity_at", "parse", "sentences_from",
           "split_pieces"]

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

    # One piece at a time: nlp.pipe batches up to 1,000 texts, and the model's working memory for ten
    # 100,000-character pieces at once took a 1 MB report's peak to 3.4 GB.
    return Doc.from_docs(list(nlp.pipe(split_pieces(text, limit), batch_size=1)), ensure_whitespace=False)


TEXT_KEY = "crosswire.text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per Doc: spaCy rebuilds it from the tokens on every read, so reading it
    once per figure or claim made those stages quadratic in the report's length."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


MEMO_KEY = "crosswire.memo"


class DocMemo(dict):  # type: ignore[type-arg]
    """What is read once per Doc and kept on it (its entities, its sentences): spans of the Doc itself,
    which cannot be pickled, so a pickled Doc (a report sent back from a pool worker) leaves it out."""

    def __reduce__(self) -> tuple[type, tuple[()]]:
        return DocMemo, ()


def _memo(doc: Doc) -> DocMemo:
    memo = doc.user_data.get(MEMO_KEY)
    if not isinstance(memo, DocMemo):
        memo = doc.user_data[MEMO_KEY] = DocMemo()
    return memo


def _entities(doc: Doc) -> tuple[list[int], tuple[Span, ...]]:
    """The Doc's entities and their start tokens, read once: spaCy builds `doc.ents` anew from the tokens
    on every read, and `Span.ents` reads all of `doc.ents`, so asking per sentence or per token made the
    claims and events stages quadratic in the report's length. Read only by the stages after annotate,
    the last to set the parse's entities (its ruler and relabelling rules)."""
    memo = _memo(doc)
    if "ents" not in memo:
        ents = tuple(doc.ents)
        memo["ents"] = ([e.start for e in ents], ents)
    return memo["ents"]  # type: ignore[no-any-return]


def entities_within(span: Span) -> list[Span]:
    """`span.ents`: the Doc's entities lying wholly inside the span, in order."""
    starts, ents = _entities(span.doc)
    out = []
    for ent in ents[bisect.bisect_left(starts, span.start):]:
        if ent.end > span.end:
            break
        out.append(ent)
    return out


def entity_at(doc: Doc, i: int) -> Span | None:
    """The entity covering token i, if any (entities never overlap)."""
    starts, ents = _entities(doc)
    at = bisect.bisect_right(starts, i) - 1
    return ents[at] if at >= 0 and i < ents[at].end else None


def sentences_from(sent: Span, count: int) -> list[Span]:
    """The sentence and up to `count` sentences after it (from the Doc's first sentence when `sent` is
    none of the Doc's own). The Doc's sentences are listed once: spaCy walks every token to list them."""
    memo = _memo(sent.doc)
    if "sents" not in memo:
        sents = list(sent.doc.sents)
        memo["sents"] = ([s.start for s in sents], sents)
    starts, sents = memo["sents"]
    at = bisect.bisect_left(starts, sent.start)
    at = at if at < len(starts) and starts[at] == sent.start else 0
    return sents[at:at + 1 + count]


def article_doc(article: Article, resources: Any) -> Doc:
    """The spaCy Doc of `article.text`: the annotate stage's one when present, else parsed once and kept."""
    doc = article.doc
    if doc is not None and len(doc_text(doc)) == len(article.text):  # re-cased headlines keep offsets
        return doc
    doc = parse(resources.nlp, article.text)
    article.doc = doc
    return doc
