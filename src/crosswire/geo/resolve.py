"""Toponym resolution: pick the gazetteer place each place name in a report refers to.

Each name's candidates are scored on population, kind of place (country, admin division, capital,
city), how the name matched, textual cues ("Idlib province", "Springfield, Ill.", "Homs, Syria"),
the report's country focus and nearness to the other places in the report. Two passes: the first
finds the focus and anchors from the names that resolve on their own; the second scores every name
with that context. Every `Place` carries a confidence and a reason, also when nothing was found.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..model import Place
from .context import (
    CA_POSTAL,
    CA_PROVINCE_ABBREVIATIONS,
    US_POSTAL,
    US_STATE_ABBREVIATIONS,
    Cues,
    cues_at,
    qualifier_place,
    suffix_cues,
)
from .distance import haversine_km
from .focus import ReportFocus
from .hierarchy import (
    coarse_district_stand_in,
    embedded_candidates,
    enclosing_candidates,
    inside,
    is_acronym,
)
from .lacking import LACKING_SUFFIX, lacking_reason
from .normalise import content_tokens
from .types import Candidate, GazetteerLike, coarse_district

CONTINENT_NAMES = {"@EU": "Europe", "@AF": "Africa", "@AS": "Asia", "@NA": "North America",
                   "@SA": "South America", "@OC": "Oceania", "@AN": "Antarctica"}
_LEADING = re.compile(r"^(?:the|The|THE)\s+")
_TRAILING = re.compile(r"(?:'s|’s|')$")
_GENERIC_SUFFIX = re.compile(
    r"\s+(?:province|governorate|region|state|county|district|oblast|area|countryside|outskirts|city|town|"
    r"village|suburbs|township|upazila|tehsil|taluka|lga|sub-?division|sub-?district|commune|municipality|"
    r"neighbou?rhood|ward|locality|sector)$", re.IGNORECASE)
FEATURE_BONUS = {"PCLI": 0.9, "CONT": 0.8, "ADM1": 0.3, "PPLC": 0.45, "PPLA": 0.2, "PPLA2": 0.1,
                 "ADM2": 0.0, "PPLA3": 0.03, "RGN": 0.4}
MATCH_BONUS = {"main": 0.15, "exact": 0.0, "article": -0.15, "fuzzy": -0.35, "skeleton": -0.45,
               "embedded": -0.1}
NEAR_KM, REGION_KM = 150.0, 600.0
HINT_WEIGHT = 0.5  # a nationality word's vote for the report's country; a resolved place votes up to 1
NAMED_PROVINCE_BONUS = 0.45
MINOR_SEATS = frozenset({"PPLA2", "PPLA3"})
REGION_FOCUS_WEIGHT = 0.25  # the bonus for lying in the first-level division all the report's other names are in


@dataclass(frozen=True)
class ToponymCandidate:
    """A span that may name a place: from NER, the gazetteer recogniser or gold annotation."""

    start: int
    end: int
    text: str
    label: str = "GPE"
    fuzzy_ok: bool = True  # typo-tolerant matching only for names a tagger called a place
    corrected: str | None = None  # the gazetteer name a misspelt name is read as, when the text says place


def resolve_toponyms(names: Sequence[ToponymCandidate | tuple[int, int, str]], text: str,
                     gazetteer: GazetteerLike, demonyms: bool = False,
                     country_hints: Sequence[str] = ()) -> list[Place]:
    """Resolve every name in `names` (spans into `text`) to a `Place`, in the order given.

    `country_hints` are country codes the report points to other than by place names (its nationality
    words: "Afghan forces", "an Iraqi army unit"); each adds a small vote to the report's country focus.
    """
    tops = [_as_toponym(n) for n in names]
    pools = [_candidates(t, text, gazetteer, demonyms) for t in tops]
    cues = [_merge(cues_at(text, t.start, t.end), _merge(suffix_cues(_clean(t.text)), _part_cue(t.text, gazetteer))) for t in tops]
    first = [_first_pick(pool, cue, i, gazetteer) for i, (pool, cue) in enumerate(zip(pools, cues, strict=True))]
    context = _context(tops, first)
    for cc in country_hints:
        context.weights[cc] = context.weights.get(cc, 0.0) + HINT_WEIGHT
    for i, tp in enumerate(tops):
        if not pools[i] and _fuzzy_allowed(tp, text) and _clean(tp.text).casefold() not in getattr(gazetteer, "demonyms", {}):
            pools[i] = _typo_candidates(_clean(tp.text), frozenset(c for c in context.focus if c), gazetteer)
    context.kin = kin_groups(tops, cues)
    done: dict[frozenset[int], list[float]] = {}
    places = [_place(tp, pools[i], cues[i], context, i, gazetteer, _kin_scores(pools, cues, context, i, gazetteer, done))
              for i, tp in enumerate(tops)]
    return _lacking_for_kin(places, pools, context)


def _lacking_for_kin(places: list[Place], pools: list[list[Candidate]], context: ReportFocus) -> list[Place]:
    """A name the text says is a place the gazetteer lacks ("the Feltonville section of Philadelphia", with
    no Feltonville there) is the same unknown place at its other mentions, not the homonym elsewhere."""
    out = list(places)
    for i, place in enumerate(places):
        if place.geonameid is not None or not pools[i] or not place.reason.endswith(LACKING_SUFFIX):
            continue
        for j in context.kin.get(i, frozenset()):
            other = out[j]
            if j != i and other.geonameid is not None and {c.id for c in pools[j]} == {c.id for c in pools[i]}:
                out[j] = Place(other.start, other.end, other.text, confidence=0.0,
                               reason=f"{place.reason}, as another mention of the name says")
    return out


def _first_pick(pool: list[Candidate], cue: Cues, index: int,
                gazetteer: GazetteerLike) -> tuple[Candidate, float, str] | None:
    """A name's pick on its own, or None when the text already says it is a place the gazetteer lacks
    ("San Lorenzo, Chubut" with no San Lorenzo in Chubut): such a name's homonym abroad must not pull
    the report's country focus or anchor its other names."""
    alone = ReportFocus({}, [])
    best = _best(pool, cue, alone, index, gazetteer)
    if best is None or lacking_reason(best[0], pool, cue, alone, index, gazetteer):
        return None
    return best


