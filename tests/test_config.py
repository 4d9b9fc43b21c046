from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.config import Settings, load_settings
from crosswire.errors import ConfigError


def test_precedence_defaults_file_env_cli(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text('[crosswire]\ndb = "file.db"\nout = "file-out"\nmax_bytes = 10\n')
    s = load_settings(str(cfg), env={"CROSSWIRE_OUT": "env-out", "CROSSWIRE_MAX_BYTES": "20"}, db="cli.db")
    assert (s.db, s.out, s.max_bytes) == ("cli.db", "env-out", 20)
    assert s.error_policy == Settings().error_policy


@pytest.mark.parametrize("env,match", [({"CROSSWIRE_MAX_BYTES": "lots"}, "whole number"),
                                       ({"CROSSWIRE_ERROR_POLICY": "ignore"}, "skip' or 'raise")])
def test_bad_values_are_clear_errors(env: dict[str, str], match: str) -> None:
    with pytest.raises(ConfigError, match=match):
        load_settings(env=env)


def test_unknown_setting_in_file(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text('[crosswire]\ndatabase = "x"\n')
    with pytest.raises(ConfigError, match="unknown setting 'database'"):
        load_settings(str(cfg), env={})


def test_list_and_bool_settings_from_env() -> None:
    s = load_settings(env={"CROSSWIRE_STAGES": "clean, metadata", "CROSSWIRE_PROGRESS": "no"})
    assert s.stages == ["clean", "metadata"] and s.progress is False
