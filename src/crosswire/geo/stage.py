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
from ..positions import SpanSet
from .context import ADMIN_WORDS, SETTLEMENT_WORDS, cues_at, qualifier_readings
from .hierarchy import enclosing_candidates, inside, qualifier_divisions
from .resolve import ToponymCandidate, resolve_toponyms
from .types import Candidate, GazetteerLike

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
MISLABELLED = frozenset({"ORG", "PERSON", "NORP", "LANGUAGE"})
# Labels a small tagger gives unfamiliar village names ("near Hnutove, Donetsk" as a work of art): such a
# mention is a place only when the unit named with it contains a place of its name.
RARELY_PLACES = frozenset({"WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})
# First words that mark a place name in Arabic/English toponymy ("Jabal Zawiya", "Tell Abyad").
GEO_HEADS = frozenset({"jabal", "jebel", "jbel", "mount", "mt.", "tell", "tal", "wadi", "deir", "dayr", "kafr",
                       "kfar", "bab", "ain", "ayn", "ras", "jisr", "khan", "qasr", "bir", "nahr", "lake", "cape",
                       "port", "fort", "camp", "hill"})
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|from|to|toward|towards|into|outside|around|across|through|inside|neighbou?ring|"
    r"outskirts of|town of|city of|village of|province of|(?:north|south|east|west)(?:east|west)? of)\s+$",
    re.IGNORECASE)
# An apposition that calls the name before it a settlement: ", the country's fourth-largest urban center",
# ", a provincial capital", ", the second city".
_SETTLEMENT_APPOSITION = re.compile(
    r",\s+(?:the|a|an)\s+(?:[\w’'-]+\s+){0,3}(?:city|town|village|urban (?:center|centre)|provincial capital|"
    r"capital|metropolis)\b", re.IGNORECASE)
_SETTLEMENT_BEFORE = re.compile(r"\b(?:gates of|city of|town of|outskirts of|entered|stormed)\s+$", re.IGNORECASE)
SHORT_FUZZY_MIN = 4  # a name the sentence calls a settlement may be this short and still be read with a typo
BLOCKING_LABELS = frozenset({"PERSON", "ORG", "NORP", "DATE", "TIME", "MONEY", "CARDINAL", "EVENT",
                             "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE", "ORDINAL", "QUANTITY", "PERCENT"})
# Capitalised runs, allowing Arabic articles and lowercase particles inside ("Deir ez-Zor", "Bab al-Hawa");
# a spaced "on" is left out, as it joins a place to a weekday ("Lyon on Friday").
_NAME_RUN = re.compile(
    r"\b[A-Z][\w’'-]*(?: +(?:(?:al|el|ad|ar|as|ash|az|ez|de la|de|do|da|dos|das|du|del|la|le|of|upon)[- ]|on-)?[A-Z][\w’'-]*)*")
# Capitalised words that are never place names in running text: function words that open a sentence
# ("On 9 May, ...", "In Gao, ...") and month names written next to a day or year ("9 May 2020").
FUNCTION_WORDS = frozenset({
    "a", "an", "the", "on", "in", "at", "as", "by", "to", "of", "for", "from", "with", "into", "onto", "and",
    "but", "or", "if", "so", "no", "not", "he", "she", "it", "we", "they", "this", "that", "these", "those",
    "there", "here", "his", "her", "its", "our", "their", "around", "after", "before", "during", "since",
    "until", "near", "over", "under", "about", "also", "later", "earlier", "meanwhile", "while", "when"})
# Words for a kind of place that open a place's name ("Barangay Piacan") but name no place alone.
KIND_WORDS = frozenset({"barangay", "sitio", "purok", "kebele"})
MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                    "sept", "oct", "nov", "dec"})
_DIGIT_BEFORE = re.compile(r"\d(?:st|nd|rd|th)?[\s,.]*$")
_DIGIT_AFTER = re.compile(r"^[\s,.]*\d")
# "Town (District, Province)": names in brackets after a name are its enclosing units.
_HIERARCHY_OPEN = re.compile(r"[\w.'’-]\s*\((?:[^()]{0,60},\s*)?$")
# A mention ending inside a bracket or running on "in"/"at" joins a name and its place ("Court of Justice
# in Lyon", "Rawson (Chubut"); only the part before the break blocks the recogniser.
_MENTION_BREAK = re.compile(r"\s*\(|\s+(?:in|at|near)\s+")
# "the Mumbai-Agra highway": the towns at the ends of a road say where the road goes, not where it was blocked.
_ROAD_WORDS = r"\s+(?:highway|road|motorway|expressway|railway|rail line|pipeline|corridor)\b"
_ROAD_AFTER = re.compile(r"(?:-[A-Z][\w'’]*)*" + _ROAD_WORDS, re.IGNORECASE)
_ROAD_START = re.compile(r"-[A-Z]")
# "the US dollar", "Lebanese pound": a country name before a currency word names the currency.
_CURRENCY_AFTER = re.compile(r"\s+(?:dollars?|pounds?|euros?|rupees?|dinars?|rials?|riyals?|lira|liras|pesos?)\b",
                             re.IGNORECASE)
