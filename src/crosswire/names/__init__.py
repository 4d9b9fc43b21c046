"""The naming domain shared by reading and linking: who an actor is, how names are spelt and folded.

`aliases.py` is the curated actor alias table (`data/actors.tsv`: one actor per row with its aliases
in several languages and transliterations, each row with its public source); `translit.py` folds a
name's spellings to one key ("Mhardeh" and "Muhradah", "al-Assad" and "Assad"); `countries.py` names
countries as ACLED and as news prose do. Both `nlp/` (the alias ruler, actor naming) and `link/`
(entity resolution) stand on it; it imports neither.
"""

from .aliases import (
    ACTOR_TYPES,
    CONTEXTUAL_PREFIX,
    LABELS,
    Actor,
    AliasTable,
    fold_alias,
    load_alias_table,
    normalise_alias,
    read_alias_rows,
)
from .countries import country_name, country_short_names
from .translit import acronym, loose_name_key, name_key, surname_key

__all__ = [
    "ACTOR_TYPES", "CONTEXTUAL_PREFIX", "LABELS", "Actor", "AliasTable", "acronym", "country_name",
    "country_short_names", "fold_alias", "load_alias_table", "loose_name_key", "name_key",
    "normalise_alias", "read_alias_rows", "surname_key",
]