def _typo_candidates(name: str, countries: frozenset[str], gazetteer: GazetteerLike) -> list[Candidate]:
    """Places within a typo of the name: in the report's countries any the gazetteer finds; with no
    country to go by, no transliteration matches, since a shared consonant skeleton makes a village's
    spelling ("Dolomytne") look like some big city anywhere in the world."""
    found = gazetteer.fuzzy(name, countries)
    return found if countries else [c for c in found if c.match == "fuzzy"]


_ARTICLE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
# Last words of the names of streets and buildings ("Kinsey Avenue", "North Parkway", "Horan Park"): such a
# name is no misspelt town, and its compass word is part of the street's name.
STREET_AND_BUILDING_WORDS = frozenset({
    "street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd", "drive", "dr", "lane", "ln", "parkway",
    "pkwy", "way", "court", "ct", "place", "circle", "terrace", "highway", "hwy", "expressway", "freeway", "bridge",
    "square", "plaza", "park", "hospital", "clinic", "school", "academy", "college", "university", "apartments",
    "center", "centre", "mall", "church", "mosque", "jail", "prison", "station", "hotel", "motel", "restaurant",
    "bar", "lounge", "club", "store", "market", "office", "department", "icu", "radio"})


# "North Pecos and East Gowan roads", "Brook Street": a street word after the name, maybe after a second name.
_STREET_AFTER = re.compile(r"(?:\s+(?:and|&)(?:\s+[A-Z][\w'.-]*){1,3})?\s+(?i:street|road|avenue|boulevard|drive|lane|"
                           r"parkway|highway|court|place|circle|way)s?\b")


def names_a_street_or_building(name: str) -> bool:
    """True when the name's last word names a street or a building ("Auburn Avenue", "Grady Hospital")."""
    words = name.strip().rstrip(".").split()
    return len(words) > 1 and words[-1].casefold() in STREET_AND_BUILDING_WORDS


