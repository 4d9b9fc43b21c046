"""The README documents every command, setting and export field the code has (and no others)."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from crosswire.cli import build_parser
from crosswire.config import Settings
from crosswire.present import EXPORT_FIELDS

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return list(sub.choices)  # type: ignore[union-attr]


@pytest.mark.parametrize("command", _commands())
def test_every_command_is_documented(command: str) -> None:
    assert f"| `crosswire {command}" in README


@pytest.mark.parametrize("setting", [f.name for f in fields(Settings)])
def test_every_setting_is_documented(setting: str) -> None:
    assert re.search(rf"^\| `{setting}` \|", README, re.M), f"setting {setting} missing from README"


def test_export_fields_match_readme() -> None:
    documented: dict[str, list[str]] = {}
    for kind, name in re.findall(r"^\| (\w+) \| `(\w+)` \|", README, re.M):
        documented.setdefault(kind, []).append(name)
    assert documented == EXPORT_FIELDS


def test_readme_states_the_two_commands() -> None:
    assert "make demo" in README and "make test" in README
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text()
    assert "make test" in ci


def test_scaling_guide_commands_parse() -> None:
    """Every `crosswire ...` line of the README's scaling guide is a command line the CLI accepts."""
    import shlex

    guide = README.split("## Scaling out", 1)[1].split("\n## ", 1)[0]
    lines = [line.split("#")[0].strip() for line in guide.splitlines() if line.startswith("crosswire ")]
    assert len(lines) >= 5
    parser = build_parser()
    for line in lines:
        args = parser.parse_args(shlex.split(line)[1:])
        assert args.func is not None, line
