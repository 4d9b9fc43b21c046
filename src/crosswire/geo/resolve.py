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
from .lacking import lacking_reason
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
    cues = [_merge(cues_at(text, t.start, t.end), suffix_cues(_clean(t.text))) for t in tops]
    first = [_first_pick(pool, cue, i, gazetteer) for i, (pool, cue) in enumerate(zip(pools, cues, strict=True))]
    context = _context(tops, first)
    for cc in country_hints:
        context.weights[cc] = context.weights.get(cc, 0.0) + HINT_WEIGHT
    for i, tp in enumerate(tops):
        if not pools[i] and _fuzzy_allowed(tp, text) and _clean(tp.text).casefold() not in getattr(gazetteer, "demonyms", {}):
            pools[i] = _typo_candidates(_clean(tp.text), frozenset(c for c in context.focus if c), gazetteer)
    return [_place(tp, pools[i], cues[i], context, i, gazetteer) for i, tp in enumerate(tops)]


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


def _fuzzy_allowed(tp: ToponymCandidate, text: str) -> bool:
    """Typo matching for names a tagger called a place, but not for acronyms ("GNA", "NaTaLa"), whose
    letters are no misspelling of a town's name, nor for names after "the": English names towns without
    an article, so "the Euphrates" or "the Sahel" is a river or region, never a typo of a town."""
    after_article = bool(_LEADING.match(tp.text) or _ARTICLE_BEFORE.search(text[max(0, tp.start - 8):tp.start]))
    return tp.fuzzy_ok and not is_acronym(_clean(tp.text)) and not after_article


def _as_toponym(name: ToponymCandidate | tuple[int, int, str]) -> ToponymCandidate:
    if isinstance(name, ToponymCandidate):
        return name
    start, end, text = name
    return ToponymCandidate(start, end, text)


def _clean(name: str) -> str:
    """The name without a leading "the", a possessive "'s" or trailing punctuation."""
    name = _TRAILING.sub("", _LEADING.sub("", name.strip())).strip(" .,;:")
    return name


def _candidates(tp: ToponymCandidate, text: str, gazetteer: GazetteerLike, demonyms: bool) -> list[Candidate]:
    """Exact and article-insensitive matches of the name (or of its correction), its admin-suffix-less
    form, or its demonym."""
    name = _clean(tp.corrected or tp.text)
    if demonyms and name.casefold() in getattr(gazetteer, "demonyms", {}):
        return _demonym_candidates(name, gazetteer)
    abbreviated = _abbreviation_candidates(tp.text.strip(), gazetteer)
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
    return ReportFocus(dict(weights), anchors, votes, provinces)


def _shadowed(pool: list[Candidate]) -> set[int]:
    """Admin divisions named like a town inside them ("Hama" the province and the city): the town
    is meant unless the text says province, so these divisions are marked down."""
    towns = {(c.cc, c.admin1): c.population for c in pool
             if c.fclass == "P" and c.match in ("main", "exact") and len(content_tokens(c.name)) == 1 + c.name.count(" ")}
    return {c.id for c in pool if c.code in ("ADM1", "ADM2") and (c.cc, c.admin1) in towns
            and towns[(c.cc, c.admin1)] >= 0.1 * c.population}


def _score(cand: Candidate, cue: Cues, context: ReportFocus, index: int, qualifier: tuple[str, str | None] | None,
           units: list[Candidate], shadowed: set[int], in_province: set[int], focus: dict[str, float]) -> float:
    """How likely `cand` is the place meant; higher is better (not a probability)."""
    score = 0.4 * min(math.log10(cand.population + 1) / 7.0, 1.0)
    if cand.id in shadowed and not cue.admin:
        score -= 0.6
    if cand.id in in_province:
        score += NAMED_PROVINCE_BONUS
    score += FEATURE_BONUS.get(cand.code, 0.25 if cand.fclass not in ("P", "A") else 0.0)
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
        if any(other.id != cand.id and names != (index,) and other.lat is not None and other.lon is not None
               and haversine_km(cand.lat, cand.lon, other.lat, other.lon) <= km
               for names, other in context.anchor_places_near(cand.lat, cand.lon, km)):
            return bonus
    return 0.0


def _best(pool: list[Candidate], cue: Cues, context: ReportFocus, index: int,
          gazetteer: GazetteerLike) -> tuple[Candidate, float, str] | None:
    """The best candidate, a confidence from its margin over the runner-up, and a reason."""
    if not pool:
        return None
    qualifier, units = qualifier_place(cue, gazetteer), enclosing_candidates(cue, gazetteer)
    shadowed, focus = _shadowed(pool), context.focus_for(index)
    in_province = context.in_named_provinces(pool, index)
    town = _qualifier_town(cue, qualifier, gazetteer)
    ranked = sorted(((_score(c, cue, context, index, qualifier, units, shadowed, in_province, focus)
                      + _near_qualifier_town(c, town), c) for c in pool),
                    key=lambda sc: (-sc[0], -sc[1].population, sc[1].id))
    margin = ranked[0][0] - ranked[1][0] if len(ranked) > 1 else 1.0
    confidence = round(min(0.99, 0.5 + 0.5 * math.tanh(2.0 * margin) if len(ranked) > 1 else 0.9), 3)
    top = ranked[0][1] if cue.admin else coarse_district_stand_in([c for _, c in ranked])
    if top.match in ("fuzzy", "skeleton"):
        confidence = round(confidence * 0.7, 3)
    reason = _reason(top, len(ranked), cue, qualifier, context)
    if top is not ranked[0][1]:
        reason = f"the place named like the district {ranked[0][1].name}, whose own point is its province's; {reason}"
    return top, confidence, reason


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
           gazetteer: GazetteerLike) -> Place:
    best = _best(pool, cue, context, index, gazetteer)
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