# One more word of a place name after a mention the tagger cut short, with the particles between:
# "Mato Grosso| do Sul", "Port| of Spain", "Santa Cruz de la| Sierra", "Port|-au-Prince".
_NAME_STEP = re.compile(r"(?:\s+|-)(?:(?:do|da|dos|das|de|del|della|di|du|des|la|las|los|le|i|wa|e|of|au|aux|en|sur)"
                        r"(?:\s+|-))*[A-Z][\w'’]*")
MAX_NAME_STEPS = 3
# The head of a name before a mention the tagger began late: "Catole do |Rocha", "Santa Cruz de la |Sierra".
_NAME_HEAD = re.compile(r"(?:[A-Z][\w'’]* +){1,2}(?:(?:do|da|dos|das|de|del|della|di|du|des|la|las|los|le|of) +)*$")
# "Molotov cocktails", "a Kalashnikov rifle", "a Toyota pickup": a capitalised word before the name of an
# object is an eponym or a brand, not the place the object is in.
_OBJECT_AFTER = re.compile(r"\s+(?:cocktails?|rifles?|assault rifles?|pistols?|carbines?|submachine guns?|"
                           r"pickups?|pick-ups?|sedans?|jeeps?|minivans?|cigarettes?)\b", re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(r"\b(?:of|in|at|from|near)\s+$")
# Words for a kind of place after a name ("Tarinkot city", "Bafut town", "Maywand districts").
_KIND_WORDS_AFTER = r"(?:city|town|village|districts?|province|lga|upazila|tehsil|sub-?district|municipality|county)"
_KIND_AFTER = re.compile(r"\s+" + _KIND_WORDS_AFTER + r"\b", re.IGNORECASE)
# Only a division word ending a name stands for the kind: "Grants Town" or "Cape Town" is a name of its own.
_KIND_SUFFIX = re.compile(r"\s+(?:districts?|province|lga|upazila|tehsil|sub-?district|municipality|county)$",
                          re.IGNORECASE)
_NEAR_BEFORE = re.compile(r"\b(?:in|near|at|outside|around)\s+$")
# A dateline: a paragraph opening with a place in capitals, maybe its state or country and a date after a
# comma, maybe the outlet's credit in brackets, then a dash ("HARTSVILLE, Ind. (Station) -", "ST. LOUIS --",
# "BEIRUT, Dec 4 (Agency) -"). A tagger seldom reads a name in capitals as a place.
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z'’.]*(?:[ -][A-Z][A-Z'’.]*){0,3})(?=(?:,\s*[A-Z][A-Za-z.]{1,14}(?:\s[A-Z][A-Za-z.]{1,14})?)?"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^()\n]{1,40}\)\s*)?(?:--?|–|—)(?:\s|(?=[A-Z][a-z])))",
    re.MULTILINE)
