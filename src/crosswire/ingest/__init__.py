"""Readers: files, folders, feeds, JSON and web archives turned into `Article` records.

Public entry point: `read_inputs(paths, options)` yields an `Article` per report and a `Reject`
(stage "read") per input that could not be read.
"""

from __future__ import annotations

from .options import ReadOptions
from .readers import detect_format, read_file, read_inputs
from .walk import iter_files

__all__ = ["ReadOptions", "detect_format", "iter_files", "read_file", "read_inputs"]