def _fuzzy_allowed(tp: ToponymCandidate, text: str) -> bool:
    """Typo matching for names a tagger called a place, but not for acronyms ("GNA", "NaTaLa"), whose
    letters are no misspelling of a town's name, nor for names after "the": English names towns without
    an article, so "the Euphrates" or "the Sahel" is a river or region, never a typo of a town; nor for the
    name of a street or building ("Kinsey Avenue" is no misspelt Hawkinsville)."""
    after_article = bool(_LEADING.match(tp.text) or _ARTICLE_BEFORE.search(text[max(0, tp.start - 8):tp.start]))
    return tp.fuzzy_ok and not is_acronym(_clean(tp.text)) and not after_article \
        and not names_a_street_or_building(tp.text) and not _STREET_AFTER.match(text, tp.end)


def _as_toponym(name: ToponymCandidate | tuple[int, int, str]) -> ToponymCandidate:
    if isinstance(name, ToponymCandidate):
        return name
    start, end, text = name
    return ToponymCandidate(start, end, text)


def _clean(name: str) -> str:
    """The name without a leading "the", a possessive "'s" or trailing punctuation."""
    name = _TRAILING.sub("", _LEADING.sub("", name.strip())).strip(" .,;:")
    return name


# "west Charlotte", "Northeast Philadelphia", "downtown Atlanta": a part of a place named by the place's name.
_DIRECTION = re.compile(r"(?:(?:north|south)(?:-?(?:east|west))?|east|west|(?P<lower>downtown|central))\s+(?=[A-Z])",
                        re.IGNORECASE)


def _candidates(tp: ToponymCandidate, text: str, gazetteer: GazetteerLike, demonyms: bool) -> list[Candidate]:
    """The name's candidates (`_name_candidates`); for a name opening with a compass word, those of the
    place it names a part of. English writes a compass word that is part of a name with a capital, so a
    lowercase one ("west Charlotte", "downtown Atlanta") only says which part of the place is meant; a
    capitalised one may be part of the name ("North Carolina", "East Timor"), and adds the place after it
    only when no place bears the whole name as its own ("Northeast Philadelphia", "East Jackson")."""
    direction = _DIRECTION.match(tp.text)
    if direction is None or tp.corrected or names_a_street_or_building(tp.text) or _STREET_AFTER.match(text, tp.end):
        return _name_candidates(tp, text, gazetteer, demonyms)
    rest = replace(tp, start=tp.start + direction.end(), text=tp.text[direction.end():])
    if tp.text[0].islower() or direction.group("lower"):
        return _name_candidates(rest, text, gazetteer, demonyms) if tp.text[0].islower() else \
            _name_candidates(tp, text, gazetteer, demonyms)
    whole = _name_candidates(tp, text, gazetteer, demonyms)
    if any(c.match == "main" for c in whole):
        return whole
    part = _name_candidates(rest, text, gazetteer, demonyms)
    ids = {c.id for c in part}  # the place after the compass word, by its own name rather than found inside
    return [c for c in whole if c.id not in ids] + part if part else whole


def _name_candidates(tp: ToponymCandidate, text: str, gazetteer: GazetteerLike, demonyms: bool) -> list[Candidate]:
    """Exact and article-insensitive matches of the name (or of its correction), its admin-suffix-less
    form, or its demonym."""
    name = _clean(tp.corrected or tp.text)
    if demonyms and name.casefold() in getattr(gazetteer, "demonyms", {}):
        return _demonym_candidates(name, gazetteer)
    abbreviated = _abbreviation_candidates(_abbreviation_as_written(tp, text), gazetteer)
    if abbreviated:
        return abbreviated
    found = gazetteer.lookup(name)
    if is_acronym(name):  # "GNA" is an airport code among a town's alternate names; "IS" is not the town Is
        found = [c for c in found if c.name == name or c.code in ("PCLI", "ADM1", "CONT")
                 or len(name) == 4 and c.name.casefold() == name.casefold()]  # "ROME" in a dateline
    bare = _GENERIC_SUFFIX.sub("", name)
    if not found and bare != name:
        found = gazetteer.lookup(bare)
    if not found and demonyms:
        found = _demonym_candidates(name, gazetteer)
    if not found:
        found = embedded_candidates(name, gazetteer)
    return found


# "Memphis, Tenn", "Shelton, Wash. -": a word after a town's comma, where a state or province stands.
_AFTER_TOWN_COMMA = re.compile(r"[A-Za-z.]\s*,\s*$")