DATELINE_REACH = 1500  # characters from the report's start where a dateline may open a paragraph
RECOGNISER_MIN_POPULATION = 100_000  # a bare capitalised word counts as a place only if this big ...
FOCUS_MIN_POPULATION = 1_000  # ... or this big and in a country the report names


class PlacesStage:
    """Resolves a report's toponyms to gazetteer places; fills `Article.places`. An organisation mention
    the sentence shows to be a misspelt town (`corrected_place`) and that resolved is relabelled a place
    in `Article.mentions`, so no organisation entity or actor is made of it."""

    name = "places"
    requires = ("text", "mentions")
    assigns = ("places", "mentions")

    def __init__(self, resources: Any) -> None:
        self.resources = resources

    def __call__(self, article: Article) -> Article:
        gazetteer = self.resources.gazetteer
        spans = toponym_spans(article, gazetteer)
        article.places = resolve_toponyms(spans, article.text, gazetteer,
                                          country_hints=nationality_hints(article, gazetteer))
        _relabel_corrected(article, spans)
        return article


def _relabel_corrected(article: Article, spans: list[ToponymCandidate]) -> None:
    """Organisation mentions read as a misspelt town that resolved become GPE mentions (matched by span:
    the toponym may be the mention trimmed), losing the organisation's canonical name and actor type."""
    resolved = {(p.start, p.end) for p in article.places if p.lat is not None}
    fixed = [(t.start, t.end) for t in spans if t.corrected and (t.start, t.end) in resolved]
    if not fixed:
        return
    for i, m in enumerate(article.mentions):
        if m.label == "ORG" and any(m.start <= start and end <= m.end for start, end in fixed):
            article.mentions[i] = replace(m, label="GPE", source="rule", canonical=None, actor_type=None)


def toponym_spans(article: Article, gazetteer: GazetteerLike) -> list[ToponymCandidate]:
    """Every span of the report that names a place, in text order, without overlaps."""
    mentions = [t for t in (_trimmed(m, article.text) for m in article.mentions)
                if t is not None and any(ch.isupper() for ch in t.text)]  # English writes a place's name with a capital
    mentions = _joined_across_particles(mentions, article.text, gazetteer)
    named = [t for t in mentions if t.label in PLACE_LABELS]
    countries = _named_countries(named, gazetteer)
    for tp in mentions:
        if tp.label == "ORG" and (fixed := corrected_place(tp, article.text, gazetteer, countries)):
            named.append(replace(tp, fuzzy_ok=False, corrected=fixed))
        elif tp.label in MISLABELLED:
            how = _mislabelled_place(tp, article.text, gazetteer, countries)
            if how is not None:
                named.append(replace(tp, fuzzy_ok=how == "fuzzy"))
        elif tp.label in RARELY_PLACES and within_named_unit(article.text, tp.start, tp.end,
                                                             gazetteer.lookup(tp.text), gazetteer):
            named.append(replace(tp, fuzzy_ok=False))
    datelines = dateline_places(article.text, gazetteer)
    if datelines:
        lines = SpanSet([(t.start, t.end) for t in datelines])
        named = [t for t in named if not lines.overlaps(t.start, t.end)] + datelines
        mentions = [t for t in mentions if not lines.overlaps(t.start, t.end)]
    taken = [_blocking_part(t) for t in mentions if t.label in BLOCKING_LABELS] + \
        [(t.start, t.end) for t in named]
    named.extend(_recognise(article.text, gazetteer, countries, taken))
    return sorted((t for t in named if not is_date_or_function_word(article.text, t.start, t.end)
                   and not is_road_end(article.text, t.start, t.end)
                   and not _CURRENCY_AFTER.match(article.text, t.end)
                   and not _OBJECT_AFTER.match(article.text, t.end)), key=lambda t: (t.start, -t.end))


