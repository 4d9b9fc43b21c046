"""Independence: how many outlets carry a statement and how many original sources stand behind it.

A statement reaches a report through a chain: the original source (the one it is attributed to, named
by its canonical name so OSDH and SOHR are one), the wire agencies the report credits ("(AFP)",
"(Reuters)", "told AFP", "(RFI and AFP)"), and the outlet itself. Two outlets carrying one original
source's figure are two outlets and one independent source; a report that is a near-duplicate of
another (wire copy re-run) counts as its original's copy. A statement with no source named and no wire
credited stands on its outlet (or, for a duplicate, on the report it copies).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

WIRES = {
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "Reuters": ("Reuters",),
    "AP": ("AP", "Associated Press"),
    "ANSA": ("ANSA",),
    "EFE": ("EFE",),
    "dpa": ("dpa",),
    "Xinhua": ("Xinhua",),
    "Anadolu": ("Anadolu", "Anadolu Agency"),
}
_WIRE_NAME = {alias.casefold(): wire for wire, aliases in WIRES.items() for alias in aliases}
_WIRE_ALT = "|".join(sorted((re.escape(a) for aliases in WIRES.values() for a in aliases), key=len, reverse=True))
# A credit in brackets holding wire names ("(AFP)", "(RFI and AFP)", "(Reuters/AP)"), or a quote told to one.
CREDIT = re.compile(r"\(([^()]{0,60}\b(?:" + _WIRE_ALT + r")\b[^()]{0,60})\)")
TOLD = re.compile(r"\b(?:told|to|said to|according to|reported by|cited by)\s+(?:the\s+)?(" + _WIRE_ALT + r")\b")


def wire_credits(text: str) -> list[str]:
    """The wire agencies a report credits, in a stable order (brackets, or a statement 'told AFP')."""
    found: set[str] = set()
    for match in CREDIT.finditer(text):
        for name in re.findall(r"\b(?:" + _WIRE_ALT + r")\b", match.group(1)):
            found.add(_WIRE_NAME[name.casefold()])
    for match in TOLD.finditer(text):
        found.add(_WIRE_NAME[match.group(1).casefold()])
    return sorted(found)


def canonical_source(name: str | None, lookup: Callable[[str], str | None]) -> str | None:
    """A source's canonical name ('OSDH' -> the Syrian Observatory for Human Rights), or the name as given."""
    if not name:
        return None
    innermost = name.split(" via ")[-1].strip()  # "a military source via SANA": SANA is who published it
    return lookup(innermost) or _WIRE_NAME.get(innermost.casefold()) or innermost


def chain_of(source: str | None, wires: list[str], outlet: str) -> tuple[str, ...]:
    """Original source first, then the wires, then the outlet (no link repeated)."""
    links = [x for x in (source, *wires, outlet) if x]
    return tuple(dict.fromkeys(links))


def independence(chains: Iterable[tuple[str, tuple[str, ...]]], copies: dict[str, str]) -> dict[str, Any]:
    """Outlets and independent original sources behind (report id, chain) pairs.

    `copies` maps a near-duplicate report to its original; a copy counts as its original's outlet chain.
    """
    outlets: set[str] = set()
    originals: set[str] = set()
    kept: list[list[str]] = []
    for report, chain in chains:
        if not chain:
            continue
        outlets.add(chain[-1])
        originals.add(chain[0] if len(chain) > 1 else "report:" + copies.get(report, report))
        if list(chain) not in kept:
            kept.append(list(chain))
    named = sorted(o for o in originals if not o.startswith("report:"))
    return {"outlets": sorted(outlets), "outlet_count": len(outlets), "independent_sources": named,
            "independent_count": len(originals), "chains": sorted(kept)}