def _abbreviation_as_written(tp: ToponymCandidate, text: str) -> str:
    """The name with the full stop the span was cut before ("Wash" of "Wash."), and with one for a word
    after a town's comma that is an abbreviation without its stop ("Memphis, Tenn -"); else the name."""
    word = tp.text.strip()
    if "." in word[-1:]:
        return word
    if text.startswith(".", tp.end) or _AFTER_TOWN_COMMA.search(text[max(0, tp.start - 4):tp.start]) \
            and word + "." in US_STATE_ABBREVIATIONS:
        return word + "."
    return word


def _abbreviation_candidates(word: str, gazetteer: GazetteerLike) -> list[Candidate]:
    """A US state or Canadian province written as a news abbreviation ("Ky.", "B.C.")."""
    if word in CA_PROVINCE_ABBREVIATIONS:
        return [c for c in gazetteer.lookup(CA_PROVINCE_ABBREVIATIONS[word]) if c.cc == "CA" and c.code == "ADM1"]
    if word in CA_POSTAL:
        return _abbreviation_candidates(CA_POSTAL[word], gazetteer)
    code = US_STATE_ABBREVIATIONS.get(word) or (word if word in US_POSTAL else None)
    if code is not None:
        state = gazetteer.admin1("US", code)
        return [state] if state else []
    return []


def _part_cue(name: str, gazetteer: GazetteerLike) -> Cues:
    """A compass word before a name that no place bears as its own says a part of a town is meant ("west
    Charlotte", "East Jackson"), and so does a lowercase "downtown": a settlement cue. "central" is none
    ("central Syria" is part of a country), nor is a capitalised "Central" or "Downtown", which opens a name
    of its own, nor a compass word of a place's own name ("North Carolina")."""
    direction = _DIRECTION.match(name)
    if direction is None or any(c.match == "main" for c in gazetteer.lookup(_clean(name))):
        return Cues()
    lower = direction.group("lower")
    return Cues(settlement=not lower or name[0].islower() and lower.casefold() == "downtown")


def _merge(outside: Cues, inside: Cues) -> Cues:
    return Cues(admin=outside.admin or inside.admin, settlement=outside.settlement or inside.settlement,
                qualifier=outside.qualifier, lower_admin=outside.lower_admin or inside.lower_admin,
                enclosing=outside.enclosing, part_of=outside.part_of)


def _demonym_candidates(name: str, gazetteer: GazetteerLike) -> list[Candidate]:
    table: dict[str, str] = getattr(gazetteer, "demonyms", {})
    code = table.get(name.casefold()) or table.get(name.casefold().rstrip("s"))
    if code is None:
        return []
    if code.startswith("@"):
        return [c for c in gazetteer.lookup(CONTINENT_NAMES.get(code, "")) if c.code == "CONT"]
    if code.startswith("="):
        return [c for c in gazetteer.lookup(code[1:]) if c.match == "main" and c.fclass != "P"]
    country = gazetteer.country(code)
    return [replace(country, match="exact")] if country else []


def _context(tops: list[ToponymCandidate], first: list[tuple[Candidate, float, str] | None]) -> ReportFocus:
    """Country focus (weighted by mentions; countries named outright count double) and anchors."""
    weights: Counter[str] = Counter()
    anchors: list[tuple[int, Candidate]] = []
    votes: dict[int, tuple[str, float]] = {}
    for i, pick in enumerate(first):
        if pick is None or pick[0].cc is None:
            continue
        cand, confidence, _ = pick
        votes[i] = (cand.cc, 2.0 if cand.code == "PCLI" else confidence)
        weights[cand.cc] += votes[i][1]
        if confidence >= 0.6 and cand.code not in ("PCLI", "CONT"):
            anchors.append((i, cand))
    provinces = [(i, pick[0]) for i, pick in enumerate(first) if pick is not None and pick[0].code == "ADM1"]
    regions = {i: ((pick[0].cc, pick[0].admin1), pick[1]) for i, pick in enumerate(first)
               if pick is not None and pick[0].cc and pick[0].admin1 and pick[0].code != "PCLI"}
    return ReportFocus(dict(weights), anchors, votes, provinces, region_votes=regions)


