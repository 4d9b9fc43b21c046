"""A spaCy component that starts a sentence where the text's own lines say one starts.

The small English parser reads a headline, a byline and a dateline on lines of their own, and even a
paragraph after a blank line, as part of the next sentence ("Rebels take Hama\\nMediterranean Daily\\n
Fri, 12/06/2024\\n\\nRebels entered ..." as one sentence), so events, dates and places of the body take
the headline's words. This component, placed before the parser, marks a sentence start after a blank
line, and after a short line that ends without punctuation when the next line opens with a capital or a
digit. Lines of running text wrapped by hand are longer than a headline, so they are left to the parser.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

LINE_BREAKS_NAME = "crosswire_line_breaks"
SHORT_LINE_TOKENS = 8  # a headline, byline or dateline; wrapped lines of running text are longer
# A line ending in one of these runs on into the next one.
RUN_ON_ENDINGS = {",", ";", "-", "–", "and", "or", "of", "the", "a", "to", "in"}


@Language.component(LINE_BREAKS_NAME)
def mark_line_starts(doc: Doc) -> Doc:
    """Mark the first token after a blank line, or after a short unpunctuated line, as a sentence start."""
    line_start = 0
    for i, tok in enumerate(doc):
        if not (tok.is_space and "\n" in tok.text) or i + 1 >= len(doc):
            continue
        line = [t for t in doc[line_start:i] if not t.is_space]
        nxt = doc[i + 1]
        paragraph = tok.text.count("\n") >= 2
        short = 0 < len(line) <= SHORT_LINE_TOKENS and line[-1].text.lower() not in RUN_ON_ENDINGS \
            and not line[-1].is_punct and (nxt.text[:1].isupper() or nxt.text[:1].isdigit())
        if line and (paragraph or short):
            nxt.is_sent_start = True
        line_start = i + 1
    return doc


def add_line_breaks(nlp: Language) -> None:
    """Put the component before the parser (once)."""
    if LINE_BREAKS_NAME not in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS_NAME, before="parser")