def dateline_places(text: str, gazetteer: GazetteerLike) -> list[ToponymCandidate]:
    """The place names in capitals that open a paragraph as a dateline (see `_DATELINE`), when the
    gazetteer knows a town or division of that name."""
    found = []
    for match in _DATELINE.finditer(text, 0, min(len(text), DATELINE_REACH)):
        start, end = match.span("place")
        name = match.group("place").rstrip(".")
        if sum(ch.isalpha() for ch in name) < 3 or name.casefold() in FUNCTION_WORDS:
            continue
        if any(c.fclass in ("A", "P") and c.match in ("main", "exact") for c in gazetteer.lookup(name)):
            found.append(ToponymCandidate(start, start + len(name), name, "GPE", fuzzy_ok=False))
    return found


def is_road_end(text: str, start: int, end: int) -> bool:
    """True for a town named as one end of a road ("the Mumbai-Agra highway", "Kabul-Jalalabad road")."""
    joined = _ROAD_START.match(text, end) is not None or text[max(0, start - 1):start] == "-" or "-" in text[start:end]
    return joined and _ROAD_AFTER.match(text, end) is not None


def nationality_hints(article: Article, gazetteer: GazetteerLike) -> list[str]:
    """Country codes of the report's nationality words ("Afghan", "Iraqi"), one per NORP mention."""
    table: dict[str, str] = getattr(gazetteer, "demonyms", {})
    codes = (table.get(m.text.strip().casefold()) for m in article.mentions if m.label == "NORP")
    return [code for code in codes if code and len(code) == 2]


def _joined_across_particles(mentions: list[ToponymCandidate], text: str,
                             gazetteer: GazetteerLike) -> list[ToponymCandidate]:
    """Place mentions a tagger cut short, run on over particles and capitalised words when the gazetteer
    knows the longer name ("Mato Grosso" + "do Sul", "Port" + "of Spain"); mentions inside it are dropped."""
    out: list[ToponymCandidate] = []
    joined_until = -1
    for tp in sorted(mentions, key=lambda t: (t.start, -t.end)):
        if tp.start < joined_until:
            continue  # inside a name already run on over it, or running on past it ("Port" + "of Spain" + "Spain city")
        if tp.label in PLACE_LABELS or tp.label in MISLABELLED:
            start = _known_name_start(text, tp.start, tp.end, gazetteer)
            end = _longest_known_name(text, start, tp.end, gazetteer)
            if (start, end) != (tp.start, tp.end):
                out = [t for t in out if not (start <= t.start and t.end <= end)]
                tp, joined_until = replace(tp, start=start, end=end, text=text[start:end]), end
        out.append(tp)
    return out


def _known_name_start(text: str, start: int, end: int, gazetteer: GazetteerLike) -> int:
    """Where the name at `start:end` begins when the words and particle before it belong to it and the
    gazetteer knows the whole ("Catole do" + "Rocha"), else `start`."""
    head = _NAME_HEAD.search(text[max(0, start - 60):start])
    if head is None:
        return start
    words = [m.start() for m in re.finditer(r"[A-Z]", head.group()) if m.start() == 0 or head.group()[m.start() - 1] == " "]
    base = start - len(head.group())
    for offset in words:  # longest first
        if head.group()[offset:].split(" ", 1)[0].casefold() in FUNCTION_WORDS:
            continue  # "A US", "The Atlantic": an article or function word opens no place name
        if any(c.match in ("main", "exact") for c in gazetteer.lookup(text[base + offset:end])):
            return base + offset
    return start


def _longest_known_name(text: str, start: int, end: int, gazetteer: GazetteerLike) -> int:
    """The end of the longest run-on of the name at `start:end` that is a gazetteer name, or `end`."""
    ends = []
    step_end = end
    for _ in range(MAX_NAME_STEPS):
        match = _NAME_STEP.match(text, step_end)
        if match is None:
            break
        step_end = match.end()
        ends.append(step_end)
    for longer in reversed(ends):
        if any(c.match in ("main", "exact") for c in gazetteer.lookup(text[start:longer])):
            return longer
    return end


