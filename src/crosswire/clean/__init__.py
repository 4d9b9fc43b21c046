"""Cleaning: boilerplate, in-report repeats and normalisation with an offset map; text metadata.

Stages: `CleanStage` ("clean": raw_text -> text, offsets, notes, id) and `MetadataStage`
("metadata": text -> published, published_source, byline, language).
"""

from __future__ import annotations

from .stages import CleanStage, MetadataStage
from .text import CleanResult, clean_text

__all__ = ["CleanResult", "CleanStage", "MetadataStage", "clean_text"]
