"""Nationality and continent words and the country or continent each points to ("Syrian" -> SY).

The curated table `data/geo_demonyms.tsv` lets resolution read "Syrian forces" as a vote for Syria and
keeps demonyms from being geocoded as places of their own.
"""

from __future__ import annotations

from pathlib import Path

from .build import data_path


def load_demonyms(path: Path | None = None) -> dict[str, str]:
    """Demonym (casefolded) -> country code ("SY") or "@" continent code ("@EU")."""
    table: dict[str, str] = {}
    with open(path or data_path("geo_demonyms.tsv"), encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or line.startswith("demonym\t") or not line.strip():
                continue
            name, code = line.rstrip("\n").split("\t")
            table[name.casefold()] = code
    return table