def _blocking_part(tp: ToponymCandidate) -> tuple[int, int]:
    """The span of a non-place mention that keeps the recogniser out: up to a bracket or "in"/"at"."""
    cut = _MENTION_BREAK.search(tp.text)
    if cut is None:
        return tp.start, tp.end
    return (tp.start, tp.start) if "(" in cut.group() else (tp.start, tp.start + cut.start())


def is_date_or_function_word(text: str, start: int, end: int) -> bool:
    """True for a capitalised function word ("On") or a month name beside a number ("9 May 2020")."""
    word = text[start:end].casefold()
    if word in FUNCTION_WORDS or word in KIND_WORDS:
        return True
    return word in MONTHS and bool(_DIGIT_BEFORE.search(text[max(0, start - 8):start])
                                   or _DIGIT_AFTER.match(text[end:end + 8]))


def _trimmed(mention: Mention, text: str) -> ToponymCandidate | None:
    """The mention as a toponym span, cut at a line break and without trailing punctuation."""
    start, end = mention.start, mention.end
    for stop in ("\n", ", "):  # "Nis, Serbia" tagged as one name: the place is before the comma
        cut = text.find(stop, start, end)
        if cut != -1:
            end = cut
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
    cands = gazetteer.lookup(tp.text)
    if _strong_place(cands, countries, FOCUS_MIN_POPULATION) or _enclosing_unit(text, tp.start, cands) \
            or within_named_unit(text, tp.start, tp.end, cands, gazetteer):
        return "exact"
    after_preposition = _PREPOSITION_BEFORE.search(text[max(0, tp.start - 12):tp.start])
    if after_preposition and any(c.match == "main" and c.population >= RECOGNISER_MIN_POPULATION for c in cands):
        return "exact"  # "the teaching hospital of Thessaloniki": a city by its own name after "of"/"in"
    if _said_to_be_place(tp, text, cands, gazetteer, countries):
        return "exact"
    words = tp.text.split()
    looks_local = words[0].casefold() in GEO_HEADS or bool(_LOCATIVE_BEFORE.search(text[max(0, tp.start - 30):tp.start]))
    if not looks_local or not countries or len(tp.text) < 6:
        return None
    return "fuzzy" if gazetteer.fuzzy(tp.text, countries) else None


def corrected_place(tp: ToponymCandidate, text: str, gazetteer: GazetteerLike, countries: frozenset[str]) -> str | None:
    """An organisation's name where the sentence says settlement ("at the gates of X, the country's
    fourth-largest urban center"), with no place of that name in the report's countries but a town one
    letter away there: the town's name (the biggest such town), else None."""
    before = text[max(0, tp.start - 30):tp.start]
    if not countries or len(tp.text) < SHORT_FUZZY_MIN or not _SETTLEMENT_APPOSITION.match(text, tp.end) \
            and not _SETTLEMENT_BEFORE.search(before):
        return None
    if any(c.cc in countries for c in gazetteer.lookup(tp.text)):
        return None
    near = [c for c in gazetteer.fuzzy(tp.text, countries)
            if c.edits == 1 and c.fclass == "P" and c.population >= FOCUS_MIN_POPULATION]
    return max(near, key=lambda c: c.population).name if near else None


