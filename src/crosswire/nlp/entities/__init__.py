"""Sentences and named-entity mentions of one report.

The `annotate` stage runs the shared spaCy pipeline once per report: `line_breaks` starts sentences
where the text's own lines do, `ruler` fits the small English model to conflict news (the actor alias
table as patterns, found by `alias_ruler`; place and person repairs), and `annotate` turns the parse into `Sentence` and
`Mention` records, re-casing all-capital lines first so the model can read them.
"""

from .alias_ruler import AliasRuler
from .annotate import (
    NAME_LABELS,
    AnnotateStage,
    Truecaser,
    annotate_text,
    case_votes,
    harmonise_labels,
    person_names_only,
    span_to_mention,
    truecase_caps_lines,
)
from .line_breaks import add_line_breaks
from .ruler import add_alias_ruler, alias_patterns, attach_gazetteer

__all__ = [
    "NAME_LABELS", "AliasRuler", "AnnotateStage", "Truecaser", "add_alias_ruler", "add_line_breaks",
    "alias_patterns", "annotate_text", "attach_gazetteer", "case_votes", "harmonise_labels", "person_names_only",
    "span_to_mention", "truecase_caps_lines",
]