def _shadowed(pool: list[Candidate]) -> set[int]:
    """Admin divisions named like a town inside them ("Hama" the province and the city): the town
    is meant unless the text says province, so these divisions are marked down."""
    towns = {(c.cc, c.admin1): c.population for c in pool
             if c.fclass == "P" and c.match in ("main", "exact") and len(content_tokens(c.name)) == 1 + c.name.count(" ")}
    return {c.id for c in pool if c.code in ("ADM1", "ADM2") and (c.cc, c.admin1) in towns
            and towns[(c.cc, c.admin1)] >= 0.1 * c.population}


def _score(cand: Candidate, cue: Cues, context: ReportFocus, index: int, qualifier: tuple[str, str | None] | None,
           units: list[Candidate], shadowed: set[int], in_province: set[int], focus: dict[str, float],
           regions: dict[tuple[str, str], float] | None = None, biggest_main: int = 0) -> float:
    """How likely `cand` is the place meant; higher is better (not a probability). A district seat earns
    no seat bonus when a candidate bearing the name as its own is ten times its size (`biggest_main` is the
    population of the biggest such): the seat bonus tells homonyms of about one size apart, not a town from
    a city ("San Antonio" the seat of a small district abroad against the city of 1.5 million)."""
    score = 0.4 * min(math.log10(cand.population + 1) / 7.0, 1.0)
    if cand.id in shadowed and not cue.admin:
        score -= 0.6
    if cand.id in in_province:
        score += NAMED_PROVINCE_BONUS
    feature = FEATURE_BONUS.get(cand.code, 0.25 if cand.fclass not in ("P", "A") else 0.0)
    if cand.code in MINOR_SEATS and cand.population * 10 < biggest_main:
        feature = 0.0
    score += feature
    score += MATCH_BONUS.get(cand.match, 0.0) - 0.05 * cand.edits
    if cue.admin:
        score += _admin_cue_bonus(cand, cue.lower_admin)
    if cue.settlement:
        score += 0.3 if cand.fclass == "P" else -0.2
    if qualifier is not None:
        cc, admin1 = qualifier
        score += 1.0 if cand.cc == cc and (admin1 is None or cand.admin1 == admin1) else -0.3
    if units:
        score += 0.8 if any(inside(cand, unit) for unit in units) else -0.2
    score += 0.55 * focus.get(cand.cc or "", 0.0)
    if regions and cand.cc and cand.admin1:
        score += REGION_FOCUS_WEIGHT * regions.get((cand.cc, cand.admin1), 0.0)
    score += _nearness(cand, context, index)
    return score


def _admin_cue_bonus(cand: Candidate, lower: bool) -> float:
    """"X province" wants a division; "X district" a second-level one (or the town it is named after)."""
    if not lower:
        return 0.5 if cand.code in ("ADM1", "ADM2") else -0.1
    return {"ADM2": 0.7, "ADM3": 0.5, "ADM1": 0.0}.get(cand.code, 0.1 if cand.fclass == "P" else -0.1)


def _nearness(cand: Candidate, context: ReportFocus, index: int) -> float:
    """A bonus for lying near the other places the report names: within `NEAR_KM` of one, or within
    `REGION_KM` (each name's own anchor and the candidate itself left out)."""
    if cand.lat is None or cand.lon is None:
        return 0.0
    for km, bonus in ((NEAR_KM, 0.3), (REGION_KM, 0.12)):
        if any(other.id != cand.id and not context.own(names, index) and other.lat is not None and other.lon is not None
               and haversine_km(cand.lat, cand.lon, other.lat, other.lon) <= km
               for names, other in context.anchor_places_near(cand.lat, cand.lon, km)):
            return bonus
    return 0.0


def _scores(pool: list[Candidate], cue: Cues, context: ReportFocus, index: int,
            gazetteer: GazetteerLike) -> list[float]:
    """Each candidate's score (`_score` and the nearness to the qualifier's town) for name `index`."""
    qualifier, units = qualifier_place(cue, gazetteer), enclosing_candidates(cue, gazetteer)
    shadowed, focus = _shadowed(pool), context.focus_for(index)
    in_province = context.in_named_provinces(pool, index)
    town, regions = _qualifier_town(cue, qualifier, gazetteer), context.region_focus_for(index)
    biggest_main = max((c.population for c in pool if c.match == "main"), default=0)
    return [_score(c, cue, context, index, qualifier, units, shadowed, in_province, focus, regions, biggest_main)
            + _near_qualifier_town(c, town) for c in pool]


