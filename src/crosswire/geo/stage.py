"""The "places" stage: find the place names in a report and resolve them with the gazetteer.

Toponyms come from three sources: entity mentions labelled GPE, LOC or FAC; ORG mentions whose
text is a strong gazetteer match of a populated place in a country the report names (small NER
models tag towns as organisations); and a gazetteer recogniser for capitalised names the NER missed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..model import Article, Mention
from .gazetteer import Candidate, GazetteerLike
from .resolve import ToponymCandidate, resolve_toponyms

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
MISLABELLED = frozenset({"ORG", "PERSON", "NORP", "LANGUAGE"})
# First words that mark a place name in Arabic/English toponymy ("Jabal Zawiya", "Tell Abyad").
GEO_HEADS = frozenset({"jabal", "jebel", "jbel", "mount", "mt.", "tell", "tal", "wadi", "deir", "dayr", "kafr",
                       "kfar", "bab", "ain", "ayn", "ras", "jisr", "khan", "qasr", "bir", "nahr", "lake", "cape",
                       "port", "fort", "camp", "hill"})
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|from|to|toward|towards|into|outside|around|across|through|inside|neighbou?ring|"
    r"outskirts of|town of|city of|village of|province of|(?:north|south|east|west)(?:east|west)? of)\s+$",
    re.IGNORECASE)
BLOCKING_LABELS = frozenset({"PERSON", "ORG", "NORP", "DATE", "TIME", "MONEY", "CARDINAL", "EVENT",
                             "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE", "ORDINAL", "QUANTITY", "PERCENT"})
# Capitalised runs, allowing Arabic articles and lowercase particles inside ("Deir ez-Zor", "Bab al-Hawa").
_NAME_RUN = re.compile(
    r"\b[A-Z][\w’'-]*(?: +(?:(?:al|el|ad|ar|as|ash|az|ez|de|du|del|la|le|of|on|upon)[- ])?[A-Z][\w’'-]*)*")
RECOGNISER_MIN_POPULATION = 100_000  # a bare capitalised word counts as a place only if this big ...
FOCUS_MIN_POPULATION = 1_000  # ... or this big and in a country the report names


class PlacesStage:
    """Resolves a report's toponyms to gazetteer places; fills `Article.places`."""

    name = "places"
    requires = ("text", "mentions")
    assigns = ("places",)

    def __init__(self, resources: Any) -> None:
        self.resources = resources

    def __call__(self, article: Article) -> Article:
        gazetteer = self.resources.gazetteer
        spans = toponym_spans(article, gazetteer)
        article.places = resolve_toponyms(spans, article.text, gazetteer)
        return article


def toponym_spans(article: Article, gazetteer: GazetteerLike) -> list[ToponymCandidate]:
    """Every span of the report that names a place, in text order, without overlaps."""
    mentions = [t for t in (_trimmed(m, article.text) for m in article.mentions) if t is not None]
    named = [t for t in mentions if t.label in PLACE_LABELS]
    countries = _named_countries(named, gazetteer)
    for tp in mentions:
        if tp.label in MISLABELLED:
            how = _mislabelled_place(tp, article.text, gazetteer, countries)
            if how is not None:
                named.append(replace(tp, fuzzy_ok=how == "fuzzy"))
    taken = [(t.start, t.end) for t in mentions if t.label in BLOCKING_LABELS] + \
        [(t.start, t.end) for t in named]
    named.extend(_recognise(article.text, gazetteer, countries, taken))
    return sorted(named, key=lambda t: (t.start, -t.end))


def _trimmed(mention: Mention, text: str) -> ToponymCandidate | None:
    """The mention as a toponym span, cut at a line break and without trailing punctuation."""
    start, end = mention.start, mention.end
    newline = text.find("\n", start, end)
    if newline != -1:
        end = newline
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?)/\"'’”"):
        end -= 1
    if end <= start:
        return None
    return ToponymCandidate(start, end, text[start:end], mention.label,
                            fuzzy_ok=mention.label in PLACE_LABELS)


def _mislabelled_place(tp: ToponymCandidate, text: str, gazetteer: GazetteerLike,
                       countries: frozenset[str]) -> str | None:
    """A PERSON/ORG/NORP/LANGUAGE mention that is in fact a place name (small models mislabel towns).

    "exact" when its text is a strong gazetteer match; "fuzzy" when it reads like a place (a geographic
    head word such as "Jabal" or "Tell", or a locative cue before it) and is within a typo of a place
    in a country the report names; None otherwise.
    """
    if _strong_place(gazetteer.lookup(tp.text), countries, FOCUS_MIN_POPULATION):
        return "exact"
    words = tp.text.split()
    looks_local = words[0].casefold() in GEO_HEADS or bool(_LOCATIVE_BEFORE.search(text[max(0, tp.start - 30):tp.start]))
    if not looks_local or not countries or len(tp.text) < 6:
        return None
    return "fuzzy" if gazetteer.fuzzy(tp.text, countries) else None


def _named_countries(named: list[ToponymCandidate], gazetteer: GazetteerLike) -> frozenset[str]:
    """Countries the report's place mentions name outright or place themselves in unambiguously."""
    found: set[str] = set()
    for tp in named:
        cands = gazetteer.lookup(tp.text)
        found.update(c.cc for c in cands if c.code == "PCLI" and c.cc)
        if len({c.cc for c in cands}) == 1 and cands[0].cc:
            found.add(cands[0].cc)
    return frozenset(found)


def _strong_place(cands: list[Candidate], countries: frozenset[str], min_population: int) -> bool:
    """A name-exact match of a country, first-level division or populated place in a named country."""
    for c in cands:
        if c.match not in ("main", "exact"):
            continue
        if c.code in ("PCLI", "ADM1", "CONT"):
            return True
        if c.fclass == "P" and c.population >= min_population and c.cc in countries:
            return True
    return False


def _recognise(text: str, gazetteer: GazetteerLike, countries: frozenset[str],
               taken: list[tuple[int, int]]) -> list[ToponymCandidate]:
    """Capitalised names not covered by a mention that the gazetteer knows as a notable place."""
    found = []
    for match in _NAME_RUN.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        cands = gazetteer.lookup(match.group())
        big = not _sentence_initial(text, start) and any(
            c.population >= RECOGNISER_MIN_POPULATION and c.match in ("main", "exact") for c in cands)
        if big or _strong_place(cands, countries, FOCUS_MIN_POPULATION):
            found.append(ToponymCandidate(start, end, match.group(), "GAZ", fuzzy_ok=False))
    return found


def _sentence_initial(text: str, start: int) -> bool:
    """True when the word opens a sentence or a line (its capital says nothing there)."""
    before = text[max(0, start - 3):start].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ".!?\n:"
