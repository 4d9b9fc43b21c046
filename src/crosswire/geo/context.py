"""Textual cues around a toponym: "X province", "the city of X", "Springfield, Ill.", demonyms.

Pure functions over the text; the resolver turns the cues into preferences between candidates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the gazetteer module imports this one for its demonym table
    from .types import GazetteerLike

ADMIN_WORDS = ("province", "governorate", "state", "county", "district", "region", "oblast",
               "prefecture", "department", "municipality", "countryside", "territory", "canton", "lga")
# Words naming a second-level division in most countries' usage ("Chora district", "Donga LGA").
LOWER_ADMIN_WORDS = frozenset({"district", "county", "municipality", "lga"})
SETTLEMENT_WORDS = ("city", "town", "village", "township", "suburb", "neighbourhood", "neighborhood")
_AFTER_ADMIN = re.compile(r"\s+(?:" + "|".join(ADMIN_WORDS) + r")s?\b", re.IGNORECASE)
_BEFORE_ADMIN = re.compile(r"\b(?:" + "|".join(ADMIN_WORDS) + r")\s+of\s+$", re.IGNORECASE)
_AFTER_CITY = re.compile(r"\s+(?:" + "|".join(SETTLEMENT_WORDS) + r")\b", re.IGNORECASE)
_BEFORE_CITY = re.compile(r"\b(?:" + "|".join(SETTLEMENT_WORDS) + r")\s+of\s+$", re.IGNORECASE)
_AFTER_LOWER_ADMIN = re.compile(r"\s+(?:" + "|".join(sorted(LOWER_ADMIN_WORDS)) + r")\b", re.IGNORECASE)
_BEFORE_LOWER_ADMIN = re.compile(r"\b(?:" + "|".join(sorted(LOWER_ADMIN_WORDS)) + r")\s+of\s+$", re.IGNORECASE)
# "Town (District, Province)", "Town village (District)": the enclosing units in brackets after a name,
# allowing three lowercase words (or "LGA") between ("Haflong town (...)", "Shahpur sector area (...)",
# "Donga LGA (Taraba)").
_ENCLOSING = re.compile(r"(?:\s+(?:[a-z]+|LGA)){0,3}\s*\(([^()]{2,80})\)")
_UNIT_WORD = re.compile(r"\s+(?:" + "|".join(ADMIN_WORDS) + r"|sub-?division|commune|area|sector)$", re.IGNORECASE)
# "Wadi area of Vadodara", "Maden district of Elazig": the name after "<part word> of" encloses the toponym.
PART_WORDS = frozenset({"area", "neighbourhood", "neighborhood", "quarter", "section", "suburb", "suburbs", "district",
                        "village", "locality", "sector", "town", "outskirts", "subdistrict", "sub-district"})
_PART_OF = re.compile(r"(\s+(?:" + "|".join(sorted(PART_WORDS)) + r"))?\s+of\s+(?:the\s+)?"
                      r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})")
_QUALIFIER = re.compile(
    r",\s*((?:[A-Z][\w'.-]*\.?)(?:\s+(?:(?:do|da|dos|das|de|del|la)\s+)?[A-Z][\w'.-]*\.?){0,3})")
# A full stop after a word of three or more lowercase letters ends the sentence, not an abbreviation.
_SENTENCE_END = re.compile(r"(?<=[a-z]{3})\.\s")

# AP style and postal abbreviations of US states -> postal code (GeoNames admin1 code for the US).
US_STATE_ABBREVIATIONS = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT",
    "Del.": "DE", "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS", "Kans.": "KS",
    "Ky.": "KY", "La.": "LA", "Md.": "MD", "Mass.": "MA", "Mich.": "MI", "Minn.": "MN", "Miss.": "MS",
    "Mo.": "MO", "Mont.": "MT", "Neb.": "NE", "Nebr.": "NE", "Nev.": "NV", "N.H.": "NH", "N.J.": "NJ",
    "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND", "Okla.": "OK", "Ore.": "OR", "Pa.": "PA",
    "R.I.": "RI", "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN", "Tex.": "TX", "Vt.": "VT", "Va.": "VA",
    "Wash.": "WA", "W.Va.": "WV", "Wis.": "WI", "Wisc.": "WI", "Wyo.": "WY", "D.C.": "DC",
}
# Canadian province abbreviations in news style -> the province's name.
CA_PROVINCE_ABBREVIATIONS = {
    "B.C.": "British Columbia", "Alta.": "Alberta", "Sask.": "Saskatchewan", "Man.": "Manitoba",
    "Ont.": "Ontario", "Que.": "Quebec", "N.B.": "New Brunswick", "N.S.": "Nova Scotia",
    "P.E.I.": "Prince Edward Island", "Nfld.": "Newfoundland and Labrador", "N.L.": "Newfoundland and Labrador",
}
CA_POSTAL = {"BC": "B.C.", "AB": "Alta.", "SK": "Sask.", "MB": "Man.", "ON": "Ont.", "QC": "Que.",
             "NB": "N.B.", "NS": "N.S.", "PE": "P.E.I.", "NL": "N.L."}
US_POSTAL = frozenset(US_STATE_ABBREVIATIONS.values()) | {"AK", "HI", "ID", "IA", "ME", "OH", "UT"}


@dataclass(frozen=True)
class Cues:
    """What the words around one toponym say about the kind of place it is."""

    admin: bool = False  # "Idlib province", "the province of Idlib"
    settlement: bool = False  # "the city of Hama", "Hama city"
    qualifier: str | None = None  # "Springfield, Ill." -> "Ill."; "Homs, Syria" -> "Syria"
    lower_admin: bool = False  # "Chora district": a second-level division rather than a province
    enclosing: tuple[str, ...] = ()  # "Thor (Keur Moussa, Thies)" -> ("Keur Moussa", "Thies")
    part_of: bool = False  # the last of `enclosing` came from "X area of Y", which may also be appositive


def cues_at(text: str, start: int, end: int) -> Cues:
    """Cues in the 40 characters before and after a toponym span."""
    before, after = text[max(0, start - 40):start], text[end:end + 40]
    qualifier = None
    match = _QUALIFIER.match(after)
    if match:
        qualifier = _SENTENCE_END.split(match.group(1), 1)[0]  # "near Hnutove, Donetsk. During the day"
        qualifier = qualifier.rstrip(".") if not _is_abbreviation(qualifier) else qualifier
    lower = _AFTER_LOWER_ADMIN.match(after) or _BEFORE_LOWER_ADMIN.search(before)
    part = part_of(text, start, end)
    return Cues(admin=bool(_AFTER_ADMIN.match(after) or _BEFORE_ADMIN.search(before)),
                settlement=bool(_AFTER_CITY.match(after) or _BEFORE_CITY.search(before)),
                qualifier=qualifier, lower_admin=bool(lower),
                enclosing=enclosing_units(text[end:end + 120]) + part, part_of=bool(part))


def part_of(text: str, start: int, end: int) -> tuple[str, ...]:
    """The place a toponym is said to be part of: "Wadi area of Vadodara" -> ("Vadodara",)."""
    match = _PART_OF.match(text, end)
    if match is None:
        return ()
    if match.group(1) is None and text[start:end].rsplit(None, 1)[-1].casefold() not in PART_WORDS:
        return ()
    return (_UNIT_WORD.sub("", match.group(2)),)


def enclosing_units(after: str) -> tuple[str, ...]:
    """The capitalised names in the bracket right after a toponym, without their generic words."""
    match = _ENCLOSING.match(after)
    if match is None:
        return ()
    names = (_UNIT_WORD.sub("", part.strip()) for part in match.group(1).split(","))
    return tuple(n for n in names if n[:1].isupper())


def suffix_cues(name: str) -> Cues:
    """Cues inside the name itself: "Hama province" is a division, "Hama city" a town."""
    last = name.rsplit(None, 1)[-1].casefold() if " " in name.strip() else ""
    return Cues(admin=last in ADMIN_WORDS, settlement=last in SETTLEMENT_WORDS, lower_admin=last in LOWER_ADMIN_WORDS)


def _is_abbreviation(word: str) -> bool:
    first = word.split()[0]
    return any(w in table for w in (word, first) for table in (US_STATE_ABBREVIATIONS, CA_PROVINCE_ABBREVIATIONS))


def us_state_code(word: str) -> str | None:
    """The postal code of a US state written as an abbreviation ("Ill." -> "IL", "TX" -> "TX"), also
    without its full stop, as many outlets write it after a town ("Lexington, Ky", "Memphis, Tenn")."""
    if word in US_STATE_ABBREVIATIONS:
        return US_STATE_ABBREVIATIONS[word]
    if word in US_POSTAL:
        return word
    return US_STATE_ABBREVIATIONS.get(word + ".") if len(word) >= 2 and "." not in word else None



def qualifier_place(cue: Cues, gazetteer: GazetteerLike) -> tuple[str, str | None] | None:
    """The country (and US state) a "Name, Qualifier" pattern puts the place in."""
    if cue.qualifier is None:
        return None
    code = us_state_code(cue.qualifier)
    if code is not None:
        return "US", code
    if cue.qualifier in CA_PROVINCE_ABBREVIATIONS:
        return qualifier_place(Cues(qualifier=CA_PROVINCE_ABBREVIATIONS[cue.qualifier]), gazetteer)
    for cand in gazetteer.lookup(cue.qualifier):
        if cand.code == "PCLI" and cand.cc:
            return cand.cc, None
        if cand.code == "ADM1" and cand.cc and cand.match in ("main", "exact"):
            return cand.cc, cand.admin1
    return None


def qualifier_readings(cue: Cues, gazetteer: GazetteerLike) -> list[tuple[str, str | None]]:
    """Every country or province the qualifier after a comma may be: "Santa Cruz" is a province of
    Bolivia and of Argentina, so a town is only missing from the gazetteer if it is in neither."""
    first = qualifier_place(cue, gazetteer)
    if first is None or cue.qualifier is None or first[0] == "US" and us_state_code(cue.qualifier):
        return [first] if first else []
    more = [(c.cc, None if c.code == "PCLI" else c.admin1) for c in gazetteer.lookup(cue.qualifier)
            if c.cc and (c.code == "PCLI" or c.code == "ADM1" and c.match in ("main", "exact"))]
    return [first, *more]