def _best(pool: list[Candidate], cue: Cues, context: ReportFocus, index: int,
          gazetteer: GazetteerLike, scores: Sequence[float] | None = None) -> tuple[Candidate, float, str] | None:
    """The best candidate, a confidence from its margin over the runner-up, and a reason. `scores` are the
    candidates' scores when given (the mean over every mention of the name, see `_kin_scores`)."""
    if not pool:
        return None
    if scores is None:
        scores = _scores(pool, cue, context, index, gazetteer)
    ranked = sorted(zip(scores, pool, strict=True), key=lambda sc: (-sc[0], -sc[1].population, sc[1].id))
    margin = ranked[0][0] - ranked[1][0] if len(ranked) > 1 else 1.0
    confidence = round(min(0.99, 0.5 + 0.5 * math.tanh(2.0 * margin) if len(ranked) > 1 else 0.9), 3)
    top = ranked[0][1] if cue.admin else coarse_district_stand_in([c for _, c in ranked])
    if top.match in ("fuzzy", "skeleton"):
        confidence = round(confidence * 0.7, 3)
    reason = _reason(top, len(ranked), cue, qualifier_place(cue, gazetteer), context)
    if top is not ranked[0][1]:
        reason = f"the place named like the district {ranked[0][1].name}, whose own point is its province's; {reason}"
    return top, confidence, reason


def kin_groups(tops: Sequence[ToponymCandidate], cues: Sequence[Cues]) -> dict[int, frozenset[int]]:
    """Each name's kin: the mentions of the same name (itself included), read as one place. A report names
    one place by one name (one sense per discourse): "WESTFIELD, Mass." in the dateline says which
    Westfield every later "Westfield" is. A name the text calls a division ("the province of Hama") is
    kin only to the names called divisions, as a province and its capital often share a name."""
    groups: dict[tuple[str, bool, bool], set[int]] = {}
    for i, (tp, cue) in enumerate(zip(tops, cues, strict=True)):
        key = (kin_key(tp.corrected or tp.text), cue.admin, cue.lower_admin)
        groups.setdefault(key, set()).add(i)
    return {i: frozenset(group) for group in groups.values() for i in group}


def kin_key(name: str) -> str:
    """The form under which mentions count as the same name: without article, possessive, case or a
    lowercase compass word ("west Charlotte" is kin to "Charlotte" when both find the same places)."""
    direction = _DIRECTION.match(name)
    if direction is not None and name[0].islower():
        name = name[direction.end():]
    return _clean(name).casefold()


def _kin_scores(pools: list[list[Candidate]], cues: list[Cues], context: ReportFocus, index: int,
                gazetteer: GazetteerLike, done: dict[frozenset[int], list[float]]) -> list[float] | None:
    """The mean of the scores every mention of name `index`'s kin gives its candidates (computed once
    per kin, in `done`), or None for a name mentioned once or whose kin found other candidates."""
    kin = context.kin.get(index, frozenset((index,)))
    if len(kin) < 2 or any([c.id for c in pools[j]] != [c.id for c in pools[index]] for j in kin):
        return None
    if kin not in done:
        each = [_scores(pools[index], cues[j], context, j, gazetteer) for j in sorted(kin)]
        done[kin] = [sum(column) / len(each) for column in zip(*each, strict=True)]
    return done[kin]


# "Oleksandrivka, Donetsk" where the oblast has several Oleksandrivkas: the one near the town the qualifier also
# names is meant (a place is named after the nearest well-known town); the bonus fades out over this distance.
QUALIFIER_TOWN_KM = 150.0
QUALIFIER_TOWN_BONUS = 0.15


def _qualifier_town(cue: Cues, qualifier: tuple[str, str | None] | None, gazetteer: GazetteerLike) -> Candidate | None:
    """The biggest town named like the qualifier after the comma, in the province the qualifier reads as."""
    if qualifier is None or cue.qualifier is None or qualifier[1] is None:
        return None
    towns = [c for c in gazetteer.lookup(cue.qualifier) if c.fclass == "P" and c.match in ("main", "exact")
             and (c.cc, c.admin1) == qualifier and c.lat is not None and c.lon is not None]
    return max(towns, key=lambda c: c.population) if towns else None


