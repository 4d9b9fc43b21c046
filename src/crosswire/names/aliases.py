"""The curated actor alias table: who the armed and political actors are and what they are called.

`data/actors.tsv` holds one actor per row: an id, the canonical name in ACLED's naming style, the
spaCy label its mentions get (ORG, PERSON, NORP, GPE), the ACLED actor type, the country, the
aliases (`|`-separated: other spellings, transliterations, translations, acronyms) and the public
source the row was checked against. An alias written with a leading `=` matches only with exactly
that capitalisation (the government's "Syrian national army" is not the rebel "Syrian National
Army"); short all-capital acronyms (IS, SNA, HTS) are case-exact too, so "is" never matches. An
alias written with a leading `~` is a common noun phrase ("regime forces", "government forces")
that means the actor only in a report about the actor's country (see `AliasTable.in_context`).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources as importlib_resources
from pathlib import Path

from ..errors import ConfigError
from .countries import country_short_names
from .translit import name_key

COLUMNS = ("id", "canonical", "type", "actor_type", "country", "aliases", "source")
ACTOR_TYPES = (
    "State forces", "Rebel group", "Political militia", "Identity militia", "Rioters",
    "Protesters", "Civilians", "External/Other forces",
)
LABELS = ("ORG", "PERSON", "NORP", "GPE")
CONTEXTUAL_PREFIX = "~"  # ruler pattern id prefix of a common-noun alias that needs the actor's country


@dataclass(frozen=True)
class Alias:
    """One name an actor goes by; `exact` means capitalisation must match."""

    text: str
    exact: bool
    contextual: bool = False


@dataclass(frozen=True)
class Actor:
    """One row of the alias table."""

    id: str
    canonical: str
    type: str
    actor_type: str | None
    country: str | None
    aliases: tuple[Alias, ...]
    source: str

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name and every alias, as written."""
        return (self.canonical, *(a.text for a in self.aliases))

    def all_aliases(self) -> tuple[Alias, ...]:
        """The canonical name as an alias (case-exact when an alias of the same letters is), then the aliases."""
        folded = self.canonical.casefold()
        exact = is_case_exact(self.canonical) or any(
            a.exact and a.text.casefold() == folded for a in self.aliases)
        return (Alias(self.canonical, exact), *self.aliases)


def normalise_alias(text: str) -> str:
    """Case-preserving normal form: curly quotes straightened, spacing and a leading `the` removed."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[\u2018\u2019\u02bc`\u00b4]", "'", text)
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    text = re.sub(r"\s+", " ", text).strip(" .,;:\"'()")
    return re.sub(r"^(?i:the) ", "", text)


def fold_alias(text: str) -> str:
    """Case- and accent-insensitive form used for the loose lookup."""
    decomposed = unicodedata.normalize("NFKD", normalise_alias(text).casefold())
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\s\-]+", " ", folded)


def is_case_exact(alias: str) -> bool:
    """Short all-capital acronyms must match with their case: `IS` is not `is`."""
    letters = alias.replace(".", "").replace("-", "")
    return letters.isupper() and len(letters) <= 6 and " " not in alias


@dataclass
class AliasTable:
    """Actors and three lookups: exact case, folded case, transliteration key."""

    actors: list[Actor]
    _exact: dict[str, str] = field(default_factory=dict, repr=False)
    _folded: dict[str, str] = field(default_factory=dict, repr=False)
    _keys: dict[str, str] = field(default_factory=dict, repr=False)
    country_names: dict[str, str] = field(default_factory=dict)  # ISO alpha-2 -> English short name

    def __post_init__(self) -> None:
        self.by_id = {a.id: a for a in self.actors}
        self._candidates: dict[str, list[str]] = {}
        self._contextual: dict[str, list[str]] = {}
        for actor in sorted(self.actors, key=lambda a: a.id):
            self._index(actor)
        names = sorted({n for n in self.country_names.values() if n}, key=lambda n: (-len(n), n))
        self._country_prefixes = {n: [m for m in names if n.startswith(m)] for n in names}
        self._country_pattern = (re.compile(r"\b(?=(" + "|".join(re.escape(n) for n in names) + "))")
                                 if names else None)

    def _index(self, actor: Actor) -> None:
        for alias in actor.all_aliases():
            if alias.contextual:
                self._contextual.setdefault(fold_alias(alias.text), []).append(actor.id)
                continue
            ids = self._candidates.setdefault(fold_alias(alias.text), [])
            if actor.id not in ids:
                ids.append(actor.id)
            self._exact.setdefault(normalise_alias(alias.text), actor.id)
            if alias.exact:
                continue
            self._folded.setdefault(fold_alias(alias.text), actor.id)
            if actor.type == "PERSON" or len(alias.text) > 8:
                self._keys.setdefault(name_key(alias.text), actor.id)

    def lookup(self, text: str, fuzzy: bool = True) -> Actor | None:
        """The actor a name refers to: exact case first, then folded, then (if `fuzzy`) by key."""
        norm = normalise_alias(text)
        actor_id = self._exact.get(norm) or self._folded.get(fold_alias(norm))
        if actor_id is None and fuzzy and len(norm) > 3:
            actor_id = self._keys.get(name_key(norm))
        return self.by_id.get(actor_id) if actor_id else None

    def candidates(self, text: str) -> list[Actor]:
        """Every actor one of whose names folds to the same form, whatever its case rule."""
        return [self.by_id[i] for i in self._candidates.get(fold_alias(text), [])]

    def country_counts(self, text: str) -> dict[str, int]:
        """How often `text` names each country (or its adjective: `Syria` covers `Syrian`), in one
        pass over the text: compute it once per report, not once per mention.

        One zero-width match per word start finds the longest name there; every name that is a
        prefix of it (`Niger` of `Nigeria`) matches there too, as `\\bNiger` would."""
        counts: dict[str, int] = {}
        if self._country_pattern is None:
            return counts
        for match in self._country_pattern.finditer(text):
            for name in self._country_prefixes[match.group(1)]:
                counts[name] = counts.get(name, 0) + 1
        return counts

    def country_weight(self, actor: Actor, counts: Mapping[str, int]) -> int:
        """How often the report (its `country_counts`) names the actor's country."""
        name = self.country_names.get(actor.country or "")
        return counts.get(name, 0) if name else 0

    def contextual_actor(self, phrase: str, text: str, counts: Mapping[str, int] | None = None) -> Actor | None:
        """The actor a common-noun phrase ("government forces") means in `text`: the one whose
        country the text names most; None when it names none of them. Pass the report's
        `country_counts` when asking for many phrases of one text."""
        counts = self.country_counts(text) if counts is None else counts
        best, best_weight = None, 0
        for actor_id in self._contextual.get(fold_alias(phrase), []):
            actor = self.by_id[actor_id]
            weight = self.country_weight(actor, counts)
            if weight > best_weight:
                best, best_weight = actor, weight
        return best

    def contextual_phrases(self) -> list[str]:
        """Every common-noun phrase that needs the report's country to mean an actor."""
        return sorted(self._contextual)

    def __len__(self) -> int:
        return len(self.actors)


