"""More names for admin divisions: the bare name without its generic word, and ISO 3166-2 spellings.

GeoNames' admin tables name many divisions with their generic word ("Taraba State", "Sabha District",
"Maidan Wardak Province", "Province of Masbate") and in one spelling ("Oruzgan", "South Kivu"), while reports write "Taraba",
"Uruzgan" or "Sud-Kivu". The builder indexes the bare name too, and adds pycountry's ISO 3166-2
subdivision name to the division of the same country whose name is closest to it.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .normalise import index_key, tokens

GENERIC_WORDS = re.compile(
    r"\s+(?:state|province|district|governorate|region|oblast|county|prefecture|department|municipality|"
    r"division|territory|muhafazah|wilayah|vilayeti)$", re.IGNORECASE)
# Bare names that are common words ("Gulf Province", "Rivers State", "Central Region"): indexed alone they
# would turn every "the Gulf" or "Central" into a division.
COMMON_WORDS = frozenset({
    "gulf", "central", "western", "eastern", "northern", "southern", "north", "south", "east", "west", "upper",
    "lower", "middle", "coast", "coastal", "capital", "delta", "plateau", "rivers", "river", "lakes", "lake",
    "islands", "island", "mountain", "mountains", "highlands", "lowlands", "interior", "border", "national",
    "federal", "metropolitan", "city", "centre", "center", "north east", "north west", "south east", "south west",
    "northeast", "northwest", "southeast", "southwest", "littoral", "savanes", "plateaux", "maritime", "niger"})
# The same words before the name, in English and in the languages of GeoNames' division names
# ("Province of Masbate", "Departamento de Antioquia").
GENERIC_HEADS = re.compile(
    r"^(?:(?:province|municipality|district|region|city) of|provincia d[ei]|departamento del?|municipio(?: de)?|"
    r"distrito de|cant[oó]n(?: de)?)\s+", re.IGNORECASE)
MIN_SIMILARITY = 0.7  # normalised Levenshtein similarity for an ISO name to join a GeoNames division


def bare_name(name: str) -> str | None:
    """The name without a generic word after or before it ("Taraba State" -> "Taraba", "Province of
    Masbate" -> "Masbate"); None when it has none or the rest is a common word ("Gulf Province")."""
    bare = GENERIC_HEADS.sub("", GENERIC_WORDS.sub("", name.strip()))
    if not bare or bare == name.strip() or bare.casefold() in COMMON_WORDS:
        return None
    return bare


def iso_subdivision_names(divisions: dict[str, list[str]]) -> dict[str, list[str]]:
    """ISO 3166-2 names to add, per admin1 code ("NG.43" -> ["Taraba"]).

    `divisions` maps "CC.A1" to the division's GeoNames names. Each ISO subdivision of the first level
    joins the one division of its country whose bare name is most similar (at least MIN_SIMILARITY);
    ties and weak matches add nothing.
    """
    import pycountry
    from rapidfuzz.distance import Levenshtein

    keys_by_cc: dict[str, list[tuple[str, str]]] = defaultdict(list)
    words_by_cc: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for code, names in divisions.items():
        for name in names:
            keys_by_cc[code.split(".")[0]].append((code, index_key(bare_name(name) or name)))
            words_by_cc[code.split(".")[0]].append((code, tokens(bare_name(name) or name)))
    found: dict[str, list[str]] = defaultdict(list)
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue
        if sub.name.casefold() in COMMON_WORDS:
            continue
        key = index_key(bare_name(sub.name) or sub.name)
        scored = sorted(((Levenshtein.normalized_similarity(key, k), code) for code, k in keys_by_cc[sub.country_code]
                         if key and k), reverse=True)
        if not scored or scored[0][0] < MIN_SIMILARITY:
            # "Wardak" and GeoNames' "Maidan Wardak": the ISO name is a whole word or more of one division's name
            words = tokens(bare_name(sub.name) or sub.name)
            best = [code for code, longer in words_by_cc[sub.country_code] if _word_part(words, longer)]
        else:
            best = [code for sim, code in scored if sim == scored[0][0]]
        if len(set(best)) == 1:
            found[best[0]].append(sub.name)
    return dict(found)


def _word_part(words: list[str], longer: list[str]) -> bool:
    """True when `words` are the first or last words of the longer name `longer`."""
    n = len(words)
    return 0 < n < len(longer) and len("".join(words)) >= 4 and words in (longer[:n], longer[-n:])
