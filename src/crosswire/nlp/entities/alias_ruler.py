"""The alias ruler: every name of the alias table marked as an entity before `ner`, by table lookup.

spaCy's `entity_ruler` runs token patterns through its `Matcher`, which steps every pattern's state
machine at every token: with the table's ~1,000 fixed-word patterns that cost about 230 µs per token,
a quarter of the whole per-report pipeline. Every alias pattern is a fixed sequence of words (each
compared by its exact text or its lower case), which is what spaCy's `PhraseMatcher` finds by hashing.
`AliasRuler` does the `entity_ruler`'s work (with `overwrite_ents`) with two phrase matchers, one for
exact and one for lower-case patterns, and hands its matches to the same choice in the same order
as the `Matcher` gives them (by end, then start, then the pattern's place in the table), so the
entities are the ones the `entity_ruler` set, ties between two actors' names included.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

ALIAS_RULER_FACTORY = "crosswire_alias_phrases"
ENT_ID_SEP = "||"  # how the entity_ruler joins a label and an id into one match key


class AliasRuler:
    """Entity spans for fixed word sequences (ORTH or LOWER token patterns), as `entity_ruler` sets them."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.matchers = {"ORTH": PhraseMatcher(vocab, attr="ORTH"), "LOWER": PhraseMatcher(vocab, attr="LOWER")}
        self._patterns: list[tuple[int, str, str]] = []  # pattern index -> (entity_ruler key, label, id)
        self._labels: dict[int, tuple[str, str]] = {}  # key -> (label, id)

    def __len__(self) -> int:
        return len(self._patterns)

    def add_patterns(self, patterns: list[dict[str, Any]]) -> None:
        """Add `entity_ruler`-style patterns whose tokens each give one ORTH or LOWER value, in order."""
        for entry in patterns:
            attr, words = _phrase(entry["pattern"])
            key = self.vocab.strings.add(f"{entry['label']}{ENT_ID_SEP}{entry['id']}")
            n = len(self._patterns)
            self._patterns.append((key, entry["label"], entry["id"]))
            self._labels[key] = (entry["label"], entry["id"])
            self.matchers[attr].add(str(n), [Doc(self.vocab, words=words)])

    def match(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(key, start, end) of every match, longest first, in the order `entity_ruler.match` ranks them."""
        found = []
        for matcher in self.matchers.values():
            for match_id, start, end in matcher(doc):
                n = int(self.vocab.strings[match_id])
                found.append((end, start, n))
        found.sort()  # the Matcher's own order: by end token, then start, then pattern
        ranked = set((self._patterns[n][0], start, end) for end, start, n in found if start != end)  # noqa: C401
        return sorted(ranked, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)

    def __call__(self, doc: Doc) -> Doc:
        entities, new_entities, seen = list(doc.ents), [], set()
        for key, start, end in self.match(doc):
            if start not in seen and end - 1 not in seen:  # as entity_ruler checks: the span's two ends
                label, ent_id = self._labels[key]
                new_entities.append(Span(doc, start, end, label=label, span_id=ent_id))
                entities = [e for e in entities if not (e.start < end and e.end > start)]
                seen.update(range(start, end))
        doc.ents = entities + new_entities
        return doc


def _phrase(pattern: list[dict[str, str]]) -> tuple[str, list[str]]:
    """The attribute (ORTH or LOWER) and the words of a fixed-word token pattern."""
    attrs = {attr for token in pattern for attr in token}
    if len(attrs) != 1 or not attrs <= {"ORTH", "LOWER"} or any(len(token) != 1 for token in pattern):
        raise ValueError(f"an alias pattern must give one ORTH or LOWER value per token: {pattern!r}")
    attr = attrs.pop()
    words = [token[attr] for token in pattern]
    if attr == "LOWER" and any(w.lower() != w for w in words):
        raise ValueError(f"a LOWER alias pattern must be written in lower case: {pattern!r}")
    return attr, words


@Language.factory(ALIAS_RULER_FACTORY)
def make_alias_ruler(nlp: Language, name: str) -> AliasRuler:
    """spaCy factory for an empty `AliasRuler` (patterns are added by `add_alias_ruler`)."""
    return AliasRuler(nlp.vocab)
