"""docs/architecture.md names every room the code has, in the layer the import test holds it to."""

from __future__ import annotations

import re
from pathlib import Path

from tests.test_layers import LAYERS, PACKAGE

DOC = (Path(__file__).resolve().parents[1] / "docs" / "architecture.md").read_text(encoding="utf-8")


def documented_rooms() -> dict[str, int]:
    return {room: int(layer) for layer, room in re.findall(r"^\| (\d) \| `(\w+)` \|", DOC, re.M)}


def test_the_room_table_lists_each_room_of_the_code_once_in_its_layer() -> None:
    in_code = {room: i for i, rooms in enumerate(LAYERS) for room in rooms}
    assert documented_rooms() == in_code


def test_every_room_the_table_names_exists() -> None:
    for room in documented_rooms():
        assert (PACKAGE / room).is_dir() or (PACKAGE / f"{room}.py").is_file(), room


def test_the_nlp_wings_the_doc_names_are_the_wings_on_disk() -> None:
    line = next(line for line in DOC.splitlines() if line.startswith("| 2 | `nlp`"))
    named = set(re.findall(r"`(\w+)`", line.split("|")[3]))
    wings = {p.name for p in (PACKAGE / "nlp").iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert wings <= named