def _near_qualifier_town(cand: Candidate, town: Candidate | None) -> float:
    """A bonus, fading with distance, for lying near the qualifier's town within its province."""
    if town is None or cand.id == town.id or cand.lat is None or cand.lon is None or cand.admin1 != town.admin1:
        return 0.0
    km = haversine_km(cand.lat, cand.lon, town.lat, town.lon)  # type: ignore[arg-type]
    return QUALIFIER_TOWN_BONUS * max(0.0, 1.0 - km / QUALIFIER_TOWN_KM)


def _reason(top: Candidate, n: int, cue: Cues, qualifier: tuple[str, str | None] | None, context: ReportFocus) -> str:
    parts = [f"{n} candidate{'s' if n != 1 else ''}"]
    if top.match == "fuzzy":
        parts.append(f"fuzzy match to {top.name} ({top.edits} edit{'s' if top.edits != 1 else ''})")
    elif top.match == "skeleton":
        parts.append(f"transliteration match to {top.name} (same consonants, {top.edits} edits)")
    elif top.match == "embedded":
        parts.append(f"the place {top.name} named inside a longer name")
    elif top.match == "article":
        parts.append(f"matched {top.name} ignoring articles")
    if qualifier:
        parts.append(f"qualified by '{cue.qualifier}'")
    if cue.admin:
        parts.append("admin-division cue")
    if cue.settlement:
        parts.append("settlement cue")
    if top.cc in context.focus_for(-1):
        parts.append(f"in focus country {top.cc}")
    if coarse_district(top):
        parts.append("coarse: a district placed at its province's point")
    parts.append(f"{top.fcode}, population {top.population}; coordinates: {top.origin}")
    return "; ".join(parts)


def _place(tp: ToponymCandidate, pool: list[Candidate], cue: Cues, context: ReportFocus, index: int,
           gazetteer: GazetteerLike, scores: Sequence[float] | None = None) -> Place:
    best = _best(pool, cue, context, index, gazetteer, scores)
    if best is None:
        why = "no gazetteer entry matches the name"
        why += " (exact, article-insensitive or within 1-2 edits in the report's countries)" if tp.fuzzy_ok else \
            " (exact or article-insensitive; typo matching is off for names no tagger called a place)"
        return Place(tp.start, tp.end, tp.text, confidence=0.0, reason=why)
    cand, confidence, reason = best
    lacking = lacking_reason(cand, pool, cue, context, index, gazetteer)
    if lacking:
        bare = _fitting_bare_name(tp, cue, context, index, gazetteer)
        if bare is None:
            return Place(tp.start, tp.end, tp.text, confidence=0.0, reason=lacking)
        cand, confidence, reason = bare
    if tp.corrected:
        reason = (f"'{tp.text}' read as the place '{tp.corrected}': tagged an organisation, but the sentence "
                  f"calls it a place and the report's country has a town one letter away; {reason}")
    return Place(tp.start, tp.end, tp.text, name=cand.name, geonameid=cand.id if cand.id > 0 else None,
                 lat=cand.lat, lon=cand.lon, feature_code=cand.fcode, admin1=cand.admin1, country=cand.cc,
                 confidence=confidence, reason=reason)


def _fitting_bare_name(tp: ToponymCandidate, cue: Cues, context: ReportFocus, index: int,
                       gazetteer: GazetteerLike) -> tuple[Candidate, float, str] | None:
    """The pick for the name without its generic word when the whole name fits none of the units named
    with it and the bare name does: "Hays city (Al Hudaydah)" is no Hays City abroad but the town Hays."""
    name = _clean(tp.text)
    bare = _GENERIC_SUFFIX.sub("", name)
    if bare == name:
        return None
    pool = gazetteer.lookup(bare)
    best = _best(pool, cue, context, index, gazetteer)
    if best is None or lacking_reason(best[0], pool, cue, context, index, gazetteer):
        return None
    cand, confidence, reason = best
    return cand, confidence, f"the name without its generic word; {reason}"