def _said_to_be_place(tp: ToponymCandidate, text: str, cands: list[Candidate], gazetteer: GazetteerLike,
                      countries: frozenset[str]) -> bool:
    """A mislabelled name the words around it call a place, with a gazetteer town or division of that name
    (in a country the report names, if it names any): a kind word in or after it ("Faskari LGA", "Tarinkot
    city", "Bafut town") or, for a name no tagger took for a person, "in"/"near" before it ("near Shyrokyne").
    `cands` are the gazetteer's entries for the whole name."""
    bare = _KIND_SUFFIX.sub("", tp.text)
    said = bare != tp.text or _KIND_AFTER.match(text, tp.end) is not None
    if not said and tp.label != "PERSON" and _NEAR_BEFORE.search(text[max(0, tp.start - 10):tp.start]) \
            and not text.startswith("'s", tp.end):
        return any(c.match in ("main", "exact") and c.fclass == "P" and c.population >= FOCUS_MIN_POPULATION
                   and (not countries or c.cc in countries) for c in cands)
    return said and bare[:1].isupper() and any(
        c.match in ("main", "exact") and c.fclass in ("A", "P") and c.code != "PCLI" and (not countries or c.cc in countries)
        for c in (cands if bare == tp.text else gazetteer.lookup(bare)))


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
    occupied = SpanSet(taken)
    for match in _NAME_RUN.finditer(text):
        start, end = match.span()
        if occupied.overlaps(start, end):
            continue
        if is_date_or_function_word(text, start, end):
            continue
        cands = gazetteer.lookup(match.group())
        big = not _sentence_initial(text, start) and any(
            c.population >= RECOGNISER_MIN_POPULATION and c.match in ("main", "exact") for c in cands)
        if big or _enclosing_unit(text, start, cands) or _strong_place(cands, countries, FOCUS_MIN_POPULATION) \
                or within_named_unit(text, start, end, cands, gazetteer):
            found.append(ToponymCandidate(start, end, match.group(), "GAZ", fuzzy_ok=False))
    return found


# "Hnutove, Donetsk", "Kadikoy town, Istanbul": a name, maybe a word saying what it is, then a comma.
_KIND_THEN_COMMA = re.compile(r"(?:\s+(?:" + "|".join(SETTLEMENT_WORDS + ADMIN_WORDS) + r"|area|locality))?(?=\s*,)",
                              re.IGNORECASE)

# A comma, a bracket or "of" within a few words after the name: where a unit may be named (a cheap test first).
_UNIT_FOLLOWS = re.compile(r"(?:\s+[\w-]+){0,3}\s*[,(]|(?:\s+[\w-]+){0,2}\s+of\s")


def within_named_unit(text: str, start: int, end: int, cands: list[Candidate], gazetteer: GazetteerLike) -> bool:
    """True when a place of this name lies inside the unit the text names right after it: in brackets
    ("Sason district (Batman)"), after "of" ("Yenimahalle neighbourhood of Merkezefendi") or after a comma
    ("near Hnutove, Donetsk"). The unit vouches for the name whatever a tagger called it."""
    towns = [c for c in cands if c.match in ("main", "exact") and c.fclass in ("A", "P") and c.code != "PCLI"]
    if not towns or not _UNIT_FOLLOWS.match(text, end):
        return False
    kind = _KIND_THEN_COMMA.match(text, end)
    cue = cues_at(text, start, kind.end() if kind else end)
    units = enclosing_candidates(cue, gazetteer)
    readings = qualifier_readings(cue, gazetteer) + qualifier_divisions(cue, gazetteer)
    return any(inside(c, u) for c in towns for u in units if u.code != "PCLI") or any(
        c.cc == cc and admin1 is not None and c.admin1 == admin1 for c in towns for cc, admin1 in readings)


def _enclosing_unit(text: str, start: int, cands: list[Candidate]) -> bool:
    """A name in the brackets after another name ("Thor (Keur Moussa, Thies)") that the gazetteer knows
    as a division or town: ACLED-style and wire-style notes give a place's enclosing units this way."""
    return bool(_HIERARCHY_OPEN.search(text[max(0, start - 80):start])) and any(
        c.match in ("main", "exact") and c.fclass in ("A", "P") for c in cands)


def _sentence_initial(text: str, start: int) -> bool:
    """True when the word opens a sentence or a line (its capital says nothing there)."""
    before = text[max(0, start - 3):start].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ".!?\n:"