def parse_aliases(cell: str) -> tuple[Alias, ...]:
    """`=Syrian national army|SAA|Syrian army` -> aliases with their case rule."""
    out = []
    for raw in cell.split("|"):
        raw = raw.strip()
        if not raw:
            continue
        exact, contextual = raw.startswith("="), raw.startswith("~")
        text = raw[1:].strip() if exact or contextual else raw
        out.append(Alias(text, exact or is_case_exact(text), contextual))
    return tuple(out)


def parse_row(row: dict[str, str], where: str) -> Actor:
    """One TSV row to an `Actor`, refusing rows without a source or with an unknown label/type."""
    if not (row.get("source") or "").strip():
        raise ConfigError(f"{where}: actor {row.get('id')!r} has no source; every row must name one")
    if row.get("type") not in LABELS:
        raise ConfigError(f"{where}: actor {row.get('id')!r} has type {row.get('type')!r}; use one of {LABELS}")
    actor_type = (row.get("actor_type") or "").strip() or None
    if actor_type is not None and actor_type not in ACTOR_TYPES:
        raise ConfigError(f"{where}: actor {row['id']!r} has actor_type {actor_type!r}; use one of {ACTOR_TYPES}")
    return Actor(
        id=row["id"].strip(), canonical=row["canonical"].strip(), type=row["type"],
        actor_type=actor_type, country=(row.get("country") or "").strip() or None,
        aliases=parse_aliases(row.get("aliases") or ""), source=row["source"].strip(),
    )


def read_alias_rows(text: str, where: str) -> list[Actor]:
    """Parse the TSV text (comment lines start with `#`)."""
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise ConfigError(f"{where}: header must be {COLUMNS}, found {reader.fieldnames}")
    actors = [parse_row(row, f"{where}:{i + 2}") for i, row in enumerate(reader)]
    ids = [a.id for a in actors]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise ConfigError(f"{where}: duplicate actor ids {dupes}")
    return actors



def load_alias_table(path: str | Path | None = None) -> AliasTable:
    """The packaged alias table (or the TSV at `path`)."""
    if path is not None:
        text, where = Path(path).read_text(encoding="utf-8"), str(path)
    else:
        ref = importlib_resources.files("crosswire") / "data" / "actors.tsv"
        text, where = ref.read_text(encoding="utf-8"), "crosswire/data/actors.tsv"
    return AliasTable(read_alias_rows(text, where), country_names=country_short_names())
