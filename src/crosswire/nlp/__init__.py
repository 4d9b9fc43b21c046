"""Reading one report: the per-report language stages, in wings.

`entities/` finds sentences and named mentions (the spaCy parse with the alias ruler), `time/` finds
and normalises time expressions and dates the report, `claims/` finds who says what, `figures/` reads
counts of people, `events/` types the events a report tells and gives each its actors, place and
date. `doc.py` holds the one spaCy parse the wings share. Code outside `nlp/` imports a wing's face
(`crosswire.nlp.events`), never its modules.
"""

from .doc import PIECE_CHARS, article_doc, doc_text, parse, split_pieces

__all__ = ["PIECE_CHARS", "article_doc", "doc_text", "parse", "split_pieces"]
