"""Compact storage of the cleaned-to-raw offset map as runs of consecutive offsets."""

from __future__ import annotations

import json


def encode_offsets(offsets: list[int]) -> str:
    """[[text_start, raw_start, length], ...] where raw offsets rise by one inside a run."""
    runs: list[list[int]] = []
    for i, raw in enumerate(offsets):
        if runs and raw == runs[-1][1] + runs[-1][2] and i == runs[-1][0] + runs[-1][2]:
            runs[-1][2] += 1
        else:
            runs.append([i, raw, 1])
    return json.dumps(runs, separators=(",", ":"))


def decode_offsets(encoded: str) -> list[int]:
    out: list[int] = []
    for _text_start, raw_start, length in json.loads(encoded):
        out.extend(range(raw_start, raw_start + length))
    return out
